using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using Xunit.Abstractions;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Hostile bytes through every reader (directly and via <see cref="ArticleLoader"/>), then through
/// the tokenizer, splitter and claim extractor. Expected for every input: no exception, no hang,
/// and either articles or a diagnostic saying why not (never silent loss).
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class IngestionFuzzTests(ITestOutputHelper output)
{
    private static readonly IngestionOptions Options = new();
    private static readonly ArticleReaderBase[] Readers =
        [new PlainTextArticleReader(Options), new HtmlArticleReader(Options), new JsonLinesArticleReader(Options)];

    public sealed record Input(string Kind, byte[] Bytes, int Reader)
    {
        public override string ToString() => $"{Kind}, {Bytes.Length} bytes, reader {Readers[Reader].GetType().Name}";
    }

    private static Input Generate(Random r, int i)
    {
        int reader = r.Next(Readers.Length);
        switch (r.Next(9))
        {
            case 0: return new("random bytes", FuzzInputs.RandomBytes(r), reader);
            case 1:
            {
                var (bytes, enc) = FuzzInputs.Encode(r, FuzzInputs.Article(r));
                return new($"article as {enc}", bytes, reader);
            }
            case 2: return new("mutated article", FuzzInputs.Mutate(r, Encoding.UTF8.GetBytes(FuzzInputs.Article(r))), reader);
            case 3:
            {
                var (bytes, enc) = FuzzInputs.Encode(r, FuzzInputs.Html(r));
                return new($"html as {enc}", bytes, 1);
            }
            case 4: return new("mutated html", FuzzInputs.Mutate(r, Encoding.UTF8.GetBytes(FuzzInputs.Html(r))), 1);
            case 5: return new("jsonl", Encoding.UTF8.GetBytes(FuzzInputs.JsonLines(r)), 2);
            case 6: return new("mutated jsonl", FuzzInputs.Mutate(r, Encoding.UTF8.GetBytes(FuzzInputs.JsonLines(r))), 2);
            case 7: return new("quotes", Encoding.UTF8.GetBytes(FuzzInputs.Quotes(r)), reader);
            default: return new("exotic text", Encoding.UTF8.GetBytes(FuzzInputs.Text(r, 300, 0.3)), reader);
        }
    }

    /// <summary>Reader first, then everything after it on each article it returns.</summary>
    private static void ReadAndAnalyze(ArticleReaderBase reader, byte[] bytes, string origin)
    {
        var diagnostics = new DiagnosticBag();
        var articles = reader.Read(new MemoryStream(bytes), origin, diagnostics).ToList();
        NotSilent(articles, diagnostics, bytes, origin);
        foreach (var a in articles)
        {
            Invariants.ArticleShape(a);
            Invariants.Downstream(a);
        }
    }

    /// <summary>
    /// Input with something to read must produce an article or a diagnostic: dropping it without a
    /// word is the one outcome a fact-checker cannot notice.
    /// </summary>
    private static void NotSilent(List<Article> articles, DiagnosticBag diagnostics, byte[] bytes, string origin)
    {
        if (articles.Count > 0 || diagnostics.Count > 0) return;
        // Bytes that decode to nothing but whitespace may legitimately yield nothing... but still say so.
        throw new InvalidOperationException($"{origin}: {bytes.Length} bytes gave no article and no diagnostic");
    }

    [Fact]
    public void Readers_survive_generated_inputs()
    {
        var stats = Fuzz.Run("readers", seed: 20261124, count: Fuzz.Scale(3000), Generate,
            input => ReadAndAnalyze(Readers[input.Reader], input.Bytes, "fuzz" + Readers[input.Reader].Extensions[0]), output);
        Assert.Equal(Fuzz.Scale(3000), stats.Count);
    }

    [Fact]
    public void Loader_survives_generated_stdin_and_files()
    {
        using var dir = new Store.TempDir();
        var loader = new ArticleLoader(Options);
        var stats = Fuzz.Run("loader", seed: 7, count: Fuzz.Scale(600), Generate, input =>
        {
            var diagnostics = new DiagnosticBag();
            // Stdin: exercises the format sniffing on hostile bytes.
            var fromStdin = loader.Load([ArticleLoader.StdinPath], diagnostics, () => new MemoryStream(input.Bytes)).ToList();
            NotSilent(fromStdin, diagnostics, input.Bytes, "-");
            // A file with the reader's extension: exercises the size check and file handling.
            var path = Path.Combine(dir.Path, "in" + Readers[input.Reader].Extensions[0]);
            File.WriteAllBytes(path, input.Bytes);
            var fileDiagnostics = new DiagnosticBag();
            var fromFile = loader.Load([path], fileDiagnostics).ToList();
            NotSilent(fromFile, fileDiagnostics, input.Bytes, path);
            foreach (var a in fromStdin.Concat(fromFile)) Invariants.ArticleShape(a);
        }, output);
        Assert.Equal(Fuzz.Scale(600), stats.Count);
    }
}
