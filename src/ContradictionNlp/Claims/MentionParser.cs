using System.Text;
using L = ContradictionNlp.Claims.MentionLexicon;

namespace ContradictionNlp.Claims;

/// <summary>A speaker mention found by the rules, before within-article resolution.</summary>
/// <param name="First">First unit of the mention text.</param>
/// <param name="End">One past its last unit.</param>
/// <param name="Name">For <see cref="MentionKind.Name"/>: the name with titles stripped; otherwise empty.</param>
/// <param name="Head">Lower-case head word of a nominal ("leader"), or the pronoun.</param>
/// <param name="Weak">The head is a document or number ("the figures") that speaks only with a that-clause or quote.</param>
internal sealed record RawMention(int First, int End, MentionKind Kind, string Name, List<string> Roles, string Head, bool IsPerson, bool Weak, char Gender);

/// <summary>Finds speaker mentions left or right of a cue and splits titles from names.</summary>
internal sealed class MentionParser
{
    private readonly UnitView _v;
    private readonly Unit[] _u;

    public MentionParser(UnitView view)
    {
        _v = view;
        _u = view.Units;
    }

    // Title words that only ever modify ("Vice", "Prime", "Foreign"): never the head of a description.
    private static readonly HashSet<string> NonHeadTitles = new(StringComparer.Ordinal)
    {
        "vice", "prime", "foreign", "defence", "interior", "finance", "majority", "minority", "homeland",
        "executive", "managing", "of", "u.s.", "us", "acting", "interim", "incumbent", "communications",
        "policy", "economic", "first", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sen.", "rep.", "gov.", "gen.", "lt.", "col.",
    };

    internal static readonly WordSet PostModifierPreps = WordSet.Of("for", "at", "with", "from", "in", "of", "to", "on", "by");

    private bool IsNameWord(int i, int sentenceFirst)
    {
        var u = _u[i];
        if (!u.IsCapitalised) return false;
        // A capitalised participle or adverb opening a sentence ("Contradicting known facts, ...") is not a name.
        if (i == sentenceFirst && (u.Lower.EndsWith("ing", StringComparison.Ordinal) || u.Lower.EndsWith("ly", StringComparison.Ordinal))) return false;
        // A capitalised function word is not a name ("However", "The" at sentence start, "In").
        if (L.CapitalisedFunctionWords.Contains(u) && !L.Titles.Contains(u)) return false;
        return i >= sentenceFirst;
    }

    private bool IsDescriptorWord(int i) =>
        _u[i].IsWord && (L.IsSourceOrTitle(_u[i]) || L.Modifiers.Contains(_u[i]) || L.Nationalities.Contains(_u[i]));

    /// <summary>The mention ending just before <paramref name="end"/> (exclusive), not reaching before <paramref name="first"/>.</summary>
    public RawMention? ParseLeft(int end, int first)
    {
        int k = end - 1;
        if (k < first) return null;
        var u = _u[k];
        if (u.IsWord && L.SubjectPronouns.Contains(u))
            return Pronoun(k);
        // "Belarusian Foreign Minister, Sergei Aleinik, stated" / "Sergei Aleinik, the foreign minister, said":
        // a name set off by commas, with its role on either side.
        if (u.Lower == "," && k - 1 >= first)
        {
            var inner = ParseLeft(k, first);
            // The name right before the comma is the subject only when nothing but a clause edge precedes
            // it; in "..., one of the states suing the EPA, said" the EPA is an object.
            bool innerStartsPhrase = inner is not null && (inner.First == first || _u[inner.First - 1].Kind == UnitKind.Quote || _u[inner.First - 1].Lower is "," or ";" or "and" or "but");
            if (inner is { Kind: MentionKind.Name } && innerStartsPhrase) return inner;
            if (inner is { Kind: MentionKind.Nominal } && L.Titles.Contains(inner.Head) && inner.First - 1 > first && _u[inner.First - 1].Lower == ",")
            {
                var named = ParseLeft(inner.First - 1, first);
                if (named is { Kind: MentionKind.Name })
                    return named with { End = inner.End, Roles = [.. named.Roles, RoleText(inner.First, inner.End, dropDeterminer: true)] };
            }
            // Any other appositive: "Richard Roe, director of the institute at the law school, said";
            // "Mr. King, 82, told". The name before the first comma is the speaker.
            int commas = 0;
            for (int c2 = k - 1; c2 > first && c2 >= k - 40; c2--)
            {
                var x = _u[c2];
                // Another finite cue means another clause; a base or -ing form inside the appositive is a
                // noun modifier ("a creative writing professor", "a talk show host").
                if (x.Kind == UnitKind.Quote || x.Lower is ";" or ":" || (x.IsWord && !x.IsCapitalised && CueLexicon.IsSpeechVerb(x.Lower, out var cueLemma)
                    && x.Lower != cueLemma && !x.Lower.EndsWith("ing", StringComparison.Ordinal))) break;
                if (x.Lower != ",") continue;
                var named = ParseLeft(c2, first);
                // Two stacked appositives ("Roe, the attorney general, one of the plaintiffs, said") are fine; more are not.
                if (named is not { Kind: MentionKind.Name })
                {
                    if (++commas >= 2) break;
                    continue;
                }
                var roles = named.Roles;
                if (k - c2 - 1 <= 10) roles = [.. roles, RoleText(c2 + 1, k, dropDeterminer: true)];
                return named with { End = k, Roles = roles };
            }
            return null;
        }
        // "Rep. Jane Roe (D-Ore.) said": step over the parenthesis.
        if (u.Lower == ")")
        {
            for (int p = k - 1; p > first && p >= k - 10; p--)
            {
                if (_u[p].Lower != "(") continue;
                var named = ParseLeft(p, first);
                return named is { Kind: MentionKind.Name } ? named with { End = k + 1 } : null;
            }
            return null;
        }
        // "Trump, who said ..." — the relative pronoun stands for the name before the comma.
        if (u.IsWord && u.Lower == "who" && k - 1 >= first)
            return ParseLeft(_u[k - 1].Lower == "," ? k - 1 : k, first);   // "voters who said", "Trump, who said"

        int j = k;
        while (j >= first)
        {
            var w = _u[j];
            if (w.Kind == UnitKind.Number) { j--; continue; }
            if (w.Kind == UnitKind.Possessive)
            {
                if (j == k || j - 1 < first) break;   // a possessive cannot end the mention
                j--;
                continue;
            }
            if (!w.IsWord || w.Lower == "that") break;              // "... that Trump argues": a complementizer, not a determiner
            // "the Office of the Deputy Prime Minister said": this "the" is inside an organisation's name (round 27).
            if (w.Lower == "the" && j < k && j - 2 >= first && OrgConnector(j - 1, first, k + 1)) { j--; continue; }
            if (L.Determiners.Contains(w) && !(w.IsCapitalised && j > first && !L.CapitalisedFunctionWords.Contains(w)))
            {
                j--;                                // the determiner opens the mention: take it and stop
                break;
            }
            if (IsNameWord(j, first) || IsDescriptorWord(j)) { j--; continue; }
            // "a spokesman for the campaign", "Secretary of State": a post-modifier joins two noun words.
            if (PostModifierPreps.Contains(w) && j < k && j - 1 >= first && (IsNameWord(j - 1, first) || L.Titles.Contains(_u[j - 1]) || L.SourceNouns.Contains(_u[j - 1])))
            {
                j--;
                continue;
            }
            break;
        }
        int start = j + 1;
        var m = start > k ? null : Classify(start, k + 1);
        // "attorneys for the family said", "Experts on North Korea and nonproliferation said": a
        // source noun with a prepositional phrase after it. Look left for "SOURCE PREP" with only
        // words (no punctuation, no other cue) between it and the cue.
        if (m is null || (m.Kind == MentionKind.Nominal && start - 1 > first && PostModifierPreps.Contains(_u[start - 1])) || (m.Kind == MentionKind.Name && start - 1 > first && PostModifierPreps.Contains(_u[start - 1]) && _u[start - 1].Lower != "of"))
        {
            for (int p = k; p > first && p >= k - 9; p--)
            {
                var x = _u[p];
                if (!x.IsWord || (CueLexicon.IsSpeechVerb(x) && !x.IsCapitalised)) break;
                if (!PostModifierPreps.Contains(x) || !L.IsSourceOrTitle(_u[p - 1])) continue;
                var owner = ParseLeft(p, first);
                if (owner is { Kind: MentionKind.Nominal or MentionKind.Name })
                    return owner with { End = k + 1 };
                break;
            }
        }
        // "The families said", "some residents say": a plain plural noun right after a determiner heads
        // a description; the cue itself marks it as a source. Plural only: in "a similar question" or
        // "the best plan" the word before the cue is an adjective and the cue a noun.
        if (m is null && k - 1 >= first && _u[k].IsWord && !_u[k].IsCapitalised && _u[k].Lower.Length >= 4 && LooksPlural(_u[k].Lower)
            && _u[k - 1].IsWord && L.Determiners.Contains(_u[k - 1]) && _u[k - 1].Lower != "that"
            && !L.Determiners.Contains(_u[k]) && !L.SkippableBeforeCue.Contains(_u[k]) && !_u[k].Lower.EndsWith("ly", StringComparison.Ordinal))
            m = Classify(k - 1, k + 1, lenient: true);
        if (m is null) return null;

        // "top black lawmakers said": up to two unlisted adjectives before a description's head, when
        // a comma, determiner or the sentence start shows where the noun phrase begins.
        if (m.Kind == MentionKind.Nominal && start == m.First && !(start - 1 >= first && L.Determiners.Contains(_u[start - 1])))
        {
            int t = start - 1, n = 0;
            while (t >= first && n < 2 && _u[t].IsWord && !_u[t].IsCapitalised && !L.Prepositions.Contains(_u[t]) && !L.Negators.Contains(_u[t])
                   && !L.SkippableBeforeCue.Contains(_u[t]) && !L.BeForms.Contains(_u[t]) && !CueLexicon.IsSpeechVerb(_u[t])
                   && _u[t].Lower is not ("and" or "or" or "but" or "that" or "who" or "which" or "as" or "than"))
            { t--; n++; }
            if (n > 0 && (t < first || _u[t].Lower == "," || _v.ClosingRegion[t] >= 0 || (_u[t].IsWord && L.Determiners.Contains(_u[t]))))
                m = m with { First = t >= first && _u[t].IsWord && L.Determiners.Contains(_u[t]) ? t : t + 1 };
            else if (n > 0 && _u[t].IsCapitalised && (t == first || _u[t - 1].Lower == ","))
                m = m with { First = t };                           // "Top black lawmakers said"
        }

        // "Belarusian Foreign Minister, Sergei Aleinik, stated": a role before the name, set off by commas.
        if (m.Kind == MentionKind.Name && start - 2 >= first && _u[start - 1].Lower == ",")
        {
            var role = ParseLeft(start - 1, first);
            // Only a role that opens the clause: "with China's Defense Minister, Lukashenko said" is not one.
            bool opensClause = role is not null && (role.First == first || _u[role.First - 1].Lower is "," or ";" or "and" or "but");
            if (role is { Kind: MentionKind.Nominal } && L.Titles.Contains(role.Head) && opensClause)
            {
                var roles = new List<string> { RoleText(role.First, role.End) };
                roles.AddRange(m.Roles);
                return m with { First = role.First, Roles = roles };
            }
        }
        return m;
    }

    // Words that can never end a subject noun phrase right before a cue ("and said", "who said", "as said").
    private static readonly HashSet<string> NotSubjectHeads = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "nor", "that", "who", "whom", "which", "what", "as", "than", "if", "when", "while",
        "where", "because", "so", "then", "there", "here", "also", "not", "just", "only", "even", "it", "this",
        "him", "her", "me", "us", "you", "someone", "anyone", "everyone", "nobody", "somebody", "everybody",
    };

    // Quantifiers that head "most of them", "many of the delegates", "some of his aides".
    private static readonly HashSet<string> OfQuantifiers = new(StringComparer.Ordinal)
    {
        "most", "many", "some", "all", "both", "several", "few", "none", "half", "one", "two", "three", "each",
        "majority", "plurality", "third", "quarter", "number", "lot", "dozens", "hundreds", "thousands", "others",
    };

    /// <summary>
    /// The subject of a speech cue when <see cref="ParseLeft"/> finds no name, pronoun or known source
    /// noun: any short noun phrase that opens its clause ("The NFL legend said", "Another commenter said",
    /// "Most of them said", "nearly three in five said", "Cuban said"). The cue marks it as a source, as
    /// "according to" does for <see cref="ParseRight"/>'s lenient mode. Null when the words before the cue
    /// are not a plain noun phrase (a verb, an adverb, a preposition's object, a relative pronoun).
    /// </summary>
    public RawMention? ParseLeftLenient(int end, int first)
    {
        int k = end - 1;
        if (k < first) return null;
        var u = _u[k];
        bool numberHead = u.Kind == UnitKind.Number;
        if (!numberHead)
        {
            if (!u.IsWord || u.Lower.Length < 2 || NotSubjectHeads.Contains(u.Lower) || L.Prepositions.Contains(u) || L.BeForms.Contains(u)
                || L.FiniteMarkers.Contains(u) || L.SkippableBeforeCue.Contains(u) || L.Negators.Contains(u) || L.TimeWords.Contains(u)
                || L.PossessivePronouns.Contains(u) || (L.Determiners.Contains(u) && u.Lower is not ("both" or "all" or "many" or "most" or "several" or "others"))
                || L.IsDayOrMonth(u.Lower) || CueLexicon.IsCueVerb(u) || CueLexicon.IsCueNoun(u))
                return null;
            // "-ly" adverbs and "-ing"/"-ed" verb forms do not head a subject ("recently said", "after meeting said"),
            // nor does a capitalised one opening the sentence ("Contradicting known facts, ...").
            if ((!u.IsCapitalised || k == first) && (u.Lower.EndsWith("ly", StringComparison.Ordinal) || u.Lower.EndsWith("ing", StringComparison.Ordinal) || u.Lower.EndsWith("ed", StringComparison.Ordinal)))
                return null;
        }
        int j = k - 1;
        int start = -1;
        while (j >= first && k - j <= 6)
        {
            var w = _u[j];
            if (w.IsWord && L.Determiners.Contains(w) && !w.IsCapitalised || (w.IsCapitalised && L.Determiners.Contains(w) && j == first))
            {
                start = j;
                break;
            }
            // "most of them", "six in 10", "one of the organizers": a quantifier and its "of"/"in" phrase.
            if (w.IsWord && w.Lower is "of" or "in" && j - 1 >= first && (OfQuantifiers.Contains(_u[j - 1].Lower) || _u[j - 1].Kind == UnitKind.Number)
                && (w.Lower == "of" || (numberHead && _u[j - 1].Kind == UnitKind.Number) || L.Determiners.Contains(_u[j - 1])))
            {
                j -= 2;
                continue;
            }
            if (w.Kind is UnitKind.Number or UnitKind.Possessive) { j--; continue; }
            if (w.IsWord && w.Lower.Length > 1 && !NotSubjectHeads.Contains(w.Lower) && !(j == first && (w.Lower.EndsWith("ing", StringComparison.Ordinal) || w.Lower.EndsWith("ly", StringComparison.Ordinal))) && !L.Prepositions.Contains(w) && !L.BeForms.Contains(w)
                && !L.FiniteMarkers.Contains(w) && !L.Negators.Contains(w) && !CueLexicon.IsCueVerb(w)
                && !(L.CapitalisedFunctionWords.Contains(w) && !L.Determiners.Contains(w) && w.Lower is not ("nearly" or "about" or "almost")))
            {
                j--;
                continue;
            }
            break;
        }
        if (start < 0) start = j + 1;
        if (start > k) return null;
        // The phrase must open its clause: the sentence start, a comma, a conjunction, "that" or a closing quote before it.
        int before = start - 1;
        if (before >= first)
        {
            var b = _u[before];
            bool opens = b.Lower is "," or ";" or "and" or "but" or "that" or "so" || b.Kind == UnitKind.Quote || _v.ClosingRegion[before] >= 0;
            if (!opens) return null;
        }
        // A bare single lower-case word is too often not a subject ("critics" is known; "quickly" is an adverb).
        if (start == k && !u.IsCapitalised && !numberHead && !LooksPlural(u.Lower)) return null;
        return Classify(start, k + 1, lenient: true) is { } m && m.First == start ? m : null;
    }

    private static bool LooksPlural(string w) =>
        w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal);

    /// <summary>"said Trump", "according to a spokesman for the campaign": the mention from <paramref name="start"/> to a comma or the end.</summary>
    /// <param name="lenient">Accept any noun as the head ("according to engineers"): the cue alone marks a source.</param>
    public RawMention? ParseRight(int start, int limit, bool lenient = false)
    {
        if (start >= limit) return null;
        if (_u[start].IsWord && L.SubjectPronouns.Contains(_u[start]))
            return start + 1 == limit || _u[start + 1].Kind is UnitKind.Punct or UnitKind.Quote ? Pronoun(start) : null;
        int j = start;
        while (j < limit && j - start < 14 && _u[j].Kind is not (UnitKind.Punct or UnitKind.Quote)) j++;
        if (j == start) return null;
        return Classify(start, j, lenient);
    }

    private RawMention Pronoun(int k)
    {
        var lower = _u[k].Lower;
        char gender = lower == "he" ? 'm' : lower == "she" ? 'f' : '?';
        return new RawMention(k, k + 1, MentionKind.Pronoun, "", [], lower, IsPerson: lower is "he" or "she", Weak: false, gender);
    }

    /// <summary>
    /// Decides what the units [start, end) name. The head is the last word before any post-modifier
    /// ("a spokesman | for the campaign"). A capitalised head that is not a title is a name: the
    /// trailing capitalised run is the name, everything before it (less the determiner) the role.
    /// A title or source-noun head is a description (Nominal). Anything else is not a speaker.
    /// </summary>
    public RawMention? Classify(int start, int end, bool lenient = false)
    {
        int c = start;
        while (c < end && _u[c].IsWord && L.Determiners.Contains(_u[c]) && !L.Titles.Contains(_u[c])) c++;
        if (c >= end) return null;

        int headEnd = end;
        bool orgConnector = false;
        for (int p = c + 1; p < end; p++)
        {
            // An organisation's name ends at punctuation: "the National Council for Adoption, which".
            if (orgConnector && _u[p].Kind is UnitKind.Punct or UnitKind.Quote) { headEnd = p; break; }
            if (!_u[p].IsWord || !PostModifierPreps.Contains(_u[p])) continue;
            // "Secretary of State John Kerry", "Bank of America" keep their "of".
            bool inName = _u[p].Lower == "of" && p + 1 < end && _u[p - 1].IsCapitalised && _u[p + 1].IsCapitalised;
            // "Office for National Statistics", "Office of the Deputy Prime Minister" (round 27).
            if (!inName && OrgConnector(p, c, end)) { inName = orgConnector = true; }
            if (!inName) { headEnd = p; break; }
        }
        int h = headEnd - 1;
        if (h < c) return null;
        var head = _u[h];
        char gender = '?';
        for (int i = start; i < headEnd; i++)
        {
            if (L.IsFemale(_u[i].Lower)) gender = 'f';
            else if (L.IsMale(_u[i].Lower)) gender = 'm';
        }

        // "The White House", "the Senate": a capitalised organisation word heads a name even when it is also a title word.
        // A capitalised plural source noun opening a sentence ("Officials said", "Experts say") is a description.
        bool pluralCommon = head.IsCapitalised && h == c && head.Lower.EndsWith('s') && L.IsSourceOrTitle(head) && !L.OrgWords.Contains(head);
        bool headIsName = !pluralCommon && head.IsCapitalised && (L.OrgWords.Contains(head) && h > c && _u[h - 1].IsCapitalised || !L.Titles.Contains(head)) && !L.Nationalities.Contains(head)
                          && !L.CapitalisedFunctionWords.Contains(head);
        // "the Office of the Deputy Prime Minister": a title ends an organisation's name (round 27).
        if (!headIsName && head.IsCapitalised && !pluralCommon && h > c && L.Titles.Contains(head))
            for (int p = c + 1; p < h && !headIsName; p++) headIsName = OrgConnector(p, c, headEnd);
        if (headIsName)
        {
            int n = h;
            if (L.OrgWords.Contains(head) && L.Titles.Contains(head)) n = c;
            // An organisation's name keeps its descriptive words: "the European Commission", "Danish Health Ministry".
            if (L.OrgWords.Contains(head)) n = c;
            // ... but not the lower-case words or "X-based" before it (round 27): "news agency Reuters" is Reuters,
            // "Paris-based Euronext" is Euronext.
            while (n < h && (!_u[n].IsCapitalised || IsBasedModifier(n))) n++;
            while (n - 1 >= c && _u[n - 1].IsCapitalised && !L.Titles.Contains(_u[n - 1]) && !L.Nationalities.Contains(_u[n - 1])
                   && !L.CapitalisedFunctionWords.Contains(_u[n - 1]) && !IsBasedModifier(n - 1))
                n--;
            // "Federal Bureau of Prisons", "Bank of America": an organisation named with "of".
            if (n - 2 >= c && _u[n - 1].Lower == "of" && _u[n - 2].IsCapitalised && L.OrgWords.Contains(_u[n - 2]))
                n = c;
            // "Office for National Statistics", "Confederation of British Industry", "Royal College of Physicians":
            // the walk above stops at the connector or at a title or nationality after it ("National", "British"),
            // which left "Office", "Industry" or "Physicians" as the name (round 27).
            else if (OrgNameStart(c, n) is int orgStart and >= 0)
                n = orgStart;
            // "Secretary of State John Kerry": the "of" phrase belongs to the role, not the name.
            var name = _v.Text[_u[n].Start.._u[h].End];
            var roles = new List<string>();
            if (n > c)
            {
                var role = RoleText(c, n);
                if (role.Length > 0) roles.Add(role);
            }
            bool org = false;
            for (int i = n; i <= h; i++) if (L.OrgWords.Contains(_u[i])) org = true;
            // "Md.", "New York": a place named alone (one word or several) is never a person.
            bool place = n == h ? L.Places.Contains(head) : L.Places.Contains(name.ToLowerInvariant());
            // A lone all-capitals word ("DNC", "NYPD") is an organisation's acronym.
            if (n == h && head.Text.Length is >= 2 and <= 6 && head.Text.All(ch => char.IsUpper(ch) || ch == '.')) org = true;
            if (gender == '?' && n < h)
            {
                if (L.MaleFirstNames.Contains(_u[n])) gender = 'm';
                else if (L.FemaleFirstNames.Contains(_u[n])) gender = 'f';
            }
            bool person = !org && !place;
            return new RawMention(start, end, MentionKind.Name, name, roles, head.Lower, person, Weak: false, gender);
        }

        if (head.IsWord && (lenient || pluralCommon || L.IsSourceOrTitle(head) && !head.Lower.EndsWith("ss", StringComparison.Ordinal) && !L.Titles.Contains(head) || L.SourceNouns.Contains(head) || (L.Titles.Contains(head) && !L.Modifiers.Contains(head) && !NonHeadTitles.Contains(head.Lower))))
        {
            var role = RoleText(c, headEnd);
            bool person = !L.OrgWords.Contains(head) && head.Lower is not ("report" or "statement" or "study" or "survey" or "poll" or "polls");
            return new RawMention(start, end, MentionKind.Nominal, "", role.Length > 0 ? [role] : [], head.Lower, person, L.WeakSourceNouns.Contains(head), gender);
        }
        return null;
    }

    // "Paris-based", "London-based": where a company sits, not its name.
    private bool IsBasedModifier(int i) => _u[i].Lower.EndsWith("-based", StringComparison.Ordinal);

    /// <summary>
    /// True when the "of" or "for" at <paramref name="p"/> joins a capitalised organisation noun
    /// (<see cref="MentionLexicon.OrgHeads"/>) to a capitalised name, directly or after "the": "Office for National
    /// Statistics", "Office of the Deputy Prime Minister". Not "a spokesman for the campaign" (lower case) nor
    /// "Minister for Europe" (a title, not an organisation).
    /// </summary>
    private bool OrgConnector(int p, int c, int end)
    {
        if (_u[p].Lower is not ("of" or "for") || p - 1 < c || !_u[p - 1].IsCapitalised || !L.OrgHeads.Contains(_u[p - 1])) return false;
        if (p + 1 < end && _u[p + 1].IsCapitalised && !L.CapitalisedFunctionWords.Contains(_u[p + 1])) return true;
        return p + 2 < end && _u[p + 1].Lower == "the" && _u[p + 2].IsCapitalised;
    }

    /// <summary>
    /// Where an organisation's name starts when its capitalised run ending at the name start <paramref name="n"/>
    /// reaches back over an organisation connector (<see cref="OrgConnector"/>): the first capitalised word of the
    /// run before the connector ("Royal College", "Telecom Regulatory Authority"). Inside the run, capitalised words
    /// (titles and nationalities too: "of British Industry"), "the" after a connector or "and", and "and" or "&amp;"
    /// between capitalised words. -1 when no connector is reached, or when a title stands between a plain name word and
    /// the name ("Bank of England Governor Mervyn King"): a person's name keeps its own start.
    /// </summary>
    private int OrgNameStart(int c, int n)
    {
        int i = n, found = -1;
        bool afterTitle = false;
        while (i - 1 >= c)
        {
            var w = _u[i - 1];
            if (w.IsCapitalised && !L.CapitalisedFunctionWords.Contains(w))
            {
                // "Bank of England Governor Mervyn King": a plain name word before a title is an organisation or
                // place that the title belongs to, and the name after it a person's; "National" and "British" in
                // "Office for National Statistics", "Confederation of British Industry" are part of the name.
                if (L.Titles.Contains(w)) afterTitle = true;
                else if (afterTitle && !L.Nationalities.Contains(w) && !L.Modifiers.Contains(w)) return -1;
                i--;
                continue;
            }
            if (w.Lower == "the" && i - 2 >= c && _u[i - 2].Lower is "of" or "for" or "and") { i--; continue; }
            if (w.Lower is "and" or "&" && i - 2 >= c && _u[i - 2].IsCapitalised) { i--; continue; }
            if (w.Lower is "of" or "for" && i - 2 >= c && _u[i - 2].IsCapitalised)
            {
                if (OrgConnector(i - 1, c, _u.Length)) { found = i - 2; break; }
                afterTitle = false;
                i--;
                continue;
            }
            break;
        }
        if (found < 0) return -1;
        while (found - 1 >= c && _u[found - 1].IsCapitalised && !L.CapitalisedFunctionWords.Contains(_u[found - 1])) found--;
        return found;
    }

    /// <summary>Text of a role phrase without honorifics that carry no role ("Mr.", "Mrs.").</summary>
    private string RoleText(int start, int end, bool dropDeterminer = false)
    {
        while (dropDeterminer && start < end && L.Determiners.Contains(_u[start])) start++;
        var sb = new StringBuilder();
        int from = -1;
        for (int i = start; i < end; i++)
        {
            if (_u[i].Lower is "mr." or "mrs." or "ms." or "miss" or "mr" or "mrs" or "ms" || _u[i].Lower == ",")
            {
                Flush(ref from, i);
                continue;
            }
            if (from < 0) from = i;
        }
        Flush(ref from, end);
        return sb.ToString();

        void Flush(ref int f, int upTo)
        {
            if (f < 0) return;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(_v.Text[_u[f].Start.._u[upTo - 1].End]);
            f = -1;
        }
    }

    /// <summary>Forward run of a name with its titles, for scanning the article for people ("Belarusian leader Alexander Lukashenko").</summary>
    public int NameRunEnd(int start, int limit, int sentenceFirst)
    {
        int j = start;
        while (j < limit)
        {
            if (IsNameWord(j, sentenceFirst) || (_u[j].IsWord && (L.Titles.Contains(_u[j]) || L.Nationalities.Contains(_u[j])) && _u[j].Lower != "of")) { j++; continue; }
            if (_u[j].Lower == "of" && j > start && j + 1 < limit && _u[j - 1].IsCapitalised && _u[j + 1].IsCapitalised) { j++; continue; }
            break;
        }
        return j;
    }
}
