using System.Text;

namespace ContradictionNlp.Claims;

/// <summary>One-line, stable renderings of claims for debugging, logs and golden tests.</summary>
public static class ClaimFormatter
{
    /// <summary>
    /// <c>Speaker | cue | content</c>, where Speaker is the resolved name, or <c>?</c> followed by the
    /// mention text when unresolved (e.g. <c>?sources</c>).
    /// </summary>
    public static string Format(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var who = claim.Speaker.IsResolved ? claim.Speaker.Name : "?" + claim.Speaker.Text;
        return $"{who} | {claim.CueText} | {claim.ContentText}";
    }

    /// <summary>A multi-line dump: one line per claim with its kind, mention and roles, in article order.</summary>
    public static string Dump(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var sb = new StringBuilder();
        foreach (var c in claims)
        {
            sb.Append('[').Append(c.Kind).Append("] ").Append(Format(c));
            sb.Append("   (mention: ").Append(c.Speaker.Kind).Append(" \"").Append(c.Speaker.Text).Append('"');
            if (c.Speaker.Roles.Count > 0) sb.Append("; roles: ").Append(string.Join(", ", c.Speaker.Roles));
            sb.Append(')').Append('\n');
        }
        return sb.ToString();
    }
}
