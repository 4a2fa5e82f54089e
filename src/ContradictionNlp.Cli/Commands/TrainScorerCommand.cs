using System.CommandLine;
using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp train scorer</c>: fit the contradiction scorer on NLI TSV files and save a model folder.</summary>
public static class TrainScorerCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train models.");
        var data = new Option<string[]>("--data") { Description = "Training TSV files (PATH, PATH@train or PATH@heldout). Required, except with --with-reviews (default: the current model's data).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var dev = new Option<string[]>("--dev") { Description = "Dev TSV files measured after training and recorded in the manifest.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var models = new Option<string>("--models") { Description = "Models folder with embeddings/ and lexicon/.", DefaultValueFactory = _ => "models" };
        var outDir = new Option<string>("--out") { Description = "Model folder to write (default models/scorer/<version>).", };
        var version = new Option<string>("--version-name") { Description = "Model version name.", DefaultValueFactory = _ => "v1" };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => new LogisticRegressionOptions().Epochs };
        var lr = new Option<double>("--learning-rate") { Description = "Adagrad base step.", DefaultValueFactory = _ => new LogisticRegressionOptions().LearningRate };
        var l2Dense = new Option<double>("--l2-dense") { Description = "L2 penalty on dense weights.", DefaultValueFactory = _ => new LogisticRegressionOptions().L2Dense };
        var l2Hashed = new Option<double>("--l2-hashed") { Description = "L2 penalty on hashed lexical weights.", DefaultValueFactory = _ => new LogisticRegressionOptions().L2Hashed };
        var buckets = new Option<int>("--hash-buckets") { Description = "Size of the hashed lexical feature space.", DefaultValueFactory = _ => ScorerTraining.DefaultHashBuckets };
        var makeCurrent = new Option<bool>("--make-current") { Description = "Point models/scorer/CURRENT at the new folder." };
        var force = new Option<bool>("--force") { Description = "Replace an existing output folder." };
        var synthetic = new Option<string?>("--synthetic") { Description = "News articles (e.g. ../shared/data/bbc-news) to make synthetic in-domain pairs from (see SyntheticPairs); train side used for training, held-out side measured." };
        var modelType = new Option<string>("--model-type") { Description = "logistic, wide-deep (logistic + one hidden layer over the dense features) boosted (logistic + boosted trees over the dense features and the linear logits) or attention-mix (logistic + a decomposable attention model over the word vectors, mixed on the validation part); wide-deep, boosted and attention-mix are temperature-scaled on a validation part of the training data.", DefaultValueFactory = _ => ModelTypes.Logistic };
        var synSameSpeaker = new Option<int>("--synthetic-same-speaker") { Description = "With --synthetic: per claim, up to this many neutral pairs of it and another claim by the same speaker in the same article that pass the topic gate (round 29; 0 = none)." };
        var synRules = new Option<int>("--synthetic-rules") { Description = $"With --synthetic: the claim extractor's rule set that finds the claims ({ClaimExtractor.OldestRules}..{ClaimExtractor.LatestRules}; older sets remake older scorers' rows).", DefaultValueFactory = _ => ClaimExtractor.LatestRules };
        var synWeight = new Option<float>("--synthetic-weight") { Description = "Loss weight of a synthetic row relative to a labelled NLI row.", DefaultValueFactory = _ => new LogisticRegressionOptions().SyntheticWeight };
        var calibrate = new Option<bool>("--calibrate") { Description = "Logistic: fit on the training rows outside a fixed 15% validation part, then fit a temperature on that part (recorded in the manifest)." };
        var hidden = new Option<int>("--hidden") { Description = "Hidden units of a wide-deep model.", DefaultValueFactory = _ => new WideDeepOptions().Hidden };
        var rounds = new Option<int>("--rounds") { Description = "Boosted: at most this many boosting rounds (early stopping on the validation part keeps the best).", DefaultValueFactory = _ => new BoostedOptions().Rounds };
        var depth = new Option<int>("--depth") { Description = "Boosted: tree depth.", DefaultValueFactory = _ => new BoostedOptions().Depth };
        var shrink = new Option<double>("--shrinkage") { Description = "Boosted: each tree's step (learning rate of the trees).", DefaultValueFactory = _ => new BoostedOptions().LearningRate };
        var treeExclude = new Option<string[]>("--tree-exclude") { Description = "Boosted: dense feature names the trees never split on (the linear part still reads them).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var balance = new Option<double>("--class-balance") { Description = "0..1: weight each training set's rows by (rows / (3 x rows of their class))^B, so at 1 its three classes count the same (SICK and the synthetic rows lean neutral); 0 = off." };
        var featVersion = new Option<int>("--featurizer-version") { Description = $"Pair featurizer version to train on (1..{PairFeaturizer.Version}; older versions reproduce older models).", DefaultValueFactory = _ => PairFeaturizer.Version };
        var attHidden = new Option<int>("--attention-hidden") { Description = "Attention mix: hidden units of the decomposable attention model's F, G and H.", DefaultValueFactory = _ => new AttentionOptions().Hidden };
        var attEpochs = new Option<int>("--attention-epochs") { Description = "Attention mix: passes of the attention model over the fit rows.", DefaultValueFactory = _ => new AttentionOptions().Epochs };
        var attLr = new Option<double>("--attention-learning-rate") { Description = "Attention mix: Adam step of the attention model.", DefaultValueFactory = _ => new AttentionOptions().LearningRate };
        var attHuman = new Option<bool>("--attention-human-only") { Description = "Attention mix: train the attention part on the human-labelled rows only (not the synthetic ones)." };
        var attMean = new Option<bool>("--attention-mean") { Description = "Attention mix: aggregate the compared words by their mean instead of their sum." };
        var attStack = new Option<int>("--attention-stack") { Description = "Attention mix: K >= 2 stacks the attention logits as 3 inputs of the logistic part, cross-fitted over K folds (0 = mix them into its logits)." };
        var retrain = RetrainFromReviews.CreateOptions();
        var scorer = new Command("scorer", "Train the contradiction scorer (logistic regression over pair features).")
            { data, dev, models, outDir, version, seed, epochs, lr, l2Dense, l2Hashed, buckets, makeCurrent, force, synthetic, synSameSpeaker, synRules, modelType, hidden, calibrate, synWeight, featVersion, rounds, depth, shrink, treeExclude, balance, attHidden, attEpochs, attLr, attHuman, attMean, attStack };
        retrain.AddTo(scorer);
        scorer.SetAction(parse =>
        {
            if (parse.GetValue(retrain.WithReviews))
                return RetrainFromReviews.Run(parse, retrain, data, dev, models, version, seed, epochs, lr, l2Dense, l2Hashed);
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            List<DataSpec> trainSpecs, devSpecs;
            try
            {
                trainSpecs = parse.GetValue(data)!.Select(DataSpec.Parse).ToList();
                devSpecs = parse.GetValue(dev)!.Select(DataSpec.Parse).ToList();
            }
            catch (FormatException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }
            if (trainSpecs.Count == 0) { err.WriteLine("cnlp: --data is required (or pass --with-reviews --db FILE to retrain the current model from reviews)."); return ExitCodes.BadUsage; }
            var missing = trainSpecs.Concat(devSpecs).FirstOrDefault(s => !File.Exists(s.Path));
            if (missing is not null) { err.WriteLine($"cnlp: data file not found: {missing.Path}"); return ExitCodes.BadUsage; }
            var options = new LogisticRegressionOptions
            {
                Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs), LearningRate = parse.GetValue(lr),
                L2Dense = parse.GetValue(l2Dense), L2Hashed = parse.GetValue(l2Hashed), SyntheticWeight = parse.GetValue(synWeight),
                ClassBalance = parse.GetValue(balance),
            };
            try
            {
                options.Validate();
                if (parse.GetValue(treeExclude)!.FirstOrDefault(n => TreeInput(n, parse.GetValue(featVersion)) < 0) is { } unknown)
                { err.WriteLine($"cnlp: --tree-exclude '{unknown}' is neither a feature name of featurizer version {parse.GetValue(featVersion)} (see a scorer manifest's \"features\") nor linear_contradiction/linear_entailment/linear_neutral."); return ExitCodes.BadUsage; }
                if (parse.GetValue(featVersion) is < 1 or > PairFeaturizer.Version) { err.WriteLine($"cnlp: --featurizer-version must be 1..{PairFeaturizer.Version}."); return ExitCodes.BadUsage; }
                if (parse.GetValue(buckets) < 1) { err.WriteLine("cnlp: --hash-buckets must be at least 1."); return ExitCodes.BadUsage; }
                var catalog = ModelCatalog.Open(parse.GetValue(models)!);
                var name = parse.GetValue(version)!;
                var folder = parse.GetValue(outDir) ?? Path.Combine(catalog.ScorerDirectory, name);
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                SyntheticSet? syn = null;
                if (parse.GetValue(synthetic) is { } synDir)
                {
                    if (!Directory.Exists(synDir)) { err.WriteLine($"cnlp: --synthetic folder not found: {synDir}"); return ExitCodes.BadUsage; }
                    if (parse.GetValue(synSameSpeaker) < 0) { err.WriteLine("cnlp: --synthetic-same-speaker must be 0 or more."); return ExitCodes.BadUsage; }
                    if (parse.GetValue(synRules) is < ClaimExtractor.OldestRules or > ClaimExtractor.LatestRules)
                    { err.WriteLine($"cnlp: --synthetic-rules must be {ClaimExtractor.OldestRules}..{ClaimExtractor.LatestRules}."); return ExitCodes.BadUsage; }
                    syn = SyntheticPairs.FromFolder(new SyntheticOrigin(synDir, options.Seed, parse.GetValue(synSameSpeaker), parse.GetValue(synRules)), catalog);
                }
                var type = parse.GetValue(modelType);
                if (!ModelTypes.All.Contains(type)) { err.WriteLine($"cnlp: --model-type '{type}', expected one of {string.Join(", ", ModelTypes.All)}."); return ExitCodes.BadUsage; }
                var trained = type == ModelTypes.WideDeep
                    ? ScorerTraining.FitWideDeep(catalog, trainSpecs, devSpecs, new WideDeepOptions
                    {
                        Seed = options.Seed, Epochs = options.Epochs, LearningRate = options.LearningRate, L2Dense = options.L2Dense,
                        L2Hashed = options.L2Hashed, Hidden = parse.GetValue(hidden),
                    }, name, diagnostics, parse.GetValue(buckets), log: o, synthetic: syn)
                    : ScorerTraining.Fit(catalog, trainSpecs, devSpecs, options, name, diagnostics, parse.GetValue(buckets), log: o, synthetic: syn,
                        calibrate: parse.GetValue(calibrate), featurizerVersion: parse.GetValue(featVersion),
                        boosted: type == ModelTypes.Boosted
                            ? new BoostedOptions { Rounds = parse.GetValue(rounds), Depth = parse.GetValue(depth), LearningRate = parse.GetValue(shrink),
                                TreeExcluded = [.. parse.GetValue(treeExclude)!.Select(n => TreeInput(n, parse.GetValue(featVersion)))] }
                            : null,
                        attention: type == ModelTypes.AttentionMix
                            ? new AttentionOptions { Hidden = parse.GetValue(attHidden), Epochs = parse.GetValue(attEpochs), LearningRate = parse.GetValue(attLr), HumanRowsOnly = parse.GetValue(attHuman), MeanAggregate = parse.GetValue(attMean), StackFolds = parse.GetValue(attStack) }
                            : null);
                ScorerTraining.Save(trained, folder, parse.GetValue(force));
                if (parse.GetValue(makeCurrent))
                    ScorerTraining.MakeCurrent(Path.GetDirectoryName(Path.GetFullPath(folder))!, Path.GetFileName(Path.GetFullPath(folder)));
                o.WriteLine($"saved {folder} (trained in {trained.Manifest.TrainingSeconds:0.0} s on {trained.Manifest.Data.Sum(d => d.Rows)} pairs)");
                return diagnostics.AnySkipped ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
            }
            catch (ArgumentOutOfRangeException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }
            catch (Exception ex) when (ex is ModelFormatException or IOException)
            {
                err.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        train.Subcommands.Add(scorer);
        return train;
    }

    /// <summary>A boosted model's tree input by name: a dense feature, or "linear_" + a label for the linear logit (after the dense ones); -1 if unknown.</summary>
    private static int TreeInput(string name, int featurizerVersion)
    {
        if (featurizerVersion < 1 || featurizerVersion > PairFeaturizer.Version) return -1;
        var names = PairFeaturizer.FeatureNamesFor(featurizerVersion);
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        var label = Array.IndexOf(LogisticModel.Labels, name.StartsWith("linear_", StringComparison.Ordinal) ? name["linear_".Length..] : "");
        return label < 0 ? -1 : names.Count + label;
    }
}
