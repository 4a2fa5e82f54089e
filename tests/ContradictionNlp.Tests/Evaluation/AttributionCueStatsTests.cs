using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Evaluation;

public class AttributionCueStatsTests
{
    private static PolNearSplit Split(string text, params string[] cues)
    {
        // Each cue string marks its first not-yet-used occurrence in the text as a gold cue.
        var attrs = new List<GoldAttribution>();
        int from = 0;
        foreach (var c in cues)
        {
            int at = text.IndexOf(c, from, StringComparison.Ordinal);
            from = at + c.Length;
            attrs.Add(new GoldAttribution($"E{attrs.Count + 1}", attrs.Count + 1, [], [new TextSpan(at, at + c.Length)], [new TextSpan(0, 1)], c));
        }
        var ann = new PolNearAnnotations(attrs, 0, 0, 0, 0, []);
        return new PolNearSplit([new PolNearArticle("a", "a.txt", "a.ann", text, ann)], 0);
    }

    [Fact]
    public void Counts_cue_tokens_against_all_tokens_with_our_lexicon_class()
    {
        var split = Split("Kim said no. Lee said yes. He said nothing. Ann touted it, and it was expected.", "said", "said", "touted", "was expected");
        var stats = AttributionCueStats.Compute(split);
        Assert.Equal(
        [
            ("said", 2, 3, "speech"),
            ("expected", 1, 1, "belief"),
            ("touted", 1, 1, "attitude"),
            ("was", 1, 1, "-"),
        ], stats.Select(s => (s.Word, s.CueTokens, s.Tokens, s.Known)).ToArray());
        Assert.Equal(2.0 / 3, stats[0].Precision, 12);
    }

    [Fact]
    public void Words_below_the_minimum_are_left_out_and_the_tsv_has_a_header()
    {
        var split = Split("Kim said no. Lee said yes. Ann noted it.", "said", "said", "noted");
        var stats = AttributionCueStats.Compute(split, minCueTokens: 2);
        Assert.Equal("word\tcue_tokens\ttokens\tprecision\tknown\nsaid\t2\t2\t1.000\tspeech\n", AttributionCueStats.ToTsv(stats));
    }

    [Fact]
    public void The_good_fixture_split_gives_one_cue_token_per_cue_word()
    {
        var split = PolNearReader.ReadSplit(TestPaths.Repo(["tests", "ContradictionNlp.Tests", "TestData", "PolNear", "good"]), new DiagnosticBag());
        var stats = AttributionCueStats.Compute(split);
        Assert.Equal(["added", "denied", "reported", "said", "told", "was"], stats.Select(s => s.Word).ToArray());
        Assert.All(stats, s => Assert.Equal((1, 1), (s.CueTokens, s.Tokens)));
    }
}
