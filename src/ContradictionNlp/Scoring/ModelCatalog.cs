using System.Security.Cryptography;
using ContradictionNlp.Embedding;

namespace ContradictionNlp.Scoring;

/// <summary>
/// The models/ folder: <c>embeddings/</c> (word vectors), <c>lexicon/</c> (WordNet antonyms),
/// <c>scorer/CURRENT</c> naming the scorer folder in use (<c>scorer/&lt;version&gt;/</c>).
/// Every folder carries a manifest.json; one that is missing, of another format version, or whose
/// hashes do not match its files is refused with a <see cref="ModelFormatException"/>.
/// Loaded parts are cached: the catalog is safe to share across threads.
/// </summary>
public sealed class ModelCatalog
{
    public const int VectorsFormatVersion = 1;
    public const int LexiconFormatVersion = 1;
    public const string CurrentFile = "CURRENT";

    private readonly Lazy<SifEmbedder> _embedder;
    private readonly Lazy<(Lexicon Lexicon, string Sha256)> _lexicon;

    private ModelCatalog(string directory)
    {
        Directory = directory;
        _embedder = new Lazy<SifEmbedder>(LoadEmbedderCore);
        _lexicon = new Lazy<(Lexicon, string)>(LoadLexiconCore);
    }

    public static ModelCatalog Open(string modelsDirectory)
    {
        var full = Path.GetFullPath(modelsDirectory);
        if (!System.IO.Directory.Exists(full))
            throw new ModelFormatException($"{full} does not exist: expected a models folder with embeddings/, lexicon/ and scorer/.");
        return new ModelCatalog(full);
    }

    public string Directory { get; }
    public string EmbeddingsDirectory => Path.Combine(Directory, "embeddings");
    public string LexiconDirectory => Path.Combine(Directory, "lexicon");
    public string ScorerDirectory => Path.Combine(Directory, "scorer");

    public IClaimEmbedder LoadEmbedder() => _embedder.Value;
    public SifEmbedder LoadSifEmbedder() => _embedder.Value;
    public Lexicon LoadLexicon() => _lexicon.Value.Lexicon;
    public string LexiconSha256 => _lexicon.Value.Sha256;

    /// <summary>The scorer named by scorer/CURRENT.</summary>
    public IContradictionScorer LoadScorer() => LoadScorer(CurrentScorerDirectory());

    public string CurrentScorerDirectory()
    {
        var current = Path.Combine(ScorerDirectory, CurrentFile);
        if (!File.Exists(current))
            throw new ModelFormatException($"{current} is missing: expected a one-line file naming the scorer folder to use (e.g. 'v1').");
        var name = File.ReadAllText(current).Trim();
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
            throw new ModelFormatException($"{current}: '{name}' is not a folder name; expected the name of a folder under {ScorerDirectory}.");
        return Path.Combine(ScorerDirectory, name);
    }

    /// <summary>Loads the scorer in <paramref name="folder"/>, checking its manifest against this code and this catalog's vectors and lexicon.</summary>
    public NliScorer LoadScorer(string folder)
    {
        var manifestPath = Path.Combine(folder, "manifest.json");
        var m = ManifestJson.Read<ScorerManifest>(manifestPath, ScorerManifest.KindName);
        if (m.Kind != ScorerManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{ScorerManifest.KindName}'.");
        if (m.FormatVersion < ScorerManifest.OldestFormatVersion || m.FormatVersion > ScorerManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {ScorerManifest.OldestFormatVersion} to {ScorerManifest.CurrentFormatVersion} (a newer cnlp wrote it, or the file is damaged).");
        // Format 1 had no model_type and only logistic models; refusing a type set there catches hand-edited files.
        if (m.FormatVersion == 1 && m.ModelType is not null && m.ModelType != ModelTypes.Logistic)
            throw new ModelFormatException($"{manifestPath}: model_type '{m.ModelType}' in a format_version 1 manifest, which only holds '{ModelTypes.Logistic}' models.");
        if (!ModelTypes.All.Contains(m.EffectiveModelType))
            throw new ModelFormatException($"{manifestPath}: unknown model_type '{m.ModelType}', expected one of {string.Join(", ", ModelTypes.All)}; a newer cnlp may be needed.");
        // Older featurizer versions stay loadable (their features are a prefix of the newest), so rolling back works.
        if (m.FeaturizerVersion < 1 || m.FeaturizerVersion > PairFeaturizer.Version || m.Features is null
            || !m.Features.SequenceEqual(PairFeaturizer.FeatureNamesFor(m.FeaturizerVersion)))
            throw new ModelFormatException($"{manifestPath}: featurizer_version {m.FeaturizerVersion} with {m.Features?.Count ?? 0} features, expected a version from 1 to {PairFeaturizer.Version} with the features this code computes for it; retrain with 'cnlp train scorer'.");
        var embedder = LoadSifEmbedder();
        if (m.Embedder != embedder.ModelId)
            throw new ModelFormatException($"{manifestPath}: trained with embedder '{m.Embedder}', expected '{embedder.ModelId}' (models/embeddings); retrain or restore the matching vectors.");
        if (m.LexiconSha256 != LexiconSha256)
            throw new ModelFormatException($"{manifestPath}: trained with lexicon sha256 {m.LexiconSha256}, expected {LexiconSha256} (models/lexicon).");
        var weightsPath = Path.Combine(folder, m.WeightsFile ?? "");
        if (m.WeightsFile is null || !File.Exists(weightsPath))
            throw new ModelFormatException($"{manifestPath}: weights file '{m.WeightsFile}' not found in {folder}.");
        var bytes = File.ReadAllBytes(weightsPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (hash != m.WeightsSha256)
            throw new ModelFormatException($"{weightsPath}: sha256 {hash}, expected {m.WeightsSha256} from manifest.json (file changed or half-written).");
        var dense = PairFeaturizer.FeatureCount(m.FeaturizerVersion);
        var featurizer = new PairFeaturizer(embedder, LoadLexicon(), m.HashBuckets, m.FeaturizerVersion);
        if (m.EffectiveModelType == ModelTypes.WideDeep)
        {
            var deep = WideDeepModel.FromBytes(bytes, weightsPath);
            if (deep.Dense != dense || deep.Buckets != m.HashBuckets)
                throw new ModelFormatException($"{weightsPath}: {deep.Dense} dense features and {deep.Buckets} buckets, expected {dense} and {m.HashBuckets}.");
            return new NliScorer(featurizer, deep, m.ModelVersion);
        }
        if (m.EffectiveModelType == ModelTypes.AttentionMix)
        {
            var mix = AttentionMixModel.FromBytes(bytes, weightsPath);
            if (mix.Dense != dense || mix.Buckets != m.HashBuckets)
                throw new ModelFormatException($"{weightsPath}: {mix.Dense} dense features and {mix.Buckets} buckets, expected {dense} and {m.HashBuckets}.");
            if (mix.Attention.Dimension != embedder.Dimension)
                throw new ModelFormatException($"{weightsPath}: attention part of dimension {mix.Attention.Dimension}, expected {embedder.Dimension} (the vectors in models/embeddings).");
            if (m.AttentionOptions is { } ao && ao.Hidden != mix.Attention.Hidden)
                throw new ModelFormatException($"{weightsPath}: attention part with {mix.Attention.Hidden} hidden units, expected {ao.Hidden} from manifest.json.");
            return new NliScorer(featurizer, mix, m.ModelVersion);
        }
        if (m.EffectiveModelType == ModelTypes.Boosted)
        {
            var boosted = BoostedModel.FromBytes(bytes, weightsPath);
            if (boosted.Dense != dense || boosted.Buckets != m.HashBuckets)
                throw new ModelFormatException($"{weightsPath}: {boosted.Dense} dense features and {boosted.Buckets} buckets, expected {dense} and {m.HashBuckets}.");
            return new NliScorer(featurizer, boosted, m.ModelVersion);
        }
        var model = LogisticModel.FromBytes(bytes, weightsPath);
        if (model.Dense != dense || model.Buckets != m.HashBuckets)
            throw new ModelFormatException($"{weightsPath}: {model.Dense} dense features and {model.Buckets} buckets, expected {dense} and {m.HashBuckets}.");
        return new NliScorer(featurizer, model, m.ModelVersion);
    }

    private SifEmbedder LoadEmbedderCore()
    {
        var manifestPath = Path.Combine(EmbeddingsDirectory, "manifest.json");
        var m = ManifestJson.Read<VectorsManifest>(manifestPath, VectorsManifest.KindName);
        if (m.Kind != VectorsManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{VectorsManifest.KindName}'.");
        if (m.FormatVersion != VectorsFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {VectorsFormatVersion}.");
        var file = Path.Combine(EmbeddingsDirectory, m.File ?? "");
        if (m.File is null || !File.Exists(file))
            throw new ModelFormatException($"{manifestPath}: vectors file '{m.File}' not found in {EmbeddingsDirectory}.");
        var hash = WordVectors.Sha256OfFile(file);
        if (hash != m.Sha256)
            throw new ModelFormatException($"{file}: sha256 {hash}, expected {m.Sha256} from manifest.json.");
        WordVectors vectors;
        try { vectors = WordVectors.Load(file); }
        catch (FormatException ex) { throw new ModelFormatException(ex.Message); }
        if (vectors.Dimension != m.Dimension || vectors.Count != m.Words)
            throw new ModelFormatException($"{file}: {vectors.Count} words of dimension {vectors.Dimension}, expected {m.Words} of dimension {m.Dimension} from manifest.json.");
        return new SifEmbedder(vectors, m.ModelId);
    }

    private (Lexicon, string) LoadLexiconCore()
    {
        var manifestPath = Path.Combine(LexiconDirectory, "manifest.json");
        var m = ManifestJson.Read<LexiconManifest>(manifestPath, LexiconManifest.KindName);
        if (m.Kind != LexiconManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{LexiconManifest.KindName}'.");
        if (m.FormatVersion != LexiconFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {LexiconFormatVersion}.");
        foreach (var f in m.Files ?? [])
        {
            var path = Path.Combine(LexiconDirectory, f.File);
            if (!File.Exists(path)) throw new ModelFormatException($"{manifestPath}: file '{f.File}' not found in {LexiconDirectory}.");
            var hash = WordVectors.Sha256OfFile(path);
            if (hash != f.Sha256) throw new ModelFormatException($"{path}: sha256 {hash}, expected {f.Sha256} from manifest.json.");
        }
        // One hash for the whole lexicon: the hashes of its files, in manifest order.
        var combined = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", (m.Files ?? []).Select(f => f.Sha256)))));
        return (Lexicon.Load(LexiconDirectory), combined);
    }
}
