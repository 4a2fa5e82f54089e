using ContradictionNlp.Claims;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Evaluation;

/// <summary>
/// An interrupted quotation ("A," said X, an appositive. "B.") is one PolNeAR content of two fragments.
/// The extractor's claim spans both parts with the attribution as its <see cref="Claim.ContentGap"/>;
/// the evaluation scores the parts, so the attribution's tokens do not count against the overlap.
/// </summary>
public class AttributionContentGapTests
{
    private const string Text = "\"Taxes will rise next year,\" said Ann Lee, an economist at the state university in the capital. \"Nobody wants that.\"\n";

    private static string Split()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cnlp-gap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "text"));
        Directory.CreateDirectory(Path.Combine(dir, "attributions"));
        File.WriteAllText(Path.Combine(dir, "text", "gap.txt"), Text);
        string T(string s) { int i = Text.IndexOf(s, StringComparison.Ordinal); return $"{i} {i + s.Length}\t{s}"; }
        File.WriteAllText(Path.Combine(dir, "attributions", "gap_a1.ann"),
            $"T1\tSource {T("Ann Lee")}\nT2\tCue {T("said")}\nT3\tContent {T("Taxes will rise next year")}\nT4\tContent {T("Nobody wants that")}\n" +
            $"T5\tAttribution {T("said")}\nE1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4\n");
        return dir;
    }

    [Fact]
    public void The_rule_claim_of_an_interrupted_quote_matches_both_fragments_exactly()
    {
        var dir = Split();
        try
        {
            var bag = new DiagnosticBag();
            var split = PolNearReader.ReadSplit(dir, bag);
            Assert.Empty(bag);
            var eval = new AttributionEvaluator(new ClaimExtractor()).Evaluate(split, new DiagnosticBag());
            var claim = Assert.Single(eval.Articles[0].Claims);
            Assert.Equal("Taxes will rise next year \u2026 Nobody wants that", claim.ContentText);
            Assert.Equal(["Taxes will rise next year", "Nobody wants that"], claim.ContentParts.Select(p => p.Of(Text)));
            var r = eval.Report;
            Assert.Equal((1.0, 1.0), (r.All.Precision, r.All.Recall));
            Assert.Equal(1, r.All.ExactMatched);
            Assert.Equal((1.0, 1.0), (r.All.SourceAccuracy, r.All.CueAccuracy));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_same_span_without_its_gap_overlaps_below_half_and_scores_as_a_miss()
    {
        var dir = Split();
        try
        {
            // One contiguous content from "Taxes" to "that": 8 gold tokens of 26 (token IoU 0.31 < 0.5).
            var fake = new FakeExtractor(("Ann Lee", "said", "Taxes will rise next year,\" said Ann Lee, an economist at the state university in the capital. \"Nobody wants that"));
            var r = new AttributionEvaluator(fake).Evaluate(PolNearReader.ReadSplit(dir, new DiagnosticBag()), new DiagnosticBag()).Report;
            Assert.Equal((0.0, 0.0), (r.All.Precision, r.All.Recall));
            Assert.Equal(0, r.All.Matched);
        }
        finally { Directory.Delete(dir, true); }
    }
}
