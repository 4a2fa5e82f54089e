namespace ContradictionNlp.Store;

/// <summary>
/// Process-wide settings of the SQLite library, applied once, before the first store opens a connection.
/// </summary>
/// <remarks>
/// Round 39: memory statistics off (<c>SQLITE_CONFIG_MEMSTATUS</c> = 0). With them on (SQLite's default) every allocation
/// and free inside SQLite takes one process-wide mutex to keep its counters, and with more than one thread the pipeline's
/// reading connection and the writer thread's connection take it in turn. Nothing here reads those counters (the store's
/// figures come from <c>sqlite3_db_status</c>, per connection, which this does not change). BBC bench, 5 alternated sets
/// of 1- and 2-thread runs against the same build with them on: process CPU 1.822 vs 1.881 s (1 thread) and 1.802 vs
/// 1.880 s (2 threads), wall 1.753 vs 1.788 s and 0.945 vs 0.971 s (medians); answers are the same.
/// SQLite takes such settings only before it initialises (on the first connection opened in the process); later the
/// call fails with SQLITE_MISUSE and changes nothing, so a process that opened SQLite by other means first (a test
/// host, say) runs as before, with the same answers.
/// </remarks>
internal static class SqliteLibrary
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS in sqlite3.h
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>The result code of the memory-statistics setting: 0 when it took, 21 (SQLITE_MISUSE) when SQLite was running already, -1 before the first store opened.</summary>
    public static int MemStatusResult { get; private set; } = -1;

    /// <summary>
    /// Applies the settings on the first call of the process. A second thread opening a store meanwhile waits here, so no
    /// connection of ours opens while <c>sqlite3_config</c> runs (it is not thread-safe).
    /// </summary>
    public static void EnsureConfigured()
    {
        if (Volatile.Read(ref _configured)) return;
        lock (Gate)
        {
            if (_configured) return;
            SQLitePCL.Batteries_V2.Init();
            MemStatusResult = SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0);
            Volatile.Write(ref _configured, true);
        }
    }
}
