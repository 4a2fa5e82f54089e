namespace ContradictionNlp.Review;

/// <summary>
/// The verdict names stored in the reviews table and used by the JSON API, the exports and the
/// retrain step. <see cref="Skip"/> is recorded (someone looked) but never becomes a pair's
/// current verdict.
/// </summary>
public static class Verdicts
{
    public const string Contradiction = "contradiction";
    public const string NotContradiction = "not_contradiction";
    /// <summary>Wrong speaker or a badly extracted claim: the pair says nothing about contradiction.</summary>
    public const string BadClaim = "bad_claim";
    public const string Skip = "skip";

    /// <summary>The four verdicts a reviewer gives with one key or button (and the JSON API accepts).</summary>
    public static IReadOnlyList<string> All { get; } = [Contradiction, NotContradiction, BadClaim, Skip];

    public static bool IsKnown(string? verdict) => verdict is not null && All.Contains(verdict, StringComparer.Ordinal);

    // A "not a contradiction" verdict may say more after a colon: B follows from A (trained as
    // entailment) or they are merely compatible (trained as neutral, as is the plain form).
    public const string EntailmentDetail = "entailment";
    public const string NeutralDetail = "neutral";

    /// <summary>Every verdict the reviews table may hold: <see cref="All"/> plus the detailed forms of <see cref="NotContradiction"/>.</summary>
    public static IReadOnlyList<string> Storable { get; } =
        [Contradiction, NotContradiction, NotContradiction + ":" + EntailmentDetail, NotContradiction + ":" + NeutralDetail, BadClaim, Skip];

    public static bool IsStorable(string? verdict) => verdict is not null && Storable.Contains(verdict, StringComparer.Ordinal);

    /// <summary>The verdict without its detail: <c>not_contradiction:entailment</c> → <c>not_contradiction</c>.</summary>
    public static string Kind(string verdict)
    {
        var colon = verdict.IndexOf(':');
        return colon < 0 ? verdict : verdict[..colon];
    }

    /// <summary>The one-key shortcut of the terminal and the page: c, n, w, s; null for any other key.</summary>
    public static string? FromKey(char key) => char.ToLowerInvariant(key) switch
    {
        'c' => Contradiction,
        'n' => NotContradiction,
        'w' => BadClaim,
        's' => Skip,
        _ => null,
    };

    /// <summary>Words for people: "contradiction", "not a contradiction", "wrong speaker / bad claim", "skipped".</summary>
    public static string Describe(string? verdict) => verdict switch
    {
        null => "not reviewed",
        Contradiction => "contradiction",
        NotContradiction => "not a contradiction",
        BadClaim => "wrong speaker / bad claim",
        Skip => "skipped",
        _ => verdict,
    };
}
