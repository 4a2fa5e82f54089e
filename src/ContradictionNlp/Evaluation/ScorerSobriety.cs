using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Evaluation;

/// <summary>One sampled same-speaker pair and its score.</summary>
public sealed record SobrietyPair(string Speaker, string ArticleA, string A, string ArticleB, string B, ContradictionScore Score);

/// <summary>What <see cref="ScorerSobriety.Run"/> measured.</summary>
/// <param name="PopulationPairs">All same-speaker pairs from different articles; <see cref="Sampled"/> of them were drawn.</param>
/// <param name="Gated">Sampled pairs the topic gate stopped (no content word in common).</param>
/// <param name="Flagged">Sampled pairs with P(contradiction) &gt; <see cref="Threshold"/>.</param>
public sealed record SobrietyReport(int Articles, int Claims, int Speakers, long PopulationPairs, int Sampled, int Gated, int Flagged,
    double Threshold, int Seed, IReadOnlyList<SobrietyPair> Top)
{
    /// <summary>Claims left out because the pipeline pairs no claim of their cue class (attitudes; see <see cref="SobrietyClaims"/>).</summary>
    public int UnpairedClaims { get; init; }

    public double FlagShare => Sampled == 0 ? 0 : Flagged / (double)Sampled;
}

/// <summary>
/// In-domain sobriety: most same-speaker claim pairs in real news are about different things, so the
/// share of random same-speaker pairs a scorer flags is (nearly) its false-flag rate. Claims come from
/// our own extraction (<see cref="TextAnalyzer"/> + the given <see cref="SobrietyClaims"/>; by default the rules'
/// <see cref="ClaimExtractor"/> with every claim), speakers from one <see cref="SpeakerIndex"/> across all articles; pairs
/// join claims of one speaker from two different articles and are drawn uniformly without replacement with a seeded
/// <see cref="Random"/>. No candidate pruning is applied: the measure is of the scorer alone.
/// </summary>
public static class ScorerSobriety
{
    public static SobrietyReport Run(IReadOnlyList<Article> articles, PairScorer scorer, int pairs, int seed, double threshold = 0.5, int top = 20,
        SobrietyClaims? claimSource = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        var (claims, population, names) = SameSpeakerPairs(articles, claimSource, out int unpaired);
        var n = DrawPrefix(population, pairs, seed);
        var scored = new List<SobrietyPair>(n);
        var gated = 0;
        for (var k = 0; k < n; k++)
        {
            var (i, j) = population[k];
            var s = scorer.ScoreClaims(claims[i].Claim, claims[j].Claim);
            if (ReferenceEquals(s, PairScorer.Unrelated)) gated++;
            scored.Add(new SobrietyPair(names[claims[i].SpeakerId], Path.GetFileName(claims[i].Article), claims[i].Claim.ContentText,
                Path.GetFileName(claims[j].Article), claims[j].Claim.ContentText, s));
        }
        var flagged = scored.Count(p => p.Score.Contradiction > threshold);
        var topPairs = scored.Select((p, k) => (p, k)).OrderByDescending(x => x.p.Score.Contradiction).ThenBy(x => x.k).Take(top).Select(x => x.p).ToList();
        return new SobrietyReport(articles.Count, claims.Count, names.Count, population.Count, n, gated, flagged, threshold, seed, topPairs) { UnpairedClaims = unpaired };
    }

    /// <summary>
    /// Reorders <paramref name="population"/> so its first n slots (returned) are a uniform sample without
    /// replacement (partial Fisher-Yates with a seeded <see cref="Random"/>, so the sample is reproducible).
    /// </summary>
    public static int DrawPrefix<T>(List<T> population, int count, int seed)
    {
        var rng = new Random(seed);
        var n = Math.Min(count, population.Count);
        for (var k = 0; k < n; k++)
        {
            var r = k + rng.Next(population.Count - k);
            (population[k], population[r]) = (population[r], population[k]);
        }
        return n;
    }

    /// <summary>
    /// The texts of the pairs <see cref="Run"/> would score for the same articles, count and seed, without
    /// scoring them: a fixed sample to compare two scorers on (the retrain's sobriety check).
    /// </summary>
    public static List<(string A, string B)> SampleTexts(IReadOnlyList<Article> articles, int pairs, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        var (claims, population, _) = SameSpeakerPairs(articles);
        var n = DrawPrefix(population, pairs, seed);
        return population.Take(n).Select(p => (claims[p.I].Claim.ContentText, claims[p.J].Claim.ContentText)).ToList();
    }

    /// <summary>A claim with its resolved speaker id and its article's origin.</summary>
    public readonly record struct SpeakerClaim(string SpeakerId, string Article, Claim Claim);

    /// <summary>
    /// Extracts claims, resolves speakers across all articles, and lists every pair of one speaker's claims
    /// from two different articles (indices into the claim list), in a stable order.
    /// </summary>
    public static (List<SpeakerClaim> Claims, List<(int I, int J)> Pairs, Dictionary<string, string> Names) SameSpeakerPairs(IReadOnlyList<Article> articles) =>
        SameSpeakerPairs(articles, null, out _);

    /// <summary>As <see cref="SameSpeakerPairs(IReadOnlyList{Article})"/>, with the claims of <paramref name="claimSource"/> (null: the rules, every claim); <paramref name="unpaired"/>: claims with a speaker left out by it.</summary>
    public static (List<SpeakerClaim> Claims, List<(int I, int J)> Pairs, Dictionary<string, string> Names) SameSpeakerPairs(IReadOnlyList<Article> articles,
        SobrietyClaims? claimSource, out int unpaired)
    {
        var analyzer = new TextAnalyzer();
        var source = claimSource ?? SobrietyClaims.Rules;
        var index = new SpeakerIndex([]);
        var bag = new DiagnosticBag();
        var claims = new List<SpeakerClaim>();
        unpaired = 0;
        foreach (var a in articles.OrderBy(a => a.Origin, StringComparer.Ordinal))
            foreach (var c in source.Extractor.Extract(a, analyzer.Analyze(a.Text), bag))
            {
                if (index.Resolve(c.Speaker) is not { } s) continue;
                // A claim the pipeline keeps out of pairs (attitudes, by default): a pair it never scores is no false flag.
                if (!source.Pairs(c)) { unpaired++; continue; }
                claims.Add(new SpeakerClaim(s.Id, a.Origin, c));
            }
        var names = index.All.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var population = new List<(int I, int J)>();
        foreach (var group in claims.Select((c, i) => (c, i)).GroupBy(x => x.c.SpeakerId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = group.Select(x => x.i).ToList();
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                    if (claims[list[x]].Article != claims[list[y]].Article) population.Add((list[x], list[y]));
        }
        return (claims, population, names);
    }

    /// <summary>The .txt files of a folder (PolNeAR: <c>dev/text</c>), one article each, in name order.</summary>
    public static List<Article> ReadTextFolder(string directory)
    {
        var dir = Directory.Exists(Path.Combine(directory, "text")) ? Path.Combine(directory, "text") : directory;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"'{directory}' not found: expected a folder of .txt articles or a PolNeAR split with text/.");
        return Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => Article.Create(Path.GetFileNameWithoutExtension(p), null, null, null, File.ReadAllText(p), p)).ToList();
    }
}

/// <summary>
/// Where <see cref="ScorerSobriety"/> takes its claims from: an extractor, and which of its claims join the pairs.
/// <see cref="Rules"/> is the measure as first defined (the rules alone, every claim); <see cref="Pipeline"/> is what
/// <c>cnlp analyze</c> pairs: its default extractor and the claims its default options pair
/// (<see cref="Pipeline.PipelineOptions.Pairs"/>: no attitude claims, "praised X", "urged X to ..."), so the share is the
/// false-flag rate of the pairs a user would be shown.
/// </summary>
public sealed record SobrietyClaims(string Name, IClaimExtractor Extractor, Func<Claim, bool> Pairs)
{
    /// <summary>A new rules source each time, as each measure made its own extractor before round 30.</summary>
    public static SobrietyClaims Rules => new("rules", new ClaimExtractor(), _ => true);

    public static SobrietyClaims Pipeline(string modelsDirectory) =>
        new("pipeline", ContradictionNlp.Pipeline.PipelineStages.DefaultExtractor(modelsDirectory), new ContradictionNlp.Pipeline.PipelineOptions().Pairs);
}
