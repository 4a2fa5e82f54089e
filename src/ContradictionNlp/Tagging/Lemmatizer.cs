using System.Globalization;
using System.Text;

namespace ContradictionNlp.Tagging;

/// <summary>
/// Rule-plus-exception lemmatizer keyed by UPOS. Order: (1) the exception list (irregular forms from
/// WordNet's *.exc files and forms whose EWT training lemma the rules get wrong, e.g. "n't" -> "not",
/// "me" -> "I"); (2) proper nouns, numbers, punctuation keep their form; (3) WordNet-style suffix
/// rules ("-ies" -> "-y", "-ing" -> "", "-ing" -> "-e", undoubled consonant), taking the first candidate
/// that is a known base word of that class, else a default; (4) the lower-cased form.
/// Immutable, thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    public const string FileName = "lemmas.tsv";

    private readonly Dictionary<ulong, string> _exceptions;
    private readonly HashSet<ulong> _bases;
    private readonly List<(string Form, UPos Pos, string Lemma)> _exceptionList;
    private readonly List<(UPos Pos, string Word)> _baseList;

    private Lemmatizer(List<(string Form, UPos Pos, string Lemma)> exceptions, List<(UPos Pos, string Word)> bases)
    {
        _exceptionList = exceptions;
        _baseList = bases;
        _exceptions = new Dictionary<ulong, string>(exceptions.Count);
        foreach (var (f, p, l) in exceptions) _exceptions[Key(f, p)] = l;
        _bases = new HashSet<ulong>(bases.Count);
        foreach (var (p, w) in bases) _bases.Add(Key(w, p));
    }

    public int ExceptionCount => _exceptions.Count;
    public int BaseCount => _bases.Count;

    private static ulong Key(ReadOnlySpan<char> lowerForm, UPos pos) => WordHashes.HashLower(lowerForm) ^ ((ulong)pos + 1) * 0x9E3779B97F4A7C15UL;

    private static UPos RuleClass(UPos pos) => pos == UPos.AUX ? UPos.VERB : pos;

    public string Lemma(ReadOnlySpan<char> form, UPos pos)
    {
        if (_exceptions.TryGetValue(Key(form, pos), out var ex)) return ex;
        if (pos is UPos.PROPN or UPos.NUM or UPos.PUNCT or UPos.SYM or UPos.X) return form.ToString();
        var lower = form.ToString().ToLowerInvariant();
        return RuleClass(pos) switch
        {
            UPos.NOUN => ByRules(lower, UPos.NOUN, NounRules) ?? NounDefault(lower),
            UPos.VERB => ByRules(lower, UPos.VERB, VerbRules) ?? VerbDefault(lower),
            UPos.ADJ => ByRules(lower, UPos.ADJ, AdjRules) ?? lower,
            _ => lower,
        };
    }

    // WordNet's morphological detachment rules (morphy), per class: (suffix, replacement).
    private static readonly (string Suffix, string Replace)[] NounRules =
        [("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("men", "man"), ("s", "")];
    private static readonly (string Suffix, string Replace)[] VerbRules =
        [("ies", "y"), ("ied", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")];
    private static readonly (string Suffix, string Replace)[] AdjRules =
        [("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""), ("est", "e"), ("er", "e")];

    /// <summary>First rule output that is a known base word of the class; with "stopped" -> "stopp" -> "stop" undoubling.</summary>
    private string? ByRules(string lower, UPos cls, (string Suffix, string Replace)[] rules)
    {
        if (_bases.Contains(Key(lower, cls)) && !lower.EndsWith('s') && !lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("ing", StringComparison.Ordinal))
            return lower;
        foreach (var (suffix, replace) in rules)
        {
            if (lower.Length <= suffix.Length + 1 || !lower.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = lower[..^suffix.Length];
            var candidate = stem + replace;
            if (_bases.Contains(Key(candidate, cls))) return candidate;
            if (replace.Length == 0 && stem.Length >= 3 && stem[^1] == stem[^2] && !"aeiousl".Contains(stem[^1]) && _bases.Contains(Key(stem.AsSpan(0, stem.Length - 1), cls)))
                return stem[..^1];
        }
        return _bases.Contains(Key(lower, cls)) ? lower : null;
    }

    private static string NounDefault(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            return w[..^1];
        return w;
    }

    private static string VerbDefault(string w)
    {
        if (w.Length > 4 && w.EndsWith("ied", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return Undouble(w[..^3]);
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) return Undouble(w[..^2]);
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) return w[..^1];
        return w;
    }

    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && !"aeiousl".Contains(stem[^1]) ? stem[..^1] : stem;

    /// <summary>
    /// Builds the lists: WordNet exceptions and base words (when <paramref name="wordnetDirectory"/> is given),
    /// training-lemma base words, then, for every (form, UPOS) of <paramref name="train"/> whose majority gold
    /// lemma the rules miss, an exception. Deterministic (ordinal sorting throughout).
    /// </summary>
    public static Lemmatizer Build(IReadOnlyList<TaggedSentence> train, string? wordnetDirectory)
    {
        var exceptions = new SortedDictionary<(string, UPos), string>();
        var bases = new SortedSet<(UPos, string)>();
        if (wordnetDirectory is not null)
        {
            foreach (var (file, classes) in new[] { ("noun", new[] { UPos.NOUN }), ("verb", new[] { UPos.VERB, UPos.AUX }), ("adj", new[] { UPos.ADJ }), ("adv", new[] { UPos.ADV }) })
            {
                var exc = Path.Combine(wordnetDirectory, file + ".exc");
                if (!File.Exists(exc)) throw new FileNotFoundException($"WordNet exception list not found: {exc} (install Debian's wordnet-base).", exc);
                foreach (var line in File.ReadLines(exc))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length < 2 || parts[0].Contains('_') || parts[1].Contains('_')) continue;
                    foreach (var c in classes) exceptions.TryAdd((parts[0], c), parts[1]);
                }
                var index = Path.Combine(wordnetDirectory, "index." + file);
                if (file == "adv" || !File.Exists(index)) continue;
                foreach (var line in File.ReadLines(index))
                {
                    if (line.Length == 0 || line[0] == ' ') continue; // licence header lines start with spaces
                    var word = line[..line.IndexOf(' ')];
                    if (word.Contains('_') || word.Contains('.')) continue;
                    bases.Add((classes[0], word));
                }
            }
        }
        foreach (var s in train)
            foreach (var w in s.Words)
                if (w.Upos is UPos.NOUN or UPos.VERB or UPos.ADJ && w.Lemma.Length > 0 && w.Lemma != "_" && !w.Lemma.Contains(' ') && w.Lemma.All(char.IsLower))
                    bases.Add((w.Upos, w.Lemma));
        var draft = new Lemmatizer(exceptions.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), bases.Select(b => (b.Item1, b.Item2)).ToList());

        // Majority gold lemma per (lower-cased form, UPOS); ties broken by ordinal order of the lemma.
        var counts = new Dictionary<(string, UPos), Dictionary<string, int>>();
        foreach (var s in train)
            foreach (var w in s.Words)
            {
                if (w.Lemma == "_" || w.Lemma.Length == 0 || w.Form.Contains('\t') || w.Lemma.Contains('\t')) continue;
                var key = (w.Form.ToLowerInvariant(), w.Upos);
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
                c[w.Lemma] = c.GetValueOrDefault(w.Lemma) + 1;
            }
        foreach (var ((form, pos), c) in counts.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2))
        {
            var best = c.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var withoutException = draft.LemmaWithoutException(form, pos);
            // Case matters only where the form's case decides: keep exceptions that the rules would get wrong for the lower-cased form.
            if (withoutException != best || exceptions.ContainsKey((form, pos))) exceptions[(form, pos)] = best;
        }
        return new Lemmatizer(exceptions.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), bases.Select(b => (b.Item1, b.Item2)).ToList());
    }

    private string LemmaWithoutException(string lowerForm, UPos pos)
    {
        var saved = _exceptions.Remove(Key(lowerForm, pos), out var value);
        try { return Lemma(lowerForm, pos); }
        finally { if (saved) _exceptions[Key(lowerForm, pos)] = value!; }
    }

    /// <summary>
    /// Text format, UTF-8, one entry per line, sorted: <c>E TAB form TAB UPOS TAB lemma</c> (exception) and
    /// <c>B TAB UPOS TAB word</c> (known base word); lines starting with '#' are comments.
    /// </summary>
    public void Write(TextWriter w)
    {
        w.Write("# ContradictionNlp lemmatizer lists: E=exception (form, UPOS, lemma), B=known base word (UPOS, word)\n");
        foreach (var (f, p, l) in _exceptionList) w.Write($"E\t{f}\t{UPosNames.Name(p)}\t{l}\n");
        foreach (var (p, b) in _baseList) w.Write($"B\t{UPosNames.Name(p)}\t{b}\n");
    }

    public static Lemmatizer Read(TextReader reader, string origin)
    {
        var exceptions = new List<(string, UPos, string)>();
        var bases = new List<(UPos, string)>();
        var lineNo = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c[0] == "E" && c.Length == 4 && UPosNames.TryParse(c[2], out var ep)) exceptions.Add((c[1], ep, c[3]));
            else if (c[0] == "B" && c.Length == 3 && UPosNames.TryParse(c[1], out var bp)) bases.Add((bp, c[2]));
            else throw new Scoring.ModelFormatException($"{origin}:{lineNo}: expected 'E<TAB>form<TAB>UPOS<TAB>lemma' or 'B<TAB>UPOS<TAB>word'.");
        }
        return new Lemmatizer(exceptions, bases);
    }
}
