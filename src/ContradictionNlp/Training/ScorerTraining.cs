using System.Diagnostics;
using System.Security.Cryptography;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Training;

/// <summary>What <see cref="ScorerTraining.Fit"/> returns: the scorer, its weights and the manifest to save beside them.</summary>
public sealed record TrainedScorer(NliScorer Scorer, ScorerManifest Manifest);

/// <summary>Generated training rows (see <see cref="SyntheticPairs"/>) and where they came from, for the manifest.</summary>
/// <param name="Origin">E.g. "synthetic:../shared/data/bbc-news seed=42".</param>
public sealed record SyntheticSet(string Origin, IReadOnlyList<LabeledPair> Rows)
{
    /// <summary>The rows on the training side of the fixed split (ids group by article), in order: what a model trains on and its manifest hashes.</summary>
    public List<LabeledPair> TrainRows() => Rows.Where(r => !DataSpec.IsHeldOut(r.Id)).ToList();

    /// <summary>The held-out rows of the fixed split, in order: measured, never trained on.</summary>
    public List<LabeledPair> HeldOutRows() => Rows.Where(r => DataSpec.IsHeldOut(r.Id)).ToList();
}

/// <summary>Reads data, featurises, fits, measures on dev sets, and saves a scorer folder atomically.</summary>
public static class ScorerTraining
{
    public const int DefaultHashBuckets = 1 << 16;
    public const string WeightsFile = "weights.bin";

    public static TrainedScorer Fit(ModelCatalog catalog, IReadOnlyList<DataSpec> train, IReadOnlyList<DataSpec> dev,
        LogisticRegressionOptions options, string modelVersion, DiagnosticBag diagnostics, int hashBuckets = DefaultHashBuckets,
        TextWriter? log = null, SyntheticSet? synthetic = null, bool calibrate = false, int featurizerVersion = PairFeaturizer.Version,
        BoostedOptions? boosted = null, AttentionOptions? attention = null)
    {
        // A boosted model always needs the validation part (early stopping and temperature).
        if (boosted is not null) { boosted.Validate(); calibrate = true; }
        // So does an attention mix (the mix weight and temperature are fitted there).
        if (attention is not null)
        {
            attention.Validate();
            if (boosted is not null) throw new ArgumentException("A scorer is either boosted or an attention mix, not both.", nameof(attention));
            calibrate = true;
        }
        var clock = Stopwatch.StartNew();
        var featurizer = new PairFeaturizer(catalog.LoadSifEmbedder(), catalog.LoadLexicon(), hashBuckets, featurizerVersion);
        var denseCount = PairFeaturizer.FeatureCount(featurizerVersion);
        var examples = new List<FeaturizedExample>();
        var ids = new List<string>();
        var sets = new List<string>();
        var dataInfo = new List<DataFileInfo>();
        // Attention mix only: each row's two word matrices (AttentionModel.WordMatrix), parallel to examples.
        var words = new List<(float[] P, float[] H)>();
        float[] WordsOf(string text)
        {
            var t = featurizer.Prepare(text);
            return AttentionModel.WordMatrix(featurizer.Embedder.Vectors, t.Words.Select(w => w.Vec).ToArray());
        }
        foreach (var (r, set) in ReadTrainingRows(train, diagnostics, dataInfo, log))
        {
            var f = featurizer.Featurize(r.Premise, r.Hypothesis);
            examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label));
            ids.Add(r.Id);
            sets.Add(set);
            if (attention is not null) words.Add((WordsOf(r.Premise), WordsOf(r.Hypothesis)));
        }
        List<LabeledPair> syntheticDev = [];
        if (synthetic is not null)
        {
            // The fixed split applies to synthetic rows too (ids group by article): train on one side, measure on the other.
            var trainRows = synthetic.TrainRows();
            syntheticDev = synthetic.HeldOutRows();
            dataInfo.Add(new DataFileInfo(synthetic.Origin, "synthetic-train", SyntheticPairs.Sha256(trainRows), trainRows.Count, 0));
            log?.WriteLine($"train {synthetic.Origin} (synthetic): {trainRows.Count} rows ({string.Join(", ", trainRows.GroupBy(r => r.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
            foreach (var r in trainRows)
            {
                var f = featurizer.Featurize(r.Premise, r.Hypothesis);
                examples.Add(new FeaturizedExample(f.Dense, f.Hashed, r.Label, options.SyntheticWeight));
                ids.Add(r.Id);
                sets.Add(synthetic.Origin);
                if (attention is not null) words.Add((WordsOf(r.Premise), WordsOf(r.Hypothesis)));
            }
        }
        if (options.ClassBalance > 0) examples = BalanceWeights(examples, sets, options.ClassBalance);
        LogisticModel? model = null;
        BoostedModel? boostedModel = null;
        AttentionMixModel? mixModel = null;
        var projections = new Dictionary<int, (AttentionProjection P, AttentionProjection H)>();
        float? temperature = null;
        List<DevMetrics>? validation = null;
        if (calibrate)
        {
            // Fit on the training rows outside the validation part, fit the temperature on that part (never on
            // the reporting sets), and ship that model: the temperature is measured for exactly these weights.
            var fit = new List<FeaturizedExample>();
            var fitGroups = new List<string>();
            var val = new List<FeaturizedExample>();
            var fitIndex = new List<int>();
            var valIndex = new List<int>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (IsValidation(ids[i])) { val.Add(examples[i]); valIndex.Add(i); continue; }
                fit.Add(examples[i]);
                fitIndex.Add(i);
                fitGroups.Add(GroupKey(ids[i]));
            }
            log?.WriteLine($"fit {fit.Count} rows, validation {val.Count} rows ({ValidationPercent}% by group key)");
            if (boosted is not null)
            {
                var raw = BoostedTrainer.Fit(fit, fitGroups, val, denseCount, hashBuckets, options, boosted, log);
                temperature = BoostedTrainer.FitTemperature(raw, val);
                boostedModel = raw.WithTemperature(temperature.Value);
            }
            else if (attention is { StackFolds: > 0 })
            {
                // Stacked: K attention models, each trained on the other folds of the fit rows, give every fit row its
                // out-of-fold attention logits; the logistic part learns from those. The final attention model (all fit
                // rows) scores the validation rows and everything after training.
                var folds = attention.StackFolds;
                var attentionInputs = new Dictionary<int, float[]>();
                int FoldOf(int i)
                {
                    var h = 2166136261u;
                    foreach (var c in "fold:" + GroupKey(ids[i])) { h ^= c; h *= 16777619u; }
                    return (int)(h % (uint)folds);
                }
                float[] LogitsOf(AttentionModel m, int i)
                {
                    var za = new double[AttentionModel.Classes];
                    m.Logits(m.Project(words[i].P), m.Project(words[i].H), za);
                    return [(float)za[0], (float)za[1], (float)za[2]];
                }
                var attentionClock = Stopwatch.StartNew();
                for (var f = 0; f < folds; f++)
                {
                    var m = AttentionTrainer.Fit(fitIndex.Where(i => FoldOf(i) != f).Select(i => new AttentionExample(words[i].P, words[i].H, examples[i].Label, examples[i].Weight)).ToList(),
                        featurizer.Embedder.Dimension, attention, options.Seed + f + 1, log);
                    foreach (var i in fitIndex.Where(i => FoldOf(i) == f)) attentionInputs[i] = LogitsOf(m, i);
                    log?.WriteLine($"attention fold {f + 1}/{folds} done ({attentionClock.Elapsed.TotalSeconds:0.0} s)");
                }
                var att = AttentionTrainer.Fit(fitIndex.Select(i => new AttentionExample(words[i].P, words[i].H, examples[i].Label, examples[i].Weight)).ToList(),
                    featurizer.Embedder.Dimension, attention, options.Seed, log);
                log?.WriteLine($"attention trained in {attentionClock.Elapsed.TotalSeconds:0.0} s ({folds} folds + final)");
                foreach (var i in valIndex)
                {
                    projections[i] = (att.Project(words[i].P), att.Project(words[i].H));
                    attentionInputs[i] = LogitsOf(att, i);
                }
                FeaturizedExample Stack(int i) => examples[i] with { Dense = [.. examples[i].Dense, .. attentionInputs[i]] };
                var raw = LogisticRegressionTrainer.Fit(fitIndex.Select(Stack).ToList(), denseCount + AttentionModel.Classes, hashBuckets, options);
                var stackT = LogisticRegressionTrainer.FitTemperature(raw, valIndex.Select(Stack).ToList());
                mixModel = new AttentionMixModel(raw, att, 0f, stackT, stacked: true);
                temperature = stackT;
            }
            else if (attention is not null)
            {
                // Both parts learn from the fit rows only; the mix weight and temperature from the validation rows,
                // which neither part saw, so the mix does not trust in-sample attention scores.
                var raw = LogisticRegressionTrainer.Fit(fit, denseCount, hashBuckets, options);
                var attentionClock = Stopwatch.StartNew();
                var attentionRows = attention.HumanRowsOnly && synthetic is not null ? fitIndex.Where(i => sets[i] != synthetic.Origin) : fitIndex;
                var att = AttentionTrainer.Fit(attentionRows.Select(i => new AttentionExample(words[i].P, words[i].H, examples[i].Label, examples[i].Weight)).ToList(),
                    featurizer.Embedder.Dimension, attention, options.Seed, log);
                log?.WriteLine($"attention trained in {attentionClock.Elapsed.TotalSeconds:0.0} s");
                var linearLogits = new List<double[]>();
                var attentionLogits = new List<double[]>();
                foreach (var i in valIndex)
                {
                    var zl = new double[LogisticModel.Labels.Length];
                    raw.Logits(examples[i].Dense, examples[i].Hashed, zl);
                    var pair = (att.Project(words[i].P), att.Project(words[i].H));
                    projections[i] = pair;
                    var za = new double[AttentionModel.Classes];
                    att.Logits(pair.Item1, pair.Item2, za);
                    linearLogits.Add(zl);
                    attentionLogits.Add(za);
                }
                // What the attention part alone gets on each set's validation rows (log only, for model choices).
                foreach (var set in valIndex.Select(i => sets[i]).Distinct())
                {
                    var part = Enumerable.Range(0, valIndex.Count).Where(k => sets[valIndex[k]] == set).ToList();
                    var right = part.Count(k => ArgMax(attentionLogits[k]) == examples[valIndex[k]].Label);
                    var rightLinear = part.Count(k => ArgMax(linearLogits[k]) == examples[valIndex[k]].Label);
                    log?.WriteLine($"validation {set}: attention alone {right / (double)part.Count:0.0000}, logistic alone {rightLinear / (double)part.Count:0.0000}");
                }
                var (mixWeight, mixT) = AttentionTrainer.FitMix(linearLogits, attentionLogits, val.Select(e => e.Label).ToList(), val.Select(e => e.Weight).ToList());
                log?.WriteLine($"mix weight {mixWeight:0.00} (fitted on validation with the temperature)");
                mixModel = new AttentionMixModel(raw, att, mixWeight, mixT);
                temperature = mixT;
            }
            else
            {
                var raw = LogisticRegressionTrainer.Fit(fit, denseCount, hashBuckets, options);
                temperature = LogisticRegressionTrainer.FitTemperature(raw, val);
                model = raw.WithTemperature(temperature.Value);
            }
            log?.WriteLine($"temperature {temperature:0.00} (fitted on validation)");
            validation = [];
            foreach (var set in sets.Distinct())
            {
                var part = Enumerable.Range(0, examples.Count).Where(i => sets[i] == set && IsValidation(ids[i])).ToList();
                if (part.Count == 0) continue;
                var labels = part.Select(i => examples[i].Label).ToList();
                var probs = part.Select(i =>
                {
                    Span<double> pr = stackalloc double[LogisticModel.Labels.Length];
                    if (model is not null) model.Predict(examples[i].Dense, examples[i].Hashed, pr);
                    else if (mixModel is not null) mixModel.Predict(examples[i].Dense, examples[i].Hashed, projections[i].P, projections[i].H, pr);
                    else boostedModel!.Predict(examples[i].Dense, examples[i].Hashed, pr);
                    return pr.ToArray();
                }).ToArray();
                var m = ScorerMetrics.Compute(labels, probs);
                log?.WriteLine($"validation {set}: n={m.N} accuracy={m.Accuracy:0.0000} ece={m.Ece:0.0000}");
                validation.Add(new DevMetrics(set + "@validation", m.N, R(m.Accuracy), R(m.MacroF1), R(m.Contradiction.Precision),
                    R(m.Contradiction.Recall), R(m.Contradiction.F1), R(m.ContradictionAuc), R(m.Ece)));
            }
        }
        else model = LogisticRegressionTrainer.Fit(examples, denseCount, hashBuckets, options);
        var scorer = model is not null ? new NliScorer(featurizer, model, modelVersion)
            : mixModel is not null ? new NliScorer(featurizer, mixModel, modelVersion)
            : new NliScorer(featurizer, boostedModel!, modelVersion);
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        var devMetrics = new List<DevMetrics>();
        foreach (var spec in dev)
        {
            var rows = NliTsvReader.Read(spec, diagnostics);
            var m = Evaluate(scorer, rows);
            log?.WriteLine($"dev {spec}: n={m.N} accuracy={m.Accuracy:0.0000} macro_f1={m.MacroF1:0.0000} contradiction_f1={m.Contradiction.F1:0.0000}");
            devMetrics.Add(new DevMetrics(spec.ToString(), m.N, R(m.Accuracy), R(m.MacroF1), R(m.Contradiction.Precision),
                R(m.Contradiction.Recall), R(m.Contradiction.F1), R(m.ContradictionAuc), R(m.Ece)));
        }
        if (syntheticDev.Count > 0)
        {
            var m = Evaluate(scorer, syntheticDev);
            var name = synthetic!.Origin + "@heldout";
            log?.WriteLine($"dev {name}: n={m.N} accuracy={m.Accuracy:0.0000} macro_f1={m.MacroF1:0.0000} contradiction_f1={m.Contradiction.F1:0.0000}");
            devMetrics.Add(new DevMetrics(name, m.N, R(m.Accuracy), R(m.MacroF1), R(m.Contradiction.Precision),
                R(m.Contradiction.Recall), R(m.Contradiction.F1), R(m.ContradictionAuc), R(m.Ece)));
        }
        var bytes = scorer.WeightsBytes();
        var manifest = new ScorerManifest(ScorerManifest.CurrentFormatVersion, ScorerManifest.KindName, modelVersion,
            featurizerVersion, [.. PairFeaturizer.FeatureNamesFor(featurizerVersion)], hashBuckets, featurizer.Embedder.ModelId, catalog.LexiconSha256,
            WeightsFile, Convert.ToHexStringLower(SHA256.HashData(bytes)), dataInfo, options, options.Seed, devMetrics, seconds,
            boosted is not null ? ModelTypes.Boosted : attention is not null ? ModelTypes.AttentionMix : ModelTypes.Logistic, Validation: validation,
            Temperature: temperature is { } t ? Math.Round(t, 2) : null, BoostedOptions: boosted,
            Trees: boostedModel?.Trees, AttentionOptions: attention, MixWeight: mixModel is null ? null : Math.Round(mixModel.MixWeight, 2));
        return new TrainedScorer(scorer, manifest);
    }

    /// <summary>
    /// The examples with each one's weight multiplied by (n_s / (3 n_sc))^<paramref name="power"/>, where n_s is the number
    /// of rows of its set (<paramref name="sets"/>, parallel to <paramref name="examples"/>) and n_sc those of its class in
    /// that set. Power 1: every set keeps its total row count and its three classes weigh the same; 0.5 goes half way
    /// (on a log scale). A class a set lacks has no rows, so nothing to weigh.
    /// </summary>
    public static List<FeaturizedExample> BalanceWeights(IReadOnlyList<FeaturizedExample> examples, IReadOnlyList<string> sets, double power = 1)
    {
        if (examples.Count != sets.Count) throw new ArgumentException("One set name per example is needed.", nameof(sets));
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Count; i++)
        {
            if (!counts.TryGetValue(sets[i], out var c)) counts[sets[i]] = c = new int[LogisticModel.Labels.Length];
            c[examples[i].Label]++;
        }
        var result = new List<FeaturizedExample>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var c = counts[sets[i]];
            var total = c.Sum();
            var factor = Math.Pow(total / (double)(LogisticModel.Labels.Length * c[examples[i].Label]), power);
            result.Add(examples[i] with { Weight = (float)(examples[i].Weight * factor) });
        }
        return result;
    }

    /// <summary>Share of training rows (by group key, see <see cref="IsValidation"/>) kept aside for validation.</summary>
    public const int ValidationPercent = 15;

    /// <summary>
    /// The fixed validation part carved from TRAINING rows: FNV-1a-32 of "val:" + the group key (id up to its
    /// first '#', as in <see cref="DataSpec.IsHeldOut"/>), mod 100, below <see cref="ValidationPercent"/>.
    /// The salt makes it independent of the held-out split; grouping keeps one premise on one side.
    /// Model choices and the temperature are made here, never on the reporting sets.
    /// </summary>
    public static bool IsValidation(string id)
    {
        var key = "val:" + GroupKey(id);
        var h = 2166136261u;
        foreach (var c in key) { h ^= c; h *= 16777619u; }
        return h % 100 < ValidationPercent;
    }

    /// <summary>The group of a row: its id up to the first '#' (one SNLI premise image, one article's synthetic pairs).</summary>
    internal static string GroupKey(string id)
    {
        var hash = id.IndexOf('#');
        return hash >= 0 ? id[..hash] : id;
    }

    /// <summary>
    /// Trains a <see cref="WideDeepModel"/>: fits on the training rows outside the validation part
    /// (<see cref="IsValidation"/>), fits the temperature on the validation part, then measures the dev sets.
    /// Same data handling as <see cref="Fit"/> (files, synthetic train side, manifest).
    /// </summary>
    public static TrainedScorer FitWideDeep(ModelCatalog catalog, IReadOnlyList<DataSpec> train, IReadOnlyList<DataSpec> dev,
        WideDeepOptions options, string modelVersion, DiagnosticBag diagnostics, int hashBuckets = DefaultHashBuckets,
        TextWriter? log = null, SyntheticSet? synthetic = null)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var featurizer = new PairFeaturizer(catalog.LoadSifEmbedder(), catalog.LoadLexicon(), hashBuckets);
        var dataInfo = new List<DataFileInfo>();
        var rows = ReadTrainingRows(train, diagnostics, dataInfo, log);
        List<LabeledPair> syntheticDev = [];
        if (synthetic is not null)
        {
            var trainRows = synthetic.TrainRows();
            syntheticDev = synthetic.HeldOutRows();
            dataInfo.Add(new DataFileInfo(synthetic.Origin, "synthetic-train", SyntheticPairs.Sha256(trainRows), trainRows.Count, 0));
            log?.WriteLine($"train {synthetic.Origin} (synthetic): {trainRows.Count} rows");
            rows.AddRange(trainRows.Select(r => (r, synthetic.Origin)));
        }
        // Featurising is pure per row, so it runs in parallel into fixed slots; the order stays the rows' order.
        var examples = new FeaturizedExample[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var f = featurizer.Featurize(rows[i].Row.Premise, rows[i].Row.Hypothesis);
            examples[i] = new FeaturizedExample(f.Dense, f.Hashed, rows[i].Row.Label);
        });
        var fit = new List<FeaturizedExample>();
        var val = new List<FeaturizedExample>();
        for (var i = 0; i < rows.Count; i++) (IsValidation(rows[i].Row.Id) ? val : fit).Add(examples[i]);
        log?.WriteLine($"fit {fit.Count} rows, validation {val.Count} rows ({ValidationPercent}% by group key)");
        var raw = WideDeepTrainer.Fit(fit, PairFeaturizer.FeatureNames.Length, hashBuckets, options);
        var t = WideDeepTrainer.FitTemperature(raw, val);
        log?.WriteLine($"temperature {t} (fitted on validation)");
        var model = raw.WithTemperature(t);
        var scorer = new NliScorer(featurizer, model, modelVersion);
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        var validation = new List<DevMetrics>();
        foreach (var set in rows.Select(r => r.Set).Distinct())
        {
            var part = rows.Where(r => r.Set == set && IsValidation(r.Row.Id)).Select(r => r.Row).ToList();
            if (part.Count > 0) validation.Add(Measure(scorer, part, set + "@validation", log));
        }
        var devMetrics = dev.Select(spec => Measure(scorer, NliTsvReader.Read(spec, diagnostics), spec.ToString(), log)).ToList();
        if (syntheticDev.Count > 0) devMetrics.Add(Measure(scorer, syntheticDev, synthetic!.Origin + "@heldout", log));
        var bytes = model.ToBytes();
        var shared = new LogisticRegressionOptions
        {
            Seed = options.Seed, Epochs = options.Epochs, BatchSize = options.BatchSize, LearningRate = options.LearningRate,
            L2Dense = options.L2Dense, L2Hashed = options.L2Hashed,
        };
        var manifest = new ScorerManifest(ScorerManifest.CurrentFormatVersion, ScorerManifest.KindName, modelVersion,
            PairFeaturizer.Version, PairFeaturizer.FeatureNames, hashBuckets, featurizer.Embedder.ModelId, catalog.LexiconSha256,
            WeightsFile, Convert.ToHexStringLower(SHA256.HashData(bytes)), dataInfo, shared, options.Seed, devMetrics, seconds,
            ModelTypes.WideDeep, options, validation);
        return new TrainedScorer(scorer, manifest);
    }

    private static DevMetrics Measure(IContradictionScorer scorer, IReadOnlyList<LabeledPair> rows, string name, TextWriter? log)
    {
        var m = Evaluate(scorer, rows);
        log?.WriteLine($"dev {name}: n={m.N} accuracy={m.Accuracy:0.0000} macro_f1={m.MacroF1:0.0000} contradiction_f1={m.Contradiction.F1:0.0000} ece={m.Ece:0.0000}");
        return new DevMetrics(name, m.N, R(m.Accuracy), R(m.MacroF1), R(m.Contradiction.Precision),
            R(m.Contradiction.Recall), R(m.Contradiction.F1), R(m.ContradictionAuc), R(m.Ece));
    }

    public static ScorerMetrics Evaluate(IContradictionScorer scorer, IReadOnlyList<LabeledPair> rows) =>
        ScorerMetrics.Compute(rows.Select(r => r.Label).ToList(), Predict(scorer, rows));

    /// <summary>Label probabilities (contradiction, entailment, neutral) per row, in row order.</summary>
    public static double[][] Predict(IContradictionScorer scorer, IReadOnlyList<LabeledPair> rows)
    {
        var probs = new double[rows.Count][];
        // Scorers are thread-safe; a fixed output slot per row keeps the result independent of scheduling.
        Parallel.For(0, rows.Count, i =>
        {
            var s = scorer.Score(rows[i].Premise, rows[i].Hypothesis);
            probs[i] = [s.Contradiction, s.Entailment, s.Neutral];
        });
        return probs;
    }

    /// <summary>
    /// Writes weights.bin and manifest.json into a fresh temporary sibling folder, then renames it to
    /// <paramref name="folder"/>, so a crash never leaves a half-written model where a loader looks.
    /// An existing folder is refused unless <paramref name="overwrite"/>.
    /// </summary>
    public static void Save(TrainedScorer trained, string folder, bool overwrite = false)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && !overwrite)
            throw new IOException($"{folder} already exists: choose another --out or pass --force.");
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(folder)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        File.WriteAllBytes(Path.Combine(temp, WeightsFile), trained.Scorer.WeightsBytes());
        ManifestJson.Write(Path.Combine(temp, "manifest.json"), trained.Manifest);
        if (Directory.Exists(folder))
        {
            var old = folder + $".old-{Environment.ProcessId}";
            Directory.Move(folder, old);
            Directory.Move(temp, folder);
            Directory.Delete(old, recursive: true);
        }
        else Directory.Move(temp, folder);
    }

    /// <summary>Points scorer/CURRENT at <paramref name="folderName"/> (write temp file, then rename over).</summary>
    public static void MakeCurrent(string scorerDirectory, string folderName)
    {
        var path = Path.Combine(scorerDirectory, ModelCatalog.CurrentFile);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, folderName + "\n");
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>
    /// Reads every training file (bad rows become diagnostics and are skipped) and records each file in
    /// <paramref name="dataInfo"/> as the manifest lists it: path, split, SHA-256, rows, skipped.
    /// Rows keep file order; each is tagged with the spec it came from.
    /// </summary>
    internal static List<(LabeledPair Row, string Set)> ReadTrainingRows(IReadOnlyList<DataSpec> train, DiagnosticBag diagnostics,
        List<DataFileInfo> dataInfo, TextWriter? log)
    {
        var rows = new List<(LabeledPair Row, string Set)>();
        foreach (var spec in train)
        {
            var before = diagnostics.Count(d => d.IsSkip);
            var read = NliTsvReader.Read(spec, diagnostics);
            var skipped = diagnostics.Count(d => d.IsSkip) - before;
            dataInfo.Add(new DataFileInfo(spec.Path, SplitName(spec.Split), NliTsvReader.Sha256(spec.Path), read.Count, skipped));
            log?.WriteLine($"train {spec}: {read.Count} rows ({skipped} skipped)");
            rows.AddRange(read.Select(r => (r, spec.ToString())));
        }
        return rows;
    }

    internal static string SplitName(DataSplit s) => s switch { DataSplit.Train => "train", DataSplit.HeldOut => "heldout", _ => "all" };
    private static int ArgMax(double[] z) => z[0] >= z[1] && z[0] >= z[2] ? 0 : z[1] >= z[2] ? 1 : 2;
    private static double R(double v) => double.IsNaN(v) ? v : Math.Round(v, 4);
}
