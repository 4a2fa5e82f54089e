using System.Text.Json;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>
/// models list / use on the kit's temp copy of models/ (pinned to v1) plus a second version that is a
/// copy of v1 renamed v2, so the tests do not depend on which versions the repository ships.
/// </summary>
public class ModelVersionsTests : IDisposable
{
    private readonly RetrainScenarioKit _kit = new();
    private string Scorer => Path.Combine(_kit.Models, "scorer");

    public ModelVersionsTests() => RetrainScenarioKit.CopyDirectory(Path.Combine(Scorer, "v1"), Path.Combine(Scorer, "v2"));

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void List_shows_versions_in_order_with_current_marked()
    {
        Directory.CreateDirectory(Path.Combine(Scorer, ".v3.tmp-12")); // a half-written save is not a version
        var versions = ModelVersions.List(_kit.Catalog());
        Assert.Equal([("v1", true), ("v2", false)], versions.Select(v => (v.Name, v.IsCurrent)).ToArray());
        Assert.Equal("v3", ModelVersions.NextVersionName(_kit.Catalog()));

        var (code, json, _) = _kit.Cnlp("models", "list", "--json", "--models", _kit.Models);
        Assert.Equal(0, code);
        var doc = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["v1", "v2"], doc.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray());
        Assert.True(doc[0].GetProperty("current").GetBoolean());
        // Metrics come from the manifest: v1's SICK trial accuracy as recorded there.
        var manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(Scorer, "v1", "manifest.json"), ScorerManifest.KindName);
        Assert.Equal(manifest.Dev[0].Accuracy, doc[0].GetProperty("dev")[0].GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void Use_switches_current_and_refuses_unknown_or_broken_versions()
    {
        var (code, output, _) = _kit.Cnlp("models", "use", "v2", "--models", _kit.Models);
        Assert.Equal(0, code);
        Assert.Equal("v2", _kit.CurrentVersion());
        Assert.DoesNotContain(Directory.GetFiles(Scorer), f => f.Contains(".tmp"));

        (code, _, var err) = _kit.Cnlp("models", "use", "v7", "--models", _kit.Models);
        Assert.Equal(1, code);
        Assert.Equal($"cnlp: No scorer version 'v7' in {Scorer} (found: v1, v2).{Environment.NewLine}", err);

        // A version whose weights no longer match its manifest is never made current.
        File.WriteAllBytes(Path.Combine(Scorer, "v1", "weights.bin"), [1, 2, 3]);
        (code, _, err) = _kit.Cnlp("models", "use", "v1", "--models", _kit.Models);
        Assert.Equal(1, code);
        Assert.Contains("weights.bin: sha256", err);
        Assert.Equal("v2", _kit.CurrentVersion());

        (code, _, err) = _kit.Cnlp("models", "use", "../v2", "--models", _kit.Models);
        Assert.Equal(1, code);
        Assert.StartsWith("cnlp: '../v2' is not a version name", err);
    }

    [Fact]
    public void Retrain_without_reviews_fails_before_writing_anything()
    {
        using (var store = ContradictionNlp.Store.ClaimStore.Open(_kit.Db)) { }
        var data = _kit.Dir.Write("tiny.tsv", "id\tpremise\thypothesis\tlabel\tsource\n1\ta dog runs\ta dog runs\tentailment\tt\n");
        var (code, _, err) = _kit.Cnlp("train", "scorer", "--with-reviews", "--db", _kit.Db, "--models", _kit.Models, "--data", data, "--dev", data);
        Assert.Equal(1, code);
        Assert.StartsWith($"cnlp: No reviewed pair to train on in {_kit.Db}: 0 reviewed pair(s)", err);
        Assert.False(Directory.Exists(Path.Combine(Scorer, "v3")));
        Assert.Equal("v1", _kit.CurrentVersion());
    }

    [Fact]
    public void Rescore_needs_an_existing_store()
    {
        var (code, _, err) = _kit.Cnlp("rescore", "--db", _kit.Dir.File("missing.db"), "--models", _kit.Models);
        Assert.Equal(1, code);
        Assert.StartsWith("cnlp: no store at", err);
    }
}
