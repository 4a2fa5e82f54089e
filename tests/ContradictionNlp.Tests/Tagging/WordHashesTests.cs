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
            WordHashes.ComputeReference(text.Text, tokens, reference, c);
            Assert.Equal(reference, fast);
        }
        Assert.True(tokens.Length >= 20);
    }

    [Fact]
    public void The_attribution_subset_fills_exactly_its_five_slots()
    {
        var text = new TextAnalyzer().Analyze(Text);
        var tokens = text.TokenSpan;
        var subset = new ulong[tokens.Length * WordHashes.Stride];
        var reference = new ulong[subset.Length];
        WordHashes.Compute(text.Text, tokens, subset, null, allSlots: false);
        WordHashes.ComputeReference(text.Text, tokens, reference, null);
        int[] filled = [WordHashes.Lower, WordHashes.Exact, WordHashes.Shape, WordHashes.Suffix3, WordHashes.Prefix3];
        for (var t = 0; t < tokens.Length; t++)
            for (var slot = 0; slot < WordHashes.Stride; slot++)
                Assert.Equal(filled.Contains(slot) ? reference[t * WordHashes.Stride + slot] : 0UL, subset[t * WordHashes.Stride + slot]);
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
}
