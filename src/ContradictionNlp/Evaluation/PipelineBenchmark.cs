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

    /// <summary>
    /// CPU time of the whole process while the run went on (all its threads: the pipeline's, the memory sampler's, the
    /// runtime's). On a shared machine a run waits for the CPU, which its wall time counts and this does not.
    /// </summary>
    public double CpuSeconds { get; init; }

    /// <summary>Bytes the run allocated on the managed heap, all threads (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), in MB.</summary>
    public double AllocatedMb { get; init; }

    /// <summary>Garbage collections during the run, per generation (a gen1 collection counts once, under gen1; index 0 = gen0 only).</summary>
    public IReadOnlyList<int> Collections { get; init; } = [0, 0, 0];

    /// <summary>
    /// Time the runtime held every managed thread paused for collections during the run (<see cref="GC.GetTotalPauseDuration"/>).
    /// With several threads a pause stops them all, so it costs a 2-thread run as much wall time as a 1-thread one.
    /// </summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>
    /// Methods the JIT compiled during the run, and its time compiling (<see cref="System.Runtime.JitInfo"/>, all threads):
    /// what the ReadyToRun image lacks and the stages' warm-up (<see cref="PipelineStages.Warm"/>) did not reach.
    /// </summary>
    public int JitMethods { get; init; }

    /// <inheritdoc cref="JitMethods"/>
    public double JitSeconds { get; init; }

    /// <summary>Pages the run read from the store file (<see cref="ClaimStore.PagesRead"/>: SQLite page-cache misses), not counting what opening the store read.</summary>
    public long PagesRead { get; init; }

    /// <summary>Pages the run's commits wrote through this connection (<see cref="ClaimStore.PagesWritten"/>; at 1 thread, all of the run's writes).</summary>
    public long PagesWritten { get; init; }

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
    /// <summary>Per run, the process's CPU seconds (see <see cref="PipelineBenchmarkReport.CpuSeconds"/>).</summary>
    public IReadOnlyList<double> RunCpuSeconds { get; init; } = [];
    /// <summary>Per run, the pages read from the store file (see <see cref="PipelineBenchmarkReport.PagesRead"/>).</summary>
    public IReadOnlyList<long> RunPagesRead { get; init; } = [];

    public double MedianSeconds => Median(RunSeconds);
    public double MedianCpuSeconds => Median(RunCpuSeconds);
    public double MedianPagesRead => Median(RunPagesRead.Select(p => (double)p).ToList());

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
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
        double seconds, cpu;
        double peak;
        long pagesBefore = store.PagesRead, writtenBefore = store.PagesWritten;
        var before = RuntimeCounters.Now();
        using (var sampler = new WorkingSetSampler())
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            summary = pipeline.Run(articles, new DiagnosticBag());
            seconds = clock.Elapsed.TotalSeconds;
            cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            peak = sampler.StopAndGetPeakMb();
        }
        var after = RuntimeCounters.Now();
        long pagesRead = store.PagesRead - pagesBefore, pagesWritten = store.PagesWritten - writtenBefore;
        var stagesOut = Enum.GetValues<PipelineStage>()
            .Select(s => new StageFigure(s, totals.Seconds(s), totals.Seconds(s) > 0 ? totals.Words / totals.Seconds(s) : 0))
            .ToList();
        return new PipelineBenchmarkReport(summary.ArticlesNew, summary.ArticlesSkipped, totals.Words, summary.Claims, summary.Pairs,
            seconds, stagesOut, peak, ToMb(Process.GetCurrentProcess().PeakWorkingSet64)) {
                Threads = threads, CpuSeconds = cpu, PagesRead = pagesRead, PagesWritten = pagesWritten,
                AllocatedMb = ToMb(after.Allocated - before.Allocated), GcPauseSeconds = (after.Pause - before.Pause).TotalSeconds,
                Collections = after.CollectionsSince(before), JitMethods = (int)(after.JitMethods - before.JitMethods),
                JitSeconds = (after.JitTime - before.JitTime).TotalSeconds,
            };
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
    /// times on the same filled store by copying the file first, so every run starts from the same N. All stores are filled
    /// first, then the runs take the sizes in turn (run 1 of every size, run 2 of every size, ...).
    /// <paramref name="names"/>: whether copies rename the corpus's names (default) or keep the text verbatim.
    /// <paramref name="keepFolder"/> (optional): filled stores are kept there and reused by later calls, but only when the
    /// store's manifest (see <see cref="GrowthStoreManifest"/>: corpus, size, copy mode, schema, stages and the exact
    /// library build) matches this call's; otherwise the store is built again. The timed runs never write to it (each
    /// runs on a copy), so a kept store stays as its fill left it; the copy the first timed run wrote is kept beside it
    /// as <c>growth-MODE-N.run1.db</c>, for comparing what two builds made of the same batch.
    /// </summary>
    /// <param name="unseenBatch">
    /// False (the default): the batch is round 1 of the corpus's first <paramref name="newArticles"/> articles, whose stories
    /// the store holds too (a store of N holds each about N / corpus-size times, under other names), so a new claim meets
    /// near-copies of itself under its speaker. True: those articles, spread evenly over the corpus, are held out of the fill
    /// and only the rest is copied into the store, so the batch's stories are new to it and its claims meet only what their
    /// speakers said elsewhere (round 30).
    /// </param>
    public static IReadOnlyList<GrowthPoint> Growth(IReadOnlyList<Article> corpus, Func<PipelineStages> stages, IReadOnlyList<int> sizes,
        int newArticles, int runs, string storeFolder, Action<string>? log = null, int fillThreads = 1, int threads = 1,
        CopyNames names = CopyNames.Altered, string? keepFolder = null, bool unseenBatch = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(newArticles, 1);
        if (unseenBatch && newArticles >= corpus.Count)
            throw new ArgumentException($"An unseen batch of {newArticles} articles leaves none of the corpus's {corpus.Count} to fill the stores with.", nameof(newArticles));
        var (fillCorpus, batchCorpus) = unseenBatch ? HoldOut(corpus, newArticles) : (corpus, corpus);
        var copies = new CorpusCopies(fillCorpus, names);
        log?.Invoke(names == CopyNames.Verbatim
            ? "copies keep the corpus text verbatim (every copy quotes the same speakers)"
            : $"copies rename the corpus's {copies.NameCount} name words{(names == CopyNames.AlteredPhrases ? " (multi-word names' words too)" : "")}, each copy its own way (round 0 copy 0 is the corpus as it is)");
        if (unseenBatch) log?.Invoke($"unseen batch: {batchCorpus.Count} articles held out of the fill; the stores copy the other {fillCorpus.Count}");
        // The new batch is round 1: with altered names its people are named unlike any stored copy's.
        var batch = (unseenBatch ? new CorpusCopies(batchCorpus, names) : copies).Take(newArticles, round: 1).ToList();
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
        // Every store is filled (or reused) first; the timed runs then take the sizes in turn (run 1 of each size, then run 2
        // of each...), so a change in the machine's load during the benchmark falls on every size alike. Round 31: with all
        // runs of one size before the next, sets of the same build gave 50k / empty ratios from 1.43 to 1.72 (the empty
        // store's median 0.060-0.077 s from set to set); taken in turn, 1.62 and 1.67.
        var bases = new List<(int Size, string Path, double Fill)>();
        foreach (var size in sizes)
        {
            var basePath = Path.Combine(keepFolder ?? storeFolder, $"growth-{names.ToString().ToLowerInvariant()}{(unseenBatch ? "-unseen" : "")}-{size}.db");
            string? manifest = keepFolder is null ? null : GrowthStoreManifest.Describe(fillCorpus, size, names, stages());
            double fill = 0;
            if (bases.Any(b => b.Path == basePath)) { bases.Add((size, basePath, 0)); continue; } // a size listed twice
            if (manifest is not null && GrowthStoreManifest.Matches(basePath, manifest))
                log?.Invoke($"store of {size} articles reused from {basePath} (its manifest matches this corpus, copy mode and build)");
            else
            {
                if (keepFolder is not null) Directory.CreateDirectory(keepFolder);
                // A store left half-filled (killed fill) or from another build is never reused: its manifest goes first.
                GrowthStoreManifest.Delete(basePath);
                SqliteFiles.Delete(basePath);
                var clock = Stopwatch.StartNew();
                // Bulk load: claims, speakers and vectors as a real run stores them, but no pairs (pairing N articles
                // of copies is what makes a real fill slow, and stored pairs play no part in pairing new claims).
                using (var store = ClaimStore.Open(basePath))
                    new AnalysisPipeline(store, stages(), new PipelineOptions { PairClaims = false, Threads = fillThreads })
                        .Run(copies.Take(size, round: 0), new DiagnosticBag()); // made as read: 50k copies are never all in memory
                SqliteFiles.ClearPools();
                fill = clock.Elapsed.TotalSeconds;
                log?.Invoke($"store of {size} articles filled in {fill:0.0} s");
                if (manifest is not null) GrowthStoreManifest.Write(basePath, manifest);
            }
            bases.Add((size, basePath, fill));
        }

        var results = bases.Select(_ => new SizeRuns()).ToList();
        for (int r = 0; r < runs; r++)
            for (int i = 0; i < bases.Count; i++)
            {
                var (size, basePath, _) = bases[i];
                var result = results[i];
                var runPath = Path.Combine(storeFolder, $"growth-{i}-run{r}.db");
                File.Copy(basePath, runPath, overwrite: true);
                // The copy's pages are written back to disk after it returns (the kernel's writeback threads): for a large
                // store, hundreds of MB that were flushed during the timed run, competing with it for the cores and the disk.
                // A user's store is not written anew before each run, so the copy is made durable here, before the clock.
                using (var copy = new FileStream(runPath, FileMode.Open, FileAccess.ReadWrite)) copy.Flush(flushToDisk: true);
                // The fill's garbage is not the run's memory: start each measured run from a collected heap.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                // Aggressive: also gives the freed memory back to the OS, so the run's working set is its own.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                using (var store = ClaimStore.Open(runPath))
                {
                    StoreProfile.Reset(); // CNLP_STORE_PROFILE=1: each timed run's own store sections (STORE14)
                    var report = Run(batch, store, stages(), threads);
                    if (StoreProfile.On) log?.Invoke(StoreProfile.Report().TrimEnd());
                    result.Times.Add(report.Seconds);
                    result.Cpu.Add(report.CpuSeconds);
                    result.Pages.Add(report.PagesRead);
                    result.Peak = Math.Max(result.Peak, report.PeakMb);
                    (result.Claims, result.Pairs) = (report.Claims, report.CandidatePairs);
                    log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"  run {r + 1}, store of {size}: {batch.Count} new articles in {report.Seconds:0.000} s ({string.Join(", ", report.Stages.Select(f => $"{f.Stage.ToString().ToLowerInvariant()} {f.Seconds:0.000}"))}); cpu {report.CpuSeconds:0.000} s; {report.PagesRead} pages read; {report.PagesWritten} pages written; peak {report.PeakMb:0} MB"));
                }
                SqliteFiles.ClearPools();
                // Kept stores: the first run's result is kept beside its store (replacing an earlier one), so the new
                // batch's claims and pairs can be compared between builds.
                if (keepFolder is not null && r == 0 && bases.FindIndex(b => b.Path == basePath) == i)
                {
                    var resultPath = Path.ChangeExtension(basePath, ".run1.db");
                    SqliteFiles.Delete(resultPath);
                    File.Move(runPath, resultPath);
                }
                SqliteFiles.Delete(runPath);
            }
        var points = new List<GrowthPoint>();
        for (int i = 0; i < bases.Count; i++)
        {
            var result = results[i];
            points.Add(new GrowthPoint(bases[i].Size, bases[i].Fill, result.Times, result.Peak, result.Claims, result.Pairs) { RunCpuSeconds = result.Cpu, RunPagesRead = result.Pages });
        }
        if (keepFolder is null)
            foreach (var path in bases.Select(b => b.Path).Distinct()) SqliteFiles.Delete(path);
        return points;
    }

    /// <summary>What the timed runs of one size gave, gathered over the rounds of <see cref="Growth"/>.</summary>
    private sealed class SizeRuns
    {
        public List<double> Times { get; } = [];
        public List<double> Cpu { get; } = [];
        public List<long> Pages { get; } = [];
        public double Peak { get; set; }
        public int Claims { get; set; }
        public int Pairs { get; set; }
    }

    /// <summary>
    /// The corpus without <paramref name="count"/> articles spread evenly over it (index i * n / count: every category of a
    /// corpus sorted by folder gives some), and those articles, both in corpus order.
    /// </summary>
    internal static (IReadOnlyList<Article> Others, IReadOnlyList<Article> HeldOut) HoldOut(IReadOnlyList<Article> corpus, int count)
    {
        var held = new HashSet<int>();
        for (int i = 0; i < count; i++) held.Add((int)((long)i * corpus.Count / count));
        var rest = new List<Article>(corpus.Count - held.Count);
        var heldOut = new List<Article>(held.Count);
        for (int i = 0; i < corpus.Count; i++) (held.Contains(i) ? heldOut : rest).Add(corpus[i]);
        return (rest, heldOut);
    }

    /// <summary>Untimed runs of the batch before the first size (see <see cref="Growth"/>).</summary>
    public const int WarmUpRuns = 5;
    /// <summary>Pause after them, for the runtime's background compilation of hot methods to finish.</summary>
    public const int WarmUpPauseMilliseconds = 1000;

    internal static double ToMb(long bytes) => bytes / (1024.0 * 1024.0);

    internal static class SqliteFiles
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

/// <summary>
/// What a kept growth store (<c>cnlp bench growth --keep-stores</c>) was built from, written beside it as
/// <c>STORE.manifest</c> once its fill has finished: a hash of the corpus (each article's id, which hashes its text, and
/// its title, date, origin, source and author, in order), the size, the copy mode, the store schema, the stages' identities and the library build (its module version
/// id, which changes whenever the library is rebuilt with other code), plus the store file's length. A store is reused
/// only when every line matches, so a kept store is always one this build would have filled itself.
/// </summary>
public static class GrowthStoreManifest
{
    public static string Describe(IReadOnlyList<Article> corpus, int size, CopyNames names, PipelineStages stages)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(stages);
        // The id hashes the text; the copies also take the title, date, origin, source and author.
        var ids = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", corpus.Select(a =>
            string.Join("\t", a.Id, a.Title, a.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", a.Origin, a.Source ?? "", a.Author ?? ""))));
        var lines = new[]
        {
            "cnlp growth store",
            $"corpus: {corpus.Count} articles, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ids))}",
            $"size: {size}",
            $"copies: {names}",
            $"schema: {StoreSchema.LatestVersion}",
            $"library: {typeof(AnalysisPipeline).Assembly.ManifestModule.ModuleVersionId}",
            $"extractor: {stages.Extractor.GetType().FullName}",
            $"embedder: {stages.Embedder.ModelId} ({stages.Embedder.Dimension})",
            $"scorer: {stages.PairScorer.ModelVersion}",
        };
        return string.Join("\n", lines) + "\n";
    }

    public static bool Matches(string storePath, string manifest)
    {
        var path = storePath + ".manifest";
        if (!File.Exists(storePath) || !File.Exists(path)) return false;
        return File.ReadAllText(path) == manifest + FileLine(storePath);
    }

    public static void Write(string storePath, string manifest) => File.WriteAllText(storePath + ".manifest", manifest + FileLine(storePath));

    public static void Delete(string storePath)
    {
        if (File.Exists(storePath + ".manifest")) File.Delete(storePath + ".manifest");
    }

    // The store is closed (and checkpointed) when this is written, so its length is its final one.
    private static string FileLine(string storePath) => $"bytes: {new FileInfo(storePath).Length}\n";
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

/// <summary>The runtime's allocation, collection and JIT counters at one moment, for the difference over a run.</summary>
internal readonly record struct RuntimeCounters(long Allocated, TimeSpan Pause, int Gen0, int Gen1, int Gen2, long JitMethods = 0, TimeSpan JitTime = default)
{
    // precise: true so the bytes still in threads' allocation contexts count too (a run's figure would otherwise
    // depend on where each thread's last 8 KB chunk happened to end).
    public static RuntimeCounters Now() => new(GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    /// <summary>
    /// Collections between <paramref name="before"/> and this, by the highest generation each collected:
    /// <see cref="GC.CollectionCount"/> of a generation counts the collections of the older ones too.
    /// </summary>
    public int[] CollectionsSince(RuntimeCounters before)
    {
        int g2 = Gen2 - before.Gen2, g1 = Gen1 - before.Gen1, g0 = Gen0 - before.Gen0;
        return [g0 - g1, g1 - g2, g2];
    }
}
