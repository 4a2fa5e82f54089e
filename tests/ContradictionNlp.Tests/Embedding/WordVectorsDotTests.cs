using ContradictionNlp.Embedding;

namespace ContradictionNlp.Tests.Embedding;

/// <summary>The vectorised int8 dot product behind WordVectors.Cosine gives the scalar loop's integer exactly.</summary>
public class WordVectorsDotTests
{
    private static int ScalarDot(sbyte[] a, sbyte[] b)
    {
        var dot = 0;
        for (var k = 0; k < a.Length; k++) dot += a[k] * b[k];
        return dot;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]   // the shipped vectors' dimension: six 16-wide blocks and a 4-component tail
    [InlineData(300)]
    public void Dot_equals_the_scalar_loop(int length)
    {
        var random = new Random(length);
        for (var trial = 0; trial < 50; trial++)
        {
            var a = new sbyte[length];
            var b = new sbyte[length];
            for (var k = 0; k < length; k++) { a[k] = (sbyte)random.Next(-128, 128); b[k] = (sbyte)random.Next(-128, 128); }
            Assert.Equal(ScalarDot(a, b), WordVectors.Dot(a, b));
        }
    }

    [Fact]
    public void Dot_of_extreme_components_does_not_overflow_a_short()
    {
        // -128 * -128 = 16384 per component: the largest product; 300 of them sum to 4,915,200.
        var a = Enumerable.Repeat((sbyte)-128, 300).ToArray();
        Assert.Equal(300 * 16384, WordVectors.Dot(a, a));
        var b = Enumerable.Repeat((sbyte)127, 300).ToArray();
        Assert.Equal(-300 * 128 * 127, WordVectors.Dot(a, b));
    }
}
