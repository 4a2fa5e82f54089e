using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>
/// Scores a same-speaker claim pair and relates their dates. Thread-safe when the scorer is.
/// <para>
/// Two claims have no premise/hypothesis direction (NLI data has), so the pair is scored both ways and
/// the direction with the higher contradiction probability kept. Before that, a cheap topic gate (<see cref="TopicGate"/>): claims
/// sharing no content word are about different things, and are neutral without running the model.
/// Most same-speaker pairs are of that kind, so the gate is both the main guard against false flags
/// and what makes scoring fast.
/// </para>
/// </summary>
/// <param name="useGate">False scores every pair with the model (to measure what the gate buys).</param>
/// <param name="cacheCapacity">
/// Claim texts whose analysis (<see cref="PreparedText"/>) is kept for reuse when the scorer is an <see cref="NliScorer"/>;
/// 0 analyses each text on every pair (as before the cache). Scores are the same either way.
/// </param>
public sealed class PairScorer(IContradictionScorer scorer, TopicGate? gate = null, bool useGate = true, int cacheCapacity = PairScorer.DefaultCacheCapacity)
{
    /// <summary>
    /// Default <paramref name="cacheCapacity"/>: the pipeline pairs a claim with up to 50 earlier claims of its speaker,
    /// so the texts in use at once are a few speakers' recent claims; 4,096 covers those (a prepared claim is a few KB).
    /// </summary>
    public const int DefaultCacheCapacity = 4096;

    /// <summary>What a pair the gate stops (unrelated) gets: not a contradiction, not entailed.</summary>
    public static readonly ContradictionScore Unrelated = new(0.01, 0.01, 0.98,
        [new Reason(UnrelatedKind, "no content word in common: the claims are about different things", [], [])]);

    /// <summary>The reason kind of <see cref="Unrelated"/>: a pair the topic gate kept from the model.</summary>
    public const string UnrelatedKind = "unrelated";

    public IContradictionScorer Scorer { get; } = scorer;
    /// <summary>The given gate, else one over the scorer's own featurizer when it is an <see cref="NliScorer"/>.</summary>
    public TopicGate? Gate { get; } = !useGate ? null : gate ?? (scorer is NliScorer n ? new TopicGate(n.Featurizer, DefaultMinShared, DefaultMinSharedFraction) : null);

    /// <summary>
    /// Content stems two claims must share to reach the model. Two, not one: on PolNeAR dev, pairs sharing a
    /// single word (often just a name: "Trump") made most of the flags and none was a contradiction.
    /// </summary>
    public const int DefaultMinShared = 2;

    /// <summary>
    /// Round 27: the share of the shorter claim's content stems two claims must also share. With "Mr Blair" and "Tony
    /// Blair" one speaker, bbc-news flags rose to 270, and 85 of them aligned under a quarter of a content's words: long
    /// quotes on one topic ("... tax ... election ...") that share two or three words by chance, none a contradiction
    /// when read. The planted contradictions share 4/6 and 3/6 of their shorter content's stems.
    /// </summary>
    public const double DefaultMinSharedFraction = 0.25;

    /// <summary>The cache capacity this scorer was built with (0: no caches).</summary>
    public int CacheCapacity { get; } = cacheCapacity;

    /// <summary>
    /// The same scorer and gate with empty caches: what a new process starts with. Benchmarks take one per timed
    /// run, so a run is not served by the previous run's results (they repeat the same articles).
    /// </summary>
    public PairScorer WithColdCaches() => new(Scorer, Gate, Gate is not null, CacheCapacity) { ScoreClauseCores = ScoreClauseCores, CheckPeriods = CheckPeriods };

    /// <summary>Prepared claim texts, when the scorer is an <see cref="NliScorer"/> and the capacity is above 0; else null.</summary>
    public PreparedTextCache? Cache { get; } = cacheCapacity < 0
        ? throw new ArgumentOutOfRangeException(nameof(cacheCapacity), cacheCapacity, "cacheCapacity must be >= 0.")
        : scorer is NliScorer nli && cacheCapacity > 0 ? new PreparedTextCache(nli.Featurizer, Math.Max(2, cacheCapacity)) : null;

    /// <summary>
    /// Scores of pairs that passed the gate, by (a text, b text) in that order, when <see cref="Cache"/> is on. A
    /// large archive holds the same quote many times (agencies, updates, re-runs), so a new claim meets the same
    /// stored text again and again; the model result is a function of the two texts, so a hit is exact.
    /// </summary>
    public GenerationCache<(string A, string B), ContradictionScore>? PairCache { get; } =
        scorer is NliScorer && cacheCapacity > 0 ? new GenerationCache<(string A, string B), ContradictionScore>(Math.Max(2, cacheCapacity)) : null;

    /// <summary>
    /// Builds what scoring otherwise builds on its first pairs (the lexicon's tables made on first use). Scores are the
    /// same either way; see <see cref="IPairScorer.Warm"/> for who calls it and why.
    /// </summary>
    public void Warm()
    {
        if (Scorer is NliScorer n) n.Featurizer.Warm();
    }

    /// <summary><paramref name="text"/> analysed by the scorer's featurizer, from the cache when there; null when the scorer is not an <see cref="NliScorer"/>.</summary>
    public PreparedText? Prepare(string text) =>
        Cache is { } c ? c.Get(text) : Scorer is NliScorer n ? n.Featurizer.Prepare(text) : null;

    /// <summary>
    /// <paramref name="a"/> is the stored (older) claim, <paramref name="b"/> the new one. Reason spans index
    /// into <c>a.ContentText</c> and <c>b.ContentText</c>. When both dates are known and differ, a "time"
    /// reason says how far apart they are: a change of position over months reads differently from one day.
    /// </summary>
    public ScoredPair Score(Claim a, Claim b, float similarity)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var score = ScoreClaims(a, b);
        var time = Relate(a.Date, b.Date);
        if (time.Order is TemporalOrder.AFirst or TemporalOrder.BFirst)
        {
            var days = time.DaysApart!.Value;
            var unit = days == 1 ? "day" : "days";
            var message = time.Order == TemporalOrder.AFirst ? $"B came {days} {unit} after A" : $"B came {days} {unit} before A";
            score = score with { Reasons = [.. score.Reasons, new Reason("time", message, [], [])] };
        }
        return new ScoredPair(a, b, similarity, score, time);
    }

    /// <summary>
    /// The two claims' contents scored as <see cref="ScoreTexts"/> does, unless exactly one cue denies its content
    /// (<see cref="CuePolarity"/>): then see <see cref="ScoreDenial"/>. Reason spans index <c>a.ContentText</c> and
    /// <c>b.ContentText</c>.
    /// </summary>
    public ContradictionScore ScoreClaims(Claim a, Claim b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int da = CuePolarity.DeniedAt(a), db = CuePolarity.DeniedAt(b);
        ContradictionScore score;
        if ((da < 0) != (db < 0)) score = ScoreDenial(a, b, da, db);
        else
        {
            var full = ScoreTexts(a.ContentText, b.ContentText);
            // A gated pair (Unrelated, P(contradiction) 0.01) is under the floor too.
            score = ScoreClauseCores && full.Contradiction >= MinContradictionToCore ? Cored(a.ContentText, b.ContentText, full) : full;
        }
        // Round 28: figures about different periods (PeriodCheck). Under the floor a pair is far from a flag already.
        return CheckPeriods && score.Contradiction >= MinContradictionToCore ? PeriodCheck.Apply(a.ContentText, b.ContentText, score) : score;
    }

    /// <summary>
    /// Whether <see cref="ScoreClaims"/> moves the contradiction of two contents that state figures about different
    /// periods to neutral (<see cref="PeriodCheck"/>). On by default; off gives the scores as before round 28.
    /// </summary>
    public bool CheckPeriods { get; init; } = true;

    /// <summary>
    /// The clause-core rule runs only on pairs the model gives at least this P(contradiction). It can only lower a score,
    /// and a pair under 0.2 is already far below the flag (0.5) and below what a reviewer reads; re-scoring the ~2/3 of
    /// gate-passed bbc-news pairs under it cost ~0.15 s of the 1-thread run (6 %) for no visible change.
    /// </summary>
    public const double MinContradictionToCore = 0.2;

    /// <summary>
    /// Whether <see cref="ScoreClaims"/> also scores the pair without the clauses that share no content word with the other
    /// claim (<see cref="ClauseCore"/>) and keeps that score when it is the lower contradiction. On by default; off gives
    /// the scores of the model on the whole contents (as before round 24).
    /// </summary>
    public bool ScoreClauseCores { get; init; } = true;

    /// <summary>
    /// The clause-core rule (<see cref="ClauseCore"/>): each content cut to its clauses that share a content stem with the
    /// other claim, the pair scored again, and that score kept when its contradiction is lower, after a "clause" reason
    /// naming what was left out (reason spans shifted back into the whole contents). Only lower: a clause left out can
    /// also take context the model needed, so the rule may clear a flag the model raised on a clause the other claim
    /// does not speak to, never raise one. Most pairs have one clause a side and cost only the clause split.
    /// </summary>
    private ContradictionScore Cored(string a, string b, ContradictionScore full)
    {
        Text.TextSpan? ca, cb;
        if (Cache is not null)
        {
            // The pipeline's path: both texts are prepared (cached) already; their clauses are split once per text.
            var pa = Prepare(a)!;
            var pb = Prepare(b)!;
            var ka = ClauseCore.Of(pa);
            var kb = ClauseCore.Of(pb);
            if (ka.Count < 2 && kb.Count < 2) return full; // most pairs: one clause a side
            ca = ClauseCore.Core(ka, pb.ContentStemsShared);
            cb = ClauseCore.Core(kb, pa.ContentStemsShared);
        }
        else
        {
            Func<string, string[]>? stems = Gate is { } g ? g.Prepare : Scorer is NliScorer n ? n.Featurizer.ContentStems : null;
            if (stems is null) return full;
            ca = ClauseCore.Core(a, stems(b), stems);
            cb = ClauseCore.Core(b, stems(a), stems);
        }
        if (ca is null && cb is null) return full;
        var ra = ca ?? new Text.TextSpan(0, a.Length);
        var rb = cb ?? new Text.TextSpan(0, b.Length);
        var core = ScoreTexts(a[ra.Start..ra.End], b[rb.Start..rb.End]);
        if (ReferenceEquals(core, Unrelated) || core.Contradiction >= full.Contradiction) return full;
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var leftA = ClauseCore.LeftOut(a, ra);
        var leftB = ClauseCore.LeftOut(b, rb);
        var left = string.Join(" / ", leftA.Concat(leftB).Select(s => ClauseCore.Quote(s.Text)));
        var reasons = new List<Reason>(core.Reasons.Count + 1)
        {
            new("clause", $"scored without {left}: no content word in common with the other claim (contradiction {full.Contradiction.ToString("0.00", c)} -> {core.Contradiction.ToString("0.00", c)})",
                leftA.Select(s => s.Span).ToArray(), leftB.Select(s => s.Span).ToArray()),
        };
        foreach (var r in core.Reasons) reasons.Add(r with { SpansA = Shift(r.SpansA, ra.Start), SpansB = Shift(r.SpansB, rb.Start) });
        return new ContradictionScore(core.Contradiction, core.Entailment, core.Neutral, reasons);
    }

    /// <summary>
    /// One claim denies a proposition, the other asserts its content. Denying A commits the speaker to not-A, so the pair
    /// contradicts when the asserted content entails A, and agrees when the asserted content contradicts A ("the troops did
    /// not cross" / denied "the troops crossed"). So the model reads the asserted content as premise and the denied
    /// proposition as hypothesis, and that direction's contradiction and entailment probabilities change places; neutral
    /// stays neutral. The gate and the different-subject rule apply as for any pair; reasons come from the a-&gt;b direction
    /// (spans shifted to the proposition's place in its content), after a "denial" reason naming the cue. Not cached
    /// (the pair cache holds text pairs read as assertions): such pairs are few.
    /// </summary>
    private ContradictionScore ScoreDenial(Claim a, Claim b, int da, int db)
    {
        var ta = da < 0 ? a.ContentText : a.ContentText[da..];
        var tb = db < 0 ? b.ContentText : b.ContentText[db..];
        Directions d;
        if (Scorer is NliScorer n)
        {
            var pa = Prepare(ta)!;
            var pb = Prepare(tb)!;
            if (Gate is { } g && !g.Related(pa, pb)) return Unrelated;
            d = BothDirections(n, pa, pb);
        }
        else
        {
            if (Gate is { } g && !g.Related(ta, tb)) return Unrelated;
            d = BothDirections(ta, tb);
        }
        var (ab, ba) = (d.Ab, d.Ba);
        var subject = HasSubject(ab) || d.BaSubject;
        // Premise: the asserted content; hypothesis: the denied proposition.
        var fromAsserted = da < 0 ? ab : ba;
        double c = fromAsserted.Entailment, e = fromAsserted.Contradiction, neutral = fromAsserted.Neutral;
        var denied = da < 0 ? b : a;
        var reasons = new List<Reason>(ab.Reasons.Count + 1)
        {
            new("denial", $"'{denied.CueText}' denies what the {(da < 0 ? "second" : "first")} claim says; the {(da < 0 ? "first" : "second")} asserts its own: "
                + $"contradiction and entailment of the contents change places (entailment {e.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} -> contradiction {c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})", [], []),
        };
        foreach (var r in ab.Reasons) reasons.Add(da <= 0 && db <= 0 ? r : r with { SpansA = Shift(r.SpansA, da), SpansB = Shift(r.SpansB, db) });
        if (subject) (c, neutral) = SubjectMoved(c, neutral);
        return new ContradictionScore(c, e, neutral, reasons);
    }

    private static IReadOnlyList<Text.TextSpan> Shift(IReadOnlyList<Text.TextSpan> spans, int by) =>
        by <= 0 || spans.Count == 0 ? spans : spans.Select(s => new Text.TextSpan(s.Start + by, s.End + by)).ToArray();

    /// <summary>The gate, then the scorer both ways, the more contradicting direction kept; reasons from the a-&gt;b direction (spans: A in a, B in b).</summary>
    public ContradictionScore ScoreTexts(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Cache is not null) return ScorePrepared(Prepare(a)!, Prepare(b)!);
        if (Gate is { } g && !g.Related(a, b)) return Unrelated;
        return BothWays(a, b);
    }

    /// <summary>
    /// As <see cref="ScoreTexts"/> from texts prepared by <see cref="Prepare"/> (or the scorer's featurizer): each
    /// text is analysed once however many pairs it is in. The same score and reasons as from the strings.
    /// </summary>
    public ContradictionScore ScorePrepared(PreparedText a, PreparedText b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Gate is { } g && !g.Related(a, b)) return Unrelated;
        if (Scorer is NliScorer n) return Model(n, a, b);
        return BothWays(a.Text, b.Text);
    }

    // Contradiction is symmetric, but NLI models are not: words only the hypothesis has read as "neutral"
    // (new information), so "A" vs "not-A and more" scores low one way and high the other. The direction
    // with the higher contradiction probability decides (its whole distribution is used); reasons come
    // from a->b so their spans keep indexing a and b.
    // The b->a direction is scored without reasons (Combine reads only its probabilities and whether a "subject"
    // reason fired), which saves building its messages and spans; the result is the same.
    private ContradictionScore Model(NliScorer n, PreparedText a, PreparedText b) =>
        PairCache is { } pairs ? pairs.Get((a.Text, b.Text), _ => BothWays(n, a, b)) : BothWays(n, a, b);

    private static ContradictionScore BothWays(NliScorer n, PreparedText a, PreparedText b) => Combine(BothDirections(n, a, b));

    /// <summary>A pair scored both ways: a-&gt;b with reasons, b-&gt;a (reasons unused) and whether b-&gt;a had a "subject" reason.</summary>
    private readonly record struct Directions(ContradictionScore Ab, ContradictionScore Ba, bool BaSubject);

    private static Directions BothDirections(NliScorer n, PreparedText a, PreparedText b)
    {
        var ab = n.Score(a, b);
        var (ba, baSubject) = n.ScoreWithoutReasons(b, a);
        return new Directions(ab, ba, baSubject);
    }

    private Directions BothDirections(string a, string b)
    {
        var ab = Scorer.Score(a, b);
        var ba = Scorer.Score(b, a);
        return new Directions(ab, ba, HasSubject(ba));
    }

    private static ContradictionScore Combine(Directions d) => Combine(d.Ab, d.Ba, d.BaSubject);

    private ContradictionScore BothWays(string a, string b) => Combine(BothDirections(a, b));

    private static bool HasSubject(ContradictionScore s) => s.Reasons.Any(r => r.Kind == "subject");

    /// <param name="baSubject">Whether the b-&gt;a direction had a "subject" reason (its reasons are otherwise unused).</param>
    private static ContradictionScore Combine(ContradictionScore ab, ContradictionScore ba, bool baSubject)
    {
        var best = ba.Contradiction > ab.Contradiction ? ba : ab;
        var (c, n) = (best.Contradiction, best.Neutral);
        var reasons = ab.Reasons;
        if (HasSubject(ab) || baSubject)
        {
            // The subject reason explains the lowered score, so it leads (when the a->b direction has it).
            reasons = [.. ab.Reasons.Where(r => r.Kind == "subject"), .. ab.Reasons.Where(r => r.Kind != "subject")];
            // Claims about different actors ("Russian soldiers entered" / "no Belarusian soldiers took part")
            // do not contradict each other whatever their polarity; NLI training data (captions about one scene)
            // cannot teach that, so the news scorer moves part of the contradiction mass to neutral here.
            (c, n) = SubjectMoved(c, n);
        }
        return new ContradictionScore(c, best.Entailment, n, reasons);
    }

    /// <summary>The different-subject rule: <see cref="DifferentSubjectFactor"/> of P(contradiction) stays, the rest goes to neutral.</summary>
    private static (double Contradiction, double Neutral) SubjectMoved(double c, double n)
    {
        var moved = c * (1 - DifferentSubjectFactor);
        return (c - moved, n + moved);
    }

    /// <summary>
    /// What P(contradiction) is multiplied by when the two claims' subjects differ (a "subject" reason, either
    /// direction); the rest goes to neutral. 0.5 keeps such a pair below the default flag threshold (0.5) while
    /// it still ranks by the model's certainty for a reviewer who looks below the flag.
    /// </summary>
    public const double DifferentSubjectFactor = 0.5;

    public static TemporalRelation Relate(DateOnly? a, DateOnly? b)
    {
        if (a is not { } da || b is not { } db) return new TemporalRelation(a, b, TemporalOrder.Unknown, null);
        var diff = db.DayNumber - da.DayNumber;
        var order = diff == 0 ? TemporalOrder.SameDay : diff > 0 ? TemporalOrder.AFirst : TemporalOrder.BFirst;
        return new TemporalRelation(a, b, order, Math.Abs(diff));
    }
}
