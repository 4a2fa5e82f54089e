using ContradictionNlp.Claims;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Evaluation;

public class ScorerSobrietyTests
{
    private static readonly Article[] Articles =
    [
        Article.Create("1", null, null, null, "Mayor Dana Whitfield said the city will not raise property taxes next year. Whitfield said the ferry will run all winter.", "x/1.txt"),
        Article.Create("2", null, null, null, "Mayor Dana Whitfield said property taxes will rise next year. Tomas Reyes said the library will close.", "x/2.txt"),
    ];

    /// <summary>Contradiction 0.9 for every pair it sees: isolates sampling, gating and counting.</summary>
    private sealed class Always(double c) : IContradictionScorer
    {
        public string ModelVersion => "always";
        public ContradictionScore Score(string premise, string hypothesis) => new(c, (1 - c) / 2, (1 - c) / 2, []);
    }

    private static TopicGate Gate => new(new PairFeaturizer(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 16));

    [Fact]
    public void Pairs_join_one_speakers_claims_across_articles_only()
    {
        var (claims, pairs, names) = ScorerSobriety.SameSpeakerPairs(Articles);
        Assert.Equal(4, claims.Count);
        // Whitfield: 2 claims in article 1 x 1 in article 2 = 2 pairs; Reyes has one claim: none.
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.NotEqual(claims[p.I].Article, claims[p.J].Article));
        Assert.Contains("Dana Whitfield", names.Values);
    }

    [Fact]
    public void Gated_pairs_are_not_flagged_and_the_share_counts_the_rest()
    {
        var r = ScorerSobriety.Run(Articles, new PairScorer(new Always(0.9), Gate), pairs: 10, seed: 1);
        Assert.Equal((2L, 2, 1, 1), (r.PopulationPairs, r.Sampled, r.Gated, r.Flagged)); // the ferry claim shares no content word
        Assert.Equal(0.5, r.FlagShare);
        Assert.Contains("taxes", r.Top[0].A + r.Top[0].B);
        var ungated = ScorerSobriety.Run(Articles, new PairScorer(new Always(0.9), useGate: false), pairs: 10, seed: 1);
        Assert.Equal((0, 2), (ungated.Gated, ungated.Flagged));
    }

    [Fact]
    public void Attitude_claims_leave_the_pairs_when_the_source_pairs_none()
    {
        // "praised the new ferry" is a stance (CueClass.Attitude): the pipeline pairs no such claim, so the measure of what a
        // user is shown leaves it out; the rules' source keeps it (the measure as first defined).
        Article[] articles =
        [
            Article.Create("1", null, null, null, "Mayor Dana Whitfield said the city will not raise property taxes next year. Whitfield praised the new ferry.", "y/1.txt"),
            Article.Create("2", null, null, null, "Mayor Dana Whitfield said property taxes will rise next year.", "y/2.txt"),
        ];
        var (all, allPairs, _) = ScorerSobriety.SameSpeakerPairs(articles, SobrietyClaims.Rules, out int keptOut);
        Assert.Equal((3, 2, 0), (all.Count, allPairs.Count, keptOut));
        Assert.Contains(all, c => c.Claim.CueClass == CueClass.Attitude);

        var pipelineLike = new SobrietyClaims("rules without attitudes", new ClaimExtractor(), new ContradictionNlp.Pipeline.PipelineOptions().Pairs);
        var (claims, pairs, _) = ScorerSobriety.SameSpeakerPairs(articles, pipelineLike, out int unpaired);
        Assert.Equal((2, 1, 1), (claims.Count, pairs.Count, unpaired));
        Assert.DoesNotContain(claims, c => c.Claim.CueClass == CueClass.Attitude);
        var r = ScorerSobriety.Run(articles, new PairScorer(new Always(0.9), useGate: false), pairs: 10, seed: 1, claimSource: pipelineLike);
        Assert.Equal((1L, 1, 1), (r.PopulationPairs, r.Flagged, r.UnpairedClaims));
    }

    [Fact]
    public void Same_seed_same_sample()
    {
        var a = ScorerSobriety.Run(Articles, new PairScorer(new Always(0.2), Gate), pairs: 1, seed: 5);
        var b = ScorerSobriety.Run(Articles, new PairScorer(new Always(0.2), Gate), pairs: 1, seed: 5);
        Assert.Equal(a.Top.Select(p => p.A + "|" + p.B), b.Top.Select(p => p.A + "|" + p.B));
    }
}
