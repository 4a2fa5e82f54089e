namespace ContradictionNlp.Tests;

/// <summary>Where the repository, its bundled data and the read-only ../shared folder are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the checkout (data sets and seed articles); may be absent.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static bool HasShared(params string[] parts) =>
        Path.Exists(Path.Combine([Shared, .. parts]));

    public static string Repo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContradictionNlp.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ContradictionNlp.sln not found above " + AppContext.BaseDirectory);
    }
}
