using System.Text.Json;
using ContradictionNlp.Cli;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Cli;

/// <summary>
/// Given a temp folder with articles and a models/ folder, When cnlp runs in-process with the
/// test stages, Then exit codes, stderr lines and JSON shapes are exactly as documented.
/// </summary>
public class CliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<string> _modelDirsLoaded = new();

    public CliTests()
    {
        _dir.Write("models/scorer/CURRENT", "v1");
        _dir.Write("in/a1.txt", "Budget plans\ndate 2024-01-10\nWritten by A. Reporter\n\nAnn Lee said taxes will not rise. Bob Hart said roads are fine.\n");
        _dir.Write("in/a2.txt", "Budget vote\ndate 2024-02-10\n\nAnn Lee said taxes will rise. Bob Hart said roads are in fine shape today.\n");
    }

    public void Dispose() => _dir.Dispose();

    private CliEnvironment Env(string? cwd = null, string? cnlpModels = null) => new()
    {
        CurrentDirectory = cwd ?? _dir.Path,
        ExecutableDirectory = _dir.File("bin"),
        GetEnvironmentVariable = name => name == "CNLP_MODELS" ? cnlpModels : null,
        Stdin = null,
        LoadStages = dir => { _modelDirsLoaded.Add(dir); return TestStages.Create(); },
    };

    private (int Code, string Out, string Err) Cnlp(CliEnvironment env, params string[] args)
    {
        return CliRun.Run(env, args);
    }

    private (int Code, string Out, string Err) Cnlp(params string[] args) => Cnlp(Env(), args);

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Theory]
    [InlineData("analyze")]                                   // PATH is required
    [InlineData("analyze", "in", "--min-score", "1.5")]       // out of range
    [InlineData("analyze", "in", "--min-score", "high")]      // not a number
    [InlineData("frobnicate")]                                // no such command
    [InlineData("pairs", "--bogus")]                          // no such option
    public void Bad_usage_exits_2_with_a_hint(params string[] args)
    {
        var (code, output, err) = Cnlp(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("cnlp: ", err);
        Assert.EndsWith("Run 'cnlp --help' for usage." + Environment.NewLine, err);
    }

    [Fact]
    public void Min_score_out_of_range_names_the_value()
    {
        var (_, _, err) = Cnlp("analyze", "in", "--min-score", "1.5");
        Assert.Contains("cnlp: --min-score must be between 0 and 1, got 1.5.", err);
    }

    [Fact]
    public void Analyze_with_a_missing_input_finishes_the_rest_and_exits_3()
    {
        var missing = _dir.File("nope.txt");
        var (code, output, err) = Cnlp("analyze", _dir.File("in/a1.txt"), missing, "--db", _dir.File("s.db"), "--json");
        Assert.Equal(3, code);
        Assert.Contains($"{missing}: error: no such file or folder", err.Split(Environment.NewLine));
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("articlesNew").GetInt32());
    }

    [Fact]
    public void Analyze_json_has_the_documented_keys_and_flags_the_negation_pair()
    {
        var (code, output, err) = Cnlp("analyze", _dir.File("in"), "--db", _dir.File("s.db"), "--json");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["articlesNew", "articlesSkipped", "claims", "pairs", "flaggedCount", "flagged"], Keys(root));
        Assert.Equal((2, 0, 4, 2, 1), (root.GetProperty("articlesNew").GetInt32(), root.GetProperty("articlesSkipped").GetInt32(),
            root.GetProperty("claims").GetInt32(), root.GetProperty("pairs").GetInt32(), root.GetProperty("flaggedCount").GetInt32()));

        var pair = Assert.Single(root.GetProperty("flagged").EnumerateArray());
        Assert.Equal(["speaker", "a", "b", "score", "reasons"], Keys(pair));
        Assert.Equal("Ann Lee", pair.GetProperty("speaker").GetString());
        Assert.Equal(0.9, pair.GetProperty("score").GetDouble());
        var a = pair.GetProperty("a");
        Assert.Equal(["id", "speaker", "cue", "text", "article", "date"], Keys(a));
        Assert.Equal(("Ann Lee", "said", "taxes will not rise", "2024-01-10"),
            (a.GetProperty("speaker").GetString(), a.GetProperty("cue").GetString(), a.GetProperty("text").GetString(), a.GetProperty("date").GetString()));
        Assert.Equal("taxes will rise", pair.GetProperty("b").GetProperty("text").GetString());
        var reason = Assert.Single(pair.GetProperty("reasons").EnumerateArray());
        Assert.Equal(["kind", "message"], Keys(reason));
        Assert.Equal("negation", reason.GetProperty("kind").GetString());
    }

    [Fact]
    public void Rerun_is_a_no_op_and_the_table_says_so()
    {
        Cnlp("analyze", _dir.File("in"), "--db", _dir.File("s.db"));
        var (code, output, err) = Cnlp("analyze", _dir.File("in"), "--db", _dir.File("s.db"));
        Assert.Equal(0, code);
        Assert.StartsWith("0 new article(s), 2 already stored; 0 claim(s), 0 pair(s) scored, 0 flagged at >= 0.50.", output);
        Assert.Contains("No pairs flagged in this run.", output);
        Assert.Equal(2, err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length); // one info line per article

        // --all shows what is stored even though this run flagged nothing.
        var (_, all, _) = Cnlp("analyze", _dir.File("in"), "--db", _dir.File("s.db"), "--all");
        Assert.Contains("taxes will not rise", all);
        Assert.Contains("Ann Lee", all);
    }

    [Fact]
    public void Speakers_claims_and_pairs_json_have_the_documented_keys()
    {
        var db = _dir.File("s.db");
        Cnlp("analyze", _dir.File("in"), "--db", db);

        var (c1, speakersJson, _) = Cnlp("speakers", "--db", db, "--json");
        Assert.Equal(0, c1);
        var speakers = JsonDocument.Parse(speakersJson).RootElement.EnumerateArray().ToList();
        Assert.Equal(["id", "name", "aliases", "claims"], Keys(speakers[0]));
        Assert.Equal(["Ann Lee", "Bob Hart"], speakers.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([2, 2], speakers.Select(s => s.GetProperty("claims").GetInt32()));
        Assert.Equal(["Ann Lee"], speakers[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        var (c2, claimsJson, _) = Cnlp("claims", "--db", db, "--json", "--speaker", "bob hart");
        Assert.Equal(0, c2);
        var claims = JsonDocument.Parse(claimsJson).RootElement.EnumerateArray().ToList();
        Assert.Equal(["id", "speaker", "cue", "text", "article", "date"], Keys(claims[0]));
        Assert.Equal(["roads are fine", "roads are in fine shape today"], claims.Select(c => c.GetProperty("text").GetString()));

        var (c3, pairsJson, _) = Cnlp("pairs", "--db", db, "--json", "--min-score", "0");
        Assert.Equal(0, c3);
        var pairs = JsonDocument.Parse(pairsJson).RootElement.EnumerateArray().ToList();
        Assert.Equal([0.9, 0.1], pairs.Select(p => p.GetProperty("score").GetDouble())); // score descending
        Assert.Empty(pairs[1].GetProperty("reasons").EnumerateArray());

        var (_, defaultPairs, _) = Cnlp("pairs", "--db", db, "--json");
        Assert.Single(JsonDocument.Parse(defaultPairs).RootElement.EnumerateArray()); // default --min-score 0.5
    }

    [Fact]
    public void Unknown_speaker_lists_nothing_and_says_so()
    {
        var db = _dir.File("s.db");
        Cnlp("analyze", _dir.File("in"), "--db", db);
        var (code, output, err) = Cnlp("claims", "--db", db, "--json", "--speaker", "Nobody");
        Assert.Equal(0, code);
        Assert.Equal("[]", output.Trim());
        Assert.Equal("cnlp: no claims by a speaker named 'Nobody' (see 'cnlp speakers')." + Environment.NewLine, err);
    }

    [Fact]
    public void Missing_models_exit_1_naming_every_place_looked()
    {
        File.Delete(_dir.File("models/scorer/CURRENT"));
        var (code, output, err) = Cnlp("analyze", _dir.File("in"), "--db", _dir.File("s.db"));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"cnlp: no models found. Looked for --models (not given), CNLP_MODELS (not set), then models/scorer/CURRENT in '{_dir.Path}' " +
                     $"and its parents, then in '{_dir.File("bin")}' and its parents. Pass --models DIR or set CNLP_MODELS." + Environment.NewLine, err);
        Assert.False(File.Exists(_dir.File("s.db"))); // no empty store left behind
    }

    [Fact]
    public void Models_option_that_does_not_exist_exits_1()
    {
        var (code, _, err) = Cnlp("analyze", "in", "--models", "elsewhere");
        Assert.Equal(1, code);
        Assert.Equal($"cnlp: models directory '{_dir.File("elsewhere")}' (from --models) does not exist." + Environment.NewLine, err);
    }

    [Fact]
    public void Models_are_found_by_option_then_environment_then_walking_up()
    {
        var other = _dir.Write("other/scorer/CURRENT", "v1");
        Cnlp(Env(cnlpModels: _dir.File("models")), "analyze", "in", "--db", _dir.File("1.db"), "--models", "other");
        Cnlp(Env(cnlpModels: _dir.File("other")), "analyze", "in", "--db", _dir.File("2.db"));
        Directory.CreateDirectory(_dir.File("in/deeper"));
        Cnlp(Env(cwd: _dir.File("in/deeper")), "analyze", _dir.File("in"), "--db", _dir.File("3.db"));
        Assert.Equal([_dir.File("other"), _dir.File("other"), _dir.File("models")], _modelDirsLoaded);
    }

    [Fact]
    public void Models_that_fail_to_load_exit_1_with_the_reason()
    {
        var env = Env() with { LoadStages = _ => throw new InvalidDataException("manifest format 9, expected 1") };
        var (code, _, err) = Cnlp(env, "analyze", "in", "--db", _dir.File("s.db"));
        Assert.Equal(1, code);
        Assert.Equal($"cnlp: cannot load models from '{_dir.File("models")}': manifest format 9, expected 1" + Environment.NewLine, err);
    }

    [Fact]
    public void A_db_that_is_not_sqlite_exits_1_naming_it()
    {
        var bad = _dir.Write("bad.db", "hello");
        var (code, _, err) = Cnlp("analyze", "in", "--db", bad);
        Assert.Equal(1, code);
        Assert.Equal($"cnlp: '{bad}' is not a SQLite database, so it cannot be a cnlp store. Choose another file with --db." + Environment.NewLine, err);
        Assert.Equal("hello", File.ReadAllText(bad));
    }

    [Theory]
    [InlineData("speakers")]
    [InlineData("claims")]
    [InlineData("pairs")]
    public void Listing_a_store_that_does_not_exist_exits_1_and_creates_nothing(string command)
    {
        var db = _dir.File("missing.db");
        var (code, _, err) = Cnlp(command, "--db", db);
        Assert.Equal(1, code);
        Assert.StartsWith($"cnlp: no store at '{db}'.", err);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Dash_reads_one_article_from_stdin()
    {
        var text = "Stdin story\ndate 2024-05-01\n\nAnn Lee said the pier is open.\n"u8.ToArray();
        var env = Env() with { Stdin = () => new MemoryStream(text) };
        var (code, output, _) = Cnlp(env, "analyze", "-", "--db", _dir.File("s.db"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("claims").GetInt32());
        var (_, claims, _) = Cnlp("claims", "--db", _dir.File("s.db"), "--json");
        Assert.Equal("the pier is open", JsonDocument.Parse(claims).RootElement[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Default_db_is_contradictions_db_in_the_working_directory()
    {
        var (code, _, _) = Cnlp("analyze", "in");
        Assert.Equal(0, code);
        Assert.True(File.Exists(_dir.File("contradictions.db")));
    }
}
