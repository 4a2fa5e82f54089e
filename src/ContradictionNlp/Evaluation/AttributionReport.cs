using System.Text;
using System.Text.Json;

namespace ContradictionNlp.Evaluation;

/// <summary>
/// Offset sanity of the gold: how many T lines were checked against the text, how many did not
/// match it, and how many span fragments start and end on our token boundaries.
/// </summary>
public sealed record SpanAlignment(int SpansChecked, int SpansMisaligned, int Fragments, int TokenAligned);

/// <summary>Summed figures of an attribution evaluation; <see cref="ToJson"/> is the stable machine format.</summary>
/// <param name="SpeechCues">Figures on gold whose cue is a speech/statement word; null when not computed.</param>
/// <param name="RolelessEvents">Trigger-only E lines (no Content) in the corpus; not counted as gold.</param>
public sealed record AttributionReport(
    AttributionCounts All,
    AttributionCounts? SpeechCues,
    int Articles,
    int SkippedArticles,
    int SkippedAttributions,
    int RolelessEvents,
    SpanAlignment Alignment)
{
    public bool AnySkipped => SkippedArticles > 0 || SkippedAttributions > 0;

    /// <summary>
    /// One JSON object, keys in a fixed order: content, content_loose (IoU &gt;= 0.3), content_exact, content_exact_normalized, source_accuracy,
    /// cue_accuracy, articles, gold, predicted, then speech_cues (when computed), skipped,
    /// alignment and counts. Fractions are in 0..1, rounded to 4 decimals.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            WriteFigures(w, All);
            w.WriteNumber("articles", Articles);
            w.WriteNumber("gold", All.Gold);
            w.WriteNumber("predicted", All.Predicted);
            if (SpeechCues is { } s)
            {
                w.WriteStartObject("speech_cues");
                WriteFigures(w, s);
                w.WriteNumber("gold", s.Gold);
                w.WriteNumber("predicted", s.Predicted);
                w.WriteEndObject();
            }
            w.WriteStartObject("skipped");
            w.WriteNumber("articles", SkippedArticles);
            w.WriteNumber("attributions", SkippedAttributions);
            w.WriteEndObject();
            w.WriteStartObject("alignment");
            w.WriteNumber("spans_checked", Alignment.SpansChecked);
            w.WriteNumber("spans_misaligned", Alignment.SpansMisaligned);
            w.WriteNumber("fragments", Alignment.Fragments);
            w.WriteNumber("token_aligned", Alignment.TokenAligned);
            w.WriteEndObject();
            w.WriteStartObject("counts");
            w.WriteNumber("matched", All.Matched);
            w.WriteNumber("exact_matched", All.ExactMatched);
            w.WriteNumber("source_evaluated", All.SourceEvaluated);
            w.WriteNumber("matched_without_gold_source", All.MatchedWithoutGoldSource);
            w.WriteNumber("roleless_events", RolelessEvents);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The figures of one set of counts, as the report and the agreement report write them.</summary>
    internal static void WriteFigures(Utf8JsonWriter w, AttributionCounts c)
    {
        w.WriteStartObject("content");
        w.WriteNumber("precision", Round(c.Precision));
        w.WriteNumber("recall", Round(c.Recall));
        w.WriteNumber("f1", Round(c.F1));
        w.WriteEndObject();
        w.WriteStartObject("content_loose");
        w.WriteNumber("precision", Round(c.LoosePrecision));
        w.WriteNumber("recall", Round(c.LooseRecall));
        w.WriteNumber("f1", Round(c.LooseF1));
        w.WriteEndObject();
        w.WriteStartObject("content_exact");
        w.WriteNumber("precision", Round(c.ExactPrecision));
        w.WriteNumber("recall", Round(c.ExactRecall));
        w.WriteNumber("f1", Round(c.ExactF1));
        w.WriteEndObject();
        w.WriteStartObject("content_exact_normalized");
        w.WriteNumber("precision", Round(c.CoreExactPrecision));
        w.WriteNumber("recall", Round(c.CoreExactRecall));
        w.WriteNumber("f1", Round(c.CoreExactF1));
        w.WriteEndObject();
        w.WriteNumber("source_accuracy", Round(c.SourceAccuracy));
        w.WriteNumber("cue_accuracy", Round(c.CueAccuracy));
    }

    // Four decimals is finer than any difference a dev set of this size can show.
    private static double Round(double x) => Math.Round(x, 4, MidpointRounding.AwayFromZero);
}
