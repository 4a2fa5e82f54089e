using ContradictionNlp.Pairing;

namespace ContradictionNlp.Tests.Pairing;

/// <summary>
/// The selector keeps the k best hits with a heap instead of sorting them all; both entry points (a list of
/// vectors, one row-major matrix) must return exactly what sorting every hit returns, ties included.
/// </summary>
public class CandidateSelectorTopKTests
{
    // Seeded vectors, many exact duplicates (ties broken by index), normalised like the embedder's.
    private static float[][] Pool(int n, int d, int seed)
    {
        var rng = new Random(seed);
        var distinct = Enumerable.Range(0, n / 4 + 1).Select(_ =>
        {
            var v = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();
        return Enumerable.Range(0, n).Select(_ => distinct[rng.Next(distinct.Length)]).ToArray();
    }

    private static List<(int, float)> Sorted(float[] query, float[][] pool, PairingOptions o) =>
        pool.Select((v, i) => (Index: i, Similarity: System.Numerics.Tensors.TensorPrimitives.Dot(query, v)))
            .Where(h => h.Similarity >= o.MinSimilarity)
            .OrderByDescending(h => h.Similarity).ThenBy(h => h.Index)
            .Take(o.MaxCandidatesPerClaim).Select(h => (h.Index, h.Similarity)).ToList();

    [Theory]
    [InlineData(500, 50, 0.0f)]
    [InlineData(500, 3, 0.3f)]
    [InlineData(40, 50, -1.0f)] // fewer hits than k: all of them, in order
    [InlineData(3000, 50, -1.0f)] // many more hits than k, every kept slot displaced many times
    [InlineData(300, 1, -1.0f)] // k = 1: only the best (lowest index among equals)
    public void Both_entry_points_return_the_fully_sorted_top_k(int n, int k, float min)
    {
        var options = new PairingOptions { MaxCandidatesPerClaim = k, MinSimilarity = min };
        var selector = new CandidateSelector(options);
        var pool = Pool(n, 16, seed: n + k);
        var matrix = pool.SelectMany(v => v).ToArray();
        foreach (var query in pool.Take(5))
        {
            var expected = Sorted(query, pool, options);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, selector.Select(query, pool.Select(v => (ReadOnlyMemory<float>)v).ToList()));
            Assert.Equal(expected, selector.Select(query, matrix, n));
            Assert.Equal(expected[0], (pool.ToList().IndexOf(query), expected[0].Item2)); // the query itself (first copy) ranks first
        }
    }

    [Fact]
    public void Hits_arriving_worst_first_and_best_first_give_the_same_top_k()
    {
        // Row i has similarity i/n to the query (rising), so each new row beats every kept one; the reversed matrix
        // offers the best first, so each later row loses to the worst kept one. Both must keep the same k rows.
        const int n = 200, k = 7;
        var rows = Enumerable.Range(0, n).Select(i => { var a = (float)i / n; return new[] { a, MathF.Sqrt(1 - a * a) }; }).ToArray();
        var query = new float[] { 1, 0 };
        var options = new PairingOptions { MaxCandidatesPerClaim = k, MinSimilarity = 0 };
        var selector = new CandidateSelector(options);
        var rising = selector.Select(query, rows.SelectMany(r => r).ToArray(), n);
        Assert.Equal(Enumerable.Range(n - k, k).Reverse().ToList(), rising.Select(h => h.Index).ToList());
        var falling = selector.Select(query, rows.Reverse().SelectMany(r => r).ToArray(), n);
        Assert.Equal(Enumerable.Range(0, k).ToList(), falling.Select(h => h.Index).ToList());
        Assert.Equal(rising.Select(h => h.Similarity), falling.Select(h => h.Similarity));
        Assert.Equal(Sorted(query, rows, options), rising);
    }

    [Fact]
    public void A_matrix_too_small_for_the_rows_is_refused()
    {
        var selector = new CandidateSelector(new PairingOptions());
        var ex = Assert.Throws<ArgumentException>(() => selector.Select(new float[4], new float[7], 2));
        Assert.Contains("cannot hold 2 rows of dimension 4", ex.Message);
    }

    [Fact]
    public void A_cap_of_zero_selects_nothing()
    {
        var selector = new CandidateSelector(new PairingOptions { MaxCandidatesPerClaim = 0 });
        Assert.Empty(selector.Select(new float[] { 1, 0 }, new float[] { 1, 0 }, 1));
    }
}
