using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Evaluation;

public class AttributionMetricsTests
{
    private static AttributionSpans A(int[] tokens, TextSpan[]? source = null, TextSpan[]? cue = null, bool speech = false) =>
        new(tokens, source ?? [], cue ?? [], speech);

    private static TextSpan S(int start, int end) => new(start, end);

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2, 3 }, 1.0)]
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 2, 3, 4 }, 0.75)]
    [InlineData(new[] { 1, 2 }, new[] { 2, 3 }, 1.0 / 3)]
    [InlineData(new[] { 1, 2 }, new[] { 3, 4 }, 0.0)]
    [InlineData(new int[0], new int[0], 0.0)]
    [InlineData(new int[0], new[] { 1 }, 0.0)]
    public void Iou_is_intersection_over_union_of_token_sets(int[] a, int[] b, double expected)
    {
        Assert.Equal(expected, AttributionScorer.Iou(a, b), 12);
        Assert.Equal(expected, AttributionScorer.Iou(b, a), 12);
    }

    [Fact]
    public void Covering_takes_every_token_the_span_overlaps_even_partly()
    {
        var text = new TextAnalyzer().Analyze("Ann said the vote failed.");
        // tokens: Ann[0,3) said[4,8) the[9,12) vote[13,17) failed[18,24) .[24,25)
        Assert.Equal(new[] { 2, 3, 4 }, TokenSets.Covering(text, [S(9, 24)]));
        Assert.Equal(new[] { 1, 2 }, TokenSets.Covering(text, [S(6, 10)]));      // cut mid-token on both ends
        Assert.Equal(new[] { 0, 4, 5 }, TokenSets.Covering(text, [S(20, 25), S(0, 3)])); // fragments, any order
        Assert.Empty(TokenSets.Covering(text, [S(3, 4)]));                        // only the space
        Assert.Empty(TokenSets.Covering(text, [S(5, 5)]));                        // empty span
    }

    [Fact]
    public void Matching_is_one_to_one_and_greedy_by_iou()
    {
        // Gold 0 overlaps both predictions; prediction 1 is its better partner (IoU 1 vs 0.75),
        // which leaves prediction 0 for gold 1 (IoU 0.6). A per-gold first-come matching would
        // give gold 0 prediction 0 and leave gold 1 unmatched.
        AttributionSpans[] gold = [A([1, 2, 3, 4]), A([3, 4, 5, 6, 7])];
        AttributionSpans[] pred = [A([2, 3, 4, 5, 6]), A([1, 2, 3, 4])];
        var m = AttributionScorer.Match(gold, pred, iou => iou >= 0.5);
        Assert.Equal([new AttributionMatch(0, 1, 1.0), new AttributionMatch(1, 0, 4.0 / 6)], m);
    }

    [Fact]
    public void Matching_breaks_ties_by_gold_then_prediction_index()
    {
        AttributionSpans[] gold = [A([1, 2]), A([1, 2])];
        AttributionSpans[] pred = [A([1, 2]), A([1, 2])];
        var m = AttributionScorer.Match(gold, pred, iou => iou >= 0.5);
        Assert.Equal([new AttributionMatch(0, 0, 1), new AttributionMatch(1, 1, 1)], m);
    }

    [Fact]
    public void Below_threshold_does_not_match_and_half_does()
    {
        AttributionSpans[] gold = [A([1, 2, 3, 4]), A([10, 11, 12])];
        AttributionSpans[] pred = [A([1, 2]), A([12, 13])]; // 2/4 = 0.5 ; 1/4 = 0.25
        var score = AttributionScorer.Score(gold, pred);
        Assert.Equal([new AttributionMatch(0, 0, 0.5)], score.Matches);
        Assert.Equal([1], score.UnmatchedGold);
        Assert.Equal([1], score.UnmatchedPredicted);
        Assert.Empty(score.ExactMatches);
    }

    [Fact]
    public void Loose_matching_takes_overlap_from_three_tenths_and_keeps_the_half_figures()
    {
        AttributionSpans[] gold =
        [
            A([1, 2, 3, 4], speech: true),                          // pred 0: IoU 2/4 = 0.5, both matchings
            A([10, 11, 12]),                                        // pred 1: IoU 1/4 = 0.25, neither
            A([20, 21, 22, 23, 24, 25, 26, 27, 28, 29], speech: true), // pred 2: IoU 3/10 = 0.3, loose only
        ];
        AttributionSpans[] pred = [A([1, 2]), A([12, 13]), A([20, 21, 22]), A([40])];
        var s = AttributionScorer.Score(gold, pred);
        var c = s.All;
        Assert.Equal((3, 4, 1, 2, 4), (c.Gold, c.Predicted, c.Matched, c.LooseMatched, c.LoosePredicted));
        Assert.Equal(0.5, c.LoosePrecision, 12);
        Assert.Equal(2.0 / 3, c.LooseRecall, 12);
        Assert.Equal(4.0 / 7, c.LooseF1, 12);
        // The 0.5 figures and the error lists are those of the 0.5 matching alone.
        Assert.Equal((0.25, 1.0 / 3), (c.Precision, c.Recall));
        Assert.Equal([0], s.Matches.Select(m => m.Gold));
        Assert.Equal([1, 2], s.UnmatchedGold);

        // Speech subset: gold 0 and 2, both matched loosely; FP = predictions 1 and 3 (unmatched, not marked NotSpeech).
        var sp = s.SpeechCues;
        Assert.Equal((2, 2, 4), (sp.Gold, sp.LooseMatched, sp.LoosePredicted));
        Assert.Equal(1.0, sp.LooseRecall, 12);
        Assert.Equal(0.5, sp.LoosePrecision, 12);

        // A prediction the extractor marked as no speech is not held against the subset.
        var marked = AttributionScorer.Score(gold, [.. pred[..3], new AttributionSpans([40], [], [], NotSpeech: true)]).SpeechCues;
        Assert.Equal((2, 3), (marked.LooseMatched, marked.LoosePredicted));
    }

    [Fact]
    public void Score_counts_content_source_cue_and_speech_subset_exactly()
    {
        AttributionSpans[] gold =
        [
            A([0, 1, 2], source: [S(0, 5)], cue: [S(10, 14)], speech: true),    // exact match, all right
            A([5, 6, 7, 8], source: [S(20, 25)], cue: [S(30, 34)], speech: true), // IoU .75, source wrong
            A([10, 11], source: [], cue: [S(40, 44)]),                          // no gold source, cue wrong
            A([20, 21, 22], source: [S(50, 52)], cue: [S(60, 65)], speech: true), // missed
        ];
        AttributionSpans[] pred =
        [
            A([0, 1, 2], source: [S(2, 3)], cue: [S(13, 20)]),
            A([6, 7, 8], source: [S(26, 30)], cue: [S(30, 31)]),
            A([10, 11], source: [S(0, 1)], cue: [S(44, 50)]),   // cue touches gold end only: no overlap
            A([30, 31]),                                         // spurious
        ];
        var s = AttributionScorer.Score(gold, pred);
        var c = s.All;
        Assert.Equal((4, 4, 3, 2), (c.Gold, c.Predicted, c.Matched, c.ExactMatched));
        Assert.Equal(0.75, c.Precision, 12);
        Assert.Equal(0.75, c.Recall, 12);
        Assert.Equal(0.75, c.F1, 12);
        Assert.Equal(0.5, c.ExactPrecision, 12);
        Assert.Equal(0.5, c.ExactRecall, 12);
        // Source: gold 2 has no source, so 2 evaluated, 1 right.
        Assert.Equal((2, 1, 1), (c.SourceEvaluated, c.SourceCorrect, c.MatchedWithoutGoldSource));
        Assert.Equal(0.5, c.SourceAccuracy, 12);
        Assert.Equal(2.0 / 3, c.CueAccuracy, 12);

        // Speech subset: gold 0,1,3; TP = 2 (gold 0,1), FN = 1, FP = the 1 unmatched prediction.
        var sp = s.SpeechCues;
        Assert.Equal((3, 3, 2), (sp.Gold, sp.Predicted, sp.Matched));
        Assert.Equal(2.0 / 3, sp.Precision, 12);
        Assert.Equal(2.0 / 3, sp.Recall, 12);
        // Exact: TP = 1 (gold 0); exact matching leaves 2 predictions unmatched.
        Assert.Equal((1, 3), (sp.ExactMatched, sp.ExactPredicted));
        Assert.Equal(1.0 / 3, sp.ExactPrecision, 12);
        Assert.Equal(1.0 / 3, sp.ExactRecall, 12);
        Assert.Equal(0.5, sp.SourceAccuracy, 12);
        Assert.Equal(1.0, sp.CueAccuracy, 12);
    }

    [Fact]
    public void Empty_inputs_give_zero_figures_not_nan()
    {
        var none = AttributionScorer.Score([], []);
        Assert.Equal(0, none.All.Precision);
        Assert.Equal(0, none.All.F1);
        Assert.Equal(0, none.All.SourceAccuracy);
        var onlyGold = AttributionScorer.Score([A([1])], []);
        Assert.Equal((0.0, 0.0, 0.0), (onlyGold.All.Precision, onlyGold.All.Recall, onlyGold.All.F1));
        Assert.Equal([0], onlyGold.UnmatchedGold);
    }

    [Fact]
    public void Counts_add_up_across_articles()
    {
        var a = AttributionScorer.Score([A([1, 2])], [A([1, 2])]).All;
        var b = AttributionScorer.Score([A([1, 2]), A([5])], [A([9])]).All;
        var sum = a + b;
        Assert.Equal((3, 2, 1, 1, 2), (sum.Gold, sum.Predicted, sum.Matched, sum.ExactMatched, sum.ExactPredicted));
        Assert.Equal((1, 2), (sum.LooseMatched, sum.LoosePredicted));
        Assert.Equal(0.5, sum.Precision, 12);
        Assert.Equal(1.0 / 3, sum.Recall, 12);
        Assert.Equal(0.4, sum.F1, 12);
    }
}
