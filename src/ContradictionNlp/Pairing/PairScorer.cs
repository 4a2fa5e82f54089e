using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>CONTRACT (skeleton): scores a same-speaker claim pair and relates their dates.</summary>
public sealed class PairScorer(IContradictionScorer scorer)
{
    public IContradictionScorer Scorer { get; } = scorer;

    /// <summary><paramref name="a"/> is the stored (older) claim, <paramref name="b"/> the new one.</summary>
    public ScoredPair Score(Claim a, Claim b, float similarity) => throw new NotImplementedException();
}
