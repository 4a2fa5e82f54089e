using ContradictionNlp.Cli;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>cnlp eval sobriety, cnlp bench scorer and cnlp eval scorer --plot through the CLI.</summary>
public class ScorerToolCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CnlpApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Missing_folders_and_bad_counts_are_bad_usage_with_a_message()
    {
        var (code, _, err) = Run("eval", "sobriety", "--polnear", "/nonexistent/polnear");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("cnlp: '/nonexistent/polnear' not found: expected a folder of .txt articles or a PolNeAR split with text/.", err.Trim());
        (code, _, err) = Run("eval", "sobriety", "--polnear", ".", "--pairs", "-1");
        Assert.Equal((ExitCodes.BadUsage, "cnlp: --pairs and --top must be >= 0."), (code, err.Trim()));
        (code, _, err) = Run("bench", "scorer", "--corpus", "/nonexistent/bbc");
        Assert.Equal((ExitCodes.BadUsage, "cnlp: corpus folder not found: /nonexistent/bbc"), (code, err.Trim()));
    }

    [Fact]
    public void Sobriety_on_the_samples_reports_counts_and_flags_only_planted_pairs()
    {
        using var dir = new ContradictionNlp.Tests.Store.TempDir();
        // The samples' .txt articles (the .jsonl/.html ones are not plain text) in a flat folder.
        foreach (var f in Directory.EnumerateFiles(TestPaths.Repo("data", "samples"), "*.txt"))
            File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        var (code, output, _) = Run("eval", "sobriety", "--polnear", dir.Path, "--pairs", "1000", "--models", TestPaths.Repo("models"), "--json");
        Assert.Equal(ExitCodes.Ok, code);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        var sampled = json.GetProperty("sampled").GetInt32();
        Assert.Equal(json.GetProperty("population_pairs").GetInt64(), sampled); // fewer pairs than asked: all of them
        // Among the .txt samples the planted contradiction is Whitfield's taxes pair; nothing else is flagged.
        Assert.Equal(1, json.GetProperty("flagged").GetInt32());
        var top = json.GetProperty("top")[0];
        Assert.Contains("property taxes", top.GetProperty("a").GetString() + top.GetProperty("b").GetString());
    }

    [Fact]
    public void Eval_scorer_plot_writes_an_svg_curve()
    {
        if (!TestPaths.HasShared("data", "sick", "trial.tsv.gz")) return; // ../shared absent: nothing to plot
        using var dir = new ContradictionNlp.Tests.Store.TempDir();
        var svg = Path.Combine(dir.Path, "pr.svg");
        var (code, _, _) = Run("eval", "scorer", "--data", TestPaths.SharedData("sick", "trial.tsv.gz"), "--models", TestPaths.Repo("models"), "--plot", svg);
        Assert.Equal(ExitCodes.Ok, code);
        var doc = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("contradiction P-R", File.ReadAllText(svg));
    }
}
