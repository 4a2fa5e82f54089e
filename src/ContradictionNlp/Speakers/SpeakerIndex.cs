using ContradictionNlp.Claims;

namespace ContradictionNlp.Speakers;

/// <summary>
/// CONTRACT (skeleton): merges speaker mentions into speakers across articles. Loaded with every
/// speaker already stored; <see cref="Resolve"/> returns the existing speaker a mention belongs to
/// (with the new alias/roles added) or a new one. Not thread-safe: the pipeline resolves in order.
/// </summary>
public sealed class SpeakerIndex
{
    public SpeakerIndex(IEnumerable<Speaker> known) => throw new NotImplementedException();

    /// <summary>Null when the mention is unresolved (a pronoun with no antecedent).</summary>
    public Speaker? Resolve(SpeakerMention mention) => throw new NotImplementedException();

    public IReadOnlyList<Speaker> All => throw new NotImplementedException();
}
