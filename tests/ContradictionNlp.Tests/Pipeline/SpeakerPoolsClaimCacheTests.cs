using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// The speaker pools' cache of claims read back from the store (SCORE14): two generations, a hit in the older one moves
/// the claim forward, so a speaker's recent claims are not read again when the cache turns over (it used to be cleared
/// whole). Whatever the cache does, row i's claim is the stored claim of row i.
/// </summary>
public class SpeakerPoolsClaimCacheTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class ThreeDims : IClaimEmbedder
    {
        public string ModelId => "model-x";
        public int Dimension => 3;
        public void Embed(string text, Span<float> output) => throw new NotSupportedException("the pools only read stored vectors here");
    }

    private static readonly Speaker Ann = new("spk-ann", "Ann Lee", ["Ann Lee"], []);

    /// <summary>One article with <paramref name="n"/> claims by Ann, each with a vector; returns the claims in rowid order (1..n).</summary>
    private static Claim[] Store(ClaimStore store, int n)
    {
        var (article, claims) = GatedPairsTests.MakeArticle("one", new DateOnly(2024, 1, 1),
            [.. Enumerable.Range(0, n).Select(i => $"claim number {i} holds")]);
        Assert.True(store.SaveArticle(new ArticleBatch(article, [.. claims.Select((c, i) => new ClaimToStore(c, Ann.Id, [i, 1f, 0f]))],
            [Ann], [], "model-x", "scorer-1")));
        return [.. claims];
    }

    [Fact]
    public void A_claim_in_the_older_generation_is_not_read_again_and_every_row_gives_its_own_claim()
    {
        using var store = ClaimStore.Open(_dir.File("s.db"));
        var stored = Store(store, 4);
        var pools = new SpeakerPools(store, new ThreeDims(), floatBudget: 1 << 20, claimCacheSize: 2);
        var pool = pools.Get(Ann.Id);
        Assert.Equal(4, pool.Count);

        // Generations of 2: rows 0, 1 fill the first; 2 turns it over ({0, 1} older); 0 and 1 come back from the older
        // generation (the second turns it over again: {2, 0} older); 3 is read; 2 comes forward ({1, 3} older, 0 dropped);
        // 0 is read again. Reads: 0, 1, 2, 3, 0 = 5 (the old cache, cleared when full, read 8 times here).
        int[] order = [0, 1, 2, 0, 1, 3, 2, 0];
        int[] readsAfter = [1, 2, 3, 3, 3, 4, 4, 5];
        for (int k = 0; k < order.Length; k++)
        {
            var claim = pools.Claim(pool, order[k]);
            Assert.Equal(stored[order[k]].Id, claim.Id);
            Assert.Equal(stored[order[k]].ContentText, claim.ContentText);
            Assert.Equal(readsAfter[k], pools.ClaimsRead);
        }
    }

    [Fact]
    public void Many_rows_in_a_shuffled_order_give_their_own_claims_through_several_turnovers()
    {
        using var store = ClaimStore.Open(_dir.File("s.db"));
        var stored = Store(store, 40);
        var pools = new SpeakerPools(store, new ThreeDims(), floatBudget: 1 << 20, claimCacheSize: 3);
        var pool = pools.Get(Ann.Id);
        var random = new Random(11);
        int distinctRows = 0;
        var seen = new HashSet<int>();
        for (int k = 0; k < 400; k++)
        {
            int row = random.Next(pool.Count);
            if (seen.Add(row)) distinctRows++;
            Assert.Equal(stored[row].Id, pools.Claim(pool, row).Id);
        }
        // Every row was read at least once and, with at most 6 claims held, some more than once; never more than once per access.
        Assert.Equal(40, distinctRows);
        Assert.InRange(pools.ClaimsRead, 41, 400);
        // An immediate repeat is always a hit.
        int before = pools.ClaimsRead;
        pools.Claim(pool, 7);
        pools.Claim(pool, 7);
        Assert.InRange(pools.ClaimsRead, before, before + 1);
    }

    /// <summary>
    /// Round 35: the claims of an article the pools just saw committed go into the cache as they are, so a later article
    /// pairing with them reads none back from the store (on BBC, 4,475 reads at 1 thread before, 549 after). The store
    /// learns their rowids at the same time, so a pair naming such a claim is stored under the right claim.
    /// </summary>
    [Fact]
    public void Claims_just_committed_are_paired_from_the_cache_and_stored_pairs_name_them_by_rowid()
    {
        using var store = ClaimStore.Open(_dir.File("s.db"));
        var pools = new SpeakerPools(store, new ThreeDims(), floatBudget: 1 << 20);
        var (first, claims) = GatedPairsTests.MakeArticle("one", new DateOnly(2024, 1, 1), "the bridge opens in June", "the toll stays at two euros");
        pools.BeginArticle();
        var pool = pools.Get(Ann.Id, isNew: true);
        for (int i = 0; i < claims.Length; i++) pools.Add(pool, claims[i], [i, 1f, 0f], i);
        var rowIds = new List<long>();
        Assert.True(store.SaveArticle(new ArticleBatch(first, [.. claims.Select((c, i) => new ClaimToStore(c, Ann.Id, [i, 1f, 0f]))],
            [Ann], [], "model-x", "scorer-1"), rowIds));
        pools.Commit(rowIds);

        // Both rows are stored claims now (no longer pending), and come back as the very objects, none read.
        Assert.Equal(rowIds, pool.RowIds);
        Assert.Empty(pool.Pending);
        Assert.Same(claims[0], pools.Claim(pool, 0));
        Assert.Same(claims[1], pools.Claim(pool, 1));
        Assert.Equal(0, pools.ClaimsRead);

        // A later article's claim paired with the cached second claim: the pair is stored under that claim's row.
        var (second, later) = GatedPairsTests.MakeArticle("two", new DateOnly(2024, 2, 1), "the toll rises to three euros");
        var pair = new ScoredPair(pools.Claim(pool, 1), later[0], 0.8f, new ContradictionNlp.Scoring.ContradictionScore(0.9, 0.05, 0.05, []),
            new TemporalRelation(null, null, TemporalOrder.Unknown, null));
        Assert.True(store.SaveArticle(new ArticleBatch(second, [new ClaimToStore(later[0], Ann.Id, [5f, 1f, 0f])], [Ann], [pair], "model-x", "scorer-1")));
        var stored = Assert.Single(store.ListPairs());
        Assert.Equal(claims[1].Id, stored.A.Claim.Id);
        Assert.Equal("the toll stays at two euros", stored.A.Claim.ContentText);
        Assert.Equal(later[0].Id, stored.B.Claim.Id);
    }
}
