using ContradictionNlp.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Cli;

/// <summary>
/// Runs the real `cnlp` entry point in-process against a test <see cref="CliEnvironment"/> and
/// captures both streams, so CLI tests assert on exit code, stdout and stderr together.
/// </summary>
internal static class CliRun
{
    /// <summary>An environment rooted in <paramref name="dir"/>: no environment variables, no stdin, the small test stages.</summary>
    public static CliEnvironment TestStagesEnv(TempDir dir) => new()
    {
        CurrentDirectory = dir.Path,
        ExecutableDirectory = dir.File("bin"),
        GetEnvironmentVariable = _ => null,
        Stdin = null,
        LoadStages = _ => TestStages.Create(),
    };

    public static (int Code, string Out, string Err) Run(CliEnvironment env, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        using (CliEnvironment.Use(env)) code = CnlpApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
