using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>The models/ folder committed with the repository, opened once for all tests.</summary>
public static class ShippedModels
{
    private static readonly Lazy<ModelCatalog> Lazy = new(() => ModelCatalog.Open(TestPaths.Repo("models")));
    public static ModelCatalog Catalog => Lazy.Value;
}
