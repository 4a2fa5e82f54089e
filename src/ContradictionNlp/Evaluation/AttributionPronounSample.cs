using ContradictionNlp.Claims;

namespace ContradictionNlp.Evaluation;

/// <summary>One predicted claim whose speaker is a pronoun we resolved to a name, with the text a judge needs.</summary>
/// <param name="Context">Up to <see cref="AttributionPronounSample.ContextChars"/> characters of the article before the pronoun, whitespace flattened.</param>
public sealed record PronounCase(string Article, int Offset, string Pronoun, string ResolvedName, string Cue, string Context);

/// <summary>
/// A deterministic random sample of resolved pronoun speakers, for judging resolution by hand: every
/// predicted claim whose speaker mention is a resolved pronoun, in (article name, offset) order, then
/// a Fisher-Yates shuffle seeded with <c>seed</c> and the first <c>count</c> kept, re-sorted for reading.
/// </summary>
public static class AttributionPronounSample
{
    public const int ContextChars = 400;

    public static IReadOnlyList<PronounCase> Take(AttributionEvaluation evaluation, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var all = new List<PronounCase>();
        foreach (var r in evaluation.Articles.OrderBy(a => a.Article.Name, StringComparer.Ordinal))
        {
            var text = r.Text.Text;
            var seen = new HashSet<int>();
            foreach (var c in r.Claims.OrderBy(c => c.Speaker.Span.Start))
            {
                var s = c.Speaker;
                if (s.Kind != MentionKind.Pronoun || !s.IsResolved || !seen.Add(s.Span.Start)) continue;
                int from = Math.Max(0, s.Span.Start - ContextChars);
                var context = Flatten(text[from..s.Span.End]);
                all.Add(new PronounCase(r.Article.Name, s.Span.Start, s.Text, s.Name, c.CueText, context));
            }
        }
        var rng = new Random(seed);
        for (int i = all.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all.Take(count)
            .OrderBy(p => p.Article, StringComparer.Ordinal).ThenBy(p => p.Offset)
            .ToArray();
    }

    /// <summary>How many resolved pronoun speakers the evaluation has (the population sampled from).</summary>
    public static int Population(AttributionEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Articles.Sum(r => r.Claims
            .Where(c => c.Speaker.Kind == MentionKind.Pronoun && c.Speaker.IsResolved)
            .Select(c => c.Speaker.Span.Start).Distinct().Count());
    }

    private static string Flatten(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (char.IsWhiteSpace(chars[i])) chars[i] = ' ';
        return new string(chars);
    }
}
