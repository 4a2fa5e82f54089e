using System.Diagnostics;
using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Evaluation;

/// <summary>Claim extraction speed on already tokenized articles (tokenizing is not counted).</summary>
/// <param name="Words">Word tokens in the articles (one pass).</param>
/// <param name="BestSeconds">The fastest of the timed passes.</param>
/// <param name="BestCpuSeconds">The fewest process CPU seconds of a timed pass: steadier than wall time on a shared, loaded machine.</param>
public sealed record ExtractionThroughput(long Words, int Runs, double BestSeconds, double BestCpuSeconds = 0)
{
    public double WordsPerSecond => BestSeconds <= 0 ? 0 : Words / BestSeconds;
    public double WordsPerCpuSecond => BestCpuSeconds <= 0 ? 0 : Words / BestCpuSeconds;
}

public static class AttributionThroughput
{
    /// <summary>
    /// Runs <paramref name="extractor"/> over every article of the evaluation <paramref name="runs"/>
    /// times after one warm-up pass (so JIT compilation is not timed) and keeps the fastest pass.
    /// </summary>
    public static ExtractionThroughput Measure(IClaimExtractor extractor, AttributionEvaluation evaluation, int runs = 3)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var inputs = evaluation.Articles
            .Select(r => (Doc: Article.Create("t", null, null, null, r.Text.Text, r.Article.TextPath), r.Text))
            .ToArray();
        long words = 0;
        foreach (var (_, text) in inputs)
            foreach (var t in text.Tokens)
                if (t.Kind == TokenKind.Word) words++;
        double best = double.MaxValue, bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run <= runs; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var (doc, text) in inputs) extractor.Extract(doc, text, new DiagnosticBag());
            sw.Stop();
            process.Refresh();
            if (run == 0) continue;
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        return new ExtractionThroughput(words, runs, best, bestCpu);
    }
}
