using System.Collections;
using ContradictionNlp.Speakers;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Store;

// Read paths for the speaker index (GROWTH): the stored speakers as an ISpeakerDirectory, read on demand.
public sealed partial class ClaimStore
{
    /// <summary>
    /// The stored speakers as a <see cref="SpeakerIndex"/> reads them on demand (what the pipeline passes to the
    /// speaker resolver): the index keeps only their keys, so its memory does not grow with full speaker records.
    /// Enumerating it gives <see cref="LoadSpeakers"/>. Valid while this store is open; reads see its current state.
    /// </summary>
    public ISpeakerDirectory StoredSpeakers() => new SpeakerDirectory(this);

    // Prepared once per store (a run asks for every new speaker's id and reads each stored speaker it meets);
    // disposed with the store (see Dispose).
    private SqliteCommand? _speakerByRowId, _aliasesOfSpeaker, _speakerIdExists;

    private void DisposeSpeakerReads()
    {
        foreach (var cmd in new[] { _speakerByRowId, _aliasesOfSpeaker, _speakerIdExists }) cmd?.Dispose();
    }

    private sealed class SpeakerDirectory(ClaimStore store) : ISpeakerDirectory
    {
        public IEnumerable<(long Handle, string Name)> ScanNames()
        {
            using var cmd = store.Command("SELECT rowid, name FROM speakers ORDER BY id");
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return (r.GetInt64(0), r.GetString(1));
        }

        public IEnumerable<(long Handle, string Alias)> ScanAliases()
        {
            // The order of LoadSpeakers (speaker id, then alias), so keys are claimed in the same order.
            using var cmd = store.Command("""
                SELECT s.rowid, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
                ORDER BY a.speaker_id, a.alias
                """);
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return (r.GetInt64(0), r.GetString(1));
        }

        public Speaker Load(long handle)
        {
            string id, name, roles;
            var speaker = store.Prepared(ref store._speakerByRowId, "SELECT id, name, roles FROM speakers WHERE rowid = $r", "$r");
            speaker.Transaction = store._group;
            speaker.Parameters[0].Value = handle;
            using (var r = speaker.ExecuteReader())
            {
                if (!r.Read()) throw new KeyNotFoundException($"Store '{store.Path}' has no speaker with rowid {handle}.");
                (id, name, roles) = (r.GetString(0), r.GetString(1), r.GetString(2));
            }
            var aliases = new List<string>();
            var aliasesOf = store.Prepared(ref store._aliasesOfSpeaker, "SELECT alias FROM speaker_aliases WHERE speaker_id = $id ORDER BY alias", "$id");
            aliasesOf.Transaction = store._group;
            aliasesOf.Parameters[0].Value = id;
            using (var r = aliasesOf.ExecuteReader())
                while (r.Read()) aliases.Add(r.GetString(0));
            return new Speaker(id, name, aliases, ReadStrings(roles));
        }

        public bool IdExists(string id)
        {
            var exists = store.Prepared(ref store._speakerIdExists, "SELECT 1 FROM speakers WHERE id = $id", "$id");
            exists.Transaction = store._group;
            exists.Parameters[0].Value = id;
            return exists.ExecuteScalar() is not null and not DBNull;
        }

        public IEnumerator<Speaker> GetEnumerator() => store.LoadSpeakers().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
