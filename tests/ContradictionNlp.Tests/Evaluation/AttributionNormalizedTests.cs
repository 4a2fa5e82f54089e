using ContradictionNlp.Claims;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Evaluation;

/// <summary>Phase-2 additions to the attribution metric: normalized exact match, the speech view's FP, the pronoun sample.</summary>
public class AttributionNormalizedTests
{
    private static AttributionSpans A(int[] tokens, bool speech = false, bool notSpeech = false, int[]? core = null) =>
        new(tokens, [], [], speech, notSpeech, core);

    [Fact]
    public void Core_drops_a_leading_that_and_outer_quotes_and_punctuation()
    {
        var text = new TextAnalyzer().Analyze("Ann said that \"the vote failed.\"");
        // tokens: Ann0 said1 that2 "3 the4 vote5 failed6 .7 "8
        Assert.Equal(new[] { 4, 5, 6 }, TokenSets.Core(text, [2, 3, 4, 5, 6, 7, 8]));
        Assert.Equal(new[] { 4, 5, 6 }, TokenSets.Core(text, [4, 5, 6]));
        // "that" is dropped only at the start: a trailing one stays.
        Assert.Equal(new[] { 1, 2 }, TokenSets.Core(text, [1, 2]));
        Assert.Empty(TokenSets.Core(text, [2, 3]));
    }

    [Fact]
    public void Normalized_exact_matches_equal_cores_one_to_one()
    {
        AttributionSpans[] gold = [A([2, 3, 4, 5], core: [3, 4, 5]), A([10, 11], core: [10, 11])];
        AttributionSpans[] pred = [A([3, 4, 5], core: [3, 4, 5]), A([3, 4, 5], core: [3, 4, 5]), A([10, 11, 12], core: [10, 11, 12])];
        var c = AttributionScorer.Score(gold, pred).All;
        Assert.Equal(0, c.ExactMatched);
        Assert.Equal((1, 3), (c.CoreExactMatched, c.CoreExactPredicted));
        Assert.Equal(0.5, c.CoreExactRecall, 12);
        Assert.Equal(1.0 / 3, c.CoreExactPrecision, 12);
    }

    [Fact]
    public void Without_cores_normalized_exact_equals_exact()
    {
        AttributionSpans[] gold = [A([1, 2]), A([5, 6])];
        AttributionSpans[] pred = [A([1, 2]), A([5, 6, 7])];
        var c = AttributionScorer.Score(gold, pred).All;
        Assert.Equal((1, 1), (c.ExactMatched, c.CoreExactMatched));
    }

    [Fact]
    public void Predictions_marked_not_speech_are_no_false_positives_of_the_speech_view()
    {
        AttributionSpans[] gold = [A([1, 2], speech: true)];
        AttributionSpans[] pred = [A([1, 2]), A([7, 8], notSpeech: true), A([9, 10])];
        var s = AttributionScorer.Score(gold, pred);
        Assert.Equal(3, s.All.Predicted);                       // the full view counts every prediction
        Assert.Equal((1, 2), (s.SpeechCues.Matched, s.SpeechCues.Predicted));   // TP + the one speech FP
        Assert.Equal(0.5, s.SpeechCues.Precision, 12);
    }

    [Fact]
    public void The_pronoun_sample_is_deterministic_and_lists_only_resolved_pronouns()
    {
        var text = "Jane Roe spoke in Ohio. She said the plan works. Later she said taxes would fall. "
                 + "He said nothing would change. Tom Ash arrived. He said the bridge was safe.";
        var analyzed = new TextAnalyzer().Analyze(text);
        var article = Article.Create("t", null, null, null, text, "a.txt");
        var claims = new ClaimExtractor().Extract(article, analyzed, new DiagnosticBag());
        var pol = new PolNearArticle("a", "a.txt", "a_1.ann", text, new PolNearAnnotations([], 0, 0, 0, 0, []));
        var result = new AttributionArticleResult(pol, analyzed, claims, [], [], AttributionScorer.Score([], []), 0);
        var eval = new AttributionEvaluation(new AttributionReport(default, null, 1, 0, 0, 0, new SpanAlignment(0, 0, 0, 0)), [result]);

        // "He said nothing would change" has no male antecedent yet: unresolved, so not in the population.
        Assert.Equal(3, AttributionPronounSample.Population(eval));
        var all = AttributionPronounSample.Take(eval, 10, seed: 1);
        Assert.Equal(["She -> Jane Roe", "she -> Jane Roe", "He -> Tom Ash"], all.Select(c => $"{c.Pronoun} -> {c.ResolvedName}"));
        var two = AttributionPronounSample.Take(eval, 2, seed: 7);
        Assert.Equal(2, two.Count);
        Assert.Equal(two, AttributionPronounSample.Take(eval, 2, seed: 7));
        Assert.EndsWith("She", all[0].Context, StringComparison.Ordinal);
    }
}

public class AttributionThroughputTests
{
    private sealed class CountingExtractor : IClaimExtractor
    {
        public int Calls;
        public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics) { Calls++; return []; }
    }

    [Fact]
    public void Throughput_counts_word_tokens_once_and_times_a_warm_up_plus_each_run()
    {
        var text = "Ann said 3 things, twice.";   // words: Ann said things twice (the number and punctuation are not words)
        var analyzed = new TextAnalyzer().Analyze(text);
        var pol = new PolNearArticle("a", "a.txt", "a_1.ann", text, new PolNearAnnotations([], 0, 0, 0, 0, []));
        var result = new AttributionArticleResult(pol, analyzed, [], [], [], AttributionScorer.Score([], []), 0);
        var eval = new AttributionEvaluation(new AttributionReport(default, null, 1, 0, 0, 0, new SpanAlignment(0, 0, 0, 0)), [result, result]);
        var fake = new CountingExtractor();
        var t = AttributionThroughput.Measure(fake, eval, runs: 2);
        Assert.Equal(8, t.Words);
        Assert.Equal(2, t.Runs);
        Assert.Equal(6, fake.Calls);          // (1 warm-up + 2 timed) passes x 2 articles
        Assert.True(t.BestSeconds >= 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionThroughput.Measure(fake, eval, runs: 0));
    }
}
