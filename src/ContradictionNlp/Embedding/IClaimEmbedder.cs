namespace ContradictionNlp.Embedding;

/// <summary>Turns claim text into a dense, L2-normalised vector. Safe to share across threads.</summary>
public interface IClaimEmbedder
{
    /// <summary>Identifies the vectors (file and version): stored embeddings from another model are not comparable.</summary>
    string ModelId { get; }
    int Dimension { get; }

    /// <summary>Writes the normalised vector of <paramref name="text"/> into <paramref name="output"/> (length <see cref="Dimension"/>).</summary>
    void Embed(string text, Span<float> output);
}
