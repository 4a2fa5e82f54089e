using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// STORE6: with more than one thread the store is written by a writer thread on its own connection. A failure there
/// must end the run with that failure (never lose articles silently), keep what was whole before it (as an inline run
/// does), and a re-run must then finish the store exactly as a plain run makes it.
/// </summary>
public class StoreWriterThreadTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<Article> Articles(int n) =>
        Enumerable.Range(0, n).Select(i => TestStages.Article(
            $"Ann Lee said taxes will {(i % 2 == 0 ? "" : "not ")}rise in case {i}. Bob Hart said roads are fine in case {i}.",
            $"2024-01-{1 + i:00}", $"a{i}.txt", $"a{i}")).ToList();

    private static void Exec(string path, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Theory]
    [InlineData(1)] // inline: the behaviour the writer thread must match
    [InlineData(2)]
    [InlineData(3)]
    public void A_failing_store_write_ends_the_run_with_that_error_keeps_the_whole_articles_before_it_and_a_rerun_gives_the_plain_store(int threads)
    {
        var articles = Articles(12);
        var plainPath = _dir.File($"plain{threads}.db");
        using (var store = ClaimStore.Open(plainPath))
            new AnalysisPipeline(store, TestStages.Create(), new PipelineOptions { ArticlesPerCommit = 1 }).Run(articles, new DiagnosticBag());

        var path = _dir.File($"fail{threads}.db");
        using (ClaimStore.Open(path)) { } // creates the schema
        // The store refuses article 7's claims (a planted trigger): its savepoint rolls back, the run fails with the store's error.
        Exec(path, $"CREATE TRIGGER planted BEFORE INSERT ON claims WHEN NEW.article_id = '{articles[7].Id}' BEGIN SELECT RAISE(ABORT, 'planted failure'); END");
        var options = new PipelineOptions { Threads = threads, ArticlesPerCommit = 4, MaxCommitDelay = TimeSpan.FromMinutes(5) };
        using (var store = ClaimStore.Open(path))
        {
            var ex = Assert.Throws<SqliteException>(() => new AnalysisPipeline(store, TestStages.Create(), options).Run(articles, new DiagnosticBag()));
            Assert.Contains("planted failure", ex.Message);
        }
        // Articles 0-6 whole (4-6 were in the group open when 7 failed: committed, as inline), nothing of 7 or after.
        Assert.Equal(7, StoreDump.Count(path, "articles"));
        Assert.Equal(14, StoreDump.Count(path, "claims"));
        Assert.Equal("", StoreDump.ProblemsOf(path));

        Exec(path, "DROP TRIGGER planted");
        var diagnostics = new DiagnosticBag();
        PipelineSummary summary;
        using (var store = ClaimStore.Open(path))
            summary = new AnalysisPipeline(store, TestStages.Create(), options).Run(articles, diagnostics);
        Assert.Equal((5, 7), (summary.ArticlesNew, summary.ArticlesSkipped));
        Assert.Equal(StoreDump.Dump(plainPath), StoreDump.Dump(path));
    }

    private sealed class Inline(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_cancelled_run_keeps_every_article_finished_before_the_cancellation_and_only_those(int threads)
    {
        var articles = Articles(12);
        var path = _dir.File($"cancel{threads}.db");
        using var cts = new CancellationTokenSource();
        using (var store = ClaimStore.Open(path))
            Assert.ThrowsAny<OperationCanceledException>(() =>
                new AnalysisPipeline(store, TestStages.Create(), new PipelineOptions { Threads = threads, MaxCommitDelay = TimeSpan.FromMinutes(5) })
                    .Run(articles, new DiagnosticBag(), new Inline(p => { if (p.Done == 5) cts.Cancel(); }), cts.Token));
        // Handed to the writer = finished: all five are written and committed before the run returns, the sixth is not begun.
        Assert.Equal(5, StoreDump.Count(path, "articles"));
        Assert.Equal("", StoreDump.ProblemsOf(path));
    }

    [Fact]
    public void An_article_given_twice_in_one_run_is_written_once_and_reported_skipped_the_second_time()
    {
        var articles = Articles(6);
        var twice = articles.Concat([articles[2]]).ToList();
        var diagnostics = new DiagnosticBag();
        PipelineSummary summary;
        var path = _dir.File("twice.db");
        // Commits held back: article 2 is handed to the writer but not committed when its copy comes.
        using (var store = ClaimStore.Open(path))
            summary = new AnalysisPipeline(store, TestStages.Create(), new PipelineOptions { Threads = 2, MaxCommitDelay = TimeSpan.FromMinutes(5) })
                .Run(twice, diagnostics);
        Assert.Equal((6, 1), (summary.ArticlesNew, summary.ArticlesSkipped));
        Assert.Contains(diagnostics, d => d.Origin == articles[2].Origin && d.Message.Contains("already in the store"));
        Assert.Equal(6, StoreDump.Count(path, "articles"));
        Assert.Equal("", StoreDump.ProblemsOf(path));
    }

    [Fact]
    public void After_another_connection_wrote_speaker_rows_the_store_forgets_which_rows_it_wrote_so_it_writes_them_again()
    {
        var path = _dir.File("rows.db");
        var a = TestStages.Article("Ann Lee said taxes will rise.", origin: "a.txt", title: "a");
        var b = TestStages.Article("Ann Lee said roads are fine.", origin: "b.txt", title: "b");
        var c = TestStages.Article("Ann Lee said jobs will grow.", origin: "c.txt", title: "c");
        ArticleBatch Batch(Article article, params string[] roles)
        {
            var mention = new SpeakerMention(new TextSpan(0, 7), "Ann Lee", MentionKind.Name, "Ann Lee", []);
            var claim = new Claim(Claim.MakeId(article.Id, new TextSpan(13, article.Text.Length - 1)), article.Id, 0,
                new TextSpan(0, article.Text.Length), mention, new TextSpan(8, 12), "said",
                new TextSpan(13, article.Text.Length - 1), article.Text[13..^1], ClaimKind.ReportedSpeech, null);
            return new ArticleBatch(article, [new ClaimToStore(claim, "ann-lee", null)], [new Speaker("ann-lee", "Ann Lee", [], roles)], [], null, "test");
        }
        string Roles()
        {
            using var reader = ClaimStore.Open(path);
            return string.Join("|", reader.LoadSpeakers().Single().Roles);
        }

        using var store = ClaimStore.Open(path);
        Assert.True(store.SaveArticle(Batch(a, "minister")));
        using (var sibling = store.OpenSibling())
            Assert.True(sibling.SaveArticle(Batch(b, "mayor")));
        Assert.Equal("mayor", Roles());
        // Without forgetting, this store would believe "minister" is stored (it wrote it) and skip the row.
        store.ForgetWrittenRows();
        Assert.True(store.SaveArticle(Batch(c, "minister")));
        Assert.Equal("minister", Roles());
    }
}
