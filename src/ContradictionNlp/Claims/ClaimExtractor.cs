using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;
using L = ContradictionNlp.Claims.MentionLexicon;

namespace ContradictionNlp.Claims;

/// <summary>
/// Rule-based claim extractor. Works sentence by sentence over a tokenizer-independent view of the
/// tokens (<see cref="UnitView"/>), finding a cue first and then its speaker and content:
/// <list type="bullet">
/// <item>reported speech: <c>X [adverbs] CUE [PP] [that] CONTENT</c>, with X a name (titles split
/// into roles), a pronoun or a description;</item>
/// <item>postposed and inverted: <c>CONTENT, X said.</c>, <c>"CONTENT," said X.</c> (a quotation
/// may span sentences);</item>
/// <item><c>X said: "CONTENT"</c>; <c>according to X, CONTENT</c> and <c>CONTENT, according to X</c>;</item>
/// <item>cue nouns: <c>X's admission that CONTENT</c>;</item>
/// <item>participles and coordination inherit the subject: <c>X did Y, emphasizing that B</c>,
/// <c>X confirmed that A and added that B</c> (A ends where the second cue's clause starts).</item>
/// </list>
/// Not claims, on purpose: belief verbs (see <see cref="CueLexicon.BeliefVerbs"/>), negated cues
/// ("did not say"), passives without a speaker ("it was said"), directives ("told him to leave"),
/// adjectival "said" ("the said document"), and quotations with no cue (titles, scare quotes).
/// Speakers are then resolved within the article (see <see cref="MentionResolver"/>).
/// </summary>
public sealed class ClaimExtractor : IClaimExtractor
{
    /// <summary>
    /// The newest rule set. Rule sets are numbered by the round that last changed what the rules find on the scorer's
    /// synthetic-row corpus (bbc-news): the shipped scorer's manifest names the rule set its rows were made with, so a
    /// retrain makes the same rows (<see cref="Training.SyntheticPairs"/>) while the pipeline runs the newest rules.
    /// 28: every rule up to round 28 (scorers v4-v5 name no rule set and mean this one). 29: rule
    /// parenthetical_conjunction ("A, X said, until B" takes both parts).
    /// </summary>
    public const int LatestRules = 29;

    /// <summary>The oldest rule set this code can run.</summary>
    public const int OldestRules = 28;

    /// <param name="rules">The rule set to run (<see cref="OldestRules"/>..<see cref="LatestRules"/>); the newest by default.</param>
    /// <param name="names">The recogniser asked whether a name may be a "he"/"she" or an "it" (round 29); null: none is asked.</param>
    public ClaimExtractor(int rules = LatestRules, PersonNames? names = null)
    {
        if (rules is < OldestRules or > LatestRules)
            throw new ArgumentOutOfRangeException(nameof(rules), rules, $"The rule set must be {OldestRules}..{LatestRules}.");
        Rules = rules;
        Names = names;
    }

    /// <summary>The rule set this extractor runs.</summary>
    public int Rules { get; }

    /// <summary>The recogniser that vets names for "he"/"she" and "it" (<see cref="PersonNames"/>), or null.</summary>
    public PersonNames? Names { get; }

    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(article, text, diagnostics, new ArticleView(text, Names));
    }

    /// <summary>Extraction over a view built by the caller (shared with the learned pass in the hybrid).</summary>
    internal IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics, ArticleView shared)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var view = shared.View;
        var parser = shared.Parser;
        var finder = new SentenceRules(view, parser, Rules);
        var raws = new List<RawClaim>();
        for (int s = 0; s < view.SentenceRanges.Length; s++) raws.AddRange(finder.Find(s));

        var resolver = shared.NewResolver();
        var claims = new List<Claim>(raws.Count);
        // Content spans already made claims, as (start << 32 | end), scanned: an article has a few dozen claims at most, and a
        // HashSet<(int, int)> is framework generic code the ReadyToRun build cannot precompile (JIT-compiled in every run).
        var seen = new long[Math.Max(4, raws.Count)];
        int seenCount = 0;
        // By cue start, then content start, ties in the order found: the order OrderBy/ThenBy (a stable
        // sort) gave. Sorting indices with a comparison runs the runtime's precompiled sort; the LINQ
        // sorter over int keys was compiled by the JIT in every cnlp run.
        var order = new int[raws.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            int c = view.Units[raws[x].CueFirst].Start.CompareTo(view.Units[raws[y].CueFirst].Start);
            if (c == 0) c = raws[x].ContentStart.CompareTo(raws[y].ContentStart);
            return c != 0 ? c : x.CompareTo(y);
        });
        foreach (var found in order)
        {
            var raw = raws[found];
            if (!LearnedClaimExtractor.AddNew(ref seen, ref seenCount, ((long)raw.ContentStart << 32) | (uint)raw.ContentEnd)) continue;
            var sentence = text.Sentences[raw.Sentence];
            var cue = new TextSpan(view.Units[raw.CueFirst].Start, view.Units[raw.CueEnd - 1].End);
            var content = new TextSpan(raw.ContentStart, raw.ContentEnd);
            var speaker = resolver.Resolve(raw.Speaker, content);
            claims.Add(new Claim(
                Claim.MakeId(article.Id, content), article.Id, raw.Sentence, sentence.Span, speaker,
                cue, cue.Of(text.Text), content, raw.ContentText(text.Text), raw.Kind, article.Date, raw.Class)
            {
                ContentGap = raw.GapStart < 0 ? default : new TextSpan(raw.GapStart, raw.GapEnd),
            });
        }

        if (claims.Count == 0)
            diagnostics.Warning(article.Origin, "no attributed claims found (no reporting verb, cue noun or 'according to' with a speaker and content)", field: "text");
        return claims;
    }
}

/// <summary>A claim found by the rules: unit indices for the cue, character offsets for the content.</summary>
internal sealed record RawClaim(int Sentence, int CueFirst, int CueEnd, RawMention Speaker, ClaimKind Kind, int ContentStart, int ContentEnd)
{
    public CueClass Class { get; init; } = CueClass.Speech;

    /// <summary>Character range of the attribution inside an interrupted quotation's span (<c>“A,” she said, “B.”</c>); -1 when the content is contiguous.</summary>
    public int GapStart { get; init; } = -1;
    public int GapEnd { get; init; } = -1;

    /// <summary>Start of the content's part before an interrupting attribution ("A, he said, B"), for a forward content; -1 when none.</summary>
    public int LeadStart { get; init; } = -1;

    /// <summary>The content text: the span, or its two parts joined by " … " when an attribution interrupts it.</summary>
    public string ContentText(string text) => GapStart < 0
        ? text[ContentStart..ContentEnd]
        : string.Concat(text.AsSpan(ContentStart, GapStart - ContentStart), " \u2026 ", text.AsSpan(GapEnd, ContentEnd - GapEnd));
}

/// <summary>The per-sentence rules (see <see cref="ClaimExtractor"/>).</summary>
internal sealed class SentenceRules
{
    private readonly UnitView _v;
    private readonly Unit[] _u;
    private readonly MentionParser _p;

    // Adjectives allowed between a possessive and its cue noun ("Lukashenko's earlier admission that").
    private static readonly HashSet<string> CueNounAdjectives = new(StringComparer.Ordinal)
    {
        "initial", "earlier", "repeated", "public", "latest", "recent", "own", "previous", "new", "stunning",
        "surprising", "false", "frequent", "private", "later", "first", "unexpected", "explicit", "firm", "flat",
    };

    // Words that open an introductory phrase before the subject ("In an interview, X said").
    private static readonly HashSet<string> IntroWords = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "during", "after", "before", "while", "despite", "although", "though", "when",
        "contrary", "unlike", "as", "since", "because", "if", "additionally", "furthermore", "moreover",
        "however", "meanwhile", "also", "still", "speaking", "asked", "earlier", "later", "last", "for",
        "with", "without", "amid", "following", "under", "over", "by", "from", "to", "instead", "indeed",
    };

    // Words that may precede a pronoun subject without making it a relative clause.
    private static readonly HashSet<string> RelativeSafe = new(StringComparer.Ordinal)
    {
        "and", "but", "or", "so", "yet", "because", "that", "as", "when", "while", "if", "though", "although",
        "since", "after", "before", "until", "then", "now", "also", "still", "instead", "however", "where",
        "once", "whether", "meanwhile", "indeed", "and,", "today", "yesterday", "later", "earlier",
    };

    private static readonly HashSet<string> NounPhraseProne = new(StringComparer.Ordinal)
    {
        "write", "add", "announce", "maintain", "signal", "reveal", "explain", "recall", "answer", "comment",
        "report", "mention", "learn", "promise", "pledge", "vow", "estimate", "forecast", "guarantee",
        "repeat", "reiterate", "observe", "disclose", "tweet", "point", "continue",
    };

    // Cues whose object is the content even without a clause ("called the charges fabricated", "cited the report").
    private static readonly HashSet<string> ObjectContent = new(StringComparer.Ordinal) { "call", "cite", "express" };

    // Speech cues whose infinitive complement states the commitment ("pledged to", "promised to").
    private static readonly HashSet<string> InfinitiveCues = new(StringComparer.Ordinal) { "vow", "pledge", "promise", "agree" };

    private static readonly HashSet<string> TellObjectsStop = new(StringComparer.Ordinal) { "that", "to", "about", "of", "off" };

    private int _a, _e;
    private CueClass _cueClass;
    private bool _topicCue;
    private List<RawClaim> _claims = [];
    // Clause boundaries (unit indices) of the current sentence. A List<int>, which the runtime ships precompiled: the
    // List<(int, bool)> it was (the bool always false) was framework generic code JIT-compiled in every cnlp run (round 20).
    // Both lists are cleared per sentence, not reallocated: nothing outside Find holds them.
    private readonly List<int> _bounds = [];
    private readonly List<(int ClaimIndex, int From)> _forward = [];

    public SentenceRules(UnitView view, MentionParser parser, int rules = ClaimExtractor.LatestRules)
    {
        _v = view;
        _u = view.Units;
        _p = parser;
        _rules = rules;
    }

    // The rule set (ClaimExtractor.Rules): rules newer than it stay off.
    private readonly int _rules;

    // Find, TryVerb (here), MentionParser.Classify/NameRunEnd and MentionResolver's constructor are not AggressiveOptimization
    // (round 20): crossgen2 never precompiles a method so marked, so every cnlp run JIT-compiled these five (~38 ms of the
    // BBC run's extract stage, TryVerb alone 18 ms); their ReadyToRun code is used as it is.
    public List<RawClaim> Find(int sentence)
    {
        var (a, b) = _v.SentenceRanges[sentence];
        int e = b;
        while (e > a && _u[e - 1].Kind == UnitKind.Punct && _u[e - 1].Text is "." or "!" or "?" or ";" or "\u2026") e--;
        _a = a;
        _e = e;
        _claims = [];
        _bounds.Clear();
        _forward.Clear();

        TryLabelledTurn(sentence);
        TryNewsletterItem(sentence);
        TrySignedQuote(sentence, b);
        for (int i = a; i < e; i++)
        {
            var w = _u[i];
            if (!w.IsWord || _v.InsideRegion[i] >= 0) continue;
            if (w.Lower == "according" && i + 1 < e && _u[i + 1].Lower == "to") { TryAccordingTo(sentence, i); continue; }
            // Cues are lower case: "State Department" and headline-case "Says" are not cues.
            if (w.IsCapitalised) continue;
            int before = _claims.Count;
            bool cue = CueLexicon.IsCueVerb(w, out var lemma, out var cueClass);
            if (cue && CueLexicon.IsTitleForm(w.Lower)) cue = false;
            // A belief or stance verb inside another claim's content ("a poll shows that most voters
            // oppose the plan") is part of what was reported, not a second claim by its subject.
            if (cue && cueClass != CueClass.Speech && !CueLexicon.IsTopicParticle(lemma, i + 1 < e ? _u[i + 1].Lower : "") && InsideForwardContent(i)) cue = false;
            bool done = cue && TryVerb(sentence, i, lemma, cueClass);
            if (done && _cueClass != CueClass.Speech)
                for (int c = before; c < _claims.Count; c++) _claims[c] = _claims[c] with { Class = _cueClass };
            if (!done && CueLexicon.IsCueNoun(w)) TryCueNoun(sentence, i);
        }

        // Forward contents run to the end of the sentence or to the next clause that has its own cue.
        foreach (var (index, from) in _forward)
        {
            var c = _claims[index];
            int region = _v.OpeningRegion[from];
            (int, int)? span;
            // A quotation is the whole content only when the clause ends with it; otherwise
            // ("says “dangerous” things about ...") it is part of a longer clause.
            int close = region >= 0 ? _v.Regions[region].Close : -1;
            if (region >= 0 && (close >= e - 1 || _u[close + 1].Kind == UnitKind.Punct || _bounds.Contains(close + 1)))
                span = RegionSpan(region);
            else
            {
                int end = e;
                foreach (var bound in _bounds) if (bound > from && bound < end) end = bound;
                span = Trimmed(from, c.Class == CueClass.Attitude ? ObjectCut(from, end) : AdjunctCut(from, end));
            }
            _claims[index] = span is not { } s ? c with { ContentStart = -1 }
                : c.LeadStart >= 0 ? c with { ContentStart = c.LeadStart, ContentEnd = s.Item2, GapEnd = s.Item1 }
                : c with { ContentStart = s.Item1, ContentEnd = s.Item2 };
        }
        _claims.RemoveAll(c => c.ContentStart < 0 || c.ContentEnd <= c.ContentStart);
        return _claims;
    }

    /// <summary>
    /// Where a forward content ends before the reporter's own addition: a non-restrictive relative
    /// (", which ...", ", who ...") or a participle clause (", contradicting ...") after the comma
    /// describes the content, it is not part of what the speaker said. Commas inside quotations do not count.
    /// </summary>
    private int AdjunctCut(int from, int end)
    {
        for (int t = from + 2; t + 1 < end; t++)
        {
            if (_v.InsideRegion[t] >= 0) continue;
            var x = _u[t + 1];
            // "said X in an interview", "... in a statement": where it was said, not what (rule interview_venue).
            if (_u[t].Lower == "in" && t + 2 < end && x.Lower is "an" or "a" && _u[t + 2].Lower is "interview" or "statement") return t;
            // 'has “expanded the party,” claiming that ...': a comma inside a closing quotation ends the clause as
            // one outside it does; the cut falls after the quote mark (rule comma_inside_quote, round 14). Not
            // before "a"/"an": 'a “loser,” a “liar” and a “whiner”' is a list.
            bool quotedComma = _u[t].Lower != "," && _v.ClosingRegion[t] >= 0 && _u[t - 1].Lower == ",";
            if (_u[t].Lower != "," && !quotedComma) continue;
            if (!x.IsWord || x.IsCapitalised) continue;
            if (x.Lower is "which" || (x.Lower.Length > 5 && x.Lower.EndsWith("ing", StringComparison.Ordinal) && x.Lower is not ("including" or "during" or "something" or "nothing" or "anything" or "everything")))
                return quotedComma ? t + 1 : t;
            // ", who has a delegate lead", ", where he trailed": a non-restrictive relative describes a
            // name in the content for the reader (rule nonrestrictive_relative).
            if (x.Lower is "who" or "whose" or "where" or "when") return quotedComma ? t + 1 : t;
            if (quotedComma) continue;
            // "the person would not get beat up at his rally, a swipe at ...": an appositive after the
            // clause is the reporter's comment on it (rule appositive_comment).
            if (x.Lower is "a" or "an") return t;
        }
        return end;
    }

    // Words that end an inverted speaker after a quotation: "..." said Jane Roe as she left / who ... / while ...
    private static readonly HashSet<string> InvertedSpeakerStops = new(StringComparer.Ordinal)
    {
        "as", "who", "while", "when", "after", "before", "because", "during", "and", "but", "outside", "inside", "afterward", "later", "earlier",
    };

    // Words that open the reporter's circumstance after an object: "criticized the deal while in Ohio".
    private static readonly HashSet<string> CircumstanceOpeners = new(StringComparer.Ordinal)
    {
        "while", "during", "amid", "despite", "although", "though",
    };

    /// <summary>
    /// Where the object of a belief or stance cue ends: at a comma, semicolon or dash outside
    /// quotations, or at a word opening a circumstance ("while", "during"), whichever comes first.
    /// A that-clause or infinitive runs on as a clause would ("hopes that A, B and C" keeps its list
    /// only up to the first comma, which PolNeAR's spans mostly do too). A comma inside a list of objects
    /// does not end it ("endorsed Ryan, McCain and Ayotte"; rule object_list, <see cref="ListComma"/>).
    /// </summary>
    private int ObjectCut(int from, int end)
    {
        int cut = AdjunctCut(from, end);
        bool list = false;
        for (int t = from + 1; t < cut; t++)
        {
            if (_v.InsideRegion[t] >= 0 || _v.OpeningRegion[t] >= 0) continue;
            var x = _u[t];
            if (x.Lower == "," && ListComma(t, cut, list)) { list = true; continue; }
            if (x.Lower is "," or ";" or "\u2014" or "--" or "(") return t;
            if (x.IsWord && CircumstanceOpeners.Contains(x.Lower)) return t;
        }
        return cut;
    }

    /// <summary>
    /// True when the comma at <paramref name="t"/> separates items of a list: another comma, "and" or "or"
    /// follows within eight units, before <paramref name="end"/> and before a semicolon, dash, parenthesis or
    /// full stop ("supports A, B and C"). A comma followed at once by "and"/"or" joins two clauses instead
    /// ("praised the mayor, and the council agreed") and ends the object, unless an earlier comma of the same
    /// object already opened a list (<paramref name="inList"/>: the serial comma of "criticized A, B, and C").
    /// Round 14 (ATTR9), rule object_list: PolNeAR keeps such lists in the stance's content; rules content F1
    /// train 0.5966 -> 0.5983, dev 0.6383 -> 0.6388.
    /// </summary>
    private bool ListComma(int t, int end, bool inList)
    {
        if (t + 1 >= end) return false;
        if (_u[t + 1].Lower is "and" or "or") return inList;
        for (int k = t + 2; k < end && k <= t + 8; k++)
        {
            var y = _u[k].Lower;
            if (y is "and" or "or" or ",") return true;
            if (y is ";" or "\u2014" or "--" or "(" or "." or ":") return false;
        }
        return false;
    }

    private bool InsideForwardContent(int i)
    {
        foreach (var (_, from) in _forward)
        {
            if (from > i) continue;
            // "A said X, and B thinks Y": a comma or semicolon may start a new clause with its own cue.
            bool clauseBreak = false;
            for (int t = from; t < i; t++)
                if (_u[t].Lower is "," or ";" && _v.InsideRegion[t] < 0) { clauseBreak = true; break; }
            if (!clauseBreak) return true;
        }
        return false;
    }

    private bool IsStatementQuote(int region)
    {
        var r = _v.Regions[region];
        if (r.Open <= _a) return true;
        int words = 0;
        for (int t = r.Open + 1; t < r.Close; t++) if (_u[t].IsWord) words++;
        return words >= 4;
    }

    /// <summary>
    /// True when the sentence starting at unit <paramref name="a"/> continues a quotation the splitter
    /// cut off: <c>“Why now?” he asked</c>. Only a quote ending in , ? or ! on the same line counts;
    /// one ending in a period is a sentence of its own.
    /// </summary>
    private bool QuoteRunsOn(int a)
    {
        if (a - 1 < 0 || _v.ClosingRegion[a - 1] < 0) return false;
        var close = _u[a - 1];
        if (close.Start == 0 || _v.Text[close.Start - 1] is not (',' or '?' or '!')) return false;
        return !_v.Text.AsSpan(close.End, _u[a].Start - close.End).Contains('\n');
    }

    private RawMention? LastSpeaker => _claims.Count > 0 ? _claims[^1].Speaker : null;

    private static bool IsLyAdverb(Unit u) =>
        u.IsWord && !u.IsCapitalised && u.Lower.Length > 4 && u.Lower.EndsWith("ly", StringComparison.Ordinal)
        && !L.SourceNouns.Contains(u) && !L.Titles.Contains(u) && u.Lower is not ("ally" or "rally" or "italy" or "daily" or "weekly");

    private bool TryVerb(int sentence, int i, string lemma, CueClass cueClass)
    {
        int a = _a, e = _e;
        _cueClass = cueClass;
        _topicCue = false;
        int cueEnd = i + 1;
        // "talked about the economy", "warned of a recession": the particle joins the cue and its
        // object is the content. Naming a topic asserts nothing, so these are attitude cues.
        if (i + 1 < e && CueLexicon.IsTopicParticle(lemma, _u[i + 1].Lower))
        {
            cueEnd = i + 2;
            if (cueClass != CueClass.Belief) _cueClass = CueClass.Attitude;
            _topicCue = true;
        }
        else if (CueLexicon.IsPhrasalOnly(lemma)) return false;
        if (lemma == "point" && !_topicCue)
        {
            if (i + 1 < e && _u[i + 1].Lower == "out") cueEnd = i + 2;
            else return false;
        }
        // "called X a liar" / "called for a recount" / "called on Congress to act" characterise or demand;
        // "called him", "called it quits", "called off" do not.
        if (lemma == "call")
        {
            if (i + 1 >= e) return false;
            var next = _u[i + 1].Lower;
            if (next is "for" or "on") cueEnd = i + 2;
            else if (next is "up" or "off" or "back" or "in" or "out" || _u[i + 1].Kind != UnitKind.Word) return false;
            // "called him divisive", "called it a mistake" characterise; "called him" / "called him on Monday" is a phone call.
            else if (next is "it" or "him" or "her" or "them" or "me" or "us" or "you"
                     && !(i + 2 < e && _u[i + 2].IsWord && !L.Prepositions.Contains(_u[i + 2]) && !L.TimeWords.Contains(_u[i + 2])
                          && !L.IsDayOrMonth(_u[i + 2].Lower) && _u[i + 2].Lower is not ("back" or "up" or "off" or "out" or "and" or "but" or "to")))
                return false;
        }
        // Adjectival or nominal use: "the said document", "his claims", "that said".
        if (i - 1 >= a && _u[i - 1].IsWord && L.Determiners.Contains(_u[i - 1])) return false;

        int k = i - 1;
        bool negated = false, be = false;
        while (k >= a)
        {
            var x = _u[k];
            if (x.Kind == UnitKind.Negation || (x.IsWord && L.Negators.Contains(x))) { negated = true; k--; continue; }
            if (x.IsWord && !x.IsCapitalised && (L.SkippableBeforeCue.Contains(x) || IsLyAdverb(x))) { k--; continue; }
            if (x.IsWord && L.BeForms.Contains(x)) { be = true; k--; continue; }
            // "Trump on Monday said"
            if (x.IsCapitalised && L.IsDayOrMonth(x.Lower) && k - 1 >= a && _u[k - 1].Lower == "on") { k -= 2; continue; }
            // "Trump, however, said"
            if (x.Lower == "," && k - 2 >= a && _u[k - 1].Lower is "however" or "though" or "meanwhile" or "too" or "also" or "instead" && _u[k - 2].Lower == ",") { k -= 3; continue; }
            break;
        }
        if (negated) return false;
        var lower = _u[i].Lower;
        bool ing = lower.EndsWith("ing", StringComparison.Ordinal);
        bool participle = !ing && lower != lemma && !(lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && lower.Length == lemma.Length + 1)
                          && !lower.EndsWith("es", StringComparison.Ordinal);
        if (be && participle) return false;                      // passive: "it was said", "he was told"

        RawMention? speaker = null;
        int boundary = -1;
        if (k >= a && _u[k].Lower == "to")
        {
            // "went on to say that ..." keeps the subject; "declined to say" and the like report nothing.
            if (!(k - 1 >= a && _u[k - 1].Lower is "on" or "continued" or "continues" or "proceeded")) return false;
            speaker = LastSpeaker ?? SentenceSubject(k);
        }
        else if (ing && !be && (k < a || _u[k].Lower == ","))
        {
            boundary = k >= a ? k : -1;
            speaker = LastSpeaker ?? SentenceSubject(Math.Max(k, a));
        }
        else if (k >= a && _u[k].Lower is "and" or "but")
        {
            boundary = k - 1 >= a && _u[k - 1].Lower == "," ? k - 1 : k;
            speaker = LastSpeaker ?? SentenceSubject(k);
        }

        if (speaker is not null)
        {
            int from = ForwardStart(cueEnd, lemma, speaker);
            if (from < 0) return false;
            if (boundary >= 0) _bounds.Add(boundary);
            AddForward(sentence, i, cueEnd, speaker, from);
            return true;
        }

        var m = _p.ParseLeft(k + 1, a);
        // Any plain noun phrase opening the clause can speak ("The NFL legend said", "Most of them said");
        // not for -ing forms (a participle after a noun has the clause's subject: "a statement saying").
        if (m is null && !ing && !be && k == i - 1 && cueClass == CueClass.Speech) m = _p.ParseLeftLenient(k + 1, a);
        if (m is null)
        {
            // Participle after a noun: "issued a statement saying that ..." — the clause's subject speaks.
            // Not for stance or belief participles: "a bill supporting X" says nothing about the subject.
            if (ing && !be && cueClass == CueClass.Speech)
            {
                var subject = LastSpeaker ?? SentenceSubject(k + 1);
                if (subject is null) return false;
                int from = ForwardStart(cueEnd, lemma, subject);
                if (from < 0) return false;
                AddForward(sentence, i, cueEnd, subject, from);
                return true;
            }
            // Inverted: "..., said Trump." / "'...,' said a spokesman for the campaign."
            if (k == i - 1 && k >= a && (_u[k].Lower == "," || _v.ClosingRegion[k] >= 0))
            {
                var right = _p.ParseRight(cueEnd, e);
                // Right after a quotation the cue alone marks what follows as its speaker: "wrote one commenter",
                // "said one party activist", "said Carly Fiorina during the debate" (rule inverted_after_quote).
                bool quoteBefore = _v.ClosingRegion[k] >= 0 || (k - 1 >= a && _v.ClosingRegion[k - 1] >= 0);
                int adjunct = -1;
                if (quoteBefore && (right is null || !(right.End >= e || _u[right.End].Lower is "," or "(")))
                {
                    int t = cueEnd;
                    while (t < e && t - cueEnd < 10 && (_u[t].IsWord || _u[t].Kind is UnitKind.Number or UnitKind.Possessive)
                           && !(_u[t].IsWord && !_u[t].IsCapitalised && (InvertedSpeakerStops.Contains(_u[t].Lower) || (L.Prepositions.Contains(_u[t]) && _u[t].Lower is not ("of" or "for")))))
                        t++;
                    if (t > cueEnd && (t >= e || _u[t].Lower is "," or "(" || (_u[t].IsWord && !_u[t].IsCapitalised)) && _p.Classify(cueEnd, t, lenient: true) is { } found && found.First == cueEnd)
                    {
                        right = found;
                        if (t < e && _u[t].IsWord) adjunct = t;
                    }
                }
                // An inverted speaker is a short noun phrase: "said Trump", "said a spokesman for the campaign".
                if (right is null || right.End - right.First > 10) return false;
                var lead = _u[right.First];
                if (!(lead.IsCapitalised || L.SubjectPronouns.Contains(lead) || L.Determiners.Contains(lead) || L.IsSourceOrTitle(lead)
                      || (quoteBefore && lead.IsWord && !L.NonClauseStarts.Contains(lead) && !L.TimeWords.Contains(lead))) || lead.Lower == "that")
                    return false;
                int after = right.End;
                if (after < e && _u[after].Lower == "(")             // "said Rep. Jane Roe (D-Ore.), head of ..."
                    while (after < e && _u[after].Lower != ")") after++;
                if (after < e && _u[after].Lower == ")") after++;
                if (!(after >= e || _u[after].Lower == "," || after == adjunct)) return false;
                return AddBackward(sentence, i, cueEnd, right, k, ClaimKind.ReportedSpeech);
            }
            return false;
        }

        int before = m.First - 1;
        bool quoteEndsPreviousSentence = m.First == a && QuoteRunsOn(a);
        bool afterBoundary = (before >= a && (_u[before].Lower == "," || _v.ClosingRegion[before] >= 0)) || quoteEndsPreviousSentence;
        // Right after a closing quote the quotation is the content, whatever follows the cue
        // ("'...,' she said several months later").
        int closeAt = before >= a && _v.ClosingRegion[before] >= 0 ? before
                    : before - 1 >= a && _u[before].Lower == "," && _v.ClosingRegion[before - 1] >= 0 ? before - 1 : -1;
        // A short quoted title inside an introductory phrase ("In an interview on CBS's "Face the
        // Nation," Ryan said ...") is not the content; a quotation opening the sentence or of some length is.
        bool afterQuote = (closeAt >= 0 && IsStatementQuote(_v.ClosingRegion[closeAt])) || quoteEndsPreviousSentence;
        if (afterBoundary && !afterQuote && closeAt >= 0 && !IsTrailer(cueEnd, lemma)) afterBoundary = false;
        if (afterBoundary && (afterQuote || IsTrailer(cueEnd, lemma)))
        {
            int boundaryUnit = before >= a ? before : a - 1;
            // "During his years in office, Mr. Obama said, he had ...": the attribution sits inside the
            // content. Both sides are the content (as PolNeAR marks it), the attribution its gap.
            int resume = afterQuote ? -1 : ParentheticalResume(cueEnd, _cueClass == CueClass.Speech && before >= a ? a : -1, before);
            if (resume > 0 && before >= a)
            {
                _bounds.Add(before);
                AddForward(sentence, i, cueEnd, m, resume);
                if (Trimmed(a, before) is { } lead) _claims[^1] = _claims[^1] with { LeadStart = lead.Item1, GapStart = lead.Item2 };
                return true;
            }
            return AddBackward(sentence, i, cueEnd, m, boundaryUnit, ClaimKind.ReportedSpeech);
        }

        // "what Trump says is a lie", "the money he says he raised": the cue sits in a relative clause.
        if (before >= a && _u[before].IsWord && (_u[before].Lower is "what" or "which" or "whom" or "whatever"
            || (m.Kind == MentionKind.Pronoun && !_u[before].IsCapitalised && L.SourceNouns.Contains(_u[before]) == false
                && !RelativeSafe.Contains(_u[before].Lower) && !IsLyAdverb(_u[before]) && !L.TimeWords.Contains(_u[before]))))
            return false;
        int start = ForwardStart(cueEnd, lemma, m);
        if (start < 0) return false;
        if (_u[start].IsWord && L.FiniteMarkers.Contains(_u[start]) && _u[start - 1].Lower != "that") return false;   // "Trump says is a lie"

        // A new clause with its own subject ends the previous claim's content: "A said X, and B said Y". Not a name set
        // off by commas before its verb: in "he told MPs the Lord Chancellor, Lord Falconer, was insisting ..." the name
        // is an appositive of the content's own subject, so the content runs on (rule appositive_subject, round 28).
        bool appositive = before >= a && _u[before].Lower == "," && m.Kind == MentionKind.Name && m.End < i && _u[m.End].Lower == ","
            && before - 1 >= a && _u[before - 1].IsWord;
        if (!appositive && before >= a && _u[before].Lower is "," or "and" or "but" or ";")
            _bounds.Add(before - 1 >= a && _u[before - 1].Lower == "," ? before - 1 : before);
        AddForward(sentence, i, cueEnd, m, start);
        return true;
    }

    /// <summary>
    /// A line that opens with a name and a colon or a dash before a quotation: transcript turns
    /// ("PENCE: Well, look, ...") and vox-pop lists ("Jane Roe ― “I am ashamed ...”"). The content
    /// runs to the end of the line. A capitalised place before a dash is a dateline, not a speaker.
    /// </summary>
    private void TryLabelledTurn(int sentence)
    {
        int a = _a;
        if (a > 0 && !_v.Text.AsSpan(_u[a - 1].End, _u[a].Start - _u[a - 1].End).Contains('\n')) return;
        // A transcript pasted as one quotation per turn ("\"WALLACE: Let's start ..."): the line's opening
        // quote mark is no part of the label (rule quoted_transcript_turn). Only when it opens no
        // region of its own, so a quotation that starts the line is still read as one.
        if (a + 1 < _e && _u[a].Kind == UnitKind.Quote && _v.OpeningRegion[a] < 0 && _u[a + 1].IsCapitalised) a++;
        int j = a;
        while (j < _e && j - a < 5 && _u[j].IsCapitalised) j++;
        if (j == a || j >= _u.Length || j - a > 4) return;
        int nameEnd = j;
        // Headline style "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": an audience or
        // venue between the person and the colon belongs to neither the speaker nor the content.
        if (_u[j].Lower is "to" or "at" or "on" && j > a)
        {
            int t = j + 1;
            while (t < _e && t - j <= 5 && _u[t].IsCapitalised) t++;
            if (t > j + 1 && t < _u.Length && _u[t].Lower == ":") j = t;
        }
        bool colon = _u[j].Lower == ":";
        bool dash = _u[j].Text is "\u2015" or "\u2014" or "--";
        if (!colon && !dash) return;
        if (dash && (j + 1 >= _u.Length || _v.OpeningRegion[j + 1] < 0)) return;
        var m = _p.Classify(a, nameEnd);
        if (m is not { Kind: MentionKind.Name } || ((dash || nameEnd < j) && !m.IsPerson) || m.First != a || L.NotSpeakerLabels.Contains(m.Head)) return;
        if (_u[a].IsWord && L.Determiners.Contains(_u[a])) return;     // "The Latest:" is a heading
        int from = j + 1;
        int end = from;
        while (end < _u.Length && !_v.Text.AsSpan(_u[end - 1].End, _u[end].Start - _u[end - 1].End).Contains('\n')) end++;
        int words = 0;
        for (int t = from; t < end; t++) if (_u[t].IsWord) words++;
        if (words < 3 || Trimmed(from, end) is not { } span) return;
        var kind = _v.OpeningRegion[from] >= 0 ? ClaimKind.DirectQuote : ClaimKind.ReportedSpeech;
        _claims.Add(new RawClaim(sentence, j, j + 1, m, kind, span.Item1, span.Item2));
    }

    /// <summary>
    /// A digest item: a heading, a dash, a name and a colon before a quotation, all on one line
    /// ("Pollsters agree - Jane Roe: “One lesson was simple ...”"; rule newsletter_item). The content
    /// runs to the end of the line, as for a transcript turn.
    /// </summary>
    private void TryNewsletterItem(int sentence)
    {
        int a = _a;
        if (a > 0 && !_v.Text.AsSpan(_u[a - 1].End, _u[a].Start - _u[a - 1].End).Contains('\n')) return;
        for (int d = a + 1; d < _e && d - a <= 30; d++)
        {
            if (_u[d].Kind != UnitKind.Punct || _u[d].Text is not ("-" or "\u2013" or "\u2014" or "--")) continue;
            int t = d + 1;
            while (t < _e && t - d <= 5 && (_u[t].IsCapitalised || _u[t].Text == ".")) t++;
            if (t == d + 1 || t + 1 >= _u.Length || _u[t].Lower != ":" || _v.OpeningRegion[t + 1] < 0) return;
            var m = _p.Classify(d + 1, t);
            if (m is not { Kind: MentionKind.Name } || m.First != d + 1 || L.NotSpeakerLabels.Contains(m.Head)) return;
            int from = t + 1;
            int end = from;
            while (end < _u.Length && !_v.Text.AsSpan(_u[end - 1].End, _u[end].Start - _u[end - 1].End).Contains('\n')) end++;
            if (Trimmed(from, end) is not { } span) return;
            _claims.Add(new RawClaim(sentence, t, t + 1, m, ClaimKind.DirectQuote, span.Item1, span.Item2));
            return;
        }
    }

    /// <summary>
    /// A quotation signed at the end of its line: <c>“We deserve better.” ― Jane Roe</c> (vox-pop
    /// galleries). The content is the line up to the dash, whatever the quote marks look like.
    /// </summary>
    private void TrySignedQuote(int sentence, int b)
    {
        for (int d = Math.Max(_a, 1); d < b; d++)
        {
            if (_u[d].Text is not ("\u2015" or "\u2014") || _u[d - 1].Kind != UnitKind.Quote) continue;
            int end = d + 1;
            while (end < _u.Length && !_v.Text.AsSpan(_u[end - 1].End, _u[end].Start - _u[end - 1].End).Contains('\n')) end++;
            // "― Carla Sanchez." — a period after the signature ends the line, not the name (rule signed_quote_period).
            int nameEnd = end;
            while (nameEnd > d + 1 && _u[nameEnd - 1].Kind == UnitKind.Punct && _u[nameEnd - 1].Text is "." or ",") nameEnd--;
            if (nameEnd - d - 1 is < 1 or > 5) continue;
            var m = _p.Classify(d + 1, nameEnd);
            if (m is not { Kind: MentionKind.Name, IsPerson: true }) continue;
            int start = d - 1;
            while (start > 0 && !_v.Text.AsSpan(_u[start - 1].End, _u[start].Start - _u[start - 1].End).Contains('\n')) start--;
            if (Trim(_u[start].Start, _u[d - 1].End) is not { } span) continue;
            _claims.Add(new RawClaim(sentence, d, d + 1, m, ClaimKind.DirectQuote, span.Item1, span.Item2));
        }
    }

    private void TryCueNoun(int sentence, int i)
    {
        int a = _a, e = _e;
        if (!(i + 2 < e && _u[i + 1].Lower == "that")) return;
        int k = i - 1;
        for (int n = 0; n < 2 && k >= a && CueNounAdjectives.Contains(_u[k].Lower); n++) k--;
        if (k < a) return;
        RawMention? m;
        if (_u[k].Kind == UnitKind.Possessive) m = _p.ParseLeft(k, a);
        else if (_u[k].IsWord && L.PossessivePronouns.Contains(_u[k]))
        {
            var head = _u[k].Lower switch { "his" => "he", "her" => "she", "their" => "they", "its" => "it", "my" => "i", "our" => "we", _ => "you" };
            m = new RawMention(k, k + 1, MentionKind.Pronoun, "", [], head, head is "he" or "she", false, head == "he" ? 'm' : head == "she" ? 'f' : '?');
        }
        else return;
        if (m is null) return;
        _claims.Add(new RawClaim(sentence, i, i + 1, m, ClaimKind.CueNoun, 0, 0));
        _forward.Add((_claims.Count - 1, i + 2));
    }

    private void TryAccordingTo(int sentence, int i)
    {
        int a = _a, e = _e;
        var m = _p.ParseRight(i + 2, e, lenient: true);
        // "According to X, ...", "But according to X, ...", "But, according to X, ...".
        bool atStart = i == a || (i - 1 == a && _u[a].Lower is "but" or "and" or "yet")
                       || (i - 2 == a && _u[a].Lower is "but" or "and" or "yet" && _u[a + 1].Lower == ",");
        if (atStart && SourceUpToComma(i + 2, m) is { } full)
        {
            m = full;
            if (m.End + 1 >= e) return;
            _claims.Add(new RawClaim(sentence, i, i + 2, m, ClaimKind.AccordingTo, 0, 0));
            _forward.Add((_claims.Count - 1, m.End + 1));
            return;
        }
        if (m is null) return;
        if (i - 1 >= a && (_u[i - 1].Lower == "," || _v.ClosingRegion[i - 1] >= 0))
        {
            // "But the next day, according to Roffman, Trump made further demands": the attribution sits
            // inside the clause; both sides are the content (rule according_to_parenthetical).
            int resume = _u[i - 1].Lower == "," && m.End < e && _u[m.End].Lower == "," ? ParentheticalResume(m.End, a, i - 1) : -1;
            if (resume > 0 && Trimmed(a, i - 1) is { } lead)
            {
                _bounds.Add(i - 1);
                _claims.Add(new RawClaim(sentence, i, i + 2, m, ClaimKind.AccordingTo, 0, 0) { LeadStart = lead.Item1, GapStart = lead.Item2 });
                _forward.Add((_claims.Count - 1, resume));
                return;
            }
            AddBackward(sentence, i, i + 2, m, i - 1, ClaimKind.AccordingTo);
        }
    }

    /// <summary>
    /// The source of a clause-opening "according to": everything up to the first comma outside quotations
    /// ("an online University of Texas/Texas Tribune poll out Thursday", "her “clawback” plan"), which
    /// <see cref="MentionParser.ParseRight"/> stops short of at punctuation or after 14 words (rule
    /// according_to_long_source). Null when no comma ends it within 30 units or a cue verb comes first.
    /// </summary>
    private RawMention? SourceUpToComma(int start, RawMention? parsed)
    {
        if (parsed is not null && parsed.End < _e && _u[parsed.End].Lower == ",") return parsed;
        int comma = -1;
        for (int t = start; t < _e && t < start + 30; t++)
        {
            if (_u[t].Lower == "," && _v.InsideRegion[t] < 0) { comma = t; break; }
            if (_u[t].IsWord && !_u[t].IsCapitalised && CueLexicon.IsSpeechVerb(_u[t])) return null;
        }
        if (comma <= start) return null;
        if (_p.Classify(start, comma, lenient: true) is { } m && m.First == start) return m with { End = comma };
        if (parsed is not null && parsed.First == start) return parsed with { End = comma };
        int head = comma - 1;
        while (head > start && !_u[head].IsWord) head--;
        return new RawMention(start, comma, MentionKind.Nominal, "", [], _u[head].Lower, false, false, '?');
    }

    private void AddForward(int sentence, int cueFirst, int cueEnd, RawMention speaker, int from)
    {
        var kind = _v.OpeningRegion[from] >= 0 ? ClaimKind.DirectQuote : ClaimKind.ReportedSpeech;
        _claims.Add(new RawClaim(sentence, cueFirst, cueEnd, speaker, kind, 0, 0));
        _forward.Add((_claims.Count - 1, from));
    }

    /// <summary>Content before the speaker: the quotation closed at <paramref name="boundary"/>, or the sentence up to the comma there.</summary>
    private bool AddBackward(int sentence, int cueFirst, int cueEnd, RawMention speaker, int boundary, ClaimKind kind)
    {
        int q = boundary;
        if (q >= 0 && _u[q].Lower == ",") q--;
        (int, int)? span = null;
        if (q >= 0 && _v.ClosingRegion[q] >= 0)
        {
            var region = _v.Regions[_v.ClosingRegion[q]];
            span = RegionSpan(_v.ClosingRegion[q]);
            if (kind == ClaimKind.ReportedSpeech) kind = ClaimKind.DirectQuote;
            // "However laudable the goal, using the tax ''is a misguided approach,'' he said": a quotation
            // that finishes the speaker's own sentence; the content is the whole sentence.
            if (region.Open > _a && region.Open < boundary)
            {
                int words = 0;
                bool otherCue = false;
                for (int t = _a; t < region.Open; t++)
                {
                    if (_u[t].IsWord) words++;
                    if (_u[t].IsWord && !_u[t].IsCapitalised && CueLexicon.IsSpeechVerb(_u[t])) otherCue = true;
                }
                if (words >= 2 && !otherCue)
                {
                    span = Trim(_u[_a].Start, _u[region.Close].Start);
                    kind = ClaimKind.ReportedSpeech;
                }
            }
            // "“A,” she said. “B.”" — one statement interrupted by its attribution. PolNeAR (and a reader)
            // takes both parts as the content: the span covers them, the text joins them with " … " so
            // the attribution never becomes part of what was said (dev: 95 of 237 boundary errors were this).
            if (ContinuedQuote(cueEnd) is { } next && RegionSpan(next) is { } more && span is { } first && more.Item1 > first.Item2)
            {
                _bounds.Add(boundary);
                _claims.Add(new RawClaim(sentence, cueFirst, cueEnd, speaker, kind, first.Item1, more.Item2) { GapStart = first.Item2, GapEnd = more.Item1 });
                return true;
            }
        }
        else if (boundary > _a && _u[boundary].Lower == ",")
        {
            int words = 0;
            for (int t = _a; t < boundary; t++) if (_u[t].IsWord) words++;
            if (words < 3) return false;
            // "In a statement, he said." — a short prepositional phrase is the attribution's, not content.
            if (words < 6 && _u[_a].IsWord && L.Prepositions.Contains(_u[_a])) return false;
            span = Trimmed(_a, boundary);
        }
        if (span is not { } s) return false;
        _bounds.Add(boundary);
        _claims.Add(new RawClaim(sentence, cueFirst, cueEnd, speaker, kind, s.Item1, s.Item2));
        return true;
    }

    /// <summary>
    /// True when the quotation closing at unit <paramref name="close"/> ends with its own sentence-final
    /// mark: "“A,” said X. “B.” Perhaps, he said, ..." — B is a whole sentence of the speaker's, so the
    /// text after it on the line is a new sentence and B still continues the quote (rule continued_quote_sentence).
    /// </summary>
    private bool QuoteEndsSentence(int close)
    {
        int last = close - 1;
        return last >= 0 && _u[last].Kind == UnitKind.Punct && _u[last].Text is "." or "!" or "?";
    }

    /// <summary>
    /// The quotation that continues the speaker's words right after the attribution: after a comma in
    /// the same sentence, or opening the next sentence (on the same line, or as the whole next paragraph)
    /// and ending its paragraph or its own sentence (so it is not a new attributed quote). Null when there is none.
    /// </summary>
    private int? ContinuedQuote(int j)
    {
        int e = _e;
        while (j < e && _u[j].Lower != ",") j++;
        int open;
        if (j < e && j + 1 < _u.Length && _v.OpeningRegion[j + 1] >= 0) open = j + 1;
        else
        {
            // Not right after the attribution: the quotation may resume with the next sentence.
            j = e;
            open = e;
            while (open < _u.Length && _u[open].Kind == UnitKind.Punct && _u[open].Lower is "." or "!" or "?") open++;
        }
        if (open >= _u.Length || _v.OpeningRegion[open] < 0) return null;
        // "“A,” she said.\n\n“B.”": a paragraph that is one quotation and nothing else continues the speaker's
        // words (news style gives a new speaker an attribution of their own; rule quote_paragraph_continues).
        // Only after an attribution that ends its own paragraph; the check below makes B end its paragraph too.
        if (j < e && _v.Text.AsSpan(_u[open - 1].End, _u[open].Start - _u[open - 1].End).Contains('\n')) return null;
        int region = _v.OpeningRegion[open];
        int close = _v.Regions[region].Close;
        if (j >= e)
        {
            int after = _u[close].End;
            while (after < _v.Text.Length && _v.Text[after] is ' ' or '\t') after++;
            if (after < _v.Text.Length && _v.Text[after] != '\n' && _v.Text[after] != '\r'
                && !(close > open + 1 && QuoteEndsSentence(close))) return null;
        }
        return region;
    }

    /// <summary>
    /// Where the content starts after a cue: after "that", at an opening quote, after a colon, or at
    /// a bare clause; stepping over the audience of "tell", time words and a prepositional phrase
    /// that ends in "that" ("stated in an interview that"). -1 when nothing after the cue is content.
    /// </summary>
    private int ForwardStart(int j, string lemma, RawMention speaker)
    {
        int e = _e;
        if (_cueClass != CueClass.Speech) return ObjectStart(j);
        if (lemma == "tell")
        {
            if (j >= e) return -1;
            // "told a gathering of island leaders that ...": the audience may be long; find its "that".
            for (int t = j + 1; t < e && t <= j + 9; t++)
            {
                var x = _u[t];
                if (x.Lower == "that") return t + 1 < e ? t + 1 : -1;
                if (!x.IsWord || (t == j + 1 && x.Lower is "to" or "about") || (CueLexicon.IsSpeechVerb(x) && !x.IsCapitalised)) break;
            }
            if (L.ObjectPronouns.Contains(_u[j])) j++;
            else if (_u[j].IsCapitalised) { while (j < e && _u[j].IsCapitalised) j++; }
            else if (L.Determiners.Contains(_u[j]))
            {
                j++;
                for (int n = 0; n < 4 && j < e && _u[j].IsWord && !TellObjectsStop.Contains(_u[j].Lower) && !L.Prepositions.Contains(_u[j]); n++) j++;
            }
            else return -1;
            if (j < e && _u[j].IsWord && TellObjectsStop.Contains(_u[j].Lower) && _u[j].Lower != "that") return -1;   // "told him to leave"
        }
        // "vowed to cut taxes", "agreed to release the funds": a commitment's infinitive is what was promised.
        if (InfinitiveCues.Contains(lemma))
        {
            int t = j;
            while (t < e && IsAdverbial(_u[t])) t++;
            if (t + 2 < e && _u[t].Lower == "to" && _u[t + 1].IsWord && !_u[t + 1].IsCapitalised
                && !L.Determiners.Contains(_u[t + 1]) && !L.ObjectPronouns.Contains(_u[t + 1]) && !L.PossessivePronouns.Contains(_u[t + 1]))
                return t;
        }
        while (true)
        {
            while (j < e && IsAdverbial(_u[j])) j++;
            if (j < e && _u[j].IsWord && L.Prepositions.Contains(_u[j]) && _v.OpeningRegion[j] < 0)
            {
                int f = -1;
                for (int t = j + 1; t < e && t < j + 12; t++)
                {
                    // A short quotation inside the phrase is a title ("on CBS's “Face the Nation” that").
                    if (_v.OpeningRegion[t] >= 0 && _v.Regions[_v.OpeningRegion[t]].Close - t <= 6) { t = _v.Regions[_v.OpeningRegion[t]].Close; continue; }
                    if (_u[t].Lower is "that" or "," or ":" || _v.OpeningRegion[t] >= 0) { f = t; break; }
                    if (_u[t].IsWord && CueLexicon.IsSpeechVerb(_u[t]) && !_u[t].IsCapitalised) break;
                }
                if (f < 0) return -1;
                j = _u[f].Lower == "," ? f + 1 : f;
                continue;
            }
            break;
        }
        if (j >= e) return -1;
        if (_u[j].Lower == "that") return j + 1 < e ? j + 1 : -1;
        if (_u[j].Lower is ":" or ",")
        {
            bool colon = _u[j].Lower == ":";
            j++;
            if (j < _u.Length && _v.OpeningRegion[j] >= 0) return j;
            if (j < e && _u[j].Lower == "that") return j + 1 < e ? j + 1 : -1;
            return colon && j < e ? j : -1;
        }
        if (_v.OpeningRegion[j] >= 0) return j;
        bool finding = CueLexicon.FindingVerbs.Contains(lemma);
        if (finding && !L.DocumentNouns.Contains(speaker.Head)) return -1;   // "police found a body" reports no claim
        if (speaker.Weak && !finding) return -1;                 // "the figures said nothing new"
        if (_u[j].Kind is UnitKind.Punct or UnitKind.Quote or UnitKind.Possessive) return -1;
        if (L.NonClauseStarts.Contains(_u[j]) && !(ObjectContent.Contains(lemma) && _u[j].Lower is "for" or "on")
            && !(lemma == "call" && _u[j].Lower is "him" or "them" or "me" or "us")) return -1;
        if (lemma == "call" && _u[j].IsCapitalised)
        {
            // "called Tom Reyes on Friday" is a phone call; "called Reyes a liar" characterises him.
            int t = j;
            while (t < _e && _u[t].IsCapitalised) t++;
            if (t >= _e || _u[t].Lower == "," || (_u[t].IsWord && L.Prepositions.Contains(_u[t]))) return -1;
        }
        int words = 0;
        for (int t = j; t < e; t++) if (_u[t].IsWord || _u[t].Kind == UnitKind.Number) words++;
        if (words < 2) return -1;
        // Without "that", these cues often take a plain noun phrase that is no statement ("maintains a
        // program", "wrote letters", "announced plans"), so their content must look like a clause.
        if (NounPhraseProne.Contains(lemma) && !LooksLikeClause(j)) return -1;
        return j;
    }

    /// <summary>
    /// Content start after a belief or stance verb: its whole complement, which PolNeAR and readers take
    /// as the content — a that-clause, a bare clause, an infinitive ("wants to run"), an object with its
    /// complement ("urged him to resign") or a plain object ("criticized the deal"). A prepositional
    /// phrase or a comma right after the verb ("hoped for", "thinks, however") is no complement we take.
    /// </summary>
    private int ObjectStart(int j)
    {
        int e = _e;
        while (j < e && IsAdverbial(_u[j])) j++;
        if (j >= e) return -1;
        var x = _u[j];
        if (x.Lower == "that") return j + 1 < e ? j + 1 : -1;
        if (x.Lower == ":") return j + 1 < e ? j + 1 : -1;
        if (_v.OpeningRegion[j] >= 0) return j;
        if (x.Kind is UnitKind.Punct or UnitKind.Quote or UnitKind.Possessive) return -1;
        if (x.IsWord && x.Lower != "to" && (L.Prepositions.Contains(x) || x.Lower is "so" or "it" or "about" or "of" or "for" or "as" or "and" or "or" or "but")) return -1;
        return j;
    }

    /// <summary>A subject pronoun first, or an auxiliary, negation or past-tense word before the next comma.</summary>
    private bool LooksLikeClause(int j)
    {
        if (_u[j].IsWord && L.SubjectPronouns.Contains(_u[j]) && _u[j].Lower != "you") return true;
        for (int t = j; t < _e && _u[t].Lower != ","; t++)
        {
            var x = _u[t];
            if (x.Kind == UnitKind.Negation || (x.Kind is UnitKind.Word or UnitKind.Possessive && L.FiniteMarkers.Contains(x))) return true;
            if (t > j && x.IsWord && !x.IsCapitalised && x.Lower.Length > 4 && x.Lower.EndsWith("ed", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool IsAdverbial(Unit u) =>
        (u.IsWord && (L.TimeWords.Contains(u) || L.IsDayOrMonth(u.Lower) || IsLyAdverb(u))) || (u.Kind == UnitKind.Number && u.Length() <= 2);

    /// <summary>
    /// True when what follows a cue is not content: nothing, an audience ("told reporters"), time
    /// words, a prepositional phrase ("in a statement"), or a comma starting another clause.
    /// </summary>
    private bool IsTrailer(int j, string lemma)
    {
        int e = _e;
        if (lemma == "tell" && j < e && (L.ObjectPronouns.Contains(_u[j]) || _u[j].IsCapitalised))
        {
            j++;
            while (j < e && _u[j].IsCapitalised) j++;
        }
        while (j < e && IsAdverbial(_u[j])) j++;
        if (j < e && _u[j].IsWord && L.Prepositions.Contains(_u[j]))
        {
            while (j < e && _u[j].Lower != "," && _u[j].Lower != "that" && _v.OpeningRegion[j] < 0) j++;
            if (j < e && _u[j].Lower == "that") return false;
        }
        // ", “...”" after the cue: the quotation that follows is the content, not a trailer.
        if (j < e && _u[j].Lower == "," && j + 1 < _u.Length && _v.OpeningRegion[j + 1] >= 0) return false;
        return j >= e || _u[j].Lower == ",";
    }

    // Words that carry an interrupted statement on after its attribution ("A, he said, until B").
    private static readonly HashSet<string> ResumingConjunctions = new(StringComparer.Ordinal)
    { "and", "but", "until", "because", "although", "though", "unless", "while", "whereas", "so", "since", "or" };

    /// <summary>
    /// After "X, he said," — the unit where the interrupted clause resumes, or -1 when what follows
    /// the comma is an adjunct of the attribution ("as they ...", "adding that ...") or nothing.
    /// </summary>
    /// <param name="conjunctionFrom">
    /// Where the statement before the attribution starts, when a conjunction may resume it (a speech cue or "according to");
    /// -1 otherwise.
    /// </param>
    /// <param name="leadEnd">Where that statement ends (the comma before the attribution).</param>
    private int ParentheticalResume(int j, int conjunctionFrom = -1, int leadEnd = -1)
    {
        int e = _e, start = j;
        while (j < e && _u[j].Lower != ",") j++;
        if (j + 1 >= e) return -1;
        var x = _u[j + 1];
        bool clause = (x.IsWord && (L.SubjectPronouns.Contains(x) || x.Lower is "there" or "the" or "a" or "an" || (x.IsCapitalised && !L.CapitalisedFunctionWords.Contains(x))))
                      && !(x.IsWord && CueLexicon.IsSpeechVerb(x));
        // "Russia's gains, they said, could be undone": the part before the attribution is the subject and
        // the clause resumes with its auxiliary or modal (rule parenthetical_predicate).
        if (!clause && x.Kind is UnitKind.Word && !x.IsCapitalised && L.FiniteMarkers.Contains(x)) clause = true;
        // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": a conjunction carries the same statement on
        // (rule parenthetical_conjunction). Not after an introductory phrase ("In the end, Patriot agreed to lend ...,
        // and the union ..."): there the part before the speaker is no statement.
        if (!clause && conjunctionFrom >= 0 && _rules >= 29 && x.Kind is UnitKind.Word && !x.IsCapitalised && ResumingConjunctions.Contains(x.Lower)
            && ConjunctionResumes(conjunctionFrom, leadEnd, start, j))
            clause = true;
        int words = 0;
        for (int t = j + 1; t < e; t++) if (_u[t].IsWord) words++;
        return clause && words >= 3 ? j + 1 : -1;
    }

    /// <summary>
    /// Rule parenthetical_conjunction's limits (PolNeAR train: each was a wrong join): the part before the attribution is a
    /// statement of three words or more, not an introductory phrase ("In the end, Patriot agreed ..."); the attribution is
    /// not followed by its own complement ("agreed to pick up the bill, and ..."); and the resumed part holds no cue of
    /// its own, of any class ("vital, he said, because he said ...", "a formality, analysts said, and the company expects
    /// ...": bbc-news).
    /// </summary>
    private bool ConjunctionResumes(int leadFrom, int leadEnd, int cueEnd, int comma)
    {
        if (IntroWords.Contains(_u[leadFrom].Lower)) return false;
        int words = 0;
        for (int t = leadFrom; t < leadEnd && words < 3; t++) if (_u[t].IsWord) words++;
        if (words < 3) return false;
        if (cueEnd < comma && _u[cueEnd].Lower is "to" or "with" or "that") return false;
        for (int t = comma + 1; t < _e; t++)
            if (_u[t].IsWord && !_u[t].IsCapitalised && CueLexicon.IsCueVerb(_u[t])) return false;
        return true;
    }

    /// <summary>The subject of the sentence's main clause, skipping an introductory phrase up to its comma.</summary>
    private RawMention? SentenceSubject(int limit)
    {
        int i = _a;
        if (i >= limit) return null;
        if (IntroWords.Contains(_u[i].Lower))
        {
            int comma = -1;
            for (int t = i + 1; t < limit; t++) if (_u[t].Lower == ",") { comma = t; break; }
            if (comma < 0) return null;
            i = comma + 1;
        }
        if (i < limit && _u[i].Lower is "but" or "and" or "yet" or "so") i++;
        if (i >= limit) return null;
        if (_u[i].IsWord && L.SubjectPronouns.Contains(_u[i])) return _p.ParseRight(i, i + 1);
        // Leading material that cannot open a noun phrase (a dateline, metadata): take the first name
        // run that is not the object of a preposition.
        if (!(_u[i].IsCapitalised || (_u[i].IsWord && (L.Determiners.Contains(_u[i]) || L.SourceNouns.Contains(_u[i]) || L.Titles.Contains(_u[i])))))
        {
            for (int t = i + 1; t < limit; t++)
            {
                if (!_u[t].IsCapitalised) continue;
                if (_u[t - 1].IsWord && (L.Prepositions.Contains(_u[t - 1]) || _u[t - 1].Lower == "of")) return null;
                i = t;
                break;
            }
        }
        int j = i;
        if (_u[j].IsWord && L.Determiners.Contains(_u[j])) j++;
        while (j < limit && (_u[j].IsCapitalised || _u[j].Kind == UnitKind.Number
                             || (_u[j].IsWord && (L.Titles.Contains(_u[j]) || L.Modifiers.Contains(_u[j]) || L.SourceNouns.Contains(_u[j]) || L.Nationalities.Contains(_u[j])) && _u[j].Lower != "of")
                             || (_u[j].Lower == "of" && j + 1 < limit && j > i && _u[j - 1].IsCapitalised && _u[j + 1].IsCapitalised)))
            j++;
        return j > i ? _p.Classify(i, j) : null;
    }

    private (int, int)? RegionSpan(int region)
    {
        var r = _v.Regions[region];
        return r.Close - r.Open < 2 ? null : Trim(_u[r.Open].End, _u[r.Close].Start);
    }

    private (int, int)? Trimmed(int from, int endExclusive) =>
        endExclusive <= from ? null : Trim(_u[from].Start, _u[endExclusive - 1].End);

    private static bool OpensInside(string t, int start, int end, char close)
    {
        if (close is '\u201D') return t.AsSpan(start, end - start).Contains('\u201C');
        if (close is '\u2019') return t.AsSpan(start, end - start).Contains('\u2018');
        int n = 0;
        foreach (var ch in t.AsSpan(start, end - start)) if (ch == close) n++;
        return n % 2 == 1;
    }

    /// <summary>Trims whitespace, outer quote marks and trailing , . ; : — keeping an abbreviation's period ("U.S.").</summary>
    private (int, int)? Trim(int start, int end)
    {
        var t = _v.Text;
        while (start < end && (char.IsWhiteSpace(t[start]) || t[start] is '"' or '\u201C' or '\u201D' or '\'' or '\u2018')) start++;
        while (true)
        {
            while (end > start && char.IsWhiteSpace(t[end - 1])) end--;
            if (end > start && t[end - 1] is ',' or ';' or ':' or '\u2014' or '\u2013') { end--; continue; }
            // A closing mark goes unless it closes a quotation opened inside the content ("the “war of attrition”").
            if (end > start && t[end - 1] is '"' or '\u201D' or '\u2019' or '\'' && !OpensInside(t, start, end - 1, t[end - 1])) { end--; continue; }
            if (end > start && t[end - 1] == '.' && !(end - 3 >= start && t[end - 3] == '.' && char.IsUpper(t[end - 2]))) { end--; continue; }
            break;
        }
        while (start < end && (char.IsWhiteSpace(t[start]) || t[start] is '"' or '\u201C' or '\u201D' or '\'' or '\u2018')) start++;
        return end > start ? (start, end) : null;
    }
}
