using System.Buffers;
using System.Diagnostics;
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

public sealed record NerOptions() : PerceptronOptions(iterations: 10, hashBits: 19);

/// <summary>
/// Person / organisation / location recogniser: averaged structured perceptron over BIO labels with
/// first-order Viterbi decoding; word, affix, shape, word-class and POS features of a five-token window,
/// some conjoined with the previous label; no gazetteer. An I- label is only allowed after B-/I- of the
/// same type, so every output is a well-formed BIO sequence.
/// Immutable and thread-safe.
/// </summary>
public sealed class NerTagger
{
    public const int FormatVersion = 1;
    private const ulong NoLabel = 1000, NoPos = 2000;
    private static ReadOnlySpan<byte> Magic => "CNLPNER1"u8;

    // Allowed[prev * Count + next]; prev = Count means "sentence start".
    private static readonly bool[] Allowed = BuildAllowed();

    private readonly CompactWeights _weights;
    private readonly WordClusters? _clusters;

    private NerTagger(CompactWeights weights, WordClusters? clusters)
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

    /// <summary>BIO label indices (see <see cref="NerLabels"/>) for one sentence: the best well-formed sequence (Viterbi).</summary>
    public void LabelSentence(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<UPos> pos, Span<byte> dest)
    {
        var n = tokens.Length;
        if (n == 0) return;
        var hashes = ArrayPool<ulong>.Shared.Rent(n * WordHashes.Stride);
        try
        {
            WordHashes.Compute(text, tokens, hashes, _clusters);
            Decode(_weights, _weights.Mask, hashes, pos, n, dest);
        }
        finally { ArrayPool<ulong>.Shared.Return(hashes); }
    }

    /// <summary><see cref="LabelSentence"/> from word hashes already computed with the tagger's word classes (the recogniser's own).</summary>
    internal void LabelHashed(ReadOnlySpan<ulong> hashes, ReadOnlySpan<UPos> pos, int n, Span<byte> dest)
    {
        if (n > 0) Decode(_weights, _weights.Mask, hashes, pos, n, dest);
    }

    private const int K = NerLabels.Count, Start = NerLabels.Count;
    private const int StaticCount = 29, TransitionCount = 5;

    /// <summary>
    /// First-order Viterbi: score(i, prev, y) = static features of token i + features conjoined with the
    /// previous label, summed from the weight rows; transitions that break BIO are never taken.
    /// Ties go to the lowest label index, so decoding is deterministic.
    /// </summary>
    private static void Decode<TWeights>(TWeights w, int mask, ReadOnlySpan<ulong> h, ReadOnlySpan<UPos> pos, int n, Span<byte> dest)
        where TWeights : IWeightRows
    {
        var pool = ArrayPool<float>.Shared;
        var score = pool.Rent(n * K);
        var back = ArrayPool<byte>.Shared.Rent(n * K);
        try
        {
            Span<int> sf = stackalloc int[StaticCount];
            Span<int> tf = stackalloc int[TransitionCount];
            Span<float> em = stackalloc float[K];
            Span<float> tr = stackalloc float[K];
            for (var i = 0; i < n; i++)
            {
                em.Clear();
                StaticFeatures(h, pos, n, i, mask, sf);
                w.AddRows(sf, em);
                var row = score.AsSpan(i * K, K);
                row.Fill(float.NegativeInfinity);
                var prevCount = i == 0 ? 1 : K;
                for (var pi = 0; pi < prevCount; pi++)
                {
                    var prev = i == 0 ? Start : pi;
                    var baseScore = i == 0 ? 0f : score[(i - 1) * K + prev];
                    if (float.IsNegativeInfinity(baseScore)) continue;
                    tr.Clear();
                    TransitionFeatures(h, pos, n, i, prev, mask, tf);
                    w.AddRows(tf, tr);
                    StructuredPerceptron.Relax(prev, baseScore, tr, em, Allowed, row, back.AsSpan(i * K, K));
                }
            }
            StructuredPerceptron.Backtrack(score, back, n, K, dest);
        }
        finally
        {
            pool.Return(score);
            ArrayPool<byte>.Shared.Return(back);
        }
    }

    private static ulong Pos(ReadOnlySpan<UPos> pos, int j) => j < 0 || j >= pos.Length ? NoPos + (ulong)(j < 0 ? 0 : 1) : (ulong)pos[j];

    /// <summary>Features of token <paramref name="i"/> that do not depend on labels.</summary>
    private static void StaticFeatures(ReadOnlySpan<ulong> h, ReadOnlySpan<UPos> pos, int n, int i, int mask, Span<int> f)
    {
        var at = i * WordHashes.Stride;
        var lower = h[at + WordHashes.Lower];
        var shape = h[at + WordHashes.Shape];
        var fine = h[at + WordHashes.ClusterFine];
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
        f[k++] = WordHashes.Bucket(21, WordHashes.Combine(WordHashes.At(h, n, i - 1, WordHashes.Lower), lower), mask);
        f[k++] = WordHashes.Bucket(22, WordHashes.Combine(lower, WordHashes.At(h, n, i + 1, WordHashes.Lower)), mask);
        f[k++] = WordHashes.Bucket(23, WordHashes.Combine(WordHashes.Combine(WordHashes.At(h, n, i - 1, WordHashes.Shape), shape), WordHashes.At(h, n, i + 1, WordHashes.Shape)), mask);
        f[k++] = WordHashes.Bucket(24, WordHashes.At(h, n, i - 1, WordHashes.Exact), mask);
        f[k++] = WordHashes.Bucket(25, WordHashes.At(h, n, i + 1, WordHashes.Exact), mask);
        f[k++] = WordHashes.Bucket(27, WordHashes.Combine(i == 0 ? 1UL : 0UL, shape), mask);
        f[k++] = WordHashes.Bucket(28, fine, mask);
        f[k++] = WordHashes.Bucket(29, h[at + WordHashes.ClusterCoarse], mask);
        f[k++] = WordHashes.Bucket(30, WordHashes.At(h, n, i - 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(31, WordHashes.At(h, n, i + 1, WordHashes.ClusterFine), mask);
        f[k++] = WordHashes.Bucket(32, WordHashes.Combine(fine, shape), mask);
        f[k++] = WordHashes.Bucket(34, WordHashes.Combine(h[at + WordHashes.Suffix4], Pos(pos, i)), mask);
        Debug.Assert(k == StaticCount);
    }

    /// <summary>Features of token <paramref name="i"/> conjoined with the previous label (<see cref="Start"/> at the sentence start).</summary>
    private static void TransitionFeatures(ReadOnlySpan<ulong> h, ReadOnlySpan<UPos> pos, int n, int i, int prev, int mask, Span<int> f)
    {
        var at = i * WordHashes.Stride;
        var p1 = prev == Start ? NoLabel : (ulong)prev;
        f[0] = WordHashes.Bucket(17, p1, mask);
        f[1] = WordHashes.Bucket(19, WordHashes.Combine(p1, h[at + WordHashes.Lower]), mask);
        f[2] = WordHashes.Bucket(20, WordHashes.Combine(p1, Pos(pos, i)), mask);
        f[3] = WordHashes.Bucket(26, WordHashes.Combine(p1, h[at + WordHashes.Shape]), mask);
        f[4] = WordHashes.Bucket(33, WordHashes.Combine(p1, h[at + WordHashes.ClusterFine]), mask);
    }

    /// <summary>
    /// Structured perceptron (Collins 2002): decode each sentence with the current weights and, where the
    /// best sequence differs from gold, reward gold's features and penalise the prediction's. POS tags
    /// (and word classes) come from <paramref name="tagger"/>, predicted as at run time, so the model
    /// learns how much to trust them. Deterministic for a given seed.
    /// </summary>
    public static NerTagger Train(IReadOnlyList<NerSentence> sentences, PosTagger tagger, NerOptions options, TextWriter? log = null)
    {
        options.Validate();
        var trainer = new PerceptronTrainer(K, options.HashBits);
        var prepared = sentences.Select(s =>
        {
            var (text, tokens) = SentenceText.Build(s.Forms);
            var hashes = new ulong[tokens.Length * WordHashes.Stride];
            WordHashes.Compute(text, tokens, hashes, tagger.Clusters);
            var pos = new UPos[tokens.Length];
            tagger.TagSentence(text, tokens, pos);
            return (Hashes: hashes, Pos: pos, Gold: s.Labels.Select(l => (byte)NerLabels.Parse(l)).ToArray());
        }).ToArray();
        var order = Enumerable.Range(0, prepared.Length).ToArray();
        var rng = new Random(options.Seed);
        var sf = new int[StaticCount];
        var tf = new int[TransitionCount];
        var predicted = new byte[prepared.Length == 0 ? 0 : prepared.Max(p => p.Gold.Length)];
        for (var it = 0; it < options.Iterations; it++)
        {
            StructuredPerceptron.Shuffle(order, rng);
            int correct = 0, total = 0;
            foreach (var idx in order)
            {
                var (h, pos, gold) = prepared[idx];
                var n = gold.Length;
                if (n == 0) continue;
                Decode(new DenseRows(trainer.Raw, K), trainer.Mask, h, pos, n, predicted);
                for (var i = 0; i < n; i++)
                {
                    trainer.Tick();
                    total++;
                    if (predicted[i] == gold[i]) correct++;
                    var goldPrev = i == 0 ? Start : gold[i - 1];
                    var predPrev = i == 0 ? Start : predicted[i - 1];
                    if (predicted[i] == gold[i] && goldPrev == predPrev) continue;
                    if (predicted[i] != gold[i])
                    {
                        StaticFeatures(h, pos, n, i, trainer.Mask, sf);
                        trainer.Adjust(gold[i], sf, 1f);
                        trainer.Adjust(predicted[i], sf, -1f);
                    }
                    TransitionFeatures(h, pos, n, i, goldPrev, trainer.Mask, tf);
                    trainer.Adjust(gold[i], tf, 1f);
                    TransitionFeatures(h, pos, n, i, predPrev, trainer.Mask, tf);
                    trainer.Adjust(predicted[i], tf, -1f);
                }
            }
            log?.WriteLine(FormattableString.Invariant($"  pass {it + 1}/{options.Iterations}: training label accuracy {(double)correct / Math.Max(1, total):0.0000}"));
        }
        return new NerTagger(CompactWeights.FromDense(trainer.Average(options.Prune)), tagger.Clusters);
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
            return new NerTagger(CompactWeights.Read(r, NerLabels.Count, bits, origin), clusters);
        }
        catch (EndOfStreamException)
        {
            throw new Scoring.ModelFormatException($"{origin}: file ends early (truncated NER weights).");
        }
    }
}
