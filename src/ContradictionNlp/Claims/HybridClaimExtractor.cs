using System.Runtime.CompilerServices;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>
/// Rules first, then the learned tagger's claims whose content overlaps no rule claim's content and whose
/// cue overlaps no rule claim's cue (the rules already decided what that cue reports; PolNeAR dev content
/// F1 0.640 -> 0.644, train 0.667 -> 0.670 with this second test): the
/// rules' precise boundaries and speaker resolution where they fire, the tagger's recall (rare cue
/// wordings) where they do not.
/// </summary>
/// <param name="speechOnly">
/// Add only learned claims that have a tagged speaker and whose cue holds a speech/statement word
/// (<see cref="CueLexicon.IsSpeechCue"/>) or, since round 5, a belief or stance verb of <see cref="CueLexicon"/>
/// (the classes the rules keep too). PolNeAR also annotates actions, evidentials and topics ("seems",
/// "in", "attacks on"); on news for fact-checkers those read as noise, so the pipeline uses this
/// mode, while the PolNeAR evaluation can measure both.
/// </param>
/// <param name="requireSpeaker">
/// Add only learned claims that have a tagged speaker (not a clause-opening participle or adverb), whatever
/// their cue (round 14, ATTR9; <c>--extractor hybrid-speaker</c>). Ignored when <paramref name="speechOnly"/> is set,
/// which requires a speaker too. Measured against <paramref name="speechOnly"/>: the learned claims that mode drops
/// for their cue word but that have a speaker match gold about half the time (dev 109 of 236, train 1,439 of 2,557),
/// well above the F1/2 a claim needs to raise F1, and no cue word or cue length stands out as worse on both splits;
/// the claims without a speaker match less often (dev 38 of 130) and stay out. The added claims that fail the
/// statement test are not classed <see cref="CueClass.Speech"/> ("declined", "ordered" or "seems to be attempting" are
/// no statements); since round 18 every learned claim, in every mode, takes its class from <see cref="CueLexicon.ClassOfCue"/>,
/// which reads a cue word through the punctuation the statement test stops at ("stated:", "wrote in an email:" are Speech).
/// </param>
public sealed class HybridClaimExtractor(IClaimExtractor rules, IClaimExtractor learned, bool speechOnly = false, bool requireSpeaker = false) : IClaimExtractor
{
    private readonly IClaimExtractor _rules = rules ?? throw new ArgumentNullException(nameof(rules));
    private readonly IClaimExtractor _learned = learned ?? throw new ArgumentNullException(nameof(learned));

    public bool SpeechOnly { get; } = speechOnly;

    /// <summary>Learned claims need a tagged speaker but may have any cue (see the constructor); false when <see cref="SpeechOnly"/>.</summary>
    public bool RequireSpeaker { get; } = requireSpeaker && !speechOnly;

    // Not AggressiveOptimization (round 20): a method so marked is never precompiled, so each run JIT-compiled it.
    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
    {
        // The learned pass's "none found" warning would repeat the rules' one; keep only the rules' diagnostics.
        IReadOnlyList<Claim> ruleClaims, learned;
        if (_rules is ClaimExtractor rules && _learned is LearnedClaimExtractor tagger)
        {
            // One unit view, parse and name scan of the article for both passes (each resolves with its own fork).
            ArgumentNullException.ThrowIfNull(text);
            var shared = new ArticleView(text, rules.Names);
            ruleClaims = rules.Extract(article, text, diagnostics, shared);
            // The learned claims OverlapsAny drops below are not made at all (their speakers are still resolved).
            learned = tagger.Extract(article, text, new DiagnosticBag(), shared, ruleClaims, dropOverlapping: true);
        }
        else
        {
            ruleClaims = _rules.Extract(article, text, diagnostics);
            learned = _learned.Extract(article, text, new DiagnosticBag());
        }
        var result = new List<Claim>(ruleClaims);
        foreach (var c in learned)
        {
            if (OverlapsAny(ruleClaims, c)) continue;
            // Which learned claims a mode admits: statements (speech mode), those with a speaker (speaker mode), or all.
            bool admitted = SpeechOnly ? IsStatement(c) : !RequireSpeaker || HasSpeaker(c);
            if (admitted) result.Add(Classed(c));
        }
        result.Sort((a, b) => a.Cue.Start != b.Cue.Start ? a.Cue.Start.CompareTo(b.Cue.Start) : a.Content.Start.CompareTo(b.Content.Start));
        return result;
    }

    private static bool Overlap(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    /// <summary>Some rule claim's content overlaps the learned claim's content, or its cue the learned cue (a loop, not a LINQ closure per claim).</summary>
    private static bool OverlapsAny(IReadOnlyList<Claim> ruleClaims, Claim c) => OverlapsAny(ruleClaims, c.Content, c.Cue);

    /// <summary>Some rule claim's content overlaps <paramref name="content"/>, or its cue <paramref name="cue"/>.</summary>
    internal static bool OverlapsAny(IReadOnlyList<Claim> ruleClaims, TextSpan content, TextSpan cue)
    {
        for (var i = 0; i < ruleClaims.Count; i++)
            if (Overlap(ruleClaims[i].Content, content) || Overlap(ruleClaims[i].Cue, cue)) return true;
        return false;
    }

    // A speaker the tagger found is enough, resolved to a name or not ("Several experts", "the announcer"),
    // as for rule claims; a claim with no source at all is not. Requiring a resolved name (as before) cost
    // dev content F1 0.658 -> 0.636 and train 0.635 -> 0.599 for a source accuracy of 0.963 instead of 0.952.
    private static bool IsStatement(Claim c)
    {
        if (c.Speaker.Span.IsEmpty) return false;
        // "according to X" attributes a statement, as in the rules (CueClass.Speech).
        if (c.CueText.StartsWith("according to", StringComparison.OrdinalIgnoreCase)) return true;
        var words = c.CueText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A belief or stance verb of our lexicon ("believes", "criticized"): the rules keep such claims with
        // their CueClass in every mode, so the tagger may add the ones the rules missed (round 5, measured alone: PolNeAR dev
        // content F1 0.652 -> 0.663, train 0.635 -> 0.657; source 0.955 -> 0.950, cue 0.965 -> 0.959).
        // A tagged "speaker" that is a participle or adverb opening the sentence ("Contradicting known facts, ...")
        // is the tagger misreading a clause opener; no such word names anyone.
        if (words.Any(w => !CueLexicon.IsTitleForm(w) && CueLexicon.IsCueVerb(w, out _, out var cls) && cls != CueClass.Speech))
            return !OpensWithParticiple(c.Speaker.Text);
        if (!words.Any(CueLexicon.IsSpeechCue)) return false;
        // "has responded to the war by ...", "acknowledgement of the invasion": a cue ending in a preposition
        // names what the speech was about or answered, not something asserted.
        return !CueLexicon.EndsInPreposition(words);
    }

    /// <summary>
    /// A learned claim with the class its cue has in <see cref="CueLexicon"/> (<see cref="CueLexicon.ClassOfCue"/>, round 18,
    /// CLASS12), in every mode. The tagger's own class is that of the cue's first cue verb, <see cref="CueClass.Speech"/> when it
    /// has none, so "showing support for", "did not respond to" or "declined" read as statements to
    /// <see cref="SpeechOnlyExtractor"/>, the speech-cue figures and the store. A learned claim that fails
    /// <see cref="IsStatement"/> (speaker mode only) is Speech by this lookup only when its speech word carries punctuation the
    /// statement test reads as part of the word ("stated:", "reports:"): speech all the same.
    /// </summary>
    private static Claim Classed(Claim c)
    {
        var cls = ClassOfCue(c.CueText);
        return cls == c.CueClass ? c : c with { CueClass = cls };
    }

    /// <summary>
    /// <see cref="CueLexicon.ClassOfCue"/>, remembered per cue text on this thread (perf only; round 19, EXTRACT13): it is
    /// a function of the text alone, and learned cues repeat ("said", "says", "told"), while each call splits, trims and
    /// lower-cases the phrase (~6 ms of the BBC run's extract stage, added in round 18). Bounded: past
    /// <see cref="MaxRememberedCues"/> texts a new one is classed afresh and not kept.
    /// </summary>
    private static CueClass ClassOfCue(string cue)
    {
        var known = t_cueClasses ??= new Dictionary<string, CueClassBox>(StringComparer.Ordinal);
        if (known.TryGetValue(cue, out var box)) return box.Class;
        var cls = CueLexicon.ClassOfCue(cue);
        if (known.Count < MaxRememberedCues) known[cue] = new CueClassBox(cls);
        return cls;
    }

    private const int MaxRememberedCues = 4096;

    // A box, not the enum: a dictionary of reference values runs the runtime's shared precompiled code (PAR11).
    private sealed class CueClassBox(CueClass cls)
    {
        public readonly CueClass Class = cls;
    }

    [ThreadStatic] private static Dictionary<string, CueClassBox>? t_cueClasses;

    /// <summary>A tagged speaker that is not a clause opener ("Contradicting known facts, ..."): the speaker test of <see cref="IsStatement"/> without its cue test.</summary>
    private static bool HasSpeaker(Claim c) => !c.Speaker.Span.IsEmpty && !OpensWithParticiple(c.Speaker.Text);

    /// <summary>True when the speaker text opens with an -ing or -ly word ("Contradicting", "Notably"): a clause opener, not a name.</summary>
    private static bool OpensWithParticiple(string speaker)
    {
        int end = speaker.IndexOf(' ');
        var first = end < 0 ? speaker : speaker[..end];
        return first.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || first.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
    }
}
