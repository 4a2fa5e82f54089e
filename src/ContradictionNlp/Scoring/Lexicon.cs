using System.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// Word knowledge from WordNet 3.0: antonym pairs ("hot"/"cold", "increase"/"decrease") and the
/// irregular inflections needed to find them ("went" -> "go"). Files (UTF-8, sorted, one entry per line):
/// <c>antonyms.tsv</c> = <c>word1 TAB word2 TAB direct|indirect</c> with word1 &lt; word2 (ordinal);
/// "indirect" pairs link an adjective satellite to its head's antonym ("soaked"/"dry"), per WordNet's
/// own dumbbell model of adjectives. <c>lemmas.tsv</c> = <c>inflected TAB base</c> from WordNet's *.exc lists.
/// Immutable, thread-safe.
/// </summary>
public sealed class Lexicon
{
    public const string AntonymsFile = "antonyms.tsv";
    public const string LemmasFile = "lemmas.tsv";
    public const string TaxonomyFile = "taxonomy.tsv";

    private readonly Dictionary<(string, string), bool> _antonyms; // value: direct
    private readonly HashSet<string> _antonymWords;
    private readonly Dictionary<string, string> _lemmas;
    private readonly Dictionary<string, (HashSet<string> Synonyms, Dictionary<string, int> Hypernyms)> _taxonomy = new(StringComparer.Ordinal);

    public Lexicon(IEnumerable<(string A, string B)> antonyms, IReadOnlyDictionary<string, string> lemmas,
        IEnumerable<(string Word, IEnumerable<string> Synonyms, IEnumerable<(string Word, int Depth)> Hypernyms)>? taxonomy = null)
        : this(antonyms.Select(a => (a.A, a.B, true)), lemmas, taxonomy)
    {
    }

    /// <param name="antonyms">Pairs with Direct = false for WordNet's indirect (satellite) antonyms.</param>
    public Lexicon(IEnumerable<(string A, string B, bool Direct)> antonyms, IReadOnlyDictionary<string, string> lemmas,
        IEnumerable<(string Word, IEnumerable<string> Synonyms, IEnumerable<(string Word, int Depth)> Hypernyms)>? taxonomy = null)
    {
        foreach (var (w, syn, hyp) in taxonomy ?? [])
        {
            var hypers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (h, d) in hyp) hypers.TryAdd(h, d);
            _taxonomy[w] = (syn.ToHashSet(StringComparer.Ordinal), hypers);
        }
        _antonyms = new Dictionary<(string, string), bool>();
        _antonymWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b, direct) in antonyms)
        {
            _antonyms[Order(a, b)] = direct || _antonyms.GetValueOrDefault(Order(a, b));
            _antonymWords.Add(a);
            _antonymWords.Add(b);
        }
        // The same pairs by integer word id, for the resolved-relations path (no string hashing per word pair).
        _antonymIds = new Dictionary<string, int>(_antonymWords.Count, StringComparer.Ordinal);
        _antonymPairIds = new Dictionary<long, bool>(_antonyms.Count);
        foreach (var ((a, b), direct) in _antonyms)
            _antonymPairIds[PairKey(AntonymId(a), AntonymId(b))] = direct;
        _lemmas = new Dictionary<string, string>(lemmas, StringComparer.Ordinal);
        _generalIds = new Lazy<Dictionary<string, int>>(GeneralIds, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static Lexicon Empty { get; } = new(Array.Empty<(string, string)>(), new Dictionary<string, string>());

    public int AntonymPairCount => _antonyms.Count;

    /// <summary>The direct WordNet antonyms of exactly this word form, sorted (used to make synthetic contradictions).</summary>
    public IReadOnlyList<string> DirectAntonymsOf(string word)
    {
        if (!_antonymWords.Contains(word)) return [];
        var list = new List<string>();
        foreach (var ((a, b), direct) in _antonyms)
            if (direct && (a == word || b == word)) list.Add(a == word ? b : a);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>True when some base form of <paramref name="a"/> and of <paramref name="b"/> are WordNet antonyms.</summary>
    public bool AreAntonyms(string a, string b) => Antonymy(a, b) != AntonymKind.None;

    /// <summary>Direct antonyms beat indirect ones when several base forms match.</summary>
    public AntonymKind Antonymy(string a, string b)
    {
        if (a == b) return AntonymKind.None;
        var found = AntonymKind.None;
        var fa = Forms(_baseForms, a, BaseFormsOf);
        var fb = Forms(_baseForms, b, BaseFormsOf);
        // Most word pairs hold no antonym word at all: skip the pairwise loop.
        if (!fa.Any(_antonymWords.Contains) || !fb.Any(_antonymWords.Contains)) return AntonymKind.None;
        foreach (var la in fa)
            foreach (var lb in fb)
                if (la != lb && _antonyms.TryGetValue(Order(la, lb), out var direct))
                {
                    if (direct) return AntonymKind.Direct;
                    found = AntonymKind.Indirect;
                }
        return found;
    }

    /// <summary>
    /// How <paramref name="general"/> relates to <paramref name="specific"/> in WordNet's noun/verb taxonomy
    /// (first senses): 0 = synonym, d &gt; 0 = hypernym d levels up ("dog" -> "animal"), -1 = neither.
    /// </summary>
    public int Generalises(string specific, string general)
    {
        foreach (var s in Forms(_specificForms, specific, SpecificFormsOf))
        {
            if (!_taxonomy.TryGetValue(s, out var t)) continue;
            foreach (var g in Forms(_generalForms, general, GeneralFormsOf))
            {
                if (t.Synonyms.Contains(g)) return 0;
                if (t.Hypernyms.TryGetValue(g, out var d)) return d;
            }
        }
        return -1;
    }

    /// <summary>True when both words have a common hypernym within <paramref name="maxDepth"/> levels and neither generalises the other: different members of one kind ("cat"/"dog").</summary>
    public bool AreCohyponyms(string a, string b, int maxDepth)
    {
        if (Generalises(a, b) >= 0 || Generalises(b, a) >= 0) return false;
        var ta = TaxonomyEntry(a);
        var tb = TaxonomyEntry(b);
        if (ta is null || tb is null) return false;
        foreach (var (h, d) in ta.Value.Hypernyms)
            if (d <= maxDepth && tb.Value.Hypernyms.TryGetValue(h, out var e) && e <= maxDepth) return true;
        return false;
    }

    private (HashSet<string> Synonyms, Dictionary<string, int> Hypernyms)? TaxonomyEntry(string w)
    {
        foreach (var s in Forms(_specificForms, w, SpecificFormsOf))
            if (_taxonomy.TryGetValue(s, out var t)) return t;
        return null;
    }

    // Every suffix-stripped form, unchecked: used only to look up inside one word's hypernym set.
    private static IEnumerable<string> Stripped(string word)
    {
        foreach (var (suffix, repl) in Suffixes)
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
                yield return string.Concat(word.AsSpan(0, word.Length - suffix.Length), repl);
    }

    // Plural/verb suffixes checked against the taxonomy's own words (BaseForms only checks antonym words).
    private IEnumerable<string> TaxonomyBase(string word)
    {
        foreach (var (suffix, repl) in Suffixes)
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var cand = string.Concat(word.AsSpan(0, word.Length - suffix.Length), repl);
                if (_taxonomy.ContainsKey(cand)) yield return cand;
            }
    }

    /// <summary>WordNet's base form of an irregular inflection ("went" -> "go"), or null.</summary>
    public string? Lemma(string word) => _lemmas.GetValueOrDefault(word);

    /// <summary>The word itself, its listed irregular base form, and regular suffix-stripped forms WordNet knows (a small "morphy").</summary>
    public IEnumerable<string> BaseForms(string word) => Forms(_baseForms, word, BaseFormsOf);

    // The forms functions as delegates made once (perf only): a lambda or method group that uses the instance is a
    // new delegate object at every evaluation, and these are evaluated for every word pair the scorer compares.
    private Func<string, IEnumerable<string>> BaseFormsOf => _baseFormsOf ??= BaseFormsCore;
    private Func<string, IEnumerable<string>> SpecificFormsOf => _specificFormsOf ??= w => BaseFormsCore(w).Concat(TaxonomyBase(w));
    private Func<string, IEnumerable<string>> GeneralFormsOf => _generalFormsOf ??= w => BaseFormsCore(w).Concat(Stripped(w));
    private Func<string, IEnumerable<string>>? _baseFormsOf, _specificFormsOf, _generalFormsOf;

    // Word forms are looked up for every word pair of every scored pair; each word's forms are computed once.
    // Bounded by the vocabulary seen; concurrent so a shared Lexicon stays thread-safe.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _baseForms = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _specificForms = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _generalForms = new(StringComparer.Ordinal);

    private static string[] Forms(System.Collections.Concurrent.ConcurrentDictionary<string, string[]> cache, string word, Func<string, IEnumerable<string>> compute) =>
        cache.TryGetValue(word, out var f) ? f : cache.GetOrAdd(word, [.. compute(word)]);

    private IEnumerable<string> BaseFormsCore(string word)
    {
        yield return word;
        if (_lemmas.TryGetValue(word, out var lemma)) yield return lemma;
        foreach (var (suffix, repl) in Suffixes)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var cand = string.Concat(word.AsSpan(0, word.Length - suffix.Length), repl);
                if (_antonymWords.Contains(cand)) yield return cand;
            }
        }
    }

    // WordNet's own detachment rules (nouns, verbs, adjectives), longest first where it matters.
    private static readonly (string, string)[] Suffixes =
    [
        ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
        ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    private static (string, string) Order(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    // Integer ids of the antonym words (perf only): Antonymy(WordRelations, WordRelations) looks pairs up by two ints.
    private readonly Dictionary<string, int> _antonymIds;
    private readonly Dictionary<long, bool> _antonymPairIds; // value: direct, as _antonyms

    private int AntonymId(string word)
    {
        if (!_antonymIds.TryGetValue(word, out var id)) _antonymIds[word] = id = _antonymIds.Count;
        return id;
    }

    /// <summary>One key for an unordered pair of ids (the smaller id in the high half).</summary>
    private static long PairKey(int a, int b) => a <= b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    // Per-word pre-checks (perf only): PairFeaturizer asks them once per word when it prepares a text, and skips
    // the pairwise look-ups they rule out. Each mirrors an early exit above, so skipping changes no result;
    // LexiconPrecheckTests holds them to that. Change them together with Antonymy/Generalises/AreCohyponyms.

    /// <summary>False only when <see cref="Antonymy"/>(<paramref name="word"/>, x) is <see cref="AntonymKind.None"/> for every x.</summary>
    internal bool MayHaveAntonym(string word) => Forms(_baseForms, word, BaseFormsOf).Any(_antonymWords.Contains);

    /// <summary>
    /// False only when <see cref="Generalises"/>(<paramref name="word"/>, x) is -1 for every x, and
    /// <see cref="AreCohyponyms"/> with <paramref name="word"/> on either side is false: the word has no taxonomy entry.
    /// </summary>
    internal bool InTaxonomy(string word) => TaxonomyEntry(word) is not null;

    /// <summary>
    /// One word's forms and taxonomy entries resolved once (perf only): the featurizer compares every content word of
    /// one text with every one of the other, and each string look-up (forms cache, taxonomy) was paid again per word
    /// pair. <see cref="Generalises(WordRelations, WordRelations)"/>, <see cref="AreCohyponyms(WordRelations, WordRelations, int)"/>
    /// and <see cref="Antonymy(WordRelations, WordRelations)"/> give exactly what the string overloads give for the same words.
    /// </summary>
    internal sealed class WordRelations(string word, string[] baseForms, (HashSet<string> Synonyms, Dictionary<string, int> Hypernyms)[] entries,
        string[] generalForms, bool mayHaveAntonym, bool canBeGeneral, EntryIds[] entryIds, int[] generalIds, int[] antonymIds)
    {
        /// <summary>Some general form is a synonym or hypernym in some taxonomy entry; when false, Generalises(x, this word) is -1 for every x.</summary>
        internal bool CanBeGeneral { get; } = canBeGeneral;
        internal string Word { get; } = word;
        /// <summary>Forms(_baseForms): what <see cref="Antonymy(string, string)"/> pairs up.</summary>
        internal string[] BaseForms { get; } = baseForms;
        /// <summary>The taxonomy entry of each specific form that has one, in the forms' order (duplicates kept): the first is TaxonomyEntry.</summary>
        internal (HashSet<string> Synonyms, Dictionary<string, int> Hypernyms)[] Entries { get; } = entries;
        /// <summary>Forms(_generalForms): what a specific word's synonyms and hypernyms are matched against.</summary>
        internal string[] GeneralForms { get; } = generalForms;
        internal bool MayHaveAntonym { get; } = mayHaveAntonym;
        internal bool InTaxonomy => Entries.Length > 0;
        /// <summary><see cref="Entries"/> by general-word id, in the same order.</summary>
        internal EntryIds[] EntryIds { get; } = entryIds;
        /// <summary>
        /// The general-word ids of <see cref="GeneralForms"/> in their order, leaving out the forms that are no synonym or
        /// hypernym anywhere (they never match, so Generalises finds the same first match without them).
        /// </summary>
        internal int[] GeneralIds { get; } = generalIds;
        /// <summary>The antonym-word ids of <see cref="BaseForms"/> in their order, leaving out forms in no antonym pair.</summary>
        internal int[] AntonymIds { get; } = antonymIds;
    }

    /// <summary>
    /// One taxonomy entry with its words as general-word ids (perf only). <see cref="Related"/>: each synonym with 0, each
    /// hypernym with its depth (a word that is both counts as the synonym: Generalises tests synonyms first).
    /// <see cref="HypernymIds"/>/<see cref="HypernymDepths"/>: the hypernyms sorted by id, for a merge walk in ShareHypernym.
    /// </summary>
    internal sealed class EntryIds(Dictionary<int, int> related, int[] hypernymIds, int[] hypernymDepths)
    {
        internal Dictionary<int, int> Related { get; } = related;
        internal int[] HypernymIds { get; } = hypernymIds;
        internal int[] HypernymDepths { get; } = hypernymDepths;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordRelations> _relations = new(StringComparer.Ordinal);

    /// <summary>The resolved relations of <paramref name="word"/>, computed once per word (bounded by the vocabulary seen).</summary>
    internal WordRelations Relations(string word)
    {
        if (_relations.TryGetValue(word, out var r)) return r;
        var ids = _generalIds.Value;
        var entries = new List<(HashSet<string>, Dictionary<string, int>)>();
        var entryIds = new List<EntryIds>();
        // The forms computed here directly, not through the per-word forms caches: this result is itself cached per
        // word, so those caches would only hold a second copy (they serve the string overloads). One pass over the
        // suffix rules: Stripped gives every candidate in rule order; BaseFormsCore keeps those in an antonym pair after
        // the word and its lemma, TaxonomyBase those with a taxonomy entry; specific forms = base forms + those,
        // general forms = base forms + every candidate (as SpecificFormsOf/GeneralFormsOf).
        string[] stripped = [.. Stripped(word)];
        var baseList = new List<string>(2 + stripped.Length) { word };
        if (_lemmas.TryGetValue(word, out var lemma)) baseList.Add(lemma);
        foreach (var c in stripped) if (_antonymWords.Contains(c)) baseList.Add(c);
        string[] baseForms = [.. baseList];
        string[] generalForms = [.. baseForms, .. stripped];
        void AddEntry(string form)
        {
            if (!_taxonomy.TryGetValue(form, out var t)) return;
            entries.Add(t);
            entryIds.Add(EntryIdsOf(t, ids));
        }
        foreach (var b in baseForms) AddEntry(b);
        foreach (var c in stripped) AddEntry(c);
        var generalIds = new List<int>(generalForms.Length);
        foreach (var g in generalForms)
            if (ids.TryGetValue(g, out var id)) generalIds.Add(id);
        var antonymIds = new List<int>(baseForms.Length);
        foreach (var b in baseForms)
            if (_antonymIds.TryGetValue(b, out var id)) antonymIds.Add(id);
        // CanBeGeneral: some general form is a synonym or hypernym somewhere, i.e. has a general-word id.
        // MayHaveAntonym: some base form is in an antonym pair, i.e. has an antonym-word id.
        return _relations.GetOrAdd(word, new WordRelations(word, baseForms, [.. entries], generalForms,
            antonymIds.Count > 0, generalIds.Count > 0, [.. entryIds], [.. generalIds], [.. antonymIds]));
    }

    // One EntryIds per taxonomy entry, shared by every word that reaches it (perf only): an inflection and its base form
    // ("states", "state"), and words whose stripped candidates land on the same entry, resolve to the same entries, and
    // building an entry's id tables (a string look-up per synonym and hypernym) was the largest part of a new word's
    // Relations. Keyed by the entry's synonym set by reference (each entry has its own set, made once in the
    // constructor), so the key is hashed without reading its strings. ToIds is deterministic, so when two threads race
    // either result may be kept.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<HashSet<string>, EntryIds> _entryIds = new(ReferenceEqualityComparer.Instance);

    private EntryIds EntryIdsOf((HashSet<string> Synonyms, Dictionary<string, int> Hypernyms) t, Dictionary<string, int> ids) =>
        _entryIds.TryGetValue(t.Synonyms, out var e) ? e : _entryIds.GetOrAdd(t.Synonyms, ToIds(t, ids));

    private static EntryIds ToIds((HashSet<string> Synonyms, Dictionary<string, int> Hypernyms) t, Dictionary<string, int> ids)
    {
        var related = new Dictionary<int, int>(t.Synonyms.Count + t.Hypernyms.Count);
        foreach (var s in t.Synonyms) related[ids[s]] = 0;
        var hypIds = new int[t.Hypernyms.Count];
        var hypDepths = new int[hypIds.Length];
        var n = 0;
        foreach (var (h, d) in t.Hypernyms)
        {
            var id = ids[h];
            related.TryAdd(id, d);
            (hypIds[n], hypDepths[n]) = (id, d);
            n++;
        }
        // Distinct ids (the hypernyms are a dictionary's keys), so the order is total and the depths follow their ids.
        Array.Sort(hypIds, hypDepths);
        return new EntryIds(related, hypIds, hypDepths);
    }

    /// <summary>
    /// An id for every word that is a synonym or hypernym in some taxonomy entry: all Generalises can ever match a general
    /// form against (a form without an id can be skipped). Ids follow the entries' order, so they are the same every run.
    /// </summary>
    private readonly Lazy<Dictionary<string, int>> _generalIds;

    /// <summary>
    /// Builds the general-form ids now rather than on the first <see cref="Relations"/> call (one pass over the taxonomy,
    /// ~17 ms). Same table either way; a run with worker threads calls this on a thread that would otherwise wait, so
    /// the first scoring tasks do not queue behind one another for it.
    /// </summary>
    internal void Warm() => _ = _generalIds.Value;

    private Dictionary<string, int> GeneralIds()
    {
        // Presized to the entry count (perf only: fewer rehashes while the table grows; the ids depend only on the order
        // of first sight, not on the capacity).
        var ids = new Dictionary<string, int>(_taxonomy.Count, StringComparer.Ordinal);
        foreach (var (synonyms, hypernyms) in _taxonomy.Values)
        {
            foreach (var s in synonyms) ids.TryAdd(s, ids.Count);
            foreach (var h in hypernyms.Keys) ids.TryAdd(h, ids.Count);
        }
        return ids;
    }

    /// <summary>As <see cref="Generalises(string, string)"/> for the two words the relations were resolved for.</summary>
    internal static int Generalises(WordRelations specific, WordRelations general)
    {
        if (!general.CanBeGeneral) return -1; // no form of it is in any synonym set or hypernym list
        // Entries in order, then general forms in order, the first match wins: as the string overload (synonym = 0).
        foreach (var t in specific.EntryIds)
            foreach (var g in general.GeneralIds)
                if (t.Related.TryGetValue(g, out var d)) return d;
        return -1;
    }

    /// <summary>As <see cref="AreCohyponyms(string, string, int)"/> for the two words the relations were resolved for.</summary>
    internal static bool AreCohyponyms(WordRelations a, WordRelations b, int maxDepth)
    {
        if (Generalises(a, b) >= 0 || Generalises(b, a) >= 0) return false;
        return ShareHypernym(a, b, maxDepth);
    }

    /// <summary>
    /// The rest of <see cref="AreCohyponyms(WordRelations, WordRelations, int)"/> once neither word generalises the other:
    /// for a caller that already has both <see cref="Generalises(WordRelations, WordRelations)"/> results.
    /// A merge walk over the two first entries' hypernym ids (sorted): some hypernym of both within maxDepth on each side.
    /// </summary>
    internal static bool ShareHypernym(WordRelations a, WordRelations b, int maxDepth)
    {
        if (a.EntryIds.Length == 0 || b.EntryIds.Length == 0) return false;
        var (ta, tb) = (a.EntryIds[0], b.EntryIds[0]);
        var (ia, ib) = (ta.HypernymIds, tb.HypernymIds);
        int i = 0, j = 0;
        while (i < ia.Length && j < ib.Length)
        {
            if (ia[i] < ib[j]) i++;
            else if (ia[i] > ib[j]) j++;
            else
            {
                if (ta.HypernymDepths[i] <= maxDepth && tb.HypernymDepths[j] <= maxDepth) return true;
                i++;
                j++;
            }
        }
        return false;
    }

    /// <summary>As <see cref="Antonymy(string, string)"/> for the two words the relations were resolved for.</summary>
    internal AntonymKind Antonymy(WordRelations a, WordRelations b)
    {
        if (a.Word == b.Word || !a.MayHaveAntonym || !b.MayHaveAntonym) return AntonymKind.None;
        // Only forms in some antonym pair can match (the id lists keep just those); equal ids are equal forms.
        var found = AntonymKind.None;
        foreach (var la in a.AntonymIds)
            foreach (var lb in b.AntonymIds)
                if (la != lb && _antonymPairIds.TryGetValue(PairKey(la, lb), out var direct))
                {
                    if (direct) return AntonymKind.Direct;
                    found = AntonymKind.Indirect;
                }
        return found;
    }

    public static Lexicon Load(string directory)
    {
        var antonyms = new List<(string, string, bool)>();
        var antPath = Path.Combine(directory, AntonymsFile);
        var n = 0;
        foreach (var line in File.ReadLines(antPath, Encoding.UTF8))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"{antPath}:{n}: expected 3 tab-separated fields (word1, word2, direct|indirect), found {parts.Length}.");
            if (parts[2] is not ("direct" or "indirect")) throw new FormatException($"{antPath}:{n}: third field '{parts[2]}', expected direct or indirect.");
            antonyms.Add((parts[0], parts[1], parts[2] == "direct"));
        }
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        var lemPath = Path.Combine(directory, LemmasFile);
        n = 0;
        foreach (var line in File.ReadLines(lemPath, Encoding.UTF8))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 2) throw new FormatException($"{lemPath}:{n}: expected 2 tab-separated fields (inflected, base), found {parts.Length}.");
            lemmas.TryAdd(parts[0], parts[1]);
        }
        var taxonomy = new List<(string, IEnumerable<string>, IEnumerable<(string, int)>)>();
        var taxPath = Path.Combine(directory, TaxonomyFile);
        n = 0;
        if (File.Exists(taxPath))
            foreach (var line in File.ReadLines(taxPath, Encoding.UTF8))
            {
                n++;
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split('\t');
                if (parts.Length != 3) throw new FormatException($"{taxPath}:{n}: expected 3 tab-separated fields (word, synonyms, depth:hypernym list), found {parts.Length}.");
                var syn = parts[1].Length == 0 ? [] : parts[1].Split(',');
                var hyp = parts[2].Length == 0 ? [] : parts[2].Split(',').Select(x =>
                {
                    var colon = x.IndexOf(':');
                    if (colon < 1 || !int.TryParse(x.AsSpan(0, colon), out var d))
                        throw new FormatException($"{taxPath}:{n}: hypernym '{x}' is not 'depth:word'.");
                    return (x[(colon + 1)..], d);
                }).ToList();
                taxonomy.Add((parts[0], syn, hyp));
            }
        return new Lexicon(antonyms, lemmas, taxonomy);
    }
}

public enum AntonymKind { None, Direct, Indirect }

/// <summary>Derives <see cref="Lexicon"/> files from a WordNet 3.0 database folder (Debian: /usr/share/wordnet).</summary>
public static class WordNetLexiconBuilder
{
    private static readonly string[] Pos = ["noun", "verb", "adj", "adv"];

    /// <summary>Writes antonyms.tsv and lemmas.tsv into <paramref name="outDirectory"/>; returns (antonym pairs, lemma entries).</summary>
    /// <param name="vocabulary">When given, the taxonomy keeps only these words (the vectors' vocabulary: a word we cannot embed is rarely worth its bytes).</param>
    public static (int Antonyms, int Lemmas) Build(string wordnetDirectory, string outDirectory, IReadOnlySet<string>? vocabulary = null)
    {
        // synsets[(file, offset)] = single-word lemmas in order (word number w = index + 1; multiword kept as null).
        var synsets = new Dictionary<(string, long), string?[]>();
        var pointers = new List<(string File, long Offset, char Symbol, string TargetFile, long Target, int Src, int Dst)>();
        foreach (var pos in Pos)
        {
            var path = Path.Combine(wordnetDirectory, "data." + pos);
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: expected a WordNet 3.0 database (apt-get install wordnet-base).", path);
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.StartsWith("  ", StringComparison.Ordinal)) continue; // licence header
                var f = line.Split(' ');
                var offset = long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
                var wCnt = Convert.ToInt32(f[3], 16);
                var words = new string?[wCnt];
                for (var w = 0; w < wCnt; w++)
                {
                    var lemma = f[4 + 2 * w];
                    var paren = lemma.IndexOf('(');
                    if (paren > 0) lemma = lemma[..paren]; // adjective markers: "galore(ip)"
                    // Multiword lemmas never match one token; digit lemmas ("1st") are numbers, handled elsewhere.
                    words[w] = lemma.Contains('_') || lemma.Any(char.IsDigit) ? null : lemma.ToLowerInvariant();
                }
                synsets[(pos, offset)] = words;
                var p = 4 + 2 * wCnt;
                var pCnt = int.Parse(f[p], System.Globalization.CultureInfo.InvariantCulture);
                for (var k = 0; k < pCnt; k++)
                {
                    var sym = f[p + 1 + 4 * k];
                    if (sym != "!" && sym != "&") continue;
                    var target = long.Parse(f[p + 2 + 4 * k], System.Globalization.CultureInfo.InvariantCulture);
                    var tFile = FileOf(f[p + 3 + 4 * k][0]);
                    var st = f[p + 4 + 4 * k];
                    pointers.Add((pos, offset, sym[0], tFile, target, Convert.ToInt32(st[..2], 16), Convert.ToInt32(st[2..], 16)));
                }
            }
        }
        var pairs = new SortedDictionary<(string, string), string>(Comparer<(string, string)>.Create((x, y) =>
        {
            var c = string.CompareOrdinal(x.Item1, y.Item1);
            return c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
        }));
        void Add(string? a, string? b, string kind)
        {
            if (a is null || b is null || a == b) return;
            var key = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            if (!pairs.TryGetValue(key, out var existing) || (existing == "indirect" && kind == "direct")) pairs[key] = kind;
        }
        // Direct antonyms: lexical pointers between two specific words.
        var headAntonyms = new Dictionary<(string, long), List<string?>>();
        foreach (var ptr in pointers.Where(p => p.Symbol == '!'))
        {
            var src = synsets[(ptr.File, ptr.Offset)];
            var dst = synsets[(ptr.TargetFile, ptr.Target)];
            var a = ptr.Src > 0 ? src[ptr.Src - 1] : null;
            var b = ptr.Dst > 0 ? dst[ptr.Dst - 1] : null;
            Add(a, b, "direct");
            if (!headAntonyms.TryGetValue((ptr.File, ptr.Offset), out var list)) headAntonyms[(ptr.File, ptr.Offset)] = list = new();
            list.Add(b);
        }
        // Indirect: every word of an adjective satellite ("similar to" a head) opposes the head's antonyms.
        foreach (var ptr in pointers.Where(p => p.Symbol == '&' && p.File == "adj"))
        {
            if (!headAntonyms.TryGetValue((ptr.TargetFile, ptr.Target), out var opposed)) continue;
            foreach (var w in synsets[(ptr.File, ptr.Offset)])
                foreach (var o in opposed) Add(w, o, "indirect");
        }
        var lemmas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pos in Pos)
        {
            var path = Path.Combine(wordnetDirectory, pos + ".exc");
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 2 || f[0].Contains('_') || f[1].Contains('_')) continue;
                lemmas.TryAdd(f[0], f[1]); // first listed pos wins: noun, verb, adj, adv
            }
        }
        var taxonomy = BuildTaxonomy(wordnetDirectory, vocabulary);
        Directory.CreateDirectory(outDirectory);
        var utf8 = new UTF8Encoding(false);
        File.WriteAllLines(Path.Combine(outDirectory, Lexicon.TaxonomyFile), taxonomy, utf8);
        File.WriteAllLines(Path.Combine(outDirectory, Lexicon.AntonymsFile), pairs.Select(kv => $"{kv.Key.Item1}\t{kv.Key.Item2}\t{kv.Value}"), utf8);
        File.WriteAllLines(Path.Combine(outDirectory, Lexicon.LemmasFile), lemmas.Select(kv => $"{kv.Key}\t{kv.Value}"), utf8);
        return (pairs.Count, lemmas.Count);
    }

    /// <summary>Sense count per word kept; deeper senses are rare and mostly add noise.</summary>
    public const int TaxonomySenses = 2;
    /// <summary>Hypernym levels kept ("poodle" -> "dog" -> "canine" -> "carnivore" -> "placental").</summary>
    public const int TaxonomyDepth = 4;

    /// <summary>Lines "word TAB synonyms TAB depth:hypernym,..." for nouns and verbs, from each word's first senses.</summary>
    private static List<string> BuildTaxonomy(string wordnetDirectory, IReadOnlySet<string>? vocabulary)
    {
        var entries = new SortedDictionary<string, (SortedSet<string> Syn, Dictionary<string, int> Hyp)>(StringComparer.Ordinal);
        foreach (var pos in new[] { "noun", "verb" })
        {
            var words = new Dictionary<long, string[]>();
            var hypers = new Dictionary<long, List<long>>();
            foreach (var line in File.ReadLines(Path.Combine(wordnetDirectory, "data." + pos), Encoding.UTF8))
            {
                if (line.StartsWith("  ", StringComparison.Ordinal)) continue;
                var f = line.Split(' ');
                var offset = long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
                var wCnt = Convert.ToInt32(f[3], 16);
                words[offset] = [.. Enumerable.Range(0, wCnt).Select(w => f[4 + 2 * w].ToLowerInvariant()).Where(w => !w.Contains('_'))];
                var p = 4 + 2 * wCnt;
                var pCnt = int.Parse(f[p], System.Globalization.CultureInfo.InvariantCulture);
                var list = new List<long>();
                for (var k = 0; k < pCnt; k++)
                    if (f[p + 1 + 4 * k] is "@" or "@i") list.Add(long.Parse(f[p + 2 + 4 * k], System.Globalization.CultureInfo.InvariantCulture));
                hypers[offset] = list;
            }
            foreach (var line in File.ReadLines(Path.Combine(wordnetDirectory, "index." + pos), Encoding.UTF8))
            {
                if (line.StartsWith("  ", StringComparison.Ordinal)) continue;
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var lemma = f[0];
                if (lemma.Contains('_') || (vocabulary is not null && !vocabulary.Contains(lemma))) continue;
                var synsetCnt = int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
                var ptrCnt = int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
                var first = 4 + ptrCnt + 2;
                if (!entries.TryGetValue(lemma, out var e)) entries[lemma] = e = (new SortedSet<string>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));
                for (var s = 0; s < Math.Min(TaxonomySenses, synsetCnt); s++)
                {
                    var offset = long.Parse(f[first + s], System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var w in words[offset]) if (w != lemma && (vocabulary is null || vocabulary.Contains(w))) e.Syn.Add(w);
                    // Breadth-first up the hypernym tree, keeping each word's smallest depth.
                    var frontier = new List<long> { offset };
                    for (var d = 1; d <= TaxonomyDepth && frontier.Count > 0; d++)
                    {
                        frontier = frontier.SelectMany(o => hypers[o]).Distinct().ToList();
                        foreach (var o in frontier)
                            foreach (var w in words[o])
                                if (w != lemma && (vocabulary is null || vocabulary.Contains(w)) && !e.Syn.Contains(w))
                                    e.Hyp[w] = Math.Min(d, e.Hyp.GetValueOrDefault(w, int.MaxValue));
                    }
                }
            }
        }
        return [.. entries.Where(kv => kv.Value.Syn.Count + kv.Value.Hyp.Count > 0).Select(kv =>
            $"{kv.Key}\t{string.Join(",", kv.Value.Syn)}\t{string.Join(",", kv.Value.Hyp.OrderBy(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Value}:{h.Key}"))}")];
    }

    private static string FileOf(char pos) => pos switch
    {
        'n' => "noun",
        'v' => "verb",
        'a' or 's' => "adj",
        'r' => "adv",
        _ => throw new FormatException($"Unknown WordNet part of speech '{pos}' (expected n, v, a, s or r)."),
    };
}
