namespace ContradictionNlp.Speakers;

/// <summary>
/// Stored speakers that a <see cref="SpeakerIndex"/> reads on demand instead of holding them all (the store's
/// <c>ClaimStore.StoredSpeakers</c>). Enumerating it yields every speaker in full, ordered by id, exactly as a
/// list of the stored speakers would, so any consumer of <see cref="IEnumerable{Speaker}"/> still works.
/// </summary>
/// <remarks>
/// A handle names one stored speaker for <see cref="Load"/> (the store's rowid). The scans and loads see the
/// store as it is when called; the index scans once, when built, and loads a speaker the first time a mention
/// finds it, before the run has written anything to that speaker.
/// </remarks>
public interface ISpeakerDirectory : IEnumerable<Speaker>
{
    /// <summary>Every stored speaker's handle and name, ordered by id.</summary>
    IEnumerable<(long Handle, string Name)> ScanNames();

    /// <summary>Every stored alias with its speaker's handle, ordered by speaker id, then alias (as <see cref="ScanNames"/> and a full load order them).</summary>
    IEnumerable<(long Handle, string Alias)> ScanAliases();

    /// <summary>The speaker of <paramref name="handle"/> in full: aliases ordered as <see cref="ScanAliases"/> gives them, roles as stored.</summary>
    Speaker Load(long handle);

    /// <summary>True when a stored speaker has this id.</summary>
    bool IdExists(string id);
}
