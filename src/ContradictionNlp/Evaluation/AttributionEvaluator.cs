using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Evaluation;

/// <summary>One article's run: what we predicted, the gold, and how they were matched.</summary>
/// <param name="TokenAlignedFragments">Gold span fragments (all types) whose both ends fall on our token boundaries.</param>
public sealed record AttributionArticleResult(
    PolNearArticle Article,
    TokenizedText Text,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<AttributionSpans> Gold,
    IReadOnlyList<AttributionSpans> Predicted,
    AttributionArticleScore Score,
    int TokenAlignedFragments);

/// <summary>The whole run: the summed report and the per-article results (for error analysis).</summary>
public sealed record AttributionEvaluation(AttributionReport Report, IReadOnlyList<AttributionArticleResult> Articles);

/// <summary>
/// Runs a claim extractor over PolNeAR articles and scores it with <see cref="AttributionScorer"/>.
/// Each article becomes an <see cref="Article"/> whose title is the text's first line (PolNeAR
/// texts start with the headline), with no date, source or author, and the .txt path as origin.
/// </summary>
public sealed partial class AttributionEvaluator
{
    private readonly IClaimExtractor _extractor;
    private readonly TextAnalyzer _analyzer;
    private readonly Func<string, bool>? _isSpeechCue;

    /// <param name="isSpeechCue">Word test for the speech-cue subset (the CLI passes
    /// <c>CueLexicon.IsSpeechCue</c>); null leaves the subset out of the report.</param>
    public AttributionEvaluator(IClaimExtractor extractor, TextAnalyzer? analyzer = null, Func<string, bool>? isSpeechCue = null)
    {
        _extractor = extractor ?? throw new ArgumentNullException(nameof(extractor));
        _analyzer = analyzer ?? new TextAnalyzer();
        _isSpeechCue = isSpeechCue;
    }

    public AttributionEvaluation Evaluate(PolNearSplit split, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var results = new List<AttributionArticleResult>(split.Articles.Count);
        foreach (var article in split.Articles)
            results.Add(EvaluateArticle(article, diagnostics));

        var all = new AttributionCounts();
        var speech = new AttributionCounts();
        int skippedAttr = 0, roleless = 0, checkedSpans = 0, misaligned = 0, fragments = 0, tokenAligned = 0;
        foreach (var r in results)
        {
            all += r.Score.All;
            speech += r.Score.SpeechCues;
            var a = r.Article.Annotations;
            skippedAttr += a.SkippedAttributions;
            roleless += a.RolelessEvents;
            checkedSpans += a.SpansChecked;
            misaligned += a.SpansMisaligned;
            fragments += a.SpanFragments.Count;
            tokenAligned += r.TokenAlignedFragments;
        }
        var report = new AttributionReport(
            all, _isSpeechCue is null ? null : speech,
            Articles: results.Count,
            SkippedArticles: split.SkippedArticles,
            SkippedAttributions: skippedAttr,
            RolelessEvents: roleless,
            new SpanAlignment(checkedSpans, misaligned, fragments, tokenAligned));
        return new AttributionEvaluation(report, results);
    }

    public AttributionArticleResult EvaluateArticle(PolNearArticle article, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = article.Text;
        var doc = ArticleOf(article);
        var tokenized = _analyzer.Analyze(text);
        var claims = _extractor.Extract(doc, tokenized, diagnostics);

        var gold = GoldSpans(tokenized, article.Attributions);
        var predicted = PredictedSpans(tokenized, claims);
        var score = AttributionScorer.Score(gold, predicted);
        return new AttributionArticleResult(article, tokenized, claims, gold, predicted, score,
            CountTokenAligned(tokenized, article.Annotations.SpanFragments));
    }

    /// <summary>Claims as the metric sees them: content tokens, speaker span, cue, and whether the extractor classed the cue as speech.</summary>
    private static AttributionSpans[] PredictedSpans(TokenizedText tokenized, IReadOnlyList<Claim> claims) =>
        claims
            .Select(c =>
            {
                var tokens = TokenSets.Covering(tokenized, c.ContentParts);
                return new AttributionSpans(tokens,
                // An empty speaker span is "no speaker found": it overlaps nothing, so it scores as wrong.
                c.Speaker.Span.IsEmpty ? [] : [c.Speaker.Span],
                c.Cue.IsEmpty ? [] : [c.Cue],
                NotSpeech: c.CueClass != CueClass.Speech,
                CoreTokens: TokenSets.Core(tokenized, tokens));
            })
            .ToArray();

    /// <summary>Gold attributions as the metric sees them (content tokens, source, cue, whether the cue holds a speech word).</summary>
    private AttributionSpans[] GoldSpans(TokenizedText tokenized, IReadOnlyList<GoldAttribution> attributions) =>
        attributions
            .Select(g =>
            {
                var tokens = TokenSets.Covering(tokenized, g.Content);
                return new AttributionSpans(tokens, g.Source, g.Cue,
                    _isSpeechCue is not null && CueHasSpeechWord(tokenized, g.Cue),
                    CoreTokens: TokenSets.Core(tokenized, tokens));
            })
            .ToArray();

    /// <summary>The <see cref="Article"/> a PolNeAR article is evaluated as (also what attribution training runs the rules on).</summary>
    public static Article ArticleOf(PolNearArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return ArticleOf(article.Text, article.TextPath);
    }

    private static Article ArticleOf(string text, string textPath)
    {
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        var title = (newline < 0 ? text : text[..newline]).Trim();
        return Article.Create(title, null, null, null, text, textPath);
    }

    private bool CueHasSpeechWord(TokenizedText text, IReadOnlyList<TextSpan> cue)
    {
        foreach (int t in TokenSets.Covering(text, cue))
            if (text.Tokens[t].Kind == TokenKind.Word && _isSpeechCue!(text.TokenText(t)))
                return true;
        return false;
    }

    /// <summary>Fragments whose start is some token's start and whose end is some token's end.</summary>
    private static int CountTokenAligned(TokenizedText text, IReadOnlyList<TextSpan> fragments)
    {
        var starts = new HashSet<int>();
        var ends = new HashSet<int>();
        foreach (var t in text.TokenSpan) { starts.Add(t.Start); ends.Add(t.End); }
        int n = 0;
        foreach (var f in fragments)
            if (starts.Contains(f.Start) && ends.Contains(f.End)) n++;
        return n;
    }
}
