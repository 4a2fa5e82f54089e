using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContradictionNlp.Claims;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Store;

/// <summary>
/// The SQLite store of articles, speakers, claims, embeddings, scored pairs and reviews (schema in
/// <see cref="StoreSchema"/>). One instance owns one connection and is not thread-safe: the pipeline
/// writes articles in order. Opening creates the file when missing and migrates it to
/// <see cref="StoreSchema.LatestVersion"/>; a newer or foreign file is refused with a
/// <see cref="StoreException"/> naming it.
/// </summary>
public sealed partial class ClaimStore : IDisposable
{
    /// <summary>The store file used when none is given: in the working directory.</summary>
    public const string DefaultFileName = "contradictions.db";

    /// <summary>How long a writer waits for another process holding the lock before failing.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>WAL frames (pages) after which a commit checkpoints the WAL into the store file (see <see cref="Open"/>).</summary>
    internal const int WalAutoCheckpointFrames = 50_000;

    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    // Statements of the write path and the pipeline's reads, prepared on first use and kept for the
    // store's lifetime (see Prepared): SQLite then parses and plans each once, not once per row.
    // Speaker and alias rows this instance wrote or saw written (see SaveArticle); only a cache of what is stored.
    private readonly Dictionary<string, StoredSpeakerRow> _speakerRows = new(StringComparer.Ordinal);
    // PAR15: these caches (and _speakerRows above) hold structs of this assembly, not value tuples: the framework's HashSet/List code over a tuple is
    // not in the ReadyToRun image (JIT-compiled in every run, on the store's path), over a struct of ours it is.
    private readonly HashSet<SpeakerAlias> _aliasRows = new(SpeakerAlias.Comparer);
    private readonly List<PendingSpeakerRow> _speakerRowsPending = [];
    // STORE14: alias keys (speaker id, the name a mention was resolved by) this instance wrote or saw written, and those of the
    // article being written (remembered with its speaker rows): a speaker's claims name it by the same name article after
    // article, and each claim ran an INSERT OR IGNORE of a key row already there (one index search, and its foreign-key search).
    private readonly HashSet<SpeakerAlias> _aliasKeyRows = new(SpeakerAlias.Comparer);
    // An article's few keys: a list searched in order (no framework set or enumerator code for our struct to JIT-compile).
    private readonly List<SpeakerAlias> _aliasKeysPending = [];

    /// <summary>A speaker id with one of its names (an alias row, or an alias key). Equal when both strings are equal (ordinal).</summary>
    private readonly record struct SpeakerAlias(string SpeakerId, string Name)
    {
        /// <summary>Ordinal on both strings; a comparer of ours, so the framework's default comparer for the struct is never built (JIT-compiled).</summary>
        public static readonly IEqualityComparer<SpeakerAlias> Comparer = new OrdinalComparer();

        private sealed class OrdinalComparer : IEqualityComparer<SpeakerAlias>
        {
            public bool Equals(SpeakerAlias x, SpeakerAlias y) => string.Equals(x.SpeakerId, y.SpeakerId, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);
            public int GetHashCode(SpeakerAlias a) => HashCode.Combine(string.GetHashCode(a.SpeakerId, StringComparison.Ordinal), string.GetHashCode(a.Name, StringComparison.Ordinal));
        }
    }

    /// <summary>Adds <paramref name="key"/> to the article's pending alias keys; false when it is there already.</summary>
    private bool AddPendingAliasKey(SpeakerAlias key)
    {
        foreach (var k in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_aliasKeysPending))
            if (SpeakerAlias.Comparer.Equals(k, key)) return false;
        _aliasKeysPending.Add(key);
        return true;
    }

    /// <summary>A stored speaker row's name, roles JSON and rowid (what its aliases are keyed by, v9), as <see cref="_speakerRows"/> remembers them.</summary>
    private readonly record struct StoredSpeakerRow(string Name, string Roles, long RowId);

    // Schema v11: the rowid of each speaker of the article being written (claims.speaker_rowid), found or made by its speaker
    // row's write. An article has a few speakers: a list searched in order, of a struct of ours (see PAR15 above).
    private readonly List<BatchSpeaker> _batchSpeakerRowIds = [];

    /// <summary>A speaker of the article being written and its rowid.</summary>
    private readonly record struct BatchSpeaker(string Id, long RowId);

    /// <summary>
    /// The rowid of the speaker <paramref name="speakerId"/> names (claims.speaker_rowid, schema v11); null for an unresolved
    /// claim. A claim's speaker is one of its article's speakers, written just before; any other is looked up, and one the
    /// store does not hold stays null (the claim's foreign key on speaker_id then refuses the row, as before v11).
    /// </summary>
    private long? SpeakerRowIdOf(string? speakerId)
    {
        if (speakerId is null) return null;
        foreach (var s in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_batchSpeakerRowIds))
            if (string.Equals(s.Id, speakerId, StringComparison.Ordinal)) return s.RowId;
        return StoredSpeakerRowId(speakerId);
    }

    /// <summary>The rowid of the stored speaker <paramref name="speakerId"/>; null when the store has no such speaker.</summary>
    private long? StoredSpeakerRowId(string speakerId) =>
        Raw(ref _speakerRowIdById, "SELECT rowid FROM speakers WHERE id = ?1").Text(1, speakerId).Int64();

    /// <summary>A speaker row (Alias null) or an alias row (Name and Roles null) the article being written adds.</summary>
    private readonly record struct PendingSpeakerRow(string Id, string? Name, string? Roles, string? Alias, long RowId);

    // Open while the pipeline groups several articles into one commit (BeginGroup .. CommitGroup).
    private SqliteTransaction? _group;

    // STORE14: the pipeline's per-row reads (pools, candidate claims) as raw statements, like the write path (see RawStatement).
    private RawStatement? _speakerVectors, _speakerClaimCount, _claimByRowId, _speakerRowIdById;

    // The write path and the per-article existence check run as raw statements (see RawStatement for why).
    private RawStatement? _hasArticle, _insertArticle, _speakerRow, _insertSpeaker, _upsertSpeaker, _insertAlias, _insertClaim, _insertEmbedding, _insertPair;

    // Reused per row: a claim's vector as little-endian bytes, and a pair's reasons as UTF-8 JSON.
    private byte[] _vectorBytes = [];
    private readonly System.Buffers.ArrayBufferWriter<byte> _reasonsJson = new(512);
    private Utf8JsonWriter? _reasonsWriter;
    // The reasons list _reasonsJson holds the JSON of (within one Write): most pairs share one list (PairScorer.Unrelated's,
    // the topic gate's verdict), so its JSON is written once per article instead of once per pair (same bytes).
    private IReadOnlyList<Reason>? _reasonsOf;

    private ClaimStore(string path, SqliteConnection connection, TimeProvider clock)
    {
        Path = path;
        _connection = connection;
        _clock = clock;
    }

    public string Path { get; }

    public int SchemaVersion => (int)(long)Scalar("PRAGMA user_version")!;

    /// <summary>Opens (creating when missing) and migrates the store at <paramref name="path"/>.</summary>
    /// <param name="clock">Source of ingested_at / created_at; tests pass a fixed one.</param>
    /// <exception cref="StoreException">The file is not SQLite, is another application's database, or has a newer schema.</exception>
    public static ClaimStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        RefuseNonSqlite(path, full);
        SqliteLibrary.EnsureConfigured();

        // Pooling off: a pooled connection keeps the file open after Dispose, which surprises
        // users (and tests) that delete or move the file afterwards.
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new ClaimStore(path, connection, clock ?? TimeProvider.System);
            store.Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            store.CheckCompatible();
            // WAL: readers (cnlp pairs, the review page) do not block the writer and vice versa.
            store.Scalar("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode: a commit is written to the WAL but not fsynced. A killed process loses
            // nothing it committed (the OS has the writes); only a power cut or OS crash may roll back the
            // last commits, and never corrupts the file. FULL fsynced every article: most of the store's time.
            store.Execute("PRAGMA synchronous = NORMAL");
            // Claim and pair keys are content hashes, so inserts land all over their indexes: SQLite's default
            // 2 MB page cache re-reads many pages. 8 MB: most of the gain, little of the memory (it is per connection,
            // and fills up on a large store, so it counts in how flat memory stays as the store grows).
            store.Execute("PRAGMA cache_size = -8192");
            // Checkpoint every ~200 MB of WAL (50,000 frames of 4 KB) instead of SQLite's 4 MB. A checkpoint fsyncs the WAL,
            // copies its pages into the file and fsyncs that; it is not what makes a commit survive a kill (the commit's WAL
            // write is), so checkpoints only need to be rare enough. STORE10: at 10,000 frames (~40 MB) the BBC run (~24,000
            // frames) checkpointed twice mid-run, each copying pages a later group dirtied again (10,360 page writes for an
            // 8,458-page file) with two fsyncs; now a run of that size checkpoints once, when the last connection closes,
            // and the WAL of a long run still stays bounded (a big WAL also costs its recovery at the next open after a kill).
            store.Scalar($"PRAGMA wal_autocheckpoint = {WalAutoCheckpointFrames}");
            // STORE6: each article is a savepoint inside its commit group, and SQLite keeps the original of every page
            // a savepoint changes in a sub-journal so it can roll back to it: with the default temp_store those went to
            // temp files in /var/tmp, 487 MB of writes on the BBC run (the store itself wrote 273 MB). In memory they
            // are plain copies, at most one article's pages at a time (released with its savepoint).
            store.Execute("PRAGMA temp_store = MEMORY");
            store.Execute("PRAGMA foreign_keys = ON");
            store.Migrate();
            return store;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 26) // SQLITE_NOTADB
        {
            connection.Dispose();
            throw new StoreException(NotSqliteMessage(path), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static string NotSqliteMessage(string path) =>
        $"'{path}' is not a SQLite database, so it cannot be a cnlp store. Choose another file with --db.";

    private static void RefuseNonSqlite(string path, string full)
    {
        // Check the header ourselves: SQLite only notices a foreign file at the first read, and an
        // empty file is a valid (new) database.
        if (!File.Exists(full)) return;
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var stream = File.OpenRead(full)) read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0) return;
        if (read < header.Length || !header.SequenceEqual(SqliteMagic))
            throw new StoreException(NotSqliteMessage(path));
    }

    private void CheckCompatible()
    {
        // One read transaction, so the three reads see one snapshot: otherwise another process creating
        // this new store can commit migration 1 between them, and we would see its tables with the
        // application_id still 0 ("not a cnlp store"). Found by FuzzRegressionTests' many-openers test.
        using var snapshot = _connection.BeginTransaction(deferred: true);
        var version = (int)(long)Scalar("PRAGMA user_version", snapshot)!;
        var appId = (int)(long)Scalar("PRAGMA application_id", snapshot)!;
        if (version > StoreSchema.LatestVersion)
            throw new StoreException(
                $"Store '{Path}' has schema version {version}, but this cnlp only knows versions up to {StoreSchema.LatestVersion}. " +
                "Use a newer cnlp, or choose another file with --db.");
        bool hasTables = (long)Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'", snapshot)! > 0;
        if (appId != StoreSchema.ApplicationId && (appId != 0 || hasTables))
            throw new StoreException(
                $"'{Path}' is a SQLite database but not a cnlp store (application_id {appId}, {(hasTables ? "has other tables" : "no tables")}). " +
                "Choose another file with --db.");
    }

    private void Migrate()
    {
        if (SchemaVersion >= StoreSchema.LatestVersion) return;
        // Foreign keys off while migrating (a no-op inside a transaction, so set here): v6 rebuilds pairs, and dropping the
        // old table with them on would delete every review (ON DELETE CASCADE). Each migration that rebuilds checks the
        // keys itself before it commits (FinishPairsRebuild).
        Execute("PRAGMA foreign_keys = OFF");
        try { MigrateSteps(); }
        finally { Execute("PRAGMA foreign_keys = ON"); }
    }

    /// <summary>
    /// Migration 6's end (after its SQL, in its transaction): the copied pairs replace the old table (every row copied, or
    /// the migration fails and the store stays v5), and the reviews' foreign keys still hold.
    /// </summary>
    internal static void FinishPairsRebuild(SqliteConnection connection, SqliteTransaction tx)
    {
        ReplaceWithCopy(connection, tx, "pairs", 6, (before, after) =>
            $"Migrating pairs to schema 6: {before} pairs rows but {after} copied (a pair names a claim the store does not hold). The store is left at schema 5.");
        if (MigrationCount(connection, tx, "SELECT count(*) FROM pragma_foreign_key_check('reviews')") != 0)
            throw new StoreException("Migrating pairs to schema 6 left foreign keys that do not hold (PRAGMA foreign_key_check). The store is left at schema 5.");
    }

    /// <summary>
    /// Migration 9's end (after its SQL, in its transaction): the copies of claims and speaker_aliases replace the old tables
    /// when every row was copied (an alias naming no speaker would not be), or the migration fails and the store stays v8.
    /// </summary>
    internal static void FinishClaimsRebuild(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var table in new[] { "claims", "speaker_aliases" })
            ReplaceWithCopy(connection, tx, table, 9, (before, after) =>
                $"Migrating {table} to schema 9: {before} rows but {after} copied. The store is left at schema 8.");
    }

    /// <summary>
    /// Migration 10's end (after its SQL, in its transaction): the copy of claim_vectors replaces the table when every row
    /// was copied, or the migration fails and the store stays v9 (a claim with vectors of two models keeps one only).
    /// </summary>
    internal static void FinishVectorsRebuild(SqliteConnection connection, SqliteTransaction tx) =>
        ReplaceWithCopy(connection, tx, "claim_vectors", 10, (before, after) =>
            $"Migrating claim_vectors to schema 10: {before} vectors but {after} claims with one; schema 10 keeps one vector per " +
            "claim, and this store has claims with vectors of several models. The store is left at schema 9.");

    /// <summary>
    /// The end of a migration that rebuilds <paramref name="table"/> SQLite's documented way (new table, copy, drop, rename):
    /// when the copy <c>{table}_v{version}</c> holds as many rows as the table, it takes the table's place; otherwise the
    /// migration fails with <paramref name="refusal"/> (given both counts) and its transaction leaves the store as it was.
    /// </summary>
    private static void ReplaceWithCopy(SqliteConnection connection, SqliteTransaction tx, string table, int version, Func<long, long, string> refusal)
    {
        string copy = $"{table}_v{version}";
        long before = MigrationCount(connection, tx, $"SELECT count(*) FROM {table}");
        long after = MigrationCount(connection, tx, $"SELECT count(*) FROM {copy}");
        if (before != after) throw new StoreException(refusal(before, after));
        using var replace = connection.CreateCommand();
        replace.Transaction = tx;
        replace.CommandText = $"DROP TABLE {table}; ALTER TABLE {copy} RENAME TO {table};";
        replace.ExecuteNonQuery();
    }

    /// <summary>A count query run inside a migration's transaction (the rebuilds check their copies with it).</summary>
    private static long MigrationCount(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private void MigrateSteps()
    {
        foreach (var migration in StoreSchema.Migrations)
        {
            if (migration.Version <= SchemaVersion) continue;
            // One transaction per migration: a crash leaves the store at the previous whole version.
            using var tx = _connection.BeginTransaction();
            // Re-read under the write lock (BEGIN IMMEDIATE): another process opening the same new
            // file may have migrated it since we looked, and CREATE TABLE would then fail.
            if (migration.Version <= (int)(long)Scalar("PRAGMA user_version", tx)!) continue;
            Execute(migration.Sql, tx);
            migration.Then?.Invoke(_connection, tx);
            Execute($"PRAGMA application_id = {StoreSchema.ApplicationId}", tx);
            Execute($"PRAGMA user_version = {migration.Version}", tx);
            tx.Commit();
        }
    }

    /// <summary>
    /// Pages this connection has read from the file so far (SQLite's page-cache misses; pages found in its cache are not
    /// counted). Whether the OS had them cached is not known here. For benchmarks: unlike a time, it does not vary with
    /// the machine's load, so it shows what a change does to the I/O of a run even on a busy machine.
    /// </summary>
    public long PagesRead
    {
        get
        {
            const int CacheMiss = 8; // SQLITE_DBSTATUS_CACHE_MISS
            int rc = SQLitePCL.raw.sqlite3_db_status(_connection.Handle, CacheMiss, out int current, out _, 0);
            return rc == 0 ? current : throw new InvalidOperationException($"sqlite3_db_status failed with code {rc}.");
        }
    }

    /// <summary>
    /// Pages this connection has written (SQLite's dirty pages written out: in WAL mode, the frames its commits appended to the
    /// WAL). With <see cref="PagesRead"/>, what a run costs the file regardless of the machine's load (STORE11).
    /// </summary>
    public long PagesWritten
    {
        get
        {
            const int CacheWrite = 9; // SQLITE_DBSTATUS_CACHE_WRITE
            int rc = SQLitePCL.raw.sqlite3_db_status(_connection.Handle, CacheWrite, out int current, out _, 0);
            return rc == 0 ? current : throw new InvalidOperationException($"sqlite3_db_status failed with code {rc}.");
        }
    }

    public bool HasArticle(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return HasArticleStatement().Text(1, articleId).Exists();
    }

    private RawStatement HasArticleStatement() => Raw(ref _hasArticle, "SELECT 1 FROM articles WHERE id = ?1");

    /// <summary>Every stored speaker with aliases (ordered) and roles, ordered by id: what the speaker index starts from.</summary>
    public IReadOnlyList<Speaker> LoadSpeakers()
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT s.id, a.alias FROM speaker_aliases a JOIN speakers s ON s.rowid = a.speaker_rowid ORDER BY s.id, a.alias"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!aliases.TryGetValue(r.GetString(0), out var list)) aliases[r.GetString(0)] = list = new();
                list.Add(r.GetString(1));
            }
        var speakers = new List<Speaker>();
        using (var cmd = Command("SELECT id, name, roles FROM speakers ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                speakers.Add(new Speaker(r.GetString(0), r.GetString(1),
                    aliases.TryGetValue(r.GetString(0), out var a) ? a : [], ReadStrings(r.GetString(2))));
        return speakers;
    }

    /// <summary>
    /// The claims of one speaker in the order they were stored, each with its vector from
    /// <paramref name="modelId"/> (null when the claim has none from that model).
    /// </summary>
    public IReadOnlyList<(Claim Claim, float[]? Vector)> LoadSpeakerClaims(string speakerId, string modelId)
    {
        using var cmd = Command($"""
            SELECT {ClaimColumns("c")}, e.vector
            FROM claims c LEFT JOIN claim_vectors e ON e.claim_rowid = c.rowid AND e.model_id = $model
            WHERE c.speaker_rowid = (SELECT rowid FROM speakers WHERE id = $speaker) ORDER BY c.rowid
            """, null, ("$speaker", speakerId), ("$model", modelId));
        using var r = cmd.ExecuteReader();
        var result = new List<(Claim, float[]?)>();
        while (r.Read())
            result.Add((ReadClaim(r, 0), r.IsDBNull(ClaimColumnCount) ? null : ReadVector((byte[])r[ClaimColumnCount])));
        return result;
    }

    /// <summary>
    /// The vectors from <paramref name="modelId"/> of one speaker's claims, in the order they were stored, as one
    /// row-major matrix with each row's claim rowid (for <see cref="LoadClaim"/>). Claims without a vector of that
    /// model and <paramref name="dimension"/> are left out. What the pipeline pools: no claim text is read, so
    /// a long history costs 4 bytes per dimension plus 8 per claim.
    /// </summary>
    public (long[] RowIds, float[] Matrix) LoadSpeakerVectors(string speakerId, string modelId, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        long pages0 = StoreProfile.On ? PagesRead : 0, t0 = StoreProfile.Now;
        using var cpu = StoreProfile.Cpu(StoreProfile.CpuSection.Pools);
        try { return ReadSpeakerVectors(speakerId, modelId, dimension); }
        finally { if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.Pools, PagesRead - pages0, StoreProfile.Now - t0); }
    }

    private (long[] RowIds, float[] Matrix) ReadSpeakerVectors(string speakerId, string modelId, int dimension)
    {
        // Sized from the claim count (a covering count on the speaker's index): a long history is read into one array of
        // the right size, not grown by doubling, so no large transient copies (large-object heap) are left behind.
        // Prepared once (GROWTH6): a run asks this for every speaker it pairs, ~250 per 100 BBC articles.
        // STORE11 (schema v6): the rows are the speaker index's entries (speaker, rowid: the claim row itself is not read), each
        // with its vector found by that rowid (claim_vectors' key), one page per row instead of v5's claim row, embeddings
        // key entry and embedding row. STORE14: raw statements, and each vector copied straight from SQLite's row buffer.
        // Schema v11: claims_speaker_rowid holds (speaker rowid, claim rowid); the speaker's rowid is found once by its id.
        if (StoredSpeakerRowId(speakerId) is not { } speakerRowId) return ([], []);
        int expected = checked((int)(Raw(ref _speakerClaimCount, "SELECT count(*) FROM claims WHERE speaker_rowid = ?1")
            .Int(1, speakerRowId).Int64() ?? 0));
        var rows = Raw(ref _speakerVectors, """
            SELECT c.rowid, v.vector
            FROM claims c INDEXED BY claims_speaker_rowid CROSS JOIN claim_vectors v ON v.claim_rowid = c.rowid AND v.model_id = ?2
            WHERE c.speaker_rowid = ?1 ORDER BY c.rowid
            """).Int(1, speakerRowId).Text(2, modelId);
        var rowIds = new List<long>(expected);
        var matrix = new float[expected * dimension];
        int bytes = dimension * sizeof(float);
        try
        {
            while (rows.Step())
            {
                var vector = rows.ColumnBlob(1);
                if (vector.Length != bytes) continue; // another dimension: not comparable
                int at = rowIds.Count * dimension;
                if (at + dimension > matrix.Length) Array.Resize(ref matrix, Math.Max(matrix.Length * 2, at + dimension)); // only if claims were added meanwhile
                var row = matrix.AsSpan(at, dimension);
                // Little-endian on disk (WriteVector): on a little-endian machine the bytes are the floats already.
                if (BitConverter.IsLittleEndian) System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(vector).CopyTo(row);
                else for (int i = 0; i < dimension; i++) row[i] = BinaryPrimitives.ReadSingleLittleEndian(vector[(i * 4)..]);
                rowIds.Add(rows.ColumnInt64(0));
            }
        }
        finally { rows.Reset(); }
        if (matrix.Length != rowIds.Count * dimension) Array.Resize(ref matrix, rowIds.Count * dimension); // claims without a vector of this model
        return (rowIds.ToArray(), matrix);
    }

    /// <summary>The claim stored at <paramref name="rowId"/> (as returned by <see cref="LoadSpeakerVectors"/> or <see cref="SaveArticle(ArticleBatch, IList{long}?)"/>).</summary>
    /// <exception cref="KeyNotFoundException">No claim has that rowid.</exception>
    public Claim LoadClaim(long rowId)
    {
        using var cpu = StoreProfile.Cpu(StoreProfile.CpuSection.LoadClaim);
        // STORE14: a raw statement (the pipeline loads every candidate claim it pairs with a stored one: ~1,100 per 100
        // articles into a 50k store); the columns are read as the data reader read them (ReadClaim).
        var stmt = Raw(ref _claimByRowId, ClaimByRowIdSql).Int(1, rowId);
        long pages0 = StoreProfile.On ? PagesRead : 0, t0 = StoreProfile.Now;
        Claim claim;
        try
        {
            if (!stmt.Step()) throw new KeyNotFoundException($"Store '{Path}' has no claim with rowid {rowId}.");
            claim = ReadClaim(new RawColumns(stmt), 0);
        }
        finally { stmt.Reset(); }
        if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.CandidateClaims, PagesRead - pages0, StoreProfile.Now - t0);
        RememberRowId(claim, rowId);
        return claim;
    }

    /// <summary>
    /// Writes one article with its claims, vectors, speakers and pairs in ONE transaction: on any
    /// failure nothing of the article is left behind. Returns false (and writes nothing) when the
    /// article is already stored, so re-running an input is a no-op.
    /// </summary>
    public bool SaveArticle(ArticleBatch batch) => SaveArticle(batch, null);

    /// <summary>
    /// As <see cref="SaveArticle(ArticleBatch)"/>; when it returns true, <paramref name="claimRowIds"/> (when given)
    /// has gained each claim's rowid, in <see cref="ArticleBatch.Claims"/> order.
    /// </summary>
    /// <remarks>
    /// Every statement is prepared once per store and reused with new parameter values: parsing and
    /// planning the SQL for every row was most of the store's time. Still one transaction per article.
    /// </remarks>
    public bool SaveArticle(ArticleBatch batch, IList<long>? claimRowIds)
    {
        using var cpu = StoreProfile.Cpu(StoreProfile.CpuSection.Save);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.EmbeddingModelId is null && batch.Claims.Any(c => c.Vector is not null))
            throw new ArgumentException("Claims carry vectors but the batch has no EmbeddingModelId.", nameof(batch));
        var a = batch.Article;
        foreach (var item in batch.Claims)
            if (item.Claim.ArticleId != a.Id)
                throw new ArgumentException($"Claim {item.Claim.Id} belongs to article {item.Claim.ArticleId}, not {a.Id}.", nameof(batch));

        if (_group is not null)
        {
            // Inside a group: the article is its own savepoint, so a failure takes back all of it and only it.
            _group.Save(ArticleSavepoint);
            try
            {
                bool written = Write(batch, _group, claimRowIds);
                if (written)
                {
                    _group.Release(ArticleSavepoint);
                    RememberSpeakerRows();
                }
                else _group.Rollback(ArticleSavepoint);
                return written;
            }
            catch
            {
                _group.Rollback(ArticleSavepoint);
                throw;
            }
        }
        using var tx = _connection.BeginTransaction();
        if (!Write(batch, tx, claimRowIds)) return false; // disposing the transaction rolls back (nothing was written)
        tx.Commit();
        RememberSpeakerRows();
        return true;
    }

    private const string ArticleSavepoint = "cnlp_article";

    /// <summary>
    /// Starts grouping: until <see cref="CommitGroup"/>, each <see cref="SaveArticle(ArticleBatch)"/> is a savepoint
    /// (all-or-nothing per article) inside one transaction, and the group's articles become durable together at
    /// <see cref="CommitGroup"/>. A kill before then loses the group's articles (never part of one), so a re-run
    /// redoes them. Worth it because a commit writes every page it touched: a few articles per commit touch the
    /// same index pages, and write them once. Reads of this store see the group's articles meanwhile.
    /// </summary>
    public void BeginGroup()
    {
        if (_group is not null) throw new InvalidOperationException("A commit group is already open on this store.");
        _group = _connection.BeginTransaction();
    }

    /// <summary>Commits the open group (no-op when none is open).</summary>
    public void CommitGroup()
    {
        if (_group is null) return;
        var group = _group;
        _group = null;
        long tc = StoreProfile.Now;
        using var cpu = StoreProfile.Cpu(StoreProfile.CpuSection.Commit);
        try { group.Commit(); StoreProfile.Add(StoreProfile.Section.Commit, StoreProfile.Now - tc); }
        catch
        {
            // Not committed: what the group's articles taught us about speaker rows may not hold.
            ForgetSpeakerRows();
            throw;
        }
        finally { group.Dispose(); }
    }

    public bool InGroup => _group is not null;

    /// <summary>
    /// A second connection to this store's file, with the same clock (STORE6: what the pipeline's writer thread writes
    /// through while the pipeline reads through this one). The caller disposes it.
    /// </summary>
    internal ClaimStore OpenSibling()
    {
        var sibling = Open(Path, _clock);
        sibling._family = _family; // STORE9: one file, one set of rowids (see RememberRowId)
        return sibling;
    }

    /// <summary>
    /// Another connection (<see cref="OpenSibling"/>) wrote to the store: forget which speaker and alias rows this instance
    /// believes are stored as it last wrote them, so its next write compares nothing against stale rows.
    /// </summary>
    /// <remarks>Only a cache is cleared (the next writes of those rows are merely not skipped), so it is safe at any time.</remarks>
    internal void ForgetWrittenRows() => ForgetSpeakerRows();

    private void ForgetSpeakerRows()
    {
        _speakerRows.Clear();
        _aliasRows.Clear();
        _speakerRowsPending.Clear();
        _aliasKeyRows.Clear();
        _aliasKeysPending.Clear();
    }

    /// <summary>The writes of <see cref="SaveArticle(ArticleBatch, IList{long}?)"/> in <paramref name="tx"/>; false (nothing written) when the article is stored already.</summary>
    private bool Write(ArticleBatch batch, SqliteTransaction tx, IList<long>? claimRowIds)
    {
        long pages0 = StoreProfile.On ? PagesRead : 0;
        try { return WriteRows(batch, tx, claimRowIds); }
        finally { if (StoreProfile.On) StoreProfile.AddPages(StoreProfile.PageSection.Save, PagesRead - pages0, 0); }
    }

    // STORE11 profiling: PagesRead when the current write-path section began.
    private long _sectionPages;

    private void ProfilePages(StoreProfile.Section section)
    {
        if (!StoreProfile.On) return;
        long pages = PagesRead;
        StoreProfile.AddSectionPages(section, pages - _sectionPages);
        _sectionPages = pages;
    }

    private bool WriteRows(ArticleBatch batch, SqliteTransaction tx, IList<long>? claimRowIds)
    {
        if (StoreProfile.On) _sectionPages = PagesRead;
        // tx (the article's transaction, or the group holding its savepoint) is open on the connection: the raw
        // statements below run inside it, as SQLite transactions belong to the connection.
        _ = tx;
        var a = batch.Article;
        long t0 = StoreProfile.Now;
        if (HasArticleStatement().Text(1, a.Id).Exists()) return false;

        var now = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        Raw(ref _insertArticle, """
            INSERT INTO articles (id, title, date, source, author, origin, text, ingested_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """).Text(1, a.Id).Text(2, a.Title).Text(3, FormatDate(a.Date)).Text(4, a.Source).Text(5, a.Author)
            .Text(6, a.Origin).Text(7, a.Text).Text(8, now).Execute();

        var upsertSpeaker = Raw(ref _upsertSpeaker, """
            INSERT INTO speakers (id, name, roles) VALUES (?1, ?2, ?3)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, roles = excluded.roles
            """);
        var speakerRow = Raw(ref _speakerRow, "SELECT name, roles, rowid FROM speakers WHERE id = ?1");
        var insertSpeaker = Raw(ref _insertSpeaker, "INSERT INTO speakers (id, name, roles) VALUES (?1, ?2, ?3)");
        // Schema v9: aliases are keyed by the speaker's rowid, so a new speaker's aliases append to the table.
        var insertAlias = Raw(ref _insertAlias, "INSERT OR IGNORE INTO speaker_aliases (speaker_rowid, alias) VALUES (?1, ?2)");
        // A speaker comes back in article after article with the same name, roles and aliases: rows this store
        // instance knows it holds are not written again (writing them would change nothing). What this article
        // adds is only remembered once the article is saved (see _speakerRowsPending).
        long t1 = StoreProfile.Now;
        StoreProfile.Add(StoreProfile.Section.Article, t1 - t0);
        ProfilePages(StoreProfile.Section.Article);
        _speakerRowsPending.Clear();
        _aliasKeysPending.Clear();
        _batchSpeakerRowIds.Clear();
        foreach (var s in batch.Speakers)
        {
            var roles = WriteStrings(s.Roles);
            long speakerRowId;
            if (_speakerRows.TryGetValue(s.Id, out var known) && known.Name == s.Name && known.Roles == roles) speakerRowId = known.RowId;
            else
            {
                // STORE10: a speaker this instance knows nothing of is read first (one search of the speakers' key, which the
                // insert or update would make anyway). Not stored: the row is inserted and its name keys added without
                // WriteNameKeys' DELETE (it has none; 3,931 of the BBC run's 4,386 speaker writes). Stored as it is now (a later
                // run meeting a speaker again): nothing is rewritten, where the upsert rewrote the row and its keys to the same
                // values. Otherwise the upsert as before, and the keys only when the name changed. The rows are the same.
                bool write = true, isNew = false;
                if (known.Name is null)
                {
                    if (speakerRow.Text(1, s.Id).TwoTextsAndInt64() is { } stored)
                    {
                        known = new StoredSpeakerRow(stored.Name, stored.Roles, stored.RowId);
                        write = stored.Name != s.Name || stored.Roles != roles;
                    }
                    else isNew = true;
                }
                if (isNew)
                {
                    insertSpeaker.Text(1, s.Id).Text(2, s.Name).Text(3, roles).Execute();
                    known = new StoredSpeakerRow(s.Name, roles, insertSpeaker.LastInsertRowId);
                }
                else if (write) upsertSpeaker.Text(1, s.Id).Text(2, s.Name).Text(3, roles).Execute(); // an update: the rowid stays
                // GROWTH2: the name's lookup keys (ClaimStore.Speakers.cs); unchanged when only the roles changed.
                if (isNew) InsertNameKeys(s.Id, s.Name);
                else if (known.Name != s.Name) WriteNameKeys(s.Id, known.Name!, s.Name);
                speakerRowId = known.RowId;
                _speakerRowsPending.Add(new PendingSpeakerRow(s.Id, s.Name, roles, null, speakerRowId));
            }
            _batchSpeakerRowIds.Add(new BatchSpeaker(s.Id, speakerRowId));
            foreach (var alias in s.Aliases)
                if (!_aliasRows.Contains(new SpeakerAlias(s.Id, alias)))
                {
                    insertAlias.Int(1, speakerRowId).Text(2, alias).Execute();
                    _speakerRowsPending.Add(new PendingSpeakerRow(s.Id, null, null, alias, speakerRowId));
                }
        }

        var insertClaim = Raw(ref _insertClaim, """
            INSERT INTO claims (id, article_id, sentence_index, sentence_start, sentence_end,
                mention_start, mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id,
                cue_start, cue_end, cue_text, content_start, content_end, content_text, kind, date, cue_class, speaker_rowid)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
            """);
        // STORE11 (schema v6): keyed by the claim's rowid, so a run's vectors are appended at the end of the table (v10: one
        // per claim, the rowid table's key).
        var insertEmbedding = Raw(ref _insertEmbedding,
            "INSERT INTO claim_vectors (claim_rowid, model_id, dimension, vector) VALUES (?1, ?2, ?3, ?4)");
        long t2 = StoreProfile.Now;
        StoreProfile.Add(StoreProfile.Section.SpeakersAndKeys, t2 - t1);
        ProfilePages(StoreProfile.Section.SpeakersAndKeys);
        var rowIds = claimRowIds is null ? null : new List<long>(batch.Claims.Count);
        _pairClaimRowIds.Clear();
        foreach (var item in batch.Claims)
        {
            var c = item.Claim;
            // SPEAK10: the alias keys a speaker is looked up by are the names its mentions were resolved by (what
            // SpeakerIndex.Resolve keys in a run), not every alias: an alias taken from a mention's text ("Williams" for
            // "Dr Williams" within one article) is no key in the run that found it, so keyed here it made a later run
            // resolve a bare "Williams" to that speaker where one uninterrupted run kept it apart.
            if (item.SpeakerId is not null && !_aliasKeyRows.Contains(new SpeakerAlias(item.SpeakerId, c.Speaker.Name)) && AddPendingAliasKey(new SpeakerAlias(item.SpeakerId, c.Speaker.Name)))
                WriteAliasKey(item.SpeakerId, c.Speaker.Name);
            // Schema v9 has no unique index of claim ids (see StoreSchema): a batch naming one claim twice is refused here,
            // before its second row, and the article's transaction leaves nothing of it behind.
            if (_pairClaimRowIds.ContainsKey(c.Id))
                throw new ArgumentException($"Article {c.ArticleId} lists claim {c.Id} twice; a claim is stored once.", nameof(batch));
            insertClaim.Text(1, c.Id).Text(2, c.ArticleId).Int(3, c.SentenceIndex)
                .Int(4, c.Sentence.Start).Int(5, c.Sentence.End)
                .Int(6, c.Speaker.Span.Start).Int(7, c.Speaker.Span.End).Text(8, c.Speaker.Text)
                .Text(9, c.Speaker.Kind.ToString()).Text(10, c.Speaker.Name).Text(11, WriteStrings(c.Speaker.Roles))
                .Text(12, item.SpeakerId).Int(13, c.Cue.Start).Int(14, c.Cue.End).Text(15, c.CueText)
                .Int(16, c.Content.Start).Int(17, c.Content.End).Text(18, c.ContentText)
                .Text(19, c.Kind.ToString()).Text(20, FormatDate(c.Date)).Text(21, c.CueClass.ToString())
                .Int(22, SpeakerRowIdOf(item.SpeakerId))
                .Execute();
            // The claim's rowid (claims is a rowid table and no trigger inserts elsewhere).
            long rowId = insertClaim.LastInsertRowId;
            rowIds?.Add(rowId);
            _pairClaimRowIds[c.Id] = rowId; // STORE9, STORE11: pairs name their claims by rowid
            long te = StoreProfile.Now;
            StoreProfile.Add(StoreProfile.Section.Claims, te - t2);
            ProfilePages(StoreProfile.Section.Claims);
            if (item.Vector is { } v)
                insertEmbedding.Int(1, rowId).Text(2, batch.EmbeddingModelId).Int(3, v.Length).Blob(4, VectorBytes(v)).Execute();
            t2 = StoreProfile.Now;
            StoreProfile.Add(StoreProfile.Section.Embeddings, t2 - te);
            ProfilePages(StoreProfile.Section.Embeddings);
        }

        _reasonsOf = null; // a list seen in an earlier article may have been changed since (lists are only read-only views)
        var insertPair = Raw(ref _insertPair, """
            INSERT INTO pairs (id, claim_a, claim_b, similarity, score, entailment, neutral, reasons,
                model_version, temporal_order, days_apart, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """);
        // STORE9: ids are given here, in batch order, from one sequence over both tables: the same ids SQLite gave when
        // every pair was a pairs row. A pair the topic gate stopped goes to gated_pairs (schema v4).
        long pairId = batch.Pairs.Count == 0 ? 0 : NextPairId();
        foreach (var p in batch.Pairs)
        {
            if (IsGated(p.Score)) { InsertGated(pairId++, p, batch.ScorerVersion); continue; }
            insertPair.Int(1, pairId++).Int(2, PairClaimRowId(p.A)).Int(3, PairClaimRowId(p.B)).Real(4, (double)p.Similarity).Real(5, p.Score.Contradiction)
                .Real(6, p.Score.Entailment).Real(7, p.Score.Neutral).Utf8(8, ReasonsUtf8(p.Score.Reasons))
                .Text(9, batch.ScorerVersion).Text(10, p.Time.Order.ToString()).Int(11, p.Time.DaysApart).Text(12, now)
                .Execute();
        }
        _pairClaimRowIds.Clear();
        StoreProfile.Add(StoreProfile.Section.Pairs, StoreProfile.Now - t2);
        ProfilePages(StoreProfile.Section.Pairs);

        if (rowIds is not null) foreach (var id in rowIds) claimRowIds!.Add(id);
        return true;
    }

    /// <summary>The statement in <paramref name="slot"/>, prepared on first use.</summary>
    private RawStatement Raw(ref RawStatement? slot, string sql)
    {
        if (slot is null)
        {
            slot = new RawStatement(_connection, sql);
            _prepared.Add(slot);
        }
        return slot;
    }

    // Every statement Raw prepared, finalized by Dispose. Kept here rather than listed there: a statement left unfinalized keeps
    // the connection open past Dispose (sqlite3_close_v2 makes it a zombie), so the last close never checkpoints the WAL. A
    // store moved or copied as one file then lacks its last commits (round 40: a new statement missing from Dispose's list did
    // that to bench growth's kept run1 stores).
    private readonly List<RawStatement> _prepared = [];

    /// <summary><paramref name="v"/> as the store keeps it (explicit little-endian, so a store moves between machines unchanged), in a buffer reused for the next vector.</summary>
    private ReadOnlySpan<byte> VectorBytes(float[] v)
    {
        int n = v.Length * sizeof(float);
        if (_vectorBytes.Length < n) _vectorBytes = new byte[n];
        var span = _vectorBytes.AsSpan(0, n);
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(span[(i * 4)..], v[i]);
        return span;
    }

    /// <summary>The UTF-8 of <see cref="ReasonJson.ToJson"/>(<paramref name="reasons"/>), byte for byte, in a buffer reused for the next pair.</summary>
    private ReadOnlySpan<byte> ReasonsUtf8(IReadOnlyList<Reason> reasons)
    {
        if (ReferenceEquals(reasons, _reasonsOf)) return _reasonsJson.WrittenSpan;
        _reasonsOf = null; // until the new JSON is whole (a failure half-way must not leave it marked as written)
        _reasonsJson.ResetWrittenCount();
        if (_reasonsWriter is null) _reasonsWriter = new Utf8JsonWriter(_reasonsJson);
        else _reasonsWriter.Reset(_reasonsJson);
        ReasonJson.Write(_reasonsWriter, reasons);
        _reasonsWriter.Flush();
        _reasonsOf = reasons;
        return _reasonsJson.WrittenSpan;
    }

    /// <summary>The article's speaker rows are in the store now (its transaction or savepoint is done).</summary>
    private void RememberSpeakerRows()
    {
        foreach (var (id, name, roles, alias, rowId) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_speakerRowsPending))
            if (alias is null) _speakerRows[id] = new StoredSpeakerRow(name!, roles!, rowId);
            else _aliasRows.Add(new SpeakerAlias(id, alias));
        _speakerRowsPending.Clear();
        foreach (var key in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_aliasKeysPending)) _aliasKeyRows.Add(key);
        _aliasKeysPending.Clear();
    }

    /// <summary>All speakers with their claim counts, ordered by name then id.</summary>
    public IReadOnlyList<SpeakerSummary> ListSpeakers()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Schema v11: counted from claims_speaker_rowid (a covering scan in speaker rowid order), named by id per speaker.
        using (var cmd = Command("""
            SELECT (SELECT id FROM speakers WHERE rowid = g.speaker_rowid), g.n
            FROM (SELECT speaker_rowid, count(*) AS n FROM claims WHERE speaker_rowid IS NOT NULL GROUP BY speaker_rowid) g
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) counts[r.GetString(0)] = r.GetInt32(1);
        return LoadSpeakers()
            .Select(s => new SpeakerSummary(s, counts.GetValueOrDefault(s.Id)))
            .OrderBy(s => s.Speaker.Name, StringComparer.Ordinal).ThenBy(s => s.Speaker.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Stored claims, optionally only those of the speaker whose name or any alias equals
    /// <paramref name="speaker"/> (case-insensitive). Ordered by date (undated last), article, position.
    /// </summary>
    /// <remarks>The alias test scans speaker_aliases (schema v8 dropped its index by alias, which every run paid for to serve
    /// this query alone): ~10 ms at 50k stored articles.</remarks>
    public IReadOnlyList<StoredClaim> ListClaims(string? speaker = null)
    {
        var where = speaker is null ? "" : """
            WHERE c.speaker_rowid IN (SELECT rowid FROM speakers WHERE name = $name COLLATE NOCASE
                                      UNION SELECT al.speaker_rowid FROM speaker_aliases al WHERE al.alias = $name COLLATE NOCASE)
            """;
        using var cmd = Command($"""
            SELECT {ClaimColumns("c")}, c.speaker_id, s.name, a.title, a.date
            FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN speakers s ON s.id = c.speaker_id
            {where}
            ORDER BY coalesce(c.date, a.date) IS NULL, coalesce(c.date, a.date), c.article_id, c.content_start, c.id
            """, null, speaker is null ? [] : [("$name", speaker)]);
        using var r = cmd.ExecuteReader();
        var result = new List<StoredClaim>();
        while (r.Read()) result.Add(ReadStoredClaim(r));
        return result;
    }

    /// <summary>Pairs scoring at least <paramref name="minScore"/>, by score descending, then claim ids.</summary>
    /// <remarks>Gated pairs (schema v4) are listed as the full pairs they stand for, with the gate's score and reason.</remarks>
    public IReadOnlyList<StoredPair> ListPairs(double minScore = 0)
    {
        int n = ClaimColumnCount + 4;
        // Gated pairs all score PairScorer.Unrelated's probability: below the threshold, their table is not read at all.
        bool gated = PairScorer.Unrelated.Contradiction >= minScore;
        // Both tables as one (the gated part only when it can reach the threshold), each naming its claims by rowid (schema v6:
        // pairs rows too), so claims are read by rowid only; a gated pair's created_at (NULL in the union)
        // is that of the article of its claim stored last, which the outer query joins anyway.
        var gatedPart = !gated ? "" : $"""

                  UNION ALL
                  SELECT g.id, g.claim_a, g.claim_b, g.similarity, $gs, $ge, $gn, $gr, g.model_version,
                         {TemporalNameSql("g.temporal_order")}, g.days_apart, NULL
                  FROM gated_pairs g
            """;
        var sql = $"""
            SELECT p.id, p.similarity, p.score, p.entailment, p.neutral, p.reasons, p.model_version,
                   p.temporal_order, p.days_apart, coalesce(p.created_at, CASE WHEN p.rb > p.ra THEN ab.ingested_at ELSE aa.ingested_at END),
                   {ClaimColumns("ca")}, ca.speaker_id, sa.name, aa.title, aa.date,
                   {ClaimColumns("cb")}, cb.speaker_id, sb.name, ab.title, ab.date
            FROM (SELECT x.id, x.claim_a AS ra, x.claim_b AS rb, x.similarity, x.score, x.entailment, x.neutral, x.reasons,
                         x.model_version, x.temporal_order, x.days_apart, x.created_at
                  FROM pairs x{gatedPart}) p
            JOIN claims ca ON ca.rowid = p.ra JOIN articles aa ON aa.id = ca.article_id LEFT JOIN speakers sa ON sa.id = ca.speaker_id
            JOIN claims cb ON cb.rowid = p.rb JOIN articles ab ON ab.id = cb.article_id LEFT JOIN speakers sb ON sb.id = cb.speaker_id
            WHERE p.score >= $min
            ORDER BY p.score DESC, ca.id, cb.id
            """;
        using var cmd = Command(sql, null, ("$min", minScore));
        if (gated) BindGated(cmd);
        using var r = cmd.ExecuteReader();
        var result = new List<StoredPair>();
        while (r.Read())
        {
            var a = ReadStoredClaim(r, 10);
            var b = ReadStoredClaim(r, 10 + n);
            var score = new ContradictionScore(r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), ReasonJson.Read(r.GetString(5)));
            var time = new TemporalRelation(a.Date, b.Date, EnumNames<TemporalOrder>.Parse(r.GetString(7)),
                r.IsDBNull(8) ? null : r.GetInt32(8));
            result.Add(new StoredPair(r.GetInt64(0), a.SpeakerId ?? "", a.SpeakerName ?? "", a, b, (float)r.GetDouble(1),
                score, time, r.GetString(6), DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture)));
        }
        return result;
    }

    public StoreCounts Counts()
    {
        int Count(string table) => (int)(long)Scalar($"SELECT count(*) FROM {table}")!;
        return new StoreCounts(Count("articles"), Count("speakers"), Count("speaker_aliases"), Count("claims"),
            Count("claim_vectors"), Count("pairs") + Count("gated_pairs"), Count("reviews")); // STORE9: a gated pair is a pair
    }

    public void Dispose()
    {
        // An open group is rolled back with the connection: only CommitGroup makes it durable.
        if (_group is not null) ForgetSpeakerRows();
        _group?.Dispose();
        _group = null;
        // Finalized before the connection closes (an unfinalized statement would keep it open: see _prepared).
        foreach (var stmt in _prepared) stmt.Dispose();
        _prepared.Clear();
        _reasonsWriter?.Dispose();
        _connection.Dispose();
    }

    // ---- claim rows -------------------------------------------------------------------------

    private const int ClaimColumnCount = 20;

    private static string ClaimColumns(string t) =>
        string.Join(", ", new[] { "id", "article_id", "sentence_index", "sentence_start", "sentence_end",
            "mention_start", "mention_end", "mention_text", "mention_kind", "mention_name", "mention_roles",
            "cue_start", "cue_end", "cue_text", "content_start", "content_end", "content_text", "kind", "date", "cue_class" }
            .Select(c => $"{t}.{c}"));

    // Round 36: built once. As an interpolated argument of Raw it was built (a Join over 20 column names) on every call,
    // though Raw prepares the statement only the first time: ~1,100 builds per 100 articles into a 50k store.
    private static readonly string ClaimByRowIdSql = $"SELECT {ClaimColumns("c")} FROM claims c WHERE c.rowid = ?1";

    private static Claim ReadClaim(SqliteDataReader r, int o) => ReadClaim(new ReaderColumns(r), o);

    // STORE14: one claim decoder for both sources of rows (a data reader, or a raw statement on the pipeline's hot path);
    // a struct type argument, so each source gets its own compiled copy with direct calls.
    private static Claim ReadClaim<TRow>(TRow r, int o) where TRow : struct, IColumns
    {
        var mention = new SpeakerMention(new TextSpan(r.Int32(o + 5), r.Int32(o + 6)), r.Text(o + 7),
            EnumNames<MentionKind>.Parse(r.Text(o + 8)), r.Text(o + 9), ReadStrings(r.Text(o + 10)));
        return new Claim(r.Text(o), r.Text(o + 1), r.Int32(o + 2),
            new TextSpan(r.Int32(o + 3), r.Int32(o + 4)), mention,
            new TextSpan(r.Int32(o + 11), r.Int32(o + 12)), r.Text(o + 13),
            new TextSpan(r.Int32(o + 14), r.Int32(o + 15)), r.Text(o + 16),
            EnumNames<ClaimKind>.Parse(r.Text(o + 17)), ParseDate(r.IsNull(o + 18) ? null : r.Text(o + 18)),
            EnumNames<CueClass>.Parse(r.Text(o + 19)));
    }

    private interface IColumns
    {
        string Text(int i);
        int Int32(int i);
        bool IsNull(int i);
    }

    private readonly struct ReaderColumns(SqliteDataReader r) : IColumns
    {
        public string Text(int i) => r.GetString(i);
        public int Int32(int i) => r.GetInt32(i);
        public bool IsNull(int i) => r.IsDBNull(i);
    }

    private readonly struct RawColumns(RawStatement s) : IColumns
    {
        public string Text(int i) => s.ColumnText(i);
        public int Int32(int i) => s.ColumnInt32(i);
        public bool IsNull(int i) => s.ColumnIsNull(i);
    }

    /// <summary>
    /// STORE14: an enum's stored name back to its value through a table of its names (what <see cref="Enum.Parse{TEnum}(string)"/>
    /// gives for each of them); anything else (no stored row has it) still goes through Enum.Parse, its result or exception.
    /// </summary>
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> Values = Build();

        // PAR15: through the non-generic Enum API (precompiled in the framework): Enum.GetNames<TEnum> and Enum.Parse<TEnum> are
        // JIT-compiled for every enum type, six methods in each run's first claim read. Same table: each name, what it parses to.
        private static Dictionary<string, TEnum> Build()
        {
            var values = new Dictionary<string, TEnum>(StringComparer.Ordinal);
            foreach (var name in Enum.GetNames(typeof(TEnum))) values.Add(name, (TEnum)Enum.Parse(typeof(TEnum), name));
            return values;
        }

        public static TEnum Parse(string name) => Values.TryGetValue(name, out var value) ? value : Enum.Parse<TEnum>(name);
    }

    /// <summary>Claim columns at <paramref name="o"/>, then speaker_id, speaker name, article title, article date.</summary>
    private static StoredClaim ReadStoredClaim(SqliteDataReader r, int o = 0)
    {
        int n = ClaimColumnCount;
        return new StoredClaim(ReadClaim(r, o),
            r.IsDBNull(o + n) ? null : r.GetString(o + n),
            r.IsDBNull(o + n + 1) ? null : r.GetString(o + n + 1),
            r.GetString(o + n + 2),
            ParseDate(r.IsDBNull(o + n + 3) ? null : r.GetString(o + n + 3)));
    }

    // ---- encodings --------------------------------------------------------------------------

    private static string? FormatDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A stored date back (<see cref="FormatDate"/> wrote it). Round 36: the ten characters a store holds are read
    /// directly (DateOnly.ParseExact was ~0.7 ms of each 100 articles analysed into a 50k store, where most candidate
    /// claims are read back); anything else, a valid date or not, goes through ParseExact as before, with its result or
    /// its exception.
    /// </summary>
    internal static DateOnly? ParseDate(string? s)
    {
        if (s is null) return null;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && Digits(s, 0, 4) is var y and >= 1 && Digits(s, 5, 2) is var m and >= 1 and <= 12
            && Digits(s, 8, 2) is var d && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        return DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The number the <paramref name="count"/> ASCII digits at <paramref name="start"/> spell; -1 when one is not a digit.</summary>
    private static int Digits(string s, int start, int count)
    {
        int n = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = s[i] - '0';
            if ((uint)digit > 9) return -1;
            n = n * 10 + digit;
        }
        return n;
    }

    private static float[] ReadVector(byte[] bytes)
    {
        var v = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < v.Length; i++) v[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return v;
    }

    // The empty list is most mentions' roles: skip the serializer for it (its output is the same "[]").
    // STORE14: a list whose strings need no escaping (letters, digits, spaces, '-', '.', ','; what roles are) is written
    // directly: the serializer's output for it is exactly the quoted strings between commas (RawReadsTests compare them).
    private static string WriteStrings(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return "[]";
        int length = 1;
        foreach (var v in values)
        {
            if (!NeedsNoEscaping(v)) return JsonSerializer.Serialize(values, StoreJsonContext.Default.IReadOnlyListString);
            length += v.Length + 3;
        }
        return string.Create(length, values, static (span, values) =>
        {
            int at = 0;
            span[at++] = '[';
            for (int i = 0; i < values.Count; i++)
            {
                if (i > 0) span[at++] = ',';
                span[at++] = '"';
                values[i].AsSpan().CopyTo(span[at..]);
                at += values[i].Length;
                span[at++] = '"';
            }
            span[at] = ']';
        });
    }

    /// <summary>True when the JSON writer's default encoder copies <paramref name="s"/> as it is.</summary>
    internal static bool NeedsNoEscaping(string s)
    {
        foreach (char c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or ',')) return false;
        return true;
    }

    /// <summary>For tests: <see cref="WriteStrings"/> as the store writes it.</summary>
    internal static string WriteStringsForTests(IReadOnlyList<string> values) => WriteStrings(values);

    private static IReadOnlyList<string> ReadStrings(string json) =>
        json == "[]" ? EmptyStrings() : JsonSerializer.Deserialize(json, StoreJsonContext.Default.StringArray) ?? [];

    // STORE14: "[]" is most stored roles lists. The deserializer's answer for it, without running it: its own shared empty
    // array when it returns one instance every time, else a new empty array each time (as it would), so a caller comparing
    // lists by reference sees what it saw before.
    private static readonly string[]? SharedEmptyStrings = SharedEmptyProbe();

    private static string[]? SharedEmptyProbe()
    {
        var a = JsonSerializer.Deserialize("[]", StoreJsonContext.Default.StringArray);
        var b = JsonSerializer.Deserialize("[]", StoreJsonContext.Default.StringArray);
        return a is not null && ReferenceEquals(a, b) ? a : null;
    }

#pragma warning disable CA1825 // a new instance per call is the point here (see SharedEmptyStrings)
    private static string[] EmptyStrings() => SharedEmptyStrings ?? new string[0];
#pragma warning restore CA1825

    // ---- command helpers --------------------------------------------------------------------

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx ?? _group;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>The command in <paramref name="slot"/>, created and prepared on first use with one parameter per name (values set per run).</summary>
    private SqliteCommand Prepared(ref SqliteCommand? slot, string sql, params string[] names)
    {
        if (slot is not null) return slot;
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        cmd.Prepare();
        return slot = cmd;
    }

    private void Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}

/// <summary>STORE9 profiling: time per section of the store's write path, printed at exit when CNLP_STORE_PROFILE=1.</summary>
internal static class StoreProfile
{
    public enum Section { Article, SpeakersAndKeys, Claims, Embeddings, Pairs, Commit }

    public static readonly bool On = Environment.GetEnvironmentVariable("CNLP_STORE_PROFILE") == "1";
    private static readonly long[] Ticks = new long[Enum.GetValues<Section>().Length];
    private static long _claimLookups;

    static StoreProfile()
    {
        if (On) AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.Write(Report());
    }

    /// <summary>The totals so far, one line per figure (what the process prints at exit).</summary>
    public static string Report()
    {
        var text = new StringBuilder();
        foreach (var section in Enum.GetValues<Section>())
            text.Append(CultureInfo.InvariantCulture, $"store-profile {section}: {Ticks[(int)section] / (double)System.Diagnostics.Stopwatch.Frequency:0.000} s; {SectionPages[(int)section]} pages read\n");
        text.Append(CultureInfo.InvariantCulture, $"store-profile gated claim lookups by id: {_claimLookups}\n");
        foreach (var section in Enum.GetValues<PageSection>())
            text.Append(CultureInfo.InvariantCulture, $"store-profile pages read {section}: {Pages[(int)section]}")
                .Append(section == PageSection.Save ? "" : string.Create(CultureInfo.InvariantCulture, $" in {PageSectionTicks[(int)section] / (double)System.Diagnostics.Stopwatch.Frequency:0.000} s")).Append('\n');
        text.Append(CpuReport());
        return text.ToString();
    }

    /// <summary>STORE14: starts the totals again (cnlp bench growth reports each timed run's own).</summary>
    public static void Reset()
    {
        Array.Clear(Ticks);
        Array.Clear(CpuNs);
        Array.Clear(SectionPages);
        Array.Clear(Pages);
        Array.Clear(PageSectionTicks);
        _claimLookups = 0;
    }

    /// <summary>STORE11: pages read from the file (page-cache misses) by caller (STORE14: and the speaker index's reads).</summary>
    public enum PageSection { Pools, CandidateClaims, Save, SpeakerReads }
    private static readonly long[] Pages = new long[Enum.GetValues<PageSection>().Length];
    private static readonly long[] PageSectionTicks = new long[Enum.GetValues<PageSection>().Length];
    // STORE14: CPU time of this thread (not wall time: the machine is shared) in SaveArticle, CommitGroup, LoadClaim, LoadSpeakerVectors.
    public enum CpuSection { Save, Commit, LoadClaim, Pools }
    private static readonly long[] CpuNs = new long[Enum.GetValues<CpuSection>().Length];

    /// <summary>Adds this thread's CPU time until the scope is disposed to <paramref name="section"/>; does nothing when the profile is off.</summary>
    public static CpuScope Cpu(CpuSection section) => new(section, On ? ThreadCpuNs() : -1);

    public readonly struct CpuScope(CpuSection section, long start) : IDisposable
    {
        public void Dispose()
        {
            if (start >= 0) Interlocked.Add(ref CpuNs[(int)section], ThreadCpuNs() - start);
        }
    }
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds, Nanoseconds; }
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
    private static bool _noThreadClock = !OperatingSystem.IsLinux();
    /// <summary>This thread's CPU time in ns (Linux; 0 where the clock is not available: the profile then shows 0).</summary>
    public static long ThreadCpuNs()
    {
        if (_noThreadClock) return 0;
        try
        {
            if (ClockGetTime(3, out var t) != 0) return 0; // CLOCK_THREAD_CPUTIME_ID
            return t.Seconds * 1_000_000_000 + t.Nanoseconds;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _noThreadClock = true; // a profiling aid only: never a reason for a run to fail
            return 0;
        }
    }
    public static string CpuReport() => string.Create(CultureInfo.InvariantCulture,
        $"store-profile cpu: save {CpuNs[(int)CpuSection.Save] / 1e9:0.000} s, commit {CpuNs[(int)CpuSection.Commit] / 1e9:0.000} s, load-claim {CpuNs[(int)CpuSection.LoadClaim] / 1e9:0.000} s, pools {CpuNs[(int)CpuSection.Pools] / 1e9:0.000} s\n");

    public static void AddPages(PageSection section, long pages, long ticks)
    {
        if (!On) return;
        Interlocked.Add(ref Pages[(int)section], pages);
        Interlocked.Add(ref PageSectionTicks[(int)section], ticks);
    }
    private static readonly long[] SectionPages = new long[Enum.GetValues<Section>().Length];
    /// <summary>Pages read from the file within a section of the write path.</summary>
    public static void AddSectionPages(Section section, long pages) { if (On) Interlocked.Add(ref SectionPages[(int)section], pages); }

    public static long Now => On ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
    public static void Add(Section section, long ticks) { if (On) Interlocked.Add(ref Ticks[(int)section], ticks); }
    /// <summary>A gated pair's claim looked up by id (not known by rowid from LoadClaim or this article).</summary>
    public static void ClaimLookup() { if (On) Interlocked.Increment(ref _claimLookups); }
}
