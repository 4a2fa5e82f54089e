using System.Text.Json;
using ContradictionNlp.Cli;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Bench;

/// <summary>
/// Given a tiny generated corpus and the predictable test stages (claims are "NAME said CONTENT.",
/// every earlier claim of the speaker is a candidate), When cnlp bench runs, Then the counts are the
/// ones worked out by hand and the JSON has exactly the documented keys; the timing hook changes nothing.
/// </summary>
public class BenchTests : IDisposable
{
    private readonly TempDir _dir = new();

    // Words (TokenKind.Word, title line not part of the body): 12 + 13 + 6 = 31.
    // Claims: 2 + 2 + 1 = 5. Candidates: Ann has 3 claims (0 + 1 + 2 earlier), Bob 2 (0 + 1): 4 pairs.
    public BenchTests()
    {
        _dir.Write("models/scorer/CURRENT", "v1");
        _dir.Write("corpus/a0.txt", "First report\n\nAnn Lee said taxes will rise. Bob Hart said roads are fine.\n");
        _dir.Write("corpus/a1.txt", "Second report\n\nAnn Lee said taxes will not rise. Bob Hart said roads are bad.\n");
        _dir.Write("corpus/a2.txt", "Third report\n\nAnn Lee said schools will close.\n");
    }

    public void Dispose() => _dir.Dispose();

    private CliEnvironment Env() => new()
    {
        CurrentDirectory = _dir.Path,
        ExecutableDirectory = _dir.File("bin"),
        GetEnvironmentVariable = _ => null,
        Stdin = null,
        LoadStages = _ => TestStages.Create(),
    };

    private (int Code, string Out, string Err) Cnlp(params string[] args)
    {
        return CliRun.Run(Env(), args);
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Bench_json_has_the_documented_keys_and_hand_counted_figures()
    {
        var (code, output, err) = Cnlp("bench", "--corpus", "corpus", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["words", "seconds", "words_per_second", "articles", "articles_per_second", "claims", "candidate_pairs",
            "pairs_per_second", "through_claims_words_per_second", "threads", "cpu_seconds", "stages", "peak_mb", "process_peak_mb",
            "allocated_mb", "collections", "gc_pause_seconds", "jit_methods", "jit_seconds"], Keys(root));
        Assert.Equal(31, root.GetProperty("words").GetInt64());
        Assert.Equal(3, root.GetProperty("articles").GetInt32());
        Assert.Equal(5, root.GetProperty("claims").GetInt32());
        Assert.Equal(4, root.GetProperty("candidate_pairs").GetInt32());
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        var stages = root.GetProperty("stages");
        Assert.Equal(["tokenize", "extract", "resolve", "embed", "candidates", "score", "store"], Keys(stages));
        foreach (var stage in stages.EnumerateObject())
        {
            Assert.Equal(["seconds", "words_per_second"], Keys(stage.Value));
            Assert.True(stage.Value.GetProperty("seconds").GetDouble() >= 0, stage.Name);
        }
        // The stage times are parts of the whole run, so they cannot add up to more than it (rounding aside).
        double sum = stages.EnumerateObject().Sum(s => s.Value.GetProperty("seconds").GetDouble());
        Assert.True(sum <= root.GetProperty("seconds").GetDouble() + 0.01, $"stages {sum} > total");
        Assert.True(root.GetProperty("peak_mb").GetDouble() > 0);
        // A run of 3 articles allocates (claims, vectors, pairs); collections are counted per generation, gen0 first.
        Assert.True(root.GetProperty("allocated_mb").GetDouble() > 0);
        Assert.Equal(3, root.GetProperty("collections").GetArrayLength());
        Assert.All(root.GetProperty("collections").EnumerateArray(), n => Assert.True(n.GetInt32() >= 0));
        Assert.True(root.GetProperty("jit_methods").GetInt32() >= 0 && root.GetProperty("jit_seconds").GetDouble() >= 0);
    }

    [Fact]
    public void Collections_are_counted_by_the_oldest_generation_each_one_collected()
    {
        // The runtime's count for a generation includes the collections of older ones: 13 - 10 = 3 collections in all,
        // of which 5 - 4 = 1 reached gen1 and none gen2, so 2 were gen0 only.
        var before = new RuntimeCounters(0, TimeSpan.Zero, Gen0: 10, Gen1: 4, Gen2: 1);
        var after = new RuntimeCounters(100, TimeSpan.FromMilliseconds(30), Gen0: 13, Gen1: 5, Gen2: 1);
        Assert.Equal([2, 1, 0], after.CollectionsSince(before));
        // A full collection counts in every generation's figure: one gen2 and nothing else.
        Assert.Equal([0, 0, 1], new RuntimeCounters(0, TimeSpan.Zero, 11, 5, 2).CollectionsSince(new RuntimeCounters(0, TimeSpan.Zero, 10, 4, 1)));
    }

    [Fact]
    public void Bench_uses_a_fresh_temporary_store_unless_db_is_given()
    {
        // Twice without --db: both runs see 3 new articles (nothing persisted between them).
        Assert.Equal(3, JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json").Out).RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(3, JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json").Out).RootElement.GetProperty("articles").GetInt32());
        // With --db the store stays: the second run has nothing new to analyse.
        Assert.Equal(3, JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json", "--db", "b.db").Out).RootElement.GetProperty("articles").GetInt32());
        Assert.True(File.Exists(_dir.File("b.db")));
        var again = JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json", "--db", "b.db").Out).RootElement;
        Assert.Equal((0, 0, 0), (again.GetProperty("articles").GetInt32(), again.GetProperty("claims").GetInt32(), again.GetProperty("words").GetInt32()));
    }

    [Fact]
    public void Limit_takes_the_first_articles()
    {
        var root = JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json", "--limit", "1").Out).RootElement;
        // The loader orders a folder by path: a0 only (12 words, Ann and Bob once each, no pairs).
        Assert.Equal((1, 12, 2, 0), (root.GetProperty("articles").GetInt32(), root.GetProperty("words").GetInt32(),
            root.GetProperty("claims").GetInt32(), root.GetProperty("candidate_pairs").GetInt32()));
    }

    [Fact]
    public void Two_threads_are_used_and_reported_and_find_the_same_claims_and_pairs_as_one()
    {
        var (code, output, err) = Cnlp("bench", "--corpus", "corpus", "--json", "--threads", "2");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var two = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, two.GetProperty("threads").GetInt32());
        var one = JsonDocument.Parse(Cnlp("bench", "--corpus", "corpus", "--json").Out).RootElement;
        Assert.Equal(1, one.GetProperty("threads").GetInt32());
        // Hand-counted (see the constructor): 31 words, 5 claims, 4 pairs, with either count.
        foreach (var r in new[] { one, two })
            Assert.Equal((31L, 5, 4), (r.GetProperty("words").GetInt64(), r.GetProperty("claims").GetInt32(), r.GetProperty("candidate_pairs").GetInt32()));
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("bench", "--corpus", "corpus", "--threads", "0")]
    [InlineData("bench", "--corpus", "corpus", "--limit", "-1")]
    [InlineData("bench", "growth", "--corpus", "corpus", "--sizes", "0,x")]
    [InlineData("bench", "growth", "--corpus", "corpus", "--runs", "0")]
    public void Bad_bench_usage_exits_2(params string[] args)
    {
        var (code, output, err) = Cnlp(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("cnlp: ", err);
    }

    [Fact]
    public void A_missing_corpus_folder_fails_naming_it()
    {
        var (code, _, err) = Cnlp("bench", "--corpus", "nowhere");
        Assert.Equal(1, code);
        Assert.Equal($"cnlp: corpus folder not found: {_dir.File("nowhere")}" + Environment.NewLine, err);
    }

    [Fact]
    public void Text_output_lists_every_stage()
    {
        var (code, output, _) = Cnlp("bench", "--corpus", "corpus");
        Assert.Equal(0, code);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("corpus: 3 articles (0 already stored), 31 words, 5 claims, 4 candidate pairs scored; 1 thread", lines[0]);
        Assert.Equal(["tokenize", "extract", "resolve", "embed", "candidates", "score", "store"],
            lines.Skip(2).Take(7).Select(l => l.Split(' ')[0]).ToArray());
        Assert.StartsWith("whole pipeline: ", lines[^2]);
        Assert.StartsWith("managed heap: ", lines[^1]);
    }

    [Fact]
    public void Bench_scorer_is_still_a_subcommand()
    {
        var (code, _, err) = Cnlp("bench", "scorer", "--corpus", "nowhere");
        Assert.Equal(2, code);
        Assert.Contains("corpus folder not found", err);
    }

    [Fact]
    public void Growth_json_reports_each_size_with_the_new_batch_counts()
    {
        // Sizes 0 and 3: the store of 3 holds a0..a2 once (round 0 copy 0 is the corpus as it is); the batch is 2
        // further copies (round 1: a0, a1 with new ids and, by default, their names renamed the batch's own way).
        var (code, output, err) = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0,3", "--new", "2", "--runs", "2", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["new_articles", "threads", "copies", "batch", "sizes"], Keys(root));
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal("altered", root.GetProperty("copies").GetString());
        Assert.Equal("restated", root.GetProperty("batch").GetString());
        var sizes = root.GetProperty("sizes").EnumerateArray().ToList();
        Assert.Equal([0, 3], sizes.Select(s => s.GetProperty("stored_articles").GetInt32()));
        Assert.All(sizes, s => Assert.Equal(["stored_articles", "median_seconds", "run_seconds", "ratio_to_first", "new_claims", "new_pairs", "peak_mb", "fill_seconds", "median_cpu_seconds", "median_pages_read"], Keys(s)));
        Assert.All(sizes, s => Assert.Equal(2, s.GetProperty("run_seconds").GetArrayLength()));
        Assert.All(sizes, s => Assert.Equal(4, s.GetProperty("new_claims").GetInt32()));
        // The batch's Ann Lee and Bob Hart are renamed, so they are new speakers in both stores: Ann 0+1, Bob 0+1 = 2 pairs each time.
        Assert.Equal([2, 2], sizes.Select(s => s.GetProperty("new_pairs").GetInt32()));
        Assert.Contains("store of 3 articles filled in", err);
        Assert.Contains("copies rename the corpus's", err);
        // Both stores are filled before any timed run, and the runs take the sizes in turn.
        var order = err.Split('\n').Where(l => l.Contains("filled in") || l.TrimStart().StartsWith("run ", StringComparison.Ordinal))
            .Select(l => l.Contains("filled in") ? "fill" : l.Trim()[..l.Trim().IndexOf(':')]).ToList();
        Assert.Equal(["fill", "fill", "run 1, store of 0", "run 1, store of 3", "run 2, store of 0", "run 2, store of 3"], order);
    }

    [Fact]
    public void Growth_with_verbatim_copies_pairs_nothing_new_since_every_new_claim_restates_a_stored_copy()
    {
        var (code, output, err) = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0,3", "--new", "2", "--runs", "1", "--json", "--verbatim-copies");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("verbatim", root.GetProperty("copies").GetString());
        var sizes = root.GetProperty("sizes").EnumerateArray().ToList();
        Assert.All(sizes, s => Assert.Equal(4, s.GetProperty("new_claims").GetInt32()));
        // Empty store: Ann 0+1, Bob 0+1 = 2 pairs. Store of 3 (Ann 3 claims, Bob 2): each new claim says word for word
        // what a stored copy says, so it is paired with nothing (the stored copy stands for it): 0 pairs. Before round 26
        // they paired with the stored claims that were not their copy: Ann 2+3, Bob 1+2 = 8.
        Assert.Equal([2, 0], sizes.Select(s => s.GetProperty("new_pairs").GetInt32()));
        Assert.Contains("copies keep the corpus text verbatim", err);
    }

    [Fact]
    public void Growth_with_an_unseen_batch_fills_the_stores_without_the_batchs_stories()
    {
        // --new 1 holds a0 out (index 0 * 3 / 1): the store of 2 is a1 and a2 verbatim, the batch a copy of a0. Empty store:
        // Ann 1 claim, Bob 1: no pairs. Store of 2: Ann's "taxes will rise" meets her 2 stored claims of other stories
        // ("taxes will not rise", "schools will close") and Bob's "roads are fine" his 1: 3 pairs. The restated batch (a copy
        // of a0 into a store holding a0 itself) pairs nothing there, each new claim restating a stored one (see above).
        var (code, output, err) = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0,2", "--new", "1", "--runs", "1", "--json", "--verbatim-copies", "--unseen-batch");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("unseen", root.GetProperty("batch").GetString());
        Assert.Equal([0, 3], NewPairs(output));
        Assert.Contains("unseen batch: 1 articles held out of the fill; the stores copy the other 2", err);
        var restated = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0,3", "--new", "1", "--runs", "1", "--json", "--verbatim-copies");
        Assert.Equal([0, 0], NewPairs(restated.Out));
        // The whole corpus held out leaves nothing to fill with.
        var refused = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0", "--new", "3", "--unseen-batch");
        Assert.Equal((2, "cnlp: --unseen-batch holds the 3 new articles out of the fill, but the corpus has only 3: use --new below 3."), (refused.Code, refused.Err.Trim()));
    }

    [Fact]
    public void Hold_out_spreads_the_batch_over_the_corpus_and_keeps_corpus_order()
    {
        var corpus = Enumerable.Range(0, 10).Select(i => Article.Create($"t{i}", null, null, null, $"Ann Lee said {i}.", $"a{i}.txt")).ToList();
        var (others, held) = PipelineBenchmark.HoldOut(corpus, 3);
        Assert.Equal(["a0.txt", "a3.txt", "a6.txt"], held.Select(a => a.Origin));
        Assert.Equal(["a1.txt", "a2.txt", "a4.txt", "a5.txt", "a7.txt", "a8.txt", "a9.txt"], others.Select(a => a.Origin));
    }

    [Fact]
    public void Growth_keeps_filled_stores_and_reuses_them_only_while_their_manifest_matches()
    {
        string[] args = ["bench", "growth", "--corpus", "corpus", "--sizes", "0,3", "--new", "2", "--runs", "1", "--json", "--keep-stores", "kept"];
        var first = Cnlp(args);
        Assert.Equal(0, first.Code);
        Assert.Contains("store of 3 articles filled in", first.Err);
        var store = _dir.File("kept/growth-altered-3.db");
        var manifestPath = store + ".manifest";
        var manifest = File.ReadAllText(manifestPath);
        Assert.Contains("\nsize: 3\ncopies: Altered\n", manifest);
        Assert.EndsWith($"bytes: {new FileInfo(store).Length}\n", manifest);

        var second = Cnlp(args);
        Assert.Equal(0, second.Code);
        Assert.Contains("store of 3 articles reused from", second.Err);
        Assert.DoesNotContain("store of 3 articles filled in", second.Err);
        Assert.Equal(NewPairs(first.Out), NewPairs(second.Out));
        Assert.Equal(manifest, File.ReadAllText(manifestPath)); // the timed runs work on copies: the kept store is unchanged
        // The first run's result is kept beside it: the store of 3 plus the batch's 2 articles and 2 pairs.
        using (var result = ClaimStore.Open(_dir.File("kept/growth-altered-3.run1.db")))
            Assert.Equal((5, 2), (result.Counts().Articles, result.Counts().Pairs));

        // A manifest that does not match (another corpus, size, mode or build wrote it) is not trusted: filled again.
        File.WriteAllText(manifestPath, manifest.Replace("size: 3", "size: 4"));
        var third = Cnlp(args);
        Assert.Contains("store of 3 articles filled in", third.Err);
        Assert.Equal(manifest, File.ReadAllText(manifestPath));
        Assert.Equal(NewPairs(first.Out), NewPairs(third.Out));
        // No manifest (a fill that was killed before finishing): filled again.
        File.Delete(manifestPath);
        Assert.Contains("store of 3 articles filled in", Cnlp(args).Err);
        // Verbatim copies have their own stores.
        var verbatim = Cnlp([.. args, "--verbatim-copies"]);
        Assert.Contains("store of 3 articles filled in", verbatim.Err);
        Assert.True(File.Exists(_dir.File("kept/growth-verbatim-3.db.manifest")));
    }

    private static int[] NewPairs(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("new_pairs").GetInt32()).ToArray();

    [Fact]
    public void Growth_with_renamed_phrases_reports_its_copy_mode_and_refuses_verbatim_copies_with_it()
    {
        var (code, output, err) = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0,3", "--new", "2", "--runs", "1", "--json", "--rename-phrases");
        Assert.Equal(0, code);
        Assert.Equal("altered-phrases", JsonDocument.Parse(output).RootElement.GetProperty("copies").GetString());
        Assert.Contains("(multi-word names' words too)", err);
        // The tiny corpus has no phrase words beyond its names: the same pairs as the default renaming (2 per size).
        Assert.Equal([2, 2], NewPairs(output));
        var refused = Cnlp("bench", "growth", "--corpus", "corpus", "--sizes", "0", "--rename-phrases", "--verbatim-copies");
        Assert.Equal(2, refused.Code);
        Assert.StartsWith("cnlp: --rename-phrases", refused.Err);
    }

    [Fact]
    public void The_stage_hook_leaves_the_store_exactly_as_without_it()
    {
        var articles = new[]
        {
            TestStages.Article("Ann Lee said taxes will rise. Bob Hart said roads are fine.", "2024-01-10", "a.txt"),
            TestStages.Article("Ann Lee said taxes will not rise. Ann Lee said roads are bad.", "2024-02-10", "b.txt"),
        };
        string Dump(ClaimStore s) => string.Join("\n",
            s.ListClaims().Select(c => $"{c.Claim.Id}|{c.SpeakerId}|{c.Claim.ContentText}")
            .Concat(s.ListPairs().Select(p => $"{p.A.Claim.Id}|{p.B.Claim.Id}|{p.Score.Probability}|{p.Similarity}")));
        using var plain = ClaimStore.Open(_dir.File("plain.db"));
        using var timed = ClaimStore.Open(_dir.File("timed.db"));
        var s1 = new AnalysisPipeline(plain, TestStages.Create()).Run(articles, new DiagnosticBag());
        var totals = new StageTimeTotals();
        var s2 = new AnalysisPipeline(timed, TestStages.Create(), new PipelineOptions { StageSink = totals }).Run(articles, new DiagnosticBag());
        Assert.Equal((s1.ArticlesNew, s1.Claims, s1.Pairs, s1.FlaggedCount), (s2.ArticlesNew, s2.Claims, s2.Pairs, s2.FlaggedCount));
        Assert.Equal(plain.Counts(), timed.Counts());
        Assert.Equal(Dump(plain), Dump(timed));
        Assert.Equal(2, totals.ArticlesAnalyzed);
        Assert.Equal(12 + 13, totals.Words);
        Assert.True(totals.Seconds(PipelineStage.Tokenize) > 0);
        Assert.True(totals.Seconds(PipelineStage.Score) > 0); // Ann's two later claims were scored
    }
}
