using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContradictionNlp.Cli;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;
using ContradictionNlp.Web;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Two analyze runs on one store at the same time (each with its own connection, as two
/// processes would have) must leave exactly the store of the same runs one after the other,
/// including the pairs between claims of the two runs. scripts/kill-test.sh repeats this with
/// two real processes.
/// </summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public ConcurrentWriterTests()
    {
        _dir.Write("models/scorer/CURRENT", "v1");
        // 30 articles, the same three speakers throughout, so later articles pair with earlier
        // ones of either run. Odd numbers negate: the test scorer flags a negation flip.
        for (int i = 0; i < 30; i++)
        {
            var not = i % 2 == 1 ? "not " : "";
            _dir.Write($"all/{i:D2}.txt",
                $"Story {i}\ndate 2024-01-{i + 1:D2}\n\nAnn Lee said taxes will {not}rise in year {i}. Bob Hart said roads are {not}fine in year {i}. Cy Dee said trains are {not}late in year {i}.\n");
        }
    }

    public void Dispose() => _dir.Dispose();

    private int Analyze(string db, params string[] files)
    {
        var (code, _, err) = CliRun.Run(CliRun.TestStagesEnv(_dir), ["analyze", .. files, "--db", db, "--json"]);
        if (code != 0) throw new InvalidOperationException($"analyze exited {code}: {err}");
        return code;
    }

    private string[] Files(IEnumerable<int> numbers) => numbers.Select(i => _dir.File($"all/{i:D2}.txt")).ToArray();

    private string Sequential(string name, string[] first, string[] second)
    {
        var db = _dir.File(name);
        Assert.Equal(0, Analyze(db, first));
        Assert.Equal(0, Analyze(db, second));
        return StoreDump.Dump(db);
    }

    [Theory]
    [InlineData("disjoint", 0, 15, 15, 30)]
    [InlineData("overlapping", 0, 20, 10, 30)]
    public async Task Two_concurrent_runs_equal_the_same_runs_in_sequence(string name, int a0, int a1, int b0, int b1)
    {
        var a = Files(Enumerable.Range(a0, a1 - a0));
        var b = Files(Enumerable.Range(b0, b1 - b0));
        var db = _dir.File(name + ".db");
        using var start = new Barrier(2);
        var runs = new[] { a, b }.Select(files => Task.Factory.StartNew(() => { start.SignalAndWait(); return Analyze(db, files); }, TaskCreationOptions.LongRunning)).ToArray();
        var codes = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([0, 0], codes);

        var concurrent = StoreDump.Dump(db);
        Assert.Equal("", StoreDump.ProblemsOf(db));
        // Whichever run took the lock first, the store is that order's sequential store.
        var ab = Sequential(name + "-ab.db", a, b);
        var ba = Sequential(name + "-ba.db", b, a);
        Assert.True(concurrent == ab || concurrent == ba, "concurrent store differs from both sequential orders");
        Assert.Equal(30, StoreDump.Count(db, "articles"));
        // Every claim pairs with every earlier claim of its speaker (test selector keeps all): 3 x C(30, 2).
        Assert.Equal(3 * 30 * 29 / 2, StoreDump.Count(db, "pairs"));
    }

    /// <summary>
    /// The review page open all day while cron runs analyze: the server reads the pair list and records
    /// verdicts (its own connection, no writer lock) while analyze writes 25 articles. Both finish; the
    /// analysis tables equal those of the same runs without the server; every verdict is kept.
    /// </summary>
    [Fact]
    public async Task Serve_reading_and_recording_verdicts_while_analyze_writes_leaves_the_sequential_store()
    {
        var first = Files(Enumerable.Range(0, 5));
        var rest = Files(Enumerable.Range(5, 25));
        var db = _dir.File("served.db");
        Assert.Equal(0, Analyze(db, first));
        long pairId;
        using (var s = ClaimStore.Open(db)) pairId = s.ListPairs(0)[0].Id;

        await using var server = await ReviewServer.StartAsync(new ReviewServerOptions(db, ["http://127.0.0.1:0"], "serve-test"));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(server.Addresses.Single()) };
        var token = Regex.Match(await client.GetStringAsync("/"), "<meta name=\"cnlp-token\" content=\"([0-9A-F]+)\">").Groups[1].Value;
        Assert.NotEqual("", token);

        var analyze = Task.Factory.StartNew(() => Analyze(db, rest), TaskCreationOptions.LongRunning);
        int reads = 0, verdicts = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        // Bounded in count and time; at least one round even if analyze is very fast.
        do
        {
            var list = await client.GetAsync("/api/pairs?min=0");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            reads++;
            var verdict = verdicts % 2 == 0 ? "contradiction" : "not_contradiction"; // alternate: each is a new row
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/pairs/{pairId}/verdict")
            {
                Content = new StringContent($"{{\"verdict\":\"{verdict}\"}}", Encoding.UTF8, "application/json"),
            };
            post.Headers.Add(ReviewServer.TokenHeader, token);
            var answer = await client.SendAsync(post);
            Assert.True(answer.IsSuccessStatusCode, $"verdict POST answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            verdicts++;
        }
        while (!analyze.IsCompleted && DateTime.UtcNow < deadline && reads < 500);

        Assert.Equal(0, await analyze.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("", StoreDump.ProblemsOf(db));
        Assert.Equal(Sequential("served-sequential.db", first, rest), StoreDump.Dump(db));
        using var store = ClaimStore.Open(db);
        Assert.Equal(verdicts, store.ListReviews(pairId).Count);
    }

    [Fact]
    public async Task A_second_writer_waits_for_the_lock_and_says_so()
    {
        var db = _dir.File("locked.db");
        using (ClaimStore.Open(db)) { }
        var held = StoreWriterLock.Acquire(db);
        var diagnostics = new DiagnosticBag();
        // Wait for the run to say it is waiting, not for a fixed time: on a loaded machine opening the
        // store and loading the stages can take longer than any delay, and the lock would be released
        // before the run ever asked for it (CI saw exactly that with a 500 ms delay).
        var toldWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        diagnostics.Reported += d =>
        {
            if (d.Message.StartsWith("another cnlp run", StringComparison.Ordinal)) toldWaiting.TrySetResult();
        };
        var run = Task.Run(() =>
        {
            using var store = ClaimStore.Open(db);
            return new AnalysisPipeline(store, TestStages.Create()).Run([TestStages.Article("Ann Lee said it is fine.")], diagnostics);
        });
        // A run that ends (or throws) without waiting fails here at once, not as a 30 s timeout.
        Assert.Same(toldWaiting.Task, await Task.WhenAny(toldWaiting.Task, run).WaitAsync(TimeSpan.FromSeconds(30)));
        // The message comes before the first retry; the run cannot finish while the lock is held.
        await Task.Delay(2 * StoreWriterLock.RetryInterval);
        Assert.False(run.IsCompleted, "the run finished while another writer held the lock");
        held.Dispose();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, summary.ArticlesNew);
        var d = Assert.Single(diagnostics, x => x.Message.StartsWith("another cnlp run", StringComparison.Ordinal));
        Assert.Equal($"another cnlp run is writing to this store; waiting for it to finish (lock file {Path.GetFullPath(db)}.lock)", d.Message);
    }

    [Fact]
    public void The_lock_is_released_when_the_holder_disposes_it_and_can_be_taken_again()
    {
        var db = _dir.File("again.db");
        StoreWriterLock.Acquire(db).Dispose();
        using var again = StoreWriterLock.Acquire(db, _ => throw new InvalidOperationException("should not wait"));
        Assert.Equal(Path.GetFullPath(db) + ".lock", again.Path);
    }
}
