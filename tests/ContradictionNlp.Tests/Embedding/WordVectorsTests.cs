using ContradictionNlp.Embedding;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Embedding;

public class WordVectorsTests
{
    private static WordVectors Small() => WordVectors.Quantize(3, ["the", "cat", "dog", "zero"],
        [[1f, 0f, 0f], [0.5f, -1.27f, 0.25f], [0.5f, -1.2f, 0.3f], [0f, 0f, 0f]]);

    [Fact]
    public void Quantize_scales_by_max_abs_over_127()
    {
        var v = Small();
        Assert.Equal(1.27f / 127f, v.Scale(1), 6);
        Assert.Equal([50, -127, 25], v.Row(1).ToArray().Select(x => (int)x));
        Assert.Equal([127, 0, 0], v.Row(0).ToArray().Select(x => (int)x));
        Assert.Equal(1f, v.Scale(3)); // all-zero vector: scale 1, not a division by zero
    }

    [Fact]
    public void Save_then_load_gives_identical_bytes_and_lookups()
    {
        var v = Small();
        var path = Path.Combine(Path.GetTempPath(), $"cnlp-vec-{Guid.NewGuid():N}.bin");
        try
        {
            v.Save(path);
            var bytes = File.ReadAllBytes(path);
            // Header: magic, version 1, dim 3, count 4.
            Assert.Equal("CNLPVEC\0"u8.ToArray(), bytes[..8]);
            Assert.Equal([1, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0], bytes[8..20]);
            var back = WordVectors.Load(path);
            Assert.Equal(4, back.Count);
            Assert.Equal(2, back.IndexOf("dog"));
            Assert.Equal(-1, back.IndexOf("bird"));
            Assert.Equal(v.Row(2).ToArray(), back.Row(2).ToArray());
            Assert.Equal(v.Scale(2), back.Scale(2));
            using var ms = new MemoryStream();
            back.Save(ms);
            Assert.Equal(bytes, ms.ToArray());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Load_refuses_other_files_with_a_message_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnlp-vec-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllText(path, "hello, this is not a vectors file");
            var ex = Assert.Throws<FormatException>(() => WordVectors.Load(path));
            Assert.Equal($"{path}: not a word-vectors file (expected magic 'CNLPVEC\\0' at offset 0).", ex.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Cosine_uses_quantised_rows()
    {
        var v = Small();
        Assert.Equal(1f, v.Cosine(1, 1));
        Assert.Equal(0f, v.Cosine(1, 3));
        Assert.InRange(v.Cosine(1, 2), 0.99f, 1f);
        Assert.InRange(v.Cosine(0, 1), 0.3603f, 0.3604f); // 50/sqrt(50^2+127^2+25^2) = 0.36034
    }

    [Fact]
    public void Scanner_splits_clitics_and_keeps_numbers_whole()
    {
        const string text = "He doesn't pay 1,500.5 dollars; does n't he's?";
        var words = WordScanner.Scan(text).Select(s => s.Of(text)).ToArray();
        Assert.Equal(["He", "does", "n't", "pay", "1,500.5", "dollars", "does", "n't", "he", "'s"], words);
        Assert.Equal(new TextSpan(7, 10), WordScanner.Scan(text)[2]);
    }

    [Fact]
    public void Sif_embedder_is_normalised_deterministic_and_zero_for_unknown_text()
    {
        var e = new SifEmbedder(Small(), "test");
        var a = e.Embed("The cat.");
        var b = e.Embed("the CAT");
        Assert.Equal(a, b);
        Assert.Equal(1f, MathF.Sqrt(a.Sum(x => x * x)), 5);
        Assert.All(e.Embed("?? unknown words !!"), x => Assert.Equal(0f, x));
        // "the" is rank 1: weighted far below "cat", so the sum points almost along "cat".
        Assert.True(e.Weight(0) < e.Weight(1));
    }
}
