using ContradictionNlp.Tagging;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tagging;

public class WordHashesTests
{
    // Words of every length 1..12, capitals, digits (the shape-based Lower), curly apostrophes and quotes
    // (normalised), accented letters (ToLowerInvariant), punctuation: the one-pass prefixes must equal the
    // prefix hashes the shipped taggers were trained with.
    private const string Text = "A an The said O\u2019Brien don\u2019t 3.5% 2024 \u201CYes,\u201D \u00C9lys\u00E9e Stra\u00DFe U.S. e-mail, x; Mayor's ABCDEFGHIJKL \u2014 ok?";

    [Fact]
    public void Compute_gives_the_reference_hashes_in_every_slot_with_and_without_clusters()
    {
        var text = new TextAnalyzer().Analyze(Text);
        var tokens = text.TokenSpan;
        var clusters = TaggerModel.Load(TestPaths.Repo("models", "tagger")).Tagger.Clusters;
        foreach (var c in new[] { null, clusters })
        {
            var fast = new ulong[tokens.Length * WordHashes.Stride];
            var reference = new ulong[fast.Length];
            WordHashes.Compute(text.Text, tokens, fast, c);
            ComputeReference(text.Text, tokens, reference, c);
            Assert.Equal(reference, fast);
        }
        Assert.True(tokens.Length >= 20);
    }

    // Round 8 computes every slot in one fused pass: non-ASCII capitals, lower-case letters and digits
    // (Greek, Arabic-Indic digits), long runs of one shape class, one- to five-character words.
    [Theory]
    [InlineData("\u0391\u0398\u0397\u039D\u0391 \u03B1\u03B8 \u0663\u0664\u0665 AAAAAAaaaaaa1111 x yz abc abcd abcde -- ...... Ab1-Cd2")]
    [InlineData("I a ii III Iii iI 7 77 777 7777 77777 \u00C5ngstr\u00F6m \u0130stanbul")]
    public void Compute_gives_the_reference_hashes_for_unusual_words(string sample)
    {
        var text = new TextAnalyzer().Analyze(sample);
        var tokens = text.TokenSpan;
        var fast = new ulong[tokens.Length * WordHashes.Stride];
        var reference = new ulong[fast.Length];
        WordHashes.Compute(text.Text, tokens, fast, null);
        ComputeReference(text.Text, tokens, reference, null);
        Assert.Equal(reference, fast);
        Assert.True(tokens.Length >= 8);
    }

    [Fact]
    public void The_attribution_subset_fills_exactly_its_five_slots() => AssertAttributionSubset(Text, minTokens: 20);

    // Round 21: the subset has a loop of its own (no 1-, 2- and 4-character suffix chains); its five slots must stay the
    // reference values on the unusual words too, and the other slots untouched.
    [Theory]
    [InlineData("\u0391\u0398\u0397\u039D\u0391 \u03B1\u03B8 \u0663\u0664\u0665 AAAAAAaaaaaa1111 x yz abc abcd abcde -- ...... Ab1-Cd2")]
    [InlineData("I a ii III Iii iI 7 77 777 7777 77777 \u00C5ngstr\u00F6m \u0130stanbul")]
    public void The_attribution_subset_gives_the_reference_hashes_for_unusual_words(string sample) => AssertAttributionSubset(sample, minTokens: 8);

    private static void AssertAttributionSubset(string sample, int minTokens)
    {
        var text = new TextAnalyzer().Analyze(sample);
        var tokens = text.TokenSpan;
        var subset = new ulong[tokens.Length * WordHashes.Stride];
        var reference = new ulong[subset.Length];
        WordHashes.Compute(text.Text, tokens, subset, null, allSlots: false);
        ComputeReference(text.Text, tokens, reference, null);
        int[] filled = [WordHashes.Lower, WordHashes.Exact, WordHashes.Shape, WordHashes.Suffix3, WordHashes.Prefix3];
        for (var t = 0; t < tokens.Length; t++)
            for (var slot = 0; slot < WordHashes.Stride; slot++)
                Assert.Equal(filled.Contains(slot) ? reference[t * WordHashes.Stride + slot] : 0UL, subset[t * WordHashes.Stride + slot]);
        Assert.True(tokens.Length >= minTokens);
    }

    [Fact]
    public void Prefix_hashes_are_the_hashes_of_the_prefixes()
    {
        var text = new TextAnalyzer().Analyze("Jo Mayor");
        var h = new ulong[2 * WordHashes.Stride];
        WordHashes.Compute(text.Text, text.TokenSpan, h, null);
        Assert.Equal(WordHashes.HashLower("j") + 5, h[WordHashes.Prefix1]);
        Assert.Equal(WordHashes.HashLower("jo") + 6, h[WordHashes.Prefix3]);   // shorter than 3: the whole word
        Assert.Equal(WordHashes.HashLower("may") + 6, h[WordHashes.Stride + WordHashes.Prefix3]);
        Assert.NotEqual(h[WordHashes.Prefix3], h[WordHashes.Stride + WordHashes.Prefix3]);
    }

    /// <summary>The slots as <see cref="WordHashes.Compute"/> filled them before it took prefixes from the lower-case pass: each slot from the public hash of its own piece.</summary>
    private static void ComputeReference(string text, ReadOnlySpan<Token> tokens, Span<ulong> dest, WordClusters? clusters)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            var d = dest.Slice(t * WordHashes.Stride, WordHashes.Stride);
            var hasDigit = false;
            foreach (var c in w) if (char.IsAsciiDigit(c)) { hasDigit = true; break; }
            d[WordHashes.Exact] = WordHashes.HashExact(w);
            d[WordHashes.Shape] = WordHashes.ShapeHash(w);
            var lower = WordHashes.HashLower(w);
            d[WordHashes.Lower] = hasDigit ? d[WordHashes.Shape] ^ 0xD161D161UL : lower;
            var (fine, coarse) = clusters?.Of(lower) ?? (0, 0);
            d[WordHashes.ClusterFine] = (ulong)fine + 0xC1000UL;
            d[WordHashes.ClusterCoarse] = (ulong)coarse + 0xC2000UL;
            d[WordHashes.Suffix1] = WordHashes.HashLower(w[Math.Max(0, w.Length - 1)..]) + 1;
            d[WordHashes.Suffix2] = WordHashes.HashLower(w[Math.Max(0, w.Length - 2)..]) + 2;
            d[WordHashes.Suffix3] = WordHashes.HashLower(w[Math.Max(0, w.Length - 3)..]) + 3;
            d[WordHashes.Suffix4] = WordHashes.HashLower(w[Math.Max(0, w.Length - 4)..]) + 4;
            d[WordHashes.Prefix1] = WordHashes.HashLower(w[..Math.Min(1, w.Length)]) + 5;
            d[WordHashes.Prefix3] = WordHashes.HashLower(w[..Math.Min(3, w.Length)]) + 6;
        }
    }

    [Fact]
    public void Buckets_equals_Bucket_lane_by_lane()
    {
        // The vector hash (AVX-512 where present) must give each lane the scalar Bucket of its template and value;
        // random values, edge values and every template the taggers use, under two table sizes.
        var rng = new Random(7);
        var values = new ulong[64];
        var offsets = new ulong[64];
        var templates = new int[64];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = j switch { 0 => 0UL, 1 => ulong.MaxValue, 2 => 1UL << 63, _ => (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40) };
            templates[j] = j % 40;
            offsets[j] = WordHashes.TemplateOffset(templates[j]);
        }
        foreach (var mask in new[] { (1 << 20) - 1, (1 << 8) - 1 })
        {
            var dest = new int[64];
            WordHashes.Buckets(values, offsets, mask, dest);
            for (var j = 0; j < values.Length; j++) Assert.Equal(WordHashes.Bucket(templates[j], values[j], mask), dest[j]);
        }
        Assert.Throws<ArgumentException>(() => WordHashes.Buckets(values.AsSpan(0, 6), offsets, 255, new int[8]));
    }
}
