using ContradictionNlp.Claims;
using ContradictionNlp.Pairing;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// Round 22: a run with worker threads warms the scorer (and the embedder) on its own thread while it waits for the first
/// prepared article, so the first scoring tasks do not wait for one another to build the lexicon's first-use table. On one
/// thread nothing is warmed ahead (the first pair builds it, as before). Warming never changes a score or the store.
/// </summary>
public class WarmWhileWaitingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Scores as <see cref="NegationScorer"/> and records, in order, each Warm and Score call.</summary>
    internal sealed class RecordingScorer : IPairScorer
    {
        private readonly NegationScorer _inner = new(null);
        public System.Collections.Concurrent.ConcurrentQueue<string> Calls { get; } = new();
        public string ModelVersion => _inner.ModelVersion;
        public void Warm() => Calls.Enqueue("warm");

        public ScoredPair Score(Claim a, Claim b, float similarity)
        {
            Calls.Enqueue("score");
            return _inner.Score(a, b, similarity);
        }
    }

    private static List<string> Run(string path, int threads, IReadOnlyList<ContradictionNlp.Ingestion.Article> articles)
    {
        var scorer = new RecordingScorer();
        using (var store = ClaimStore.Open(path))
            new AnalysisPipeline(store, TestStages.Create() with { PairScorer = scorer }, new PipelineOptions { Threads = threads })
                .Run(articles, new DiagnosticBag());
        return [.. scorer.Calls];
    }

    [Fact]
    public void With_workers_the_scorer_is_warmed_once_before_any_pair_and_on_one_thread_never()
    {
        // Ann Lee's and Bob Hart's claims each pair with their own earlier ones: 2 x (0 + 1 + ... + 5) = 30 pairs.
        var articles = EarlyDispatchTests.Articles(6);
        var one = _dir.File("one.db");
        var two = _dir.File("two.db");
        var oneCalls = Run(one, threads: 1, articles);
        var twoCalls = Run(two, threads: 2, articles);
        Assert.Equal(Enumerable.Repeat("score", 30), oneCalls);
        Assert.Equal(["warm", .. Enumerable.Repeat("score", 30)], twoCalls);
        Assert.Equal(StoreDump.Dump(one), StoreDump.Dump(two));
    }

    [Fact]
    public void A_rerun_with_workers_warms_but_scores_nothing_and_changes_nothing()
    {
        var articles = EarlyDispatchTests.Articles(4);
        var path = _dir.File("rerun.db");
        Run(path, threads: 2, articles);
        var before = StoreDump.Dump(path);
        Assert.Equal(["warm"], Run(path, threads: 2, articles));
        Assert.Equal(before, StoreDump.Dump(path));
    }

    [Fact]
    public void Warming_the_bundled_scorer_changes_no_score_or_reason()
    {
        // Two scorers over separately loaded models, so the lexicon table warmed in one is not the other's.
        static PairScorer Fresh() => new(ModelCatalog.Open(TestPaths.Repo("models")).LoadScorer());
        var cold = Fresh();
        var warm = Fresh();
        warm.Warm();
        (string A, string B)[] pairs =
        [
            ("The poodle was found in the garden.", "No dog was found in the garden."),
            ("Prices will rise by 5% next year.", "Prices will fall by 5% next year."),
            ("The minister said the bridge is safe.", "The minister said the bridge is dangerous."),
            ("The kitten sleeps on the sofa.", "An animal sleeps on the sofa."),
        ];
        foreach (var (a, b) in pairs)
            Pairing.PreparedScoringEquivalenceTests.AssertSame(cold.ScoreTexts(a, b), warm.ScoreTexts(a, b), $"{a} / {b}");
    }
}
