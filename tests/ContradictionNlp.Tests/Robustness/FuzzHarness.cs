using System.Diagnostics;
using Xunit.Abstractions;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Runs generated inputs one at a time, each on a worker under a per-input time limit, and fails
/// with the seed and input index of the first exception or overrun, so any failure can be
/// replayed exactly. Seeds are fixed: the same build tries the same inputs on every machine.
/// </summary>
/// <remarks>
/// CI runs a subset sized to stay well under two minutes in total; FUZZ_FULL=1 multiplies every
/// count by <see cref="FullMultiplier"/> (see README, Robustness).
/// </remarks>
public static class Fuzz
{
    public const int FullMultiplier = 10;

    public static bool Full => Environment.GetEnvironmentVariable("FUZZ_FULL") == "1";

    public static int Scale(int ciCount) => Full ? ciCount * FullMultiplier : ciCount;

    /// <summary>Generous: the slowest CI input takes well under a second; only a hang (or quadratic blow-up) gets near this.</summary>
    public static TimeSpan PerInputLimit { get; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Generates <paramref name="count"/> inputs from one seeded Random and checks each. Returns
    /// the figures the report quotes (count, slowest, its index).
    /// </summary>
    public static FuzzStats Run<T>(string name, int seed, int count, Func<Random, int, T> generate, Action<T> check,
        ITestOutputHelper? output = null, Func<T, string>? describe = null)
    {
        var random = new Random(seed);
        var stats = new FuzzStats(name, seed);
        for (int i = 0; i < count; i++)
        {
            var input = generate(random, i);
            var watch = Stopwatch.StartNew();
            // A worker thread lets the test report a hang instead of hanging CI itself.
            var task = Task.Factory.StartNew(() => check(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            bool finished;
            try { finished = task.Wait(PerInputLimit); }
            catch (AggregateException ex)
            {
                throw new FuzzFailure($"{name}: seed {seed}, input #{i} ({Describe(input, describe)}) threw {ex.InnerException!.GetType().Name}: {ex.InnerException.Message}", ex.InnerException);
            }
            if (!finished)
                throw new FuzzFailure($"{name}: seed {seed}, input #{i} ({Describe(input, describe)}) still running after {PerInputLimit.TotalSeconds:0} s", null);
            stats.Record(i, watch.Elapsed);
        }
        output?.WriteLine(stats.ToString());
        FuzzStats.Log(stats);
        return stats;
    }

    private static string Describe<T>(T input, Func<T, string>? describe)
    {
        if (describe is not null) return describe(input);
        var s = input?.ToString() ?? "null";
        return s.Length <= 80 ? s : s[..80] + "…";
    }
}

public sealed class FuzzFailure(string message, Exception? inner) : Exception(message, inner);

public sealed class FuzzStats(string name, int seed)
{
    public string Name { get; } = name;
    public int Seed { get; } = seed;
    public int Count { get; private set; }
    public TimeSpan Slowest { get; private set; }
    public int SlowestIndex { get; private set; } = -1;
    public TimeSpan Total { get; private set; }

    public void Record(int index, TimeSpan elapsed)
    {
        Count++;
        Total += elapsed;
        if (elapsed > Slowest) (Slowest, SlowestIndex) = (elapsed, index);
    }

    public override string ToString() =>
        $"{Name}: {Count} inputs (seed {Seed}), total {Total.TotalMilliseconds:0} ms, slowest {Slowest.TotalMilliseconds:0.0} ms (#{SlowestIndex})";

    private static readonly Lock Gate = new();

    /// <summary>Appends to $FUZZ_STATS when set, so one command can total a whole run's figures.</summary>
    public static void Log(FuzzStats stats)
    {
        var path = Environment.GetEnvironmentVariable("FUZZ_STATS");
        if (string.IsNullOrEmpty(path)) return;
        lock (Gate)
            File.AppendAllText(path, $"{stats.Name}\t{stats.Seed}\t{stats.Count}\t{stats.Total.TotalMilliseconds:0}\t{stats.Slowest.TotalMilliseconds:0.0}\t{stats.SlowestIndex}\n");
    }
}
