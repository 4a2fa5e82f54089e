using System.Collections;
using ContradictionNlp.Speakers;

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
            using (var cmd = store.Command("SELECT id, name, roles FROM speakers WHERE rowid = $r", null, ("$r", handle)))
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read()) throw new KeyNotFoundException($"Store '{store.Path}' has no speaker with rowid {handle}.");
                (id, name, roles) = (r.GetString(0), r.GetString(1), r.GetString(2));
            }
            var aliases = new List<string>();
            using (var cmd = store.Command("SELECT alias FROM speaker_aliases WHERE speaker_id = $id ORDER BY alias", null, ("$id", id)))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) aliases.Add(r.GetString(0));
            return new Speaker(id, name, aliases, ReadStrings(roles));
        }

        public bool IdExists(string id) => store.Scalar("SELECT 1 FROM speakers WHERE id = $id", null, ("$id", id)) is not null;

        public IEnumerator<Speaker> GetEnumerator() => store.LoadSpeakers().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
