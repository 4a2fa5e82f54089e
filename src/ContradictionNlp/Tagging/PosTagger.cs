using System.Buffers;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tagging;

/// <summary>Training settings of the POS tagger (recorded in models/tagger/manifest.json).</summary>
public sealed record PosTaggerOptions() : PerceptronOptions(iterations: 10, hashBits: 19)
{
    /// <summary>A word form seen at least this often with one tag in at least <see cref="TagDictionaryMinRatio"/> of cases is tagged by lookup.</summary>
    public int TagDictionaryMinCount { get; init; } = 20;
    public double TagDictionaryMinRatio { get; init; } = 0.97;
}

/// <summary>
/// Greedy left-to-right averaged-perceptron UPOS tagger over hashed features (word, affixes, shape,
/// two words of context either side, the previous two predicted tags). Frequent unambiguous words are
/// tagged by a hash lookup without scoring. Immutable and thread-safe.
/// </summary>
public sealed class PosTagger
{
    public const int FormatVersion = 1;
    private const int MaxFeatures = 33;
    private const ulong NoTag1 = 1000, NoTag2 = 1001;
    private static ReadOnlySpan<byte> Magic => "CNLPPOS1"u8;

    private readonly CompactWeights _weights;
    private readonly Dictionary<ulong, byte> _tagDictionary;
    private readonly WordClusters? _clusters;

    private PosTagger(CompactWeights weights, Dictionary<ulong, byte> tagDictionary, WordClusters? clusters)
    {
        _clusters = clusters;
        _weights = weights;
        _tagDictionary = tagDictionary;
    }

    public int TagDictionarySize => _tagDictionary.Count;
    public int HashBits => _weights.Bits;
    public WordClusters? Clusters => _clusters;

    /// <summary>One tag per token of <paramref name="text"/>, tagging each sentence separately.</summary>
    public UPos[] Tag(TokenizedText text)
    {
        var tags = new UPos[text.Tokens.Count];
        var all = text.TokenSpan;
        var covered = 0;
        foreach (var s in text.Sentences)
        {
            // Tokens between sentences (should not happen) are tagged as their own run so every token gets a tag.
            if (s.FirstToken > covered) TagSentence(text.Text, all[covered..s.FirstToken], tags.AsSpan(covered, s.FirstToken - covered));
            TagSentence(text.Text, all[s.FirstToken..s.EndToken], tags.AsSpan(s.FirstToken, s.TokenCount));
            covered = s.EndToken;
        }
        if (covered < all.Length) TagSentence(text.Text, all[covered..], tags.AsSpan(covered));
        return tags;
    }

    /// <summary>Tags a list of word forms as one sentence (corpus words; also handy in tests).</summary>
    public UPos[] TagWords(IReadOnlyList<string> forms)
    {
        var (text, tokens) = SentenceText.Build(forms);
        var tags = new UPos[tokens.Length];
        TagSentence(text, tokens, tags);
        return tags;
    }

    /// <summary>Tags one sentence's tokens (spans into <paramref name="text"/>) into <paramref name="dest"/>.</summary>
    public void TagSentence(string text, ReadOnlySpan<Token> tokens, Span<UPos> dest)
    {
        if (dest.Length < tokens.Length) throw new ArgumentException("destination shorter than the token list", nameof(dest));
        var n = tokens.Length;
        if (n == 0) return;
        var hashes = ArrayPool<ulong>.Shared.Rent(n * WordHashes.Stride);
        try
        {
            WordHashes.Compute(text, tokens, hashes, _clusters);
            TagHashed(hashes, n, dest);
        }
        finally { ArrayPool<ulong>.Shared.Return(hashes); }
    }

    /// <summary>
    /// <see cref="TagSentence"/> from the sentence's word hashes (<see cref="WordHashes.Compute"/> with this tagger's
    /// word classes), so a caller that also runs the recogniser computes them once (round 29, <c>PersonNames</c>).
    /// </summary>
    internal void TagHashed(ReadOnlySpan<ulong> hashes, int n, Span<UPos> dest)
    {
        Span<int> feats = stackalloc int[MaxFeatures];
        Span<float> scores = stackalloc float[UPosNames.Count];
        ulong p1 = NoTag1, p2 = NoTag2;
        for (var i = 0; i < n; i++)
        {
            int tag;
            if (!_tagDictionary.TryGetValue(hashes[i * WordHashes.Stride + WordHashes.Exact], out var known))
            {
                var count = Features(hashes, n, i, p1, p2, _weights.Mask, feats);
                _weights.Score(feats[..count], scores);
                tag = PerceptronWeights.ArgMax(scores);
            }
            else tag = known;
            dest[i] = (UPos)tag;
            p2 = p1;
            p1 = (ulong)tag;
        }
    }

    private static int Features(ReadOnlySpan<ulong> h, int n, int i, ulong p1, ulong p2, int mask, Span<int> f)
    {
        const int S = WordHashes.Stride;
        var at = i * S;
        var k = 0;
        f[k++] = WordHashes.Bucket(0, 0, mask);
        f[k++] = WordHashes.Bucket(1, h[at + WordHashes.Lower], mask);
        f[k++] = WordHashes.Bucket(2, h[at + WordHashes.Suffix1], mask);
        f[k++] = WordHashes.Bucket(3, h[at + WordHashes.Suffix2], mask);
        f[k++] = WordHashes.Bucket(4, h[at + WordHashes.Suffix3], mask);
        f[k++] = WordHashes.Bucket(5, h[at + WordHashes.Suffix4], mask);
        f[k++] = WordHashes.Bucket(6, h[at + WordHashes.Prefix1], mask);
        f[k++] = WordHashes.Bucket(7, h[at + WordHashes.Prefix3], mask);
        f[k++] = WordHashes.Bucket(8, h[at + WordHashes.Shape], mask);
        f[k++] = WordHashes.Bucket(9, WordHashes.At(h, n, i - 1, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(10, WordHashes.At(h, n, i - 2, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(11, WordHashes.At(h, n, i + 1, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(12, WordHashes.At(h, n, i + 2, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(13, WordHashes.At(h, n, i - 1, WordHashes.Suffix3), mask);
        f[k++] = WordHashes.Bucket(14, WordHashes.At(h, n, i + 1, WordHashes.Suffix3), mask);
        f[k++] = WordHashes.Bucket(15, WordHashes.At(h, n, i - 1, WordHashes.Shape), mask);
        f[k++] = WordHashes.Bucket(16, WordHashes.At(h, n, i + 1, WordHashes.Shape), mask);
        f[k++] = WordHashes.Bucket(17, p1, mask);
        f[k++] = WordHashes.Bucket(18, p2, mask);
        f[k++] = WordHashes.Bucket(19, WordHashes.Combine(p1, p2), mask);
        f[k++] = WordHashes.Bucket(20, WordHashes.Combine(p1, h[at + WordHashes.Lower]), mask);
        f[k++] = WordHashes.Bucket(21, h[at + WordHashes.Exact], mask);
        f[k++] = WordHashes.Bucket(22, WordHashes.Combine(h[at + WordHashes.Lower], WordHashes.At(h, n, i + 1, WordHashes.Lower)), mask);
        f[k++] = WordHashes.Bucket(23, WordHashes.Combine(p1, WordHashes.At(h, n, i + 1, WordHashes.Lower)), mask);
        f[k++] = WordHashes.Bucket(24, h[at + WordHashes.ClusterFine], mask);
        f[k++] = WordHashes.Bucket(25, h[at + WordHashes.ClusterCoarse], mask);
        f[k++] = WordHashes.Bucket(26, WordHashes.At(h, n, i - 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(27, WordHashes.At(h, n, i + 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(28, WordHashes.Combine(p1, h[at + WordHashes.ClusterFine]), mask);
        // Right context beyond the next word, for function words whose tag depends on what follows ("that taxes would").
        f[k++] = WordHashes.Bucket(29, WordHashes.Combine(h[at + WordHashes.Lower], WordHashes.At(h, n, i + 2, WordHashes.Lower)), mask);
        f[k++] = WordHashes.Bucket(30, WordHashes.Combine(h[at + WordHashes.Lower], WordHashes.At(h, n, i + 1, WordHashes.ClusterFine)), mask);
        f[k++] = WordHashes.Bucket(31, WordHashes.Combine(h[at + WordHashes.Lower], WordHashes.At(h, n, i + 1, WordHashes.Suffix2)), mask);
        f[k++] = WordHashes.Bucket(32, WordHashes.Combine(p1, WordHashes.At(h, n, i + 1, WordHashes.ClusterFine)), mask);
        return k;
    }

    /// <summary>
    /// Trains on gold-tagged sentences. Deterministic: the sentence order of each pass is a Fisher-Yates
    /// shuffle from <see cref="PosTaggerOptions.Seed"/>, and all arithmetic is single-threaded.
    /// </summary>
    /// <param name="clusters">Word classes used as features (optional; the same object must be given when the model is read back).</param>
    public static PosTagger Train(IReadOnlyList<TaggedSentence> sentences, PosTaggerOptions options, WordClusters? clusters = null, TextWriter? log = null)
    {
        options.Validate();
        var tagDictionary = BuildTagDictionary(sentences, options);
        var trainer = new PerceptronTrainer(UPosNames.Count, options.HashBits);
        var prepared = sentences.Select(s =>
        {
            var (text, tokens) = SentenceText.Build(s.Words.Select(w => w.Form).ToArray());
            var hashes = new ulong[tokens.Length * WordHashes.Stride];
            WordHashes.Compute(text, tokens, hashes, clusters);
            return (Hashes: hashes, Gold: s.Words.Select(w => (int)w.Upos).ToArray());
        }).ToArray();
        var order = Enumerable.Range(0, prepared.Length).ToArray();
        var rng = new Random(options.Seed);
        var feats = new int[MaxFeatures];
        var scores = new float[UPosNames.Count];
        for (var it = 0; it < options.Iterations; it++)
        {
            StructuredPerceptron.Shuffle(order, rng);
            int correct = 0, total = 0;
            foreach (var idx in order)
            {
                var (h, gold) = prepared[idx];
                ulong p1 = NoTag1, p2 = NoTag2;
                for (var i = 0; i < gold.Length; i++)
                {
                    int guess;
                    if (tagDictionary.TryGetValue(h[i * WordHashes.Stride + WordHashes.Exact], out var known)) guess = known;
                    else
                    {
                        var count = Features(h, gold.Length, i, p1, p2, trainer.Mask, feats);
                        guess = trainer.Predict(feats.AsSpan(0, count), scores);
                        trainer.Update(gold[i], guess, feats.AsSpan(0, count));
                        trainer.Tick();
                    }
                    if (guess == gold[i]) correct++;
                    total++;
                    p2 = p1;
                    p1 = (ulong)guess;
                }
            }
            log?.WriteLine(FormattableString.Invariant($"  pass {it + 1}/{options.Iterations}: training accuracy {(double)correct / Math.Max(1, total):0.0000}"));
        }
        return new PosTagger(CompactWeights.FromDense(trainer.Average(options.Prune)), tagDictionary, clusters);
    }

    private static Dictionary<ulong, byte> BuildTagDictionary(IReadOnlyList<TaggedSentence> sentences, PosTaggerOptions options)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var s in sentences)
            foreach (var w in s.Words)
            {
                var key = WordHashes.HashExact(w.Form);
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[UPosNames.Count];
                c[(int)w.Upos]++;
            }
        var dict = new Dictionary<ulong, byte>();
        foreach (var (key, c) in counts.OrderBy(kv => kv.Key))
        {
            var total = c.Sum();
            var best = Array.IndexOf(c, c.Max());
            if (total >= options.TagDictionaryMinCount && c[best] >= options.TagDictionaryMinRatio * total) dict[key] = (byte)best;
        }
        return dict;
    }

    /// <summary>Binary layout: magic "CNLPPOS1", int32 format version, int32 hash bits, int32 tag-dictionary size, entries (uint64 hash, byte tag) by ascending hash, then the weights.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(_weights.Bits);
        w.Write(_tagDictionary.Count);
        foreach (var (k, v) in _tagDictionary.OrderBy(kv => kv.Key))
        {
            w.Write(k);
            w.Write(v);
        }
        _weights.Write(w);
    }

    public static PosTagger Read(Stream stream, string origin, WordClusters? clusters = null)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new Scoring.ModelFormatException($"{origin}: not a POS tagger weights file (expected magic 'CNLPPOS1' at offset 0).");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new Scoring.ModelFormatException($"{origin}: tagger format version {version}, expected {FormatVersion}.");
            var bits = r.ReadInt32();
            if (bits is < 8 or > 24) throw new Scoring.ModelFormatException($"{origin}: hash bits {bits}, expected 8..24.");
            var n = r.ReadInt32();
            if (n < 0) throw new Scoring.ModelFormatException($"{origin}: negative tag dictionary size {n}.");
            var dict = new Dictionary<ulong, byte>(n);
            for (var i = 0; i < n; i++)
            {
                var k = r.ReadUInt64();
                var v = r.ReadByte();
                if (v >= UPosNames.Count) throw new Scoring.ModelFormatException($"{origin}: tag {v} in the tag dictionary, expected < {UPosNames.Count}.");
                dict[k] = v;
            }
            return new PosTagger(CompactWeights.Read(r, UPosNames.Count, bits, origin), dict, clusters);
        }
        catch (EndOfStreamException)
        {
            throw new Scoring.ModelFormatException($"{origin}: file ends early (truncated POS tagger weights).");
        }
    }
}

/// <summary>Builds a text and token spans from word forms joined by single spaces, so corpus words and tokenizer output share one code path.</summary>
public static class SentenceText
{
    public static (string Text, Token[] Tokens) Build(IReadOnlyList<string> forms)
    {
        var sb = new System.Text.StringBuilder();
        var tokens = new Token[forms.Count];
        for (var i = 0; i < forms.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            var start = sb.Length;
            sb.Append(forms[i]);
            tokens[i] = new Token(start, sb.Length, TokenKind.Word);
        }
        return (sb.ToString(), tokens);
    }
}
