using System.Diagnostics;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>One stage's share of a <see cref="PipelineBenchmark"/> run.</summary>
/// <param name="WordsPerSecond">Corpus words divided by this stage's seconds: how fast the stage alone would get through the corpus.</param>
public sealed record StageFigure(PipelineStage Stage, double Seconds, double WordsPerSecond);

/// <summary>What one timed pipeline run measured.</summary>
/// <param name="Seconds">Wall time of <see cref="AnalysisPipeline.Run"/> (loading files and models not included).</param>
/// <param name="CandidatePairs">Pairs the pipeline scored (every candidate it selected is scored).</param>
/// <param name="PeakMb">Largest working set seen while the run went on (sampled every 20 ms, plus once at the end).</param>
/// <param name="ProcessPeakMb">The process's peak working set since it started (models loading included).</param>
public sealed record PipelineBenchmarkReport(
    int Articles, int ArticlesSkipped, long Words, int Claims, int CandidatePairs, double Seconds,
    IReadOnlyList<StageFigure> Stages, double PeakMb, double ProcessPeakMb)
{
    /// <summary>Worker threads of the run (see <see cref="PipelineOptions.Threads"/>).</summary>
    public int Threads { get; init; } = 1;

    public double WordsPerSecond => Seconds > 0 ? Words / Seconds : 0;
    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;
    public double PairsPerSecond => Stage(PipelineStage.Score).Seconds is > 0 and var s ? CandidatePairs / s : 0;
    /// <summary>Words per second of tokenizing + splitting + claim extraction together.</summary>
    public double ThroughClaimsWordsPerSecond =>
        Stage(PipelineStage.Tokenize).Seconds + Stage(PipelineStage.Extract).Seconds is > 0 and var s ? Words / s : 0;

    public StageFigure Stage(PipelineStage stage) => Stages.First(f => f.Stage == stage);
}

/// <summary>Growth: analysing a fixed batch of new articles into stores of several sizes.</summary>
/// <param name="FillSeconds">Time to build the store of <paramref name="StoredArticles"/> articles (not part of the measured figure).</param>
public sealed record GrowthPoint(int StoredArticles, double FillSeconds, IReadOnlyList<double> RunSeconds, double PeakMb, int NewClaims, int NewPairs)
{
    public double MedianSeconds
    {
        get
        {
            var sorted = RunSeconds.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}

/// <summary>
/// Times the real <see cref="AnalysisPipeline"/> over a corpus through its stage hook
/// (<see cref="PipelineOptions.StageSink"/>), so the per-stage figures are the pipeline's own work,
/// in its order (on one thread unless asked for more; then the per-article stages' seconds are summed over threads).
/// </summary>
public static class PipelineBenchmark
{
    public static PipelineBenchmarkReport Run(IReadOnlyList<Article> articles, ClaimStore store, PipelineStages stages, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stages);
        var totals = new StageTimeTotals();
        var pipeline = new AnalysisPipeline(store, stages, new PipelineOptions { StageSink = totals, Threads = threads });
        PipelineSummary summary;
        double seconds;
        double peak;
        using (var sampler = new WorkingSetSampler())
        {
            var clock = Stopwatch.StartNew();
            summary = pipeline.Run(articles, new DiagnosticBag());
            seconds = clock.Elapsed.TotalSeconds;
            peak = sampler.StopAndGetPeakMb();
        }
        var stagesOut = Enum.GetValues<PipelineStage>()
            .Select(s => new StageFigure(s, totals.Seconds(s), totals.Seconds(s) > 0 ? totals.Words / totals.Seconds(s) : 0))
            .ToList();
        return new PipelineBenchmarkReport(summary.ArticlesNew, summary.ArticlesSkipped, totals.Words, summary.Claims, summary.Pairs,
            seconds, stagesOut, peak, ToMb(Process.GetCurrentProcess().PeakWorkingSet64)) { Threads = threads };
    }

    /// <summary>
    /// <paramref name="count"/> distinct articles made by cycling <paramref name="corpus"/> (see <see cref="CorpusCopies"/>):
    /// copy k of an article gets its own id, origin, title and a date k days later (undated articles count from
    /// 2005-01-01) and, with <see cref="CopyNames.Altered"/> (the default), its own names. Deterministic;
    /// <paramref name="round"/> keeps several batches apart.
    /// </summary>
    public static IReadOnlyList<Article> Copies(IReadOnlyList<Article> corpus, int count, int round, CopyNames names = CopyNames.Altered)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0 && corpus.Count == 0) throw new ArgumentException("The corpus has no articles to copy.", nameof(corpus));
        return new CorpusCopies(corpus, names).Take(count, round).ToList();
    }

    /// <summary>
    /// For each size N: a fresh store at <c>storeFolder/growth-N.db</c> bulk-loaded with N copies of the corpus
    /// (round 0 of <see cref="CorpusCopies"/>; <see cref="PipelineOptions.PairClaims"/> false, on <paramref name="fillThreads"/> threads),
    /// then <paramref name="newArticles"/> further copies (round 1) analysed into it, timed; repeated <paramref name="runs"/>
    /// times on the same filled store by copying the file first, so every run starts from the same N.
    /// <paramref name="names"/>: whether copies rename the corpus's names (default) or keep the text verbatim.
    /// </summary>
    public static IReadOnlyList<GrowthPoint> Growth(IReadOnlyList<Article> corpus, Func<PipelineStages> stages, IReadOnlyList<int> sizes,
        int newArticles, int runs, string storeFolder, Action<string>? log = null, int fillThreads = 1, int threads = 1,
        CopyNames names = CopyNames.Altered)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(newArticles, 1);
        var points = new List<GrowthPoint>();
        var copies = new CorpusCopies(corpus, names);
        log?.Invoke(names == CopyNames.Verbatim
            ? "copies keep the corpus text verbatim (every copy quotes the same speakers)"
            : $"copies rename the corpus's {copies.NameCount} name words, each copy its own way (round 0 copy 0 is the corpus as it is)");
        // The new batch is round 1: with altered names its people are named unlike any stored copy's.
        var batch = copies.Take(newArticles, round: 1).ToList();
        // Untimed runs first: otherwise the first sizes pay the JIT for every stage and look slower than they are.
        // One run was not enough: the larger sizes run after a long bulk load, by which time the runtime has
        // recompiled the hot methods optimised (tiered compilation, in the background), so sizes 0 and 1k ran
        // partly unoptimised code (tokenize 0.03-0.06 s against 0.003 s at 10k+) and the ratios understated growth.
        // Several runs and a pause for the background compiler put every size on the same footing.
        for (int w = 0; w < WarmUpRuns; w++)
        {
            var warmPath = Path.Combine(storeFolder, "growth-warmup.db");
            using (var store = ClaimStore.Open(warmPath))
                new AnalysisPipeline(store, stages(), new PipelineOptions { Threads = threads }).Run(batch, new DiagnosticBag());
            SqliteFiles.ClearPools();
            SqliteFiles.Delete(warmPath);
        }
        Thread.Sleep(WarmUpPauseMilliseconds);
        log?.Invoke($"warm-up: {WarmUpRuns} x {batch.Count} new articles into an empty store (not timed)");
        foreach (var size in sizes)
        {
            var basePath = Path.Combine(storeFolder, $"growth-{size}.db");
            var clock = Stopwatch.StartNew();
            // Bulk load: claims, speakers and vectors as a real run stores them, but no pairs (pairing N articles
            // of copies is what makes a real fill slow, and stored pairs play no part in pairing new claims).
            using (var store = ClaimStore.Open(basePath))
                new AnalysisPipeline(store, stages(), new PipelineOptions { PairClaims = false, Threads = fillThreads })
                    .Run(copies.Take(size, round: 0), new DiagnosticBag()); // made as read: 50k copies are never all in memory
            SqliteFiles.ClearPools();
            double fill = clock.Elapsed.TotalSeconds;
            log?.Invoke($"store of {size} articles filled in {fill:0.0} s");
            var times = new List<double>();
            double peak = 0;
            int claims = 0, pairs = 0;
            for (int r = 0; r < runs; r++)
            {
                var runPath = Path.Combine(storeFolder, $"growth-{size}-run{r}.db");
                File.Copy(basePath, runPath, overwrite: true);
                // The fill's garbage is not the run's memory: start each measured run from a collected heap.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                // Aggressive: also gives the freed memory back to the OS, so the run's working set is its own.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                using (var store = ClaimStore.Open(runPath))
                {
                    var report = Run(batch, store, stages(), threads);
                    times.Add(report.Seconds);
                    peak = Math.Max(peak, report.PeakMb);
                    (claims, pairs) = (report.Claims, report.CandidatePairs);
                    log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"  run {r + 1}: {batch.Count} new articles in {report.Seconds:0.000} s ({string.Join(", ", report.Stages.Select(f => $"{f.Stage.ToString().ToLowerInvariant()} {f.Seconds:0.000}"))}); peak {report.PeakMb:0} MB"));
                }
                SqliteFiles.ClearPools();
                SqliteFiles.Delete(runPath);
            }
            SqliteFiles.Delete(basePath);
            points.Add(new GrowthPoint(size, fill, times, peak, claims, pairs));
        }
        return points;
    }

    /// <summary>Untimed runs of the batch before the first size (see <see cref="Growth"/>).</summary>
    public const int WarmUpRuns = 5;
    /// <summary>Pause after them, for the runtime's background compilation of hot methods to finish.</summary>
    public const int WarmUpPauseMilliseconds = 1000;

    internal static double ToMb(long bytes) => bytes / (1024.0 * 1024.0);

    private static class SqliteFiles
    {
        // Pooled connections keep the file open; clear them so copies and deletes see a closed file.
        public static void ClearPools() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        public static void Delete(string path)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
    }
}

/// <summary>Samples <see cref="Environment.WorkingSet"/> on a background thread; the peak while it ran.</summary>
public sealed class WorkingSetSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _peak = Environment.WorkingSet;

    public WorkingSetSampler(int intervalMilliseconds = 20)
    {
        _thread = new Thread(() =>
        {
            do Observe(); while (!_stop.Wait(intervalMilliseconds));
        }) { IsBackground = true, Name = "working-set sampler" };
        _thread.Start();
    }

    private void Observe()
    {
        long now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
    }

    public double StopAndGetPeakMb()
    {
        if (!_stop.IsSet) { _stop.Set(); _thread.Join(); }
        Observe();
        return PipelineBenchmark.ToMb(Interlocked.Read(ref _peak));
    }

    public void Dispose()
    {
        StopAndGetPeakMb();
        _stop.Dispose();
    }
}
