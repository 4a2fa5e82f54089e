using System.Text;
using System.Text.Json;
using ContradictionNlp.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>One side of an agreement measurement: summed counts over its comparisons (one comparison = one gold annotator
/// against one other reading of the same article).</summary>
/// <param name="SpeechCues">The speech-cue subset; null when the evaluator has no speech-word test.</param>
public sealed record AgreementSide(int Comparisons, AttributionCounts All, AttributionCounts? SpeechCues);

/// <summary>One multi-annotated article: how many annotators, and the pooled content F1 of each side on it.</summary>
public sealed record AgreementArticle(string Name, int Annotators, int Gold, double HumanF1, double ExtractorF1);

/// <summary>
/// How far PolNeAR's annotators agree with one another on the articles several of them annotated, and how far the
/// extractor agrees with each of them, by the very metric of <see cref="AttributionScorer"/>: the ceiling a content F1
/// target on this corpus can be read against.
/// </summary>
/// <param name="Human">Every ordered pair of distinct annotators of an article (one as gold, the other as prediction), so
/// each annotator is gold as often as the extractor's comparisons make it; pooled precision and recall are then equal.</param>
/// <param name="Extractor">The extractor's claims against each annotator of each article as gold.</param>
/// <param name="SkippedAttributions">Attributions of any reading dropped for a bad span (each has a diagnostic).</param>
public sealed record AttributionAgreementReport(
    int Articles,
    int SkippedArticles,
    int SkippedAttributions,
    int Annotations,
    AgreementSide Human,
    AgreementSide Extractor,
    IReadOnlyList<AgreementArticle> PerArticle)
{
    /// <summary>
    /// One JSON object, keys in a fixed order: articles, annotations, skipped_articles, skipped_attributions, then human and extractor, each with
    /// comparisons, the figures of <see cref="AttributionReport.ToJson"/> (content, content_loose, content_exact,
    /// content_exact_normalized, source_accuracy, cue_accuracy), gold, predicted and speech_cues (when computed).
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("articles", Articles);
            w.WriteNumber("annotations", Annotations);
            w.WriteNumber("skipped_articles", SkippedArticles);
            w.WriteNumber("skipped_attributions", SkippedAttributions);
            Side(w, "human", Human);
            Side(w, "extractor", Extractor);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Side(Utf8JsonWriter w, string name, AgreementSide side)
    {
        w.WriteStartObject(name);
        w.WriteNumber("comparisons", side.Comparisons);
        AttributionReport.WriteFigures(w, side.All);
        w.WriteNumber("gold", side.All.Gold);
        w.WriteNumber("predicted", side.All.Predicted);
        if (side.SpeechCues is { } s)
        {
            w.WriteStartObject("speech_cues");
            AttributionReport.WriteFigures(w, s);
            w.WriteNumber("gold", s.Gold);
            w.WriteNumber("predicted", s.Predicted);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}

public sealed partial class AttributionEvaluator
{
    /// <summary>
    /// Scores annotators against one another and the extractor against each annotator on every article of
    /// <paramref name="split"/> (see <see cref="AttributionAgreementReport"/>). The extractor runs once per article.
    /// </summary>
    public AttributionAgreementReport EvaluateAgreement(PolNearAnnotatedSplit split, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(diagnostics);
        AttributionCounts human = default, humanSpeech = default, model = default, modelSpeech = default;
        int humanComparisons = 0, modelComparisons = 0, annotations = 0, skippedAttributions = 0;
        var perArticle = new List<AgreementArticle>(split.Articles.Count);
        foreach (var article in split.Articles)
        {
            var tokenized = _analyzer.Analyze(article.Text);
            var claims = _extractor.Extract(ArticleOf(article.Text, article.TextPath), tokenized, diagnostics);
            var predicted = PredictedSpans(tokenized, claims);
            var readings = article.Annotators.Select(a => GoldSpans(tokenized, a.Annotations.Attributions)).ToArray();
            // The same readings as predictions: their own source and cue; a non-speech cue is not held against the subset.
            var asPredicted = readings
                .Select(r => r.Select(g => g with { IsSpeechCue = false, NotSpeech = !g.IsSpeechCue }).ToArray())
                .ToArray();
            annotations += readings.Length;
            skippedAttributions += article.Annotators.Sum(a => a.Annotations.SkippedAttributions);
            AttributionCounts articleHuman = default, articleModel = default;
            for (int g = 0; g < readings.Length; g++)
            {
                var m = AttributionScorer.Score(readings[g], predicted);
                articleModel += m.All;
                modelSpeech += m.SpeechCues;
                modelComparisons++;
                for (int p = 0; p < readings.Length; p++)
                {
                    if (p == g) continue;
                    var h = AttributionScorer.Score(readings[g], asPredicted[p]);
                    articleHuman += h.All;
                    humanSpeech += h.SpeechCues;
                    humanComparisons++;
                }
            }
            human += articleHuman;
            model += articleModel;
            perArticle.Add(new AgreementArticle(article.Name, readings.Length, readings.Sum(r => r.Length), articleHuman.F1, articleModel.F1));
        }
        bool speech = _isSpeechCue is not null;
        return new AttributionAgreementReport(
            split.Articles.Count, split.SkippedArticles, skippedAttributions, annotations,
            new AgreementSide(humanComparisons, human, speech ? humanSpeech : null),
            new AgreementSide(modelComparisons, model, speech ? modelSpeech : null),
            perArticle);
    }
}
