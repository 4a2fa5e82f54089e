using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// PAR15: with worker threads the first articles are handed to them before the run builds its speaker index, pools and
/// writer, so their preparing overlaps that set-up; on one thread nothing is prepared before it. The store is the same.
/// </summary>
public class EarlyDispatchTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Signals when it is first asked to extract (on whichever thread), then extracts as <see cref="SaidExtractor"/>.</summary>
    private sealed class SignallingExtractor : IClaimExtractor
    {
        private readonly SaidExtractor _inner = new();
        public ManualResetEventSlim Extracting { get; } = new();

        public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
        {
            Extracting.Set();
            return _inner.Extract(article, text, diagnostics);
        }
    }

    /// <summary>Article i: Ann Lee and Bob Hart each say one thing (Ann's "taxes will rise" negated in odd articles); every claim differs from every other.</summary>
    internal static List<Article> Articles(int n) =>
        Enumerable.Range(0, n).Select(i => TestStages.Article(
            $"Ann Lee said taxes will {(i % 2 == 0 ? "" : "not ")}rise in case {i}. Bob Hart said roads are fine in case {i}.",
            $"2024-02-{1 + i:00}", $"e{i}.txt", $"e{i}")).ToList();

    /// <summary>Runs the articles; returns whether an article was being extracted by the time the speaker index was built.</summary>
    private static bool ExtractingBeforeSetUp(string path, int threads, IReadOnlyList<Article> articles, TimeSpan wait)
    {
        var extractor = new SignallingExtractor();
        bool? seen = null;
        var stages = TestStages.Create() with
        {
            Extractor = extractor,
            // The index is built on the run's own thread: with workers, an article dispatched before it reaches the
            // extractor meanwhile (waited for, so a slow machine does not fail the test); on one thread none can.
            SpeakerResolverFactory = known =>
            {
                seen = extractor.Extracting.Wait(wait);
                return new NameResolver(known);
            },
        };
        using (var store = ClaimStore.Open(path))
            new AnalysisPipeline(store, stages, new PipelineOptions { Threads = threads }).Run(articles, new DiagnosticBag());
        return seen!.Value;
    }

    [Fact]
    public void With_workers_the_first_articles_are_prepared_while_the_run_sets_up_and_the_store_is_the_one_thread_store()
    {
        var articles = Articles(20);
        var one = _dir.File("one.db");
        var two = _dir.File("two.db");
        Assert.False(ExtractingBeforeSetUp(one, threads: 1, articles, TimeSpan.FromMilliseconds(200)));
        Assert.True(ExtractingBeforeSetUp(two, threads: 2, articles, TimeSpan.FromSeconds(30)));
        Assert.Equal(StoreDump.Dump(one), StoreDump.Dump(two));
        Assert.Equal(20, StoreDump.Count(two, "articles"));
    }

    [Fact]
    public void With_workers_a_rerun_skips_every_stored_article_and_prepares_none()
    {
        var articles = Articles(6);
        var path = _dir.File("rerun.db");
        ExtractingBeforeSetUp(path, threads: 2, articles, TimeSpan.FromSeconds(30));
        var before = StoreDump.Dump(path);
        // Everything is stored: nothing is dispatched, so nothing is extracted while (or after) the run sets up.
        Assert.False(ExtractingBeforeSetUp(path, threads: 2, articles, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(before, StoreDump.Dump(path));
    }
}
