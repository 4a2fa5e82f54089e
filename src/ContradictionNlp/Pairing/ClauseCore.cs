using System.Text.RegularExpressions;
using ContradictionNlp.Text;

namespace ContradictionNlp.Pairing;

/// <summary>
/// The part of a claim's content that speaks to the other claim. News contents bundle clauses ("intercept evidence is
/// only a small part of the case, and some of it could not be used because ..."); a clause that shares no content word
/// with the other claim is about something the other claim does not mention, so it cannot be what makes the two
/// contradict. NLI models read such a clause's negation as a polarity mismatch all the same: on bbc-news that made many
/// of the highest-scored false alarms (a quote against its paraphrase plus a negated afterthought).
/// <para>
/// A clause ends at a semicolon or colon, a dash between spaces, a sentence end inside the content, a comma before a
/// clause-opening word (and, but, while, whereas, although, though, because, which, saying, adding), or a space before
/// but / although / though / because / whereas. Not at a bare "and" (noun phrases: "safe and sound", "jobs and growth")
/// nor at a bare comma (lists, appositions).
/// </para>
/// </summary>
public static partial class ClauseCore
{
    [GeneratedRegex(@"[;:]\s+|\s+[-–—]+\s+|(?<=[.!?…]['""”’]?)(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|[A-Z])\.)\s+(?=['""“‘]?[A-Z])|,\s+(?=(?:and|but|while|whereas|although|though|because|which|saying|adding)\b)|\s+(?=(?:but|although|though|because|whereas)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    /// <summary>The clauses of <paramref name="text"/> as half-open spans, boundaries and edge spaces left out, in order; empty for blank text.</summary>
    public static IReadOnlyList<TextSpan> Clauses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            Add(text, start, m.Index, spans);
            start = m.Index + m.Length;
        }
        Add(text, start, text.Length, spans);
        return spans;
    }

    private static void Add(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
    }

    /// <summary>
    /// From the first to the last clause of <paramref name="text"/> that shares a content stem with
    /// <paramref name="otherStems"/> (sorted, distinct, as <see cref="TopicGate.Prepare"/> gives them); null when there is
    /// nothing to leave out: one clause, every clause shares a stem, or none does (then the claims' link is elsewhere
    /// and the whole text stays). A non-sharing clause between two sharing ones stays inside the span (the span is one
    /// piece of the text, so reason spans only shift).
    /// </summary>
    public static TextSpan? Core(string text, string[] otherStems, Func<string, string[]> stems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(otherStems);
        ArgumentNullException.ThrowIfNull(stems);
        var clauses = Clauses(text);
        return clauses.Count < 2 ? null : Core(clauses.Select(c => (c, stems(text[c.Start..c.End]))).ToArray(), otherStems);
    }

    /// <summary>As <see cref="Core(string, string[], Func{string, string[]})"/> from clauses whose stems are known (<see cref="Of"/>).</summary>
    internal static TextSpan? Core(IReadOnlyList<(TextSpan Clause, string[] Stems)> clauses, string[] otherStems)
    {
        if (clauses.Count < 2) return null;
        int first = -1, last = -1;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (!Shares(clauses[i].Stems, otherStems)) continue;
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0 || (first == 0 && last == clauses.Count - 1)) return null;
        return new TextSpan(clauses[first].Clause.Start, clauses[last].Clause.End);
    }

    /// <summary>
    /// A prepared text's clauses with the stems of the content words in each (the words its featurizer already found, so
    /// the stems are those the gate compares), kept on the text (<see cref="Scoring.PreparedText.Clauses"/>).
    /// </summary>
    internal static IReadOnlyList<(TextSpan Clause, string[] Stems)> Of(Scoring.PreparedText text)
    {
        if (text.Clauses is { } done) return done;
        var spans = Clauses(text.Text);
        IReadOnlyList<(TextSpan, string[])> result;
        if (spans.Count < 2) result = spans.Count == 0 ? [] : [(spans[0], [])];
        else
        {
            var clauses = new (TextSpan, string[])[spans.Count];
            var words = new List<Scoring.PairFeaturizer.Word>();
            for (var i = 0; i < spans.Count; i++)
            {
                words.Clear();
                foreach (var w in text.Content)
                    if (w.Span.Start >= spans[i].Start && w.Span.End <= spans[i].End) words.Add(w);
                clauses[i] = (spans[i], Scoring.PairFeaturizer.SortedContentStems(words));
            }
            result = clauses;
        }
        text.Clauses = result;
        return result;
    }

    private static bool Shares(string[] a, string[] b)
    {
        foreach (var s in a)
            if (s.Length > 1 && Array.BinarySearch(b, s, StringComparer.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>
    /// What <see cref="Core(string, string[], Func{string, string[]})"/> left out: the text before and after
    /// <paramref name="kept"/> without the clause boundary's spaces and marks, each with its span in <paramref name="text"/>
    /// (what the pair scorer's "clause" reason names and points at).
    /// </summary>
    internal static List<(string Text, TextSpan Span)> LeftOut(string text, TextSpan kept)
    {
        var parts = new List<(string, TextSpan)>(2);
        void Add(int start, int end)
        {
            while (start < end && Edge(text[start])) start++;
            while (end > start && Edge(text[end - 1])) end--;
            if (end > start) parts.Add((text[start..end], new TextSpan(start, end)));
        }
        Add(0, kept.Start);
        Add(kept.End, text.Length);
        return parts;
    }

    private static bool Edge(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '-' or '–' or '—';

    /// <summary>A left-out part as a reason quotes it: in single quotes, cut to 60 characters.</summary>
    internal static string Quote(string s) => s.Length <= 60 ? $"'{s}'" : $"'{s[..57]}...'";
}
