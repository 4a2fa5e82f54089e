using System.Diagnostics;
using System.Security.Cryptography;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tagging;

public sealed record TaggerMetrics(string Data, int Tokens, double UposAccuracy, double LemmaAccuracy);

/// <summary>models/tagger/manifest.json.</summary>
public sealed record TaggerManifest(
    int FormatVersion, string Kind, string WeightsFile, string WeightsSha256, string LemmasFile, string LemmasSha256,
    int TagDictionaryWords, int LemmaExceptions, int LemmaBaseWords,
    string? ClustersFile, string? ClustersSha256, string? ClustersFromVectorsSha256,
    IReadOnlyList<DataFileInfo> Data, PosTaggerOptions Options, int Seed, IReadOnlyList<TaggerMetrics> Dev,
    double TrainingSeconds, string Licence)
{
    public const string KindName = "pos-tagger";
    public const int CurrentFormatVersion = 1;
}

public sealed record NerTypeMetrics(double Precision, double Recall, double F1, int Gold, int Predicted);

public sealed record NerMetrics(string Data, int Sentences, double Precision, double Recall, double F1, IReadOnlyDictionary<string, NerTypeMetrics> PerType)
{
    public static NerMetrics From(string data, NerEvaluation e) => new(data, e.Sentences, e.Micro.Precision, e.Micro.Recall, e.Micro.F1,
        e.PerType.ToDictionary(kv => kv.Key, kv => new NerTypeMetrics(kv.Value.Precision, kv.Value.Recall, kv.Value.F1, kv.Value.Gold, kv.Value.Predicted)));
}

/// <summary>models/ner/manifest.json. <see cref="TaggerWeightsSha256"/> ties the model to the POS tagger whose tags it was trained on.</summary>
public sealed record NerManifest(
    int FormatVersion, string Kind, string WeightsFile, string WeightsSha256, string TaggerWeightsSha256,
    IReadOnlyList<DataFileInfo> Data, NerOptions Options, int Seed, IReadOnlyList<NerMetrics> Dev,
    double TrainingSeconds, string Licence)
{
    public const string KindName = "ner";
    public const int CurrentFormatVersion = 1;
}

/// <summary>A loaded models/tagger folder: the POS tagger, the lemmatizer and the manifest they were checked against.</summary>
public sealed record TaggerModel(PosTagger Tagger, Lemmatizer Lemmatizer, TaggerManifest Manifest)
{
    public WordClusters? Clusters => Tagger.Clusters;

    public const string WeightsFile = "pos.bin";
    public const string Licence = "Trained on UD English EWT (CC BY-SA 4.0); lemma lists include WordNet 3.0 exception lists and base words (WordNet licence, see LICENSE-NOTICE.md).";

    public static string DefaultDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, "tagger");

    /// <summary>Loads and verifies a tagger folder; a missing, foreign or mismatched manifest throws <see cref="ModelFormatException"/>.</summary>
    public static TaggerModel Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        var m = ManifestJson.Read<TaggerManifest>(manifestPath, TaggerManifest.KindName);
        if (m.Kind != TaggerManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{TaggerManifest.KindName}'.");
        if (m.FormatVersion != TaggerManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {TaggerManifest.CurrentFormatVersion}.");
        var weights = ModelFiles.Verified(directory, m.WeightsFile, m.WeightsSha256);
        var lemmas = ModelFiles.Verified(directory, m.LemmasFile, m.LemmasSha256);
        WordClusters? clusters = null;
        if (m.ClustersFile is not null)
        {
            var clustersPath = ModelFiles.Verified(directory, m.ClustersFile, m.ClustersSha256 ?? "");
            using var cs = File.OpenRead(clustersPath);
            clusters = WordClusters.Read(cs, clustersPath);
        }
        PosTagger tagger;
        using (var s = File.OpenRead(weights)) tagger = PosTagger.Read(s, weights, clusters);
        Lemmatizer lemmatizer;
        using (var r = new StreamReader(lemmas, System.Text.Encoding.UTF8)) lemmatizer = Lemmatizer.Read(r, lemmas);
        return new TaggerModel(tagger, lemmatizer, m);
    }

    /// <summary>Trains the tagger and lemmatizer, measures them on <paramref name="devFiles"/> and returns the model with its manifest.</summary>
    /// <param name="vectorsFile">Word vectors (models/embeddings) clustered into word classes used as features; null for none.</param>
    public static TaggerModel Train(string trainFile, IReadOnlyList<string> devFiles, PosTaggerOptions options, string? wordnetDirectory,
        DiagnosticBag diagnostics, TextWriter? log = null, string? vectorsFile = null)
    {
        var sw = Stopwatch.StartNew();
        WordClusters? clusters = null;
        string? vectorsSha = null;
        if (vectorsFile is not null)
        {
            clusters = WordClusters.Build(Embedding.WordVectors.Load(vectorsFile), seed: options.Seed);
            vectorsSha = Embedding.WordVectors.Sha256OfFile(vectorsFile);
            log?.WriteLine(FormattableString.Invariant($"clustered {clusters.Count} word vectors into {clusters.Fine} and {clusters.Coarse} classes ({sw.Elapsed.TotalSeconds:0.0} s)"));
        }
        var train = CorpusReader.ReadConllu(trainFile, diagnostics);
        log?.WriteLine($"training on {train.Count} sentences ({train.Sum(s => s.Words.Count)} words) from {trainFile}");
        var tagger = PosTagger.Train(train, options, clusters, log);
        var lemmatizer = Lemmatizer.Build(train, wordnetDirectory);
        var seconds = Math.Round(sw.Elapsed.TotalSeconds, 1);
        var data = new List<DataFileInfo> { ModelFiles.Describe(trainFile, "train", train.Count, diagnostics) };
        var dev = new List<TaggerMetrics>();
        foreach (var f in devFiles)
        {
            var before = diagnostics.Count;
            var sentences = CorpusReader.ReadConllu(f, diagnostics);
            data.Add(ModelFiles.Describe(f, "eval", sentences.Count, diagnostics, before));
            var e = TaggingEvaluator.Evaluate(tagger, lemmatizer, sentences);
            dev.Add(new TaggerMetrics(Path.GetFileName(f), e.Tokens, Math.Round(e.UposAccuracy, 4), Math.Round(e.LemmaAccuracy, 4)));
            log?.WriteLine(FormattableString.Invariant($"{Path.GetFileName(f)}: {e.Tokens} tokens, UPOS accuracy {e.UposAccuracy:0.0000}, lemma accuracy {e.LemmaAccuracy:0.0000}"));
        }
        var (weightsBytes, lemmaBytes) = (ToBytes(tagger.Write), ToBytes(s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); lemmatizer.Write(w); }));
        var manifest = new TaggerManifest(TaggerManifest.CurrentFormatVersion, TaggerManifest.KindName, WeightsFile, ModelFiles.Sha256(weightsBytes),
            Lemmatizer.FileName, ModelFiles.Sha256(lemmaBytes), tagger.TagDictionarySize, lemmatizer.ExceptionCount, lemmatizer.BaseCount,
            clusters is null ? null : WordClusters.FileName, clusters is null ? null : ModelFiles.Sha256(ToBytes(clusters.Write)), vectorsSha,
            data, options, options.Seed, dev, seconds, Licence);
        return new TaggerModel(tagger, lemmatizer, manifest);
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, Manifest.WeightsFile), ToBytes(Tagger.Write));
        if (Clusters is not null && Manifest.ClustersFile is not null) File.WriteAllBytes(Path.Combine(directory, Manifest.ClustersFile), ToBytes(Clusters.Write));
        File.WriteAllBytes(Path.Combine(directory, Manifest.LemmasFile), ToBytes(s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); Lemmatizer.Write(w); }));
        ManifestJson.Write(Path.Combine(directory, "manifest.json"), Manifest);
    }

    internal static byte[] ToBytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }
}

/// <summary>A loaded models/ner folder.</summary>
public sealed record NerModel(NerTagger Recognizer, NerManifest Manifest)
{
    public const string WeightsFile = "ner.bin";
    public const string Licence = "Trained on UniversalNER English EWT (CC BY-SA 4.0; draft train annotations, see data SOURCE.md).";

    public static string DefaultDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, "ner");

    /// <summary>Loads and verifies an NER folder against the tagger whose POS tags it expects.</summary>
    public static NerModel Load(string directory, TaggerModel tagger)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        var m = ManifestJson.Read<NerManifest>(manifestPath, NerManifest.KindName);
        if (m.Kind != NerManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{NerManifest.KindName}'.");
        if (m.FormatVersion != NerManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {NerManifest.CurrentFormatVersion}.");
        if (m.TaggerWeightsSha256 != tagger.Manifest.WeightsSha256)
            throw new ModelFormatException($"{manifestPath}: trained on the POS tags of tagger weights sha256 {m.TaggerWeightsSha256}, but the loaded tagger has {tagger.Manifest.WeightsSha256}; retrain with 'cnlp train ner'.");
        var weights = ModelFiles.Verified(directory, m.WeightsFile, m.WeightsSha256);
        using var s = File.OpenRead(weights);
        return new NerModel(NerTagger.Read(s, weights, tagger.Clusters), m);
    }

    public static NerModel Train(string trainFile, IReadOnlyList<string> devFiles, TaggerModel tagger, NerOptions options, DiagnosticBag diagnostics, TextWriter? log = null)
    {
        var sw = Stopwatch.StartNew();
        var train = CorpusReader.ReadIob2(trainFile, diagnostics);
        log?.WriteLine($"training on {train.Count} sentences ({train.Sum(s => s.Forms.Count)} tokens) from {trainFile}");
        var ner = NerTagger.Train(train, tagger.Tagger, options, log);
        var seconds = Math.Round(sw.Elapsed.TotalSeconds, 1);
        var data = new List<DataFileInfo> { ModelFiles.Describe(trainFile, "train", train.Count, diagnostics) };
        var dev = new List<NerMetrics>();
        foreach (var f in devFiles)
        {
            var before = diagnostics.Count;
            var sentences = CorpusReader.ReadIob2(f, diagnostics);
            data.Add(ModelFiles.Describe(f, "eval", sentences.Count, diagnostics, before));
            var e = TaggingEvaluator.Evaluate(ner, tagger.Tagger, sentences);
            var metrics = NerMetrics.From(Path.GetFileName(f), e);
            dev.Add(metrics with
            {
                Precision = Math.Round(metrics.Precision, 4), Recall = Math.Round(metrics.Recall, 4), F1 = Math.Round(metrics.F1, 4),
                PerType = metrics.PerType.ToDictionary(kv => kv.Key, kv => kv.Value with { Precision = Math.Round(kv.Value.Precision, 4), Recall = Math.Round(kv.Value.Recall, 4), F1 = Math.Round(kv.Value.F1, 4) }),
            });
            log?.WriteLine(FormattableString.Invariant($"{Path.GetFileName(f)}: entity F1 {e.Micro.F1:0.0000} (P {e.Micro.Precision:0.0000} R {e.Micro.Recall:0.0000})"));
        }
        var manifest = new NerManifest(NerManifest.CurrentFormatVersion, NerManifest.KindName, WeightsFile, ModelFiles.Sha256(TaggerModel.ToBytes(ner.Write)),
            tagger.Manifest.WeightsSha256, data, options, options.Seed, dev, seconds, Licence);
        return new NerModel(ner, manifest);
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, Manifest.WeightsFile), TaggerModel.ToBytes(Recognizer.Write));
        ManifestJson.Write(Path.Combine(directory, "manifest.json"), Manifest);
    }
}

internal static class ModelFiles
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Verified(string directory, string file, string expectedSha256)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new ModelFormatException($"{path}: file named in manifest.json not found.");
        string hash;
        using (var s = File.OpenRead(path)) hash = Convert.ToHexStringLower(SHA256.HashData(s));
        if (hash != expectedSha256)
            throw new ModelFormatException($"{path}: sha256 {hash}, expected {expectedSha256} from manifest.json (file changed or half-written).");
        return path;
    }

    /// <summary>Names the file by its file name (not its absolute path) so manifests do not depend on where the data lay.</summary>
    public static DataFileInfo Describe(string path, string split, int rows, DiagnosticBag diagnostics, int diagnosticsBefore = 0)
    {
        string hash;
        using (var s = File.OpenRead(path)) hash = Convert.ToHexStringLower(SHA256.HashData(s));
        var skipped = diagnostics.Skip(diagnosticsBefore).Count(d => d.IsSkip && d.Origin == path);
        return new DataFileInfo(Path.GetFileName(path), split, hash, rows, skipped);
    }
}
