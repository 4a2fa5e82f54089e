using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// When the pipeline's commit groups become durable. Articles a re-run skips (stored already) must not grow the
/// group: a run killed and re-run would otherwise hold its first new articles back until a full group (64) is done,
/// and every kill would lose that much work again.
/// </summary>
public class CommitGroupTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<Article> Articles(int n) =>
        Enumerable.Range(0, n).Select(i => TestStages.Article($"Ann Lee said item {i} is ready.", origin: $"a{i}.txt", title: $"a{i}")).ToList();

    /// <summary>Calls back on the reporting thread, before the pipeline goes on (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Inline(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }

    private int StoredWhenReported(IReadOnlyList<Article> articles, int done, PipelineOptions options)
    {
        var path = _dir.File("s.db");
        int seen = -1;
        using var store = ClaimStore.Open(path);
        new AnalysisPipeline(store, TestStages.Create(), options).Run(articles, new DiagnosticBag(), new Inline(p =>
        {
            // Another connection sees only what is committed.
            if (p.Done == done) using (var reader = ClaimStore.Open(path)) seen = reader.Counts().Articles;
        }));
        return seen;
    }

    [Fact]
    public void A_rerun_commits_its_first_new_article_at_once_however_many_it_skips()
    {
        var all = Articles(14);
        var options = new PipelineOptions { ArticlesPerCommit = 64, MaxCommitDelay = TimeSpan.FromMinutes(5) };
        using (var store = ClaimStore.Open(_dir.File("s.db")))
            new AnalysisPipeline(store, TestStages.Create(), options).Run(all.Take(10).ToList(), new DiagnosticBag());
        // Ten skipped, then the first new one (the 11th reported) is committed before the run goes on.
        Assert.Equal(11, StoredWhenReported(all, 11, options));
    }

    [Fact]
    public void A_fresh_run_commits_groups_of_1_2_4_then_holds_the_next_group()
    {
        var options = new PipelineOptions { ArticlesPerCommit = 64, MaxCommitDelay = TimeSpan.FromMinutes(5) };
        // Groups of 1, 2, 4, then 8: when the 8th article is reported it waits in the open fourth group.
        Assert.Equal(7, StoredWhenReported(Articles(12), 8, options));
    }
}
