using ContradictionNlp.Claims;

namespace ContradictionNlp.Pairing;

/// <summary>
/// Whether a claim's cue denies its content ("X denied that the troops crossed", "X rejected claims that ...") instead of
/// asserting it. A claim's content is what was reported, not what the speaker holds true: "denied that A" commits the
/// speaker to not-A. Two claims of one speaker, one denying A and one asserting A, are the contradiction fact-checkers
/// look for first (an official's denial, then the admission), yet their contents are the same words, so without the cue
/// the scorer reads them as a repeat. <see cref="PairScorer"/> scores such a pair from the asserted content to the denied
/// proposition and swaps contradiction and entailment (<see cref="PairScorer.ScoreClaims"/>).
/// </summary>
/// <remarks>
/// Rules, each with a reason (negative cases in the tests):
/// <list type="bullet">
/// <item>a form of "deny" or "denial" in the cue is a denial, unless a passive auxiliary precedes it ("was denied entry":
/// someone refused the speaker something);</item>
/// <item>"reject", "dismiss", "refute", "rebut" deny a proposition only when what they reject is a report of one ("rejected
/// claims that ...", "dismissed suggestions that ..."); "rejected the proposal" is a stance, not a denial;</item>
/// <item>a leading "claims that" / "reports that" ... is not part of what is denied: "denied reports that the plant will
/// close" denies that the plant will close, so the proposition starts after "that".</item>
/// </list>
/// </remarks>
public static class CuePolarity
{
    /// <summary>
    /// Verbs that deny a reported proposition but are no cue of <see cref="CueLexicon"/> (so the rules never find them; the
    /// learned tagger may: "refuted suggestions"). Every other form is read through the lexicon's own inflections.
    /// </summary>
    private static readonly HashSet<string> RejectFormsOutsideLexicon = new(StringComparer.OrdinalIgnoreCase)
    { "refute", "refutes", "refuted", "refuting", "rebut", "rebuts", "rebutted", "rebutting" };

    /// <summary>1 when <paramref name="word"/> is a form of "deny" or "denial", 2 of reject / dismiss / refute / rebut, else 0.</summary>
    private static int DenialKind(string word)
    {
        if (CueLexicon.IsCueVerb(word, out var lemma, out _))
            return lemma == "deny" ? 1 : lemma is "reject" or "dismiss" ? 2 : 0;
        if (CueLexicon.IsCueNoun(word, out var noun)) return noun == "denial" ? 1 : 0;
        return RejectFormsOutsideLexicon.Contains(word) ? 2 : 0;
    }

    private static readonly HashSet<string> PassiveAuxiliaries = new(StringComparer.OrdinalIgnoreCase)
    { "was", "were", "is", "are", "be", "been", "being", "am" };

    /// <summary>Nouns that name a report of a proposition: what a denial or rejection is aimed at.</summary>
    private static readonly HashSet<string> ReportNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "claim", "claims", "report", "reports", "allegation", "allegations", "suggestion", "suggestions", "accusation",
        "accusations", "speculation", "rumour", "rumours", "rumor", "rumors", "charge", "charges", "assertion", "assertions",
        "idea", "notion", "talk", "fears",
    };

    private static readonly HashSet<string> LeadingDeterminers = new(StringComparer.OrdinalIgnoreCase)
    { "the", "these", "those", "any", "all", "such", "earlier", "recent", "media", "press", "newspaper" };

    /// <summary>
    /// -1 when <paramref name="claim"/> asserts its content; otherwise the offset in <see cref="Claim.ContentText"/> where
    /// the denied proposition starts (0, or just after a leading "claims that").
    /// </summary>
    public static int DeniedAt(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return DeniedAt(claim.CueText, claim.ContentText);
    }

    /// <inheritdoc cref="DeniedAt(Claim)"/>
    public static int DeniedAt(string cue, string content)
    {
        ArgumentNullException.ThrowIfNull(cue);
        ArgumentNullException.ThrowIfNull(content);
        // Every pair asks about both claims (70,223 pairs on the BBC run) and almost no cue is a denial: answer those
        // without splitting the cue. Every form DenialKind accepts contains one of these stems.
        if (!MayDeny(cue)) return -1;
        var words = cue.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool deny = false, reject = false, cueNamesReport = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].Trim(',', ':', '.', ';');
            var kind = DenialKind(w);
            if (kind != 0)
            {
                // "was denied entry", "were rejected": the speaker is the one refused, not the one denying.
                // Also with one word between ("was twice denied", "were flatly rejected").
                if (i > 0 && PassiveAuxiliaries.Contains(words[i - 1]) || i > 1 && PassiveAuxiliaries.Contains(words[i - 2])) return -1;
                if (kind == 1) deny = true; else reject = true;
            }
            else if ((deny || reject) && ReportNouns.Contains(w)) cueNamesReport = true; // "rejected claims" as the cue
        }
        if (!deny && !reject) return -1;
        // A content opening with punctuation or a participle (", saying he was happy ...") is the extractor reading the
        // speaker's next clause as what was denied: no proposition to negate.
        var first = SkipSpaces(content, 0);
        if (first >= content.Length || !(char.IsLetterOrDigit(content[first]) || content[first] is '"' or '“' or '\'' or '‘')) return -1;
        if (NextWord(content, first) is var (fs, fe) && fs >= 0 && content.AsSpan(fs, fe - fs).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && (!deny || content.AsSpan(fs, fe - fs) is "saying" or "adding" or "insisting" or "claiming")) return -1;
        var proposition = PropositionStart(content, out var namesReport, out var clause);
        if (deny) return proposition;
        // "rejected claims that A", "dismissed reports he would quit": the report's clause is what is denied; "rejected the
        // idea, saying ..." or "rejected the plan" name no proposition.
        return (namesReport || cueNamesReport) && clause ? proposition : -1;
    }

    private static bool MayDeny(string cue) =>
        cue.Contains("den", StringComparison.OrdinalIgnoreCase) || cue.Contains("rej", StringComparison.OrdinalIgnoreCase)
        || cue.Contains("dismiss", StringComparison.OrdinalIgnoreCase) || cue.Contains("refut", StringComparison.OrdinalIgnoreCase)
        || cue.Contains("rebut", StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that open a clause after a report noun without "that" ("reports he would quit", "claims the deal is off").</summary>
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    { "he", "she", "they", "it", "we", "i", "you", "there", "his", "her", "their", "its", "the", "a", "an", "this", "these", "those", "our", "my" };

    /// <summary>
    /// Where the proposition starts in <paramref name="content"/>: after a leading report noun and its "that" ("claims that
    /// A" -> A) or at the clause that follows the noun ("reports he would quit" -> "he would quit"), at the content's start
    /// after a bare "that", else 0. <paramref name="clause"/>: a clause was found (after "that" or a clause-opening word).
    /// </summary>
    private static int PropositionStart(string content, out bool namesReport, out bool clause)
    {
        namesReport = false;
        clause = false;
        var i = SkipSpaces(content, 0);
        if (StartsWithWord(content, i, "that")) { clause = true; return SkipSpaces(content, i + 4); }
        // Up to three determiners or modifiers, then a report noun, then "that" or a clause.
        var at = i;
        for (var n = 0; n < 4; n++)
        {
            var (start, end) = NextWord(content, at);
            if (start < 0) return 0;
            var word = content[start..end];
            if (ReportNouns.Contains(word))
            {
                namesReport = true;
                var after = SkipSpaces(content, end);
                if (StartsWithWord(content, after, "that")) { clause = true; return SkipSpaces(content, after + 4); }
                var (ns, ne) = NextWord(content, after);
                if (ns == after && (ClauseStarts.Contains(content[ns..ne]) || char.IsUpper(content[ns]))) { clause = true; return ns; }
                return 0;
            }
            if (!LeadingDeterminers.Contains(word) && !(word.Length > 0 && char.IsUpper(word[0]))) return 0;
            at = end;
        }
        return 0;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    private static bool StartsWithWord(string s, int i, string word) =>
        i + word.Length <= s.Length && string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + word.Length == s.Length || !char.IsLetterOrDigit(s[i + word.Length]));

    /// <summary>The next run of letters, digits, apostrophes or hyphens at or after <paramref name="i"/>; (-1, -1) when none.</summary>
    private static (int Start, int End) NextWord(string s, int i)
    {
        i = SkipSpaces(s, i);
        if (i >= s.Length || !char.IsLetterOrDigit(s[i])) return (-1, -1);
        var j = i;
        while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] is '\'' or '’' or '-')) j++;
        return (i, j);
    }
}
