using System.Buffers;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tagging;

public enum EntityType : byte { Person, Organisation, Location }

/// <summary>A named entity: tokens <c>[FirstToken, EndToken)</c> of the tagged text (indices into its token list).</summary>
public readonly record struct Entity(int FirstToken, int EndToken, EntityType Type);

/// <summary>The BIO label set: 0 = O, then B-/I- for PER, ORG, LOC (label 1 + 2*type is B, 2 + 2*type is I).</summary>
public static class NerLabels
{
    public const int Count = 7;
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
    public static readonly string[] TypeNames = ["PER", "ORG", "LOC"];

    /// <summary>Index of <paramref name="label"/> in <see cref="Names"/>, or -1.</summary>
    public static int Parse(string label) => Array.IndexOf(Names, label);

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;
    public static EntityType TypeOf(int label) => (EntityType)((label - 1) / 2);

    /// <summary>
    /// Entity spans of a BIO label sequence. An I- label that does not continue an entity of its type
    /// starts a new one (the conlleval convention), so no label is silently dropped.
    /// </summary>
    public static List<Entity> Spans(ReadOnlySpan<byte> labels, int offset = 0)
    {
        var result = new List<Entity>();
        var start = -1;
        var type = EntityType.Person;
        for (var i = 0; i <= labels.Length; i++)
        {
            int l = i < labels.Length ? labels[i] : 0;
            var continues = l != 0 && IsInside(l) && start >= 0 && TypeOf(l) == type;
            if (continues) continue;
            if (start >= 0) result.Add(new Entity(offset + start, offset + i, type));
            start = -1;
            if (l != 0) { start = i; type = TypeOf(l); }
        }
        return result;
    }
}

public sealed record NerOptions
{
    public int Iterations { get; init; } = 10;
    public int Seed { get; init; } = 1;
    public int HashBits { get; init; } = 19;
    public double Prune { get; init; } = 0.01;

    public void Validate()
    {
        if (Iterations < 1) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "iterations must be at least 1");
        if (HashBits is < 8 or > 24) throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "hash bits must be 8..24");
        if (Prune < 0) throw new ArgumentOutOfRangeException(nameof(Prune), Prune, "prune must be >= 0");
    }
}

/// <summary>
/// Person / organisation / location recogniser: greedy left-to-right averaged perceptron over BIO labels,
/// with word, affix, shape and POS features of a five-token window and the two previous labels; no gazetteer.
/// An I- label is only allowed after B-/I- of the same type, so every output is a well-formed BIO sequence.
/// Immutable and thread-safe.
/// </summary>
public sealed class NerTagger
{
    public const int FormatVersion = 1;
    private const int MaxFeatures = 34;
    private const ulong NoLabel1 = 1000, NoLabel2 = 1001, NoPos = 2000;
    private static ReadOnlySpan<byte> Magic => "CNLPNER1"u8;

    // Allowed[prev * Count + next]; prev = Count means "sentence start".
    private static readonly bool[] Allowed = BuildAllowed();

    private readonly PerceptronWeights _weights;
    private readonly WordClusters? _clusters;

    private NerTagger(PerceptronWeights weights, WordClusters? clusters)
    {
        _weights = weights;
        _clusters = clusters;
    }

    private static bool[] BuildAllowed()
    {
        var a = new bool[(NerLabels.Count + 1) * NerLabels.Count];
        for (var prev = 0; prev <= NerLabels.Count; prev++)
            for (var next = 0; next < NerLabels.Count; next++)
                a[prev * NerLabels.Count + next] = !NerLabels.IsInside(next) ||
                    (prev > 0 && prev < NerLabels.Count && NerLabels.TypeOf(prev) == NerLabels.TypeOf(next));
        return a;
    }

    /// <summary>Entities of <paramref name="text"/> given one POS tag per token (from <see cref="PosTagger.Tag"/>).</summary>
    public IReadOnlyList<Entity> Recognize(TokenizedText text, ReadOnlySpan<UPos> tags)
    {
        if (tags.Length != text.Tokens.Count) throw new ArgumentException($"{tags.Length} tags for {text.Tokens.Count} tokens", nameof(tags));
        var labels = new byte[tags.Length];
        var result = new List<Entity>();
        foreach (var s in text.Sentences)
        {
            LabelSentence(text.Text, text.TokenSpan[s.FirstToken..s.EndToken], tags[s.FirstToken..s.EndToken], labels.AsSpan(s.FirstToken, s.TokenCount));
            result.AddRange(NerLabels.Spans(labels.AsSpan(s.FirstToken, s.TokenCount), s.FirstToken));
        }
        return result;
    }

    /// <summary>BIO label indices (see <see cref="NerLabels"/>) for one sentence.</summary>
    public void LabelSentence(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<UPos> pos, Span<byte> dest)
    {
        var n = tokens.Length;
        if (n == 0) return;
        var hashes = ArrayPool<ulong>.Shared.Rent(n * WordHashes.Stride);
        try
        {
            WordHashes.Compute(text, tokens, hashes, _clusters);
            Span<int> feats = stackalloc int[MaxFeatures];
            Span<float> scores = stackalloc float[NerLabels.Count];
            int prev = NerLabels.Count, prev2 = NerLabels.Count;
            for (var i = 0; i < n; i++)
            {
                var count = Features(hashes, pos, n, i, Hist(prev, 1), Hist(prev2, 2), _weights.Mask, feats);
                _weights.Score(feats[..count], scores);
                var best = -1;
                for (var c = 0; c < NerLabels.Count; c++)
                    if (Allowed[prev * NerLabels.Count + c] && (best < 0 || scores[c] > scores[best])) best = c;
                dest[i] = (byte)best;
                prev2 = prev;
                prev = best;
            }
        }
        finally { ArrayPool<ulong>.Shared.Return(hashes); }
    }

    private static ulong Hist(int label, int which) => label == NerLabels.Count ? (which == 1 ? NoLabel1 : NoLabel2) : (ulong)label;

    private static ulong Pos(ReadOnlySpan<UPos> pos, int j) => j < 0 || j >= pos.Length ? NoPos + (ulong)(j < 0 ? 0 : 1) : (ulong)pos[j];

    private static int Features(ReadOnlySpan<ulong> h, ReadOnlySpan<UPos> pos, int n, int i, ulong p1, ulong p2, int mask, Span<int> f)
    {
        var at = i * WordHashes.Stride;
        var lower = h[at + WordHashes.Lower];
        var shape = h[at + WordHashes.Shape];
        var k = 0;
        f[k++] = WordHashes.Bucket(0, 0, mask);
        f[k++] = WordHashes.Bucket(1, lower, mask);
        f[k++] = WordHashes.Bucket(2, h[at + WordHashes.Exact], mask);
        f[k++] = WordHashes.Bucket(3, shape, mask);
        f[k++] = WordHashes.Bucket(4, h[at + WordHashes.Suffix3], mask);
        f[k++] = WordHashes.Bucket(5, h[at + WordHashes.Suffix2], mask);
        f[k++] = WordHashes.Bucket(6, h[at + WordHashes.Prefix3], mask);
        f[k++] = WordHashes.Bucket(7, WordHashes.At(h, n, i - 1, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(8, WordHashes.At(h, n, i + 1, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(9, WordHashes.At(h, n, i - 2, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(10, WordHashes.At(h, n, i + 2, WordHashes.Lower), mask);
        f[k++] = WordHashes.Bucket(11, WordHashes.At(h, n, i - 1, WordHashes.Shape), mask);
        f[k++] = WordHashes.Bucket(12, WordHashes.At(h, n, i + 1, WordHashes.Shape), mask);
        f[k++] = WordHashes.Bucket(13, Pos(pos, i), mask);
        f[k++] = WordHashes.Bucket(14, Pos(pos, i - 1), mask);
        f[k++] = WordHashes.Bucket(15, Pos(pos, i + 1), mask);
        f[k++] = WordHashes.Bucket(16, WordHashes.Combine(Pos(pos, i), shape), mask);
        f[k++] = WordHashes.Bucket(17, p1, mask);
        f[k++] = WordHashes.Bucket(18, WordHashes.Combine(p1, p2), mask);
        f[k++] = WordHashes.Bucket(19, WordHashes.Combine(p1, lower), mask);
        f[k++] = WordHashes.Bucket(20, WordHashes.Combine(p1, Pos(pos, i)), mask);
        f[k++] = WordHashes.Bucket(21, WordHashes.Combine(WordHashes.At(h, n, i - 1, WordHashes.Lower), lower), mask);
        f[k++] = WordHashes.Bucket(22, WordHashes.Combine(lower, WordHashes.At(h, n, i + 1, WordHashes.Lower)), mask);
        f[k++] = WordHashes.Bucket(23, WordHashes.Combine(WordHashes.Combine(WordHashes.At(h, n, i - 1, WordHashes.Shape), shape), WordHashes.At(h, n, i + 1, WordHashes.Shape)), mask);
        f[k++] = WordHashes.Bucket(24, WordHashes.At(h, n, i - 1, WordHashes.Exact), mask);
        f[k++] = WordHashes.Bucket(25, WordHashes.At(h, n, i + 1, WordHashes.Exact), mask);
        f[k++] = WordHashes.Bucket(26, WordHashes.Combine(p1, shape), mask);
        f[k++] = WordHashes.Bucket(27, WordHashes.Combine(i == 0 ? 1UL : 0UL, shape), mask);
        var fine = h[at + WordHashes.ClusterFine];
        f[k++] = WordHashes.Bucket(28, fine, mask);
        f[k++] = WordHashes.Bucket(29, h[at + WordHashes.ClusterCoarse], mask);
        f[k++] = WordHashes.Bucket(30, WordHashes.At(h, n, i - 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(31, WordHashes.At(h, n, i + 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(32, WordHashes.Combine(fine, shape), mask);
        f[k++] = WordHashes.Bucket(33, WordHashes.Combine(p1, fine), mask);
        return k;
    }

    /// <summary>
    /// Trains on IOB2 sentences whose POS tags (and word classes) come from <paramref name="tagger"/> (predicted, as at run time,
    /// so the model learns how much to trust them). Deterministic for a given seed.
    /// </summary>
    public static NerTagger Train(IReadOnlyList<NerSentence> sentences, PosTagger tagger, NerOptions options, TextWriter? log = null)
    {
        options.Validate();
        var trainer = new PerceptronTrainer(NerLabels.Count, options.HashBits);
        var prepared = sentences.Select(s =>
        {
            var (text, tokens) = SentenceText.Build(s.Forms);
            var hashes = new ulong[tokens.Length * WordHashes.Stride];
            WordHashes.Compute(text, tokens, hashes, tagger.Clusters);
            var pos = new UPos[tokens.Length];
            tagger.TagSentence(text, tokens, pos);
            return (Hashes: hashes, Pos: pos, Gold: s.Labels.Select(l => NerLabels.Parse(l)).ToArray());
        }).ToArray();
        var order = Enumerable.Range(0, prepared.Length).ToArray();
        var rng = new Random(options.Seed);
        var feats = new int[MaxFeatures];
        var scores = new float[NerLabels.Count];
        for (var it = 0; it < options.Iterations; it++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            int correct = 0, total = 0;
            foreach (var idx in order)
            {
                var (h, pos, gold) = prepared[idx];
                int prev = NerLabels.Count, prev2 = NerLabels.Count;
                for (var i = 0; i < gold.Length; i++)
                {
                    var count = Features(h, pos, gold.Length, i, Hist(prev, 1), Hist(prev2, 2), trainer.Mask, feats);
                    var guess = trainer.Predict(feats.AsSpan(0, count), scores, Allowed.AsSpan(prev * NerLabels.Count, NerLabels.Count));
                    trainer.Update(gold[i], guess, feats.AsSpan(0, count));
                    trainer.Tick();
                    if (guess == gold[i]) correct++;
                    total++;
                    prev2 = prev;
                    prev = guess;
                }
            }
            log?.WriteLine(FormattableString.Invariant($"  pass {it + 1}/{options.Iterations}: training label accuracy {(double)correct / Math.Max(1, total):0.0000}"));
        }
        return new NerTagger(trainer.Average(options.Prune), tagger.Clusters);
    }

    /// <summary>Binary layout: magic "CNLPNER1", int32 format version, int32 hash bits, then the weights.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(_weights.Bits);
        _weights.Write(w);
    }

    /// <param name="clusters">The word classes of the tagger the model was trained with.</param>
    public static NerTagger Read(Stream stream, string origin, WordClusters? clusters)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new Scoring.ModelFormatException($"{origin}: not an NER weights file (expected magic 'CNLPNER1' at offset 0).");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new Scoring.ModelFormatException($"{origin}: NER format version {version}, expected {FormatVersion}.");
            var bits = r.ReadInt32();
            if (bits is < 8 or > 24) throw new Scoring.ModelFormatException($"{origin}: hash bits {bits}, expected 8..24.");
            return new NerTagger(PerceptronWeights.Read(r, NerLabels.Count, bits, origin), clusters);
        }
        catch (EndOfStreamException)
        {
            throw new Scoring.ModelFormatException($"{origin}: file ends early (truncated NER weights).");
        }
    }
}
