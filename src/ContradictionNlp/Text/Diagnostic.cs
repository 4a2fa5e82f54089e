namespace ContradictionNlp.Text;

public enum DiagnosticSeverity
{
    /// <summary>Worth telling the user (e.g. "decoded as Latin-1"); the input was used.</summary>
    Info,
    /// <summary>Part of the input was not usable (e.g. an article with no attributions); the rest went on.</summary>
    Warning,
    /// <summary>The input was skipped entirely (empty, binary, malformed).</summary>
    Error,
}

/// <summary>
/// A problem with the data, never with our code: programming errors throw, data problems become
/// diagnostics so one bad file does not stop a run over thousands.
/// </summary>
/// <param name="Origin">The file (or "-" for stdin) the problem was found in.</param>
/// <param name="Line">1-based line, when the format has lines (JSONL, TSV).</param>
/// <param name="Field">The field or element involved, when there is one (e.g. "date", "text").</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Origin, string Message, int? Line = null, string? Field = null)
{
    /// <summary>True when the input this diagnostic speaks of was skipped (drives exit code 3).</summary>
    public bool IsSkip => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Line is { } line ? $"{Origin}:{line}" : Origin;
        var field = Field is null ? "" : $" ({Field})";
        var level = Severity switch
        {
            DiagnosticSeverity.Info => "info",
            DiagnosticSeverity.Warning => "warning",
            _ => "error",
        };
        return $"{where}{field}: {level}: {Message}";
    }
}

/// <summary>Thread-safe collector of diagnostics, in the order they were reported.</summary>
public sealed class DiagnosticBag : IReadOnlyCollection<Diagnostic>
{
    private readonly List<Diagnostic> _items = new();
    private readonly Lock _gate = new();

    public event Action<Diagnostic>? Reported;

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) _items.Add(diagnostic);
        Reported?.Invoke(diagnostic);
    }

    public void Info(string origin, string message, int? line = null, string? field = null) =>
        Add(new Diagnostic(DiagnosticSeverity.Info, origin, message, line, field));

    public void Warning(string origin, string message, int? line = null, string? field = null) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, origin, message, line, field));

    public void Error(string origin, string message, int? line = null, string? field = null) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, origin, message, line, field));

    public bool AnySkipped { get { lock (_gate) return _items.Exists(d => d.IsSkip); } }

    public int Count { get { lock (_gate) return _items.Count; } }

    public IEnumerator<Diagnostic> GetEnumerator()
    {
        Diagnostic[] snapshot;
        lock (_gate) snapshot = _items.ToArray();
        return ((IEnumerable<Diagnostic>)snapshot).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
