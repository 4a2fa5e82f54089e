using ContradictionNlp.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Cli;

/// <summary>`cnlp analyze --threads N`: the same output and the same store as one thread; N below 1 is bad usage.</summary>
public class AnalyzeThreadsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public AnalyzeThreadsTests()
    {
        _dir.Write("models/scorer/CURRENT", "v1");
        // Twelve articles, two speakers saying and unsaying things: enough for the worker threads to run ahead.
        for (int i = 0; i < 12; i++)
            _dir.Write($"in/a{i:00}.txt", $"Report {i}\ndate 2024-{1 + i:00}-10\n\nAnn Lee said taxes will {(i % 2 == 0 ? "not " : "")}rise. Bob Hart said roads are {(i % 3 == 0 ? "bad" : "fine")} in district {i}.\n");
    }

    public void Dispose() => _dir.Dispose();

    private (int Code, string Out, string Err) Cnlp(params string[] args)
    {
        return CliRun.Run(CliRun.TestStagesEnv(_dir), args);
    }

    [Fact]
    public void Two_threads_print_the_same_json_and_leave_the_same_store_as_one()
    {
        var one = Cnlp("analyze", "in", "--db", "one.db", "--json");
        var two = Cnlp("analyze", "in", "--db", "two.db", "--json", "--threads", "2");
        Assert.Equal((0, ""), (one.Code, one.Err));
        Assert.Equal(one, two);
        Assert.Contains("\"flaggedCount\": ", one.Out);
        Assert.Equal(StoreDump.Dump(_dir.File("one.db")), StoreDump.Dump(_dir.File("two.db")));
        Assert.True(StoreDump.Count(_dir.File("two.db"), "pairs") > 0);
    }

    [Fact]
    public void Zero_threads_is_bad_usage()
    {
        var (code, output, err) = Cnlp("analyze", "in", "--db", "x.db", "--threads", "0");
        Assert.Equal((2, ""), (code, output));
        Assert.Equal("cnlp: --threads must be at least 1, got 0." + Environment.NewLine, err);
        Assert.False(File.Exists(_dir.File("x.db")));
    }
}
