using ContradictionNlp.Store;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Review;

/// <summary>What a stretch of shown text is, so each front end (terminal, page, report) can style it.</summary>
[Flags]
public enum Marks
{
    None = 0,
    /// <summary>Part of the claim's content.</summary>
    Content = 1,
    /// <summary>The cue word(s): "said", "denied", "according to".</summary>
    Cue = 2,
    /// <summary>Words a scorer reason points at.</summary>
    Reason = 4,
    /// <summary>The speaker mention.</summary>
    Speaker = 8,
}

/// <summary>A run of raw (not yet escaped) text with the same marks. Front ends escape <see cref="Text"/> themselves.</summary>
public sealed record Segment(string Text, Marks Marks);

/// <summary>
/// Cuts a claim's surroundings into marked segments: the speaker mention, the cue, the content
/// and the reason spans. Claim spans index into the article text; reason spans index into the
/// claim's content text (the text the scorer saw), so they are shifted by the content's start.
/// Spans outside the text are clipped, never thrown on: a store is data, and data can be wrong.
/// </summary>
public static class ClaimHighlighter
{
    /// <summary>The claim's content alone, with reason spans marked (when the article text is not at hand).</summary>
    public static IReadOnlyList<Segment> Content(string contentText, IEnumerable<TextSpan> reasonSpans)
    {
        var marks = new Marks[contentText.Length];
        Array.Fill(marks, Marks.Content);
        foreach (var s in reasonSpans) Apply(marks, s.Start, s.End, Marks.Reason);
        return Runs(contentText, 0, contentText.Length, marks);
    }

    /// <summary>
    /// The claim's sentence plus <paramref name="sentencesAround"/> sentences either side (0: the
    /// sentence only), marked. Sentences come from the project's own splitter over the article text.
    /// </summary>
    public static IReadOnlyList<Segment> Context(StoredClaim claim, string articleText, IEnumerable<TextSpan> reasonSpans, int sentencesAround = 0)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(articleText);
        var c = claim.Claim;
        int start = Math.Clamp(c.Sentence.Start, 0, articleText.Length);
        int end = Math.Clamp(c.Sentence.End, start, articleText.Length);
        if (sentencesAround > 0)
        {
            var sentences = new TextAnalyzer().Analyze(articleText).Sentences;
            int index = -1;
            for (int i = 0; i < sentences.Count; i++)
                if (sentences[i].Start <= start && start < Math.Max(sentences[i].End, sentences[i].Start + 1)) { index = i; break; }
            if (index >= 0)
            {
                start = Math.Min(start, sentences[Math.Max(0, index - sentencesAround)].Start);
                end = Math.Max(end, sentences[Math.Min(sentences.Count - 1, index + sentencesAround)].End);
            }
        }
        var marks = new Marks[articleText.Length];
        Apply(marks, c.Content.Start, c.Content.End, Marks.Content);
        Apply(marks, c.Cue.Start, c.Cue.End, Marks.Cue);
        Apply(marks, c.Speaker.Span.Start, c.Speaker.Span.End, Marks.Speaker);
        foreach (var s in reasonSpans)
        {
            // Clip to the content so a reason never marks words outside the claim.
            int rs = c.Content.Start + Math.Max(0, s.Start), re = c.Content.Start + Math.Min(s.End, c.Content.Length);
            Apply(marks, rs, re, Marks.Reason);
        }
        return Runs(articleText, start, end, marks);
    }

    private static void Apply(Marks[] marks, int start, int end, Marks mark)
    {
        start = Math.Clamp(start, 0, marks.Length);
        end = Math.Clamp(end, start, marks.Length);
        for (int i = start; i < end; i++) marks[i] |= mark;
    }

    private static List<Segment> Runs(string text, int start, int end, Marks[] marks)
    {
        var result = new List<Segment>();
        int runStart = start;
        for (int i = start + 1; i <= end; i++)
            if (i == end || marks[i] != marks[runStart])
            {
                if (i > runStart) result.Add(new Segment(text[runStart..i], marks[runStart]));
                runStart = i;
            }
        return result;
    }
}
