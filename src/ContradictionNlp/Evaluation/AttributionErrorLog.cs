using System.Globalization;
using System.Text;
using ContradictionNlp.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>A classified disagreement between gold and prediction, for error analysis.</summary>
/// <param name="Kind">
/// <c>missed</c>: gold with no overlapping unmatched prediction; <c>boundary</c>: gold whose best
/// overlapping unmatched prediction has IoU below the threshold; <c>spurious</c>: prediction
/// overlapping no unmatched gold; <c>partial</c>: matched, token sets differ; <c>source</c> /
/// <c>cue</c>: matched, speaker / cue span misses the gold one.
/// </param>
/// <param name="GoldIndex">Index into the article's gold, or -1.</param>
/// <param name="PredictedIndex">Index into the article's predictions, or -1.</param>
public sealed record AttributionError(string Kind, AttributionArticleResult Article, int GoldIndex, int PredictedIndex, double Iou);

/// <summary>Lists and writes attribution errors so the extractor's authors can see what to fix.</summary>
public static class AttributionErrorLog
{
    public static IEnumerable<AttributionError> Classify(AttributionArticleResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var score = r.Score;
        var usedPred = new HashSet<int>();
        foreach (int g in score.UnmatchedGold)
        {
            int best = -1; double bestIou = 0;
            foreach (int p in score.UnmatchedPredicted)
            {
                double iou = AttributionScorer.Iou(r.Gold[g].ContentTokens, r.Predicted[p].ContentTokens);
                if (iou > bestIou) { bestIou = iou; best = p; }
            }
            if (best >= 0) usedPred.Add(best);
            yield return new AttributionError(best >= 0 ? "boundary" : "missed", r, g, best, bestIou);
        }
        foreach (int p in score.UnmatchedPredicted)
            if (!usedPred.Contains(p))
                yield return new AttributionError("spurious", r, -1, p, 0);
        foreach (var m in score.Matches)
        {
            var g = r.Gold[m.Gold];
            var p = r.Predicted[m.Predicted];
            if (m.Iou < 1.0) yield return new AttributionError("partial", r, m.Gold, m.Predicted, m.Iou);
            if (g.Source.Count > 0 && !Overlap(g.Source, p.Source)) yield return new AttributionError("source", r, m.Gold, m.Predicted, m.Iou);
            if (!Overlap(g.Cue, p.Cue)) yield return new AttributionError("cue", r, m.Gold, m.Predicted, m.Iou);
        }
    }

    /// <summary>Error kinds in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["missed", "boundary", "spurious", "partial", "source", "cue"];

    /// <summary>How many errors of each kind (every kind present, in <see cref="Kinds"/> order).</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> CountByKind(AttributionEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var counts = Kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var r in evaluation.Articles)
            foreach (var e in Classify(r))
                counts[e.Kind]++;
        return Kinds.Select(k => new KeyValuePair<string, int>(k, counts[k])).ToArray();
    }

    /// <summary>Writes every error of the evaluation as TSV (header first), articles in name order.</summary>
    public static void Write(string path, AttributionEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(evaluation);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("kind\tarticle\tgold_line\tiou\tgold_source\tgold_cue\tgold_content\tpred_source\tpred_cue\tpred_content\n");
        foreach (var r in evaluation.Articles)
            foreach (var e in Classify(r))
            {
                var text = r.Text.Text;
                var gold = e.GoldIndex >= 0 ? r.Article.Attributions[e.GoldIndex] : null;
                var pred = e.PredictedIndex >= 0 ? r.Claims[e.PredictedIndex] : null;
                w.Write(string.Join('\t',
                    e.Kind,
                    r.Article.Name,
                    gold?.Line.ToString(CultureInfo.InvariantCulture) ?? "",
                    e.Iou.ToString("0.###", CultureInfo.InvariantCulture),
                    gold is null ? "" : Show(text, gold.Source),
                    gold is null ? "" : Show(text, gold.Cue),
                    gold is null ? "" : Show(text, gold.Content),
                    pred is null ? "" : Show(text, [pred.Speaker.Span]),
                    pred is null ? "" : Show(text, [pred.Cue]),
                    pred is null ? "" : Show(text, [pred.Content])));
                w.Write('\n');
            }
    }

    private static bool Overlap(IReadOnlyList<TextSpan> a, IReadOnlyList<TextSpan> b) =>
        a.Any(x => b.Any(x.Overlaps));

    // One TSV cell: fragments joined by " … ", whitespace flattened so a cell never breaks a row.
    private static string Show(string text, IEnumerable<TextSpan> spans)
    {
        var s = string.Join(" … ", spans.Where(x => x.End <= text.Length).Select(x => x.Of(text)));
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
        return sb.Length <= 400 ? sb.ToString() : sb.ToString(0, 397) + "...";
    }
}
