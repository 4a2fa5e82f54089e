using ContradictionNlp.Evaluation;

namespace ContradictionNlp.Tests.Evaluation;

public class ScorerPrCurveTests
{
    [Fact]
    public void Points_step_through_thresholds_with_ties_entering_together()
    {
        // Scores 0.9(+) 0.8(-) 0.8(+) 0.3(+) 0.1(-): 3 positives.
        var curve = ScorerPrCurve.Compute([true, false, true, true, false], [0.9, 0.8, 0.8, 0.3, 0.1]);
        Assert.Equal(
        [
            new PrPoint(0.9, 1.0, 1 / 3.0),
            new PrPoint(0.8, 2 / 3.0, 2 / 3.0),
            new PrPoint(0.3, 3 / 4.0, 1.0),
            new PrPoint(0.1, 3 / 5.0, 1.0),
        ], curve);
    }

    [Fact]
    public void Mismatched_lengths_throw_and_no_positives_gives_zero_recall()
    {
        Assert.Throws<ArgumentException>(() => ScorerPrCurve.Compute([true], [0.1, 0.2]));
        Assert.All(ScorerPrCurve.Compute([false, false], [0.4, 0.2]), p => Assert.Equal(0.0, p.Recall));
    }

    [Fact]
    public void Svg_is_well_formed_and_marks_the_flag_threshold_point()
    {
        var svg = ScorerPrCurve.ToSvg(ScorerPrCurve.Compute([true, false, true], [0.9, 0.6, 0.4]), "t <1> & \"x\"");
        var doc = System.Xml.Linq.XDocument.Parse(svg); // throws when not well-formed
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("t &lt;1&gt; &amp; &quot;x&quot;", svg);
        // At threshold 0.5 the flagged set is {0.9, 0.6}: precision 0.5, recall 0.5.
        Assert.Contains("P 0.50 R 0.50", svg);
        Assert.Contains("<path d=\"M", svg);
    }
}
