using ContradictionNlp.Claims;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// "Speed never buys wrong answers": the speed options (worker threads, articles per commit, the bound on
/// pooled speaker vectors, splitting a run) must leave the store exactly as the plain run does, claim by
/// claim and pair by pair (<see cref="StoreDump"/>: every content table, timestamps aside).
/// </summary>
public class PipelineEquivalenceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The plain run: one thread, one commit per article, no pool ever dropped.</summary>
    private static readonly PipelineOptions Plain = new() { Threads = 1, ArticlesPerCommit = 1, PoolFloatBudget = long.MaxValue };

    private string Analyze(string name, Func<PipelineStages> stages, PipelineOptions options, params IReadOnlyList<Article>[] runs)
    {
        var path = _dir.File(name + ".db");
        foreach (var articles in runs)
            using (var store = ClaimStore.Open(path))
                new AnalysisPipeline(store, stages(), options).Run(articles, new DiagnosticBag());
        Assert.Equal("", StoreDump.ProblemsOf(path));
        return StoreDump.Dump(path);
    }

    // Four speakers over 40 articles, each saying and unsaying things about a few topics: many pairs,
    // speakers coming back after others (so a dropped pool is re-read), and dated articles out of order.
    private static IReadOnlyList<Article> Generated()
    {
        string[] who = ["Ann Lee", "Bob Hart", "Cy Dee", "Dana Fox"];
        string[] topics = ["taxes will rise", "the bridge will open", "roads are fine", "schools will close", "jobs will grow"];
        var articles = new List<Article>();
        for (int i = 0; i < 40; i++)
        {
            var a = who[i % who.Length];
            var b = who[(i * 3 + 1) % who.Length];
            var t1 = topics[i % topics.Length];
            var t2 = topics[(i * 7 + 2) % topics.Length];
            var not1 = i % 3 == 0 ? t1.Replace(" will ", " will not ") : t1;
            var text = $"{a} said {not1}. {b} said {t2}. {a} said {t2} today.";
            articles.Add(TestStages.Article(text, $"2024-{1 + i % 12:00}-{1 + (i * 11) % 28:00}", $"g{i}.txt", $"g{i}"));
        }
        return articles;
    }

    [Fact]
    public void Threads_commit_groups_pool_eviction_and_split_runs_give_the_plain_runs_store()
    {
        var articles = Generated();
        var plain = Analyze("plain", () => TestStages.Create(), Plain, articles);
        Assert.Contains("taxes will not rise", plain);
        Assert.True(StoreDump.Count(_dir.File("plain.db"), "pairs") > 100, "the corpus must make many pairs, or the comparison proves little");

        Assert.Equal(plain, Analyze("threads", () => TestStages.Create(), Plain with { Threads = 2 }, articles));
        Assert.Equal(plain, Analyze("grouped", () => TestStages.Create(), Plain with { ArticlesPerCommit = 7 }, articles));
        // Budget 0: every pool is dropped after every article and re-read from the store when needed.
        Assert.Equal(plain, Analyze("evicting", () => TestStages.Create(), Plain with { PoolFloatBudget = 0 }, articles));
        Assert.Equal(plain, Analyze("all", () => TestStages.Create(), new PipelineOptions { Threads = 3, PoolFloatBudget = 40 },
            articles.Take(13).ToList(), articles.Skip(13).ToList()));
        // GROWTH8: the pools of speakers the resolver made up start empty without a store read. A resolver that never says
        // so (every pool read from the store) gives the same store, evicting or not.
        PipelineStages Unhinted() => TestStages.Create() with { SpeakerResolverFactory = known => new Unhinted(new NameResolver(known)) };
        Assert.Equal(plain, Analyze("unhinted", Unhinted, Plain, articles));
        Assert.Equal(plain, Analyze("unhinted-evicting", Unhinted, Plain with { PoolFloatBudget = 0 }, articles));
    }

    /// <summary>A resolver that keeps <see cref="ISpeakerResolver.IsNew"/> at its default (false: not known).</summary>
    private sealed class Unhinted(ISpeakerResolver inner) : ISpeakerResolver
    {
        public Speaker? Resolve(SpeakerMention mention) => inner.Resolve(mention);
    }

    [Fact]
    public void The_index_calls_new_only_the_speakers_it_made_up()
    {
        var stored = new Speaker("ann-lee", "Ann Lee", ["Ann Lee"], []);
        var index = new SpeakerIndex([stored]);
        var ann = index.Resolve(Mention("Ann Lee"))!;
        var bob = index.Resolve(Mention("Bob Hart"))!;
        Assert.Equal("ann-lee", ann.Id);
        Assert.False(index.IsNew(ann.Id));
        Assert.True(index.IsNew(bob.Id));
        Assert.False(index.IsNew("nobody"));
    }

    private static SpeakerMention Mention(string name) =>
        new(new TextSpan(0, name.Length), name, MentionKind.Name, name, []);

    [Fact]
    public void A_second_run_over_the_same_input_with_threads_changes_nothing()
    {
        var articles = Generated();
        var once = Analyze("once", () => TestStages.Create(), Plain, articles);
        Assert.Equal(once, Analyze("twice", () => TestStages.Create(), Plain with { Threads = 2 }, articles, articles));
    }

    [Fact]
    public void A_failing_article_in_a_commit_group_leaves_the_earlier_articles_of_the_group_stored_and_nothing_of_its_own()
    {
        var articles = Generated();
        var path = _dir.File("fail.db");
        // The scorer fails on the first pair involving article g5's claims.
        var stages = TestStages.Create(failOn: (a, b) => a.ArticleId == articles[5].Id || b.ArticleId == articles[5].Id);
        using (var store = ClaimStore.Open(path))
            Assert.Throws<InvalidOperationException>(() =>
                new AnalysisPipeline(store, stages, Plain with { ArticlesPerCommit = 32, Threads = 2 }).Run(articles, new DiagnosticBag()));
        Assert.Equal(5, StoreDump.Count(path, "articles"));
        Assert.Equal("", StoreDump.ProblemsOf(path));
        // The same five articles alone, plainly: the same store.
        Assert.Equal(Analyze("five", () => TestStages.Create(), Plain, articles.Take(5).ToList()), StoreDump.Dump(path));
    }

    /// <summary>The real models on real articles (the first 150 BBC articles, when ../shared is there).</summary>
    [RealModelsFact]
    public void On_bbc_articles_with_the_real_models_two_threads_and_a_small_pool_budget_give_the_plain_store()
    {
        var bbc = TestPaths.SharedData("bbc-news");
        if (!Directory.Exists(bbc)) return; // the comparison above still ran on generated articles
        var articles = new ArticleLoader().Load([bbc], new DiagnosticBag()).Take(150).ToList();
        var loaded = PipelineStages.FromModels(RealModels.Directory);
        var plain = Analyze("bbc-plain", () => loaded, Plain, articles);
        Assert.True(StoreDump.Count(_dir.File("bbc-plain.db"), "pairs") > 0);
        Assert.Equal(plain, Analyze("bbc-fast", () => loaded, new PipelineOptions { Threads = 2, PoolFloatBudget = 5_000 }, articles));
        // And the growth benchmark's copies land with the pairs a plain run makes.
        var copies = PipelineBenchmark.Copies(articles.Take(20).ToList(), 45, round: 0);
        Assert.Equal(Analyze("copies-plain", () => loaded, Plain, copies), Analyze("copies-fast", () => loaded, new PipelineOptions { Threads = 2 }, copies));
    }
}
