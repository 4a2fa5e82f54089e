using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

public class AnalysisPipelineTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ClaimStore _store;

    public AnalysisPipelineTests() => _store = ClaimStore.Open(_dir.File("p.db"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private PipelineSummary Run(PipelineStages stages, DiagnosticBag bag, PipelineOptions? options = null, params ContradictionNlp.Ingestion.Article[] articles) =>
        new AnalysisPipeline(_store, stages, options).Run(articles, bag);

    [Fact]
    public void Pairs_are_made_only_between_claims_of_the_same_speaker()
    {
        var a1 = TestStages.Article("Ann Lee said taxes will not rise. Bob Hart said taxes will rise.", "2024-01-10", "a1.txt");
        var a2 = TestStages.Article("Ann Lee said taxes will rise. Bob Hart said the budget is fine.", "2024-02-10", "a2.txt");
        var bag = new DiagnosticBag();
        var summary = Run(TestStages.Create(), bag, null, a1, a2);

        Assert.Equal((2, 0, 4), (summary.ArticlesNew, summary.ArticlesSkipped, summary.Claims));
        var pairs = _store.ListPairs();
        // Ann: "not rise" (a1) vs "rise" (a2); Bob: "rise" (a1) vs "budget is fine" (a2). No cross-speaker pair.
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(p.A.SpeakerId, p.B.SpeakerId));
        Assert.Equal(["Ann Lee", "Bob Hart"], pairs.Select(p => p.SpeakerName));
        Assert.Equal(("taxes will not rise", "taxes will rise"), (pairs[0].A.Claim.ContentText, pairs[0].B.Claim.ContentText));
        Assert.Equal(0.9, pairs[0].Score.Probability);
        Assert.Equal(0.1, pairs[1].Score.Probability);
        Assert.Equal(1, summary.FlaggedCount);
        Assert.Equal("taxes will not rise", summary.Flagged[0].A.ContentText);
    }

    [Fact]
    public void The_older_claim_is_a_by_date_even_when_the_later_article_is_read_first()
    {
        var march = TestStages.Article("Ann Lee said taxes will rise.", "2024-03-01", "march.txt");
        var january = TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-01", "january.txt");
        Run(TestStages.Create(), new DiagnosticBag(), null, march, january);

        var pair = Assert.Single(_store.ListPairs());
        Assert.Equal("taxes will not rise", pair.A.Claim.ContentText);
        Assert.Equal(new DateOnly(2024, 1, 1), pair.A.Date);
        Assert.Equal(new DateOnly(2024, 3, 1), pair.B.Date);
    }

    [Fact]
    public void Within_an_article_and_on_equal_dates_the_earlier_claim_is_a()
    {
        var a = TestStages.Article("Ann Lee said the plant is safe. Ann Lee said the plant is not safe.", "2024-03-01");
        Run(TestStages.Create(), new DiagnosticBag(), null, a);
        var pair = Assert.Single(_store.ListPairs());
        Assert.Equal(("the plant is safe", "the plant is not safe"), (pair.A.Claim.ContentText, pair.B.Claim.ContentText));
        Assert.Equal(ContradictionNlp.Pairing.TemporalOrder.SameDay, pair.Time.Order);
    }

    [Fact]
    public void A_speakers_verbatim_repeat_is_not_paired_unless_asked()
    {
        // Ann says the same words in two articles (case and punctuation aside), and something else in the second.
        var a1 = TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-10", "r1.txt");
        var a2 = TestStages.Article("Ann Lee said “Taxes, will NOT rise”. Ann Lee said taxes will rise.", "2024-02-10", "r2.txt");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);

        // Only the two different contents pair, once: a1's claim with a2's second. a2's first restates a1's claim, so it is
        // paired with nothing (a1's claim stands for both), and a2's second pairs with a1's claim, not again with its copy.
        Assert.Equal(1, summary.Pairs);
        var pair = Assert.Single(_store.ListPairs(minScore: 0));
        Assert.Equal(("taxes will not rise", "taxes will rise"), (pair.A.Claim.ContentText, pair.B.Claim.ContentText));
        Assert.Equal(new DateOnly(2024, 1, 10), pair.A.ArticleDate); // r1's claim, not its copy in r2
    }

    [Fact]
    public void An_attitude_claim_is_stored_but_paired_with_nothing_unless_asked()
    {
        // "defended X" names what the stance is about; the scorer compares asserted contents. Ann's statement in a2 would
        // pair with her attitude claim in a1 (the test scorer flags it: one side negated), and still pairs with her
        // earlier statement; the attitude claim is skipped as a candidate without counting against the cap.
        var a1 = TestStages.Article("Ann Lee defended the goalkeeper. Ann Lee said the keeper played well.", "2024-01-10", "t1.txt");
        var a2 = TestStages.Article("Ann Lee said the goalkeeper was not at fault.", "2024-02-10", "t2.txt");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);
        Assert.Equal(3, summary.Claims);
        var pairs = _store.ListPairs(minScore: 0);
        Assert.All(pairs, p => Assert.NotEqual("the goalkeeper", p.A.Claim.ContentText));
        Assert.Contains(pairs, p => p.A.Claim.ContentText == "the keeper played well");

        using var dir = new TempDir();
        using var other = ClaimStore.Open(dir.File("q.db"));
        new AnalysisPipeline(other, TestStages.Create(), new PipelineOptions { PairAttitudes = true }).Run([a1, a2], new DiagnosticBag());
        Assert.Contains(other.ListPairs(minScore: 0), p => p.A.Claim.ContentText == "the goalkeeper" && p.B.Claim.ContentText == "the goalkeeper was not at fault");
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, false)]
    [InlineData(new[] { 0, 2, 1 }, false)]
    [InlineData(new[] { 2, 0, 1 }, false)]
    [InlineData(new[] { 0, 1, 2 }, true)]
    [InlineData(new[] { 2, 1, 0 }, true)]
    public void A_claim_restated_in_a_republished_article_is_flagged_once_in_any_order_and_run(int[] order, bool runByRun)
    {
        // The same report twice (a wire story and its re-publication) and a later contradiction: one pair, not two.
        Article[] articles =
        [
            TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-10", "wire.txt"),
            TestStages.Article("Ann Lee said “taxes will not rise”.", "2024-01-11", "reprint.txt"),
            TestStages.Article("Ann Lee said taxes will rise.", "2024-02-10", "later.txt"),
        ];
        var ordered = order.Select(i => articles[i]).ToArray();
        if (runByRun) foreach (var a in ordered) Run(TestStages.Create(), new DiagnosticBag(), null, a);
        else Run(TestStages.Create(), new DiagnosticBag(), null, ordered);

        Assert.Equal(3, _store.Counts().Claims); // every claim is stored; only the pairs are not repeated
        var pair = Assert.Single(_store.ListPairs(minScore: 0));
        // Whichever copy was stored first stands for both (with the reprint first, its quotation marks are part of the content).
        Assert.True(VerbatimRepeatOf("taxes will not rise", pair.A.Claim.ContentText), pair.A.Claim.ContentText);
        Assert.Equal("taxes will rise", pair.B.Claim.ContentText);
        Assert.Equal(0.9, pair.Score.Probability);
    }

    [Fact]
    public void Restated_claims_are_paired_as_before_when_repeats_are_paired_and_a_restated_denial_is_no_restatement()
    {
        Article[] articles =
        [
            TestStages.Article("Ann Lee said taxes will not rise. Bob Hart denied that roads are bad.", "2024-01-10", "wire.txt"),
            TestStages.Article("Ann Lee said taxes will not rise. Bob Hart said roads are bad.", "2024-01-11", "reprint.txt"),
            TestStages.Article("Ann Lee said taxes will rise. Bob Hart said roads are fine.", "2024-02-10", "later.txt"),
        ];
        var summary = Run(TestStages.Create(), new DiagnosticBag(), new PipelineOptions { PairRepeats = true }, articles);
        Assert.Equal(6, summary.Pairs); // each speaker: 0 + 1 + 2
        _store.Dispose();
        File.Delete(_dir.File("p.db"));
        using var fresh = ClaimStore.Open(_dir.File("p.db"));
        summary = new AnalysisPipeline(fresh, TestStages.Create()).Run(articles, new DiagnosticBag());
        // Ann: the reprint's claim restates the wire's, so only wire-later pairs. Bob: "denied that roads are bad" and "said
        // roads are bad" are the same words with opposite cues, a contradiction and no restatement: all three pairs stay.
        Assert.Equal(4, summary.Pairs);
        Assert.Equal([1, 3], fresh.ListPairs(minScore: 0).GroupBy(p => p.SpeakerName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count()));
    }

    [Fact]
    public void PairRepeats_pairs_verbatim_repeats_as_before()
    {
        var a1 = TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-10", "r1.txt");
        var a2 = TestStages.Article("Ann Lee said “Taxes, will NOT rise”. Ann Lee said taxes will rise.", "2024-02-10", "r2.txt");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), new PipelineOptions { PairRepeats = true }, a1, a2);
        Assert.Equal(3, summary.Pairs); // 0 + 1 (a2's first with a1's) + 2 (a2's second with both)
        Assert.Single(_store.ListPairs(minScore: 0), p => VerbatimRepeatOf(p.A.Claim.ContentText, p.B.Claim.ContentText));
    }

    [Fact]
    public void A_denial_and_an_assertion_of_the_same_words_are_paired_but_two_denials_are_a_repeat()
    {
        // Ann denies in January what she asserts in February: the same words, opposite cues (CuePolarity).
        var a1 = TestStages.Article("Ann Lee denied that taxes will rise. Bob Hart denied that taxes will rise.", "2024-01-10", "d1.txt");
        var a2 = TestStages.Article("Ann Lee said taxes will rise. Bob Hart denied that taxes will rise.", "2024-02-10", "d2.txt");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);
        var pair = Assert.Single(_store.ListPairs(minScore: 0));
        Assert.Equal(1, summary.Pairs);
        Assert.Equal(("Ann Lee", "denied that", "said"), (pair.SpeakerName, pair.A.Claim.CueText, pair.B.Claim.CueText));
    }

    [Fact]
    public void A_content_said_again_inside_a_longer_one_is_not_paired_unless_asked_or_denied()
    {
        // Ann's February content holds her January words and more; Bob's holds his under a negation; Cy denies his first.
        var a1 = TestStages.Article("Ann Lee said the bridge will reopen in May. Bob Hart said the pier is safe. Cy Diaz denied that the dock will close.", "2024-01-10", "p1.txt");
        var a2 = TestStages.Article("Ann Lee said the bridge will reopen in May as planned. Bob Hart said it is not true that the pier is safe. Cy Diaz said the dock will close in June.", "2024-02-10", "p2.txt");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);
        var pairs = _store.ListPairs(minScore: 0);
        Assert.Equal(2, summary.Pairs);
        Assert.Equal(["Bob Hart", "Cy Diaz"], pairs.Select(p => p.SpeakerName).Order(StringComparer.Ordinal));

        var again = Run(TestStages.Create(), new DiagnosticBag(), new PipelineOptions { PairRepeats = true },
            TestStages.Article("Ann Lee said the bridge will reopen in May on time.", "2024-03-10", "p3.txt"));
        Assert.Equal(2, again.Pairs); // both of Ann's earlier contents are part of, or hold, the new one
    }

    private static bool VerbatimRepeatOf(string a, string b) => ContradictionNlp.Pairing.VerbatimRepeat.SameWords(a, b);

    [Fact]
    public void No_more_than_the_candidate_cap_is_scored_per_new_claim_even_if_the_selector_returns_more()
    {
        // Five earlier claims of one speaker, then one new claim: an uncapped selector offers all five.
        var earlier = TestStages.Article(string.Join(" ", Enumerable.Range(1, 5).Select(i => $"Ann Lee said item {i} is ready.")), "2024-01-01", "e.txt");
        var stages = TestStages.Create(selectorCap: null);
        Run(stages, new DiagnosticBag(), null, earlier);
        int afterFirst = _store.Counts().Pairs;
        Assert.Equal(0 + 1 + 2 + 3 + 4, afterFirst); // within the article each claim pairs with all earlier ones

        var later = TestStages.Article("Ann Lee said item 1 is not ready.", "2024-02-01", "l.txt");
        var summary = Run(stages, new DiagnosticBag(), new PipelineOptions { MaxCandidatesPerClaim = 2 }, later);
        Assert.Equal(2, summary.Pairs);
        Assert.Equal(afterFirst + 2, _store.Counts().Pairs);
        // The two kept are the selector's best: the claim about item 1 comes first among them.
        Assert.Contains(_store.ListPairs(), p => p.A.Claim.ContentText == "item 1 is ready" && p.B.Claim.ContentText == "item 1 is not ready");
    }

    [Fact]
    public void The_selector_sees_only_the_speakers_own_earlier_claims_loaded_from_the_store()
    {
        var stages = TestStages.Create();
        Run(stages, new DiagnosticBag(), null,
            TestStages.Article("Ann Lee said one. Bob Hart said two. Ann Lee said three.", "2024-01-01", "x.txt"));
        var selector = (CosineSelector)stages.Candidates;
        Assert.Equal([1], selector.PoolSizes); // only Ann's second claim had a pool (her first claim)

        // A new run loads Ann's and Bob's stored claims lazily from the store.
        var stages2 = TestStages.Create();
        Run(stages2, new DiagnosticBag(), null,
            TestStages.Article("Ann Lee said four. Bob Hart said five.", "2024-02-01", "y.txt"));
        Assert.Equal([2, 1], ((CosineSelector)stages2.Candidates).PoolSizes);
    }

    [Fact]
    public void Rerunning_the_same_articles_is_a_no_op()
    {
        var a1 = TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-10", "a1.txt");
        var a2 = TestStages.Article("Ann Lee said taxes will rise.", "2024-02-10", "a2.txt");
        Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);
        var before = _store.Counts();

        var bag = new DiagnosticBag();
        var again = Run(TestStages.Create(), bag, null, a1, a2);
        Assert.Equal((0, 2, 0, 0, 0), (again.ArticlesNew, again.ArticlesSkipped, again.Claims, again.Pairs, again.FlaggedCount));
        Assert.Equal(before, _store.Counts());
        Assert.Equal(2, bag.Count);
        Assert.All(bag, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal($"a1.txt: info: already in the store (article {a1.Id}); skipped", bag.First().ToString());
        Assert.False(bag.AnySkipped); // an already-stored article is not a skipped input
    }

    [Fact]
    public void The_same_content_twice_in_one_run_is_stored_once()
    {
        var a = TestStages.Article("Ann Lee said taxes will rise.", "2024-01-10", "a.txt");
        var copy = TestStages.Article("Ann Lee said taxes will rise.", "2024-01-10", "copy.txt", title: "another headline");
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a, copy);
        Assert.Equal((1, 1), (summary.ArticlesNew, summary.ArticlesSkipped));
        Assert.Equal(1, _store.Counts().Claims);
    }

    [Fact]
    public void An_article_without_claims_is_stored_with_a_warning_so_a_rerun_skips_it()
    {
        var a = TestStages.Article("The council met on Tuesday. Nobody spoke.", "2024-01-10", "quiet.txt");
        var bag = new DiagnosticBag();
        var summary = Run(TestStages.Create(), bag, null, a);
        Assert.Equal((1, 0), (summary.ArticlesNew, summary.Claims));
        var d = Assert.Single(bag);
        Assert.Equal("quiet.txt: warning: no attributed claims found; the article is stored so a re-run skips it", d.ToString());
        Assert.True(_store.HasArticle(a.Id));
        Assert.Equal(1, Run(TestStages.Create(), new DiagnosticBag(), null, a).ArticlesSkipped);
    }

    [Fact]
    public void A_stage_failing_mid_article_ends_the_run_and_leaves_that_article_unwritten()
    {
        var a1 = TestStages.Article("Ann Lee said taxes will not rise.", "2024-01-10", "a1.txt");
        var a2 = TestStages.Article("Bob Hart said roads are fine. Ann Lee said taxes will rise.", "2024-02-10", "a2.txt");
        var failing = TestStages.Create(failOn: (_, b) => b.ContentText == "taxes will rise");
        Assert.Throws<InvalidOperationException>(() => Run(failing, new DiagnosticBag(), null, a1, a2));

        // a1 was committed before; of a2 nothing: not its article row, nor Bob, nor Bob's claim.
        Assert.True(_store.HasArticle(a1.Id));
        Assert.False(_store.HasArticle(a2.Id));
        Assert.Equal(new StoreCounts(1, 1, 1, 1, 1, 0, 0), _store.Counts());

        // A healthy re-run picks a2 up in full.
        var summary = Run(TestStages.Create(), new DiagnosticBag(), null, a1, a2);
        Assert.Equal((1, 1, 2, 1), (summary.ArticlesNew, summary.ArticlesSkipped, summary.Claims, summary.Pairs));
    }

    [Fact]
    public void Unresolved_speakers_are_stored_but_never_paired()
    {
        var stages = TestStages.Create() with { SpeakerResolverFactory = _ => new NullResolver() };
        var summary = Run(stages, new DiagnosticBag(), null,
            TestStages.Article("Ann Lee said taxes will rise. Ann Lee said taxes will not rise.", "2024-01-10"));
        Assert.Equal((2, 0), (summary.Claims, summary.Pairs));
        Assert.All(_store.ListClaims(), c => Assert.Null(c.SpeakerId));
        Assert.Empty(_store.ListSpeakers());
    }

    private sealed class NullResolver : ISpeakerResolver
    {
        public ContradictionNlp.Speakers.Speaker? Resolve(ContradictionNlp.Claims.SpeakerMention mention) => null;
    }

    [Fact]
    public void Speaker_index_is_built_from_the_stored_speakers()
    {
        Run(TestStages.Create(), new DiagnosticBag(), null, TestStages.Article("Ann Lee said one.", "2024-01-01", "1.txt"));
        NameResolver? made = null;
        var stages = TestStages.Create() with { SpeakerResolverFactory = known => made = new NameResolver(known) };
        Run(stages, new DiagnosticBag(), null, TestStages.Article("Bob Hart said two.", "2024-01-02", "2.txt"));
        Assert.Equal(1, made!.LoadedCount);
    }

    [Fact]
    public void Progress_is_reported_once_per_article_with_the_total()
    {
        var reports = new List<PipelineProgress>();
        var articles = new[]
        {
            TestStages.Article("Ann Lee said one.", "2024-01-01", "1.txt"),
            TestStages.Article("Ann Lee said two.", "2024-01-02", "2.txt"),
        };
        new AnalysisPipeline(_store, TestStages.Create()).Run(articles, new DiagnosticBag(), new ListProgress(reports));
        Assert.Equal([new PipelineProgress(1, 2, "1.txt"), new PipelineProgress(2, 2, "2.txt")], reports);
    }

    private sealed class ListProgress(List<PipelineProgress> list) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => list.Add(value);
    }

    [Fact]
    public void Options_are_validated()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnalysisPipeline(_store, TestStages.Create(), new PipelineOptions { MinScore = 1.5 }));
        Assert.StartsWith("MinScore must be between 0 and 1.", ex.Message);
    }
}
