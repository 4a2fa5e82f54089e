using System.Text.Json;
using ContradictionNlp.Cli;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Review;

public class ExportTests
{
    private static (int Code, string Out, string Err) Cnlp(TempDir dir, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var env = new CliEnvironment { CurrentDirectory = dir.Path, ExecutableDirectory = dir.Path, GetEnvironmentVariable = _ => null, Stdin = null };
        using (CliEnvironment.Use(env))
            return (CnlpApp.Run(args, o, e), o.ToString(), e.ToString());
    }

    [RealModelsFact]
    public void Csv_has_the_documented_header_one_row_per_flagged_pair_and_the_verdicts()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        int flagged;
        long judged;
        using (var store = ClaimStore.Open(db))
        {
            flagged = store.ListPairs(0.5).Count;
            judged = store.ListPairs(0.5)[0].Id;
            store.RecordReview(judged, Verdicts.Contradiction, "ana");
        }
        var (code, output, _) = Cnlp(dir, "export", "--db", db, "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pair_id,speaker,score,verdict,reviewer,reviewed_at,date_a,claim_a,title_a,source_a,date_b,claim_b,title_b,source_b,reasons", lines[0]);
        Assert.Equal(flagged + 1, lines.Length); // no field in the fixture holds a line break
        Assert.StartsWith($"{judged},", lines[1]);
        Assert.Contains(",contradiction,ana,", lines[1]);
        // --status contradiction: only the judged pair.
        var only = Cnlp(dir, "export", "--db", db, "--format", "csv", "--status", "contradiction").Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, only.Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-2 jobs", "'-2 jobs")]
    public void Csv_fields_are_quoted_and_formulas_defused(string value, string expected) =>
        Assert.Equal(expected, ReviewExporter.CsvField(value));

    [RealModelsFact]
    public void Jsonl_is_one_parsable_object_per_pair_with_both_claims()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        var (code, output, _) = Cnlp(dir, "export", "--db", db, "--format", "jsonl", "--status", "all");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var store = ClaimStore.Open(db);
        Assert.Equal(store.ListPairs(0).Count, lines.Length);
        var ids = new List<long>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            ids.Add(root.GetProperty("id").GetInt64());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("verdict").ValueKind);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("a").GetProperty("content").GetString()));
            Assert.False(string.IsNullOrEmpty(root.GetProperty("b").GetProperty("content").GetString()));
        }
        Assert.Equal(store.ListPairs(0).Select(p => p.Id).Order(), ids.Order());
    }

    [RealModelsFact]
    public void Html_report_is_one_file_with_hostile_text_encoded()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        var file = dir.File("report.html");
        // All pairs: whether the hostile pair is flagged depends on the bundled model, not on the encoding under test.
        var (code, _, err) = Cnlp(dir, "export", "--db", db, "--format", "html", "--status", "all", "--out", file);
        Assert.Equal(0, code);
        Assert.Contains("wrote", err);
        var html = File.ReadAllText(file);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain(ReviewFixture.HostileScript, html);
        Assert.DoesNotContain("<script", html); // no script element at all
        Assert.DoesNotContain("src=\"http", html); // nothing fetched from elsewhere
        Assert.Contains("<h2>Dana Whitfield</h2>", html);
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public void Export_without_a_store_fails_and_an_unknown_status_is_bad_usage()
    {
        using var dir = new TempDir();
        var (code, _, err) = Cnlp(dir, "export", "--db", dir.File("none.db"), "--format", "csv");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("no store at", err);
        Assert.Equal(ExitCodes.BadUsage, Cnlp(dir, "export", "--format", "csv", "--status", "pending").Code);
        Assert.Equal(ExitCodes.BadUsage, Cnlp(dir, "export", "--format", "pdf").Code);
    }
}

public class ServeCommandTests
{
    [Fact]
    public void Serve_refuses_a_missing_store_and_a_listen_value_that_is_not_an_address()
    {
        using var dir = new TempDir();
        var env = new CliEnvironment { CurrentDirectory = dir.Path, ExecutableDirectory = dir.Path, GetEnvironmentVariable = _ => null, Stdin = null };
        var (o, e) = (new StringWriter(), new StringWriter());
        using (CliEnvironment.Use(env))
        {
            Assert.Equal(ExitCodes.Failure, CnlpApp.Run(["serve", "--db", dir.File("none.db")], o, e));
            Assert.Contains("no store at", e.ToString());
            File.WriteAllBytes(dir.File("empty.db"), []);
            Assert.Equal(ExitCodes.BadUsage, CnlpApp.Run(["serve", "--db", dir.File("empty.db"), "--listen", "everywhere"], o, e));
            Assert.Contains("--listen must be an IP address", e.ToString());
            Assert.Equal(ExitCodes.BadUsage, CnlpApp.Run(["serve", "--port", "70000"], o, e));
        }
    }
}
