using ContradictionNlp.Claims;
using ContradictionNlp.Speakers;
using Xunit.Abstractions;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Runs the analyzer and extractor on the two real seed articles in ../shared/seeds (read at test
/// time, never copied into the project). Passes without checking anything when they are absent.
/// </summary>
public class SeedArticleTests(ITestOutputHelper output)
{
    private static string Seed(string name) => Path.Combine(TestPaths.Shared, "seeds", name);

    private IReadOnlyList<Claim> Claims(string file)
    {
        var (claims, _) = ClaimTestKit.Run(File.ReadAllText(Seed(file)), file);
        output.WriteLine(file);
        output.WriteLine(ClaimFormatter.Dump(claims));
        return claims;
    }

    private static void AssertHas(IReadOnlyList<Claim> claims, string speaker, string cue, string contentStartsWith) =>
        Assert.Contains(claims, c => c.Speaker.Name == speaker && c.CueText == cue && c.ContentText.StartsWith(contentStartsWith, StringComparison.Ordinal));

    [Fact]
    public void Seed_claims_and_speakers_merge_across_both_articles()
    {
        const string lukashenkoFile = "lukashenko-admission-2023-11-16.txt";
        const string aleinikFile = "aleinik-denial-2023-09-27.txt";
        if (!File.Exists(Seed(lukashenkoFile)) || !File.Exists(Seed(aleinikFile))) return;

        var luk = Claims(lukashenkoFile);
        var ale = Claims(aleinikFile);

        AssertHas(luk, "Alexander Lukashenko", "confirmed", "some Russian troops crossed the Ukrainian border");
        AssertHas(luk, "Alexander Lukashenko", "clarified", "no Belarusian troops were involved");
        AssertHas(luk, "Alexander Lukashenko", "insisted", "Russian President Vladimir Putin is not pressuring Belarus");
        AssertHas(luk, "Alexander Lukashenko", "emphasized", "Russia already possesses enough manpower and equipment and does not require assistance");
        AssertHas(ale, "Sergei Aleinik", "stated", "he cannot envision a scenario");
        AssertHas(ale, "Sergei Aleinik", "asserted", "Belarus has been a consistent advocate for peace");
        AssertHas(ale, "Sergei Aleinik", "emphasizing", "the Ukrainian people neither desire nor require");
        // "Despite Lukashenko's admission, he insisted ..." has no cue-noun claim (no content after "admission").
        Assert.DoesNotContain(luk, c => c.CueText == "admission");

        var index = new SpeakerIndex([]);
        var ids = new Dictionary<string, HashSet<string>>();
        foreach (var c in luk.Concat(ale))
        {
            var s = index.Resolve(c.Speaker);
            if (s is null) continue;
            var key = c.Speaker.Name.EndsWith("Lukashenko", StringComparison.Ordinal) ? "L"
                    : c.Speaker.Name.EndsWith("Aleinik", StringComparison.Ordinal) ? "A" : "other";
            if (!ids.TryGetValue(key, out var set)) ids[key] = set = [];
            set.Add(s.Id);
        }
        Assert.Equal(["alexander-lukashenko"], ids["L"]);
        Assert.Equal(["sergei-aleinik"], ids["A"]);
        var lukashenko = index.All.Single(s => s.Id == "alexander-lukashenko");
        Assert.Contains("Belarusian President", lukashenko.Roles);
        Assert.Contains("Lukashenko", lukashenko.Aliases);
        var aleinik = index.All.Single(s => s.Id == "sergei-aleinik");
        Assert.Contains("Belarusian Foreign Minister", aleinik.Roles);
        Assert.Contains("Aleinik", aleinik.Aliases);
    }
}
