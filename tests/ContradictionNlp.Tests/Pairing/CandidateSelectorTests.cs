using ContradictionNlp.Pairing;

namespace ContradictionNlp.Tests.Pairing;

public class CandidateSelectorTests
{
    private static ReadOnlyMemory<float> V(float x, float y) => new[] { x, y };

    private static readonly ReadOnlyMemory<float>[] Pool =
    [
        V(0f, 1f),        // 0: orthogonal, sim 0
        V(0.6f, 0.8f),    // 1: sim 0.6
        V(1f, 0f),        // 2: sim 1
        V(0.6f, -0.8f),   // 3: sim 0.6 (ties with 1)
        V(-1f, 0f),       // 4: sim -1
        V(0.28f, 0.96f),  // 5: sim 0.28, just under the default threshold
    ];

    [Fact]
    public void Best_first_ties_by_lower_index_and_threshold_applies()
    {
        var sel = new CandidateSelector(new PairingOptions());
        var hits = sel.Select([1f, 0f], Pool);
        Assert.Equal([2, 1, 3], hits.Select(h => h.Index));
        Assert.Equal([1f, 0.6f, 0.6f], hits.Select(h => h.Similarity));
    }

    [Fact]
    public void At_most_max_candidates()
    {
        var sel = new CandidateSelector(new PairingOptions { MaxCandidatesPerClaim = 2, MinSimilarity = -1f });
        Assert.Equal([2, 1], sel.Select([1f, 0f], Pool).Select(h => h.Index));
    }

    [Fact]
    public void Empty_pool_and_zero_max_give_nothing()
    {
        Assert.Empty(new CandidateSelector(new PairingOptions()).Select([1f, 0f], []));
        Assert.Empty(new CandidateSelector(new PairingOptions { MaxCandidatesPerClaim = 0 }).Select([1f, 0f], Pool));
    }

    [Fact]
    public void Dimension_mismatch_is_a_programming_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CandidateSelector(new PairingOptions()).Select([1f, 0f, 0f], Pool));
        Assert.StartsWith("Pool vector 0 has dimension 2, expected 3", ex.Message);
    }
}
