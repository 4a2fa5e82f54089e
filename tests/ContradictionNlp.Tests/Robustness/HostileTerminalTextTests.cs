using ContradictionNlp.Cli;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Tests.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// A claim carrying Spectre markup and terminal escapes must print literally and inertly in every
/// table (claims, pairs, analyze) and in diagnostics.
/// </summary>
public sealed class HostileTerminalTextTests : IDisposable
{
    private const string Esc = "\u001b";
    private readonly TempDir _dir = new();

    public HostileTerminalTextTests()
    {
        _dir.Write("models/scorer/CURRENT", "v1");
        // The test extractor takes "NAME said CONTENT." claims; the scorer flags a negation flip.
        _dir.Write("in/a1.txt", "Ann Lee said the [red]vote[/] is \u001b[2Jsafe\u202e here.\n");
        _dir.Write("in/a2.txt", "Ann Lee said the [red]vote[/] is not \u001b[2Jsafe\u202e here.\n");
    }

    public void Dispose() => _dir.Dispose();

    private (int Code, string Out, string Err) Cnlp(params string[] args)
    {
        return CliRun.Run(CliRun.TestStagesEnv(_dir), args);
    }

    [Fact]
    public void Markup_and_escapes_in_claims_print_literally_and_inertly()
    {
        var db = _dir.File("s.db");
        var analyze = Cnlp("analyze", _dir.File("in"), "--db", db);
        var claims = Cnlp("claims", "--db", db);
        var pairs = Cnlp("pairs", "--db", db, "--min-score", "0");
        foreach (var (code, output, err) in new[] { analyze, claims, pairs })
        {
            Assert.Equal(0, code);
            Assert.DoesNotContain(Esc, output + err);
            Assert.DoesNotContain("\u202e", output + err);
        }
        Assert.Contains("[red]vote[/] is ␛[2Jsafe\ufffd", claims.Out);
        Assert.Contains("[red]vote[/] is not ␛[2Jsafe\ufffd", pairs.Out);
        Assert.Contains("[red]vote[/] is not ␛[2Jsafe\ufffd", analyze.Out);
    }

    [Fact]
    public void Diagnostics_quoting_file_content_are_neutralised()
    {
        _dir.Write("bad/x.jsonl", "{\"text\": \"ok\", \"date\": \"\\u001b[2J2020\"}\n");
        var (_, _, err) = Cnlp("analyze", _dir.File("bad"), "--db", _dir.File("t.db"));
        Assert.Contains("unrecognised date \"␛[2J2020\"", err);
        Assert.DoesNotContain(Esc, err);
    }

    [Theory]
    [InlineData("plain [red] text", "plain [red] text")]
    [InlineData("a\u001b[2Jb", "a␛[2Jb")]
    [InlineData("nul\0bel\u0007del\u007f", "nul␀bel␇del␡")]
    [InlineData("tab\tnew\nline\r", "tab new line ")]
    [InlineData("c1\u009bx", "c1\ufffdx")]
    [InlineData("bidi\u202eevil\u2066x\u2069", "bidi\ufffdevil\ufffdx\ufffd")]
    [InlineData("emoji \ud83d\ude00 שלום e\u0301", "emoji \ud83d\ude00 שלום e\u0301")]
    public void Neutralise_maps_each_kind_of_control(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Neutralise(input));
}
