using System.Text.Json;
using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// STORE14: the pipeline's per-row reads (LoadClaim, LoadSpeakerVectors, the speaker directory) run as raw statements and
/// decode enum names and empty roles without Enum.Parse or the JSON reader. They must read exactly what the data-reader path
/// (ListClaims, LoadSpeakerClaims) reads: every enum value, roles with JSON escapes, a missing date, an unknown rowid.
/// </summary>
public class RawReadsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly Speaker Ann = new("spk-ann", "Ann Lee", ["Ann Lee", "Lee"], ["Minister", "a \"quoted\" role", "café owner"]);
    private static readonly Speaker Bob = new("spk-bob", "Bob Lee", ["Bob Lee"], []);

    /// <summary>One claim per combination below: every MentionKind, ClaimKind and CueClass value, roles empty or not, dated or not.</summary>
    private static (Article Article, List<Claim> Claims) MakeArticle()
    {
        var kinds = Enum.GetValues<ClaimKind>();
        var cues = Enum.GetValues<CueClass>();
        var mentions = Enum.GetValues<MentionKind>();
        int n = kinds.Length * cues.Length;
        var text = string.Concat(Enumerable.Range(0, n).Select(i => $"Ann Lee said thing {i:00} happened. "));
        var article = Article.Create("raw reads", null, null, null, text, "raw.txt");
        var claims = new List<Claim>();
        for (int i = 0; i < n; i++)
        {
            int at = text.IndexOf($"thing {i:00}", StringComparison.Ordinal);
            var content = new TextSpan(at, at + 17);
            IReadOnlyList<string> roles = i % 3 == 0 ? [] : i % 3 == 1 ? ["Minister"] : ["a \"quoted\" role", "café owner", "<b>&"];
            claims.Add(new Claim(Claim.MakeId(article.Id, content), article.Id, i, new TextSpan(at - 13, content.End + 1),
                new SpeakerMention(new TextSpan(at - 13, at - 6), "Ann Lee", mentions[i % mentions.Length], i % 4 == 3 ? "" : "Ann Lee", roles),
                new TextSpan(at - 5, at - 1), "said", content, text[content.Start..content.End], kinds[i % kinds.Length],
                i % 2 == 0 ? null : new DateOnly(2024, 2, 29), cues[i / kinds.Length]));
        }
        return (article, claims);
    }

    private static string Show(Claim c) => string.Join("|", c.Id, c.ArticleId, c.SentenceIndex, c.Sentence, c.Speaker.Span, c.Speaker.Text,
        c.Speaker.Kind, c.Speaker.Name, string.Join("+", c.Speaker.Roles), c.Speaker.Roles.Count, c.Cue, c.CueText, c.Content, c.ContentText,
        c.Kind, c.Date?.ToString("O") ?? "undated", c.CueClass);

    private (string Path, List<Claim> Claims, List<long> RowIds) Build()
    {
        var path = _dir.File("raw.db");
        var (article, claims) = MakeArticle();
        var rowIds = new List<long>();
        using var store = ClaimStore.Open(path);
        Assert.True(store.SaveArticle(new ArticleBatch(article,
            claims.Select((c, i) => new ClaimToStore(c, i % 4 == 3 ? null : i % 2 == 0 ? Ann.Id : Bob.Id, [i, 1f, -0.5f])).ToList(),
            [Ann, Bob], [], "model-x", "scorer-1"), rowIds));
        return (path, claims, rowIds);
    }

    [Fact]
    public void LoadClaim_reads_every_field_as_it_was_saved_and_as_the_data_reader_reads_it()
    {
        var (path, claims, rowIds) = Build();
        Assert.Equal(Enum.GetValues<ClaimKind>().Length * Enum.GetValues<CueClass>().Length, claims.Count);
        using var store = ClaimStore.Open(path);
        var loaded = rowIds.Select(store.LoadClaim).ToList();
        Assert.Equal(claims.Select(Show), loaded.Select(Show));
        // The data-reader path (ListClaims: date, article, position order; here one article, undated claims last).
        var listed = store.ListClaims().Select(s => s.Claim).ToDictionary(c => c.Id);
        Assert.Equal(claims.Count, listed.Count);
        foreach (var c in loaded) Assert.Equal(Show(listed[c.Id]), Show(c));
        // LoadSpeakerClaims too (data reader, with vectors): Ann's claims are the even ones.
        Assert.Equal(claims.Where((_, i) => i % 4 != 3 && i % 2 == 0).Select(Show),
            store.LoadSpeakerClaims(Ann.Id, "model-x").Select(x => Show(x.Claim)));
        var ex = Assert.Throws<KeyNotFoundException>(() => store.LoadClaim(rowIds.Max() + 1));
        Assert.Contains($"no claim with rowid {rowIds.Max() + 1}", ex.Message);
        // The statement was reset after the failed read: the next load works.
        Assert.Equal(Show(claims[0]), Show(store.LoadClaim(rowIds[0])));
    }

    [Fact]
    public void Empty_roles_come_back_as_the_json_reader_gives_them()
    {
        var (path, claims, rowIds) = Build();
        using var store = ClaimStore.Open(path);
        var empty = rowIds.Where((_, i) => claims[i].Speaker.Roles.Count == 0).Select(store.LoadClaim).Select(c => c.Speaker.Roles).ToList();
        Assert.True(empty.Count >= 2);
        Assert.All(empty, r => Assert.IsType<string[]>(r));
        // The reader this replaced: JsonSerializer over "[]". Shared instance or a new one each time, as it does.
        var a = JsonSerializer.Deserialize<string[]>("[]")!;
        var b = JsonSerializer.Deserialize<string[]>("[]")!;
        Assert.Equal(ReferenceEquals(a, b), ReferenceEquals(empty[0], empty[1]));
    }

    [Fact]
    public void Speaker_directory_reads_keys_speakers_and_ids_and_a_nested_key_walk_does_not_disturb_the_outer_one()
    {
        var (path, _, _) = Build();
        using var store = ClaimStore.Open(path);
        var directory = store.StoredSpeakers();
        // Surname "lee": both speakers, in id order.
        var outer = new List<(long, string)>();
        var inner = new List<string>();
        foreach (var row in directory.WithKey("lee", SpeakerKeyKind.Surname))
        {
            outer.Add(row);
            inner.Add(string.Join(",", directory.WithKey("lee", SpeakerKeyKind.Surname).Select(r => r.Id)));
        }
        Assert.Equal(["spk-ann", "spk-bob"], outer.Select(r => r.Item2));
        Assert.Equal(["spk-ann,spk-bob", "spk-ann,spk-bob"], inner);
        // Stopping early, then walking again: the statement was reset.
        Assert.Equal("spk-ann", directory.WithKey("lee", SpeakerKeyKind.Surname).First().Id);
        Assert.Equal(2, directory.WithKey("lee", SpeakerKeyKind.Surname).Count());
        Assert.Empty(directory.WithKey("nobody", SpeakerKeyKind.Name));
        var ann = directory.Load(outer[0].Item1);
        Assert.Equal(("spk-ann", "Ann Lee", "Ann Lee,Lee", "Minister,a \"quoted\" role,café owner"),
            (ann.Id, ann.Name, string.Join(",", ann.Aliases), string.Join(",", ann.Roles)));
        Assert.Throws<KeyNotFoundException>(() => directory.Load(999));
        Assert.True(directory.IdExists("spk-bob"));
        Assert.False(directory.IdExists("spk-cy"));
    }

    /// <summary>
    /// Round 36: stored dates are read without DateOnly.ParseExact when they are ten plain characters. Every string here
    /// must give what ParseExact gives, or fail as it fails: leap days, month and day bounds, year 1 and 9999, and strings
    /// of the right length that are no date (year 0, a sign, a letter, another separator).
    /// </summary>
    [Theory]
    [InlineData("2005-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("2023-04-31")]
    [InlineData("2023-12-31")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("2023-10-00")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("-202-01-01")]
    [InlineData("20a3-01-01")]
    [InlineData("2023/01/01")]
    [InlineData("2023-1-1")]
    [InlineData(" 2023-01-01")]
    [InlineData("")]
    public void Stored_dates_read_as_DateOnly_ParseExact_reads_them(string s)
    {
        DateOnly? expected;
        try { expected = DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); }
        catch (FormatException)
        {
            Assert.Throws<FormatException>(() => ClaimStore.ParseDate(s));
            return;
        }
        Assert.Equal(expected, ClaimStore.ParseDate(s));
    }

    [Fact]
    public void A_missing_stored_date_reads_as_null() => Assert.Null(ClaimStore.ParseDate(null));
}
