using System.Text.Json;
using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// STORE14's write-path shortcuts must leave the same rows: roles lists written without the serializer when nothing needs
/// escaping, alias keys not re-inserted when this store instance knows they are stored (but written again after an article
/// that held them was rolled back), and a text parameter not re-bound when it holds the same string already.
/// </summary>
public class WritePathCachesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string[]> RoleLists() => new()
    {
        new[] { "Minister" },
        new[] { "prime minister", "MP" },
        new[] { "" },
        new[] { "a", "", "b-c.d,e 9" },
        // Characters the JSON writer escapes or might: each takes the serializer's path.
        new[] { "Minister", "O'Brien's aide" },
        new[] { "café owner" },
        new[] { "a \"quoted\" role" },
        new[] { "R&D <head>", "C++ dev", "back\\slash", "tab\there", "`tick`", "new\nline", "slash/ok", "plus+" },
        new[] { "日本" },
    };

    [Theory]
    [MemberData(nameof(RoleLists))]
    public void Roles_json_is_the_serializers_byte_for_byte(string[] roles)
    {
        var expected = JsonSerializer.Serialize<IReadOnlyList<string>>(roles, StoreJsonContext.Default.IReadOnlyListString);
        Assert.Equal(expected, ClaimStore.WriteStringsForTests(roles));
    }

    [Fact]
    public void The_direct_path_covers_only_characters_the_serializer_copies_as_they_are()
    {
        // Every ASCII character: where NeedsNoEscaping says yes, the serializer's output is the character between quotes.
        for (char c = (char)0; c < 128; c++)
        {
            var s = new string(c, 2);
            if (!ClaimStore.NeedsNoEscaping(s)) continue;
            Assert.Equal("[\"" + s + "\"]", JsonSerializer.Serialize<IReadOnlyList<string>>([s], StoreJsonContext.Default.IReadOnlyListString));
        }
        Assert.True(ClaimStore.NeedsNoEscaping("Ann Lee, MP-1."));
        Assert.False(ClaimStore.NeedsNoEscaping("O'Brien"));
        Assert.False(ClaimStore.NeedsNoEscaping("é"));
    }

    private static readonly Speaker Ann = new("spk-ann", "Ann Lee", ["Ann Lee", "Lee"], []);

    private static (Article Article, Claim Claim) OneClaim(string title, string mentionName)
    {
        var text = $"{mentionName} said taxes will rise in {title}.";
        var article = Article.Create(title, null, null, null, text, title + ".txt");
        int start = mentionName.Length + " said ".Length;
        var content = new TextSpan(start, text.Length - 1);
        var claim = new Claim(Claim.MakeId(article.Id, content), article.Id, 0, new TextSpan(0, text.Length),
            new SpeakerMention(new TextSpan(0, mentionName.Length), mentionName, MentionKind.Name, mentionName, []),
            new TextSpan(mentionName.Length + 1, mentionName.Length + 5), "said", content, text[content.Start..content.End],
            ClaimKind.ReportedSpeech, null);
        return (article, claim);
    }

    private static List<string> AliasKeys(string path)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT key, speaker_id FROM speaker_keys WHERE kind = 1 ORDER BY key, speaker_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetString(0)} {r.GetString(1)}");
        return rows;
    }

    [Fact]
    public void An_alias_key_of_a_rolled_back_article_is_written_by_the_next_article_that_names_it()
    {
        var path = _dir.File("keys.db");
        using (var store = ClaimStore.Open(path))
        {
            store.BeginGroup();
            // Article 1 writes Ann's alias key "lee" (its claim's mention was resolved by "Lee"), then fails on a pair naming
            // a claim the store does not hold: its savepoint is rolled back, key included.
            var (a1, c1) = OneClaim("one", "Lee");
            var (_, stranger) = OneClaim("elsewhere", "Lee");
            var bad = new ScoredPair(stranger, c1, 0.5f, new ContradictionNlp.Scoring.ContradictionScore(0.9, 0.05, 0.05, []),
                new TemporalRelation(null, null, TemporalOrder.Unknown, null));
            Assert.Throws<InvalidOperationException>(() =>
                store.SaveArticle(new ArticleBatch(a1, [new ClaimToStore(c1, Ann.Id, null)], [Ann], [bad], null, "scorer-1")));
            // Article 2 names Ann by "Lee" too: the key must be written now (the instance must not believe it stored).
            var (a2, c2) = OneClaim("two", "Lee");
            Assert.True(store.SaveArticle(new ArticleBatch(a2, [new ClaimToStore(c2, Ann.Id, null)], [Ann], [], null, "scorer-1")));
            // Article 3 again (known now: skipped, the row is there once either way).
            var (a3, c3) = OneClaim("three", "Lee");
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new ClaimToStore(c3, Ann.Id, null)], [Ann], [], null, "scorer-1")));
            store.CommitGroup();
        }
        Assert.Equal(["lee spk-ann"], AliasKeys(path));
    }

    [Fact]
    public void An_alias_key_is_written_when_a_group_that_held_it_was_not_committed()
    {
        var path = _dir.File("keys2.db");
        using (var store = ClaimStore.Open(path))
        {
            var (a0, c0) = OneClaim("zero", "Ann Lee");
            Assert.True(store.SaveArticle(new ArticleBatch(a0, [new ClaimToStore(c0, Ann.Id, null)], [Ann], [], null, "scorer-1")));
        }
        using (var store = ClaimStore.Open(path))
        {
            store.BeginGroup();
            var (a1, c1) = OneClaim("one", "Lee");
            Assert.True(store.SaveArticle(new ArticleBatch(a1, [new ClaimToStore(c1, Ann.Id, null)], [Ann], [], null, "scorer-1")));
            // Disposed with the group open: rolled back, and the instance forgets what it wrote.
        }
        Assert.Equal(["ann lee spk-ann"], AliasKeys(path));
        using (var store = ClaimStore.Open(path))
        {
            var (a1, c1) = OneClaim("one", "Lee");
            Assert.True(store.SaveArticle(new ArticleBatch(a1, [new ClaimToStore(c1, Ann.Id, null)], [Ann], [], null, "scorer-1")));
        }
        Assert.Equal(["ann lee spk-ann", "lee spk-ann"], AliasKeys(path));
    }

    [Fact]
    public void A_text_parameter_bound_to_the_same_string_keeps_its_value_and_any_other_bind_replaces_it()
    {
        var path = _dir.File("binds.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (n INTEGER PRIMARY KEY, a, b)";
            create.ExecuteNonQuery();
        }
        var same = "same text";
        using (var insert = new RawStatement(connection, "INSERT INTO t (n, a, b) VALUES (?1, ?2, ?3)"))
        {
            insert.Int(1, 1).Text(2, same).Text(3, "x").Execute();
            insert.Int(1, 2).Text(2, same).Text(3, "x").Execute(); // same instance: not re-bound, still "same text"
            insert.Int(1, 3).Int(2, 42).Real(3, 1.5).Execute();
            insert.Int(1, 4).Text(2, same).Null(3).Execute(); // after an int bind, the text is bound again
            insert.Int(1, 5).Text(2, new string(same.AsSpan())).Blob(3, [1, 2]).Execute(); // an equal string, another instance
            insert.Int(1, 6).Text(2, same).Utf8(3, "u"u8).Execute();
            insert.Int(1, 7).Text(2, null).Text(3, "u").Execute();
            insert.Int(1, 8).Text(2, same).Text(3, "u").Execute(); // after NULL, bound again
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT n, typeof(a), quote(a), typeof(b), quote(b) FROM t ORDER BY n";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join(" ", Enumerable.Range(0, 5).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal([
            "1 text 'same text' text 'x'",
            "2 text 'same text' text 'x'",
            "3 integer 42 real 1.5",
            "4 text 'same text' null NULL",
            "5 text 'same text' blob X'0102'",
            "6 text 'same text' text 'u'",
            "7 null NULL text 'u'",
            "8 text 'same text' text 'u'",
        ], rows);
    }
}
