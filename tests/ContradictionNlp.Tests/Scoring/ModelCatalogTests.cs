using System.Text.Json.Nodes;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>Each test works on a copy of models/ in a temp folder and breaks one thing.</summary>
public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"cnlp-models-{Guid.NewGuid():N}");

    public ModelCatalogTests()
    {
        var src = TestPaths.Repo("models");
        foreach (var file in Directory.GetFiles(src, "*", SearchOption.AllDirectories))
        {
            var dst = Path.Combine(_dir, Path.GetRelativePath(src, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(file, dst);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CurrentScorer => Path.Combine(_dir, "scorer", File.ReadAllText(Path.Combine(_dir, "scorer", "CURRENT")).Trim());

    [Fact]
    public void Intact_copy_loads_embedder_and_scorer()
    {
        var catalog = ModelCatalog.Open(_dir);
        Assert.StartsWith("sif-v1/glove-6b-100d-q8:", catalog.LoadEmbedder().ModelId);
        Assert.Equal(100, catalog.LoadEmbedder().Dimension);
        Assert.False(string.IsNullOrEmpty(catalog.LoadScorer().ModelVersion));
    }

    [Fact]
    public void Missing_scorer_manifest_is_refused()
    {
        var manifest = Path.Combine(CurrentScorer, "manifest.json");
        File.Delete(manifest);
        var ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.Equal($"{manifest} is missing: expected a contradiction-scorer manifest.json beside the model files.", ex.Message);
    }

    [Fact]
    public void Other_format_version_is_refused()
    {
        var manifest = Path.Combine(CurrentScorer, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["format_version"] = 3;
        File.WriteAllText(manifest, json.ToJsonString());
        var ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.Equal($"{manifest}: format_version 3, expected 1 to 2 (a newer cnlp wrote it, or the file is damaged).", ex.Message);
    }

    [Fact]
    public void Unknown_model_type_is_refused_and_format_1_cannot_name_wide_deep()
    {
        var manifest = Path.Combine(CurrentScorer, "manifest.json");
        var original = File.ReadAllText(manifest);
        var json = JsonNode.Parse(original)!;
        json["format_version"] = 2;
        json["model_type"] = "forest";
        File.WriteAllText(manifest, json.ToJsonString());
        var ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.Equal($"{manifest}: unknown model_type 'forest', expected one of logistic, wide-deep, boosted, attention-mix; a newer cnlp may be needed.", ex.Message);

        json["format_version"] = 1;
        json["model_type"] = "wide-deep";
        File.WriteAllText(manifest, json.ToJsonString());
        ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.Equal($"{manifest}: model_type 'wide-deep' in a format_version 1 manifest, which only holds 'logistic' models.", ex.Message);

        // Format 2 saying logistic loads the same logistic weights as the format 1 file.
        json["format_version"] = 2;
        json["model_type"] = "logistic";
        File.WriteAllText(manifest, json.ToJsonString());
        var scorer = ModelCatalog.Open(_dir).LoadScorer(CurrentScorer);
        Assert.Equal(ModelTypes.Logistic, scorer.ModelType);
        Assert.NotNull(scorer.Model);
        Assert.Null(scorer.DeepModel);
    }

    [Fact]
    public void Logistic_manifest_pointing_at_wide_deep_weights_is_refused()
    {
        var folder = CurrentScorer;
        var weights = Path.Combine(folder, "weights.bin");
        var deep = new WideDeepModel(2, 4, 1, 1f, [0, 0], [1, 1], new float[3 * 7], [1, 1], [0], [1, 0, 0]).ToBytes();
        File.WriteAllBytes(weights, deep);
        var manifest = Path.Combine(folder, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["weights_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(deep));
        File.WriteAllText(manifest, json.ToJsonString());
        var ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.Equal($"{weights}: not a scorer weights file (expected magic 'CNLPLR' at offset 0).", ex.Message);
    }

    [Fact]
    public void Changed_weights_are_refused()
    {
        var weights = Path.Combine(CurrentScorer, "weights.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 1;
        File.WriteAllBytes(weights, bytes);
        var ex = Assert.Throws<ModelFormatException>(() => ModelCatalog.Open(_dir).LoadScorer());
        Assert.StartsWith($"{weights}: sha256 ", ex.Message);
        Assert.EndsWith("from manifest.json (file changed or half-written).", ex.Message);
    }

    [Fact]
    public void Scorer_trained_with_other_vectors_is_refused()
    {
        var manifest = Path.Combine(CurrentScorer, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["embedder"] = "sif-v1/glove-6b-100d-q8:000000000000";
        File.WriteAllText(manifest, json.ToJsonString());
        var catalog = ModelCatalog.Open(_dir);
        var ex = Assert.Throws<ModelFormatException>(() => catalog.LoadScorer());
        Assert.Equal($"{manifest}: trained with embedder 'sif-v1/glove-6b-100d-q8:000000000000', expected '{catalog.LoadEmbedder().ModelId}' (models/embeddings); retrain or restore the matching vectors.", ex.Message);
    }

    [Fact]
    public void Missing_vectors_manifest_and_missing_current_are_refused()
    {
        File.Delete(Path.Combine(_dir, "embeddings", "manifest.json"));
        File.Delete(Path.Combine(_dir, "scorer", "CURRENT"));
        var catalog = ModelCatalog.Open(_dir);
        var ex = Assert.Throws<ModelFormatException>(() => catalog.LoadEmbedder());
        Assert.Equal($"{Path.Combine(_dir, "embeddings", "manifest.json")} is missing: expected a word-vectors manifest.json beside the model files.", ex.Message);
        ex = Assert.Throws<ModelFormatException>(() => catalog.LoadScorer());
        Assert.Equal($"{Path.Combine(_dir, "scorer", "CURRENT")} is missing: expected a one-line file naming the scorer folder to use (e.g. 'v1').", ex.Message);
    }
}
