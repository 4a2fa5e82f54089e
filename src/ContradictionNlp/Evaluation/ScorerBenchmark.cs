using System.Diagnostics;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Evaluation;

/// <summary>What <see cref="ScorerBenchmark.Run"/> measured, on one thread.</summary>
/// <param name="PrepareSeconds">Preparing every claim once (<see cref="PreparedText"/>: words, stems, vectors, content stems for the gate).</param>
/// <param name="ScoreSeconds">Scoring the pairs: gate, then the model both ways for pairs that pass.</param>
/// <param name="CpuSeconds">Process CPU time over the same span: on a shared machine wall time counts other
/// processes' turns too, CPU time only ours (it includes GC threads, so it slightly overstates our one thread).</param>
public sealed record ScorerBenchmarkReport(int Claims, int DistinctPairs, int Pairs, int PassedGate, int Flagged, double PrepareSeconds, double ScoreSeconds,
    double CpuSeconds = 0)
{
    public double PairsPerSecond => Pairs / (PrepareSeconds + ScoreSeconds);
    public double PairsPerCpuSecond => CpuSeconds > 0 ? Pairs / CpuSeconds : 0;
    public double GatePassShare => Pairs == 0 ? 0 : PassedGate / (double)Pairs;
}

/// <summary>
/// Pair-scoring throughput on a realistic mix: every same-speaker cross-article claim pair of a news
/// corpus (our own extraction, see <see cref="ScorerSobriety.SameSpeakerPairs"/>), cycled until
/// <c>pairs</c> have been scored. Single-threaded, so the figure is per core. Extraction is not timed
/// (it is the claims stage's cost); preparing each claim once for the gate is.
/// </summary>
public static class ScorerBenchmark
{
    public static ScorerBenchmarkReport Run(IReadOnlyList<Article> articles, PairScorer scorer, int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        var (claims, population, _) = ScorerSobriety.SameSpeakerPairs(articles);
        if (population.Count == 0) return new ScorerBenchmarkReport(claims.Count, 0, 0, 0, 0, 0, 0);
        if (scorer.Gate is null) throw new InvalidOperationException("The benchmark measures the gated cascade: the scorer needs a TopicGate.");
        // Each claim is prepared once, as the pipeline's cache does; but no pair-score cache: the population is
        // cycled, and a cache would serve the repeats, so the figure would not be a per-pair cost.
        var uncached = new PairScorer(scorer.Scorer, scorer.Gate, useGate: true, cacheCapacity: 0);
        // Warm-up outside the clock (JIT, lazy tables), on the first pairs.
        for (var k = 0; k < Math.Min(200, population.Count); k++)
            uncached.ScoreTexts(claims[population[k].I].Claim.ContentText, claims[population[k].J].Claim.ContentText);
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var prepared = new PreparedText[claims.Count];
        for (var i = 0; i < claims.Count; i++)
            prepared[i] = uncached.Prepare(claims[i].Claim.ContentText)
                ?? throw new InvalidOperationException("The benchmark needs an NliScorer (its claims are prepared once).");
        var prepare = clock.Elapsed.TotalSeconds;
        clock.Restart();
        int passed = 0, flagged = 0;
        for (var k = 0; k < pairs; k++)
        {
            var (i, j) = population[k % population.Count];
            var s = uncached.ScorePrepared(prepared[i], prepared[j]);
            if (!ReferenceEquals(s, PairScorer.Unrelated)) passed++;
            if (s.Contradiction > 0.5) flagged++;
        }
        var score = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        return new ScorerBenchmarkReport(claims.Count, population.Count, pairs, passed, flagged, prepare, score, cpu);
    }
}
