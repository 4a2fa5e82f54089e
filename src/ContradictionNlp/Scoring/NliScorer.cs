namespace ContradictionNlp.Scoring;

/// <summary>
/// The scorer: <see cref="PairFeaturizer"/> then a model over its features, either the linear
/// <see cref="LogisticModel"/> (v1-v3; <see cref="ModelTypes.Logistic"/>), the <see cref="WideDeepModel"/>
/// (<see cref="ModelTypes.WideDeep"/>) or the <see cref="BoostedModel"/> (v4; <see cref="ModelTypes.Boosted"/>). One class for all so the topic gate and reasons work the same. Thread-safe.
/// </summary>
public sealed class NliScorer : IContradictionScorer
{
    public NliScorer(PairFeaturizer featurizer, LogisticModel model, string modelVersion)
    {
        Featurizer = featurizer; Model = model; ModelVersion = modelVersion; ModelType = ModelTypes.Logistic;
    }

    public NliScorer(PairFeaturizer featurizer, WideDeepModel model, string modelVersion)
    {
        Featurizer = featurizer; DeepModel = model; ModelVersion = modelVersion; ModelType = ModelTypes.WideDeep;
    }

    public NliScorer(PairFeaturizer featurizer, BoostedModel model, string modelVersion)
    {
        Featurizer = featurizer; BoostedModel = model; ModelVersion = modelVersion; ModelType = ModelTypes.Boosted;
    }

    public NliScorer(PairFeaturizer featurizer, AttentionMixModel model, string modelVersion)
    {
        if (model.Attention.Dimension != featurizer.Embedder.Dimension)
            throw new ArgumentException($"Attention model of dimension {model.Attention.Dimension}, but the featurizer's vectors have {featurizer.Embedder.Dimension}.", nameof(model));
        Featurizer = featurizer; MixModel = model; ModelVersion = modelVersion; ModelType = ModelTypes.AttentionMix;
    }

    public PairFeaturizer Featurizer { get; }
    /// <summary>The logistic + decomposable attention mix; null unless <see cref="ModelType"/> is attention-mix.</summary>
    public AttentionMixModel? MixModel { get; }
    /// <summary>The boosted model (logistic + trees); null unless <see cref="ModelType"/> is boosted.</summary>
    public BoostedModel? BoostedModel { get; }
    /// <summary>The logistic model; null when <see cref="ModelType"/> is wide-deep.</summary>
    public LogisticModel? Model { get; }
    /// <summary>The wide-deep model; null when <see cref="ModelType"/> is logistic.</summary>
    public WideDeepModel? DeepModel { get; }
    public string ModelType { get; }
    public string ModelVersion { get; }

    /// <summary>The weights.bin bytes of whichever model this is.</summary>
    public byte[] WeightsBytes() => Model?.ToBytes() ?? BoostedModel?.ToBytes() ?? MixModel?.ToBytes() ?? DeepModel!.ToBytes();

    // The attention-mix model needs the texts' words, so it goes through prepared texts (the same features bit for bit:
    // Featurize(string, string) prepares both texts itself); the other types keep their path unchanged.
    public ContradictionScore Score(string premise, string hypothesis) => MixModel is null
        ? Predict(Featurizer.Featurize(premise, hypothesis))
        : Score(Featurizer.Prepare(premise), Featurizer.Prepare(hypothesis));

    /// <summary>As <see cref="Score(string, string)"/> from texts prepared once by <see cref="PairFeaturizer.Prepare"/>; the same result bit for bit.</summary>
    public ContradictionScore Score(PreparedText premise, PreparedText hypothesis) => Predict(Featurizer.Featurize(premise, hypothesis), premise, hypothesis);

    /// <summary>
    /// As <see cref="Score(PreparedText, PreparedText)"/> with the same probabilities bit for bit but no reasons (an
    /// empty list), and whether a "subject" reason would have fired: what the pair scorer keeps of the reverse direction.
    /// </summary>
    internal (ContradictionScore Score, bool DifferentSubjects) ScoreWithoutReasons(PreparedText premise, PreparedText hypothesis)
    {
        var f = Featurizer.FeaturizeWithoutReasons(premise, hypothesis);
        return (Predict(f, premise, hypothesis), f.DifferentSubjects);
    }

    /// <summary>
    /// The attention projection of a text under this scorer's attention model, cached on the prepared text (a text
    /// prepared by another featurizer is prepared again, as <see cref="PairFeaturizer.Featurize(PreparedText, PreparedText)"/> does).
    /// </summary>
    internal AttentionProjection ProjectionOf(PreparedText text)
    {
        var attention = MixModel!.Attention;
        var own = Featurizer.Own(text);
        if (own.Attention is { } cached && ReferenceEquals(cached.Model, attention)) return cached;
        var indices = new int[own.Words.Count];
        for (var i = 0; i < indices.Length; i++) indices[i] = own.Words[i].Vec;
        var projection = attention.Project(AttentionModel.WordMatrix(Featurizer.Embedder.Vectors, indices));
        own.Attention = projection;
        return projection;
    }

    private ContradictionScore Predict(PairFeatures f, PreparedText? premise = null, PreparedText? hypothesis = null)
    {
        Span<double> p = stackalloc double[LogisticModel.Labels.Length];
        if (MixModel is not null)
        {
            if (premise is null || hypothesis is null) throw new InvalidOperationException("An attention-mix scorer needs the prepared texts.");
            MixModel.Predict(f.Dense, f.Hashed, ProjectionOf(premise), ProjectionOf(hypothesis), p);
        }
        else if (Model is not null) Model.Predict(f.Dense, f.Hashed, p);
        else if (BoostedModel is not null) BoostedModel.Predict(f.Dense, f.Hashed, p);
        else DeepModel!.Predict(f.Dense, f.Hashed, p);
        return new ContradictionScore(p[0], p[1], p[2], f.Reasons);
    }
}

/// <summary>The model_type values of a scorer manifest.</summary>
public static class ModelTypes
{
    /// <summary>Multinomial logistic regression (<see cref="LogisticModel"/>); what a manifest without model_type holds.</summary>
    public const string Logistic = "logistic";
    /// <summary>Linear part plus one hidden ReLU layer, temperature-scaled (<see cref="WideDeepModel"/>).</summary>
    public const string WideDeep = "wide-deep";
    /// <summary>Logistic margin plus boosted trees over the dense features and the linear logits, temperature-scaled (<see cref="BoostedModel"/>).</summary>
    public const string Boosted = "boosted";
    /// <summary>Logistic logits plus a weighted decomposable attention model's logits, temperature-scaled (<see cref="AttentionMixModel"/>).</summary>
    public const string AttentionMix = "attention-mix";
    public static readonly string[] All = [Logistic, WideDeep, Boosted, AttentionMix];
}
