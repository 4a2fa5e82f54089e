using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Training;

/// <summary>How reviews enter training and when the new model may replace the current one.</summary>
public sealed record ReviewTrainingOptions
{
    /// <summary>
    /// Loss weight of one reviewed pair relative to one NLI row. Default 5: reviews are few, come from
    /// the users' own articles and were checked by a person, so each counts more than a crowd-sourced row;
    /// the promotion check guards against a weight that lets bad reviews swamp the base data.
    /// </summary>
    public double ReviewWeight { get; init; } = 5.0;

    /// <summary>Share of reviewed pairs held out for the comparison (fixed by pair, see <see cref="ReviewData.IsHeldOut"/>). Default 0.3.</summary>
    public double HoldoutShare { get; init; } = 0.3;

    /// <summary>How much accuracy the new model may lose on each base dev set and still be promoted. Default 0.02.</summary>
    public double Margin { get; init; } = 0.02;

    public void Validate()
    {
        if (!(ReviewWeight > 0) || double.IsInfinity(ReviewWeight))
            throw new ArgumentOutOfRangeException(nameof(ReviewWeight), ReviewWeight, "The review weight must be a positive number.");
        if (double.IsNaN(HoldoutShare) || HoldoutShare < 0 || HoldoutShare >= 1)
            throw new ArgumentOutOfRangeException(nameof(HoldoutShare), HoldoutShare, "The held-out share must be at least 0 and below 1.");
        if (double.IsNaN(Margin) || Margin < 0 || Margin > 1)
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The margin must be between 0 and 1.");
    }
}

/// <summary>What <see cref="ModelPromotion.Retrain"/> did: the new folder, whether it became current, and why.</summary>
public sealed record RetrainOutcome(string Version, string Folder, bool Promoted, PromotionRecord Record, ScorerManifest Manifest);

/// <summary>Retraining fails before anything is written: nothing to train on, or no current model to compare with.</summary>
public sealed class RetrainException(string message) : Exception(message);

/// <summary>
/// Retrains the scorer on its base data plus reviewed pairs, compares the result with the current model on
/// the same held-out rows, saves it as a new version, and makes it current only when the comparison allows.
/// </summary>
public static class ModelPromotion
{
    public const string ReviewsDevName = "reviews@heldout";

    /// <summary>
    /// The base training and dev data the current model's manifest lists, each path resolved against the
    /// first of <paramref name="searchDirectories"/> where it exists (manifests store paths as given at
    /// training time, relative to where it ran). Paths found nowhere are returned in Missing.
    /// </summary>
    public static (List<DataSpec> Train, List<DataSpec> Dev, List<string> Missing, (string Folder, int Seed)? Synthetic) BaseDataOf(ScorerManifest manifest, IReadOnlyList<string> searchDirectories)
    {
        var missing = new List<string>();
        string Resolve(string path)
        {
            if (Path.IsPathRooted(path)) { if (!File.Exists(path)) missing.Add(path); return path; }
            foreach (var dir in searchDirectories)
            {
                var full = Path.GetFullPath(path, dir);
                if (File.Exists(full)) return full;
            }
            missing.Add(path);
            return path;
        }
        // Synthetic rows are not a file: the manifest names the article folder and seed that made them,
        // so the retrain rebuilds the same rows (see SyntheticPairs.OriginOf).
        static bool IsSynthetic(string name) => name.StartsWith(SyntheticPairs.OriginPrefix, StringComparison.Ordinal);
        var train = manifest.Data.Where(d => !IsSynthetic(d.File)).Select(d => DataSpec.Parse($"{Resolve(d.File)}@{d.Split}")).ToList();
        var dev = manifest.Dev.Where(d => !IsSynthetic(d.Data)).Select(d => DataSpec.Parse(d.Data)).Select(s => s with { Path = Resolve(s.Path) }).ToList();
        (string Folder, int Seed)? synthetic = null;
        if (manifest.Data.FirstOrDefault(d => IsSynthetic(d.File)) is { } syn && SyntheticPairs.ParseOrigin(syn.File) is { } origin)
        {
            var folder = Path.IsPathRooted(origin.Folder) ? origin.Folder
                : searchDirectories.Select(d => Path.GetFullPath(origin.Folder, d)).FirstOrDefault(Directory.Exists);
            if (folder is null || !Directory.Exists(folder)) missing.Add(origin.Folder);
            else synthetic = (folder, origin.Seed);
        }
        return (train, dev, missing, synthetic);
    }

    /// <summary>
    /// The rule: promoted when the candidate is not worse than the baseline on held-out reviews (any drop
    /// refuses) and loses no more than <paramref name="margin"/> accuracy on each base dev set. Returns one
    /// line per comparison saying how it went.
    /// </summary>
    public static (bool Promoted, List<string> Reasons) Decide(IReadOnlyList<PromotionComparison> comparisons, double margin)
    {
        var ok = true;
        var reasons = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        // A tiny tolerance so two equal accuracies computed differently are not read as a drop.
        const double eps = 1e-9;
        foreach (var c in comparisons)
        {
            var delta = c.CandidateAccuracy - c.BaselineAccuracy;
            var allowed = c.Kind == "reviews" ? 0 : margin;
            var pass = delta >= -allowed - eps;
            ok &= pass;
            reasons.Add(string.Create(inv, $"{(pass ? "ok" : "WORSE")}: {c.Data} (n={c.N}) accuracy {c.BaselineAccuracy:0.0000} -> {c.CandidateAccuracy:0.0000} ({delta:+0.0000;-0.0000;0.0000}, allowed drop {allowed:0.00})"));
        }
        if (!comparisons.Any(c => c.Kind == "reviews"))
            reasons.Add("note: no reviewed pair fell in the held-out share, so only the base dev sets were compared");
        return (ok, reasons);
    }

    public static RetrainOutcome Retrain(ModelCatalog catalog, IReadOnlyList<ReviewedPair> reviews, string reviewOrigin,
        IReadOnlyList<DataSpec> baseTrain, IReadOnlyList<DataSpec> baseDev, LogisticRegressionOptions options,
        ReviewTrainingOptions reviewOptions, DiagnosticBag diagnostics, string? versionName = null, TextWriter? log = null,
        SyntheticSet? synthetic = null)
    {
        options.Validate();
        reviewOptions.Validate();
        var clock = Stopwatch.StartNew();
        var baselineFolder = catalog.CurrentScorerDirectory();
        var baselineName = Path.GetFileName(baselineFolder);
        var baseline = catalog.LoadScorer(baselineFolder);
        var baselineManifest = ManifestJson.Read<ScorerManifest>(Path.Combine(baselineFolder, "manifest.json"), ScorerManifest.KindName);

        var split = ReviewData.Split(reviews, reviewOptions.HoldoutShare, reviewOrigin);
        if (split.Train.Count == 0)
            throw new RetrainException($"No reviewed pair to train on in {reviewOrigin}: {reviews.Count} reviewed pair(s), " +
                $"{split.HeldOut.Count} held out, {split.Excluded} bad_claim. Review more pairs (contradiction / not_contradiction) first.");
        var version = versionName ?? ModelVersions.NextVersionName(catalog);
        var folder = Path.Combine(catalog.ScorerDirectory, version);
        if (Directory.Exists(folder))
            throw new RetrainException($"{folder} already exists: choose another version name.");

        // Same features as the current model, so the comparison is about the data, not the representation.
        var hashBuckets = baselineManifest.HashBuckets;
        var featurizerVersion = baselineManifest.FeaturizerVersion;
        var featurizer = new PairFeaturizer(catalog.LoadSifEmbedder(), catalog.LoadLexicon(), hashBuckets, featurizerVersion);
        var examples = new List<FeaturizedExample>();
        var dataInfo = new List<DataFileInfo>();
        foreach (var spec in baseTrain)
        {
            var before = diagnostics.Count(d => d.IsSkip);
            var rows = NliTsvReader.Read(spec, diagnostics);
            var skipped = diagnostics.Count(d => d.IsSkip) - before;
            dataInfo.Add(new DataFileInfo(spec.Path, SplitName(spec.Split), NliTsvReader.Sha256(spec.Path), rows.Count, skipped));
            log?.WriteLine($"train {spec}: {rows.Count} rows ({skipped} skipped)");
            foreach (var r in rows)
            {
                var f = featurizer.Featurize(r.Premise, r.Hypothesis);
                examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label));
            }
        }
        if (synthetic is not null)
        {
            // The current model's synthetic rows too, so the candidate differs from it by the reviews alone.
            var trainRows = synthetic.Rows.Where(r => !DataSpec.IsHeldOut(r.Id)).ToList();
            foreach (var r in trainRows)
            {
                var f = featurizer.Featurize(r.Premise, r.Hypothesis);
                examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label));
            }
            dataInfo.Add(new DataFileInfo(synthetic.Origin, "synthetic-train", SyntheticPairs.Sha256(trainRows), trainRows.Count, 0));
        }
        foreach (var r in split.Train)
        {
            var f = featurizer.Featurize(r.Premise, r.Hypothesis);
            examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label, (float)reviewOptions.ReviewWeight));
        }
        dataInfo.Add(new DataFileInfo("reviews:" + reviewOrigin, "train", ReviewsSha256(split.Train), split.Train.Count, split.Excluded));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reviews {reviewOrigin}: {split.Train.Count} train (weight {reviewOptions.ReviewWeight}), {split.HeldOut.Count} held out, {split.Excluded} bad_claim excluded"));

        var model = LogisticRegressionTrainer.Fit(examples, PairFeaturizer.FeatureCount(featurizerVersion), hashBuckets, options);
        var candidate = new NliScorer(featurizer, model, version);
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);

        var comparisons = new List<PromotionComparison>();
        var devMetrics = new List<DevMetrics>();
        void Compare(string name, string kind, IReadOnlyList<LabeledPair> rows)
        {
            var b = ScorerTraining.Evaluate(baseline, rows);
            var c = ScorerTraining.Evaluate(candidate, rows);
            comparisons.Add(new PromotionComparison(name, kind, rows.Count, R(b.Accuracy), R(c.Accuracy), R(b.Contradiction.F1), R(c.Contradiction.F1)));
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compare {name}: n={rows.Count} accuracy {baselineName} {b.Accuracy:0.0000} vs {version} {c.Accuracy:0.0000}"));
            // The manifest lists base dev sets only: a handful of held-out reviews often holds one class,
            // leaving AUC undefined (NaN, which JSON cannot carry); promotion.json has their comparison.
            if (kind != "base") return;
            devMetrics.Add(new DevMetrics(name, c.N, R(c.Accuracy), R(c.MacroF1), R(c.Contradiction.Precision),
                R(c.Contradiction.Recall), R(c.Contradiction.F1), R(c.ContradictionAuc), R(c.Ece)));
        }
        foreach (var spec in baseDev)
        {
            var rows = NliTsvReader.Read(spec, diagnostics);
            if (rows.Count > 0) Compare(spec.ToString(), "base", rows);
        }
        if (split.HeldOut.Count > 0) Compare(ReviewsDevName, "reviews", split.HeldOut);

        var (promoted, reasons) = Decide(comparisons, reviewOptions.Margin);
        var bytes = model.ToBytes();
        var manifest = new ScorerManifest(ScorerManifest.CurrentFormatVersion, ScorerManifest.KindName, version,
            featurizerVersion, PairFeaturizer.FeatureNamesFor(featurizerVersion), hashBuckets, featurizer.Embedder.ModelId, catalog.LexiconSha256,
            ScorerTraining.WeightsFile, Convert.ToHexStringLower(SHA256.HashData(bytes)), dataInfo, options, options.Seed, devMetrics, seconds);
        var record = new PromotionRecord(version, baselineName, promoted, reasons, comparisons, reviewOptions.Margin,
            reviewOptions.ReviewWeight, reviewOptions.HoldoutShare, split.Train.Count, split.HeldOut.Count, split.Excluded);
        ScorerTraining.Save(new TrainedScorer(candidate, manifest), folder);
        ManifestJson.Write(Path.Combine(folder, ModelVersions.PromotionFile), record);
        // Only now, with the folder complete, may CURRENT move (atomically) to it.
        if (promoted) ModelVersions.WriteCurrent(catalog.ScorerDirectory, version);
        return new RetrainOutcome(version, folder, promoted, record, manifest);
    }

    /// <summary>Identifies the reviewed rows trained on: SHA-256 of their ids, labels and texts in order.</summary>
    private static string ReviewsSha256(IReadOnlyList<LabeledPair> rows)
    {
        var text = string.Join("\n", rows.Select(r => $"{r.Id}\t{r.Label}\t{r.Premise}\t{r.Hypothesis}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string SplitName(DataSplit s) => s switch { DataSplit.Train => "train", DataSplit.HeldOut => "heldout", _ => "all" };
    /// <summary>Rounded to 4 places; NaN (a metric undefined on these rows) becomes -1 so it can be written to JSON.</summary>
    private static double R(double v) => double.IsNaN(v) ? -1 : Math.Round(v, 4);
}
