using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Pairing;
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

    /// <summary>
    /// Sobriety check: how much the share of sobriety-sample pairs the candidate flags may exceed the
    /// baseline's, in absolute terms. Default 0.01 (one percentage point). The allowed rise is the larger
    /// of this and <see cref="SobrietyRelativeMargin"/> times the baseline's share.
    /// </summary>
    public double SobrietyMargin { get; init; } = 0.01;

    /// <summary>
    /// Review sanity: the least share of the confidently scored reviewed pairs on which the reviews must agree with
    /// the current model. Default 0.5: measured, honest scenario reviews agree on 0.75, reviews with every verdict
    /// flipped at random on 0.10-0.20. 0 turns the check off (e.g. to correct a model that is confidently wrong).
    /// </summary>
    public double MinAgreement { get; init; } = 0.5;

    /// <summary>Review sanity: a reviewed pair counts as confidently scored when the current model's top class is above this. Default 0.7.</summary>
    public double AgreementConfidence { get; init; } = 0.7;

    /// <summary>Sobriety check: allowed rise relative to the baseline's flagged share. Default 0.25 (a quarter more).</summary>
    public double SobrietyRelativeMargin { get; init; } = 0.25;

    public void Validate()
    {
        if (!(ReviewWeight > 0) || double.IsInfinity(ReviewWeight))
            throw new ArgumentOutOfRangeException(nameof(ReviewWeight), ReviewWeight, "The review weight must be a positive number.");
        if (double.IsNaN(HoldoutShare) || HoldoutShare < 0 || HoldoutShare >= 1)
            throw new ArgumentOutOfRangeException(nameof(HoldoutShare), HoldoutShare, "The held-out share must be at least 0 and below 1.");
        if (double.IsNaN(Margin) || Margin < 0 || Margin > 1)
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The margin must be between 0 and 1.");
        if (double.IsNaN(MinAgreement) || MinAgreement < 0 || MinAgreement > 1)
            throw new ArgumentOutOfRangeException(nameof(MinAgreement), MinAgreement, "The minimum review agreement must be between 0 and 1.");
        if (double.IsNaN(AgreementConfidence) || AgreementConfidence < 0 || AgreementConfidence >= 1)
            throw new ArgumentOutOfRangeException(nameof(AgreementConfidence), AgreementConfidence, "The agreement confidence must be at least 0 and below 1.");
        if (double.IsNaN(SobrietyMargin) || SobrietyMargin < 0 || SobrietyMargin > 1)
            throw new ArgumentOutOfRangeException(nameof(SobrietyMargin), SobrietyMargin, "The sobriety margin must be between 0 and 1.");
        if (double.IsNaN(SobrietyRelativeMargin) || SobrietyRelativeMargin < 0 || double.IsInfinity(SobrietyRelativeMargin))
            throw new ArgumentOutOfRangeException(nameof(SobrietyRelativeMargin), SobrietyRelativeMargin, "The relative sobriety margin must be a number >= 0.");
    }
}

/// <summary>
/// A fixed sample of claim-text pairs that are (nearly all) not contradictions, for the sobriety check: same-speaker
/// pairs from different news articles (PolNeAR dev, see <see cref="ScorerSobriety"/>), or, without that corpus,
/// claims of the store from different articles. <paramref name="Source"/> names where it came from.
/// </summary>
public sealed record SobrietySample(string Source, IReadOnlyList<(string A, string B)> Pairs)
{
    /// <summary>Pairs drawn (fewer when the population is smaller) and the seed: fixed, so every retrain compares on the same rows.</summary>
    public const int DefaultPairs = 1000;
    public const int Seed = 42;
    /// <summary>The corpus looked for, relative to the working directory and the models folder's parent, when none is given.</summary>
    public const string DefaultCorpus = "../shared/data/polnear/dev";

    /// <summary>Same-speaker claim pairs from different articles of a folder of .txt articles (PolNeAR: a split with text/).</summary>
    public static SobrietySample FromFolder(string directory, int pairs = DefaultPairs) =>
        new($"{directory} (same speaker, different articles)", ScorerSobriety.SampleTexts(ScorerSobriety.ReadTextFolder(directory), pairs, Seed));

    /// <summary>
    /// The store's own claims: every pair of claims from two different articles (in stable order), sampled. Weaker
    /// than a corpus (the reviewed pairs may be among them), so used only when no corpus is found.
    /// </summary>
    public static SobrietySample FromClaims(IReadOnlyList<StoredClaim> claims, string origin, int pairs = DefaultPairs)
    {
        var ordered = claims.OrderBy(c => c.Claim.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Claim.Id, StringComparer.Ordinal).ToList();
        var population = new List<(string, string)>();
        for (var i = 0; i < ordered.Count; i++)
            for (var j = i + 1; j < ordered.Count; j++)
                if (ordered[i].Claim.ArticleId != ordered[j].Claim.ArticleId)
                    population.Add((ordered[i].Claim.ContentText, ordered[j].Claim.ContentText));
        var n = ScorerSobriety.DrawPrefix(population, pairs, Seed);
        return new SobrietySample($"{origin} (stored claims, different articles)", population.Take(n).ToList());
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
    public static (List<DataSpec> Train, List<DataSpec> Dev, List<string> Missing, SyntheticOrigin? Synthetic) BaseDataOf(ScorerManifest manifest, IReadOnlyList<string> searchDirectories)
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
        SyntheticOrigin? synthetic = null;
        if (manifest.Data.FirstOrDefault(d => IsSynthetic(d.File)) is { } syn && SyntheticPairs.ParseOrigin(syn.File) is { } origin)
        {
            var folder = Path.IsPathRooted(origin.Folder) ? origin.Folder
                : searchDirectories.Select(d => Path.GetFullPath(origin.Folder, d)).FirstOrDefault(Directory.Exists);
            if (folder is null || !Directory.Exists(folder)) missing.Add(origin.Folder);
            else synthetic = origin with { Folder = folder };
        }
        return (train, dev, missing, synthetic);
    }

    /// <summary>
    /// The rule: promoted when the candidate is not worse than the baseline on held-out reviews (any drop
    /// refuses) and loses no more than <paramref name="margin"/> accuracy on each base dev set. Returns one
    /// line per comparison saying how it went.
    /// </summary>
    public static (bool Promoted, List<string> Reasons) Decide(IReadOnlyList<PromotionComparison> comparisons, double margin, SobrietyCheck? sobriety = null,
        ReviewAgreementCheck? agreement = null)
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
        if (sobriety is not null)
        {
            ok &= sobriety.Passed;
            reasons.Add(string.Create(inv, $"{(sobriety.Passed ? "ok" : "WORSE")}: sobriety {sobriety.Source} (n={sobriety.Pairs}) flagged {sobriety.BaselineShare:0.0000} -> {sobriety.CandidateShare:0.0000} ({sobriety.CandidateShare - sobriety.BaselineShare:+0.0000;-0.0000;0.0000}, allowed rise {sobriety.AllowedRise:0.0000}; mean P(C) {sobriety.BaselineMean:0.0000} -> {sobriety.CandidateMean:0.0000})"));
        }
        else reasons.Add("note: no sobriety sample, so the flag rate on unrelated pairs was not compared");
        if (agreement is not null)
        {
            ok &= agreement.Passed;
            reasons.Add(agreement.Confident == 0
                ? string.Create(inv, $"ok: review agreement: the current model is confident (P > {agreement.Confidence}) on none of the {agreement.Reviews} reviewed pairs, nothing to check")
                : string.Create(inv, $"{(agreement.Passed ? "ok" : "WORSE")}: review agreement (n={agreement.Confident} of {agreement.Reviews} reviewed pairs scored with P > {agreement.Confidence}) the reviews agree with the current model on {agreement.Agreement:0.0000} (minimum {agreement.MinAgreement:0.00})"));
        }
        return (ok, reasons);
    }

    /// <summary>
    /// Review sanity: on the reviewed pairs the current model labels confidently (its top class above
    /// <see cref="ReviewTrainingOptions.AgreementConfidence"/>), the share whose review gives that label.
    /// The current model passed its own dev sets, so where it is confident it is mostly right; reviews that
    /// overrule most of those calls are more likely wrong than the model. Passed when the share is at least
    /// <see cref="ReviewTrainingOptions.MinAgreement"/>, or when no pair is scored confidently.
    /// </summary>
    public static ReviewAgreementCheck CheckAgreement(IContradictionScorer baseline, IReadOnlyList<LabeledPair> reviews, ReviewTrainingOptions options)
    {
        int confident = 0, agreed = 0;
        foreach (var r in reviews)
        {
            var s = baseline.Score(r.Premise, r.Hypothesis);
            // Label order as in LogisticModel.Labels (contradiction, entailment, neutral; see ReviewData.LabelOf); ties go to the lower label.
            double[] p = [s.Contradiction, s.Entailment, s.Neutral];
            var top = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            if (p[top] <= options.AgreementConfidence) continue;
            confident++;
            if (top == r.Label) agreed++;
        }
        var share = confident == 0 ? 1 : agreed / (double)confident;
        const double eps = 1e-9;
        return new ReviewAgreementCheck(reviews.Count, confident, options.AgreementConfidence, agreed, R(share), options.MinAgreement,
            confident == 0 || share >= options.MinAgreement - eps);
    }

    /// <summary>
    /// Scores every sample pair with both models, ungated (the topic gate would hide what the model learned),
    /// and compares the shares flagged above 0.5. Passed when the candidate's share rises by at most
    /// max(SobrietyMargin, SobrietyRelativeMargin x baseline share).
    /// </summary>
    public static SobrietyCheck CompareSobriety(IContradictionScorer baseline, IContradictionScorer candidate, SobrietySample sample, ReviewTrainingOptions options)
    {
        const double threshold = 0.5;
        var b = new PairScorer(baseline, useGate: false);
        var c = new PairScorer(candidate, useGate: false);
        int bf = 0, cf = 0;
        double bs = 0, cs = 0;
        foreach (var (x, y) in sample.Pairs)
        {
            var pb = b.ScoreTexts(x, y).Contradiction;
            var pc = c.ScoreTexts(x, y).Contradiction;
            if (pb > threshold) bf++;
            if (pc > threshold) cf++;
            bs += pb;
            cs += pc;
        }
        var n = sample.Pairs.Count;
        double Share(int k) => n == 0 ? 0 : k / (double)n;
        var allowed = Math.Max(options.SobrietyMargin, options.SobrietyRelativeMargin * Share(bf));
        const double eps = 1e-9;
        return new SobrietyCheck(sample.Source, n, threshold, bf, cf, R(Share(bf)), R(Share(cf)), R(n == 0 ? 0 : bs / n), R(n == 0 ? 0 : cs / n),
            R(allowed), Share(cf) - Share(bf) <= allowed + eps);
    }

    public static RetrainOutcome Retrain(ModelCatalog catalog, IReadOnlyList<ReviewedPair> reviews, string reviewOrigin,
        IReadOnlyList<DataSpec> baseTrain, IReadOnlyList<DataSpec> baseDev, LogisticRegressionOptions options,
        ReviewTrainingOptions reviewOptions, DiagnosticBag diagnostics, string? versionName = null, TextWriter? log = null,
        SyntheticSet? synthetic = null, SobrietySample? sobrietySample = null)
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
        // Synthetic rows count as much as they did for the current model (1 before v3), for the same reason.
        // Class reweighting likewise (v4 on; absent before): it changes what the base rows teach.
        options = options with
        {
            SyntheticWeight = baselineManifest.Options?.SyntheticWeight ?? 1f,
            ClassBalance = baselineManifest.Options?.ClassBalance ?? 0,
        };
        var featurizer = new PairFeaturizer(catalog.LoadSifEmbedder(), catalog.LoadLexicon(), hashBuckets, featurizerVersion);
        var examples = new List<FeaturizedExample>();
        var dataInfo = new List<DataFileInfo>();
        var sets = new List<string>();
        foreach (var (r, set) in ScorerTraining.ReadTrainingRows(baseTrain, diagnostics, dataInfo, log))
        {
            var f = featurizer.Featurize(r.Premise, r.Hypothesis);
            examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label));
            sets.Add(set);
        }
        if (synthetic is not null)
        {
            // The current model's synthetic rows too, so the candidate differs from it by the reviews alone.
            var trainRows = synthetic.TrainRows();
            foreach (var r in trainRows)
            {
                var f = featurizer.Featurize(r.Premise, r.Hypothesis);
                examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label, options.SyntheticWeight));
                sets.Add(synthetic.Origin);
            }
            dataInfo.Add(new DataFileInfo(synthetic.Origin, "synthetic-train", SyntheticPairs.Sha256(trainRows), trainRows.Count, 0));
        }
        // The base rows only: the reviewed pairs keep their own weight.
        if (options.ClassBalance > 0) examples = ScorerTraining.BalanceWeights(examples, sets, options.ClassBalance);
        foreach (var r in split.Train)
        {
            var f = featurizer.Featurize(r.Premise, r.Hypothesis);
            examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label, (float)reviewOptions.ReviewWeight));
        }
        dataInfo.Add(new DataFileInfo("reviews:" + reviewOrigin, "train", ReviewsSha256(split.Train), split.Train.Count, split.Excluded));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reviews {reviewOrigin}: {split.Train.Count} train (weight {reviewOptions.ReviewWeight}), {split.HeldOut.Count} held out, {split.Excluded} bad_claim excluded"));

        var model = LogisticRegressionTrainer.Fit(examples, PairFeaturizer.FeatureCount(featurizerVersion), hashBuckets, options);
        // A calibrated current model (v3) lends its temperature: the few reviews leave no validation part to
        // fit one on, and an uncalibrated candidate would be compared on sharper probabilities than the baseline.
        if (baselineManifest.Temperature is { } temperature) model = model.WithTemperature((float)temperature);
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

        SobrietyCheck? sobriety = null;
        if (sobrietySample is { Pairs.Count: > 0 })
        {
            sobriety = CompareSobriety(baseline, candidate, sobrietySample, reviewOptions);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compare sobriety {sobrietySample.Source}: n={sobriety.Pairs} flagged {baselineName} {sobriety.BaselineShare:0.0000} vs {version} {sobriety.CandidateShare:0.0000}"));
        }
        var agreement = CheckAgreement(baseline, split.Train.Concat(split.HeldOut).ToList(), reviewOptions);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review agreement: {baselineName} is confident (P > {agreement.Confidence}) on {agreement.Confident} of {agreement.Reviews} reviewed pairs; the reviews agree on {agreement.Agreed}"));
        var (promoted, reasons) = Decide(comparisons, reviewOptions.Margin, sobriety, agreement);
        var bytes = model.ToBytes();
        var manifest = new ScorerManifest(ScorerManifest.CurrentFormatVersion, ScorerManifest.KindName, version,
            featurizerVersion, PairFeaturizer.FeatureNamesFor(featurizerVersion), hashBuckets, featurizer.Embedder.ModelId, catalog.LexiconSha256,
            ScorerTraining.WeightsFile, Convert.ToHexStringLower(SHA256.HashData(bytes)), dataInfo, options, options.Seed, devMetrics, seconds,
            Temperature: baselineManifest.Temperature);
        var record = new PromotionRecord(version, baselineName, promoted, reasons, comparisons, reviewOptions.Margin,
            reviewOptions.ReviewWeight, reviewOptions.HoldoutShare, split.Train.Count, split.HeldOut.Count, split.Excluded, sobriety, agreement);
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

    /// <summary>Rounded to 4 places; NaN (a metric undefined on these rows) becomes -1 so it can be written to JSON.</summary>
    private static double R(double v) => double.IsNaN(v) ? -1 : Math.Round(v, 4);
}
