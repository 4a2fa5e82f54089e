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
    [InlineData(17, 10, 1, 0.05)]
    [InlineData(7, 12, 2, 0.3)]
    [InlineData(3, 8, 3, 0.0)]
    public void Compact_rows_score_as_the_dense_table_float_for_float(int classes, int bits, int seed, double filled)
    {
        var dense = RandomDense(classes, bits, seed, filled);
        var compact = CompactWeights.FromDense(dense);
        var rng = new Random(seed + 100);
        Span<float> a = stackalloc float[classes], b = stackalloc float[classes];
        var features = new int[12];
        for (var trial = 0; trial < 500; trial++)
        {
            for (var i = 0; i < features.Length; i++) features[i] = rng.Next(1 << bits);
            dense.Score(features, a);
            compact.Score(features, b);
            for (var c = 0; c < classes; c++) Assert.Equal(BitConverter.SingleToInt32Bits(a[c]), BitConverter.SingleToInt32Bits(b[c]));
        }
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
