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

    /// <summary>
    /// Threads for the per-article stages that need nothing from other articles (tokenize, extract, embed), and for
    /// scoring articles' pairs (each article's on one pool thread, articles side by side). Resolve and pairing stay on the calling thread, in input order; above 1, the store
    /// writes move to one writer thread of their own (<see cref="StoreWriterThread"/>: same order, same commit groups), so
    /// the store is the same whatever the count. Default 1 (no worker threads; the store written inline).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Floats of speaker vectors kept in memory between articles (default 2M floats = 8 MB: the whole BBC corpus needs 1.4M). Beyond it the
    /// least recently used speakers' vectors are dropped and re-read from the store when the speaker comes
    /// back: memory stays bounded however large the store is, and the pairs are the same (the store has the vectors).
    /// </summary>
    public long PoolFloatBudget { get; init; } = 2L << 20;

    /// <summary>
    /// Articles written per store commit (each still all-or-nothing, as a savepoint; see
    /// <see cref="ClaimStore.BeginGroup"/>); a group is also committed after <see cref="MaxCommitDelay"/>, at the end
    /// of the run, and when the run fails or is cancelled (the articles finished by then are kept). A kill loses at
    /// most the open group, which a re-run redoes. Groups start at one article and double up to this, so a run's
    /// first articles are committed at once. Default 64: a commit writes every page the group dirtied, and the
    /// content-hash indexes (claims, pairs) spread a few articles' rows over many pages, so larger groups write each
    /// page fewer times (BBC run: store stage about 20 % less than with 8, measured A/B). <see cref="MaxCommitDelay"/>
    /// still caps a group at about a second of work, which is what a kill can lose; 1 commits every article on its own.
    /// </summary>
    public int ArticlesPerCommit { get; init; } = 64;

    /// <summary>
    /// False stores claims, speakers and vectors but makes no pairs (no candidates, no scoring): a bulk load,
    /// e.g. the large stores of <c>cnlp bench growth</c>. Later runs pair against such claims as usual. Default true.
    /// </summary>
    public bool PairClaims { get; init; } = true;

    /// <summary>
    /// Whether a claim is paired with the same speaker's verbatim repeats of it (same words, ignoring case and
    /// punctuation, or one content's words said again inside the other's with no negation or condition next to them:
    /// <see cref="VerbatimRepeat.Repeats"/>). Default false: repeating oneself is not a contradiction, and such pairs were
    /// only ever false alarms (see <see cref="VerbatimRepeat"/>). The claim's other candidates are paired as
    /// before; a repeat skipped does not count against <see cref="MaxCandidatesPerClaim"/>. Also (round 26): a claim with
    /// the same words and cue polarity as an earlier claim of the speaker is paired with nothing (the earlier one stands
    /// for it), and of candidates that say the same words only the first is paired; true turns both off.
    /// </summary>
    public bool PairRepeats { get; init; }

    /// <summary>
    /// Whether attitude claims (<see cref="CueClass.Attitude"/>: "praised X", "defended X", "urged X to ...", "offered X")
    /// are paired. Default false (round 28): such a content is what the stance is about, not something the speaker says is
    /// so, and the scorer compares what two contents assert; on bbc-news all 27 flags with an attitude claim in them were
    /// false alarms ("defended goalkeeper Jerzy Dudek" vs "it was not Jerzy Dudek's fault"). The claims are stored and stay
    /// in their speaker's pool, so a claim's candidates are chosen as before and the attitude ones among them skipped (not
    /// counting against <see cref="MaxCandidatesPerClaim"/>): one run and several runs over the same articles pair alike.
    /// </summary>
    public bool PairAttitudes { get; init; }

    /// <summary>
    /// Whether a claim may be in a pair under these options (<see cref="PairAttitudes"/>): the one place that says so, for the
    /// pipeline's candidates and for what measures the pipeline's pairs (<c>eval sobriety</c>, the synthetic same-speaker rows).
    /// </summary>
    public bool Pairs(Claim claim) => PairAttitudes || claim.CueClass != CueClass.Attitude;

    /// <summary>Longest a group stays open (default 1 s), so a slow run still commits often.</summary>
    public TimeSpan MaxCommitDelay { get; init; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        if (double.IsNaN(MinScore) || MinScore < 0 || MinScore > 1)
            throw new ArgumentOutOfRangeException(nameof(MinScore), MinScore, "MinScore must be between 0 and 1.");
        if (MaxCandidatesPerClaim < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxCandidatesPerClaim), MaxCandidatesPerClaim, "MaxCandidatesPerClaim must be >= 0.");
        if (Threads < 1)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be >= 1.");
        if (ArticlesPerCommit < 1)
            throw new ArgumentOutOfRangeException(nameof(ArticlesPerCommit), ArticlesPerCommit, "ArticlesPerCommit must be >= 1.");
        if (PoolFloatBudget < 0)
            throw new ArgumentOutOfRangeException(nameof(PoolFloatBudget), PoolFloatBudget, "PoolFloatBudget must be >= 0.");
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
/// else the one seen first. Speaker vectors (not claims) are loaded from the store lazily into bounded pools
/// (<see cref="SpeakerPools"/>); the claims chosen as candidates are read back by rowid.
/// </remarks>
public sealed class AnalysisPipeline
{
    private readonly ClaimStore _store;
    private readonly PipelineStages _stages;
    private readonly PipelineOptions _options;
    // The repeat rules, asked of every candidate pair; keeps each content's word hashes (pairing thread only).
    private readonly RepeatCheck _repeats = new();

    public AnalysisPipeline(ClaimStore store, PipelineStages stages, PipelineOptions? options = null)
    {
        _store = store;
        _stages = stages;
        _options = options ?? new PipelineOptions();
        _options.Validate();
    }

    /// <summary>An article after the stages that need nothing from other articles: its claims in position order, their vectors, and what the stages reported.</summary>
    private sealed record Prepared(Article Article, IReadOnlyList<Claim> Claims, float[][] Vectors, DiagnosticBag Diagnostics);

    public PipelineSummary Run(IEnumerable<Article> articles, DiagnosticBag diagnostics,
        IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int? total = articles is IReadOnlyCollection<Article> c ? c.Count : null;
        // Before anything is read from the store: see StoreWriterLock for why runs are serialised.
        using var writer = StoreWriterLock.Acquire(_store.Path, path => diagnostics.Info(_store.Path,
            $"another cnlp run is writing to this store; waiting for it to finish (lock file {path})"), cancellationToken);
        // PAR15: with worker threads, the first articles go to them before this thread's own set-up below (the speaker index,
        // the pools, the writer's connection and thread: 10-30 ms in which the workers had nothing to do). Preparing needs none
        // of it; the schedule reads the writer through this variable, which is set before any article is handed to it.
        StoreWriterThread? storeWriter = null;
        using var schedule = Schedule(articles, () => storeWriter, cancellationToken).GetEnumerator();
        bool primed = _options.Threads > 1 && schedule.MoveNext();
        // The stored speakers read on demand (GROWTH): the index keeps their keys, not every speaker record.
        long ts = StageTimeTotals.Start(_options.StageSink);
        var resolver = _stages.SpeakerResolverFactory(_store.StoredSpeakers());
        StageTimeTotals.Lap(_options.StageSink, PipelineStage.Resolve, ts);
        var pools = new SpeakerPools(_store, _stages.Embedder, _options.PoolFloatBudget);
        int done = 0, fresh = 0, skipped = 0, claims = 0, pairs = 0;
        var flagged = new List<ScoredPair>();
        var sink = _options.StageSink;
        // STORE6: with more than one thread, a writer thread on its own connection does the store writes (see StoreWriterThread);
        // on one thread they stay inline here, on this connection, as before.
        storeWriter = _options.Threads > 1 ? new StoreWriterThread(_store.OpenSibling(), _options, WriterQueueCapacity) : null;
        if (storeWriter is not null) WarmWhileWaiting();
        // Articles handed to the writer, with the pools they added claims to, until their group is reported durable.
        var inFlight = new Queue<InFlightArticle>();
        var group = new CommitGroup(_store, _options);
        bool finished = false;

        // What both paths (writer thread or inline writes) do alike.
        void Skip(Article article)
        {
            skipped++;
            diagnostics.Info(article.Origin, $"already in the store (article {article.Id}); skipped");
        }
        Paired PrepareAndPair(Func<Prepared> prepare)
        {
            // The article's own diagnostics join the run's here, in input order, whichever thread made them.
            var prepared = prepare();
            foreach (var d in prepared.Diagnostics) diagnostics.Add(d);
            return Pair(prepared, resolver, pools);
        }
        void Count(Paired paired)
        {
            fresh++;
            claims += paired.ToStore.Count;
            pairs += paired.Pairs.Count;
        }
        void Flag(ArticleBatch batch) => flagged.AddRange(batch.Pairs.Where(p => p.Score.Probability >= _options.MinScore));
        // SCORE9: with the writer thread, an article's pairs are scored on the thread pool while this thread pairs the next
        // articles; the writer waits for each article's scores in hand-off order. Its flagged pairs join the summary in
        // that order too, as each scoring finishes (so finished batches are not held for the whole run).
        var scoring = new Queue<Task<ArticleBatch>>();
        void FlagFinished(bool all)
        {
            while (scoring.Count > 0 && (all || scoring.Peek().IsCompletedSuccessfully))
                Flag(scoring.Dequeue().GetAwaiter().GetResult());
        }

        try
        {
            while (primed || schedule.MoveNext())
            {
                primed = false;
                var (article, prepare) = schedule.Current;
                cancellationToken.ThrowIfCancellationRequested();
                if (storeWriter is not null)
                {
                    ApplyDurable(storeWriter, inFlight, pools);
                    FlagFinished(all: false);
                    if (storeWriter.Handed(article.Id) || _store.HasArticle(article.Id))
                        Skip(article);
                    else
                    {
                        var paired = PrepareAndPair(prepare!);
                        inFlight.Enqueue(new InFlightArticle(pools.Article, pools.TakeTouched()));
                        // Scores feed nothing on this thread (the pools take claims and vectors), so they can come later.
                        // An article without pairs has nothing to wait for: no pool task for it.
                        var pending = paired.Pairs.Count == 0 ? Task.FromResult(Batch(paired, []))
                            : Task.Run(() => Batch(paired, ScoreAll(paired.Pairs)));
                        storeWriter.Write(pools.Article, article.Id, pending);
                        scoring.Enqueue(pending);
                        Count(paired);
                    }
                    progress?.Report(new PipelineProgress(++done, total, article.Origin));
                    continue;
                }
                long t = StageTimeTotals.Start(sink);
                group.Open();
                bool stored = _store.HasArticle(article.Id);
                bool wrote = false;
                StageTimeTotals.Lap(sink, PipelineStage.Store, t);
                if (stored)
                    Skip(article);
                else
                {
                    var paired = PrepareAndPair(prepare!);
                    var batch = Batch(paired, ScoreAll(paired.Pairs));
                    // A failure here (or in any stage) is a programming or I/O error: it ends the run,
                    // and the store's transaction guarantees this article left nothing behind.
                    t = StageTimeTotals.Start(sink);
                    var rowIds = new List<long>(batch.Claims.Count);
                    bool saved = _store.SaveArticle(batch, rowIds);
                    StageTimeTotals.Lap(sink, PipelineStage.Store, t);
                    if (saved)
                    {
                        wrote = true;
                        pools.Commit(rowIds);
                        Count(paired);
                        Flag(batch);
                    }
                    else
                    {
                        // Only reachable if another process stored it between our check and our write:
                        // its claims are in the store already, so take our copies out of the pools.
                        pools.Undo();
                        Skip(article);
                    }
                }
                t = StageTimeTotals.Start(sink);
                group.Done(wrote);
                StageTimeTotals.Lap(sink, PipelineStage.Store, t);
                progress?.Report(new PipelineProgress(++done, total, article.Origin));
            }
            finished = true;
        }
        finally
        {
            // Also on failure or cancellation: the articles finished so far are whole, keep them (as before grouping).
            // With the writer thread: every article handed to it was finished, so it writes them all before stopping.
            long t = StageTimeTotals.Start(sink);
            group.Close();
            StageTimeTotals.Lap(sink, PipelineStage.Store, t);
            if (storeWriter is not null)
            {
                var error = storeWriter.Complete();
                storeWriter.Dispose();
                // The writer's connection changed speaker rows this connection may remember as it wrote them.
                _store.ForgetWrittenRows();
                // A failure of the run itself is already on its way; otherwise the writer's is the run's.
                if (finished && error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }
        // Finished without a failure: the writer waited for every scoring task, and each succeeded.
        FlagFinished(all: true);

        flagged.Sort(ComparePairs);
        return new PipelineSummary(fresh, skipped, claims, pairs, flagged);
    }

    /// <summary>When the pipeline commits: after <see cref="PipelineOptions.ArticlesPerCommit"/> articles or <see cref="PipelineOptions.MaxCommitDelay"/>.</summary>
    /// <remarks>
    /// The group size starts at 1 and doubles per commit up to the option: the first articles of a run are
    /// committed (visible to readers, safe from a kill) at once, and a long run settles into large commits.
    /// </remarks>
    internal sealed class CommitGroup(ClaimStore store, PipelineOptions options)
    {
        private int _articles;
        private long _opened;
        private int _size = 1;

        public void Open()
        {
            if (options.ArticlesPerCommit <= 1 || store.InGroup) return;
            store.BeginGroup();
            _articles = 0;
            _opened = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        /// <param name="wrote">The article was written (false: it was stored already and skipped).</param>
        public void Done(bool wrote)
        {
            if (!store.InGroup) return;
            // Skipped articles write nothing, so they neither fill a group nor grow the next one: a re-run that skips
            // what an earlier (killed) run stored commits its first new articles at once, as a fresh run does,
            // rather than holding them in a group grown to full size while skipping.
            if (wrote) _articles++;
            if (_articles >= _size || System.Diagnostics.Stopwatch.GetElapsedTime(_opened) >= options.MaxCommitDelay)
            {
                bool grow = _articles >= _size;
                store.CommitGroup();
                if (grow) _size = Math.Min(_size * 2, options.ArticlesPerCommit);
            }
        }

        public void Close()
        {
            if (store.InGroup) store.CommitGroup();
        }
    }

    /// <summary>
    /// The articles in input order, each with how to get its prepared form. On one thread that is done when
    /// asked; with more, up to a few articles ahead are prepared on the thread pool while the caller pairs and
    /// stores the current one. Articles the store already has (checked before dispatch) are not prepared.
    /// </summary>
    private IEnumerable<(Article Article, Func<Prepared>? Prepare)> Schedule(IEnumerable<Article> articles, Func<StoreWriterThread?> storeWriter, CancellationToken cancellationToken)
    {
        if (_options.Threads <= 1)
        {
            foreach (var article in articles) yield return (article, () => Prepare(article));
            yield break;
        }
        // Enough articles in flight to keep every worker busy while the caller's sequential part runs.
        int window = _options.Threads * 4;
        var queue = new Queue<Scheduled>();
        using var e = articles.GetEnumerator();
        bool more = true;
        while (true)
        {
            while (more && queue.Count < window)
            {
                if (!(more = e.MoveNext())) break;
                var article = e.Current;
                // Stored already (a re-run): nothing to prepare. Run re-checks when the article's turn comes.
                var work = storeWriter()?.Handed(article.Id) == true || _store.HasArticle(article.Id) ? null : Task.Run(() => Prepare(article), cancellationToken);
                queue.Enqueue(new Scheduled(article, work));
            }
            if (queue.Count == 0) yield break;
            var (next, task) = queue.Dequeue();
            // A stored article can become unstored only by another process deleting it: then prepare it now.
            yield return (next, task is null ? () => Prepare(next) : () => task.GetAwaiter().GetResult());
        }
    }

    /// <summary>
    /// The claims by content start, then end, then id (ordinal); claims equal in all three keep the extractor's order.
    /// </summary>
    /// <remarks>
    /// A stable insertion sort of our own, the order LINQ's OrderBy/ThenBy gave: an article has a few dozen claims at
    /// most, and OrderBy over int keys is a framework generic the ReadyToRun image does not hold, so every run
    /// JIT-compiled it (EXTRACT14 timed the ordering at 17-21 ms of a BBC run's extract stage).
    /// </remarks>
    internal static Claim[] InPositionOrder(IReadOnlyList<Claim> claims)
    {
        var sorted = new Claim[claims.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            var claim = claims[i];
            int j = i - 1;
            while (j >= 0 && ComparePosition(sorted[j], claim) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = claim;
        }
        return sorted;
    }

    private static int ComparePosition(Claim a, Claim b)
    {
        int c = a.Content.Start.CompareTo(b.Content.Start);
        if (c != 0) return c;
        c = a.Content.End.CompareTo(b.Content.End);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    // PAR15: the 2-thread path's queues hold these classes, not value tuples (see StoreWriterThread's queues for why).
    /// <summary>An article handed to the writer, with the pools it added claims to.</summary>
    private sealed record InFlightArticle(long Article, List<SpeakerPool> Touched);

    /// <summary>An article in the prepare window, with its preparing task (null: stored already when dispatched).</summary>
    private sealed record Scheduled(Article Article, Task<Prepared>? Work);

    /// <summary>Articles handed to the writer thread and not written yet, at most (see <see cref="StoreWriterThread"/>).</summary>
    /// <remarks>
    /// 64, not 16 (round 22): when a commit or a run of pair-rich articles holds the writer up, this thread stops at a
    /// full queue, the prepare window fills and the workers run dry, so a core idles. Measured on BBC at 2 threads (the
    /// machine's idle time during the run, /proc/stat, mean of 4 alternated runs): 16 -> 20 ticks of 10 ms, 64 -> 15,
    /// 1,000 with a 64-article window -> 24 (a long tail the writer works off alone). A queued article holds its claims,
    /// vectors and scored pairs; the BBC run's peak working set did not move (304-347 MB over 28 runs, 302-341 MB before).
    /// </remarks>
    private const int WriterQueueCapacity = 64;

    /// <summary>
    /// Run by this thread, when it has workers, in the time it would otherwise wait for the first prepared article
    /// (tens of ms in a new process): the embedder once over a fixed sentence and the scorer's <see cref="IPairScorer.Warm"/>.
    /// </summary>
    /// <remarks>
    /// Why (round 22, an event trace of the first 100 ms of a 2-thread BBC run): the two workers start on the same code
    /// at once, so where one compiles a method (the embedder's vector maths is a generic of another assembly, compiled at
    /// run time) or builds a first-use table (the lexicon's general-form ids, ~17 ms, at the first scoring task) the other
    /// waits for it, and a core idles while this thread waits too. Doing both here first moves that work onto the idle
    /// thread. Nothing is stored or cached that depends on the sentence: the embedding is thrown away, and the lexicon
    /// table is the same whoever builds it.
    /// </remarks>
    private void WarmWhileWaiting()
    {
        _stages.Embedder.Embed(WarmSentence, new float[_stages.Embedder.Dimension]);
        _stages.PairScorer.Warm();
    }

    private const string WarmSentence = "The minister said on Monday that prices would rise by 5% next year.";

    /// <summary>The rowids of every article the writer reports durable go to the pools that hold its claims (in hand-off order).</summary>
    private static void ApplyDurable(StoreWriterThread storeWriter, Queue<InFlightArticle> inFlight, SpeakerPools pools)
    {
        while (storeWriter.TakeDurable(out var item))
        {
            var (article, touched) = inFlight.Dequeue();
            if (article != item.Article)
                throw new InvalidOperationException($"The store writer reported article {item.Article} durable, but article {article} was handed to it first.");
            pools.Commit(article, item.RowIds, touched);
        }
    }

    /// <summary>Score descending, then claim ids: the order every listing uses.</summary>
    public static int ComparePairs(ScoredPair x, ScoredPair y)
    {
        int c = y.Score.Probability.CompareTo(x.Score.Probability);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.A.Id, y.A.Id);
        return c != 0 ? c : string.CompareOrdinal(x.B.Id, y.B.Id);
    }

    /// <summary>Tokenize, extract, order and embed one article: no shared state, so any thread may do it.</summary>
    private Prepared Prepare(Article article)
    {
        var sink = _options.StageSink;
        var diagnostics = new DiagnosticBag();
        long t = StageTimeTotals.Start(sink);
        var text = _stages.Analyzer.Analyze(article.Text);
        t = StageTimeTotals.Lap(sink, PipelineStage.Tokenize, t);
        if (sink is not null)
        {
            sink.Analyzed(article, text);
            t = StageTimeTotals.Start(sink); // the sink's own work (counting words) belongs to no stage
        }
        var extracted = _stages.Extractor.Extract(article, text, diagnostics);

        // Position order makes "earlier claims of this article" well defined and the run deterministic.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Claim>();
        foreach (var claim in InPositionOrder(extracted))
        {
            if (seen.Add(claim.Id)) ordered.Add(claim);
            else diagnostics.Warning(article.Origin, $"claim {claim.Id} was extracted twice; kept the first");
        }
        // One line per problem: the extractor usually says why it found nothing; only speak when it did not.
        if (ordered.Count == 0 && !diagnostics.Any(d => d.Origin == article.Origin))
            diagnostics.Warning(article.Origin, "no attributed claims found; the article is stored so a re-run skips it");
        t = StageTimeTotals.Lap(sink, PipelineStage.Extract, t);

        var embedder = _stages.Embedder;
        var vectors = new float[ordered.Count][];
        for (int i = 0; i < ordered.Count; i++)
        {
            vectors[i] = new float[embedder.Dimension];
            embedder.Embed(ordered[i].ContentText, vectors[i]);
        }
        StageTimeTotals.Lap(sink, PipelineStage.Embed, t);
        return new Prepared(article, ordered, vectors, diagnostics);
    }

    /// <summary>An article after resolving and pairing, before scoring: what it stores, and its candidate pairs in order.</summary>
    private sealed record Paired(Prepared Prepared, List<ClaimToStore> ToStore, List<Speaker> Speakers, List<CandidatePair> Pairs);

    /// <summary>
    /// One pair to score, A the older claim. A struct of this assembly rather than a value tuple (SCORE14): the framework's
    /// List code over a tuple of reference types and a float is not in the ReadyToRun image (JIT-compiled in every run),
    /// over this struct it is.
    /// </summary>
    private readonly record struct CandidatePair(Claim A, Claim B, float Similarity);

    /// <summary>The article's batch for the store, with its pairs' scores (in the pairs' order).</summary>
    private ArticleBatch Batch(Paired paired, ScoredPair[] scored) =>
        new(paired.Prepared.Article, paired.ToStore, paired.Speakers, scored, _stages.Embedder.ModelId, _stages.PairScorer.ModelVersion);

    /// <summary>Resolve speakers, then pair each claim with the speaker's earlier claims (scoring comes after). Sequential, in input order.</summary>
    private Paired Pair(Prepared prepared, ISpeakerResolver resolver, SpeakerPools pools)
    {
        var sink = _options.StageSink;
        long t = StageTimeTotals.Start(sink);
        var speakers = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        var toStore = new List<ClaimToStore>(prepared.Claims.Count);
        // Every pair of the article is collected first and scored in one batch: scores feed nothing in this
        // loop (pools take claims and vectors), and one batch splits across threads far better than a claim's few pairs.
        var pairs = new List<CandidatePair>();
        pools.BeginArticle();
        for (int i = 0; i < prepared.Claims.Count; i++)
        {
            var claim = prepared.Claims[i];
            var vector = prepared.Vectors[i];
            var speaker = resolver.Resolve(claim.Speaker);
            t = StageTimeTotals.Lap(sink, PipelineStage.Resolve, t);
            toStore.Add(new ClaimToStore(claim, speaker?.Id, vector));
            if (speaker is null) continue;
            speakers[speaker.Id] = speaker;
            if (!_options.PairClaims) continue;

            var pool = pools.Get(speaker.Id, resolver.IsNew(speaker.Id));
            if (pool.Count > 0 && _options.Pairs(claim))
            {
                var candidates = _stages.Candidates.Select(vector, pool.Rows);
                t = StageTimeTotals.Lap(sink, PipelineStage.Candidates, t);
                // An indexed loop, not LINQ's Take: Take over a list of (int, float) is a generic instantiation the
                // framework's precompiled code lacks, so every process JIT-compiled its iterator's methods (PAR11).
                int taken = 0, first = pairs.Count;
                bool restated = false;
                if (!_options.PairRepeats) _repeats.Begin(claim);
                for (int c = 0; c < candidates.Count && taken < _options.MaxCandidatesPerClaim; c++)
                {
                    var (index, similarity) = candidates[c];
                    var earlier = pools.Claim(pool, index);
                    if (!_options.Pairs(earlier)) continue;
                    if (!_options.PairRepeats)
                    {
                        var verdict = _repeats.Check(earlier);
                        if (verdict == RepeatVerdict.Restated) { restated = true; break; }
                        if (verdict == RepeatVerdict.Skip) continue;
                    }
                    pairs.Add(IsOlder(claim, earlier) ? new CandidatePair(claim, earlier, similarity) : new CandidatePair(earlier, claim, similarity));
                    taken++;
                }
                if (restated) pairs.RemoveRange(first, pairs.Count - first);
                t = StageTimeTotals.Lap(sink, PipelineStage.Score, t);
            }
            else t = StageTimeTotals.Lap(sink, PipelineStage.Candidates, t);
            pools.Add(pool, claim, vector, toStore.Count - 1);
        }

        StageTimeTotals.Lap(sink, PipelineStage.Score, t);
        return new Paired(prepared, toStore, speakers.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), pairs);
    }

    /// <summary>
    /// The pairs' scores in the pairs' order, timed as the score stage (on whichever thread it runs). Serial: on one
    /// thread this is the main thread's work; with more, the writer-thread path runs it per article on a pool thread,
    /// so articles overlap instead of one article's pairs being split (SCORE9).
    /// </summary>
    private ScoredPair[] ScoreAll(List<CandidatePair> pairs)
    {
        long t = StageTimeTotals.Start(_options.StageSink);
        var results = new ScoredPair[pairs.Count];
        var scorer = _stages.PairScorer;
        for (int k = 0; k < pairs.Count; k++) results[k] = scorer.Score(pairs[k].A, pairs[k].B, pairs[k].Similarity);
        StageTimeTotals.Lap(_options.StageSink, PipelineStage.Score, t);
        return results;
    }

    /// <summary>True when <paramref name="x"/> (the new claim) is dated strictly before <paramref name="stored"/>.</summary>
    private static bool IsOlder(Claim x, Claim stored) =>
        x.Date is { } dx && stored.Date is { } ds && dx < ds;
}
