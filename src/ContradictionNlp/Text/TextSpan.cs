namespace ContradictionNlp.Text;

/// <summary>
/// A half-open character range <c>[Start, End)</c> into one text. Every stage speaks in these, so a
/// span from the tokenizer, a claim's content and a reason's highlight can be compared directly.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        // Spans come from our own code; a negative or inverted one is a programming error.
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"Invalid span [{start}, {end}): expected 0 <= start <= end.");
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Length => End - Start;
    public bool IsEmpty => End == Start;

    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>Number of characters both spans cover.</summary>
    public int OverlapLength(TextSpan other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);
    public string Of(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start}, {End})";
}
