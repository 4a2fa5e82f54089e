using ContradictionNlp.Embedding;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Embedding;

/// <summary>
/// <see cref="WordVectors.IndexOf"/> uses an open-addressing table of its own; it must answer exactly as an ordinal
/// dictionary where the first occurrence of a duplicate word wins (what it replaced), for words and non-words alike.
/// </summary>
public class WordVectorsLookupTests
{
    private static Dictionary<string, int> Reference(IReadOnlyList<string> words)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++) d.TryAdd(words[i], i);
        return d;
    }

    private static WordVectors Make(IReadOnlyList<string> words) =>
        new(2, words, new float[words.Count], new sbyte[words.Count * 2]);

    [Fact]
    public void Duplicates_keep_their_first_index_and_unknown_words_are_minus_one()
    {
        string[] words = ["the", "a", "The", "the", "", "caf\u00e9", "a", "abcdefgh", "abcdefghi", "abcd", "abc"];
        var v = Make(words);
        Assert.Equal(0, v.IndexOf("the"));
        Assert.Equal(1, v.IndexOf("a"));
        Assert.Equal(2, v.IndexOf("The")); // ordinal: case matters
        Assert.Equal(4, v.IndexOf(""));
        Assert.Equal(5, v.IndexOf("caf\u00e9"));
        Assert.Equal(7, v.IndexOf("abcdefgh"));
        Assert.Equal(8, v.IndexOf("abcdefghi"));
        Assert.Equal(9, v.IndexOf("abcd"));
        Assert.Equal(10, v.IndexOf("abc"));
        foreach (var miss in new[] { "th", "thee", "b", "abcdefg", "abcdefghij", "abcde", "cafe", "THE" })
            Assert.Equal(-1, v.IndexOf(miss));
        // A span into a longer string finds the word as well.
        Assert.Equal(7, v.IndexOf("xabcdefghx".AsSpan(1, 8)));
    }

    [Fact]
    public void Many_random_words_with_collisions_answer_as_the_dictionary()
    {
        var rng = new Random(7);
        // Short words over a small alphabet: many duplicates and near-misses; some long ones for the 4-char steps.
        var words = Enumerable.Range(0, 20_000).Select(i =>
        {
            var len = i % 50 == 0 ? rng.Next(20, 70) : rng.Next(1, 7);
            return new string(Enumerable.Range(0, len).Select(_ => (char)('a' + rng.Next(6))).ToArray());
        }).ToList();
        var v = Make(words);
        var reference = Reference(words);
        foreach (var w in words) Assert.Equal(reference[w], v.IndexOf(w));
        for (var n = 0; n < 20_000; n++)
        {
            var len = rng.Next(0, 9);
            var probe = new string(Enumerable.Range(0, len).Select(_ => (char)('a' + rng.Next(8))).ToArray());
            Assert.Equal(reference.TryGetValue(probe, out var i) ? i : -1, v.IndexOf(probe));
        }
    }

    [Fact]
    public void The_shipped_vocabulary_answers_as_the_dictionary()
    {
        var v = ((SifEmbedder)ShippedModels.Catalog.LoadEmbedder()).Vectors;
        var words = Enumerable.Range(0, v.Count).Select(v.Word).ToList();
        var reference = Reference(words);
        for (var i = 0; i < words.Count; i++) Assert.Equal(reference[words[i]], v.IndexOf(words[i]));
        foreach (var w in new[] { "qqqzzz", "belarusx", "", "tHe" })
            Assert.Equal(reference.TryGetValue(w, out var i) ? i : -1, v.IndexOf(w));
    }
}
