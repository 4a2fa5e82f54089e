using ContradictionNlp.Embedding;

namespace ContradictionNlp.Scoring;

/// <summary>
/// CONTRACT (skeleton): the models/ folder: word vectors for embedding, the current scorer.
/// Refuses a folder whose manifest is missing or does not match the code's format version.
/// </summary>
public sealed class ModelCatalog
{
    public static ModelCatalog Open(string modelsDirectory) => throw new NotImplementedException();

    public string Directory => throw new NotImplementedException();
    public IClaimEmbedder LoadEmbedder() => throw new NotImplementedException();
    public IContradictionScorer LoadScorer() => throw new NotImplementedException();
}
