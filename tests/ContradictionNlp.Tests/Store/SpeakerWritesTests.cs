using ContradictionNlp.Ingestion;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// STORE10: a store instance that meets a speaker it has not written reads the stored row first. Given a speaker saved by
/// one instance, When later instances (a later run) save it unchanged, with new roles, or renamed, Then the rows and keys
/// are those the upsert wrote before, and only what changed is written: triggers the test adds log every UPDATE of a
/// speaker and every DELETE of a key, which the old upsert-always path made even for an unchanged speaker.
/// </summary>
public class SpeakerWritesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private int _articles;

    /// <summary>Saves an article without claims naming <paramref name="speaker"/>, through a new store instance (empty caches).</summary>
    private void SaveWithNewInstance(string path, Speaker speaker)
    {
        var article = Article.Create($"Article {_articles}", null, null, null, $"Text of article {_articles++}.", "a.txt");
        using var store = ClaimStore.Open(path);
        Assert.True(store.SaveArticle(new ArticleBatch(article, [], [speaker], [], null, "scorer-1")));
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> Rows(string path, string sql)
    {
        using var connection = Connect(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private static void Exec(string path, string sql)
    {
        using var connection = Connect(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The keys SpeakerIndex defines for the speaker's name, as the store orders them. These articles have no claims, and
    /// alias keys are the names claims' mentions were resolved by (SPEAK10), so an alias alone gives none.
    /// </summary>
    private static List<string> ExpectedKeys(Speaker s) =>
        SpeakerIndex.NameKeys(s.Name).Select(k => (k.Key, Kind: (int)k.Kind))
            .Distinct().OrderBy(k => k.Key, StringComparer.Ordinal).ThenBy(k => k.Kind)
            .Select(k => $"{k.Key}|{k.Kind}|{s.Id}").ToList();

    private const string KeysSql = "SELECT key, kind, speaker_id FROM speaker_keys ORDER BY key, kind, speaker_id";

    [Fact]
    public void A_later_instance_rewrites_only_what_changed_and_keeps_the_keys_of_the_current_name()
    {
        var path = _dir.File("s.db");
        var ann = new Speaker("spk-1", "Ann Lee", ["Ann Lee", "Lee"], ["Mayor"]);
        SaveWithNewInstance(path, ann);
        Assert.Equal(["spk-1|Ann Lee|[\"Mayor\"]"], Rows(path, "SELECT id, name, roles FROM speakers"));
        Assert.Equal(ExpectedKeys(ann), Rows(path, KeysSql));
        Assert.Contains("ann lee|0|spk-1", Rows(path, KeysSql)); // the name key, written with the new row
        Assert.Contains("lee|2|spk-1", Rows(path, KeysSql)); // its surname key

        Exec(path, """
            CREATE TABLE test_log (what TEXT);
            CREATE TRIGGER test_speaker_update AFTER UPDATE ON speakers BEGIN INSERT INTO test_log VALUES ('update ' || new.id); END;
            CREATE TRIGGER test_key_delete AFTER DELETE ON speaker_keys BEGIN INSERT INTO test_log VALUES ('delete ' || old.key); END;
            """);

        // Unchanged: nothing is written (the upsert used to update the row and replace its keys with the same ones).
        SaveWithNewInstance(path, ann);
        Assert.Empty(Rows(path, "SELECT what FROM test_log"));
        Assert.Equal(ExpectedKeys(ann), Rows(path, KeysSql));

        // New roles: the row is updated, the name's keys are left alone.
        var chair = ann with { Roles = ["Mayor", "Chair"] };
        SaveWithNewInstance(path, chair);
        Assert.Equal(["update spk-1"], Rows(path, "SELECT what FROM test_log"));
        Assert.Equal(["spk-1|Ann Lee|[\"Mayor\",\"Chair\"]"], Rows(path, "SELECT id, name, roles FROM speakers"));
        Assert.Equal(ExpectedKeys(chair), Rows(path, KeysSql));

        // Renamed: the row is updated and the old name's keys give way to the new name's.
        Exec(path, "DELETE FROM test_log");
        var renamed = chair with { Name = "Ann Marie Lee" };
        SaveWithNewInstance(path, renamed);
        var log = Rows(path, "SELECT what FROM test_log");
        Assert.Equal("update spk-1", log[0]);
        Assert.Equal(["delete ann lee", "delete lee"], log.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(["spk-1|Ann Marie Lee|[\"Mayor\",\"Chair\"]"], Rows(path, "SELECT id, name, roles FROM speakers"));
        var keys = Rows(path, KeysSql);
        Assert.Equal(ExpectedKeys(renamed), keys);
        Assert.DoesNotContain("ann lee|0|spk-1", keys);
        Assert.Contains("ann marie lee|0|spk-1", keys);
        Assert.DoesNotContain("lee|1|spk-1", keys); // "Lee" is an alias, but no claim's mention was resolved by it
    }

    [Fact]
    public void A_new_speaker_in_a_stored_store_gets_its_row_and_keys_and_the_others_are_untouched()
    {
        var path = _dir.File("n.db");
        var ann = new Speaker("spk-1", "Ann Lee", ["Ann Lee"], []);
        SaveWithNewInstance(path, ann);
        Exec(path, """
            CREATE TABLE test_log (what TEXT);
            CREATE TRIGGER test_speaker_update AFTER UPDATE ON speakers BEGIN INSERT INTO test_log VALUES ('update ' || new.id); END;
            CREATE TRIGGER test_key_delete AFTER DELETE ON speaker_keys BEGIN INSERT INTO test_log VALUES ('delete ' || old.key); END;
            """);
        var bob = new Speaker("spk-2", "Bob Hart", ["Bob Hart", "Hart"], ["Minister"]);
        var article = Article.Create("Both", null, null, null, "Both speak.", "b.txt");
        using (var store = ClaimStore.Open(path))
            Assert.True(store.SaveArticle(new ArticleBatch(article, [], [ann, bob], [], null, "scorer-1")));
        Assert.Empty(Rows(path, "SELECT what FROM test_log"));
        Assert.Equal(["1|spk-1|Ann Lee|[]", "2|spk-2|Bob Hart|[\"Minister\"]"], Rows(path, "SELECT rowid, id, name, roles FROM speakers ORDER BY rowid"));
        Assert.Equal(ExpectedKeys(ann).Concat(ExpectedKeys(bob)).Order(StringComparer.Ordinal),
            Rows(path, KeysSql).Order(StringComparer.Ordinal));
        // Saving the same article again is a no-op.
        using (var store = ClaimStore.Open(path))
            Assert.False(store.SaveArticle(new ArticleBatch(article, [], [ann, bob], [], null, "scorer-1")));
        Assert.Equal(2, Rows(path, "SELECT id FROM speakers").Count);
    }
}
