using System.CommandLine;
using ContradictionNlp.Store;

namespace ContradictionNlp.Cli.Commands;

/// <summary>Options several commands share, built fresh per command (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = $"The SQLite store (created when missing). Default: {ClaimStore.DefaultFileName} in the working directory.",
        DefaultValueFactory = _ => ClaimStore.DefaultFileName,
        HelpName = "FILE",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to stdout instead of a table." };

    public static Option<double> MinScore()
    {
        var option = new Option<double>("--min-score")
        {
            Description = "Only pairs whose contradiction probability is at least P (0..1).",
            DefaultValueFactory = _ => 0.5,
            HelpName = "P",
        };
        option.Validators.Add(result =>
        {
            // A token that is not a number is already reported by the parser; only check the range.
            if (result.Tokens is [var token] &&
                double.TryParse(token.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) &&
                (double.IsNaN(value) || value < 0 || value > 1))
                result.AddError($"--min-score must be between 0 and 1, got {token.Value}.");
        });
        return option;
    }

    /// <summary>
    /// An input path as the loader should see it: as typed when relative to the process's own
    /// working directory (so diagnostics show what the user typed), else joined to the environment's.
    /// </summary>
    public static string InputPath(string value, CliEnvironment env) =>
        value == "-" || Path.IsPathRooted(value) || PathsEqual(env.CurrentDirectory, Environment.CurrentDirectory)
            ? value
            : Path.Combine(env.CurrentDirectory, value);

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>The --db value resolved against the environment's working directory.</summary>
    public static string DbPath(string value, CliEnvironment env) => Path.GetFullPath(value, env.CurrentDirectory);

    /// <summary>Opens the store or writes why not (exit code 1). Listing commands pass <paramref name="mustExist"/> so a typo in --db does not create an empty store.</summary>
    public static ClaimStore? OpenStore(string path, TextWriter stderr, bool mustExist = false)
    {
        if (mustExist && !File.Exists(path))
        {
            stderr.WriteLine($"cnlp: no store at '{path}'. Run 'cnlp analyze PATH... --db {path}' first, or pass the right --db.");
            return null;
        }
        try { return ClaimStore.Open(path); }
        catch (StoreException ex)
        {
            stderr.WriteLine($"cnlp: {ex.Message}");
            return null;
        }
    }
}
