using System.CommandLine;
using ContradictionNlp.Tagging;

namespace ContradictionNlp.Cli.Commands;

/// <summary>The training options every perceptron tagger's train command has (--seed, --iterations, --hash-bits), with that tagger's defaults.</summary>
internal sealed class PerceptronOptionSet(PerceptronOptions defaults)
{
    public Option<int> Seed { get; } = new("--seed") { Description = "Shuffle seed (same seed and data give the same model bytes).", DefaultValueFactory = _ => defaults.Seed };
    public Option<int> Iterations { get; } = new("--iterations") { Description = "Passes over the training data.", DefaultValueFactory = _ => defaults.Iterations };
    public Option<int> HashBits { get; } = new("--hash-bits") { Description = "log2 of the hashed feature rows.", DefaultValueFactory = _ => defaults.HashBits };

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Iterations);
        command.Options.Add(HashBits);
    }

    /// <summary>False, with the reason written as "cnlp: ...", when the values are out of range (the command exits 2).</summary>
    public static bool Valid(PerceptronOptions options, TextWriter err)
    {
        try { options.Validate(); return true; }
        catch (ArgumentOutOfRangeException ex) { err.WriteLine($"cnlp: {ex.Message}"); return false; }
    }
}
