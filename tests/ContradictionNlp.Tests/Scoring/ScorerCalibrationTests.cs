using ContradictionNlp.Scoring;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>Temperature scaling of the logistic scorer: exact on the logits, fitted by validation likelihood.</summary>
public class ScorerCalibrationTests
{
    // 2 dense features, 4 hash buckets; class rows: bias, 2 dense, 4 hashed.
    private static LogisticModel Model() => new(2, 4, [0f, 1f], [1f, 2f],
        [0.5f, 1f, -1f, 0.2f, 0f, 0f, 0f,
         -0.5f, 0.3f, 2f, 0f, 0.7f, 0f, 0f,
         0f, -1f, 0.5f, 0f, 0f, 0.1f, 0f]);

    [Fact]
    public void With_temperature_divides_every_logit_by_it()
    {
        float[] dense = [1f, 3f];
        int[] hashed = [0, 1, 2];
        var m = Model();
        Span<double> z = stackalloc double[3];
        Span<double> zt = stackalloc double[3];
        m.Logits(dense, hashed, z);
        m.WithTemperature(2f).Logits(dense, hashed, zt);
        // Class 0: 0.5 + 1*(1-0)/1 + (-1)*(3-1)/2 + 0.2 = 0.7; class 1: -0.5 + 0.3 + 2 + 0.7 = 2.5; class 2: 0 - 1 + 0.5 + 0.1 = -0.4.
        Assert.Equal([0.7, 2.5, -0.4], z.ToArray().Select(v => Math.Round(v, 5)));
        for (var c = 0; c < 3; c++) Assert.Equal(z[c] / 2, zt[c], 5);
        Span<double> p = stackalloc double[3];
        m.WithTemperature(1f).Predict(dense, hashed, p);
        Span<double> q = stackalloc double[3];
        m.Predict(dense, hashed, q);
        Assert.Equal(q.ToArray(), p.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => m.WithTemperature(0f));
    }

    [Fact]
    public void Fit_temperature_softens_an_overconfident_model_and_keeps_a_calibrated_one()
    {
        // One dense feature; class 0 when it is positive: logits (2x, 0, -2x), so p(top) = 0.867 at x = +-1.
        var m = new LogisticModel(1, 1, [0f], [1f], [0f, 2f, 0f, 0f, 0f, 0f, 0f, -2f, 0f]);
        FeaturizedExample E(float x, int label) => new([x], [], label);
        // Right 3 times out of 4, wrong once with the opposite class, on each side. With a = 2/T and u = e^a the
        // likelihood 3 ln p0 + ln p2 peaks where u^2 - u - 3 = 0: u = (1 + sqrt 13)/2, a = 0.834, T = 2.40.
        var val = new List<FeaturizedExample> { E(1, 0), E(1, 0), E(1, 0), E(1, 2), E(-1, 2), E(-1, 2), E(-1, 2), E(-1, 0) };
        Assert.Equal(2.40f, LogisticRegressionTrainer.FitTemperature(m, val), 3);
        // Always right: the sharpest temperature on the grid wins.
        var right = new List<FeaturizedExample> { E(1, 0), E(-1, 2) };
        Assert.Equal(0.25f, LogisticRegressionTrainer.FitTemperature(m, right));
        Assert.Equal(1f, LogisticRegressionTrainer.FitTemperature(m, []));
    }
}
