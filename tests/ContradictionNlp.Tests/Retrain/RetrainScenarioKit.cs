using ContradictionNlp.Cli;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Cli;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>
/// The reviews scenario (data/reviews-scenario): a temp copy of models/, the scenario articles analyzed
/// into a temp store with the real stages, reviews applied through <see cref="ClaimStore.AddReview"/>
/// (the call the review UI makes), and cnlp run in-process. The copy is pinned to scorer v1 (other
/// shipped versions removed, CURRENT = v1): v1 is trained on SICK + SNLI alone, so retraining it with
/// reviews takes seconds, while v2 adds ~18k synthetic rows rebuilt from the BBC corpus.
/// </summary>
public sealed class RetrainScenarioKit : IDisposable
{
    public static string ScenarioDir => TestPaths.Repo("data", "reviews-scenario");
    public static string SickTrain => TestPaths.SharedData("sick", "train.tsv.gz");
    public static string SickTrial => TestPaths.SharedData("sick", "trial.tsv.gz");
    public static string SnliDev => TestPaths.SharedData("snli", "dev.tsv.gz");
    public static string PolnearDev => TestPaths.SharedData("polnear", "dev");
    public static bool HasData => File.Exists(SickTrain) && File.Exists(SickTrial) && File.Exists(SnliDev) && Directory.Exists(PolnearDev);

    public TempDir Dir { get; } = new();
    public string Models { get; }
    public string Db { get; }

    public RetrainScenarioKit()
    {
        Models = Dir.File("models");
        CopyDirectory(TestPaths.Repo("models"), Models);
        var scorer = Path.Combine(Models, "scorer");
        foreach (var shipped in Directory.GetDirectories(scorer).Where(d => Path.GetFileName(d) != "v1"))
            Directory.Delete(shipped, recursive: true);
        ModelVersions.WriteCurrent(scorer, "v1");
        Db = Dir.File("store.db");
    }

    public void Dispose() => Dir.Dispose();

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public ModelCatalog Catalog() => ModelCatalog.Open(Models);

    /// <summary>Analyzes the scenario articles into the store with the current scorer.</summary>
    public PipelineSummary Analyze()
    {
        var catalog = Catalog();
        var stages = PipelineStages.Create(catalog.LoadEmbedder(), catalog.LoadScorer());
        var diagnostics = new DiagnosticBag();
        var articles = new ArticleLoader().Load([Path.Combine(ScenarioDir, "articles")], diagnostics, null).ToList();
        using var store = ClaimStore.Open(Db);
        return new AnalysisPipeline(store, stages).Run(articles, diagnostics);
    }

    /// <summary>The stored pair whose claims contain <paramref name="a"/> and <paramref name="b"/> (in either order).</summary>
    public static StoredPair FindPair(ClaimStore store, string a, string b)
    {
        var hits = store.ListPairs(0).Where(p =>
            (p.A.Claim.ContentText.Contains(a, StringComparison.Ordinal) && p.B.Claim.ContentText.Contains(b, StringComparison.Ordinal)) ||
            (p.A.Claim.ContentText.Contains(b, StringComparison.Ordinal) && p.B.Claim.ContentText.Contains(a, StringComparison.Ordinal))).ToList();
        Assert.True(hits.Count == 1, $"expected exactly one pair with '{a}' and '{b}', found {hits.Count}");
        return hits[0];
    }

    /// <summary>
    /// Applies a reviews TSV (<c>a_contains b_contains verdict note</c>, rows in the order reviewed) through
    /// <see cref="ClaimStore.AddReview"/>. <paramref name="relabel"/> may replace each verdict (the guard test).
    /// </summary>
    public int ApplyReviews(string tsv, Func<string, string>? relabel = null)
    {
        using var store = ClaimStore.Open(Db);
        var n = 0;
        foreach (var line in File.ReadLines(tsv).Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            var pair = FindPair(store, f[0], f[1]);
            store.AddReview(pair.Id, relabel is null ? f[2] : relabel(f[2]), "scenario", f.Length > 3 && f[3].Length > 0 ? f[3] : null);
            n++;
        }
        return n;
    }

    public double PairScore(string a, string b)
    {
        using var store = ClaimStore.Open(Db);
        return FindPair(store, a, b).Score.Contradiction;
    }

    public (int Code, string Out, string Err) Cnlp(params string[] args)
    {
        var env = new CliEnvironment
        {
            CurrentDirectory = Dir.Path,
            ExecutableDirectory = Dir.File("bin"),
            GetEnvironmentVariable = _ => null,
            Stdin = null,
        };
        return CliRun.Run(env, args);
    }

    public string CurrentVersion() => File.ReadAllText(Path.Combine(Models, "scorer", "CURRENT")).Trim();
}
