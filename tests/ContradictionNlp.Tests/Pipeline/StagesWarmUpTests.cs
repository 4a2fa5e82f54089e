using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// Round 34: <see cref="PipelineStages.Warm"/> runs the stages over an article of our own before a run, so their
/// first-use work (compiling, first-use tables) is not done inside it. It must reach every stage the run uses, scoring
/// included, and must change nothing a run stores.
/// </summary>
public class StagesWarmUpTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [RealModelsFact]
    public void The_warm_up_article_gives_one_speaker_two_claims_and_a_pair_the_topic_gate_lets_through_to_the_model()
    {
        var stages = PipelineStages.FromModels(RealModels.Directory);
        var article = Article.Create("Warm-up", null, null, null, PipelineStages.WarmUpText, "(warm-up)");
        var claims = stages.Extractor.Extract(article, stages.Analyzer.Analyze(article.Text), new DiagnosticBag());
        // Kovac's opening claim and her later "would not rise" one are about the same prices: the pair the model must see.
        Assert.Equal("consumer prices would rise by 5% next year", claims[0].ContentText);
        Assert.Contains(claims, c => c.ContentText == "consumer prices would not rise next year" && c.Speaker.Text == "Kovac");
        var reached = stages.WithColdCaches().Warm();
        Assert.Equal(claims.Count, reached.Claims);
        Assert.Equal(claims.Count - 1, reached.Pairs);
        Assert.InRange(reached.ModelPairs, 1, reached.Pairs - 1); // the ministry's exports are not about prices: gated
    }

    [RealModelsFact]
    public void Warming_the_bundled_stages_first_changes_nothing_a_run_stores()
    {
        var articles = new ArticleLoader().Load([Planted.SamplesDir], new DiagnosticBag()).ToList();
        string Run(string name, bool warm, int threads)
        {
            // Each run loads its own models, so what one warms is not the other's.
            var stages = PipelineStages.FromModels(RealModels.Directory);
            if (warm) stages.WithColdCaches().Warm();
            var path = _dir.File(name);
            using (var store = ClaimStore.Open(path))
                new AnalysisPipeline(store, stages, new PipelineOptions { Threads = threads }).Run(articles, new DiagnosticBag());
            return StoreDump.Dump(path);
        }
        var cold = Run("cold.db", warm: false, threads: 1);
        Assert.Equal(cold, Run("warm.db", warm: true, threads: 1));
        Assert.Equal(cold, Run("warm2.db", warm: true, threads: 2));
    }

    [Fact]
    public void Warming_the_test_stages_calls_the_scorers_warm_once_and_scores_only_the_first_claim_against_the_others()
    {
        var scorer = new WarmWhileWaitingTests.RecordingScorer();
        var stages = TestStages.Create() with { PairScorer = scorer };
        var reached = stages.Warm();
        var claims = stages.Extractor.Extract(Article.Create("w", null, null, null, PipelineStages.WarmUpText, "w"),
            stages.Analyzer.Analyze(PipelineStages.WarmUpText), new DiagnosticBag());
        Assert.True(claims.Count >= 2, $"the test extractor found {claims.Count} claims in the warm-up article");
        Assert.Equal([.. Enumerable.Repeat("score", claims.Count - 1), "warm"], scorer.Calls);
        Assert.Equal((claims.Count, claims.Count - 1), (reached.Claims, reached.Pairs));
    }
}
