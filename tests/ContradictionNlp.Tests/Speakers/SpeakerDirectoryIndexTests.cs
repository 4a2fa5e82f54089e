using System.Collections;
using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Speakers;

/// <summary>
/// Given speakers already known, When a <see cref="SpeakerIndex"/> is built from them as a directory read on demand
/// instead of as a full list, Then every mention resolves exactly as with the full list (same ids, names, aliases,
/// roles, precedence of keys, surname rules, id clashes), and only the speakers mentions find are read in full.
/// </summary>
public class SpeakerDirectoryIndexTests
{
    private static SpeakerMention Name(string text, string name, params string[] roles) =>
        new(new TextSpan(0, text.Length), text, MentionKind.Name, name, roles);

    /// <summary>A directory over a list, as the store gives it (ids ordered, aliases ordered, keys as the store writes them); counts full reads.</summary>
    private sealed class ListDirectory : ISpeakerDirectory
    {
        private readonly List<Speaker> _speakers;
        public int Loads { get; private set; }
        public int Lookups { get; private set; }
        public int IdChecks { get; private set; }

        public ListDirectory(IEnumerable<Speaker> speakers) =>
            _speakers = speakers.OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => s with { Aliases = s.Aliases.Order(StringComparer.Ordinal).ToList() }).ToList();

        // Handles are not positions, so an index that mixed the two up would fail.
        private static long Handle(int i) => 1000 + 7 * i;

        public IEnumerable<long> Handles() => _speakers.Select((_, i) => Handle(i));
        public IEnumerable<(long Handle, string Id)> WithKey(string key, SpeakerKeyKind kind)
        {
            Lookups++;
            for (int i = 0; i < _speakers.Count; i++)
            {
                var s = _speakers[i];
                bool has = kind == SpeakerKeyKind.Alias
                    ? s.Aliases.Any(a => SpeakerIndex.AliasKey(a) == key)
                    : SpeakerIndex.NameKeys(s.Name).Contains((key, kind));
                if (has) yield return (Handle(i), s.Id);
            }
        }
        public Speaker Load(long handle)
        {
            Loads++;
            return _speakers[(int)((handle - 1000) / 7)];
        }
        public bool IdExists(string id)
        {
            IdChecks++;
            return _speakers.Any(s => s.Id == id);
        }
        public IEnumerator<Speaker> GetEnumerator() => _speakers.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Show(Speaker? s) =>
        s is null ? "-" : $"{s.Id}|{s.Name}|{string.Join(";", s.Aliases)}|{string.Join(";", s.Roles)}";

    /// <summary>
    /// Mentions drawn (seeded) from few first names and surnames, so full names, bare surnames, fuller names, shared
    /// surnames, case and diacritic variants, three-word names and slug clashes all come up many times.
    /// </summary>
    private static List<SpeakerMention> Mentions(int seed, int count)
    {
        string[] first = ["Ann", "Bob", "José", "Jose", "Ann Marie", "Cy", "Dana"];
        string[] last = ["Lee", "Hart", "Lee-Fox", "O'Neil", "Dee", "Fox", "LEE"];
        string[] roles = ["President", "Minister", "spokesman", "Foreign Minister"];
        var random = new Random(seed);
        var mentions = new List<SpeakerMention>();
        for (int i = 0; i < count; i++)
        {
            var f = first[random.Next(first.Length)];
            var l = last[random.Next(last.Length)];
            var role = random.Next(3) == 0 ? [roles[random.Next(roles.Length)]] : Array.Empty<string>();
            mentions.Add(random.Next(6) switch
            {
                0 => Name(l, l),
                1 => Name($"Mr {l}", l, role),
                2 => Name($"{f} {l}".ToUpperInvariant(), $"{f} {l}".ToUpperInvariant()),
                3 => Name($"{f} {l}'s", $"{f} {l}", role),
                4 => new SpeakerMention(new TextSpan(0, 2), "he", MentionKind.Pronoun, random.Next(2) == 0 ? "" : $"{f} {l}", []),
                _ => Name($"{f} {l}", $"{f} {l}", role),
            });
        }
        return mentions;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_directory_index_resolves_every_mention_as_the_full_list_index_does(int seed)
    {
        // Known speakers: what a first run over some mentions made.
        var first = new SpeakerIndex([]);
        foreach (var m in Mentions(seed, 60)) first.Resolve(m);
        var known = first.All;
        Assert.True(known.Count >= 10, "the known speakers must be many, or the comparison proves little");

        var directory = new ListDirectory(known);
        var fromList = new SpeakerIndex(directory.ToList()); // a plain list: the full index
        var fromDirectory = new SpeakerIndex(directory);
        var later = Mentions(seed + 100, 200);
        var expected = later.Select(m => Show(fromList.Resolve(m))).ToList();
        var actual = later.Select(m => Show(fromDirectory.Resolve(m))).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(fromList.All.Select(Show), fromDirectory.All.Select(Show));
        Assert.Contains(expected, e => e.Contains('|')); // some resolved
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_index_over_an_empty_directory_resolves_as_an_empty_list_index_without_asking_it(int seed)
    {
        // A fresh store (round 20): nothing stored when the index is made, so no key or id lookup can find anything but
        // this run's own speakers, and none is asked; answers, ids (slug clashes included) and the speaker list are those
        // of an index over no speakers at all.
        var directory = new ListDirectory([]);
        var fromDirectory = new SpeakerIndex(directory);
        var fromList = new SpeakerIndex([]);
        // Two keys with one slug ("ann lee" and "ann lee!") make the second speaker's id "ann-lee-2".
        var mentions = Mentions(seed, 300).Concat([Name("Ann Lee", "Ann Lee"), Name("Ann Lee!", "Ann Lee!")]).ToList();
        Assert.Equal(mentions.Select(m => Show(fromList.Resolve(m))), mentions.Select(m => Show(fromDirectory.Resolve(m))));
        Assert.Equal(fromList.All.Select(Show), fromDirectory.All.Select(Show));
        Assert.Contains(fromList.All, s => s.Id == "ann-lee-2"); // the slug clash came up
        Assert.Equal(0, directory.Lookups);
        Assert.Equal(0, directory.IdChecks);
        Assert.Equal(0, directory.Loads);
    }

    [Fact]
    public void An_index_over_a_directory_with_one_speaker_still_asks_it()
    {
        var directory = new ListDirectory([new Speaker("zed", "Kay Lo", ["Kay Lo"], [])]);
        var index = new SpeakerIndex(directory);
        Assert.Equal("ann-hart", index.Resolve(Name("Ann Hart", "Ann Hart"))!.Id);
        Assert.True(directory.Lookups > 0);
        Assert.True(directory.IdChecks > 0);
    }

    [Fact]
    public void Only_the_speakers_mentions_find_are_read_in_full()
    {
        var known = Enumerable.Range(0, 100).Select(i => new Speaker($"person-{i}", $"Person Number{i}", [$"Person Number{i}"], [])).ToList();
        var directory = new ListDirectory(known);
        var index = new SpeakerIndex(directory);
        Assert.Equal(0, directory.Loads);
        Assert.Equal(0, directory.Lookups); // nothing is read when the index is built
        Assert.Equal("person-42", index.Resolve(Name("Number42", "Number42"))!.Id);   // the one full name with that surname
        Assert.Equal("person-42", index.Resolve(Name("Person Number42", "Person Number42"))!.Id); // by key: read already
        Assert.Equal("person-7", index.Resolve(Name("Person Number7", "Person Number7"))!.Id);
        Assert.Equal(2, directory.Loads);
        // A new speaker whose slug a stored one holds gets the next free id, as with the full list.
        var clash = new SpeakerIndex(new ListDirectory([new Speaker("zed", "Kay Lo", ["Kay Lo"], [])]));
        Assert.Equal("zed-2", clash.Resolve(Name("Zed", "Zed"))!.Id);
    }

    [Fact]
    public void A_stores_speakers_as_a_directory_are_the_stored_speakers()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("s.db"));
        var articles = new[]
        {
            TestStages.Article("Ann Lee said taxes will rise. Bob Hart said roads are fine.", "2024-01-10", "a.txt"),
            TestStages.Article("Lee said taxes will not rise. Cy Dee said schools will close.", "2024-02-10", "b.txt"),
        };
        new AnalysisPipeline(store, TestStages.Create()).Run(articles, new DiagnosticBag()); // the test stages name speakers "spk-" + name
        var stored = store.LoadSpeakers();
        Assert.Equal(["spk-ann-lee", "spk-bob-hart", "spk-cy-dee", "spk-lee"], stored.Select(s => s.Id));
        var directory = store.StoredSpeakers();
        Assert.Equal(stored.Select(Show), directory.Select(Show));
        var handles = directory.Handles().ToList();
        Assert.Equal(stored.Select(Show), handles.Select(h => Show(directory.Load(h))));
        // The keys the store wrote with the speaker and alias rows.
        Assert.Equal(["spk-lee"], directory.WithKey("lee", SpeakerKeyKind.Alias).Select(k => k.Id));
        Assert.Equal(["spk-lee"], directory.WithKey("lee", SpeakerKeyKind.Name).Select(k => k.Id));
        Assert.Equal(["spk-ann-lee"], directory.WithKey("lee", SpeakerKeyKind.Surname).Select(k => k.Id));
        Assert.Equal(["spk-cy-dee"], directory.WithKey("cy dee", SpeakerKeyKind.Name).Select(k => k.Id));
        Assert.Empty(directory.WithKey("cy", SpeakerKeyKind.Surname));
        Assert.Equal(handles[0], directory.WithKey("ann lee", SpeakerKeyKind.Name).Single().Handle);
        Assert.True(directory.IdExists("spk-ann-lee"));
        Assert.False(directory.IdExists("ann-lee"));
        Assert.Throws<KeyNotFoundException>(() => directory.Load(handles.Max() + 1));
    }
}

/// <summary>Given names as articles write them, When normalised, Then case, diacritics, punctuation, spacing and possessives are folded as documented.</summary>
public class SpeakerNormalizeTests
{
    [Theory]
    [InlineData("Lukašenka\u2019s", "lukasenka")]
    [InlineData("  Tony   Blair  ", "tony blair")]
    [InlineData("Jean-Claude Juncker", "jean claude juncker")]
    [InlineData("O'Neil's", "oneil")]
    [InlineData("O\u2019Neil", "oneil")]
    [InlineData("Dr. J. R. R. Tolkien,", "dr j r r tolkien")]
    [InlineData("Jose\u0301 Gonza\u0301lez", "jose gonzalez")]      // combining acute accents dropped
    [InlineData("ÆTHELRED_the  unready", "athelred the unready")]       // the fold table maps Æ to a
    [InlineData("'s", "")]
    [InlineData("Ann's's", "anns")]
    [InlineData("", "")]
    [InlineData("- . -", "")]
    public void Normalize_folds_as_documented(string name, string expected) => Assert.Equal(expected, SpeakerIndex.Normalize(name));

    [Fact]
    public void A_name_longer_than_the_stack_buffer_is_normalised_whole()
    {
        var longName = string.Concat(Enumerable.Repeat("Ábc De ", 60)); // 420 characters
        Assert.Equal(string.Join(" ", Enumerable.Repeat("abc de", 60)), SpeakerIndex.Normalize(longName));
    }
}
