using System.Globalization;

namespace ContradictionNlp.Scoring;

/// <summary>One scorer folder under models/scorer/: its manifest (null when unreadable, with <see cref="Error"/>) and whether CURRENT names it.</summary>
public sealed record ModelVersionInfo(string Name, string Folder, bool IsCurrent, ScorerManifest? Manifest, string? Error, PromotionRecord? Promotion);

/// <summary>
/// promotion.json, written beside a model trained from reviews: how it compared with the model that was
/// current, and whether it was made current. Informational: the catalog never reads it.
/// </summary>
public sealed record PromotionRecord(string Candidate, string Baseline, bool Promoted, IReadOnlyList<string> Reasons,
    IReadOnlyList<PromotionComparison> Comparisons, double Margin, double ReviewWeight, double HoldoutShare,
    int TrainReviews, int HeldOutReviews, int ExcludedReviews, SobrietyCheck? Sobriety = null, ReviewAgreementCheck? ReviewAgreement = null);

/// <summary>
/// Share of a fixed sample of unrelated-by-construction claim pairs that the baseline and the candidate flag
/// (ungated P(contradiction) &gt; <see cref="Threshold"/>); see <c>Training.ModelPromotion</c>.
/// </summary>
public sealed record SobrietyCheck(string Source, int Pairs, double Threshold, int BaselineFlagged, int CandidateFlagged,
    double BaselineShare, double CandidateShare, double BaselineMean, double CandidateMean, double AllowedRise, bool Passed);

/// <summary>
/// Review sanity: on the <see cref="Confident"/> reviewed pairs the current model scored with its top class above
/// <see cref="Confidence"/>, how many reviews (<see cref="Agreed"/>) gave that label; see <c>Training.ModelPromotion</c>.
/// </summary>
public sealed record ReviewAgreementCheck(int Reviews, int Confident, double Confidence, int Agreed, double Agreement, double MinAgreement, bool Passed);

/// <summary>Accuracy of the baseline and the candidate on one evaluation set (same rows for both).</summary>
public sealed record PromotionComparison(string Data, string Kind, int N, double BaselineAccuracy, double CandidateAccuracy, double BaselineContradictionF1, double CandidateContradictionF1);

/// <summary>
/// The scorer versions in a models folder: listing, switching CURRENT (rollback), naming the next one.
/// Switching writes CURRENT to a temporary file and renames it over, so a reader sees the old or the new
/// name, never half of one; a folder the catalog refuses to load is never made current.
/// </summary>
public static class ModelVersions
{
    public const string PromotionFile = "promotion.json";

    /// <summary>Folders under scorer/ holding a manifest.json, by name (ordinal, numeric for vN); temporary folders (".name.tmp-…") are not versions.</summary>
    public static IReadOnlyList<ModelVersionInfo> List(ModelCatalog catalog)
    {
        string? current = null;
        try { current = Path.GetFileName(catalog.CurrentScorerDirectory()); }
        catch (ModelFormatException) { } // no CURRENT: every version is listed as not current
        if (!Directory.Exists(catalog.ScorerDirectory)) return [];
        var result = new List<ModelVersionInfo>();
        foreach (var folder in Directory.GetDirectories(catalog.ScorerDirectory))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || !File.Exists(Path.Combine(folder, "manifest.json"))) continue;
            ScorerManifest? manifest = null;
            string? error = null;
            try { manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(folder, "manifest.json"), ScorerManifest.KindName); }
            catch (ModelFormatException ex) { error = ex.Message; }
            PromotionRecord? promotion = null;
            var promotionPath = Path.Combine(folder, PromotionFile);
            if (File.Exists(promotionPath))
            {
                try { promotion = ManifestJson.Read<PromotionRecord>(promotionPath, "promotion"); }
                catch (ModelFormatException ex) { error ??= ex.Message; }
            }
            result.Add(new ModelVersionInfo(name, folder, name == current, manifest, error, promotion));
        }
        return result.OrderBy(v => VersionNumber(v.Name) ?? int.MaxValue).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Makes <paramref name="version"/> current after checking that the catalog loads it (manifest, hashes,
    /// featurizer, embedder and lexicon all match). Throws <see cref="ModelFormatException"/> otherwise,
    /// leaving CURRENT as it was.
    /// </summary>
    public static void Use(ModelCatalog catalog, string version)
    {
        if (string.IsNullOrWhiteSpace(version) || version.IndexOfAny(['/', '\\']) >= 0 || version is "." or ".." || version.StartsWith('.'))
            throw new ModelFormatException($"'{version}' is not a version name: expected the name of a folder under {catalog.ScorerDirectory}.");
        var folder = Path.Combine(catalog.ScorerDirectory, version);
        if (!Directory.Exists(folder))
        {
            var known = string.Join(", ", List(catalog).Select(v => v.Name));
            throw new ModelFormatException($"No scorer version '{version}' in {catalog.ScorerDirectory} (found: {(known.Length == 0 ? "none" : known)}).");
        }
        catalog.LoadScorer(folder); // throws with the reason when the folder is not usable
        WriteCurrent(catalog.ScorerDirectory, version);
    }

    /// <summary>Points scorer/CURRENT at <paramref name="version"/>: write a temporary file, then rename it over.</summary>
    public static void WriteCurrent(string scorerDirectory, string version)
    {
        var path = Path.Combine(scorerDirectory, ModelCatalog.CurrentFile);
        var tmp = path + $".tmp-{Environment.ProcessId}";
        File.WriteAllText(tmp, version + "\n");
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>"v" + one more than the highest vN folder under scorer/ (v2 when only v1 exists).</summary>
    public static string NextVersionName(ModelCatalog catalog)
    {
        var max = 0;
        if (Directory.Exists(catalog.ScorerDirectory))
            foreach (var folder in Directory.GetDirectories(catalog.ScorerDirectory))
                if (VersionNumber(Path.GetFileName(folder)) is { } n && n > max) max = n;
        return "v" + (max + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>N for a name "vN", else null.</summary>
    public static int? VersionNumber(string name) =>
        name.Length > 1 && name[0] == 'v' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
