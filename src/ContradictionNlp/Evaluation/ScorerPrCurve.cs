using System.Globalization;
using System.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>One point of a precision-recall curve: flagging every pair scoring at least <see cref="Threshold"/>.</summary>
public readonly record struct PrPoint(double Threshold, double Precision, double Recall);

/// <summary>
/// The precision-recall curve of one class (the contradiction class, for reviewers deciding a flag
/// threshold) and a self-contained SVG of it. Ties in score enter together, so the curve does not
/// depend on the order of equal scores.
/// </summary>
public static class ScorerPrCurve
{
    public static List<PrPoint> Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(score);
        if (positive.Count != score.Count) throw new ArgumentException($"{positive.Count} labels but {score.Count} scores.");
        var total = positive.Count(p => p);
        var order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ThenBy(i => i).ToArray();
        var points = new List<PrPoint>();
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length;)
        {
            var t = score[order[k]];
            while (k < order.Length && score[order[k]] == t)
            {
                if (positive[order[k]]) tp++; else fp++;
                k++;
            }
            points.Add(new PrPoint(t, tp / (double)(tp + fp), total == 0 ? 0 : tp / (double)total));
        }
        return points;
    }

    /// <summary>An SVG (600x420) with axes, a 0.1 grid, the curve, and the point at <paramref name="markThreshold"/> marked.</summary>
    public static string ToSvg(IReadOnlyList<PrPoint> points, string title, double markThreshold = 0.5)
    {
        const double left = 60, top = 40, w = 500, h = 320;
        var inv = CultureInfo.InvariantCulture;
        string X(double recall) => (left + recall * w).ToString("0.0", inv);
        string Y(double precision) => (top + (1 - precision) * h).ToString("0.0", inv);
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"420\" viewBox=\"0 0 600 420\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<rect width=\"600\" height=\"420\" fill=\"white\"/>\n");
        sb.Append(inv, $"<text x=\"300\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");
        for (var i = 0; i <= 10; i++)
        {
            var v = i / 10.0;
            sb.Append(inv, $"<line x1=\"{X(v)}\" y1=\"{Y(0)}\" x2=\"{X(v)}\" y2=\"{Y(1)}\" stroke=\"#ddd\"/>");
            sb.Append(inv, $"<line x1=\"{X(0)}\" y1=\"{Y(v)}\" x2=\"{X(1)}\" y2=\"{Y(v)}\" stroke=\"#ddd\"/>\n");
            sb.Append(inv, $"<text x=\"{X(v)}\" y=\"{top + h + 16}\" text-anchor=\"middle\">{v:0.0}</text>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{Y(v)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{v:0.0}</text>\n");
        }
        sb.Append(inv, $"<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"black\"/>\n");
        sb.Append(inv, $"<text x=\"{left + w / 2}\" y=\"{top + h + 34}\" text-anchor=\"middle\">recall (contradiction)</text>\n");
        sb.Append(inv, $"<text x=\"16\" y=\"{top + h / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {top + h / 2})\">precision</text>\n");
        if (points.Count > 0)
        {
            var path = string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{X(p.Recall)},{Y(p.Precision)}"));
            sb.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n");
            // The operating point: the last point whose threshold is still >= the flag threshold.
            var mark = points.LastOrDefault(p => p.Threshold >= markThreshold);
            if (mark != default)
                sb.Append(inv, $"<circle cx=\"{X(mark.Recall)}\" cy=\"{Y(mark.Precision)}\" r=\"5\" fill=\"#2c3e50\"/><text x=\"{X(mark.Recall)}\" y=\"{Y(mark.Precision)}\" dx=\"8\" dy=\"-8\">P(C) &#8805; {markThreshold:0.##}: P {mark.Precision:0.00} R {mark.Recall:0.00}</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
