using System.Globalization;
using System.Text;
using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Benchmarks;

/// <summary>
/// The fixed inputs every benchmark uses: the first <see cref="SliceSize"/> articles (by path) of
/// ../shared/data/bbc-news/politics when that folder is there (politics: the most attributed speech),
/// else generated articles, so the suite also runs on a machine without the shared data.
/// </summary>
public static class BenchInputs
{
    public const int SliceSize = 60;
    public const string CorpusVariable = "CNLP_BENCH_CORPUS";

    /// <summary>The repository root: the nearest folder above the running program holding ContradictionNlp.sln
    /// (BenchmarkDotNet runs each benchmark in a child process built under bin/, still inside the repository).</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ContradictionNlp.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ContradictionNlp.sln not found above " + AppContext.BaseDirectory + "; run the benchmarks from the repository.");
    }

    public static string ModelsDirectory() => Path.Combine(RepoRoot(), "models");

    /// <summary>Where the slice came from, for the log.</summary>
    public static string Source { get; private set; } = "";

    public static IReadOnlyList<Article> Articles()
    {
        var folder = Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } v
            ? v
            : Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "bbc-news", "politics"));
        if (Directory.Exists(folder))
        {
            var loaded = new ArticleLoader().Load([folder], new DiagnosticBag()).Take(SliceSize).ToList();
            if (loaded.Count > 0)
            {
                Source = $"{loaded.Count} articles from {folder}";
                return loaded;
            }
        }
        Source = $"{SliceSize} generated articles ({folder} not found)";
        return Enumerable.Range(0, SliceSize).Select(Generated).ToList();
    }

    /// <summary>A deterministic news-like article: attributed sentences in several cue patterns, with filler between them.</summary>
    private static Article Generated(int i)
    {
        string[] names = ["Ann Lee", "Bob Hart", "Carla Diaz", "Dev Patel", "Erin Cole"];
        string[] topics = ["taxes", "the rail budget", "school funding", "the new hospital", "fuel prices", "the harbour plan"];
        string[] verbs = ["will rise", "will not rise", "must be cut", "was a mistake", "is on track", "has been delayed"];
        var text = new StringBuilder();
        for (int s = 0; s < 12; s++)
        {
            int k = i * 31 + s * 7;
            var name = names[k % names.Length];
            var content = $"{topics[k % topics.Length]} {verbs[(k / 3) % verbs.Length]}";
            text.Append((s % 3) switch
            {
                0 => $"{name} said {content}. ",
                1 => $"\"The figures show that {content},\" {name} told reporters on Monday. ",
                _ => $"The council met for {2 + s % 5} hours and heard from residents about {topics[(k + 1) % topics.Length]}. ",
            });
            if (s % 4 == 3) text.Append("\n\n");
        }
        return Article.Create($"Generated report {i}", new DateOnly(2024, 1, 1).AddDays(i), "Generated", null, text.ToString().Trim(),
            string.Create(CultureInfo.InvariantCulture, $"generated-{i:000}.txt"));
    }

    public static int CountWords(IEnumerable<TokenizedText> texts) =>
        texts.Sum(t => t.Tokens.Count(token => token.Kind == TokenKind.Word));

    public static IReadOnlyList<Claim> Claims(IReadOnlyList<Article> articles, IReadOnlyList<TokenizedText> texts)
    {
        var extractor = new ClaimExtractor();
        return articles.SelectMany((a, i) => extractor.Extract(a, texts[i], new DiagnosticBag())).ToList();
    }
}
