using System.Numerics.Tensors;
using ContradictionNlp.Text;

namespace ContradictionNlp.Embedding;

/// <summary>
/// Sentence vector = L2-normalised, SIF-weighted average of word vectors (Arora et al. 2017:
/// weight a / (a + p(w))). p(w) is estimated from the word's frequency rank r by Zipf's law,
/// p = 1 / (r * H_N), since GloVe ships ranks, not counts. Frequent words ("the", "said") thus
/// count little without a hand-made stopword list. Unknown words are skipped; a text with no
/// known word embeds to all zeros (cosine 0 with everything). Thread-safe: no mutable state.
/// </summary>
public sealed class SifEmbedder : IClaimEmbedder
{
    /// <summary>SIF smoothing constant; 1e-3 is the paper's usual choice.</summary>
    public const float SifA = 1e-3f;

    private readonly float[] _weights;
    [ThreadStatic] private static List<TextSpan>? t_spans;

    /// <summary>Bumped when the weighting or tokenisation changes: stored vectors from another version are not comparable.</summary>
    public const int Version = 1;

    /// <param name="vectorsId">Identifies the vectors file (name + hash); <see cref="ModelId"/> adds this embedder's version.</param>
    public SifEmbedder(WordVectors vectors, string vectorsId)
    {
        Vectors = vectors;
        ModelId = $"sif-v{Version}/{vectorsId}";
        _weights = new float[vectors.Count];
        var harmonic = Math.Log(vectors.Count) + 0.5772156649;
        for (var r = 0; r < vectors.Count; r++)
        {
            var p = 1.0 / ((r + 1) * harmonic);
            _weights[r] = (float)(SifA / (SifA + p));
        }
    }

    public WordVectors Vectors { get; }
    public string ModelId { get; }
    public int Dimension => Vectors.Dimension;

    /// <summary>SIF weight of word <paramref name="index"/> (0..1, rising with rarity).</summary>
    public float Weight(int index) => _weights[index];

    public void Embed(string text, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (output.Length != Dimension) throw new ArgumentException($"Output has length {output.Length}, expected {Dimension}.", nameof(output));
        output.Clear();
        Span<char> buf = stackalloc char[64];
        // One reused list per thread: embedding many claims allocates nothing after the first call.
        var spans = t_spans ??= new List<TextSpan>(64);
        spans.Clear();
        WordScanner.Scan(text, spans);
        foreach (var span in spans)
        {
            var word = span.Slice(text);
            if (word.Length > buf.Length) continue;
            var idx = Vectors.IndexOf(WordScanner.Lower(word, buf));
            if (idx >= 0) Vectors.AddScaled(idx, _weights[idx], output);
        }
        var norm = TensorPrimitives.Norm(output);
        if (norm > 0) TensorPrimitives.Divide(output, norm, output);
    }

    public float[] Embed(string text)
    {
        var v = new float[Dimension];
        Embed(text, v);
        return v;
    }
}
