using System.Text.RegularExpressions;
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
/// Given a few hand-made articles where a mention's text differs from the name it was resolved by within its article
/// ("Williams" for "Ann Williams"), When they are analysed into one store in one run, or in two runs split at any article
/// (the second run reads them all and skips what is stored), Then both stores are the same: a bare surname shared by two
/// known full names stays a speaker of its own (not guessed from an alias seen in another article), and a name a run
/// resolved by the surname rule ("Dane" -> "Carl Dane") still finds that speaker after the split. (Until round 27 the
/// surname case was "Office" -> "Cabinet Office"; an organisation's last word is no surname now.)
/// </summary>
public partial class SplitRunSpeakerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>"TEXT said CONTENT." or "TEXT=NAME said CONTENT.": a mention with that text, resolved within the article to NAME (default: TEXT).</summary>
    private sealed partial class AliasSaidExtractor : IClaimExtractor
    {
        [GeneratedRegex(@"(?<text>[A-Z][\w ]*?)(=(?<name>[A-Z][\w ]*?))? said (?<content>[^.]+)\.")]
        private static partial Regex Said();

        public IReadOnlyList<Claim> Extract(Article article, ContradictionNlp.Tokenization.TokenizedText text, DiagnosticBag diagnostics)
        {
            var claims = new List<Claim>();
            foreach (Match m in Said().Matches(article.Text))
            {
                var mention = m.Groups["text"];
                var name = m.Groups["name"].Success ? m.Groups["name"].Value : mention.Value;
                var content = m.Groups["content"];
                var contentSpan = new TextSpan(content.Index, content.Index + content.Length);
                int cue = m.Index + m.Value.IndexOf(" said ", StringComparison.Ordinal) + 1;
                claims.Add(new Claim(
                    Claim.MakeId(article.Id, contentSpan), article.Id, text.SentenceAt(m.Index),
                    new TextSpan(m.Index, m.Index + m.Length),
                    new SpeakerMention(new TextSpan(mention.Index, mention.Index + mention.Length), mention.Value, MentionKind.Name, name, []),
                    new TextSpan(cue, cue + 4), "said", contentSpan, content.Value, ClaimKind.ReportedSpeech, article.Date));
            }
            return claims;
        }
    }

    private sealed class IndexResolver(SpeakerIndex index) : ISpeakerResolver
    {
        public Speaker? Resolve(SpeakerMention mention) => index.Resolve(mention);
    }

    private static readonly PipelineStages Stages = TestStages.Create() with
    {
        Extractor = new AliasSaidExtractor(),
        SpeakerResolverFactory = known => new IndexResolver(new SpeakerIndex(known)),
    };

    private static readonly string[] Texts =
    [
        "Ann Williams said taxes will rise. Williams=Ann Williams said roads are fine.",
        "Bob Williams said schools will close.",
        // Read in full again after a split (the index loads a stored speaker a mention finds): its text alias "Williams" must stay no key.
        "Ann Williams said taxes are low.",
        "Williams said the plan failed.",
        "Carl Dane said fees will fall.",
        "Dane said fees will not fall.",
        "Eve Dane said borders are open.",
        "Dane said the budget is set.",
    ];

    private static List<Article> Articles() =>
        Texts.Select((t, i) => TestStages.Article(t, $"2024-03-0{i + 1}", $"a{i}.txt")).ToList();

    private static void Run(string path, IReadOnlyList<Article> articles)
    {
        using var store = ClaimStore.Open(path);
        new AnalysisPipeline(store, Stages, new PipelineOptions { ArticlesPerCommit = 2 }).Run(articles, new DiagnosticBag());
    }

    /// <summary>Each claim's content and speaker id, in content order.</summary>
    private static List<string> ClaimSpeakers(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT content_text, speaker_id FROM claims ORDER BY content_text";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetString(0)} -> {r.GetString(1)}");
        return rows;
    }

    [Fact]
    public void One_run_resolves_a_shared_bare_surname_apart_and_a_surname_rule_name_to_its_speaker()
    {
        var path = _dir.File("one.db");
        Run(path, Articles());
        Assert.Equal(
        [
            "borders are open -> eve-dane",
            "fees will fall -> carl-dane",
            "fees will not fall -> carl-dane",
            "roads are fine -> ann-williams",
            "schools will close -> bob-williams",
            "taxes are low -> ann-williams",
            "taxes will rise -> ann-williams",
            "the budget is set -> carl-dane",
            "the plan failed -> williams",
        ], ClaimSpeakers(path));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_run_split_at_any_article_stores_what_one_run_stores(int split)
    {
        var articles = Articles();
        string one = _dir.File($"one{split}.db"), two = _dir.File($"two{split}.db");
        Run(one, articles);
        Run(two, articles.Take(split).ToList());
        Run(two, articles);
        Assert.Equal(StoreDump.Dump(one), StoreDump.Dump(two));
        Assert.Equal(ClaimSpeakers(one), ClaimSpeakers(two));
    }

    [Fact]
    public void A_store_keyed_by_every_alias_is_rekeyed_on_open_and_continues_as_one_run()
    {
        var articles = Articles();
        string one = _dir.File("one.db"), old = _dir.File("old.db");
        Run(one, articles);
        Run(old, articles.Take(2).ToList());
        // What a v4 build stored: the alias "Williams" (the text of a mention resolved to Ann Williams) as a key of hers.
        ContradictionNlp.Tests.Store.StoreDowngrade.ToV5(old); // and its vectors in embeddings (schema v6 moved them)
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = old, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO speaker_keys (key, kind, speaker_id) VALUES ('williams', 1, 'ann-williams'); PRAGMA user_version = 4;";
            cmd.ExecuteNonQuery();
        }
        using (var store = ClaimStore.Open(old)) Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        Run(old, articles);
        Assert.Equal(StoreDump.Dump(one), StoreDump.Dump(old));
        Assert.Contains("the plan failed -> williams", ClaimSpeakers(old));
    }
}
