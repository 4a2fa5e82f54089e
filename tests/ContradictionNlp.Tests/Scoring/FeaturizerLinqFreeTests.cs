using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// The featurizer's loops that replaced LINQ over floats and spans (SCORE14: those generic instantiations were JIT-compiled
/// in every process) give exactly what the LINQ expressions gave, bit for bit, NaN, signed zeros and infinities included.
/// </summary>
public class FeaturizerLinqFreeTests
{
    private static readonly float[] Specials = [0f, -0f, 1f, -1f, 0.5f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0.9f, 1e-8f];

    private static IEnumerable<float[]> Arrays()
    {
        var random = new Random(5);
        for (int n = 1; n <= 12; n++)
            for (int t = 0; t < 200; t++)
            {
                var a = new float[n];
                for (int i = 0; i < n; i++)
                    a[i] = random.Next(4) == 0 ? Specials[random.Next(Specials.Length)] : (float)(random.NextDouble() * 2 - 1);
                yield return a;
            }
        yield return [float.NaN, float.NaN];
        yield return [-0f, 0f];
        yield return [0f, -0f];
        yield return [float.NaN, 1f, float.NaN, 2f];
    }

    private static int Bits(float f) => BitConverter.SingleToInt32Bits(f);

    [Fact]
    public void Mean_smallest_largest_and_counts_equal_linq_bit_for_bit()
    {
        int checkedArrays = 0;
        foreach (var a in Arrays())
        {
            Assert.Equal(Bits(a.Average()), Bits(PairFeaturizer.Mean(a)));
            Assert.Equal(Bits(a.Min()), Bits(PairFeaturizer.Smallest(a)));
            Assert.Equal(Bits(a.Max()), Bits(PairFeaturizer.Largest(a)));
            Assert.Equal(a.Count(s => s < PairFeaturizer.AlignThreshold), PairFeaturizer.CountBelow(a, PairFeaturizer.AlignThreshold));
            checkedArrays++;
        }
        Assert.Equal(12 * 200 + 4, checkedArrays);
    }

    [Fact]
    public void Known_values()
    {
        Assert.Equal(2f, PairFeaturizer.Mean([1f, 2f, 3f]));
        Assert.Equal(-1f, PairFeaturizer.Smallest([3f, -1f, 2f]));
        Assert.True(float.IsNaN(PairFeaturizer.Smallest([3f, float.NaN, -5f])));
        Assert.Equal(3f, PairFeaturizer.Largest([float.NaN, 3f, -1f]));
        Assert.True(float.IsNaN(PairFeaturizer.Largest([float.NaN])));
        Assert.Equal(2, PairFeaturizer.CountBelow([0.1f, 0.5f, 0.49f, 0.9f], 0.5f));
    }

    [Fact]
    public void Distinct_by_start_equals_distinct_then_a_stable_order_by_start()
    {
        var random = new Random(9);
        for (int t = 0; t < 2000; t++)
        {
            var spans = new TextSpan[random.Next(0, 10)];
            for (int i = 0; i < spans.Length; i++)
            {
                int start = random.Next(6);
                spans[i] = new TextSpan(start, start + random.Next(1, 4));
            }
            var expected = spans.Distinct().OrderBy(s => s.Start).ToArray();
            Assert.Equal(expected, PairFeaturizer.DistinctByStart((TextSpan[])spans.Clone()));
        }
        // Equal starts keep their first-seen order; repeats go.
        TextSpan[] given = [new(4, 6), new(2, 3), new(4, 5), new(2, 3), new(0, 1)];
        Assert.Equal([new TextSpan(0, 1), new TextSpan(2, 3), new TextSpan(4, 6), new TextSpan(4, 5)], PairFeaturizer.DistinctByStart(given));
    }
}
