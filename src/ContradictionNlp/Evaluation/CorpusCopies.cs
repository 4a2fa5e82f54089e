using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;

namespace ContradictionNlp.Evaluation;

/// <summary>How <see cref="CorpusCopies"/> treats the names in a copy's text.</summary>
public enum CopyNames
{
    /// <summary>
    /// Each copy (other than the corpus itself) renames the corpus's proper names its own way, so a store of many
    /// copies holds many different people and organisations, as a larger archive of distinct stories would.
    /// </summary>
    Altered,
    /// <summary>
    /// As <see cref="Altered"/>, and also renames the capitalised words of multi-word names whose lower-case form is
    /// common ("Home Office", "Financial Times", "European Union", "Mr Cable"), which <see cref="Altered"/> keeps: their
    /// speakers then recur in every copy (see <see cref="CorpusCopies"/>). Added in round 8 (GROWTH6) as a separate mode,
    /// so figures made with <see cref="Altered"/> stay comparable.
    /// </summary>
    AlteredPhrases,
    /// <summary>
    /// Copies keep the text verbatim: every copy quotes the same speakers again. The worst case (an archive
    /// quoting the same people saying the same things again and again): each new claim finds up to
    /// <see cref="Pairing.PairingOptions.MaxCandidatesPerClaim"/> stored copies of related quotes.
    /// </summary>
    Verbatim,
}

/// <summary>
/// Distinct articles made by cycling a corpus, for stores larger than the corpus (<c>cnlp bench growth</c>).
/// Copy k of round r of an article gets its own id (content hash of a tag and the text), origin
/// (<c>origin#r{r}c{k}</c>), title (<c>title [r{r}c{k}]</c>) and date (the article's date, or 2005-01-01 when
/// undated, plus k + 1000 r days). With <see cref="CopyNames.Altered"/>, every copy except round 0 copy 0 (the
/// corpus as it is) also renames the corpus's names in the text and title, see <see cref="Alter"/>.
/// Deterministic: the same corpus, index and round give the same article.
/// </summary>
/// <remarks>
/// What counts as a name: a word (a run of two or more letters) written with a capital first letter that, over the
/// whole corpus, stands capitalised inside a sentence more often than its lower-case form occurs, or whose lower-case
/// form never occurs ("Hewitt", "Bush", "Labour", "GMTV"; not "The" or "Government", which are mostly written in lower
/// case); every occurrence of such a word is renamed, at the start of a sentence too, so a person keeps one name
/// within a copy. Except the words the claim extractor reads as titles, roles, nationalities and source
/// nouns (<see cref="MentionLexicon"/>: "Secretary", "British", "Democrats"), honorifics ("Mr", "Ms"), months and
/// weekdays, and "I". Those keep their meaning in every copy, so mentions are found and split as in the corpus.
/// A renamed word keeps its length, its case pattern and its place, so tokens, sentences, spans, word counts and
/// claim counts stay those of the corpus: only who is named changes.
/// <para>
/// With <see cref="CopyNames.AlteredPhrases"/> a word also counts as a name when, somewhere in the corpus, it stands
/// capitalised inside a sentence next to another capitalised word, one space apart (before or after a name word, an
/// honorific or any other capitalised word: "the Home Office", "the Financial Times", "Mr Cable"; a word at a sentence's
/// start is not inside it, so "Home" of "Home Office said" counts only from its other uses) and its lower-case form is not a function word
/// (written in lower case at most <see cref="PhraseLowerCaseRatio"/> times as often as capitalised inside a sentence:
/// not "The" or "And"). Such words ("Office", "Times", "Cable") are common in lower case, which is why the word rule
/// keeps them, but an organisation or a "Mr X" quoted in one story then speaks in every copy. They are renamed as the
/// other names are: every capitalised occurrence, by the same letter substitution, so the renaming stays consistent
/// within a copy (the lower-case "cable" of a tech story is kept). The exceptions above (titles, roles, source nouns,
/// nationalities, honorifics...) still hold, and the words that make a mention an organisation
/// (<see cref="MentionLexicon.OrgWords"/>: "Times", "Office", "Union") are kept as well, so "the Financial Times" becomes
/// another organisation's name, not a person's. Names made only of kept words ("European Union") still recur in every copy.
/// </para>
/// </remarks>
public sealed class CorpusCopies
{
    private static readonly HashSet<string> KeptNames = new(StringComparer.Ordinal)
    {
        "i", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "messrs",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private readonly IReadOnlyList<Article> _corpus;
    // Per corpus article: where its names are in the text and in the title (start, length), in order.
    private readonly (int Start, int Length)[][] _textNames;
    private readonly (int Start, int Length)[][] _titleNames;

    public CorpusCopies(IReadOnlyList<Article> corpus, CopyNames names = CopyNames.Altered)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _corpus = corpus;
        Names = names;
        if (names == CopyNames.Verbatim)
        {
            _textNames = _titleNames = [];
            return;
        }
        var nameWords = FindNames(corpus.SelectMany(a => new[] { a.Title, a.Text }), phrases: names == CopyNames.AlteredPhrases);
        NameCount = nameWords.Count;
        _textNames = corpus.Select(a => Locate(a.Text, nameWords)).ToArray();
        _titleNames = corpus.Select(a => Locate(a.Title, nameWords)).ToArray();
    }

    public CopyNames Names { get; }

    /// <summary>Distinct words taken as names (0 with <see cref="CopyNames.Verbatim"/>).</summary>
    public int NameCount { get; }

    /// <summary>Article <paramref name="index"/> of round <paramref name="round"/>: the corpus cycled, copy index / corpus size.</summary>
    public Article Copy(int index, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (_corpus.Count == 0) throw new InvalidOperationException("The corpus has no articles to copy.");
        int at = index % _corpus.Count;
        int copy = index / _corpus.Count;
        var a = _corpus[at];
        var tag = $"r{round}c{copy}";
        string text = a.Text, title = a.Title;
        if (Names != CopyNames.Verbatim && (round, copy) != (0, 0))
        {
            var cipher = new NameCipher(round, copy);
            text = cipher.Apply(text, _textNames[at]);
            title = cipher.Apply(title, _titleNames[at]);
        }
        return a with
        {
            // The id is the content hash in real use; here the same text may be stored many times, so hash it with the tag.
            Id = Article.ComputeId(tag + "\n" + text),
            Title = $"{title} [{tag}]",
            Text = text,
            Origin = $"{a.Origin}#{tag}",
            Date = (a.Date ?? new DateOnly(2005, 1, 1)).AddDays(copy + 1000 * round),
        };
    }

    /// <summary>Articles 0 .. <paramref name="count"/> - 1 of <paramref name="round"/>, made one at a time as enumerated.</summary>
    public IEnumerable<Article> Take(int count, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0 && _corpus.Count == 0) throw new ArgumentException("The corpus has no articles to copy.");
        return Enumerate();

        IEnumerable<Article> Enumerate()
        {
            for (int i = 0; i < count; i++) yield return Copy(i, round);
        }
    }

    /// <summary>
    /// <paramref name="word"/> as copy <paramref name="copy"/> of round <paramref name="round"/> writes it: each ASCII letter
    /// replaced by one of its own kind (vowel for vowel; l, m, n, r among themselves; b c d g k p t among themselves;
    /// f h s v z; j q w x y), upper case kept, other characters kept. Each kind is shuffled with no letter left in place,
    /// seeded by (round, copy), so within a copy the renaming is one-to-one (two names never merge) and consistent
    /// (the same person has the same new name in every article of the copy), and every copy differs from the corpus.
    /// </summary>
    public static string Alter(string word, int round, int copy)
    {
        ArgumentNullException.ThrowIfNull(word);
        return new NameCipher(round, copy).Apply(word, [(0, word.Length)]);
    }

    /// <summary>
    /// <see cref="CopyNames.AlteredPhrases"/>: a word capitalised inside a sentence next to another capitalised word is a
    /// name unless its lower-case form is written more than this many times as often as it stands so capitalised.
    /// </summary>
    public const int PhraseLowerCaseRatio = 10;

    /// <summary>The name words of <paramref name="texts"/> (see the class remarks), as written; <paramref name="phrases"/>: also the words of multi-word names.</summary>
    internal static HashSet<string> FindNames(IEnumerable<string> texts, bool phrases = false)
    {
        // Per word as written with a capital: how often it stands inside a sentence; per lower-case form: how often it is written so.
        var capitalisedInside = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        // Words standing capitalised inside a sentence next to another capitalised word ("Home" and "Office" of "the Home Office").
        var inPhrase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            int previousEnd = -1;
            string? previous = null; // the previous word when it was capitalised
            bool previousInside = false;
            foreach (var (start, length) in Words(text))
            {
                var word = text.Substring(start, length);
                bool capitalised = char.IsUpper(word[0]);
                bool inside = false;
                if (capitalised)
                {
                    inside = !StartsSentence(text, start);
                    capitalisedInside[word] = capitalisedInside.GetValueOrDefault(word) + (inside ? 1 : 0);
                    // One space between the two words: "Home Office", not "Office. Home" or "Office, Home".
                    if (phrases && inside && previous is not null && start == previousEnd + 1 && text[previousEnd] == ' ')
                    {
                        inPhrase.Add(word);
                        if (previousInside) inPhrase.Add(previous);
                    }
                }
                else
                {
                    var key = word.ToLowerInvariant();
                    lower[key] = lower.GetValueOrDefault(key) + 1;
                }
                (previousEnd, previous, previousInside) = (start + length, capitalised ? word : null, inside);
            }
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, inside) in capitalisedInside)
        {
            var key = word.ToLowerInvariant();
            if (KeptNames.Contains(key) || MentionLexicon.IsSourceOrTitle(key) || MentionLexicon.Nationalities.Contains(key)) continue;
            int lowerCount = lower.GetValueOrDefault(key);
            if (lowerCount == 0 || inside > lowerCount) names.Add(word);
            // Organisation heads ("Times", "Union") are kept too: the extractor reads "the Financial Times" as an
            // organisation by them, so renaming them would change what kind of speaker a mention is, not only who.
            else if (inPhrase.Contains(word) && lowerCount <= (long)PhraseLowerCaseRatio * inside && !MentionLexicon.OrgWords.Contains(key)) names.Add(word);
        }
        return names;
    }

    /// <summary>
    /// True when the word at <paramref name="start"/> begins the text, a line or a sentence: before it, past spaces,
    /// quotes and brackets, comes nothing, a line break, or . ! ? (so an abbreviation's period counts too: a word
    /// wrongly taken as sentence-initial only loses one vote for being a name).
    /// </summary>
    private static bool StartsSentence(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '"' or '\'' or '(' or '[' or '\u201C' or '\u2018')) i--;
        return i < 0 || text[i] is '\n' or '\r' or '.' or '!' or '?' or ':';
    }

    private static (int Start, int Length)[] Locate(string text, HashSet<string> names) =>
        Words(text).Where(w => names.Contains(text.Substring(w.Start, w.Length))).ToArray();

    /// <summary>Runs of two or more letters (digits, apostrophes, hyphens and periods end a word).</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - start >= 2) yield return (start, i - start);
        }
    }

    /// <summary>One copy's letter substitution (see <see cref="Alter"/>).</summary>
    private readonly struct NameCipher
    {
        private static readonly string[] Kinds = ["aeiou", "lmnr", "bcdgkpt", "fhsvz", "jqwxy"];
        private readonly char[] _map;

        public NameCipher(int round, int copy)
        {
            _map = new char[26];
            for (int c = 0; c < 26; c++) _map[c] = (char)('a' + c);
            // SplitMix64 on (round, copy): our own generator, so copies do not change with the runtime's Random.
            ulong state = ((ulong)(uint)round << 32 | (uint)copy) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
            foreach (var kind in Kinds)
            {
                var shuffled = Derangement(kind, ref state);
                for (int j = 0; j < kind.Length; j++) _map[kind[j] - 'a'] = shuffled[j];
            }
        }

        public string Apply(string text, (int Start, int Length)[] spans)
        {
            if (spans.Length == 0) return text;
            var map = _map;
            return string.Create(text.Length, (text, spans, map), static (dest, s) =>
            {
                s.text.AsSpan().CopyTo(dest);
                foreach (var (start, length) in s.spans)
                    for (int i = start; i < start + length; i++)
                    {
                        char ch = dest[i];
                        if (ch is >= 'a' and <= 'z') dest[i] = s.map[ch - 'a'];
                        else if (ch is >= 'A' and <= 'Z') dest[i] = char.ToUpperInvariant(s.map[ch - 'A']);
                    }
            });
        }

        /// <summary>A shuffle of <paramref name="letters"/> with no letter in its own place (retried until so; a few tries at most).</summary>
        private static char[] Derangement(string letters, ref ulong state)
        {
            var result = letters.ToCharArray();
            while (true)
            {
                for (int i = result.Length - 1; i > 0; i--)
                {
                    int j = (int)(Next(ref state) % (ulong)(i + 1));
                    (result[i], result[j]) = (result[j], result[i]);
                }
                bool fixedPoint = false;
                for (int i = 0; i < result.Length; i++) fixedPoint |= result[i] == letters[i];
                if (!fixedPoint) return result;
            }
        }

        private static ulong Next(ref ulong state)
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
