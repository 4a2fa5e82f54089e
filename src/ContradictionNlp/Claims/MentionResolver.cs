using ContradictionNlp.Text;
using L = ContradictionNlp.Claims.MentionLexicon;

namespace ContradictionNlp.Claims;

/// <summary>
/// Resolves speaker mentions within one article. It first scans the article for every name with its
/// titles ("Belarusian leader Alexander Lukashenko"), then:
/// <list type="bullet">
/// <item>a bare surname takes the full name seen anywhere in the article with that surname (the most
/// recent one before it when several people share it), so a later full name upgrades an earlier
/// surname-only mention;</item>
/// <item>"he"/"she" take the most recent person who was the first person named in a sentence
/// (a rough stand-in for "subject"), falling back to the most recent person; gender is used only
/// when a title or an earlier pronoun told us;</item>
/// <item>"they"/"it" take the most recent organisation in the last two sentences;</item>
/// <item>a description ("the Belarusian leader") takes the most recent person described with that
/// role word, else the most recent person sharing one of its other words (e.g. "Belarusian").</item>
/// </list>
/// </summary>
internal sealed class MentionResolver
{
    private sealed record Person(int Position, int Sentence, string Name, List<string> Roles, bool IsPerson, bool IsSubject, char Gender);

    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "while", "although", "though", "if", "when", "because", "as", "since", "after", "before", "unless", "whereas", "once", "until",
    };

    private readonly UnitView _v;
    private readonly List<Person> _people = [];
    private readonly Dictionary<string, char> _gender = new(StringComparer.Ordinal);

    public MentionResolver(UnitView view, MentionParser parser)
    {
        _v = view;
        var u = view.Units;
        // Capitalised words seen somewhere other than a sentence's first word: only these can be a
        // one-word name at a sentence start ("Recent shipments ...", "Chastened by ...", "Climate ..."
        // are capitalised only because they open the sentence).
        var midCaps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a0, b0) in view.SentenceRanges)
            for (int t = a0 + 1; t < b0; t++)
                if (u[t].IsCapitalised) midCaps.Add(u[t].Lower);
        for (int s = 0; s < view.SentenceRanges.Length; s++)
        {
            var (a, b) = view.SentenceRanges[s];
            bool first = true;
            int j = a;
            while (j < b)
            {
                // Names inside quotations are what the speaker talks about, rarely who "he" is next.
                if (view.InsideRegion[j] >= 0) { j++; continue; }
                int end = parser.NameRunEnd(j, b, a);
                if (end == j + 1 && j == a && !midCaps.Contains(u[j].Lower)) { j = end; continue; }
                if (end > j && parser.Classify(j, end) is { Kind: MentionKind.Name } m)
                {
                    // "in Denver", "from Minsk": a lone name after a place preposition is a place, not a person.
                    bool place = m.Roles.Count == 0 && end - j == 1 && j - 1 >= a && u[j - 1].Lower is "in" or "at" or "from" or "to" or "near" or "across" or "into";
                    bool isPerson = m.IsPerson && !place;
                    // "Subject": the first person of the sentence, named at its start or right after an
                    // introductory phrase's comma — not one buried in the predicate.
                    // A name right after a subordinator ("While Obama had ...") is the subordinate clause's.
                    bool subject = first && isPerson && ((j - a <= 1 && !(j == a + 1 && Subordinators.Contains(u[a].Lower))) || u[j - 1].Lower == ",");
                    _people.Add(new Person(u[j].Start, s, m.Name, m.Roles, isPerson, subject, m.Gender));
                    if (isPerson) first = false;
                    if (m.Gender != '?') _gender[Key(m.Name)] = m.Gender;
                    j = end;
                }
                else j = Math.Max(j + 1, end);
            }
        }
    }

    private MentionResolver(MentionResolver seed)
    {
        _v = seed._v;
        _people = new List<Person>(seed._people);
        _gender = new Dictionary<string, char>(seed._gender, StringComparer.Ordinal);
    }

    /// <summary>
    /// A resolver in this one's current state that resolves independently of it. <see cref="Resolve"/>
    /// learns from each mention, so two extractors sharing one article scan each take a fork of a
    /// resolver that has resolved nothing yet: the same answers as two fresh resolvers, one scan.
    /// </summary>
    public MentionResolver Fork() => new(this);

    public SpeakerMention Resolve(RawMention m)
    {
        var u = _v.Units;
        var span = new TextSpan(u[m.First].Start, u[m.End - 1].End);
        var text = span.Of(_v.Text);
        int sentence = SentenceOf(span.Start);
        string name = m.Kind switch
        {
            MentionKind.Name => m.IsPerson ? FullName(m.Name, span.Start) : m.Name,
            MentionKind.Pronoun => ResolvePronoun(m.Head, span.Start, sentence),
            _ => ResolveNominal(m, span.Start),
        };
        if (m.Kind == MentionKind.Pronoun && name.Length > 0 && m.Gender != '?') _gender.TryAdd(Key(name), m.Gender);
        // A person who has just spoken is the likeliest "he"/"she" of the next sentences.
        if (name.Length > 0 && m.IsPerson && m.Kind != MentionKind.Pronoun)
            _people.Add(new Person(span.Start, sentence, name, m.Roles, true, true, m.Gender));
        else if (name.Length > 0 && m.Kind == MentionKind.Pronoun && m.IsPerson)
            _people.Add(new Person(span.Start, sentence, name, [], true, true, m.Gender));
        // An organisation or group that just spoke ("Democrats noted ...") is a "they"/"it" candidate
        // even when the article-wide scan skipped it (a one-word sentence opener).
        else if (name.Length > 0 && m.Kind == MentionKind.Name && !_people.Exists(p => p.Position == span.Start))
            _people.Add(new Person(span.Start, sentence, name, m.Roles, false, true, '?'));
        _people.Sort((x, y) => x.Position.CompareTo(y.Position));
        return new SpeakerMention(span, text, m.Kind, name, m.Roles.ToArray());
    }

    private int SentenceOf(int position)
    {
        var ranges = _v.SentenceRanges;
        for (int s = 0; s < ranges.Length; s++)
            if (ranges[s].End > ranges[s].First && _v.Units[ranges[s].End - 1].End > position) return s;
        return ranges.Length - 1;
    }

    private static string Key(string name) => name.ToLowerInvariant();

    private static string LastWord(string name)
    {
        int space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }

    /// <summary>
    /// A surname alone becomes the full name with that surname (most recent before, else first after).
    /// With <paramref name="gender"/> ('m'/'f'), full names known to be of the other gender are passed
    /// over, so "she" after "Clinton" finds Hillary Clinton even when Bill Clinton was named last.
    /// </summary>
    private string FullName(string name, int position, char gender = '?')
    {
        if (name.Contains(' ')) return name;
        string? before = null, after = null;
        foreach (var p in _people)
        {
            if (!p.IsPerson || !p.Name.Contains(' ') || !string.Equals(LastWord(p.Name), name, StringComparison.OrdinalIgnoreCase)) continue;
            if (gender != '?')
            {
                var g = p.Gender != '?' ? p.Gender : _gender.GetValueOrDefault(Key(p.Name), '?');
                if (g != '?' && g != gender) continue;
            }
            if (p.Position <= position) before = p.Name;
            else after ??= p.Name;
        }
        return before ?? after ?? name;
    }

    private string ResolvePronoun(string pronoun, int position, int sentence)
    {
        if (pronoun is "he" or "she")
        {
            char want = pronoun == "he" ? 'm' : 'f';
            Person? fallback = null;
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position || !p.IsPerson) continue;
                var full = FullName(p.Name, p.Position, want);
                // A bare surname whose every full name is of the other gender is not this pronoun's antecedent.
                if (!full.Contains(' ') && FullName(p.Name, p.Position).Contains(' ')) continue;
                var g = p.Gender != '?' ? p.Gender : _gender.GetValueOrDefault(Key(full), '?');
                if (g != '?' && g != want) continue;
                if (p.IsSubject) return full;
                fallback ??= p;
            }
            return fallback is null ? "" : FullName(fallback.Name, fallback.Position, want);
        }
        // "Democrats noted ... the House committee. They noted": a plural name ("Democrats",
        // "Republicans") in the last two sentences is a likelier "they" than a singular organisation.
        if (pronoun == "they")
        {
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position) continue;
                if (p.Sentence < sentence - 2) break;
                if (!p.Name.Contains(' ') && p.Name.Length > 3 && p.Name.EndsWith('s') && !p.Name.EndsWith("ss", StringComparison.Ordinal)
                    && !L.Places.Contains(p.Name.ToLowerInvariant()))
                    return p.Name;
            }
        }
        if (pronoun is "they" or "it")
        {
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position) continue;
                if (p.Sentence < sentence - 2) break;
                if (!p.IsPerson && !L.Places.Contains(p.Name.ToLowerInvariant())) return p.Name;
            }
        }
        return "";
    }

    private string ResolveNominal(RawMention m, int position)
    {
        if (m.Roles.Count == 0 || !m.IsPerson) return "";
        var words = m.Roles[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool definite = _v.Units[m.First].Lower == "the";
        if (!definite) return "";                                // "a spokesman", "officials": someone not named
        foreach (var pass in new[] { 0, 1 })
        {
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position || !p.IsPerson || p.Roles.Count == 0) continue;
                var roleWords = string.Join(' ', p.Roles).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                bool match = pass == 0
                    ? roleWords.Contains(m.Head)
                    : L.Titles.Contains(m.Head) && words.Any(w => w != m.Head && roleWords.Contains(w));
                if (match) return FullName(p.Name, p.Position);
            }
        }
        return "";
    }
}
