using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Cli;

/// <summary>
/// What commands take from the outside world: environment variables, directories, stdin and how
/// models become pipeline stages. Tests replace it for one call with <see cref="Use"/>; the
/// override flows with the async context, so tests running in parallel do not see each other's.
/// </summary>
public sealed record CliEnvironment
{
    private static readonly AsyncLocal<CliEnvironment?> Override = new();

    public static CliEnvironment Current => Override.Value ?? new CliEnvironment();

    /// <summary>Makes <paramref name="environment"/> current until the returned handle is disposed.</summary>
    public static IDisposable Use(CliEnvironment environment)
    {
        var previous = Override.Value;
        Override.Value = environment;
        return new Restore(previous);
    }

    private sealed class Restore(CliEnvironment? previous) : IDisposable
    {
        public void Dispose() => Override.Value = previous;
    }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;
    public string ExecutableDirectory { get; init; } = AppContext.BaseDirectory;
    public Func<Stream>? Stdin { get; init; } = Console.OpenStandardInput;
    /// <summary>Keys for <c>cnlp review</c>; null: the console.</summary>
    public Commands.IKeySource? KeySource { get; init; }

    /// <summary>Turns a models directory into the pipeline's stages; throws when the models cannot be loaded.</summary>
    public Func<string, PipelineStages> LoadStages { get; init; } = PipelineStages.FromModels;
}

/// <summary>
/// Finds the models directory: --models, else $CNLP_MODELS, else the nearest models/ folder holding
/// scorer/CURRENT (the file naming the current scorer) walking up from the current directory, then from the executable's directory.
/// </summary>
public static class ModelsLocator
{
    public const string EnvironmentVariable = "CNLP_MODELS";
    /// <summary>What marks a folder as our models folder: the pointer to the current scorer.</summary>
    public static readonly string MarkerFile = "scorer/" + ContradictionNlp.Scoring.ModelCatalog.CurrentFile;

    /// <summary>The directory, or null with <paramref name="error"/> saying where we looked.</summary>
    public static string? Find(string? option, CliEnvironment env, out string error)
    {
        error = "";
        if (option is not null)
        {
            var full = Path.GetFullPath(option, env.CurrentDirectory);
            if (Directory.Exists(full)) return full;
            error = $"models directory '{full}' (from --models) does not exist.";
            return null;
        }
        if (env.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv)
        {
            var full = Path.GetFullPath(fromEnv, env.CurrentDirectory);
            if (Directory.Exists(full)) return full;
            error = $"models directory '{full}' (from {EnvironmentVariable}) does not exist.";
            return null;
        }
        // Walking up requires a manifest so an unrelated folder that happens to be called
        // "models" (in a home directory, say) is not picked up by accident.
        foreach (var start in new[] { env.CurrentDirectory, env.ExecutableDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models");
                if (File.Exists(Path.Combine(candidate, MarkerFile))) return candidate;
            }
        error = "no models found. Looked for --models (not given), " + EnvironmentVariable + " (not set), " +
                $"then models/{MarkerFile} in '{env.CurrentDirectory}' and its parents, " +
                $"then in '{env.ExecutableDirectory}' and its parents. Pass --models DIR or set {EnvironmentVariable}.";
        return null;
    }
}
