namespace ContradictionNlp.Scoring;

/// <summary>The v1 scorer: <see cref="PairFeaturizer"/> then <see cref="LogisticModel"/>. Thread-safe.</summary>
public sealed class NliScorer(PairFeaturizer featurizer, LogisticModel model, string modelVersion) : IContradictionScorer
{
    public PairFeaturizer Featurizer { get; } = featurizer;
    public LogisticModel Model { get; } = model;
    public string ModelVersion { get; } = modelVersion;

    public ContradictionScore Score(string premise, string hypothesis)
    {
        var f = Featurizer.Featurize(premise, hypothesis);
        Span<double> p = stackalloc double[LogisticModel.Labels.Length];
        Model.Predict(f.Dense, f.Hashed, p);
        return new ContradictionScore(p[0], p[1], p[2], f.Reasons);
    }
}
