using ContradictionNlp.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>
/// One gold attribution relation from a PolNeAR <c>.ann</c> file (an <c>E</c> line with the spans
/// of its roles resolved). Every span is a half-open character range into the article text; a
/// role may be discontinuous, so each role is a list of fragments in file order.
/// </summary>
/// <param name="Id">The event id as written ("E3").</param>
/// <param name="Line">1-based line of the E line in the .ann file.</param>
/// <param name="Source">Fragments of the Source span; empty for an <c>Attribution-no-source</c> event.</param>
/// <param name="Cue">Fragments of the Cue span (the trigger's span when the event names no Cue).</param>
/// <param name="Content">Fragments of Content, then Content2 when present (both are the content).</param>
/// <param name="CueText">The cue's covered text as annotated (fragments joined by a space).</param>
public sealed record GoldAttribution(
    string Id,
    int Line,
    IReadOnlyList<TextSpan> Source,
    IReadOnlyList<TextSpan> Cue,
    IReadOnlyList<TextSpan> Content,
    string CueText)
{
    public bool HasSource => Source.Count > 0;
}

/// <summary>What <see cref="PolNearReader.ParseAnnotations"/> found in one .ann file.</summary>
/// <param name="Attributions">Usable attributions, in file order.</param>
/// <param name="SkippedAttributions">E lines dropped because a span was bad or missing (each has a diagnostic).</param>
/// <param name="RolelessEvents">E lines with no Content role (the corpus has some trigger-only events); not gold, not an error.</param>
/// <param name="SpansChecked">Well-formed T lines (each was checked: known type, offsets in range, covered text equal to the text).</param>
/// <param name="SpansMisaligned">T lines whose offsets were out of range or whose covered text differed from the text.</param>
/// <param name="SpanFragments">Every well-formed span fragment (all types, aligned ones only), for offset sanity checks.</param>
public sealed record PolNearAnnotations(
    IReadOnlyList<GoldAttribution> Attributions,
    int SkippedAttributions,
    int RolelessEvents,
    int SpansChecked,
    int SpansMisaligned,
    IReadOnlyList<TextSpan> SpanFragments);

/// <summary>One article of a PolNeAR split: its text and the gold of ONE annotator.</summary>
/// <param name="Name">Article name (the .txt file name without extension).</param>
/// <param name="TextPath">Path of the article text.</param>
/// <param name="AnnPath">Path of the .ann file used (the first by ordinal file name when several annotators exist).</param>
public sealed record PolNearArticle(string Name, string TextPath, string AnnPath, string Text, PolNearAnnotations Annotations)
{
    public IReadOnlyList<GoldAttribution> Attributions => Annotations.Attributions;
}

/// <summary>A split as read: the usable articles in name order and how many were skipped (each has an Error diagnostic).</summary>
public sealed record PolNearSplit(IReadOnlyList<PolNearArticle> Articles, int SkippedArticles);

/// <summary>One annotator's reading of an article: the annotator id (the .ann file name's last part), the file, what it holds.</summary>
public sealed record PolNearAnnotator(string Name, string AnnPath, PolNearAnnotations Annotations);

/// <summary>An article that several annotators annotated, with each one's attributions (annotators in file-name order).</summary>
public sealed record PolNearAnnotatedArticle(string Name, string TextPath, string Text, IReadOnlyList<PolNearAnnotator> Annotators);

/// <summary>The multi-annotated articles of a split in name order and how many were skipped for a missing text.</summary>
public sealed record PolNearAnnotatedSplit(IReadOnlyList<PolNearAnnotatedArticle> Articles, int SkippedArticles);
