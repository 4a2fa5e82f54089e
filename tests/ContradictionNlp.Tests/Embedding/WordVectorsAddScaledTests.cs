using ContradictionNlp.Embedding;

namespace ContradictionNlp.Tests.Embedding;

/// <summary>
/// <see cref="WordVectors.AddScaled"/> adds eight components at a time where the hardware has vectors; every component
/// must still be the scalar <c>acc[k] + (float)q[k] * s</c> to the bit (the SIF embeddings are stored and compared).
/// </summary>
public class WordVectorsAddScaledTests
{
    private static WordVectors Random(int dimension, int words, int seed)
    {
        var rng = new Random(seed);
        var scales = Enumerable.Range(0, words).Select(_ => (float)(rng.NextDouble() * 0.05 + 1e-4)).ToArray();
        var q = new sbyte[words * dimension];
        for (var i = 0; i < q.Length; i++) q[i] = (sbyte)rng.Next(-128, 128); // the full int8 range, -128 included
        return new WordVectors(dimension, Enumerable.Range(0, words).Select(i => $"w{i}").ToList(), scales, q);
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(13, 2)] // one vector step and a scalar tail of five
    [InlineData(8, 3)]  // exactly one vector step
    [InlineData(7, 4)]  // too short for a vector step: scalar only
    [InlineData(64, 5)]
    public void Equals_the_scalar_loop_bit_for_bit(int dimension, int seed)
    {
        var vectors = Random(dimension, 50, seed);
        var rng = new Random(seed + 100);
        var acc = Enumerable.Range(0, dimension).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var expected = (float[])acc.Clone();
        for (var n = 0; n < 200; n++)
        {
            var index = rng.Next(vectors.Count);
            var weight = (float)rng.NextDouble();
            vectors.AddScaled(index, weight, acc);
            var row = vectors.Row(index);
            var s = vectors.Scale(index) * weight;
            for (var k = 0; k < dimension; k++) expected[k] += row[k] * s;
        }
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), acc.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void A_too_short_accumulator_is_refused_as_before()
    {
        var vectors = Random(16, 3, 9);
        Assert.Throws<IndexOutOfRangeException>(() => vectors.AddScaled(0, 1f, new float[15]));
    }

    [Fact]
    public void A_longer_accumulator_changes_only_the_first_dimension_components()
    {
        var vectors = Random(16, 3, 10);
        var acc = new float[20];
        acc.AsSpan().Fill(0.5f);
        vectors.AddScaled(1, 2f, acc);
        var row = vectors.Row(1);
        for (var k = 0; k < 16; k++) Assert.Equal(BitConverter.SingleToInt32Bits(0.5f + row[k] * (vectors.Scale(1) * 2f)), BitConverter.SingleToInt32Bits(acc[k]));
        Assert.All(acc[16..], x => Assert.Equal(0.5f, x));
    }
}
