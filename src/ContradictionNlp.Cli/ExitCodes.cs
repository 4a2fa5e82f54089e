namespace ContradictionNlp.Cli;

/// <summary>The exit codes every command uses (see README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;
    /// <summary>Finished, but some inputs were skipped (each has a diagnostic).</summary>
    public const int FinishedWithSkips = 3;
}
