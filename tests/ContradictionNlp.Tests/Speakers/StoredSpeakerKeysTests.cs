using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Speakers;

/// <summary>
/// Given runs into one store resolved by the real <see cref="SpeakerIndex"/>, When the index looks the stored speakers up
/// in the store's speaker_keys (schema v3) instead of holding them all in a list, Then every run stores the same speakers,
/// aliases and claim speaker ids; and a v2 store (no keys) is upgraded on open with the keys a v3 store writes itself.
/// </summary>
public class StoredSpeakerKeysTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class IndexResolver(SpeakerIndex index) : ISpeakerResolver
    {
        public Speaker? Resolve(SpeakerMention mention) => index.Resolve(mention);
    }

    /// <summary>The test stages, with speakers resolved by the real index: over the store's directory, or over the stored speakers as a list (the reference).</summary>
    private static PipelineStages Stages(bool asList) => TestStages.Create() with
    {
        SpeakerResolverFactory = known => new IndexResolver(new SpeakerIndex(asList ? known.ToList() : known)),
    };

    /// <summary>
    /// Articles of three "NAME said ..." sentences drawn (seeded) from few first names and surnames: bare surnames before
    /// and after full names (upgrades across runs), shared surnames, three-word names, case and diacritic variants.
    /// </summary>
    private static List<Article> Articles(int seed, int count)
    {
        string[] names = ["Lee", "Ann Lee", "Bob Lee", "Hart", "Bob Hart", "José Hart", "Jose Hart", "Dee", "Cy Dee", "Ann Marie Dee",
            "Fox", "ANN FOX", "Ann Fox", "Kay", "Zed", "Lee Fox"];
        string[] says = ["taxes will rise", "taxes will not rise", "roads are fine", "schools will close", "the plan failed"];
        var random = new Random(seed);
        var articles = new List<Article>();
        for (int i = 0; i < count; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, 3).Select(j =>
                $"{names[random.Next(names.Length)]} said {says[random.Next(says.Length)]} in {seed}-{i}-{j}."));
            articles.Add(TestStages.Article(text, $"2024-0{1 + i % 9}-1{i % 10}", $"a{seed}-{i}.txt"));
        }
        return articles;
    }

    private static void Run(string path, bool asList, IReadOnlyList<Article> articles)
    {
        using var store = ClaimStore.Open(path);
        new AnalysisPipeline(store, Stages(asList), new PipelineOptions { ArticlesPerCommit = 4 }).Run(articles, new DiagnosticBag());
    }

    private static string Keys(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, kind, speaker_id FROM speaker_keys ORDER BY key, kind, speaker_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetString(0)}|{r.GetInt64(1)}|{r.GetString(2)}");
        return string.Join("\n", rows);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Runs_resolved_through_the_stored_keys_store_what_runs_resolved_from_the_full_list_store(int seed)
    {
        var batches = Enumerable.Range(0, 4).Select(b => Articles(seed * 10 + b, 8)).ToList();
        string byKeys = _dir.File($"keys{seed}.db"), byList = _dir.File($"list{seed}.db");
        foreach (var batch in batches)
        {
            Run(byKeys, asList: false, batch);
            Run(byList, asList: true, batch);
            Assert.Equal(StoreDump.Dump(byList), StoreDump.Dump(byKeys));
        }
        var speakers = StoreDump.Count(byKeys, "speakers");
        Assert.True(speakers >= 10, $"only {speakers} speakers: the comparison would prove little");
        // The keys the store wrote are the keys of its speakers as they are now (renamed speakers' old names gone).
        Assert.Equal(ExpectedKeys(byKeys), Keys(byKeys));
        // A re-run of the same input changes nothing.
        var before = StoreDump.Dump(byKeys);
        Run(byKeys, asList: false, batches[1]);
        Assert.Equal(before, StoreDump.Dump(byKeys));
    }

    /// <summary>
    /// The keys computed here from the speaker rows and the claims, as SpeakerIndex.NameKeys and AliasKey define them: alias
    /// keys are the names the claims' mentions were resolved by (SPEAK10), not every alias.
    /// </summary>
    private static string ExpectedKeys(string path)
    {
        var rows = new List<(string Key, int Kind, string Id)>();
        using (var store = ClaimStore.Open(path))
            foreach (var s in store.LoadSpeakers())
                rows.AddRange(SpeakerIndex.NameKeys(s.Name).Select(k => (k.Key, (int)k.Kind, s.Id)));
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT speaker_id, mention_name FROM claims WHERE speaker_id IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (SpeakerIndex.AliasKey(r.GetString(1)) is { } key) rows.Add((key, (int)SpeakerKeyKind.Alias, r.GetString(0)));
        }
        return string.Join("\n", rows.Distinct().OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Key}|{r.Kind}|{r.Id}"));
    }

    [Fact]
    public void A_v2_store_is_given_its_speaker_keys_on_open_and_then_resolves_as_before()
    {
        var first = Articles(7, 12);
        var later = Articles(8, 12);
        string upgraded = _dir.File("v2.db"), reference = _dir.File("ref.db");
        Run(upgraded, asList: false, first);
        Run(reference, asList: true, first);
        var written = Keys(upgraded);
        Assert.NotEqual("", written);
        // What v2 was: every pair a pairs row (v4's gated_pairs folded back, ContradictionNlp.Tests.Store.StoreDowngrade), no speaker_keys table, user_version 2.
        ContradictionNlp.Tests.Store.StoreDowngrade.ToV3(upgraded, "DROP TABLE speaker_keys; PRAGMA user_version = 2;");
        using (var store = ClaimStore.Open(upgraded)) Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        Assert.Equal(written, Keys(upgraded)); // filled as the write path wrote them
        using (var store = ClaimStore.Open(upgraded)) Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion); // and not again
        Assert.Equal(written, Keys(upgraded));
        Run(upgraded, asList: false, later);
        Run(reference, asList: true, later);
        Assert.Equal(StoreDump.Dump(reference), StoreDump.Dump(upgraded));
    }

    [Fact]
    public void Ids_compare_in_code_point_order_as_sqlite_orders_them()
    {
        Assert.True(SpeakerIndex.CompareCodePoints("ann", "bob") < 0);
        Assert.True(SpeakerIndex.CompareCodePoints("ann", "ann-2") < 0);
        Assert.Equal(0, SpeakerIndex.CompareCodePoints("ann", "ann"));
        // U+FF21 (fullwidth A, a letter) sorts before U+1D400 (a surrogate pair) in UTF-8, after it in UTF-16 units.
        Assert.True(SpeakerIndex.CompareCodePoints("\uFF21", "\U0001D400") < 0);
        Assert.True(string.CompareOrdinal("\uFF21", "\U0001D400") > 0);
        Assert.True(SpeakerIndex.CompareCodePoints("\U0001D400", "\uFF21") > 0);
    }
}
