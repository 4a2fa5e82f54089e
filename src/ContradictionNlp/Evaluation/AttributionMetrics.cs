using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Evaluation;

/// <summary>
/// One attribution as the metric sees it, gold or predicted: the content as a set of token
/// indices (sorted, distinct) and the source and cue as character spans (possibly discontinuous).
/// </summary>
/// <param name="ContentTokens">Sorted distinct indices of the tokens the content covers.</param>
/// <param name="Source">Source fragments; empty when there is no source (gold) or no speaker span (predicted).</param>
/// <param name="Cue">Cue fragments.</param>
/// <param name="IsSpeechCue">Gold only: the cue contains a speech/statement word (drives the speech-cue subset).</param>
/// <param name="CoreTokens">The content without a leading complementizer "that" and without leading or
/// trailing quote marks and punctuation (see <see cref="TokenSets.Core"/>); null means same as the content.</param>
/// <param name="NotSpeech">Predicted only: the extractor marked this claim as a belief/attitude/evidence
/// cue, so when unmatched it is not a false positive of the speech-cue subset (it never claimed to be speech).</param>
public sealed record AttributionSpans(
    IReadOnlyList<int> ContentTokens,
    IReadOnlyList<TextSpan> Source,
    IReadOnlyList<TextSpan> Cue,
    bool IsSpeechCue = false,
    bool NotSpeech = false,
    IReadOnlyList<int>? CoreTokens = null)
{
    /// <summary>
    /// The content tokens the normalized exact match compares: <see cref="CoreTokens"/> when given,
    /// otherwise <see cref="ContentTokens"/>.
    /// </summary>
    public IReadOnlyList<int> Core => CoreTokens ?? ContentTokens;
}

/// <summary>Maps character spans to token sets with our tokenizer's offsets.</summary>
public static class TokenSets
{
    /// <summary>
    /// Indices of the tokens whose characters overlap any of <paramref name="spans"/>, sorted and
    /// distinct. Overlap rather than containment, so a span cut mid-token still claims that token
    /// (gold spans and our tokens need not share boundaries).
    /// </summary>
    public static int[] Covering(TokenizedText text, IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var tokens = text.TokenSpan;
        var result = new SortedSet<int>();
        foreach (var span in spans)
        {
            if (span.IsEmpty) continue;
            // First token that ends after the span starts (tokens are ordered and disjoint).
            int lo = 0, hi = tokens.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (tokens[mid].End <= span.Start) lo = mid + 1; else hi = mid;
            }
            for (int t = lo; t < tokens.Length && tokens[t].Start < span.End; t++)
                result.Add(t);
        }
        return [.. result];
    }

    /// <summary>
    /// The normalized content: <paramref name="tokens"/> (sorted indices) without leading quote marks,
    /// punctuation and a complementizer "that", and without trailing quote marks and punctuation.
    /// PolNeAR spans start at "that" and keep outer quote marks; our claims do not. Comparing cores on
    /// both sides measures whether the same words were found, not which convention was used.
    /// </summary>
    public static int[] Core(TokenizedText text, IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        int lo = 0, hi = tokens.Count;
        bool Edge(int t) => text.Tokens[t].Kind is TokenKind.Punctuation or TokenKind.Quote;
        while (lo < hi && (Edge(tokens[lo]) || (text.Tokens[tokens[lo]].Kind == TokenKind.Word
                                                  && string.Equals(text.TokenText(tokens[lo]), "that", StringComparison.OrdinalIgnoreCase))))
            lo++;
        while (hi > lo && Edge(tokens[hi - 1])) hi--;
        var core = new int[hi - lo];
        for (int i = lo; i < hi; i++) core[i - lo] = tokens[i];
        return core;
    }
}

/// <summary>A gold/predicted pair accepted by the one-to-one matching.</summary>
public readonly record struct AttributionMatch(int Gold, int Predicted, double Iou);

/// <summary>
/// Additive counts behind every figure, so articles can be scored alone and summed. All figures
/// are fractions; a fraction with a zero denominator is reported as 0.
/// </summary>
public readonly record struct AttributionCounts
{
    public int Gold { get; init; }
    public int Predicted { get; init; }
    /// <summary>Pairs matched one-to-one at token IoU &gt;= 0.5.</summary>
    public int Matched { get; init; }
    /// <summary>
    /// Pairs matched one-to-one at token IoU &gt;= 0.3 (<see cref="AttributionScorer.LooseThreshold"/>, a separate
    /// matching): the overlap at which the Gender Gap Tracker reports its quote F1, for scale.
    /// </summary>
    public int LooseMatched { get; init; }
    /// <summary>Denominator of loose precision (as <see cref="ExactPredicted"/>).</summary>
    public int LoosePredicted { get; init; }
    /// <summary>Pairs matched one-to-one with identical token sets (a separate matching).</summary>
    public int ExactMatched { get; init; }
    /// <summary>
    /// Denominator of exact precision. Equals <see cref="Predicted"/> for the whole set; for the
    /// speech-cue subset it is that subset's exact TP plus the exact matching's own unmatched predictions.
    /// </summary>
    public int ExactPredicted { get; init; }
    /// <summary>Pairs matched one-to-one with identical <see cref="AttributionSpans.Core"/> token sets.</summary>
    public int CoreExactMatched { get; init; }
    /// <summary>Denominator of normalized exact precision (as <see cref="ExactPredicted"/>).</summary>
    public int CoreExactPredicted { get; init; }
    /// <summary>Matched pairs whose gold has a Source (the source-accuracy denominator).</summary>
    public int SourceEvaluated { get; init; }
    public int SourceCorrect { get; init; }
    public int CueCorrect { get; init; }
    /// <summary>Matched pairs whose gold has no Source (left out of source accuracy; reported for transparency).</summary>
    public int MatchedWithoutGoldSource { get; init; }

    public static AttributionCounts operator +(AttributionCounts a, AttributionCounts b) => new()
    {
        Gold = a.Gold + b.Gold,
        Predicted = a.Predicted + b.Predicted,
        Matched = a.Matched + b.Matched,
        LooseMatched = a.LooseMatched + b.LooseMatched,
        LoosePredicted = a.LoosePredicted + b.LoosePredicted,
        ExactMatched = a.ExactMatched + b.ExactMatched,
        ExactPredicted = a.ExactPredicted + b.ExactPredicted,
        CoreExactMatched = a.CoreExactMatched + b.CoreExactMatched,
        CoreExactPredicted = a.CoreExactPredicted + b.CoreExactPredicted,
        SourceEvaluated = a.SourceEvaluated + b.SourceEvaluated,
        SourceCorrect = a.SourceCorrect + b.SourceCorrect,
        CueCorrect = a.CueCorrect + b.CueCorrect,
        MatchedWithoutGoldSource = a.MatchedWithoutGoldSource + b.MatchedWithoutGoldSource,
    };

    public double Precision => Ratio(Matched, Predicted);
    public double Recall => Ratio(Matched, Gold);
    public double F1 => Harmonic(Precision, Recall);
    public double LoosePrecision => Ratio(LooseMatched, LoosePredicted);
    public double LooseRecall => Ratio(LooseMatched, Gold);
    public double LooseF1 => Harmonic(LoosePrecision, LooseRecall);
    public double ExactPrecision => Ratio(ExactMatched, ExactPredicted);
    public double ExactRecall => Ratio(ExactMatched, Gold);
    public double ExactF1 => Harmonic(ExactPrecision, ExactRecall);
    public double CoreExactPrecision => Ratio(CoreExactMatched, CoreExactPredicted);
    public double CoreExactRecall => Ratio(CoreExactMatched, Gold);
    public double CoreExactF1 => Harmonic(CoreExactPrecision, CoreExactRecall);
    public double SourceAccuracy => Ratio(SourceCorrect, SourceEvaluated);
    public double CueAccuracy => Ratio(CueCorrect, Matched);

    private static double Ratio(int num, int den) => den == 0 ? 0 : (double)num / den;
    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>Everything the metric decided for one article: counts plus the matches, for error analysis.</summary>
public sealed record AttributionArticleScore(
    AttributionCounts All,
    AttributionCounts SpeechCues,
    IReadOnlyList<AttributionMatch> Matches,
    IReadOnlyList<AttributionMatch> ExactMatches,
    IReadOnlyList<int> UnmatchedGold,
    IReadOnlyList<int> UnmatchedPredicted);

/// <summary>
/// PolNeAR-style attribution scoring, pure over in-memory spans.
/// <list type="bullet">
/// <item>Content: a predicted content matches a gold one when the intersection over union of their
/// token sets is &gt;= 0.5; matching is one-to-one, greedy by IoU descending, ties broken by gold
/// index then predicted index (so results do not depend on hash order). "Exact" is a separate
/// matching that only accepts identical token sets.</item>
/// <item>Source accuracy: over matched pairs whose gold HAS a Source, the share whose predicted
/// speaker span overlaps any gold Source fragment. Gold without a Source (Attribution-no-source)
/// is left out: our claims always carry a speaker, so "predicted none" cannot be expressed, and
/// counting those as wrong would measure the corpus' passive constructions, not our speakers. A
/// pronoun source counts as correct when our mention overlaps the pronoun.</item>
/// <item>Cue accuracy: over all matched pairs, the share whose predicted cue overlaps a gold Cue fragment.</item>
/// <item>Speech-cue subset: gold restricted to <see cref="AttributionSpans.IsSpeechCue"/>; from the
/// same global matching, TP = matches with a speech-cue gold, FN = unmatched speech-cue gold,
/// FP = unmatched predictions not marked <see cref="AttributionSpans.NotSpeech"/> (a prediction that
/// correctly found a non-speech attribution is not held against the subset, and neither is one the
/// extractor itself classed as belief/attitude).</item>
/// </list>
/// </summary>
public static class AttributionScorer
{
    public const double MatchThreshold = 0.5;

    /// <summary>
    /// The loose matching's least IoU (<see cref="AttributionCounts.LooseMatched"/>). The yardstick, the Gender
    /// Gap Tracker's quote F1 0.837, was measured at overlap &gt;= 0.3; this reports ours at that overlap beside the 0.5
    /// the targets use. (Its overlap may not be IoU: read the two figures as scale, not as a like-for-like comparison.)
    /// </summary>
    public const double LooseThreshold = 0.3;

    /// <summary>Intersection over union of two sorted distinct index lists; 0 when both are empty.</summary>
    public static double Iou(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = 0, j = 0, inter = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j]) { inter++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        int union = a.Count + b.Count - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    /// <summary>
    /// One-to-one greedy matching: every pair with IoU &gt; 0 that <paramref name="accept"/> admits,
    /// taken in order of IoU descending, then gold index, then predicted index.
    /// </summary>
    public static IReadOnlyList<AttributionMatch> Match(
        IReadOnlyList<AttributionSpans> gold, IReadOnlyList<AttributionSpans> predicted, Func<double, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(accept);
        var candidates = new List<AttributionMatch>();
        for (int g = 0; g < gold.Count; g++)
            for (int p = 0; p < predicted.Count; p++)
            {
                double iou = Iou(gold[g].ContentTokens, predicted[p].ContentTokens);
                if (iou > 0 && accept(iou)) candidates.Add(new AttributionMatch(g, p, iou));
            }
        candidates.Sort((x, y) =>
        {
            int c = y.Iou.CompareTo(x.Iou);
            if (c != 0) return c;
            c = x.Gold.CompareTo(y.Gold);
            return c != 0 ? c : x.Predicted.CompareTo(y.Predicted);
        });
        var goldUsed = new bool[gold.Count];
        var predUsed = new bool[predicted.Count];
        var result = new List<AttributionMatch>();
        foreach (var m in candidates)
        {
            if (goldUsed[m.Gold] || predUsed[m.Predicted]) continue;
            goldUsed[m.Gold] = predUsed[m.Predicted] = true;
            result.Add(m);
        }
        result.Sort((x, y) => x.Gold.CompareTo(y.Gold));
        return result;
    }

    /// <summary>Scores one article's predictions against its gold.</summary>
    public static AttributionArticleScore Score(IReadOnlyList<AttributionSpans> gold, IReadOnlyList<AttributionSpans> predicted)
    {
        var matches = Match(gold, predicted, iou => iou >= MatchThreshold);
        var loose = Match(gold, predicted, iou => iou >= LooseThreshold);
        // Identical sets give exactly 1.0 (inter == union), so the comparison is safe.
        var exact = Match(gold, predicted, iou => iou == 1.0);
        var coreExact = MatchCore(gold, predicted);

        // Both subsets are counted by one function, so "all" and "speech cues" cannot drift apart field by field.
        var all = Counts(speechOnly: false);
        var speech = Counts(speechOnly: true);

        AttributionCounts Counts(bool speechOnly)
        {
            int matched = 0, sourceEval = 0, sourceOk = 0, cueOk = 0, noSource = 0;
            foreach (var m in matches)
            {
                var g = gold[m.Gold];
                if (speechOnly && !g.IsSpeechCue) continue;
                var p = predicted[m.Predicted];
                matched++;
                if (AnyOverlap(g.Cue, p.Cue)) cueOk++;
                if (g.Source.Count == 0) noSource++;
                else { sourceEval++; if (AnyOverlap(g.Source, p.Source)) sourceOk++; }
            }
            var side = Side(matches, speechOnly);
            var looseSide = Side(loose, speechOnly);
            var exactSide = Side(exact, speechOnly);
            var coreSide = Side(coreExact, speechOnly);
            return new AttributionCounts
            {
                Gold = speechOnly ? gold.Count(g => g.IsSpeechCue) : gold.Count,
                Predicted = side.Predicted,
                Matched = matched,
                LooseMatched = looseSide.Matched,
                LoosePredicted = looseSide.Predicted,
                ExactMatched = exactSide.Matched,
                ExactPredicted = exactSide.Predicted,
                CoreExactMatched = coreSide.Matched,
                CoreExactPredicted = coreSide.Predicted,
                SourceEvaluated = sourceEval,
                SourceCorrect = sourceOk,
                CueCorrect = cueOk,
                MatchedWithoutGoldSource = noSource,
            };
        }

        // One matching's TP and "predicted". All attributions: its matches and every prediction. The speech-cue subset:
        // its matches with a speech-cue gold, plus the predictions it left unmatched except those the extractor itself
        // marked as no speech (see class remarks).
        (int Matched, int Predicted) Side(IReadOnlyList<AttributionMatch> matching, bool speechOnly)
        {
            if (!speechOnly) return (matching.Count, predicted.Count);
            var used = new bool[predicted.Count];
            foreach (var m in matching) used[m.Predicted] = true;
            int unmatched = 0;
            for (int p = 0; p < predicted.Count; p++)
                if (!used[p] && !predicted[p].NotSpeech) unmatched++;
            int tp = matching.Count(m => gold[m.Gold].IsSpeechCue);
            return (tp, tp + unmatched);
        }

        var goldMatched = new HashSet<int>(matches.Select(m => m.Gold));
        var predMatched = new HashSet<int>(matches.Select(m => m.Predicted));
        return new AttributionArticleScore(
            all, speech, matches, exact,
            Enumerable.Range(0, gold.Count).Where(g => !goldMatched.Contains(g)).ToArray(),
            Enumerable.Range(0, predicted.Count).Where(p => !predMatched.Contains(p)).ToArray());
    }

    /// <summary>One-to-one matching of identical <see cref="AttributionSpans.Core"/> sets (empty cores never match).</summary>
    private static IReadOnlyList<AttributionMatch> MatchCore(IReadOnlyList<AttributionSpans> gold, IReadOnlyList<AttributionSpans> predicted)
    {
        var cores = gold.Select(g => g.Core).ToArray();
        var predUsed = new bool[predicted.Count];
        var result = new List<AttributionMatch>();
        for (int g = 0; g < gold.Count; g++)
            for (int p = 0; p < predicted.Count; p++)
            {
                if (predUsed[p] || cores[g].Count == 0 || !cores[g].SequenceEqual(predicted[p].Core)) continue;
                predUsed[p] = true;
                result.Add(new AttributionMatch(g, p, 1.0));
                break;
            }
        return result;
    }

    private static bool AnyOverlap(IReadOnlyList<TextSpan> a, IReadOnlyList<TextSpan> b)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (x.Overlaps(y)) return true;
        return false;
    }
}
