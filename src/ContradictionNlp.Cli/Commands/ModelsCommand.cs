using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp models list [--json]</c> shows the scorer versions with their dev metrics and which is current;
/// <c>cnlp models use VERSION</c> makes another version current (rollback), atomically.
/// </summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var models = new Command("models", "List scorer versions and switch between them.");
        models.Subcommands.Add(CreateList());
        models.Subcommands.Add(CreateUse());
        return models;
    }

    private static Option<string?> ModelsOption() => new("--models")
    {
        Description = $"Models directory. Default: ${ModelsLocator.EnvironmentVariable}, else the nearest models/ folder above the working directory, then above the executable.",
        HelpName = "DIR",
    };

    private static Command CreateList()
    {
        var json = CommonOptions.Json();
        var modelsOption = ModelsOption();
        var cmd = new Command("list", "Scorer versions under models/scorer/, their metrics on each dev set, and which is current.") { json, modelsOption };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var catalog = OpenCatalog(parse.GetValue(modelsOption), err);
            if (catalog is null) return ExitCodes.Failure;
            var versions = ModelVersions.List(catalog);
            if (parse.GetValue(json)) o.WriteLine(ToJson(versions));
            else Print(o, catalog, versions);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command CreateUse()
    {
        var version = new Argument<string>("VERSION") { Description = "The scorer folder to make current, e.g. v1." };
        var modelsOption = ModelsOption();
        var cmd = new Command("use", "Make VERSION the current scorer (checked first; CURRENT is replaced atomically).") { version, modelsOption };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var catalog = OpenCatalog(parse.GetValue(modelsOption), err);
            if (catalog is null) return ExitCodes.Failure;
            var name = parse.GetValue(version)!;
            string? previous = null;
            try { previous = Path.GetFileName(catalog.CurrentScorerDirectory()); } catch (ModelFormatException) { }
            try { ModelVersions.Use(catalog, name); }
            catch (Exception ex) when (ex is ModelFormatException or IOException)
            {
                err.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
            o.WriteLine($"current scorer: {name} (was {previous ?? "none"}). Run 'cnlp rescore' to re-score stored pairs with it.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static ModelCatalog? OpenCatalog(string? option, TextWriter err)
    {
        var dir = ModelsLocator.Find(option, CliEnvironment.Current, out var notFound);
        if (dir is null) { err.WriteLine($"cnlp: {notFound}"); return null; }
        try { return ModelCatalog.Open(dir); }
        catch (ModelFormatException ex) { err.WriteLine($"cnlp: {ex.Message}"); return null; }
    }

    private static void Print(TextWriter o, ModelCatalog catalog, IReadOnlyList<ModelVersionInfo> versions)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"scorer versions in {catalog.ScorerDirectory}:");
        if (versions.Count == 0) o.WriteLine("  none");
        foreach (var v in versions)
        {
            var status = v.IsCurrent ? "current" : v.Promotion is { Promoted: false } ? "candidate (not promoted)" : "";
            o.WriteLine($"{(v.IsCurrent ? "*" : " ")} {v.Name,-8} {status}");
            if (v.Error is not null) { o.WriteLine($"    unreadable: {v.Error}"); continue; }
            var m = v.Manifest!;
            o.WriteLine(string.Create(inv, $"    trained on {m.Data.Sum(d => d.Rows)} rows from {m.Data.Count} source(s) in {m.TrainingSeconds:0.0} s"));
            foreach (var d in m.Dev)
                o.WriteLine(string.Create(inv, $"    {d.Data}: n={d.N} accuracy {d.Accuracy:0.0000} contradiction F1 {d.ContradictionF1:0.0000}"));
            if (v.Promotion is { } p)
                o.WriteLine($"    compared with {p.Baseline}: {(p.Promoted ? "promoted" : "refused")} ({p.TrainReviews} reviews trained, {p.HeldOutReviews} held out)");
        }
    }

    /// <summary><c>[{"name","current","error","rows","dev":[{"data","n","accuracy","contradiction_f1"}],"promotion":{"baseline","promoted","reasons"}}]</c>, indented; absent parts are null.</summary>
    public static string ToJson(IReadOnlyList<ModelVersionInfo> versions) => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (var v in versions)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            w.WriteBoolean("current", v.IsCurrent);
            w.WriteString("error", v.Error);
            if (v.Manifest is { } m) w.WriteNumber("rows", m.Data.Sum(d => d.Rows)); else w.WriteNull("rows");
            if (v.Manifest is { } dm)
            {
                w.WriteStartArray("dev");
                foreach (var d in dm.Dev)
                {
                    w.WriteStartObject();
                    w.WriteString("data", d.Data);
                    w.WriteNumber("n", d.N);
                    w.WriteNumber("accuracy", d.Accuracy);
                    w.WriteNumber("contradiction_f1", d.ContradictionF1);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            else w.WriteNull("dev");
            if (v.Promotion is { } p)
            {
                w.WriteStartObject("promotion");
                w.WriteString("baseline", p.Baseline);
                w.WriteBoolean("promoted", p.Promoted);
                w.WriteStartArray("reasons");
                foreach (var reason in p.Reasons) w.WriteStringValue(reason);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else w.WriteNull("promotion");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }, indented: true);
}
