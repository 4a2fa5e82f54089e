using ContradictionNlp.Store;

namespace ContradictionNlp.Tests.Store;

/// <summary>Round 39: opening a store turns SQLite's memory statistics off when SQLite is not running yet (see <see cref="SqliteLibrary"/>).</summary>
public class SqliteLibraryTests
{
    private const int StatusMemoryUsed = 0; // SQLITE_STATUS_MEMORY_USED

    [Fact]
    public void After_a_store_opens_SQLite_counts_its_memory_exactly_when_the_setting_did_not_take()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        // In this test host another test may have started SQLite first (a raw SqliteConnection): then the setting is
        // refused with SQLITE_MISUSE and SQLite keeps counting. Either way the result code must say what SQLite does.
        Assert.Contains(SqliteLibrary.MemStatusResult, new[] { 0, 21 });
        Assert.Equal(0, SQLitePCL.raw.sqlite3_status(StatusMemoryUsed, out int used, out _, 0));
        // An open connection holds memory (its schema, page cache): counted only when the statistics are on.
        Assert.Equal(SqliteLibrary.MemStatusResult != 0, used > 0);
    }

    [Fact]
    public void The_setting_is_applied_once_and_later_opens_leave_it()
    {
        using var dir = new TempDir();
        using (ClaimStore.Open(dir.File("a.db"))) { }
        var first = SqliteLibrary.MemStatusResult;
        using (ClaimStore.Open(dir.File("b.db"))) { }
        Assert.Equal(first, SqliteLibrary.MemStatusResult);
        Assert.NotEqual(-1, first);
    }
}
