using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Pipeline;

/// <summary>Options of one analysis run.</summary>
public sealed record PipelineOptions
{
    /// <summary>A pair whose contradiction probability is at least this is flagged. Default 0.5.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>
    /// Hard cap on pairs scored per new claim, enforced here whatever the selector returns, so the
    /// cost of a run stays linear in new claims. Default 50 (as <see cref="PairingOptions"/>).
    /// </summary>
    public int MaxCandidatesPerClaim { get; init; } = new PairingOptions().MaxCandidatesPerClaim;

    /// <summary>Optional per-stage timing hook (see <see cref="IPipelineStageSink"/>); null: no timestamps are taken.</summary>
    public IPipelineStageSink? StageSink { get; init; }

    public void Validate()
    {
        if (double.IsNaN(MinScore) || MinScore < 0 || MinScore > 1)
            throw new ArgumentOutOfRangeException(nameof(MinScore), MinScore, "MinScore must be between 0 and 1.");
        if (MaxCandidatesPerClaim < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxCandidatesPerClaim), MaxCandidatesPerClaim, "MaxCandidatesPerClaim must be >= 0.");
    }
}

/// <summary>Where a run is: articles handled so far (new or skipped), of <see cref="Total"/> when known.</summary>
public sealed record PipelineProgress(int Done, int? Total, string Origin);

/// <summary>What a run did. <see cref="Flagged"/> are the pairs of this run at or above the threshold, by score descending.</summary>
public sealed record PipelineSummary(int ArticlesNew, int ArticlesSkipped, int Claims, int Pairs, IReadOnlyList<ScoredPair> Flagged)
{
    public int FlaggedCount => Flagged.Count;
}

/// <summary>
/// Runs articles through the stages into the store: analyze, extract claims, resolve speakers,
/// embed, pair each new claim with earlier claims of the same speaker, score, and save the
/// article with everything found in ONE transaction. An article already stored (same content
/// hash) is skipped, so re-running inputs is a no-op.
/// </summary>
/// <remarks>
/// Pairs: for a new claim, the candidates are the speaker's claims stored by earlier articles and
/// the earlier claims of the same article (by position), pruned by <see cref="ICandidateSelector"/>.
/// In each pair A is the older claim: the one with the earlier date when both are dated and differ,
/// else the one seen first. Speaker vectors are loaded from the store lazily, once per speaker per run.
/// </remarks>
public sealed class AnalysisPipeline
{
    private readonly ClaimStore _store;
    private readonly PipelineStages _stages;
    private readonly PipelineOptions _options;

    public AnalysisPipeline(ClaimStore store, PipelineStages stages, PipelineOptions? options = null)
    {
        _store = store;
        _stages = stages;
        _options = options ?? new PipelineOptions();
        _options.Validate();
    }

    /// <summary>A speaker's comparable claims: parallel lists, in the order they were seen.</summary>
    private sealed class SpeakerPool
    {
        public readonly List<Claim> Claims = new();
        public readonly List<ReadOnlyMemory<float>> Vectors = new();
    }

    public PipelineSummary Run(IEnumerable<Article> articles, DiagnosticBag diagnostics,
        IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int? total = articles is IReadOnlyCollection<Article> c ? c.Count : null;
        // Before anything is read from the store: see StoreWriterLock for why runs are serialised.
        using var writer = StoreWriterLock.Acquire(_store.Path, path => diagnostics.Info(_store.Path,
            $"another cnlp run is writing to this store; waiting for it to finish (lock file {path})"), cancellationToken);
        var resolver = _stages.SpeakerResolverFactory(_store.LoadSpeakers());
        var pools = new Dictionary<string, SpeakerPool>(StringComparer.Ordinal);
        int done = 0, fresh = 0, skipped = 0, claims = 0, pairs = 0;
        var flagged = new List<ScoredPair>();

        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sink = _options.StageSink;
            long t = StageTimeTotals.Start(sink);
            bool stored = _store.HasArticle(article.Id);
            StageTimeTotals.Lap(sink, PipelineStage.Store, t);
            if (stored)
            {
                skipped++;
                diagnostics.Info(article.Origin, $"already in the store (article {article.Id}); skipped");
            }
            else
            {
                var (batch, poolSizes) = Analyze(article, resolver, pools, diagnostics);
                // A failure here (or in any stage) is a programming or I/O error: it ends the run,
                // and the store's transaction guarantees this article left nothing behind.
                t = StageTimeTotals.Start(sink);
                bool saved = _store.SaveArticle(batch);
                StageTimeTotals.Lap(sink, PipelineStage.Store, t);
                if (saved)
                {
                    fresh++;
                    claims += batch.Claims.Count;
                    pairs += batch.Pairs.Count;
                    flagged.AddRange(batch.Pairs.Where(p => p.Score.Probability >= _options.MinScore));
                }
                else
                {
                    // Only reachable if another process stored it between our check and our write:
                    // its claims are in the store already, so take our copies out of the pools.
                    Undo(pools, poolSizes);
                    skipped++;
                    diagnostics.Info(article.Origin, $"already in the store (article {article.Id}); skipped");
                }
            }
            progress?.Report(new PipelineProgress(++done, total, article.Origin));
        }

        flagged.Sort(ComparePairs);
        return new PipelineSummary(fresh, skipped, claims, pairs, flagged);
    }

    /// <summary>Score descending, then claim ids: the order every listing uses.</summary>
    public static int ComparePairs(ScoredPair x, ScoredPair y)
    {
        int c = y.Score.Probability.CompareTo(x.Score.Probability);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.A.Id, y.A.Id);
        return c != 0 ? c : string.CompareOrdinal(x.B.Id, y.B.Id);
    }

    private (ArticleBatch Batch, Dictionary<string, int> PoolSizes) Analyze(Article article, ISpeakerResolver resolver, Dictionary<string, SpeakerPool> pools, DiagnosticBag diagnostics)
    {
        var sink = _options.StageSink;
        long t = StageTimeTotals.Start(sink);
        var text = _stages.Analyzer.Analyze(article.Text);
        t = StageTimeTotals.Lap(sink, PipelineStage.Tokenize, t);
        if (sink is not null)
        {
            sink.Analyzed(article, text);
            t = StageTimeTotals.Start(sink); // the sink's own work (counting words) belongs to no stage
        }
        int reportedBefore = diagnostics.Count;
        var extracted = _stages.Extractor.Extract(article, text, diagnostics);

        // Position order makes "earlier claims of this article" well defined and the run deterministic.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Claim>();
        foreach (var claim in extracted.OrderBy(c => c.Content.Start).ThenBy(c => c.Content.End).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (seen.Add(claim.Id)) ordered.Add(claim);
            else diagnostics.Warning(article.Origin, $"claim {claim.Id} was extracted twice; kept the first");
        }
        // One line per problem: the extractor usually says why it found nothing; only speak when it did not.
        if (ordered.Count == 0 && !diagnostics.Skip(reportedBefore).Any(d => d.Origin == article.Origin))
            diagnostics.Warning(article.Origin, "no attributed claims found; the article is stored so a re-run skips it");

        t = StageTimeTotals.Lap(sink, PipelineStage.Extract, t);

        var speakers = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        var toStore = new List<ClaimToStore>(ordered.Count);
        var scored = new List<ScoredPair>();
        var embedder = _stages.Embedder;
        // Pools gain this article's claims as we go; their sizes before it let Run undo that.
        var poolSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var claim in ordered)
        {
            var speaker = resolver.Resolve(claim.Speaker);
            t = StageTimeTotals.Lap(sink, PipelineStage.Resolve, t);
            var vector = new float[embedder.Dimension];
            embedder.Embed(claim.ContentText, vector);
            t = StageTimeTotals.Lap(sink, PipelineStage.Embed, t);
            toStore.Add(new ClaimToStore(claim, speaker?.Id, vector));
            if (speaker is null) continue;
            speakers[speaker.Id] = speaker;

            var pool = GetPool(speaker.Id, pools);
            poolSizes.TryAdd(speaker.Id, pool.Claims.Count);
            if (pool.Claims.Count > 0)
            {
                var candidates = _stages.Candidates.Select(vector, pool.Vectors);
                t = StageTimeTotals.Lap(sink, PipelineStage.Candidates, t);
                foreach (var (index, similarity) in candidates.Take(_options.MaxCandidatesPerClaim))
                {
                    var earlier = pool.Claims[index];
                    var (a, b) = IsOlder(claim, earlier) ? (claim, earlier) : (earlier, claim);
                    scored.Add(_stages.PairScorer.Score(a, b, similarity));
                }
                t = StageTimeTotals.Lap(sink, PipelineStage.Score, t);
            }
            else t = StageTimeTotals.Lap(sink, PipelineStage.Candidates, t);
            pool.Claims.Add(claim);
            pool.Vectors.Add(vector);
        }

        var batch = new ArticleBatch(article, toStore, speakers.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(),
            scored, embedder.ModelId, _stages.PairScorer.ModelVersion);
        return (batch, poolSizes);
    }

    private static void Undo(Dictionary<string, SpeakerPool> pools, Dictionary<string, int> sizes)
    {
        foreach (var (id, size) in sizes)
        {
            var pool = pools[id];
            pool.Claims.RemoveRange(size, pool.Claims.Count - size);
            pool.Vectors.RemoveRange(size, pool.Vectors.Count - size);
        }
    }

    /// <summary>True when <paramref name="x"/> (the new claim) is dated strictly before <paramref name="stored"/>.</summary>
    private static bool IsOlder(Claim x, Claim stored) =>
        x.Date is { } dx && stored.Date is { } ds && dx < ds;

    private SpeakerPool GetPool(string speakerId, Dictionary<string, SpeakerPool> pools)
    {
        if (pools.TryGetValue(speakerId, out var pool)) return pool;
        pool = new SpeakerPool();
        foreach (var (claim, vector) in _store.LoadSpeakerClaims(speakerId, _stages.Embedder.ModelId))
        {
            // A claim embedded by another model (or not at all) cannot be compared: leave it out.
            if (vector is null || vector.Length != _stages.Embedder.Dimension) continue;
            pool.Claims.Add(claim);
            pool.Vectors.Add(vector);
        }
        pools[speakerId] = pool;
        return pool;
    }
}
