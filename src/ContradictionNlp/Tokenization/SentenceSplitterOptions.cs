namespace ContradictionNlp.Tokenization;

/// <summary>Options of <see cref="SentenceSplitter"/>. The defaults suit news articles.</summary>
public sealed record SentenceSplitterOptions
{
    /// <summary>The defaults: every line break ends a sentence, quotes protect their inner sentences.</summary>
    public static SentenceSplitterOptions Default { get; } = new();

    /// <summary>Text extracted from PDF (or hard-wrapped e-mail): single line breaks are wrapping, not structure.</summary>
    public static SentenceSplitterOptions Pdf { get; } = new() { SingleNewlineIsSpace = true };

    /// <summary>
    /// Default <c>false</c>: in news a single line break separates paragraphs, headings, bylines and
    /// datelines, so it ends a sentence (except a break after a trailing space before a lower-case
    /// word, which is wrapping). <c>true</c>: a single line break is read as a space unless the next line
    /// starts with a bullet or a list number; only blank lines end a sentence.
    /// </summary>
    public bool SingleNewlineIsSpace { get; init; }

    /// <summary>
    /// Default <c>true</c>: sentence punctuation inside a matched pair of quotes or brackets does not end
    /// the sentence (<c>"Stop. Now," he said.</c> is one sentence), so a quotation stays with its
    /// attribution. Unmatched quote marks protect nothing. <c>false</c>: split inside quotes too.
    /// </summary>
    public bool KeepQuotationsTogether { get; init; } = true;
}
