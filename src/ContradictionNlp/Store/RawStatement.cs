using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ContradictionNlp.Store;

/// <summary>
/// One SQL statement prepared once on the store's connection and run many times through SQLite's own C API
/// (SQLitePCL), binding parameters by position. Why not a prepared <see cref="SqliteCommand"/>: for each run it
/// looks every parameter up by name (sqlite3_bind_parameter_index), re-encodes each string into a new array, and
/// builds a data reader; on the BBC run that managed work cost about a third of the store's time, more than
/// SQLite's own B-tree inserts. The statement joins whatever transaction or savepoint the connection has open
/// (SQLite transactions belong to the connection), exactly as the command did. Not thread-safe (nor is the store).
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    // Reused UTF-8 buffer for text parameters: SQLite copies bound text (SQLITE_TRANSIENT), so it is free again at once.
    private byte[] _utf8 = new byte[256];
    // STORE14: the string each text parameter holds now, by reference. SQLite keeps bindings across runs (sqlite3_reset does
    // not clear them), so binding the same string instance again (an article's id for each of its claims, the model and scorer
    // versions for every row, an enum's name) would encode and copy the same bytes again: it is skipped. Any other bind to the
    // parameter forgets it.
    private readonly string?[] _boundText;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The store's connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        ParameterCount = raw.sqlite3_bind_parameter_count(_stmt);
        _boundText = new string?[ParameterCount + 1];
    }

    public int ParameterCount { get; }

    public RawStatement Null(int index)
    {
        Forget(index);
        Check(raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    public RawStatement Text(int index, string? value)
    {
        if (value is null) return Null(index);
        if ((uint)index < (uint)_boundText.Length && ReferenceEquals(_boundText[index], value)) return this; // bound already
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        int n = Encoding.UTF8.GetBytes(value, _utf8);
        Utf8(index, _utf8.AsSpan(0, n));
        _boundText[index] = value; // after the bind succeeded (Utf8 checks the index)
        return this;
    }

    /// <summary>Text already encoded as UTF-8 (copied by SQLite).</summary>
    public RawStatement Utf8(int index, ReadOnlySpan<byte> value)
    {
        Forget(index);
        // An empty span may come with a null pointer, which SQLite binds as NULL: bind the empty string explicitly.
        Check(value.IsEmpty ? raw.sqlite3_bind_text(_stmt, index, "") : raw.sqlite3_bind_text(_stmt, index, value));
        return this;
    }

    public RawStatement Int(int index, long value)
    {
        Forget(index);
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    private void Forget(int index)
    {
        if ((uint)index < (uint)_boundText.Length) _boundText[index] = null;
    }

    public RawStatement Int(int index, long? value) => value is { } v ? Int(index, v) : Null(index);

    public RawStatement Real(int index, double value)
    {
        Forget(index);
        Check(raw.sqlite3_bind_double(_stmt, index, value));
        return this;
    }

    /// <summary>A blob (copied by SQLite). An empty one is stored as a zero-length blob, not NULL.</summary>
    public RawStatement Blob(int index, ReadOnlySpan<byte> value)
    {
        Forget(index);
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_stmt, index, 0) : raw.sqlite3_bind_blob(_stmt, index, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows (an INSERT); the bindings are kept for nothing and cleared by the next run's binds.</summary>
    public void Execute()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>
    /// The first row's first two columns as text and its third as an integer (a speaker's name, roles and rowid); null when
    /// there is no row. The texts must be NOT NULL.
    /// </summary>
    public (string Name, string Roles, long RowId)? TwoTextsAndInt64()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
                return (raw.sqlite3_column_text(_stmt, 0).utf8_to_string(), raw.sqlite3_column_text(_stmt, 1).utf8_to_string(),
                    raw.sqlite3_column_int64(_stmt, 2));
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>True when the statement yields at least one row (an existence check).</summary>
    public bool Exists()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW) return true;
            if (rc != raw.SQLITE_DONE) Check(rc);
            return false;
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>The first column of the first row as an integer; null when there is no row or it is NULL (a max() of an empty table).</summary>
    public long? Int64()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
                return raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, 0);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    // ---- reading rows (STORE14): the pipeline's per-row reads (candidate claims, pools, the speaker index) without a data
    // reader per call. Step until false, read columns in between, and Reset when done (also on failure), so the statement
    // releases its read snapshot as a disposed reader did.

    /// <summary>Advances to the next row: true when there is one (read its columns, then Step again or <see cref="Reset"/>).</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    /// <summary>Ends a read started by <see cref="Step"/> (the bindings are kept).</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    /// <summary>Column <paramref name="i"/> of the current row as text, as <see cref="SqliteDataReader.GetString"/> reads it.</summary>
    public string ColumnText(int i) => raw.sqlite3_column_text(_stmt, i).utf8_to_string();

    /// <summary>Column <paramref name="i"/> of the current row as an integer.</summary>
    public long ColumnInt64(int i) => raw.sqlite3_column_int64(_stmt, i);

    /// <summary>Column <paramref name="i"/> as a 32-bit integer, checked as <see cref="SqliteDataReader.GetInt32"/> does.</summary>
    public int ColumnInt32(int i) => checked((int)raw.sqlite3_column_int64(_stmt, i));

    public bool ColumnIsNull(int i) => raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="i"/> as bytes, valid until the next Step or Reset.</summary>
    public ReadOnlySpan<byte> ColumnBlob(int i) => raw.sqlite3_column_blob(_stmt, i);

    /// <summary>The rowid of the row the last INSERT on this connection made (claims are rowid tables).</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        // The same exception type and message the SqliteCommand path threw, so callers and tests see no difference.
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt.Dispose();
}
