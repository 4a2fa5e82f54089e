using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Claims;

/// <summary>Runs the real analyzer and extractor over a text we wrote.</summary>
internal static class ClaimTestKit
{
    public static readonly DateOnly Date = new(2024, 3, 1);

    public static (IReadOnlyList<Claim> Claims, DiagnosticBag Diagnostics) Run(string text, string origin = "test.txt")
    {
        var article = Article.Create("t", Date, null, null, text, origin);
        var tokenized = new TextAnalyzer().Analyze(text);
        var bag = new DiagnosticBag();
        return (new ClaimExtractor().Extract(article, tokenized, bag), bag);
    }

    public static string[] Lines(string text) => Run(text).Claims.Select(ClaimFormatter.Format).ToArray();
}
