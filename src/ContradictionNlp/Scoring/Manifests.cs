using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContradictionNlp.Scoring;

/// <summary>The JSON conventions of every manifest.json under models/: snake_case, indented, UTF-8 without BOM.</summary>
public static class ManifestJson
{
    /// <summary>
    /// The manifest conventions, resolved by the source-generated <see cref="ManifestJsonContext"/> (no reflection, so the
    /// natively compiled cnlp reads and writes manifests too). A manifest type missing from the context throws
    /// <see cref="NotSupportedException"/> naming it: add it to the context's [JsonSerializable] list.
    /// </summary>
    public static JsonSerializerOptions Options => ManifestJsonContext.Default.Options;

    public static void Write<T>(string path, T manifest) =>
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, TypeInfo<T>()) + "\n", new System.Text.UTF8Encoding(false));

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Reads a manifest; absent or unparsable files throw <see cref="ModelFormatException"/> saying what was expected.</summary>
    public static T Read<T>(string path, string expectedKind) where T : class
    {
        if (!File.Exists(path))
            throw new ModelFormatException($"{path} is missing: expected a {expectedKind} manifest.json beside the model files.");
        try
        {
            return (T?)ManifestDefaults.Deserialize(File.ReadAllText(path), TypeInfo<T>())
                ?? throw new ModelFormatException($"{path}: empty manifest, expected a {expectedKind} manifest.");
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: not valid JSON ({ex.Message}); expected a {expectedKind} manifest.");
        }
    }
}

public sealed record SourceInfo(string Package, string Version, string File, string Sha256);

/// <summary>models/embeddings/manifest.json.</summary>
public sealed record VectorsManifest(
    int FormatVersion, string Kind, string File, string Sha256, int Dimension, int Words,
    string Quantisation, SourceInfo Source, string Licence)
{
    public const string KindName = "word-vectors";
    /// <summary>Identifies the vectors in stored embeddings and scorer manifests: name plus the first 12 hex digits of the file hash.</summary>
    public string ModelId => $"glove-6b-{Dimension}d-q8:{Sha256[..12]}";
}

public sealed record FileHash(string File, string Sha256);

/// <summary>models/lexicon/manifest.json.</summary>
public sealed record LexiconManifest(int FormatVersion, string Kind, IReadOnlyList<FileHash> Files, int AntonymPairs, int Lemmas, SourceInfo Source, string Licence)
{
    public const string KindName = "lexicon";
}

public sealed record DataFileInfo(string File, string Split, string Sha256, int Rows, int Skipped);

public sealed record DevMetrics(string Data, int N, double Accuracy, double MacroF1, double ContradictionPrecision, double ContradictionRecall, double ContradictionF1, double ContradictionAuc, double Ece);

/// <summary>models/scorer/&lt;version&gt;/manifest.json.</summary>
/// <param name="ModelType">Format 2: <see cref="ModelTypes.Logistic"/> or <see cref="ModelTypes.WideDeep"/>; null (format 1 files) means logistic.</param>
/// <param name="WideDeepOptions">Training options of a wide-deep model (its <paramref name="Options"/> then repeat the shared ones).</param>
/// <param name="Validation">Metrics on the validation part carved from the training data (wide-deep: where the temperature was fitted).</param>
/// <param name="BoostedOptions">Training options of a boosted model (<see cref="ModelTypes.Boosted"/>); null otherwise.</param>
/// <param name="Trees">A boosted model: how many trees it kept (rounds × 3 classes).</param>
/// <param name="AttentionOptions">An attention-mix model (<see cref="ModelTypes.AttentionMix"/>): the attention part's training options; null otherwise.</param>
/// <param name="MixWeight">An attention-mix model: the weight of the attention logits, fitted on the validation part with the temperature.</param>
/// <param name="Temperature">A calibrated logistic model (<c>train scorer --calibrate</c>): the temperature fitted on the validation part and already folded into the weights; null otherwise.</param>
public sealed record ScorerManifest(
    int FormatVersion, string Kind, string ModelVersion, int FeaturizerVersion, IReadOnlyList<string> Features, int HashBuckets,
    string Embedder, string LexiconSha256, string WeightsFile, string WeightsSha256,
    IReadOnlyList<DataFileInfo> Data, Training.LogisticRegressionOptions Options, int Seed,
    IReadOnlyList<DevMetrics> Dev, double TrainingSeconds, string? ModelType = null,
    Training.WideDeepOptions? WideDeepOptions = null, IReadOnlyList<DevMetrics>? Validation = null, double? Temperature = null,
    Training.BoostedOptions? BoostedOptions = null, int? Trees = null, Training.AttentionOptions? AttentionOptions = null, double? MixWeight = null)
{
    public const string KindName = "contradiction-scorer";
    /// <summary>2 added model_type (wide-deep models); format 1 manifests (logistic only) still load.</summary>
    public const int CurrentFormatVersion = 2;
    public const int OldestFormatVersion = 1;

    /// <summary>The model type, with format-1 manifests (no field) read as logistic.</summary>
    public string EffectiveModelType => ModelType ?? ModelTypes.Logistic;
}
