using System.Collections;
using ContradictionNlp.Speakers;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Store;

// Read paths for the speaker index (GROWTH): the stored speakers as an ISpeakerDirectory, read on demand; and (GROWTH2)
// their lookup keys (speaker_keys, schema v3), written with the speaker and alias rows and filled when a v2 store migrates.
public sealed partial class ClaimStore
{
    /// <summary>
    /// The stored speakers as a <see cref="SpeakerIndex"/> reads them on demand (what the pipeline passes to the
    /// speaker resolver): the index looks each mention's keys up in speaker_keys, so neither its start nor its memory
    /// grows with the number of stored speakers.
    /// Enumerating it gives <see cref="LoadSpeakers"/>. Valid while this store is open; reads see its current state.
    /// </summary>
    public ISpeakerDirectory StoredSpeakers() => new SpeakerDirectory(this);

    // Prepared once per store (a run asks for every new speaker's id and reads each stored speaker it meets);
    // disposed with the store (see Dispose).
    // STORE14: raw statements (RawStatement), as the write path: the speaker index asks these for every mention it resolves
    // against the store (BBC run: ~0.05 s through prepared commands and their data readers).
    private RawStatement? _speakerByRowId, _aliasesOfSpeaker, _speakerIdExists, _speakersWithKey;
    private RawStatement? _deleteNameKeys, _insertKey;
    // _speakersWithKey is stepping (a WithKey enumeration is open): a nested one gets a statement of its own.
    private bool _speakersWithKeyBusy;

    private const string SpeakersWithKeySql = """
        SELECT s.rowid, k.speaker_id FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id
        WHERE k.key = ?1 AND k.kind = ?2 ORDER BY k.speaker_id
        """;

    /// <summary>
    /// Replaces a speaker's name and surname keys (in SaveArticle's transaction): a renamed speaker's old name is no key of
    /// it any more. The old rows are found by their primary key: a speaker's name keys are always
    /// <see cref="SpeakerIndex.NameKeys"/> of its stored name (<paramref name="oldName"/>), since every write goes through
    /// here or <see cref="InsertNameKeys"/> and migration 8 recomputed the keys of stores written before (round 31: a
    /// change to NameKeys needs such a migration too, as lookups already did). Until v8 the rows were found by speaker
    /// through an index of their own (speaker_keys_name_of), whose inserts all over the index were ~10 % of what 100 new
    /// articles wrote into a 50k store, for a rename that a run meets a few times.
    /// </summary>
    private void WriteNameKeys(string speakerId, string oldName, string name)
    {
        var delete = Raw(ref _deleteNameKeys, "DELETE FROM speaker_keys WHERE key = ?1 AND kind = ?2 AND speaker_id = ?3");
        foreach (var (key, kind) in SpeakerIndex.NameKeys(oldName))
            delete.Text(1, key).Int(2, (int)kind).Text(3, speakerId).Execute();
        InsertNameKeys(speakerId, name);
    }

    /// <summary>Adds a speaker's name and surname keys (WriteNameKeys without the DELETE: for a speaker row just inserted, which has no keys).</summary>
    private void InsertNameKeys(string speakerId, string name)
    {
        var insert = Raw(ref _insertKey, "INSERT OR IGNORE INTO speaker_keys (key, kind, speaker_id) VALUES (?1, ?2, ?3)");
        foreach (var (key, kind) in SpeakerIndex.NameKeys(name))
            insert.Text(1, key).Int(2, (int)kind).Text(3, speakerId).Execute();
    }

    /// <summary>
    /// Adds an alias key: the name a claim's mention was resolved by (SaveArticle calls it for every claim with a speaker;
    /// that name is also one of the speaker's aliases). Aliases are never removed, so neither are their keys.
    /// </summary>
    private void WriteAliasKey(string speakerId, string alias)
    {
        if (SpeakerIndex.AliasKey(alias) is not { } key) return;
        Raw(ref _insertKey, "INSERT OR IGNORE INTO speaker_keys (key, kind, speaker_id) VALUES (?1, ?2, ?3)")
            .Text(1, key).Int(2, (int)SpeakerKeyKind.Alias).Text(3, speakerId).Execute();
    }

    /// <summary>
    /// Migration 3: the keys of every speaker a v2 store holds, in the migration's transaction (so a killed open leaves
    /// the store at v2 and the next open fills them again; the table starts empty, so this runs on a whole store once).
    /// </summary>
    internal static void FillSpeakerKeys(SqliteConnection connection, SqliteTransaction tx)
    {
        FillNameKeys(connection, tx);
        FillAliasKeys(connection, tx);
    }

    /// <summary>
    /// The name and surname keys of every stored speaker, from its current name (<see cref="SpeakerIndex.NameKeys"/>):
    /// migration 3 (a v2 store, no keys yet) and migration 8 (which deletes them first, so each speaker's name keys are
    /// what <see cref="WriteNameKeys"/> will look for when it is renamed).
    /// </summary>
    internal static void FillNameKeys(SqliteConnection connection, SqliteTransaction tx) =>
        FillKeys(connection, tx, "SELECT id, name FROM speakers", SpeakerIndex.NameKeys);

    /// <summary>
    /// The alias keys as SaveArticle writes them, from the stored claims: the names their mentions were resolved by.
    /// Migration 3 (a v2 store) and migration 5 (a store whose alias keys were every alias, SPEAK10; it deletes them first).
    /// </summary>
    internal static void FillAliasKeys(SqliteConnection connection, SqliteTransaction tx) =>
        FillKeys(connection, tx, "SELECT speaker_id, mention_name FROM claims WHERE speaker_id IS NOT NULL",
            name => SpeakerIndex.AliasKey(name) is { } key ? [(key, SpeakerKeyKind.Alias)] : []);

    /// <summary>Inserts, for each row of <paramref name="sql"/> (speaker id, name), the keys <paramref name="keysOf"/> gives the name.</summary>
    private static void FillKeys(SqliteConnection connection, SqliteTransaction tx, string sql,
        Func<string, IEnumerable<(string Key, SpeakerKeyKind Kind)>> keysOf)
    {
        using var insert = new KeyInserter(connection, tx);
        using var rows = connection.CreateCommand();
        rows.Transaction = tx;
        rows.CommandText = sql;
        using var r = rows.ExecuteReader();
        while (r.Read())
            foreach (var (key, kind) in keysOf(r.GetString(1))) insert.Add(key, kind, r.GetString(0));
    }

    /// <summary>The migrations' prepared insert of speaker_keys rows (existing rows are kept: a key is a set member).</summary>
    private sealed class KeyInserter : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter _key, _kind, _id;

        public KeyInserter(SqliteConnection connection, SqliteTransaction tx)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = tx;
            _insert.CommandText = "INSERT OR IGNORE INTO speaker_keys (key, kind, speaker_id) VALUES ($key, $kind, $id)";
            (_key, _kind, _id) = (_insert.Parameters.Add("$key", SqliteType.Text), _insert.Parameters.Add("$kind", SqliteType.Integer), _insert.Parameters.Add("$id", SqliteType.Text));
            _insert.Prepare();
        }

        public void Add(string key, SpeakerKeyKind kind, string id)
        {
            (_key.Value, _kind.Value, _id.Value) = (key, (int)kind, id);
            _insert.ExecuteNonQuery();
        }

        public void Dispose() => _insert.Dispose();
    }

    private sealed class SpeakerDirectory(ClaimStore store) : ISpeakerDirectory
    {
        public IEnumerable<long> Handles()
        {
            using var cmd = store.Command("SELECT rowid FROM speakers ORDER BY id");
            cmd.Transaction = store._group;
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return r.GetInt64(0);
        }

        public IEnumerable<(long Handle, string Id)> WithKey(string key, SpeakerKeyKind kind)
        {
            // A search of speaker_keys' primary key (key, kind, speaker_id): the rows come in speaker id order. Read lazily, as
            // the data reader did (callers stop at the first or second speaker they want).
            bool own = store._speakersWithKeyBusy;
            var stmt = own ? new RawStatement(store._connection, SpeakersWithKeySql) : store.Raw(ref store._speakersWithKey, SpeakersWithKeySql);
            if (!own) store._speakersWithKeyBusy = true;
            long pages0 = StoreProfile.On ? store.PagesRead : 0, t0 = StoreProfile.Now;
            try
            {
                stmt.Text(1, key).Int(2, (int)kind);
                while (stmt.Step()) yield return (stmt.ColumnInt64(0), stmt.ColumnText(1));
            }
            finally
            {
                stmt.Reset();
                if (own) stmt.Dispose();
                else store._speakersWithKeyBusy = false;
                if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.SpeakerReads, store.PagesRead - pages0, StoreProfile.Now - t0);
            }
        }

        public Speaker Load(long handle)
        {
            long pages0 = StoreProfile.On ? store.PagesRead : 0, t0 = StoreProfile.Now;
            try { return LoadSpeaker(handle); }
            finally { if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.SpeakerReads, store.PagesRead - pages0, StoreProfile.Now - t0); }
        }

        private Speaker LoadSpeaker(long handle)
        {
            string id, name, roles;
            var speaker = store.Raw(ref store._speakerByRowId, "SELECT id, name, roles FROM speakers WHERE rowid = ?1").Int(1, handle);
            try
            {
                if (!speaker.Step()) throw new KeyNotFoundException($"Store '{store.Path}' has no speaker with rowid {handle}.");
                (id, name, roles) = (speaker.ColumnText(0), speaker.ColumnText(1), speaker.ColumnText(2));
            }
            finally { speaker.Reset(); }
            var aliases = new List<string>();
            // Schema v9: aliases are keyed by the speaker's rowid, which the handle is.
            var aliasesOf = store.Raw(ref store._aliasesOfSpeaker, "SELECT alias FROM speaker_aliases WHERE speaker_rowid = ?1 ORDER BY alias").Int(1, handle);
            try
            {
                while (aliasesOf.Step()) aliases.Add(aliasesOf.ColumnText(0));
            }
            finally { aliasesOf.Reset(); }
            return new Speaker(id, name, aliases, ReadStrings(roles));
        }

        public bool IdExists(string id)
        {
            var exists = store.Raw(ref store._speakerIdExists, "SELECT 1 FROM speakers WHERE id = ?1").Text(1, id);
            long pages0 = StoreProfile.On ? store.PagesRead : 0, t0 = StoreProfile.Now;
            try { return exists.Exists(); }
            finally { if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.SpeakerReads, store.PagesRead - pages0, StoreProfile.Now - t0); }
        }

        public IEnumerator<Speaker> GetEnumerator() => store.LoadSpeakers().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
