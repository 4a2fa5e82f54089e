using System.Globalization;
using System.Text;
using ContradictionNlp.Claims;

namespace ContradictionNlp.Speakers;

/// <summary>
/// Merges speaker mentions into speakers across articles. Loaded with every speaker already stored;
/// <see cref="Resolve"/> returns the existing speaker a mention belongs to (with the new alias and
/// roles added) or a new one. Not thread-safe: the pipeline resolves in order.
/// </summary>
/// <remarks>
/// Matching is on the normalised name (case, diacritics, periods and extra spaces ignored):
/// the same full name is the same speaker; a surname alone matches the one known full name with
/// that surname (when two known people share it, the surname-only speaker is kept apart rather
/// than guessed); a full name whose surname was so far only known alone upgrades that speaker's
/// <see cref="Speaker.Name"/> and keeps its <see cref="Speaker.Id"/>. Ids are slugs of the
/// normalised name ("alexander-lukashenko"), with "-2", "-3" appended on a clash, so the same
/// sequence of mentions always yields the same ids.
/// </remarks>
public sealed class SpeakerIndex
{
    private sealed class Entry(string id, string name)
    {
        public string Id { get; } = id;
        public string Name { get; private set; } = name;
        /// <summary>Normalize(Name), kept so lookups do not normalise every known name again.</summary>
        public string Key { get; private set; } = Normalize(name);
        public int Words => WordCount(Key);
        /// <summary>The last word of a person's name of two words or more; null otherwise (see <see cref="SurnameOf"/>).</summary>
        public string? Surname
        {
            get
            {
                if (!_surnameKnown) (_surname, _surnameKnown) = (SurnameOf(Name, Key), true);
                return _surname;
            }
        }
        // Worked out on first use and kept until a rename: the surname rules read it on every index and unindex.
        private string? _surname;
        private bool _surnameKnown;
        public List<string> Aliases { get; } = [];
        public List<string> Roles { get; } = [];
        // Normalize of each alias and role, parallel to the lists (AddUnique compares them).
        public List<string> AliasKeys { get; } = [];
        public List<string> RoleKeys { get; } = [];
        private Speaker? _snapshot;

        public void Rename(string name)
        {
            Name = name;
            Key = Normalize(name);
            _surnameKnown = false;
            _snapshot = null;
        }

        public void Changed() => _snapshot = null;

        // Immutable record, so one snapshot serves until the entry changes (most mentions change nothing).
        public Speaker Snapshot() => _snapshot ??= new(Id, Name, Aliases.ToArray(), Roles.ToArray());
    }

    private readonly List<Entry> _entries = [];
    // Entries whose name has two words or more, by the last word: what the surname rules look up.
    private readonly Dictionary<string, List<Entry>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    // The ids NewId made: speakers first met in this run (IsNew).
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    // Directory mode (built from an ISpeakerDirectory): stored speakers are "cold" until a mention finds one. Nothing is
    // held per cold speaker: each lookup asks the directory for the speakers having the key (ISpeakerDirectory.WithKey),
    // and a speaker found is read in full once (then it is an Entry like any other, in _loaded). The fields above then
    // hold only speakers loaded or created in this run. The directory shows the store as it is now, rows this run wrote
    // included; those all belong to speakers in _ids (a stored speaker is loaded before the run changes it), so lookups
    // skip them and take a loaded speaker's keys from _loadedKeys: its keys as stored when the run began.
    private readonly ISpeakerDirectory? _directory;
    private readonly Dictionary<long, Entry> _loaded = [];
    // (key, Name or Alias) -> the loaded speaker with the smallest id (code-point order) having it when the run began.
    private readonly Dictionary<(string Key, SpeakerKeyKind Kind), (string Id, Entry Entry)> _loadedKeys = [];
    // StoredByKey's answers: which stored speaker held a key when the run began does not change during the run (the
    // speaker found is loaded, so the entry stays the one), so each key is looked up once. Held for the run, as its new
    // speakers are: memory grows with what the run reads, not with the store.
    private readonly Dictionary<string, Entry?> _storedByKey = new(StringComparer.Ordinal);
    // The directory held no speaker when the index was made (a fresh store: a first run, the bench). Then every speaker it
    // can show later is one this run created (in _ids, skipped by every lookup): the pipeline makes the index after taking
    // the store's writer lock (StoreWriterLock), so no other run adds any. The directory's lookups would all answer "none",
    // so they are not asked (perf only, round 20: on the BBC run into a new store these queries, two per new name key and
    // one per new id, were about half of the resolve stage). A store with any speaker takes the general path.
    private readonly bool _directoryEmpty;

    /// <summary>
    /// An index of <paramref name="known"/>. When it is an <see cref="ISpeakerDirectory"/> (the store's speakers, as the
    /// pipeline passes them), the index reads it on demand: it holds nothing per stored speaker, looks each mention's
    /// keys up in the directory, and reads a speaker in full the first time a mention finds it. Every result is the same
    /// as from the full list (same entries, same precedence, same ids).
    /// </summary>
    public SpeakerIndex(IEnumerable<Speaker> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (known is ISpeakerDirectory directory)
        {
            _directory = directory;
            _directoryEmpty = !directory.Handles().Any();
            return;
        }
        foreach (var s in known)
        {
            if (!_ids.Add(s.Id)) throw new ArgumentException($"Duplicate speaker id '{s.Id}' in the known speakers.", nameof(known));
            var e = new Entry(s.Id, s.Name);
            foreach (var a in s.Aliases) AddUnique(e.Aliases, e.AliasKeys, a);
            foreach (var r in s.Roles) AddUnique(e.Roles, e.RoleKeys, r);
            _entries.Add(e);
            IndexSurname(e);
            _byKey.TryAdd(Normalize(s.Name), e);
        }
        // Resolve keys every name it resolved ("Smith" -> Jane Smith), not only the
        // speaker's name. Those names are stored as aliases: without them a later run resolved
        // such a mention to a new speaker, so a resumed or split run differed from one clean run.
        // After all names, so an alias never shadows another speaker's own name.
        // A list of speakers does not say which aliases were resolved names and which came from a mention's text, so
        // here every alias is a key; the store's directory (what the pipeline uses) keys only the resolved names, as
        // Resolve does (SPEAK10).
        foreach (var e in _entries)
            foreach (var a in e.Aliases) _byKey.TryAdd(Normalize(a), e);
    }

    /// <summary>
    /// The lookup keys of a speaker named <paramref name="name"/>, as a store keeps them for <see cref="ISpeakerDirectory.WithKey"/>:
    /// the normalised name, and its last word as the surname when it has two words or more.
    /// </summary>
    public static IEnumerable<(string Key, SpeakerKeyKind Kind)> NameKeys(string name)
    {
        var key = Normalize(name);
        yield return (key, SpeakerKeyKind.Name);
        if (SurnameOf(name, key) is { } surname) yield return (surname, SpeakerKeyKind.Surname);
    }

    /// <summary>The lookup key of an alias; null for an empty alias (the index ignores those).</summary>
    public static string? AliasKey(string alias) => alias.Length == 0 ? null : Normalize(alias);

    /// <summary>The first stored speaker (by id) with this key that this run has not loaded or created.</summary>
    private (long Handle, string Id)? FirstCold(string key, SpeakerKeyKind kind)
    {
        if (_directoryEmpty) return null;
        foreach (var (handle, id) in _directory!.WithKey(key, kind))
            if (!_ids.Contains(id)) return (handle, id);
        return null;
    }

    /// <summary>The cold speakers with this surname (two words or more) not loaded yet, at most two (all that <see cref="Find"/> needs to know); the loaded ones are in <see cref="_bySurname"/>.</summary>
    private List<long> ColdWithSurname(string surname)
    {
        var found = new List<long>(2);
        if (_directory is null || _directoryEmpty) return found;
        foreach (var (handle, id) in _directory.WithKey(surname, SpeakerKeyKind.Surname))
        {
            if (_ids.Contains(id)) continue;
            found.Add(handle);
            if (found.Count == 2) break; // a common surname's further holders change nothing
        }
        return found;
    }

    /// <summary>Cold speaker <paramref name="handle"/> as an entry, read from the directory the first time (as the list constructor builds it).</summary>
    private Entry Load(long handle)
    {
        if (_loaded.TryGetValue(handle, out var e)) return e;
        var s = _directory!.Load(handle);
        e = ToEntry(s);
        _loaded[handle] = e;
        _ids.Add(e.Id);
        IndexSurname(e);
        // Its keys as stored (the directory's rows for it may change from now on, and are skipped).
        LoadedKey(Normalize(s.Name), SpeakerKeyKind.Name, e);
        // Only the aliases the directory keys (the names mentions were resolved by): an alias from a mention's text is no
        // key in the run that added it, so it must be none after a restart either (SPEAK10).
        foreach (var a in s.Aliases)
            if (AliasKey(a) is { } key && HasAliasKey(key, e.Id)) LoadedKey(key, SpeakerKeyKind.Alias, e);
        return e;
    }

    private bool HasAliasKey(string key, string id)
    {
        foreach (var (_, holder) in _directory!.WithKey(key, SpeakerKeyKind.Alias))
            if (holder == id) return true;
        return false;
    }

    private void LoadedKey(string key, SpeakerKeyKind kind, Entry e)
    {
        if (!_loadedKeys.TryGetValue((key, kind), out var held) || CompareCodePoints(e.Id, held.Id) < 0)
            _loadedKeys[(key, kind)] = (e.Id, e);
    }

    /// <summary>
    /// Ordinal order of Unicode code points, which is SQLite's BINARY order of UTF-8 text (the order of the directory's
    /// ids). UTF-16 ordinal order differs only when a surrogate meets a unit from U+E000 up: surrogates then sort last.
    /// </summary>
    internal static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            int x = a[i], y = b[i];
            if (x == y) continue;
            if (x >= 0xD800 && y >= 0xD800)
            {
                x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
                y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
            }
            return x - y;
        }
        return a.Length - b.Length;
    }

    private static Entry ToEntry(Speaker s)
    {
        var e = new Entry(s.Id, s.Name);
        foreach (var a in s.Aliases) AddUnique(e.Aliases, e.AliasKeys, a);
        foreach (var r in s.Roles) AddUnique(e.Roles, e.RoleKeys, r);
        return e;
    }

    /// <summary>
    /// The stored speaker holding a key when the run began, as the list constructor ranks them: names before aliases,
    /// then the smallest id. The cold candidate comes from the directory, the loaded one from <see cref="_loadedKeys"/>.
    /// </summary>
    private Entry? StoredByKey(string key)
    {
        if (_storedByKey.TryGetValue(key, out var known)) return known;
        return _storedByKey[key] = LookUpStored(key);
    }

    private Entry? LookUpStored(string key)
    {
        foreach (var kind in (ReadOnlySpan<SpeakerKeyKind>)[SpeakerKeyKind.Name, SpeakerKeyKind.Alias])
        {
            var cold = FirstCold(key, kind);
            bool loaded = _loadedKeys.TryGetValue((key, kind), out var held);
            if (cold is { } c && (!loaded || CompareCodePoints(c.Id, held.Id) < 0)) return Load(c.Handle);
            if (loaded) return held.Entry;
        }
        return null;
    }

    /// <summary>The entry a key names: the stored speakers' keys first (they were added first), then those added in this run.</summary>
    private Entry? ByKey(string key)
    {
        if (_directory is not null && !_directoryEmpty && StoredByKey(key) is { } stored) return stored;
        return _byKey.TryGetValue(key, out var e) ? e : null;
    }

    /// <summary>As <c>_byKey.TryAdd</c> over all keys: a key a stored speaker held when the run began is taken.</summary>
    private void AddKey(string key, Entry e)
    {
        if (_directory is null || _directoryEmpty || StoredByKey(key) is null) _byKey.TryAdd(key, e);
    }

    /// <summary>Null when the mention is unresolved (a pronoun with no antecedent).</summary>
    public Speaker? Resolve(SpeakerMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (!mention.IsResolved) return null;
        var key = Normalize(mention.Name);
        if (key.Length == 0) return null;

        var entry = Find(key, mention.Name);
        if (entry is null)
        {
            entry = new Entry(NewId(key), mention.Name.Trim());
            _entries.Add(entry);
            IndexSurname(entry);
        }
        else if (WordCount(key) > entry.Words)
        {
            UnindexSurname(entry);
            entry.Rename(mention.Name.Trim());                  // a fuller name upgrades a surname-only speaker
            IndexSurname(entry);
        }
        AddKey(key, entry);

        bool changed = AddUnique(entry.Aliases, entry.AliasKeys, mention.Name.Trim());
        if (mention.Kind == MentionKind.Name) changed |= AddUnique(entry.Aliases, entry.AliasKeys, mention.Text.Trim());
        foreach (var role in mention.Roles) changed |= AddUnique(entry.Roles, entry.RoleKeys, role);
        if (changed) entry.Changed();
        return entry.Snapshot();
    }

    private void IndexSurname(Entry e)
    {
        if (e.Surname is not { } surname) return;
        if (!_bySurname.TryGetValue(surname, out var list)) _bySurname[surname] = list = [];
        list.Add(e);
    }

    private void UnindexSurname(Entry e)
    {
        if (e.Surname is { } surname && _bySurname.TryGetValue(surname, out var list)) list.Remove(e);
    }

    /// <summary>Every speaker: the stored ones in their order (in directory mode, those not found in this run are read now), then the new ones.</summary>
    public IReadOnlyList<Speaker> All =>
        (_directory is null
            ? _entries
            : StoredEntries().Concat(_entries))
        .Select(e => e.Snapshot()).ToArray();

    /// <summary>The speakers stored when the run began, in id order: loaded ones as this run changed them, the rest read now (those this run created are skipped: they follow).</summary>
    private IEnumerable<Entry> StoredEntries()
    {
        foreach (var handle in _directory!.Handles().ToList())
        {
            if (_loaded.TryGetValue(handle, out var e)) { yield return e; continue; }
            var s = _directory.Load(handle);
            if (!_ids.Contains(s.Id)) yield return ToEntry(s);
        }
    }

    private Entry? Find(string key, string name)
    {
        var exact = ByKey(key);
        if (exact is not null) return exact;
        var words = key.Split(' ');
        var surname = words[^1];
        // "Tories" is a group, not the surname of "South Downs Tories": the surname rules are for people's names.
        if (MentionLexicon.GroupPlurals.Contains(surname)) return null;
        // Nor is "Office" the Cabinet Office's, nor "England" the Bank of England's (round 27): a name without a surname
        // (SurnameOf) neither takes a bare word's speaker nor is taken by it. A store written before round 27 still
        // holds such names' last words as surname keys, so a stored speaker found by one is checked below.
        if (words.Length == 1 ? !CanBeSurname(name.Trim(), surname) : SurnameOf(name, key) is null) return null;
        _bySurname.TryGetValue(surname, out var withSurname);
        if (words.Length == 1)
        {
            // Surname alone: the one known full name ending with it.
            Entry? only = null;
            foreach (var e in withSurname ?? [])
            {
                if (only is not null && only != e) return null;
                only = e;
            }
            // Stored speakers not loaded yet are none of the entries above.
            var cold = ColdWithSurname(surname);
            if (cold.Count == 0) return only;
            if (only is not null || cold.Count > 1) return null;
            var stored = Load(cold[0]);
            return stored.Surname == surname ? stored : null;
        }
        // Full name: upgrade a speaker so far known by the surname alone, unless another full name
        // with that surname exists (then the bare surname is ambiguous and stays separate).
        if (ByKey(surname) is { Words: 1 } bare)
        {
            foreach (var e in withSurname ?? [])
                if (e != bare) return null;
            if (ColdWithSurname(surname).Count > 0) return null;
            return bare;
        }
        return null;
    }

    private string NewId(string key)
    {
        var slug = Slug(key);
        var id = slug;
        for (int n = 2; _ids.Contains(id) || (_directory is not null && !_directoryEmpty && _directory.IdExists(id)); n++) id = $"{slug}-{n}";
        _ids.Add(id);
        _created.Add(id);
        return id;
    }

    /// <summary>
    /// True when <paramref name="id"/> is a speaker this index made up (no known or stored speaker matched): its id is
    /// one no stored speaker had when it was made, so the store held none of its claims then.
    /// </summary>
    public bool IsNew(string id) => _created.Contains(id);

    /// <summary>
    /// The surname of a name (<paramref name="key"/>: its <see cref="Normalize"/>d form): its last word, when the name has
    /// two words or more and reads as a person's ("Tony Blair" gives "blair"). Round 27: null for
    /// <list type="bullet">
    /// <item>an organisation's name joined by "of", "for", "and" or "the" ("Bank of England", "Office for National
    /// Statistics") or ending in an organisation noun (<see cref="MentionLexicon.OrgHeads"/>: "Cabinet Office");</item>
    /// <item>a name whose first or last word is written in capitals ("BBC Wales", "Fox TV", "Male MPs") or is a place
    /// ("Air India", "Athletics Ireland", "Japan Airlines"; not after an honorific: "Mr Houston"), or that starts in lower
    /// case ("news agency Reuters").</item>
    /// </list>
    /// Their last word names no one alone: on bbc-news "France" was filed under Elizabeth France, "Wales" under BBC Wales
    /// and "MPs" under "Male MPs".
    /// </summary>
    internal static string? SurnameOf(string name, string key)
    {
        int last = key.LastIndexOf(' ');
        if (last < 0) return null;
        var surname = key[(last + 1)..];
        if (!CanBeSurname(null, surname)) return null;
        foreach (var word in key.AsSpan(0, last).Split(' '))
            if (key.AsSpan(word) is "of" or "for" or "and" or "the") return null;
        var written = name.AsSpan().Trim();
        int firstSpace = written.IndexOf(' '), lastSpace = written.LastIndexOf(' ');
        if (written.Length == 0 || char.IsLower(written[0])) return null;
        if (IsAcronym(firstSpace < 0 ? written : written[..firstSpace]) || IsAcronym(written[(lastSpace + 1)..])) return null;
        var first = key[..key.IndexOf(' ')];
        // "Mr Houston" (a name led by a title) is a person whose surname is also a place; "Elizabeth France" keeps no
        // surname key, since a bare "France" is far more often the country than her.
        if (MentionLexicon.Titles.Contains(first)) return surname;
        return MentionLexicon.Places.Contains(first) || MentionLexicon.Places.Contains(surname) ? null : surname;
    }

    /// <summary>
    /// Whether a bare word (<paramref name="name"/> as written, when known; <paramref name="lower"/> normalised) can be a
    /// surname at all: not an organisation noun ("Office"), a party member ("Democrat") or an acronym ("UK", "MPs"). A
    /// place ("France", "Wales") is decided by the full name (<see cref="SurnameOf"/>: "Mr Houston" keeps his).
    /// </summary>
    private static bool CanBeSurname(string? name, string lower) =>
        !MentionLexicon.OrgHeads.Contains(lower) && !MentionLexicon.PartyMembers.Contains(lower) && !(name is not null && IsAcronym(name.AsSpan()));

    /// <summary>
    /// Two or three capital letters and nothing else but a plural "s": "BBC", "TV", "MPs"; not "Mr", "W", "McDonald".
    /// Not longer: transcripts write speakers' surnames in capitals ("PENCE", "TAPPER", "HOLT"), which must still
    /// find "Mike Pence".
    /// </summary>
    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        var w = word.Length > 2 && word[^1] == 's' ? word[..^1] : word;
        if (w.Length is < 2 or > 3) return false;
        foreach (var c in w)
            if (!char.IsUpper(c)) return false;
        return true;
    }

    private static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;

    /// <summary>Adds <paramref name="value"/> unless empty or already there (same normalised form and same letters ignoring case); true when added.</summary>
    private static bool AddUnique(List<string> list, List<string> keys, string value)
    {
        if (value.Length == 0) return false;
        var key = Normalize(value);
        for (int i = 0; i < list.Count; i++)
            if (string.Equals(keys[i], key, StringComparison.Ordinal) && string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase)) return false;
        list.Add(value);
        keys.Add(key);
        return true;
    }

    private const string FoldFrom = "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D9\u00DA\u00DB\u00DC\u00DD\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F9\u00FA\u00FB\u00FC\u00FD\u00FF\u0100\u0101\u0102\u0103\u0104\u0105\u0106\u0107\u0108\u0109\u010A\u010B\u010C\u010D\u010E\u010F\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011A\u011B\u011C\u011D\u011E\u011F\u0120\u0121\u0122\u0123\u0124\u0125\u0128\u0129\u012A\u012B\u012C\u012D\u012E\u012F\u0130\u0134\u0135\u0136\u0137\u0139\u013A\u013B\u013C\u013D\u013E\u0143\u0144\u0145\u0146\u0147\u0148\u014C\u014D\u014E\u014F\u0150\u0151\u0154\u0155\u0156\u0157\u0158\u0159\u015A\u015B\u015C\u015D\u015E\u015F\u0160\u0161\u0162\u0163\u0164\u0165\u0168\u0169\u016A\u016B\u016C\u016D\u016E\u016F\u0170\u0171\u0172\u0173\u0174\u0175\u0176\u0177\u0178\u0179\u017A\u017B\u017C\u017D\u017E\u01A0\u01A1\u01AF\u01B0\u01CD\u01CE\u01CF\u01D0\u01D1\u01D2\u01D3\u01D4\u01D5\u01D6\u01D7\u01D8\u01D9\u01DA\u01DB\u01DC\u01DE\u01DF\u01E0\u01E1\u01E6\u01E7\u01E8\u01E9\u01EA\u01EB\u01EC\u01ED\u01F0\u01F4\u01F5\u01F8\u01F9\u01FA\u01FB\u0200\u0201\u0202\u0203\u0204\u0205\u0206\u0207\u0208\u0209\u020A\u020B\u020C\u020D\u020E\u020F\u0210\u0211\u0212\u0213\u0214\u0215\u0216\u0217\u0218\u0219\u021A\u021B\u021E\u021F\u0226\u0227\u0228\u0229\u022A\u022B\u022C\u022D\u022E\u022F\u0230\u0231\u0232\u0233\u1E00\u1E01\u1E02\u1E03\u1E04\u1E05\u1E06\u1E07\u1E08\u1E09\u1E0A\u1E0B\u1E0C\u1E0D\u1E0E\u1E0F\u1E10\u1E11\u1E12\u1E13\u1E14\u1E15\u1E16\u1E17\u1E18\u1E19\u1E1A\u1E1B\u1E1C\u1E1D\u1E1E\u1E1F\u1E20\u1E21\u1E22\u1E23\u1E24\u1E25\u1E26\u1E27\u1E28\u1E29\u1E2A\u1E2B\u1E2C\u1E2D\u1E2E\u1E2F\u1E30\u1E31\u1E32\u1E33\u1E34\u1E35\u1E36\u1E37\u1E38\u1E39\u1E3A\u1E3B\u1E3C\u1E3D\u1E3E\u1E3F\u1E40\u1E41\u1E42\u1E43\u1E44\u1E45\u1E46\u1E47\u1E48\u1E49\u1E4A\u1E4B\u1E4C\u1E4D\u1E4E\u1E4F\u1E50\u1E51\u1E52\u1E53\u1E54\u1E55\u1E56\u1E57\u1E58\u1E59\u1E5A\u1E5B\u1E5C\u1E5D\u1E5E\u1E5F\u1E60\u1E61\u1E62\u1E63\u1E64\u1E65\u1E66\u1E67\u1E68\u1E69\u1E6A\u1E6B\u1E6C\u1E6D\u1E6E\u1E6F\u1E70\u1E71\u1E72\u1E73\u1E74\u1E75\u1E76\u1E77\u1E78\u1E79\u1E7A\u1E7B\u1E7C\u1E7D\u1E7E\u1E7F\u1E80\u1E81\u1E82\u1E83\u1E84\u1E85\u1E86\u1E87\u1E88\u1E89\u1E8A\u1E8B\u1E8C\u1E8D\u1E8E\u1E8F\u1E90\u1E91\u1E92\u1E93\u1E94\u1E95\u1E96\u1E97\u1E98\u1E99\u1EA0\u1EA1\u1EA2\u1EA3\u1EA4\u1EA5\u1EA6\u1EA7\u1EA8\u1EA9\u1EAA\u1EAB\u1EAC\u1EAD\u1EAE\u1EAF\u1EB0\u1EB1\u1EB2\u1EB3\u1EB4\u1EB5\u1EB6\u1EB7\u1EB8\u1EB9\u1EBA\u1EBB\u1EBC\u1EBD\u1EBE\u1EBF\u1EC0\u1EC1\u1EC2\u1EC3\u1EC4\u1EC5\u1EC6\u1EC7\u1EC8\u1EC9\u1ECA\u1ECB\u1ECC\u1ECD\u1ECE\u1ECF\u1ED0\u1ED1\u1ED2\u1ED3\u1ED4\u1ED5\u1ED6\u1ED7\u1ED8\u1ED9\u1EDA\u1EDB\u1EDC\u1EDD\u1EDE\u1EDF\u1EE0\u1EE1\u1EE2\u1EE3\u1EE4\u1EE5\u1EE6\u1EE7\u1EE8\u1EE9\u1EEA\u1EEB\u1EEC\u1EED\u1EEE\u1EEF\u1EF0\u1EF1\u1EF2\u1EF3\u1EF4\u1EF5\u1EF6\u1EF7\u1EF8\u1EF9\u00DF\u00F8\u00D8\u0111\u0110\u0142\u0141\u00E6\u00C6\u0153\u0152\u0131\u00FE\u00F0";
    private const string FoldTo = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyysooddllaaooitd";

    // FoldFrom[i] -> FoldTo[i] as a table over all UTF-16 units ('\0': not folded); the first occurrence wins, as
    // FoldFrom.IndexOf did (a 600-character scan per character, most of the time of indexing a large store's speakers).
    private static readonly char[] FoldMap = BuildFoldMap();

    private static char[] BuildFoldMap()
    {
        var map = new char[char.MaxValue + 1];
        for (int i = FoldFrom.Length - 1; i >= 0; i--) map[FoldFrom[i]] = FoldTo[i];
        return map;
    }

    /// <summary>Lower case, diacritics removed, periods and possessive endings dropped, whitespace collapsed: "Lukašenka’s" -> "lukasenka".</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // The project runs with InvariantGlobalization, where string.Normalize cannot decompose, so
        // Latin letters with diacritics are folded by our own table (generated once from Unicode data).
        // Built in a buffer, one string allocated at the end: indexing a large store normalises every stored name
        // and alias. The output is never longer than the input (a space is written only for a run of spaces read).
        Span<char> buffer = name.Length <= 256 ? stackalloc char[256] : new char[name.Length];
        int n = 0;
        bool space = false;
        foreach (var raw in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark) continue;
            char folded = FoldMap[raw];
            var ch = folded != '\0' ? folded : raw;
            if (char.IsWhiteSpace(ch) || ch is '-' or '_') { space = n > 0; continue; }
            if (ch is '.' or ',') continue;
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        ReadOnlySpan<char> s = buffer[..n];
        if (s.EndsWith("'s") || s.EndsWith("\u2019s")) s = s[..^2];
        // Then apostrophes dropped.
        int kept = s.Length - s.Count('\'') - s.Count('\u2019');
        if (kept == s.Length) return new string(s);
        return string.Create(kept, s.ToString(), static (dest, from) =>
        {
            int j = 0;
            foreach (var ch in from)
                if (ch is not ('\'' or '\u2019')) dest[j++] = ch;
        });
    }

    /// <summary>"alexander lukashenko" -> "alexander-lukashenko": letters and digits only, words joined by '-'.</summary>
    private static string Slug(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var ch in key)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "speaker" : slug;
    }
}
