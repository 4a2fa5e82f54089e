using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.EndToEnd;

/// <summary>
/// The two real seed articles (../shared/seeds, never copied into the project) through every stage:
/// the loader reads their export-style headers, the extractor finds the claims, and speaker
/// resolution must merge each official's forms ("Belarusian President Alexander Lukashenko",
/// "Lukashenko", "he"; "Belarusian Foreign Minister, Sergei Aleinik", "Aleinik", "he") into one
/// speaker across both articles, published two months apart.
/// </summary>
public class SeedArticlesEndToEndTests
{
    private static string SeedsDir => Path.Combine(TestPaths.Shared, "seeds");

    [RealModelsFact]
    public void Both_seed_articles_merge_each_officials_mentions_into_one_speaker_across_articles()
    {
        if (!Directory.Exists(SeedsDir)) return; // ../shared is not part of every checkout

        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("seeds.db"));
        var catalog = ModelCatalog.Open(RealModels.Directory);
        var pipeline = new AnalysisPipeline(store, PipelineStages.Create(catalog.LoadEmbedder(), catalog.LoadScorer()));
        var bag = new DiagnosticBag();
        var articles = new ArticleLoader().Load([SeedsDir], bag).ToList();
        var summary = pipeline.Run(articles, bag);

        Assert.Equal(2, summary.ArticlesNew);
        Assert.Equal([new DateOnly(2023, 9, 27), new DateOnly(2023, 11, 16)], articles.Select(a => a.Date!.Value).Order());

        var speakers = store.ListSpeakers();
        var lukashenko = Assert.Single(speakers, s => s.Speaker.Name.Contains("Lukashenko", StringComparison.Ordinal));
        var aleinik = Assert.Single(speakers, s => s.Speaker.Name.Contains("Aleinik", StringComparison.Ordinal));
        Assert.Equal("Alexander Lukashenko", lukashenko.Speaker.Name);
        Assert.Equal("Sergei Aleinik", aleinik.Speaker.Name);
        Assert.Contains(aleinik.Speaker.Roles, r => r.Contains("Foreign Minister", StringComparison.Ordinal));

        // Every claim given to Lukashenko, whatever the mention ("he" included), carries the one speaker id.
        // (The September article names him only as "Belarusian leader Alexander Lukashenko", with no statement.)
        var lukClaims = store.ListClaims("Alexander Lukashenko");
        Assert.True(lukClaims.Count >= 6, $"expected at least 6 Lukashenko claims, got {lukClaims.Count}");
        Assert.All(lukClaims, c => Assert.Equal(lukashenko.Speaker.Id, c.SpeakerId));
        Assert.Contains(lukClaims, c => c.Claim.Speaker.Kind == ContradictionNlp.Claims.MentionKind.Pronoun);
        Assert.Contains(lukClaims, c => c.Claim.ContentText.Contains("no Belarusian troops were involved", StringComparison.Ordinal));
        Assert.Contains(lukClaims, c => c.Claim.ContentText.Contains("crossed the Ukrainian border", StringComparison.Ordinal));

        var aleClaims = store.ListClaims("Sergei Aleinik");
        Assert.Contains(aleClaims, c => c.Claim.ContentText.Contains("advocate for peace", StringComparison.Ordinal)
                                        && c.Claim.Speaker.Kind == ContradictionNlp.Claims.MentionKind.Pronoun);
        Assert.Contains(aleClaims, c => c.Claim.ContentText.Contains("cannot envision", StringComparison.Ordinal));

        // The surname alone, used in the article that introduced the full name, is an alias of the same speaker.
        Assert.Contains("Lukashenko", lukashenko.Speaker.Aliases);
        Assert.Contains("Aleinik", aleinik.Speaker.Aliases);
    }
}
