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

    /// <summary>The one rule claim of <paramref name="text"/> whose content starts with <paramref name="contentStart"/>.</summary>
    public static Claim RuleClaim(string text, string contentStart) =>
        Assert.Single(Run(text).Claims, c => c.ContentText.StartsWith(contentStart, StringComparison.Ordinal));

    // The shipped attribution tagger, loaded once for every test that reads a text with it.
    private static readonly Lazy<AttributionModel> Shipped = new(() => AttributionModel.Load(TestPaths.Repo("models", "attribution")));

    /// <summary>The learned extractor alone, with the shipped tagger.</summary>
    public static IReadOnlyList<Claim> Learned(string text) =>
        new LearnedClaimExtractor(Shipped.Value.Tagger).Extract(Article.Create("t", null, null, null, text, "t.txt"), new TextAnalyzer().Analyze(text), new DiagnosticBag());

    /// <summary>The pipeline's extractor (hybrid-speech: the rules, then learned speech claims with a speaker), with the shipped tagger.</summary>
    public static IReadOnlyList<Claim> HybridSpeech(string text) =>
        new HybridClaimExtractor(new ClaimExtractor(), new LearnedClaimExtractor(Shipped.Value.Tagger), speechOnly: true)
            .Extract(Article.Create("t", null, null, null, text, "t.txt"), new TextAnalyzer().Analyze(text), new DiagnosticBag());
}
