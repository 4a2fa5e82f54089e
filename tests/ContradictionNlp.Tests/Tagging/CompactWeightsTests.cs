using ContradictionNlp.Tagging;

namespace ContradictionNlp.Tests.Tagging;

/// <summary>
/// Round 29: the taggers hold their weights compact (only rows with a non-zero weight). They must score, write and read as
/// the dense table did: the same floats for any features, the same file bytes.
/// </summary>
public class CompactWeightsTests
{
    private static PerceptronWeights RandomDense(int classes, int bits, int seed, double filled)
    {
        var rng = new Random(seed);
        var w = new float[(1 << bits) * classes];
        for (var b = 0; b < 1 << bits; b++)
        {
            if (rng.NextDouble() >= filled) continue;
            // Some rows have zeros among their classes, some values are tiny (zero in half precision).
            for (var c = 0; c < classes; c++)
                w[b * classes + c] = rng.Next(4) switch { 0 => 0f, 1 => 1e-9f, _ => (float)(rng.NextDouble() * 4 - 2) };
        }
        return new PerceptronWeights(classes, bits, w);
    }

    [Theory]
    [InlineData(17, 10, 1, 0.05, true)]
    [InlineData(7, 12, 2, 0.3, true)]
    [InlineData(3, 8, 3, 0.0, true)]
    [InlineData(17, 10, 11, 0.2, false)]
    [InlineData(7, 12, 12, 0.3, false)]
    [InlineData(3, 8, 13, 0.5, false)]
    [InlineData(24, 9, 14, 0.4, false)]
    [InlineData(25, 9, 15, 0.4, false)]
    public void Compact_rows_add_as_the_dense_table_float_for_float_on_the_vector_and_the_scalar_path(int classes, int bits, int seed, double filled, bool fromZero)
    {
        // Round 39: AddRows adds a row with 256-bit vectors where the CPU has them (AddRowsScalar where not). Scores from
        // zero (the taggers' calls) and scores that do not start at zero (a caller's need not); rows of 1-3 vectors, or
        // more (25 classes: the scalar path).
        var dense = RandomDense(classes, bits, seed, filled);
        var compact = CompactWeights.FromDense(dense);
        var rng = new Random(seed + 100);
        var features = new int[fromZero ? 12 : 40];
        float[] expected = new float[classes], vector = new float[classes], scalar = new float[classes];
        for (var trial = 0; trial < 300; trial++)
        {
            for (var i = 0; i < features.Length; i++) features[i] = rng.Next(1 << bits);
            for (var c = 0; c < classes; c++) scalar[c] = fromZero ? 0f : (float)(rng.NextDouble() * 10 - 5);
            scalar.CopyTo(expected, 0);
            if (fromZero)
            {
                dense.Score(features, expected);
                compact.Score(features, vector);
            }
            else
            {
                scalar.CopyTo(vector, 0);
                foreach (var f in features)
                    for (var c = 0; c < classes; c++) expected[c] += dense.W[f * classes + c];
                compact.AddRows(features, vector);
            }
            compact.AddRowsScalar(features, scalar);
            for (var c = 0; c < classes; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(vector[c]));
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(scalar[c]));
            }
        }
        Assert.Equal(Enumerable.Range(0, 1 << bits).Count(b => Enumerable.Range(0, classes).Any(c => dense.W[b * classes + c] != 0f)), compact.RowCount);
    }

    [Theory]
    [InlineData(17, 10, 4, 0.05)]
    [InlineData(7, 12, 5, 0.3)]
    public void Read_gives_back_what_write_wrote_and_the_dense_table_reads_the_same(int classes, int bits, int seed, double filled)
    {
        var dense = RandomDense(classes, bits, seed, filled);
        var bytes = Bytes(CompactWeights.FromDense(dense).Write);
        using var r = new BinaryReader(new MemoryStream(bytes));
        var read = CompactWeights.Read(r, classes, bits, "test");
        Assert.Equal(bytes, Bytes(read.Write));
        // Only rows with a weight that is non-zero in half precision were written, each value rounded to half.
        var back = read.ToDense().W;
        for (var i = 0; i < back.Length; i++) Assert.Equal((float)(Half)dense.W[i], back[i]);
    }

    [Fact]
    public void The_shipped_tagger_and_recogniser_write_back_their_files_bytes()
    {
        var tagger = TaggerModel.Load(TestPaths.Repo("models", "tagger"));
        var ner = NerModel.Load(TestPaths.Repo("models", "ner"), tagger);
        Assert.Equal(File.ReadAllBytes(TestPaths.Repo("models", "tagger", "pos.bin")), Bytes(s => tagger.Tagger.Write(s.BaseStream)));
        Assert.Equal(File.ReadAllBytes(TestPaths.Repo("models", "ner", "ner.bin")), Bytes(s => ner.Recognizer.Write(s.BaseStream)));
    }

    [Fact]
    public void A_corrupt_row_is_refused_with_the_dense_readers_message()
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) { w.Write(1); w.Write(5000); w.Write((byte)1); }
        ms.Position = 0;
        using var r = new BinaryReader(ms);
        var ex = Assert.Throws<ContradictionNlp.Scoring.ModelFormatException>(() => CompactWeights.Read(r, 7, 10, "x.bin"));
        Assert.Equal("x.bin: weight row 5000 with 1 entries, expected row < 1024 and at most 7 entries (corrupt file).", ex.Message);
    }

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) write(w);
        return ms.ToArray();
    }
}
