using ContradictionNlp.Cli;

namespace ContradictionNlp.Tests.Scoring;

public class ScorerCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CnlpApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Eval_json_reports_n_and_exit_3_when_rows_were_skipped()
    {
        var tsv = Path.Combine(Path.GetTempPath(), $"cnlp-eval-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllLines(tsv,
            [
                "id\tpremise\thypothesis\tlabel\tsource",
                "1\tBelarus will send troops\tBelarus will not send troops\tcontradiction\tt",
                "2\tTwo dogs run in a field\tTwo dogs run in a field\tentailment\tt",
                "3\tbroken row\tcontradiction\tt",
            ]);
            var (code, output, err) = Run("eval", "scorer", "--data", tsv, "--models", TestPaths.Repo("models"), "--json");
            Assert.Equal(ExitCodes.FinishedWithSkips, code);
            Assert.StartsWith("{\"n\":2,\"accuracy\":", output);
            Assert.Contains($"{tsv}:4: error: expected 5 tab-separated fields, found 4; row skipped", err);
        }
        finally { File.Delete(tsv); }
    }

    [Fact]
    public void Missing_data_file_and_bad_split_are_bad_usage()
    {
        Assert.Equal(ExitCodes.BadUsage, Run("eval", "scorer", "--data", "/nonexistent/x.tsv").Code);
        var (code, _, err) = Run("train", "scorer", "--data", "x.tsv@dev");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("cnlp: Unknown split '@dev' in 'x.tsv@dev': expected @train, @heldout or @all.", err.Trim());
    }

    [Fact]
    public void Unknown_tree_input_and_featurizer_version_are_bad_usage()
    {
        var tsv = Path.Combine(Path.GetTempPath(), $"cnlp-train-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllLines(tsv, ["id\tpremise\thypothesis\tlabel\tsource", "1\tA man sings\tA man does not sing\tcontradiction\tt"]);
            var (code, _, err) = Run("train", "scorer", "--data", tsv, "--model-type", "boosted", "--tree-exclude", "log_len_p", "no_such_feature");
            Assert.Equal(ExitCodes.BadUsage, code);
            Assert.Equal("cnlp: --tree-exclude 'no_such_feature' is neither a feature name of featurizer version 7 (see a scorer manifest's \"features\") nor linear_contradiction/linear_entailment/linear_neutral.", err.Trim());
            // A version-4 feature does not exist for a version-3 model.
            (code, _, err) = Run("train", "scorer", "--data", tsv, "--model-type", "boosted", "--featurizer-version", "3", "--tree-exclude", "role_swap");
            Assert.Equal(ExitCodes.BadUsage, code);
            Assert.StartsWith("cnlp: --tree-exclude 'role_swap' is neither a feature name of featurizer version 3", err.Trim());
            (code, _, err) = Run("train", "scorer", "--data", tsv, "--featurizer-version", "8");
            Assert.Equal(ExitCodes.BadUsage, code);
            Assert.Equal("cnlp: --featurizer-version must be 1..7.", err.Trim());
            (code, _, err) = Run("train", "scorer", "--data", tsv, "--class-balance", "2");
            Assert.Equal(ExitCodes.BadUsage, code);
            Assert.StartsWith("cnlp: ClassBalance must be in 0..1.", err.Trim());
        }
        finally { File.Delete(tsv); }
    }

    [Fact]
    public void Shipped_model_figures_on_sick_trial_match_its_manifest()
    {
        if (!TestPaths.HasShared("data", "sick", "trial.tsv.gz")) return; // ../shared absent: nothing to measure
        var (code, output, _) = Run("eval", "scorer", "--data", TestPaths.SharedData("sick", "trial.tsv.gz"), "--models", TestPaths.Repo("models"), "--json");
        Assert.Equal(ExitCodes.Ok, code);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestPaths.Repo("models", "scorer", File.ReadAllText(TestPaths.Repo("models", "scorer", "CURRENT")).Trim(), "manifest.json")))!;
        var dev = manifest["dev"]!.AsArray().Single(d => d!["data"]!.GetValue<string>().EndsWith("sick/trial.tsv.gz", StringComparison.Ordinal))!;
        Assert.Contains($"\"accuracy\":{dev["accuracy"]!.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture)},", output);
    }
}
