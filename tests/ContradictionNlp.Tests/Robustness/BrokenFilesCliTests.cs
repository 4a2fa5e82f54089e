using ContradictionNlp.Cli;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Broken model files and foreign stores, through the real CLI: exit 1, one message naming the
/// file and what to do, no stack trace, and the store file left byte for byte as it was.
/// (ModelCatalogTests and ClaimStoreTests cover the library messages; these cover what a user sees.)
/// </summary>
public sealed class BrokenFilesCliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _models;

    public BrokenFilesCliTests()
    {
        _models = _dir.File("models");
        var src = TestPaths.Repo("models");
        foreach (var file in Directory.GetFiles(src, "*", SearchOption.AllDirectories))
        {
            var dst = Path.Combine(_models, Path.GetRelativePath(src, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(file, dst);
        }
        _dir.Write("in/a.txt", "Ann Lee said taxes will rise.\n");
    }

    public void Dispose() => _dir.Dispose();

    private (int Code, string Out, string Err) Analyze(string db)
    {
        var env = new CliEnvironment { CurrentDirectory = _dir.Path, ExecutableDirectory = _dir.File("bin"), GetEnvironmentVariable = _ => null, Stdin = null };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        using (CliEnvironment.Use(env)) code = CnlpApp.Run(["analyze", _dir.File("in"), "--db", db, "--models", _models], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void AssertRefused(string expectedError, string db, byte[]? dbBefore)
    {
        var (code, output, err) = Analyze(db);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal(expectedError + Environment.NewLine, err);
        if (dbBefore is null) Assert.False(File.Exists(db), "a store was created although the run could not start");
        else Assert.Equal(dbBefore, File.ReadAllBytes(db));
    }

    [Fact]
    public void Truncated_vectors_file_is_refused_by_name_and_no_store_is_created()
    {
        var vectors = Path.Combine(_models, "embeddings", "glove-6b-100d-q8.bin");
        var bytes = File.ReadAllBytes(vectors);
        File.WriteAllBytes(vectors, bytes[..(bytes.Length / 2)]);
        var (code, _, err) = Analyze(_dir.File("s.db"));
        Assert.Equal(1, code);
        Assert.StartsWith($"cnlp: cannot load models from '{_models}': {vectors}: sha256 ", err);
        Assert.False(File.Exists(_dir.File("s.db")));
    }

    [Fact]
    public void Scorer_manifest_that_is_not_json_is_refused_by_name()
    {
        var current = File.ReadAllText(Path.Combine(_models, "scorer", "CURRENT")).Trim();
        var manifest = Path.Combine(_models, "scorer", current, "manifest.json");
        File.WriteAllText(manifest, "{\"kind\": \"contradiction-sc");  // half-written
        var (code, output, err) = Analyze(_dir.File("s.db"));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"cnlp: cannot load models from '{_models}': ", err);
        Assert.Contains(manifest, err);
        Assert.DoesNotContain("   at ", err); // no stack trace
    }

    [Fact]
    public void Store_from_a_newer_schema_is_refused_and_left_unchanged()
    {
        var db = _dir.File("new.db");
        using (var store = ClaimStore.Open(db)) { }
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA journal_mode = DELETE; PRAGMA user_version = {StoreSchema.LatestVersion + 1}";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(db);
        AssertRefused($"cnlp: Store '{db}' has schema version {StoreSchema.LatestVersion + 1}, but this cnlp only knows versions up to {StoreSchema.LatestVersion}. " +
                      "Use a newer cnlp, or choose another file with --db.", db, before);
    }

    [Fact]
    public void A_store_path_that_is_a_text_file_is_refused_and_left_unchanged()
    {
        var db = _dir.Write("notes.db", "my notes, not a database\n");
        var before = File.ReadAllBytes(db);
        AssertRefused($"cnlp: '{db}' is not a SQLite database, so it cannot be a cnlp store. Choose another file with --db.", db, before);
    }
}
