using System.Globalization;
using System.Text;
using ContradictionNlp.Claims;

namespace ContradictionNlp.Evaluation;

/// <summary>One word's cue statistics over a PolNeAR split (see <see cref="AttributionCueStats"/>).</summary>
/// <param name="Word">Lower-case word.</param>
/// <param name="CueTokens">Occurrences of the word inside a gold Cue span.</param>
/// <param name="Tokens">All occurrences of the word in the split's texts.</param>
/// <param name="Known">Our lexicon's class for the word: speech, belief, attitude, noun, or "-" when none.</param>
public sealed record CueWordStat(string Word, int CueTokens, int Tokens, string Known)
{
    /// <summary>Share of the word's occurrences that are (part of) a gold cue: how safe it is as a cue by itself.</summary>
    public double Precision => Tokens == 0 ? 0 : (double)CueTokens / Tokens;
}

/// <summary>
/// Counts, per word, how often it is annotated as (part of) a cue and how often it occurs at all, over
/// a PolNeAR split. Meant for the TRAIN split only: it is how the cue lexicon is extended from data
/// (frequency says what recall a word buys, precision what it costs). The output holds single words
/// and counts, never the corpus's sentences.
/// </summary>
public static class AttributionCueStats
{
    public static IReadOnlyList<CueWordStat> Compute(PolNearSplit split, int minCueTokens = 1)
    {
        ArgumentNullException.ThrowIfNull(split);
        var cue = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in split.Articles)
        {
            var text = article.Text;
            // Character mask of gold cue spans: a word counts as a cue token when it starts inside one.
            var inCue = new bool[text.Length];
            foreach (var a in article.Attributions)
                foreach (var f in a.Cue)
                    for (int i = Math.Max(0, f.Start); i < Math.Min(text.Length, f.End); i++) inCue[i] = true;
            int p = 0;
            while (p < text.Length)
            {
                if (!char.IsLetter(text[p])) { p++; continue; }
                int s = p;
                while (p < text.Length && (char.IsLetter(text[p]) || (text[p] is '\'' or '\u2019' or '-' && p + 1 < text.Length && char.IsLetter(text[p + 1])))) p++;
                var w = text[s..p].ToLowerInvariant();
                all[w] = all.GetValueOrDefault(w) + 1;
                if (inCue[s]) cue[w] = cue.GetValueOrDefault(w) + 1;
            }
        }
        return cue.Where(kv => kv.Value >= minCueTokens)
            .Select(kv => new CueWordStat(kv.Key, kv.Value, all[kv.Key], Known(kv.Key)))
            .OrderByDescending(s => s.CueTokens).ThenBy(s => s.Word, StringComparer.Ordinal)
            .ToList();
    }

    private static string Known(string word)
    {
        if (CueLexicon.IsCueVerb(word, out _, out var cls)) return cls.ToString().ToLowerInvariant();
        return CueLexicon.IsCueNoun(word, out _) ? "noun" : "-";
    }

    /// <summary>Tab-separated: word, cue_tokens, tokens, precision, known; a header line first.</summary>
    public static string ToTsv(IReadOnlyList<CueWordStat> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder("word\tcue_tokens\ttokens\tprecision\tknown\n");
        foreach (var s in stats)
            sb.Append(CultureInfo.InvariantCulture, $"{s.Word}\t{s.CueTokens}\t{s.Tokens}\t{s.Precision:0.000}\t{s.Known}\n");
        return sb.ToString();
    }
}
