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
    private sealed record Person(int Position, int Sentence, string Name, List<string> Roles, bool IsPerson, bool IsSubject, char Gender)
    {
        // Made once per person instead of once per visit (the resolver's loops visit every earlier person per mention); the
        // name and the role lists never change after a mention is parsed, so these are the strings each visit made.
        private string? _lowerName;
        private string[]? _roleWords;

        /// <summary><see cref="Name"/> lower-cased (<c>ToLowerInvariant</c>, as <see cref="Key"/>).</summary>
        public string LowerName => _lowerName ??= Name.ToLowerInvariant();

        /// <summary>The words of all <see cref="Roles"/>, lower-cased.</summary>
        public string[] RoleWords => _roleWords ??= string.Join(' ', Roles).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// A non-person subject of a clause: an organisation opening a sentence, a common-noun phrase
    /// opening one ("The ad uses ...", "Voting rights advocates have ..."), or a description that spoke
    /// ("..., the report says"). <paramref name="Name"/> is empty for a common-noun phrase: the speaker
    /// it stands for has no name, and a later "it"/"they" standing for it stays unresolved too.
    /// </summary>
    private sealed record Subject(int Position, int Sentence, string Name, bool Plural);

    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "while", "although", "though", "if", "when", "because", "as", "since", "after", "before", "unless", "whereas", "once", "until",
    };

    private readonly UnitView _v;
    /// <summary>The people in position order; see <see cref="Remember"/> for how equal positions are ordered.</summary>
    private List<Person> _people = [];
    /// <summary>True once <see cref="_people"/> is kept exactly as the framework's sort kept it (see <see cref="Remember"/>).</summary>
    private bool _exact;
    /// <summary>Until <see cref="_exact"/>: <see cref="_people"/> as the first <see cref="Resolve"/> found it, and per call since, the person it added (null: none).</summary>
    private Person[]? _initial;
    private List<Person?>? _calls;
    // Gender per name key, as a box: a Dictionary<string, char> is framework generic code over a value type that the
    // ReadyToRun build cannot precompile, so every cnlp run JIT-compiled its methods (~4.5 ms; round 20). Values of a
    // reference type run the runtime's shared precompiled dictionary code; a lookup answers the same char.
    private readonly Dictionary<string, GenderBox> _gender = new(StringComparer.Ordinal);
    private readonly List<Subject> _subjects = [];
    // Pronouns and descriptions resolved so far, by start offset (see Resolve).
    private readonly Dictionary<int, string> _resolved = [];
    // Capitalised words seen somewhere other than a sentence's first word (made by the constructor, read-only after).
    private readonly HashSet<string> _midCaps;
    // The recogniser's answers about this article's names (round 29); null: none asked, every name may be a person.
    private readonly PersonNames.ArticleNames? _names;

    /// <param name="names">
    /// Round 29: asked before a name nothing in the article marks as a person becomes a "he"/"she", and whether a name the
    /// parser took for a person is an organisation an "it" may stand for (see <see cref="PersonNames"/>). Null: every name
    /// may be a person and none is asked, as before.
    /// </param>
    public MentionResolver(UnitView view, MentionParser parser, PersonNames.ArticleNames? names = null)
    {
        _v = view;
        _names = names;
        var u = view.Units;
        for (int s = 0; s < view.SentenceRanges.Length; s++)
            if (CommonNounSubject(s) is { } cs) _subjects.Add(cs);
        // Capitalised words seen somewhere other than a sentence's first word: only these can be a
        // one-word name at a sentence start ("Recent shipments ...", "Chastened by ...", "Climate ..."
        // are capitalised only because they open the sentence).
        var midCaps = _midCaps = new HashSet<string>(StringComparer.Ordinal);
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
                    // "Bridgeport, Conn.", "Ashton, Md.": a name followed by a state is a town, neither a
                    // "he"/"she" nor an "it"/"they", so it is not remembered at all. (After a preposition
                    // a lone name stays an "it" candidate: "a statement from Acme".)
                    if (m.Roles.Count == 0 && end + 1 < b && u[end].Lower == "," && L.Places.Contains(u[end + 1]) && u[end + 1].Lower.Length <= 6)
                    { j = end; continue; }
                    bool isPerson = m.IsPerson && !place && !IsGroupName(m.Name);
                    // "Subject": the first person of the sentence, named at its start or right after an
                    // introductory phrase's comma — not one buried in the predicate.
                    // A name right after a subordinator ("While Obama had ...") is the subordinate clause's.
                    bool subject = first && isPerson && ((j - a <= 1 && !(j == a + 1 && Subordinators.Contains(u[a].Lower))) || u[j - 1].Lower == ",");
                    _people.Add(new Person(u[j].Start, s, m.Name, m.Roles, isPerson, subject, m.Gender));
                    // "The Justice Department joined ...", "In July, the FBI said ...": an organisation
                    // opening the sentence (or its main clause) is that clause's subject.
                    if (first && !isPerson && !place && !L.Places.Contains(Key(m.Name)) && OpensClause(j, a))
                        _subjects.Add(new Subject(u[j].Start, s, m.Name, Plural: false));
                    if (isPerson) first = false;
                    if (m.Gender != '?') _gender[Key(m.Name)] = GenderBox.Of(m.Gender);
                    j = end;
                }
                else j = Math.Max(j + 1, end);
            }
        }
        _subjects.Sort((x, y) => x.Position.CompareTo(y.Position));
        // The scan adds people in text order, so this is false; were it not, Resolve would sort as before (Remember).
        _exact = !StrictlyIncreasing(_people);
    }

    /// <summary>The gender remembered for a name key, '?' when none (as <c>GetValueOrDefault(key, '?')</c> on a char map).</summary>
    private char GenderOf(string key) => _gender.TryGetValue(key, out var box) ? box.Value : '?';

    /// <summary>An immutable boxed gender char; 'm' and 'f' share one instance each (forks copy the map, never a box's value).</summary>
    private sealed class GenderBox(char value)
    {
        private static readonly GenderBox Male = new('m'), Female = new('f');
        public readonly char Value = value;
        public static GenderBox Of(char c) => c == 'm' ? Male : c == 'f' ? Female : new GenderBox(c);
    }

    private MentionResolver(MentionResolver seed)
    {
        _v = seed._v;
        _names = seed._names;
        _midCaps = seed._midCaps;
        _people = new List<Person>(seed._people);
        _gender = new Dictionary<string, GenderBox>(seed._gender, StringComparer.Ordinal);
        _subjects = new List<Subject>(seed._subjects);
    }

    /// <summary>The name at unit <paramref name="j"/> opens its sentence (after at most a determiner) or follows an introductory comma.</summary>
    private bool OpensClause(int j, int a)
    {
        var u = _v.Units;
        int k = j - 1;
        if (k >= a && u[k].Lower is "the" or "a" or "an") k--;
        return k < a || u[k].Lower == "," || (k == a && u[k].Lower is "but" or "and" or "so" or "yet");
    }

    private static readonly HashSet<string> NotNounHeads = new(StringComparer.Ordinal)
    {
        "there", "here", "it", "this", "that", "what", "which", "who", "one", "some", "many", "most", "all", "none",
        "each", "both", "others", "other", "more", "less", "much", "such", "same", "former", "latter",
    };

    /// <summary>
    /// The common-noun phrase opening sentence <paramref name="s"/> as its subject, or null: an optional
    /// conjunction, an optional determiner, one to four lower-case words (the first may be capitalised
    /// only because it opens the sentence), then a verb. Without a tagger the verb is recognised by
    /// shape: an auxiliary, an adverb we step over before cues ("then", "also"), a cue verb, or, after a
    /// determiner, a word ending in -s/-ed ("The ad uses"). A capitalised word inside the phrase makes it
    /// a name, which the name scan handles.
    /// </summary>
    private Subject? CommonNounSubject(int s)
    {
        var u = _v.Units;
        var (a, b) = _v.SentenceRanges[s];
        int i = a;
        if (i < b && u[i].Lower is "but" or "and" or "so" or "yet" or "still") i++;
        if (i >= b || _v.InsideRegion[i] >= 0 || !u[i].IsWord) return null;
        bool det = u[i].Lower is "the" or "this" or "these" or "those" or "its" or "their" or "a" or "an";
        int np = det ? i + 1 : i;
        int j = np;
        int verb = -1;
        while (j < b && j - np < 5 && u[j].IsWord)
        {
            var w = u[j].Lower;
            if (j > np && (L.FiniteMarkers.Contains(u[j]) || L.SkippableBeforeCue.Contains(u[j]) || CueLexicon.IsSpeechVerb(u[j]))) { verb = j; break; }
            if (u[j].IsCapitalised && (j > i || L.CapitalisedFunctionWords.Contains(u[j]))) return null;
            if (L.Prepositions.Contains(u[j]) || w is "that" or "who" or "which" or "and" or "or" || L.Negators.Contains(u[j])) return null;
            j++;
        }
        if (verb < 0 && det)
        {
            // Weak evidence: the first -s/-ed word after the head word ("The ad uses", "The report found").
            for (int k = np + 1; k < j; k++)
                if (u[k].Lower.Length > 3 && !u[k].IsCapitalised && (u[k].Lower.EndsWith("ed", StringComparison.Ordinal)
                    || (u[k].Lower.EndsWith('s') && !u[k].Lower.EndsWith("ss", StringComparison.Ordinal))))
                { verb = k; break; }
        }
        if (verb <= np) return null;
        var head = u[verb - 1].Lower;
        if (NotNounHeads.Contains(head) || L.SubjectPronouns.Contains(u[verb - 1]) || L.IsSourceOrTitle(u[verb - 1]) && !L.DocumentNouns.Contains(u[verb - 1]) && !L.OrgWords.Contains(u[verb - 1]) && IsPersonNoun(head)) return null;
        bool plural = head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal) && !head.EndsWith("us", StringComparison.Ordinal);
        return new Subject(u[np].Start, s, "", plural);
    }

    // Person nouns ("the senator", "the spokesman") are "he"/"she" material; only other heads stand
    // for a later "it"/"they". Plural person nouns ("officials", "advocates") can be "they".
    private static bool IsPersonNoun(string head) => L.Titles.Contains(head) && !(head.Length > 3 && head.EndsWith('s'));

    /// <summary>
    /// A resolver in this one's current state that resolves independently of it. <see cref="Resolve"/>
    /// learns from each mention, so two extractors sharing one article scan each take a fork of a
    /// resolver that has resolved nothing yet: the same answers as two fresh resolvers, one scan.
    /// </summary>
    /// <param name="sortEveryCall">Tests only: keep the people in the old code's exact order from the start (see <see cref="Remember"/>).</param>
    public MentionResolver Fork(bool sortEveryCall = false) => new(this) { _exact = sortEveryCall || !StrictlyIncreasing(_people) };

    /// <summary>Tests only: how many resolvers on this thread rebuilt their list in the old order (<see cref="Replay"/>).</summary>
    [ThreadStatic] internal static int ReplaysOnThisThread;

    /// <summary>
    /// Resolves <paramref name="m"/>, the source of a claim whose content is <paramref name="content"/> (default: none).
    /// A pronoun or description is never resolved to someone named inside that content: in "Mr Blair has the same
    /// passion, he said" the name is what the speaker talks about, and grammar rules it out as the speaker (a name
    /// inside a reporting verb's complement cannot be the verb's subject).
    /// Round 26: on bbc-news this changed 43 claims' speakers, 38 of them from a wrong or unresolvable one ("Phone", "Apple",
    /// "Tories", the subject of the content) to the right one or none, 4 from wrong to wrong, 1 from right to none (a
    /// content that swallowed "Michael Howard has no doubt"); on PolNeAR dev and train 15 claims, 11 better, 1 worse ("A
    /// Clinton presidency, she vowed, ..."), 3 wrong either way. <see cref="Excluded"/> says which part of a content counts.
    /// </summary>
    public SpeakerMention Resolve(RawMention m, TextSpan content = default)
    {
        if (!_exact && _initial is null) _initial = _people.ToArray();
        Person? added = null;
        var u = _v.Units;
        var span = new TextSpan(u[m.First].Start, u[m.End - 1].End);
        var text = span.Of(_v.Text);
        int sentence = SentenceOf(span.Start);
        // One mention that is the source of two claims ("A, he claimed, saying B") means one person: the first answer
        // stands, so content B cannot undo what content A ruled out (the name in A is still no antecedent for B's "he").
        if (m.Kind == MentionKind.Name || !_resolved.TryGetValue(span.Start, out var name))
        {
            name = m.Kind switch
            {
                MentionKind.Name when IsCommonWordOpener(m, sentence) => "",
                MentionKind.Name => m.IsPerson ? FullName(m.Name, span.Start, m.Gender) : m.Name,
                MentionKind.Pronoun => ResolvePronoun(m.Head, span.Start, sentence, Excluded(content, span.Start)),
                _ => ResolveNominal(m, span.Start, content),
            };
            if (m.Kind != MentionKind.Name) _resolved[span.Start] = name;
        }
        if (m.Kind == MentionKind.Pronoun && name.Length > 0 && m.Gender != '?') _gender.TryAdd(Key(name), GenderBox.Of(m.Gender));
        // A person who has just spoken is the likeliest "he"/"she" of the next sentences — unless the
        // mention sits inside what someone else reports ("spokesman Josh Earnest said that President
        // Barack Obama has long called for ..."): the reporting clause's subject outranks it.
        bool embedded = IsEmbedded(m.First, sentence);
        // A bare surname of unknown gender is remembered bare: a later "he"/"she" then picks the bearer
        // of its own gender ("Cruz said ... he" is not Heidi Cruz, named last).
        if (name.Length > 0 && m.IsPerson && m.Kind != MentionKind.Pronoun && !(m.Kind == MentionKind.Name && IsGroupName(name)))
            added = new Person(span.Start, sentence, m.Kind == MentionKind.Name && m.Gender == '?' && !m.Name.Contains(' ') ? m.Name : name, m.Roles, true, !embedded, m.Gender);
        else if (name.Length > 0 && m.Kind == MentionKind.Pronoun && m.IsPerson)
            added = new Person(span.Start, sentence, name, [], true, true, m.Gender);
        // An organisation or group that just spoke ("Democrats noted ...") is a "they"/"it" candidate
        // even when the article-wide scan skipped it (a one-word sentence opener).
        else if (name.Length > 0 && m.Kind == MentionKind.Name && !HasPersonAt(span.Start))
            added = new Person(span.Start, sentence, name, m.Roles, false, true, '?');
        // A non-person that spoke is the subject of its reporting clause: "..., the report says. It also
        // points out ..." — "it" is the report (unnamed), not an organisation named further back.
        if (!embedded && m.Kind != MentionKind.Pronoun && !(m.Kind == MentionKind.Name && m.IsPerson) && !(m.Kind == MentionKind.Nominal && m.IsPerson && IsPersonNoun(m.Head)))
        {
            bool plural = m.Kind == MentionKind.Nominal && m.Head.Length > 3 && m.Head.EndsWith('s') && !m.Head.EndsWith("ss", StringComparison.Ordinal);
            _subjects.Add(new Subject(span.Start, sentence, m.Kind == MentionKind.Name ? name : "", plural));
            // Mentions arrive in text order, so the list rarely needs re-sorting.
            if (_subjects.Count > 1 && _subjects[^2].Position > span.Start)
                _subjects.Sort((x, y) => x.Position.CompareTo(y.Position));
        }
        Remember(added);
        return new SpeakerMention(span, text, m.Kind, name, m.Roles.ToArray());
    }

    /// <summary>
    /// The part of a claim's content whose names a source at <paramref name="position"/> cannot refer to. A content that
    /// holds its own speech verb or a colon before the source ("One Republican hopeful, Carly Fiorina, says ..., she
    /// plans"; "Clinton seemed irritated: “...,” she wrote") is a misreading that swallowed the narrative introducing the
    /// speaker: only what follows the last such verb or colon is ruled out. Nothing is where the source interrupts the
    /// content after a quotation opened ("Ms. LaBelle got a roar when, at the end of ''A Change Is Gonna Come,'' she
    /// added, ..."): the same misreading. An interruption without either ("The Tories, he said, can cut crime") and a
    /// plain content before its source ("Mr Blair has the same passion, he said") stay excluded whole.
    /// </summary>
    private TextSpan Excluded(TextSpan content, int position)
    {
        if (content.IsEmpty) return content;
        int limit = Math.Min(position, content.End);
        if (content.Contains(position))
        {
            var lead = _v.Text.AsSpan(content.Start, position - content.Start);
            if (lead.IndexOfAny('"', '\u201C', '\u201D') >= 0 || lead.IndexOf("''", StringComparison.Ordinal) >= 0) return default;
        }
        var u = _v.Units;
        int lo = 0, hi = u.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (u[mid].Start < content.Start) lo = mid + 1; else hi = mid; }
        int from = content.Start;
        for (int t = lo; t < u.Length && u[t].Start < limit; t++)
            // A participle is no verb of its own here ("financial reporting standards", "saying it").
            if (u[t].Lower == ":" || (CueLexicon.IsSpeechVerb(u[t]) && !u[t].Lower.EndsWith("ing", StringComparison.Ordinal))) from = u[t].End;
        return from >= content.End ? default : new TextSpan(from, content.End);
    }

    private bool HasPersonAt(int position)
    {
        foreach (var p in _people)
            if (p.Position == position) return true;
        return false;
    }

    /// <summary>
    /// Adds <paramref name="added"/> (when not null) to <see cref="_people"/> in position order. Until round 21 every
    /// <see cref="Resolve"/> appended and then, when the positions did not strictly increase, ran <c>List.Sort</c> (an
    /// unstable sort), ~25,000 sorts of ~34 people on the BBC corpus (15-19 ms of its extract stage; EXTRACT15). Where two
    /// people share a position (the scan's name and the same mention resolved) that sort may order them either way, and
    /// the resolver's answers depend on the order of equal positions only when those people differ in name or sentence:
    /// every reader takes a person's name, position and sentence as its answer or break, and tests each person's other
    /// fields by itself (<see cref="FullName"/>, <see cref="ResolvePronoun"/>, <see cref="ResolveNominal"/>,
    /// <see cref="IsEmbedded"/>, <see cref="HasPersonAt"/>). So while every group of equal positions agrees in name and
    /// sentence, the person is inserted after its equals (no sort; the same answers). The first time a group would
    /// disagree, the list is rebuilt as the old code built it: the first list, then per call since, its person added
    /// and the sort run when the positions do not strictly increase (the same operations, so the very same order); from
    /// then on this resolver does as the old code did.
    /// </summary>
    private void Remember(Person? added)
    {
        if (_exact)
        {
            if (added is not null) _people.Add(added);
            SortAsBefore(_people);
            return;
        }
        (_calls ??= []).Add(added);
        if (added is null) return;
        int at = _people.Count;
        while (at > 0 && _people[at - 1].Position > added.Position) at--;
        for (int k = at - 1; k >= 0 && _people[k].Position == added.Position; k--)
        {
            if (_people[k].Sentence == added.Sentence && string.Equals(_people[k].Name, added.Name, StringComparison.Ordinal)) continue;
            Replay();
            return;
        }
        _people.Insert(at, added);
    }

    /// <summary>The old code's operations since the first <see cref="Resolve"/> (see <see cref="Remember"/>), after which this resolver keeps the exact order.</summary>
    private void Replay()
    {
        var people = new List<Person>(_initial!);
        foreach (var p in _calls!)
        {
            if (p is not null) people.Add(p);
            SortAsBefore(people);
        }
        _people = people;
        _exact = true;
        ReplaysOnThisThread++;
        _initial = null;
        _calls = null;
    }

    /// <summary>
    /// The sort every <see cref="Resolve"/> ran until round 21: none when the positions strictly increase (a sort could not
    /// change such a list), else <c>List.Sort</c> by position (unstable: ties keep whatever order it leaves).
    /// </summary>
    private static void SortAsBefore(List<Person> people)
    {
        if (!StrictlyIncreasing(people)) people.Sort((x, y) => x.Position.CompareTo(y.Position));
    }

    private static bool StrictlyIncreasing(List<Person> people)
    {
        for (int i = 1; i < people.Count; i++)
            if (people[i - 1].Position >= people[i].Position) return false;
        return true;
    }

    /// <summary>
    /// The unit sits inside a quotation, or follows a cue verb and a "that" in a sentence whose subject
    /// is a person named before it: part of what that person reports. Without a person subject
    /// ("The sentence was clarified to reflect that Roe is calling for ...") the name stays a subject.
    /// </summary>
    private bool IsEmbedded(int unit, int sentence)
    {
        if (_v.InsideRegion[unit] >= 0) return true;
        var u = _v.Units;
        int at = u[unit].Start;
        bool subjectBefore = false;
        foreach (var p in _people)
            if (p.Sentence == sentence && p.IsPerson && p.IsSubject && p.Position < at) { subjectBefore = true; break; }
        if (!subjectBefore) return false;
        var (a, _) = _v.SentenceRanges[sentence];
        bool cue = false;
        for (int k = a; k < unit; k++)
        {
            if (!u[k].IsWord) continue;
            if (cue && u[k].Lower == "that") return true;
            if (!u[k].IsCapitalised && CueLexicon.IsSpeechVerb(u[k])) cue = true;
        }
        return false;
    }

    private int SentenceOf(int position)
    {
        var ranges = _v.SentenceRanges;
        for (int s = 0; s < ranges.Length; s++)
            if (ranges[s].End > ranges[s].First && _v.Units[ranges[s].End - 1].End > position) return s;
        return ranges.Length - 1;
    }

    /// <summary>
    /// Round 27: a one-word "name" that opens its sentence and that the article writes in lower case elsewhere, and never
    /// capitalised inside a sentence, is a common noun capitalised by its place: "Investors said ...", "People don't
    /// feel ...", "Telephone call centres are ..." (bbc-news: 254 claims under such speakers, paired across articles with
    /// every other "Investors"). It names no one, so the claim keeps no speaker. "Barclays said" stays a name: the article
    /// never writes "barclays".
    /// </summary>
    private bool IsCommonWordOpener(RawMention m, int sentence)
    {
        if (m.End - m.First != 1 || m.Name.Contains(' ') || _v.SentenceRanges[sentence].First != m.First) return false;
        var u = _v.Units;
        var word = u[m.First].Lower;
        // One scan of the article per word: "Trump said" opens many of a story's sentences.
        _openers ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (_openers.TryGetValue(word, out var known)) return known;
        return _openers[word] = ScanCommonWord(word);
    }

    // Per article (a fork starts its own): IsCommonWordOpener's answer per word.
    private Dictionary<string, bool>? _openers;

    private bool ScanCommonWord(string word)
    {
        if (_midCaps.Contains(word)) return false;  // capitalised inside a sentence: a name after all
        var u = _v.Units;
        foreach (var (a, b) in _v.SentenceRanges)
            for (int t = a; t < b; t++)
                // All in lower case: "eBay" is a name written so, not the word.
                if (!u[t].IsCapitalised && string.Equals(u[t].Text, word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Key(string name) => name.ToLowerInvariant();

    /// <summary>Round 29: a person-like name with no title, role or gender that the recogniser tags as an organisation.</summary>
    private bool IsRecognisedOrganisation(Person p) =>
        _names is not null && p.IsPerson && p.Roles.Count == 0 && p.Gender == '?' && GenderOf(Key(p.Name)) == '?' && _names.IsOrganisation(p.Name);

    /// <summary>
    /// Round 29: a name that nothing in the article marks as a person (no title or role, no gender from an honorific, a
    /// pronoun or a common first name) and that the recogniser never tags as one ("Microsoft", "Arsenal", "Athens", "Lib
    /// Dems") is no "he"/"she". Without a recogniser every name may be one.
    /// </summary>
    private bool MayBeHeOrShe(Person p, string full, char gender)
    {
        // A common first name already gave the name a gender (MentionParser), so it never reaches the recogniser.
        if (_names is null || p.Roles.Count > 0 || gender != '?') return true;
        return _names.MayBePerson(full);
    }

    /// <summary>"Europeans", "Americans": a plural demonym is a group ("they"), never a "he"/"she".</summary>
    private static bool IsGroupName(string name) =>
        name.Length > 4 && name.EndsWith('s') && !name.Contains(' ') && L.Nationalities.Contains(name[..^1].ToLowerInvariant());

    /// <summary>
    /// <paramref name="name"/> holds a space and its last word equals <paramref name="word"/> ignoring case (ordinal):
    /// <c>name.Contains(' ') &amp;&amp; string.Equals(LastWord(name), word, OrdinalIgnoreCase)</c> without cutting a string per person.
    /// </summary>
    private static bool LastWordEquals(string name, string word)
    {
        int space = name.LastIndexOf(' ');
        return space >= 0 && name.AsSpan(space + 1).Equals(word, StringComparison.OrdinalIgnoreCase);
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
            if (!p.IsPerson || !LastWordEquals(p.Name, name)) continue;
            if (gender != '?')
            {
                var g = p.Gender != '?' ? p.Gender : GenderOf(p.LowerName);
                if (g != '?' && g != gender) continue;
            }
            if (p.Position <= position) before = p.Name;
            else after ??= p.Name;
        }
        return before ?? after ?? name;
    }

    private string ResolvePronoun(string pronoun, int position, int sentence, TextSpan content)
    {
        if (pronoun is "he" or "she")
        {
            char want = pronoun == "he" ? 'm' : 'f';
            Person? fallback = null;
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position || !p.IsPerson || content.Contains(p.Position)) continue;
                var full = FullName(p.Name, p.Position, want);
                // A bare surname whose every full name is of the other gender is not this pronoun's antecedent.
                // ("Mrs. Clinton" with only Bill Clinton named in full is still her: her own title says so.)
                if (!full.Contains(' ') && p.Gender != want && FullName(p.Name, p.Position).Contains(' ')) continue;
                var g = p.Gender != '?' ? p.Gender : GenderOf(Key(full));
                if (g != '?' && g != want) continue;
                // Asked only of a candidate that would be taken (the recogniser's work is the costly part).
                if (p.IsSubject) { if (MayBeHeOrShe(p, full, g)) return full; continue; }
                if (fallback is null && MayBeHeOrShe(p, full, g)) fallback = p;
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
                if (p.Position >= position || content.Contains(p.Position)) continue;
                if (p.Sentence < sentence - 2) break;
                if (!p.Name.Contains(' ') && p.Name.Length > 3 && p.Name.EndsWith('s') && !p.Name.EndsWith("ss", StringComparison.Ordinal)
                    && !L.Places.Contains(p.LowerName))
                    return p.Name;
            }
        }
        if (pronoun is "they" or "it")
        {
            // The nearest non-person clause subject of this or the last two sentences, when one agrees
            // in number: "The ad then references FBI criticism ... It mentions" is the ad, not the FBI.
            for (int i = _subjects.Count - 1; i >= 0; i--)
            {
                var sj = _subjects[i];
                if (sj.Position >= position || content.Contains(sj.Position)) continue;
                if (sj.Sentence < sentence - 2) break;
                bool agrees = pronoun == "it" ? !sj.Plural : sj.Plural || sj.Name.Length > 0;
                if (agrees) return sj.Name;
            }
            Person? organisation = null;
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position || content.Contains(p.Position)) continue;
                if (p.Sentence < sentence - 2) break;
                if (!p.IsPerson && !L.Places.Contains(p.LowerName)) return p.Name;
                // Round 29: an "it" may be a name the parser took for a person when the recogniser tags it as an
                // organisation and it opened its sentence ("Umbro ... said on Thursday it had signed ... It hopes"). Not
                // one named further in ("firms such as Symantec, McAfee, Trend Micro ... It said": Microsoft spoke), and
                // not for "they" (bbc-news: 2 of 5 read right).
                if (organisation is null && pronoun == "it" && p.IsSubject && IsRecognisedOrganisation(p)) organisation = p;
            }
            if (organisation is not null) return organisation.Name;
        }
        return "";
    }

    private string ResolveNominal(RawMention m, int position, TextSpan content)
    {
        if (m.Roles.Count == 0 || !m.IsPerson) return "";
        var words = m.Roles[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool definite = _v.Units[m.First].Lower == "the";
        if (!definite) return "";                                // "a spokesman", "officials": someone not named
        content = Excluded(content, position);
        foreach (var pass in new[] { 0, 1 })
        {
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var p = _people[i];
                if (p.Position >= position || !p.IsPerson || p.Roles.Count == 0 || content.Contains(p.Position)) continue;
                var roleWords = p.RoleWords;
                bool match = pass == 0
                    ? roleWords.Contains(m.Head)
                    : L.Titles.Contains(m.Head) && words.Any(w => w != m.Head && roleWords.Contains(w));
                if (match) return FullName(p.Name, p.Position);
            }
        }
        return "";
    }
}
