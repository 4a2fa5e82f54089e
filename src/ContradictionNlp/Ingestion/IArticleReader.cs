using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>Reads one file format. Bad input becomes a diagnostic naming origin (and line); never an exception.</summary>
public interface IArticleReader
{
    /// <summary>True when this reader handles files with this path's extension.</summary>
    bool CanRead(string path);

    IEnumerable<Article> Read(Stream stream, string origin, DiagnosticBag diagnostics);
}
