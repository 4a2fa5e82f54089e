namespace ContradictionNlp.Tagging;

/// <summary>
/// Training settings every averaged-perceptron tagger shares (POS, NER, attribution roles); each
/// model's own record sets its defaults and adds what is particular to it. Recorded in the manifests.
/// </summary>
public abstract record PerceptronOptions
{
    protected PerceptronOptions(int iterations, int hashBits)
    {
        Iterations = iterations;
        HashBits = hashBits;
    }

    public int Iterations { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>log2 of the number of hashed feature rows.</summary>
    public int HashBits { get; init; }
    /// <summary>Averaged weights with smaller magnitude are dropped (keeps the file small; rare-feature weights are near zero anyway).</summary>
    public double Prune { get; init; } = 0.01;

    public void Validate()
    {
        if (Iterations < 1) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "iterations must be at least 1");
        if (HashBits is < 8 or > 24) throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "hash bits must be 8..24");
        if (Prune < 0) throw new ArgumentOutOfRangeException(nameof(Prune), Prune, "prune must be >= 0");
    }
}
