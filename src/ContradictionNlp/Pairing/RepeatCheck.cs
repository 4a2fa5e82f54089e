using ContradictionNlp.Claims;

namespace ContradictionNlp.Pairing;

/// <summary>What the pipeline does with one candidate of a new claim (<see cref="RepeatCheck.Check"/>).</summary>
internal enum RepeatVerdict
{
    /// <summary>Pair the new claim with the candidate.</summary>
    Pair,
    /// <summary>Not this candidate: a repeat of the new claim (<see cref="VerbatimRepeat.Repeats"/>), or the same words as a candidate already paired.</summary>
    Skip,
    /// <summary>The new claim says word for word what the candidate says: pair it with nothing, not even the candidates paired so far.</summary>
    Restated,
}

/// <summary>
/// The repeat rules of pairing, asked of one new claim's candidates in the order they are paired
/// (<see cref="Pipeline.PipelineOptions.PairRepeats"/> off):
/// <list type="bullet">
/// <item>A candidate that repeats the new claim, wholly or in part, is not paired: repeating oneself is no contradiction
/// (round 17, partial repeats round 25).</item>
/// <item>When the repeat is whole (the same words), the new claim is paired with nothing (round 26): every pair it would
/// make, the earlier statement makes with the same two texts, or made already. Re-published articles otherwise flag one
/// pair two to four times (bbc-news: 36 of 226 flags).</item>
/// <item>Of candidates that say the same words (a claim and its re-published copy), only the first is paired.</item>
/// </list>
/// A denial and an assertion of the same words are never a repeat: they are the clearest contradiction (<see cref="CuePolarity"/>).
/// Not thread-safe: one per pipeline, used by its pairing thread.
/// </summary>
internal sealed class RepeatCheck
{
    private readonly RepeatFinder _finder = new();
    // The current claim's candidates paired so far, with their word hashes: comparing a new candidate with them is then a
    // length test and, rarely, a SequenceEqual, with no cache look-up per comparison (a speaker can have 50 candidates).
    private readonly List<(Claim Claim, ulong[] Hashes)> _paired = [];
    private Claim? _claim;
    private bool _denied;

    /// <summary>Starts on the candidates of <paramref name="claim"/>.</summary>
    public void Begin(Claim claim)
    {
        _claim = claim;
        _denied = CuePolarity.DeniedAt(claim) >= 0;
        _paired.Clear();
    }

    /// <summary>What to do with <paramref name="candidate"/>; a <see cref="RepeatVerdict.Pair"/> is remembered as paired.</summary>
    public RepeatVerdict Check(Claim candidate)
    {
        var claim = _claim ?? throw new InvalidOperationException("Begin(claim) first.");
        if (_finder.Repeats(claim.ContentText, candidate.ContentText) && _denied == CuePolarity.DeniedAt(candidate) >= 0)
            return _finder.SameWords(claim.ContentText, candidate.ContentText) ? RepeatVerdict.Restated : RepeatVerdict.Skip;
        var hashes = _finder.HashesOf(candidate.ContentText);
        foreach (var (other, otherHashes) in _paired)
            if (otherHashes.Length == hashes.Length && otherHashes.AsSpan().SequenceEqual(hashes)
                && VerbatimRepeat.SameWords(candidate.ContentText, other.ContentText)
                && CuePolarity.DeniedAt(candidate) >= 0 == CuePolarity.DeniedAt(other) >= 0) return RepeatVerdict.Skip;
        _paired.Add((candidate, hashes));
        return RepeatVerdict.Pair;
    }
}
