using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Training;

/// <summary>One labelled pair. <see cref="Label"/> indexes <see cref="LogisticModel.Labels"/>.</summary>
public sealed record LabeledPair(string Id, string Premise, string Hypothesis, int Label, string Source, string Origin, int Line);

/// <summary>Which rows of a file to use: all, or one side of the fixed held-out split.</summary>
public enum DataSplit { All, Train, HeldOut }

/// <summary>
/// A data file plus a split, written <c>PATH</c>, <c>PATH@train</c> or <c>PATH@heldout</c>.
/// The split is fixed, not seeded, so every model is measured on the same rows: a row is held out
/// when FNV-1a-32 of its group key, mod 5, is 0 (about a fifth). The group key is the id up to its
/// first '#' (SNLI: the Flickr image, e.g. "4705552913.jpg"), so all pairs on one premise image fall
/// on the same side and no premise leaks from train into held-out.
/// </summary>
public sealed record DataSpec(string Path, DataSplit Split)
{
    public static DataSpec Parse(string text)
    {
        var at = text.LastIndexOf('@');
        if (at < 0) return new DataSpec(text, DataSplit.All);
        var split = text[(at + 1)..] switch
        {
            "train" => DataSplit.Train,
            "heldout" => DataSplit.HeldOut,
            "all" => DataSplit.All,
            var other => throw new FormatException($"Unknown split '@{other}' in '{text}': expected @train, @heldout or @all."),
        };
        return new DataSpec(text[..at], split);
    }

    public static bool IsHeldOut(string id)
    {
        var hash = id.IndexOf('#');
        var key = hash >= 0 ? id[..hash] : id;
        var h = 2166136261u;
        foreach (var c in key) { h ^= c; h *= 16777619u; }
        return h % 5 == 0;
    }

    public bool Includes(string id) => Split switch
    {
        DataSplit.All => true,
        DataSplit.HeldOut => IsHeldOut(id),
        _ => !IsHeldOut(id),
    };

    public override string ToString() => Split == DataSplit.All ? Path : $"{Path}@{(Split == DataSplit.Train ? "train" : "heldout")}";
}

/// <summary>Reads NLI TSV (<c>id premise hypothesis label source</c>, plain or gzip). Bad rows become diagnostics and are skipped.</summary>
public static class NliTsvReader
{
    public static readonly string[] Header = ["id", "premise", "hypothesis", "label", "source"];

    public static List<LabeledPair> Read(DataSpec spec, DiagnosticBag diagnostics)
    {
        using var stream = Open(spec.Path);
        return Read(stream, spec, diagnostics);
    }

    public static List<LabeledPair> Read(Stream stream, DataSpec spec, DiagnosticBag diagnostics)
    {
        var origin = spec.Path;
        var list = new List<LabeledPair>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header is null || !header.Split('\t').SequenceEqual(Header))
        {
            diagnostics.Error(origin, $"expected header '{string.Join("\\t", Header)}', found '{header}'; file skipped", 1, "header");
            return list;
        }
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != Header.Length)
            {
                diagnostics.Error(origin, $"expected {Header.Length} tab-separated fields, found {f.Length}; row skipped", lineNo);
                continue;
            }
            var label = Array.IndexOf(LogisticModel.Labels, f[3]);
            if (label < 0)
            {
                diagnostics.Error(origin, $"unknown label '{f[3]}', expected contradiction, entailment or neutral; row skipped", lineNo, "label");
                continue;
            }
            if (string.IsNullOrWhiteSpace(f[1]) || string.IsNullOrWhiteSpace(f[2]))
            {
                diagnostics.Error(origin, "empty text; row skipped", lineNo, string.IsNullOrWhiteSpace(f[1]) ? "premise" : "hypothesis");
                continue;
            }
            if (!spec.Includes(f[0])) continue;
            list.Add(new LabeledPair(f[0], f[1], f[2], label, f[4], origin, lineNo));
        }
        return list;
    }

    private static Stream Open(string path)
    {
        var fs = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
    }

    public static string Sha256(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
