using System.CommandLine;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp train scorer --with-reviews --db FILE [--review-weight W] [--holdout-share S] [--margin M] [--sobriety-corpus DIR]
/// [--sobriety-margin M] [--sobriety-relative-margin R] [--min-agreement A]</c>:
/// retrain the current scorer on its base data plus the store's reviewed pairs, compare, and promote
/// only when the comparison allows (see <see cref="ModelPromotion"/>). Exit 0 whether promoted or kept
/// as a candidate (the output says which and why); 1 when nothing could be trained; 2 for bad usage.
/// </summary>
internal static class RetrainFromReviews
{
    internal sealed record Options(Option<bool> WithReviews, Option<string> Db, Option<double> ReviewWeight, Option<double> HoldoutShare, Option<double> Margin,
        Option<string?> SobrietyCorpus, Option<double> SobrietyMargin, Option<double> SobrietyRelativeMargin, Option<double> MinAgreement)
    {
        public void AddTo(Command command)
        {
            command.Options.Add(WithReviews);
            command.Options.Add(Db);
            command.Options.Add(ReviewWeight);
            command.Options.Add(HoldoutShare);
            command.Options.Add(Margin);
            command.Options.Add(SobrietyCorpus);
            command.Options.Add(SobrietyMargin);
            command.Options.Add(SobrietyRelativeMargin);
            command.Options.Add(MinAgreement);
        }
    }

    public static Options CreateOptions()
    {
        var defaults = new ReviewTrainingOptions();
        return new Options(
            new Option<bool>("--with-reviews") { Description = "Retrain the current scorer on its base data plus the reviewed pairs in --db; promote only if it compares well." },
            CommonOptions.Db(),
            new Option<double>("--review-weight") { Description = $"Loss weight of one reviewed pair relative to one NLI row (default {defaults.ReviewWeight}).", DefaultValueFactory = _ => defaults.ReviewWeight, HelpName = "W" },
            new Option<double>("--holdout-share") { Description = $"Share of reviewed pairs held out for the comparison, fixed per pair (default {defaults.HoldoutShare}).", DefaultValueFactory = _ => defaults.HoldoutShare, HelpName = "S" },
            new Option<double>("--margin") { Description = $"Accuracy the new model may lose on each base dev set and still be promoted (default {defaults.Margin}).", DefaultValueFactory = _ => defaults.Margin, HelpName = "M" },
            new Option<string?>("--sobriety-corpus") { Description = $"Folder of .txt news articles (a PolNeAR split) whose same-speaker cross-article claim pairs the new model may not flag more often than the current one (default {SobrietySample.DefaultCorpus} if found, else the store's claims).", HelpName = "DIR" },
            new Option<double>("--sobriety-margin") { Description = $"Absolute rise in the share of sobriety pairs flagged that is still allowed (default {defaults.SobrietyMargin}).", DefaultValueFactory = _ => defaults.SobrietyMargin, HelpName = "M" },
            new Option<double>("--sobriety-relative-margin") { Description = $"Rise allowed relative to the current model's flagged share; the larger of the two margins applies (default {defaults.SobrietyRelativeMargin}).", DefaultValueFactory = _ => defaults.SobrietyRelativeMargin, HelpName = "R" },
            new Option<double>("--min-agreement") { Description = $"Least share of the reviewed pairs the current model scores confidently (P > {defaults.AgreementConfidence}) on which the reviews must agree with it; 0 turns the check off (default {defaults.MinAgreement}).", DefaultValueFactory = _ => defaults.MinAgreement, HelpName = "A" });
    }

    public static int Run(ParseResult parse, Options r, Option<string[]> data, Option<string[]> dev, Option<string> models, Option<string> version,
        Option<int> seed, Option<int> epochs, Option<double> lr, Option<double> l2Dense, Option<double> l2Hashed)
    {
        var o = parse.InvocationConfiguration.Output;
        var err = parse.InvocationConfiguration.Error;
        var env = CliEnvironment.Current;
        var reviewOptions = new ReviewTrainingOptions
        {
            ReviewWeight = parse.GetValue(r.ReviewWeight), HoldoutShare = parse.GetValue(r.HoldoutShare), Margin = parse.GetValue(r.Margin),
            SobrietyMargin = parse.GetValue(r.SobrietyMargin), SobrietyRelativeMargin = parse.GetValue(r.SobrietyRelativeMargin),
            MinAgreement = parse.GetValue(r.MinAgreement),
        };
        var options = new LogisticRegressionOptions
        {
            Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs), LearningRate = parse.GetValue(lr),
            L2Dense = parse.GetValue(l2Dense), L2Hashed = parse.GetValue(l2Hashed),
        };
        try { reviewOptions.Validate(); options.Validate(); }
        catch (ArgumentOutOfRangeException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }

        // New versions go where the user's models live (--models, $CNLP_MODELS, or the nearest models/).
        var explicitModels = parse.GetResult(models) is { Implicit: false } ? parse.GetValue(models) : null;
        var modelsDir = ModelsLocator.Find(explicitModels, env, out var notFound);
        if (modelsDir is null) { err.WriteLine($"cnlp: {notFound}"); return ExitCodes.Failure; }
        var dbPath = CommonOptions.DbPath(parse.GetValue(r.Db)!, env);
        try
        {
            var catalog = ModelCatalog.Open(modelsDir);
            var currentManifest = ManifestJson.Read<ScorerManifest>(Path.Combine(catalog.CurrentScorerDirectory(), "manifest.json"), ScorerManifest.KindName);
            var fromManifest = ModelPromotion.BaseDataOf(currentManifest, [env.CurrentDirectory, Path.GetDirectoryName(catalog.Directory)!]);
            List<DataSpec> trainSpecs, devSpecs;
            int givenTrainCount;
            try
            {
                var givenTrain = parse.GetValue(data)!;
                givenTrainCount = givenTrain.Length;
                var givenDev = parse.GetValue(dev)!;
                trainSpecs = givenTrain.Length > 0 ? givenTrain.Select(s => Resolve(DataSpec.Parse(s), env)).ToList() : fromManifest.Train;
                devSpecs = givenDev.Length > 0 ? givenDev.Select(s => Resolve(DataSpec.Parse(s), env)).ToList() : fromManifest.Dev;
            }
            catch (FormatException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }
            var missing = trainSpecs.Concat(devSpecs).FirstOrDefault(s => !File.Exists(s.Path));
            if (missing is not null)
            {
                err.WriteLine($"cnlp: data file not found: {missing.Path} (the base data of the current model, or --data/--dev). Pass --data and --dev to choose others.");
                return ExitCodes.BadUsage;
            }

            using var store = CommonOptions.OpenStore(dbPath, err, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var reviews = store.LatestReviews();
            var diagnostics = new DiagnosticBag();
            diagnostics.Reported += d => err.WriteLine(d.ToString());
            var givenVersion = parse.GetResult(version) is { Implicit: false } ? parse.GetValue(version) : null;
            // Without --data the base is the current model's, synthetic rows included (rebuilt from their folder and seed).
            var synthetic = givenTrainCount == 0 && fromManifest.Synthetic is { } syn
                ? SyntheticPairs.FromFolder(syn, catalog) : null;
            // The sobriety sample: the given corpus, else PolNeAR dev where the base data usually lives, else the store's claims.
            SobrietySample sobriety;
            if (parse.GetValue(r.SobrietyCorpus) is { } corpus)
            {
                var dir = Path.GetFullPath(corpus, env.CurrentDirectory);
                if (!Directory.Exists(dir)) { err.WriteLine($"cnlp: --sobriety-corpus: folder not found: {dir}"); return ExitCodes.BadUsage; }
                sobriety = SobrietySample.FromFolder(dir);
            }
            else if (new[] { env.CurrentDirectory, Path.GetDirectoryName(catalog.Directory)! }
                         .Select(d => Path.GetFullPath(SobrietySample.DefaultCorpus, d)).FirstOrDefault(Directory.Exists) is { } found)
                sobriety = SobrietySample.FromFolder(found);
            else sobriety = SobrietySample.FromClaims(store.ListClaims(), dbPath);
            var outcome = ModelPromotion.Retrain(catalog, reviews, dbPath, trainSpecs, devSpecs, options, reviewOptions, diagnostics, givenVersion, log: o,
                synthetic: synthetic, sobrietySample: sobriety);
            foreach (var line in outcome.Record.Reasons) o.WriteLine("  " + line);
            if (outcome.Promoted)
                o.WriteLine($"promoted {outcome.Version}: {outcome.Folder} is now current (was {outcome.Record.Baseline}). Run 'cnlp rescore --db {dbPath}' to re-score stored pairs.");
            else
                o.WriteLine($"kept {outcome.Version} as a candidate in {outcome.Folder}: it compared worse than {outcome.Record.Baseline} (lines marked WORSE); current is still {outcome.Record.Baseline}. 'cnlp models use {outcome.Version}' switches anyway.");
            return diagnostics.AnySkipped ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
        }
        catch (RetrainException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.Failure; }
        catch (Exception ex) when (ex is ModelFormatException or IOException or StoreException)
        {
            err.WriteLine($"cnlp: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static DataSpec Resolve(DataSpec spec, CliEnvironment env) => spec with { Path = Path.GetFullPath(spec.Path, env.CurrentDirectory) };
}
