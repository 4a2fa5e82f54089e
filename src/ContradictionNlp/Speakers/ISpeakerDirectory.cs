namespace ContradictionNlp.Speakers;

/// <summary>What a stored speaker key is (see <see cref="SpeakerIndex.NameKeys"/>): the values are stored (speaker_keys.kind).</summary>
public enum SpeakerKeyKind
{
    /// <summary>The normalised name.</summary>
    Name = 0,
    /// <summary>
    /// The normalised form of a non-empty alias that a mention was resolved by (the mention's name, which
    /// <see cref="SpeakerIndex.Resolve"/> keys); an alias taken only from a mention's text is no key.
    /// </summary>
    Alias = 1,
    /// <summary>The last word of the normalised name, for names of two words or more (what the surname rules look up).</summary>
    Surname = 2,
}

/// <summary>
/// Stored speakers that a <see cref="SpeakerIndex"/> looks up on demand instead of holding them all (the store's
/// <c>ClaimStore.StoredSpeakers</c>). Enumerating it yields every speaker in full, ordered by id, exactly as a
/// list of the stored speakers would, so any consumer of <see cref="IEnumerable{Speaker}"/> still works.
/// </summary>
/// <remarks>
/// A handle names one stored speaker for <see cref="Load"/> (the store's rowid). Every call sees the store as it is
/// when called, including what the current run wrote: the index ignores the rows of speakers it holds itself (those
/// it loaded or created), whose keys as they were stored it knows from their loaded records.
/// </remarks>
public interface ISpeakerDirectory : IEnumerable<Speaker>
{
    /// <summary>Every stored speaker's handle, ordered by id.</summary>
    IEnumerable<long> Handles();

    /// <summary>
    /// The stored speakers having <paramref name="key"/> as a key of <paramref name="kind"/> (see <see cref="SpeakerIndex.NameKeys"/>
    /// and <see cref="SpeakerIndex.AliasKey"/>), ordered by id in code-point order (SQLite's BINARY on UTF-8).
    /// </summary>
    IEnumerable<(long Handle, string Id)> WithKey(string key, SpeakerKeyKind kind);

    /// <summary>The speaker of <paramref name="handle"/> in full: aliases ordered as SQLite orders them (BINARY), roles as stored.</summary>
    Speaker Load(long handle);

    /// <summary>True when a stored speaker has this id.</summary>
    bool IdExists(string id);
}
