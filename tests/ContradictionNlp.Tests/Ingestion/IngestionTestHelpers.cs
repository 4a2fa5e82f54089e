using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

/// <summary>A temporary folder deleted after the test, for loader tests that need real files.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cnlp-ingest-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

internal static class Read
{
    public static (List<Article> Articles, List<Diagnostic> Diagnostics) Bytes(ArticleReaderBase reader, byte[] bytes, string origin = "in")
    {
        var bag = new DiagnosticBag();
        var articles = reader.Read(new MemoryStream(bytes), origin, bag).ToList();
        return (articles, bag.ToList());
    }

    public static (List<Article> Articles, List<Diagnostic> Diagnostics) Text(ArticleReaderBase reader, string text, string origin = "in") =>
        Bytes(reader, Encoding.UTF8.GetBytes(text), origin);
}
