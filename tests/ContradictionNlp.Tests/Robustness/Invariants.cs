using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>What must hold for any input, however hostile. Each check throws naming the broken rule.</summary>
public static class Invariants
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly ClaimExtractor Extractor = new();

    /// <summary>Tokens, sentences and claims of an article (the stages after ingestion).</summary>
    public static void Downstream(Article article)
    {
        var text = Analyzer.Analyze(article.Text);
        Tokens(text);
        var diagnostics = new DiagnosticBag();
        var claims = Extractor.Extract(article, text, diagnostics);
        Claims(article, claims);
    }

    /// <summary>
    /// Tokens non-empty, in range, ordered, non-overlapping, covering every non-space character;
    /// sentences in range, ordered, non-overlapping, each token in exactly one sentence.
    /// </summary>
    public static void Tokens(TokenizedText t)
    {
        var text = t.Text;
        int previousEnd = 0;
        var covered = new bool[text.Length];
        for (int i = 0; i < t.Tokens.Count; i++)
        {
            var k = t.Tokens[i];
            Check(k.Start >= previousEnd && k.End > k.Start && k.End <= text.Length,
                $"token {i} {k.Span} out of order, empty or out of range (previous end {previousEnd}, text length {text.Length})");
            for (int c = k.Start; c < k.End; c++) covered[c] = true;
            previousEnd = k.End;
        }
        for (int c = 0; c < text.Length; c++)
            if (!covered[c] && !char.IsWhiteSpace(text[c]) && !IsIgnorable(text[c]))
                throw new InvalidOperationException($"character {c} (U+{(int)text[c]:X4}) is in no token");

        int nextToken = 0, sentenceEnd = 0;
        for (int s = 0; s < t.Sentences.Count; s++)
        {
            var sentence = t.Sentences[s];
            Check(sentence.FirstToken == nextToken && sentence.EndToken > sentence.FirstToken,
                $"sentence {s} tokens [{sentence.FirstToken},{sentence.EndToken}) do not continue from token {nextToken}");
            Check(sentence.Start >= sentenceEnd && sentence.Start == t.Tokens[sentence.FirstToken].Start
                  && sentence.End == t.Tokens[sentence.EndToken - 1].End,
                $"sentence {s} span {sentence.Span} does not match its tokens or overlaps the previous sentence");
            nextToken = sentence.EndToken;
            sentenceEnd = sentence.End;
        }
        Check(nextToken == t.Tokens.Count, $"tokens {nextToken}..{t.Tokens.Count} are in no sentence");
    }

    /// <summary>
    /// Characters the tokenizer may legitimately leave out of every token: format and control
    /// characters that carry no word (zero-width space, bidi marks, BOM, NUL, escape...).
    /// </summary>
    public static bool IsIgnorable(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    public static void Claims(Article article, IReadOnlyList<Claim> claims)
    {
        var n = article.Text.Length;
        foreach (var c in claims)
        {
            Check(c.ArticleId == article.Id, $"claim {c.Id} names article {c.ArticleId}");
            InRange(c.Content, n, c, "content");
            InRange(c.Cue, n, c, "cue");
            InRange(c.Speaker.Span, n, c, "speaker");
            InRange(c.Sentence, n, c, "sentence");
            Check(!c.Content.IsEmpty && !string.IsNullOrWhiteSpace(c.ContentText), $"claim {c.Id} has empty content");
            Check(!string.IsNullOrWhiteSpace(c.CueText), $"claim {c.Id} has an empty cue");
        }
        Check(claims.Select(c => c.Id).Distinct().Count() == claims.Count, "two claims share an id");
    }

    private static void InRange(TextSpan span, int length, Claim c, string what) =>
        Check(span.Start >= 0 && span.End <= length && span.Start <= span.End, $"claim {c.Id}: {what} span {span} outside text of length {length}");

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }

    /// <summary>Every article a reader returns: id is the hash of its text, origin set, title non-null.</summary>
    public static void ArticleShape(Article a)
    {
        Check(a.Id == Article.ComputeId(a.Text), $"article id {a.Id} is not the hash of its text");
        Check(!string.IsNullOrEmpty(a.Origin), "article without origin");
        Check(a.Title is not null, "article without title");
    }
}
