namespace ContradictionNlp.Tagging;

/// <summary>
/// The pieces every perceptron tagger here shares (POS, NER, attribution roles): the seeded pass
/// shuffle, summing weight rows of hashed features, one first-order Viterbi step, and the backtrack.
/// Each tagger keeps its own feature functions; these keep the arithmetic in one fixed order, so
/// training stays byte-reproducible. Ties go to the lowest label index.
/// </summary>
internal static class StructuredPerceptron
{
    /// <summary>Fisher–Yates shuffle of the training order, from the pass's seeded generator.</summary>
    public static void Shuffle(int[] order, Random rng)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>Adds the weight row of each feature to <paramref name="scores"/> (k classes per row).</summary>
    public static void AddRows(float[] w, ReadOnlySpan<int> features, int k, Span<float> scores)
    {
        foreach (var f in features)
        {
            var row = w.AsSpan(f * k, k);
            for (var y = 0; y < k; y++) scores[y] += row[y];
        }
    }

    /// <summary>
    /// Relaxes position i from one previous label: for each allowed next label y keeps the best of
    /// <paramref name="current"/>[y] and baseScore + transition[y] + emission[y], recording prev in <paramref name="back"/>.
    /// </summary>
    public static void Relax(int prev, float baseScore, ReadOnlySpan<float> transition, ReadOnlySpan<float> emission,
        ReadOnlySpan<bool> allowed, Span<float> current, Span<byte> back)
    {
        var k = current.Length;
        for (var y = 0; y < k; y++)
        {
            if (!allowed[prev * k + y]) continue;
            var v = baseScore + transition[y] + emission[y];
            if (v > current[y]) { current[y] = v; back[y] = (byte)prev; }
        }
    }

    /// <summary>Writes the best label path of n positions into <paramref name="dest"/>, from the Viterbi tables.</summary>
    public static void Backtrack(ReadOnlySpan<float> score, ReadOnlySpan<byte> back, int n, int k, Span<byte> dest)
    {
        var best = 0;
        for (var y = 1; y < k; y++) if (score[(n - 1) * k + y] > score[(n - 1) * k + best]) best = y;
        for (var i = n - 1; i >= 0; i--)
        {
            dest[i] = (byte)best;
            best = back[i * k + best];
        }
    }
}
