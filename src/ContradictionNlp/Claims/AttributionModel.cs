using System.Diagnostics;
using System.Security.Cryptography;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>Content/source/cue figures of one extractor on one PolNeAR split, as stored in the manifest.</summary>
public sealed record AttributionSplitMetrics(string Split, string Extractor, int Articles, double ContentPrecision, double ContentRecall, double ContentF1,
    double SourceAccuracy, double CueAccuracy)
{
    public static AttributionSplitMetrics From(string split, string extractor, AttributionReport r) => new(split, extractor, r.Articles,
        Math.Round(r.All.Precision, 4), Math.Round(r.All.Recall, 4), Math.Round(r.All.F1, 4), Math.Round(r.All.SourceAccuracy, 4), Math.Round(r.All.CueAccuracy, 4));
}

/// <summary>models/attribution/manifest.json. <see cref="Data"/> hashes the split's file list and contents (rows = articles).</summary>
public sealed record AttributionManifest(
    int FormatVersion, string Kind, string WeightsFile, string WeightsSha256,
    IReadOnlyList<DataFileInfo> Data, AttributionTaggerOptions Options, int Seed, IReadOnlyList<AttributionSplitMetrics> Metrics,
    double TrainingSeconds, string Licence)
{
    public const string KindName = "attribution-tagger";
    /// <summary>1; a tagger stacked on the rules says so in <see cref="Options"/> (stack_rules, absent = false) and in its weights file's format version.</summary>
    public const int CurrentFormatVersion = 1;
}

/// <summary>A loaded models/attribution folder.</summary>
public sealed record AttributionModel(AttributionTagger Tagger, AttributionManifest Manifest)
{
    public const string WeightsFile = "attribution.bin";
    public const string Licence = "Trained on PolNeAR train (research use; see ../shared/data/polnear/SOURCE.md). Weights only, no corpus text.";

    public static string DefaultDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, "attribution");

    public static AttributionModel Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        var m = ManifestJson.Read<AttributionManifest>(manifestPath, AttributionManifest.KindName);
        if (m.Kind != AttributionManifest.KindName)
            throw new ModelFormatException($"{manifestPath}: kind '{m.Kind}', expected '{AttributionManifest.KindName}'.");
        if (m.FormatVersion != AttributionManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{manifestPath}: format_version {m.FormatVersion}, expected {AttributionManifest.CurrentFormatVersion}.");
        var path = Path.Combine(directory, m.WeightsFile);
        if (!File.Exists(path)) throw new ModelFormatException($"{path}: file named in manifest.json not found.");
        var bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (hash != m.WeightsSha256)
            throw new ModelFormatException($"{path}: sha256 {hash}, expected {m.WeightsSha256} from manifest.json (file changed or half-written).");
        using var s = new MemoryStream(bytes);
        var tagger = AttributionTagger.Read(s, path);
        if (tagger.Stacked != m.Options.StackRules)
            throw new ModelFormatException($"{manifestPath}: options.stack_rules is {(m.Options.StackRules ? "true" : "false")}, but {path} holds a {(tagger.Stacked ? "stacked" : "plain")} tagger.");
        return new AttributionModel(tagger, m);
    }

    /// <summary>
    /// Gold BIO labels of one article: every gold attribution marks its cue, source and content tokens
    /// (cue over source over content where they overlap, as in nested attributions whose inner cue and
    /// source lie in the outer content). A span begins (B) where the role or the owning attribution changes;
    /// content that runs on from the previous sentence stays I.
    /// </summary>
    public static byte[] GoldLabels(TokenizedText text, IReadOnlyList<GoldAttribution> gold)
    {
        int n = text.Tokens.Count;
        var role = new int[n];
        var owner = new int[n];
        Array.Fill(role, -1);
        for (int g = 0; g < gold.Count; g++)
        {
            void Mark(IEnumerable<TextSpan> spans, int r)
            {
                foreach (var t in TokenSets.Covering(text, spans))
                    if (role[t] < 0 || r < role[t]) { role[t] = r; owner[t] = g; }
            }
            Mark(gold[g].Cue, 0);
            Mark(gold[g].Source, 1);
            Mark(gold[g].Content, 2);
        }
        var labels = new byte[n];
        var sentenceStart = new bool[n];
        foreach (var s in text.Sentences) if (s.TokenCount > 0) sentenceStart[s.FirstToken] = true;
        for (int t = 0; t < n; t++)
        {
            if (role[t] < 0) continue;
            bool same = t > 0 && role[t - 1] == role[t] && owner[t - 1] == owner[t] && (!sentenceStart[t] || role[t] == 2);
            labels[t] = (byte)(1 + 2 * role[t] + (same ? 1 : 0));
        }
        return labels;
    }

    /// <summary>Trains on one PolNeAR split (never dev) and measures rules / learned / hybrid / hybrid-speech on each of <paramref name="evalSplits"/>.</summary>
    public static AttributionModel Train(string trainDir, IReadOnlyList<string> evalSplits, AttributionTaggerOptions options, DiagnosticBag diagnostics, TextWriter? log = null)
    {
        var sw = Stopwatch.StartNew();
        var analyzer = new TextAnalyzer();
        var train = PolNearReader.ReadSplit(trainDir, diagnostics);
        var rules = new ClaimExtractor();
        var docs = train.Articles.Select(a =>
        {
            var text = analyzer.Analyze(a.Text);
            // The stacked input: the rules on the training article exactly as the evaluator and the pipeline run them
            // (the rules learn nothing from PolNeAR, so their training-set output is no optimistic copy of the gold).
            return new AttributionTagger.TrainingDocument(text, GoldLabels(text, a.Attributions),
                options.StackRules ? rules.Extract(AttributionEvaluator.ArticleOf(a), text, new DiagnosticBag()) : null);
        }).ToArray();
        log?.WriteLine($"training on {docs.Length} articles ({docs.Sum(d => d.Text.Tokens.Count)} tokens) from {trainDir}");
        var tagger = AttributionTagger.Train(docs, options, log);
        var seconds = Math.Round(sw.Elapsed.TotalSeconds, 1);
        var data = new List<DataFileInfo> { DescribeSplit(trainDir, "train", train) };
        var metrics = new List<AttributionSplitMetrics>();
        foreach (var dir in evalSplits)
        {
            var split = PathsEqual(dir, trainDir) ? train : PolNearReader.ReadSplit(dir, diagnostics);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
            if (!PathsEqual(dir, trainDir)) data.Add(DescribeSplit(dir, "eval", split));
            foreach (var (label, extractor) in Extractors(tagger))
            {
                var report = new AttributionEvaluator(extractor, analyzer).Evaluate(split, new DiagnosticBag()).Report;
                metrics.Add(AttributionSplitMetrics.From(name, label, report));
                log?.WriteLine(FormattableString.Invariant($"{name} {label}: content P {report.All.Precision:0.000} R {report.All.Recall:0.000} F1 {report.All.F1:0.000}, source acc {report.All.SourceAccuracy:0.000}, cue acc {report.All.CueAccuracy:0.000}"));
            }
        }
        var manifest = new AttributionManifest(AttributionManifest.CurrentFormatVersion, AttributionManifest.KindName, WeightsFile,
            Convert.ToHexStringLower(SHA256.HashData(ToBytes(tagger.Write))), data, options, options.Seed, metrics, seconds, Licence);
        return new AttributionModel(tagger, manifest);
    }

    public static IEnumerable<(string Name, IClaimExtractor Extractor)> Extractors(AttributionTagger tagger)
    {
        var learned = new LearnedClaimExtractor(tagger);
        yield return ("rules", new ClaimExtractor());
        yield return ("learned", learned);
        yield return ("hybrid", new HybridClaimExtractor(new ClaimExtractor(), learned));
        yield return ("hybrid-speech", new HybridClaimExtractor(new ClaimExtractor(), learned, speechOnly: true));
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, Manifest.WeightsFile), ToBytes(Tagger.Write));
        ManifestJson.Write(Path.Combine(directory, "manifest.json"), Manifest);
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.GetFullPath(Path.TrimEndingDirectorySeparator(a)), Path.GetFullPath(Path.TrimEndingDirectorySeparator(b)), StringComparison.Ordinal);

    /// <summary>A split is many files: its hash covers every article's name, text and .ann bytes in name order.</summary>
    private static DataFileInfo DescribeSplit(string dir, string role, PolNearSplit split)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var a in split.Articles)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(a.Name + "\n"));
            sha.AppendData(File.ReadAllBytes(a.TextPath));
            sha.AppendData(File.ReadAllBytes(a.AnnPath));
        }
        return new DataFileInfo("polnear/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), role,
            Convert.ToHexStringLower(sha.GetHashAndReset()), split.Articles.Count, split.SkippedArticles);
    }

    internal static byte[] ToBytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }
}
