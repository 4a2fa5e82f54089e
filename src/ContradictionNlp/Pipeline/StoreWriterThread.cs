using System.Collections.Concurrent;
using ContradictionNlp.Store;

namespace ContradictionNlp.Pipeline;

/// <summary>
/// The store writes of a run with <see cref="PipelineOptions.Threads"/> above 1 (STORE6): one thread owns a second
/// connection to the store and writes the articles the pipeline hands it, in hand-off order, in the same commit groups
/// (<see cref="AnalysisPipeline.CommitGroup"/>) as an inline run, while the pipeline's thread analyses, pairs and scores the next
/// articles. Writing was most of what ran on one thread only, which capped what more threads could gain.
/// </summary>
/// <remarks>
/// <para>Why the pipeline's reads stay exact while writes lag behind them: its own connection sees only committed
/// groups, so every read must not depend on what is handed over but not committed yet. "Is this article stored?" is
/// answered from the handed-over ids first (<see cref="Handed"/>). A speaker's vectors are read only for a speaker
/// whose pool is not in memory, and a pool holding claims not committed yet is never dropped (<see cref="SpeakerPools"/>),
/// so a speaker read is either untouched by this run or all committed. Candidate claims are read by rowid, and a
/// claim gets its rowid in the pools only when its group is durable (<see cref="TakeDurable"/>); until then the pool
/// holds the claim itself. The speaker index never reads rows this run wrote (see <see cref="Speakers.SpeakerIndex"/>).
/// Other writers are kept out by <see cref="StoreWriterLock"/>.</para>
/// <para>Kill safety is the inline run's: a group is one transaction, each article a savepoint in it, so a kill loses
/// the open group and whatever was still queued, and a re-run redoes exactly those. A failure in the writer is kept,
/// the articles after it are not written, the group's earlier articles are committed (as inline), and the pipeline
/// throws the failure at its next hand-off or at the end of the run: never a silent loss.</para>
/// </remarks>
internal sealed class StoreWriterThread : IDisposable
{
    private readonly ClaimStore _store;
    private readonly PipelineOptions _options;
    // PAR15: the queues hold classes, not value tuples: the framework's BlockingCollection/ConcurrentQueue/List code over a tuple
    // of a long and a reference is not in any ReadyToRun image, so each 2-thread run JIT-compiled ~40 of their methods, on
    // the run's threads while both cores were wanted; over a class the framework's shared code for references is precompiled.
    private readonly BlockingCollection<Handoff> _queue;
    private readonly ConcurrentQueue<DurableArticle> _durable = new();
    private readonly HashSet<string> _handed = new(StringComparer.Ordinal); // the pipeline's thread only
    private readonly Thread _thread;
    private Exception? _error;
    private bool _completed;

    /// <param name="store">A connection of its own (<see cref="ClaimStore.OpenSibling"/>), owned and disposed by this writer.</param>
    /// <param name="capacity">Articles handed over but not yet written before <see cref="Write"/> waits: bounds the memory a slow store can hold up.</param>
    public StoreWriterThread(ClaimStore store, PipelineOptions options, int capacity)
    {
        _store = store;
        _options = options;
        _queue = new(capacity);
        _thread = new Thread(Loop) { IsBackground = true, Name = "cnlp store writer" };
        _thread.Start();
    }

    /// <summary>True when an article with this id was handed over in this run (written or about to be).</summary>
    public bool Handed(string articleId) => _handed.Contains(articleId);

    /// <summary>
    /// Hands article number <paramref name="article"/> over; waits while the queue is full. Throws the writer's failure, if
    /// any. The batch may still be in the making (its pairs scored on the thread pool, SCORE9): the writer waits for it in
    /// hand-off order, and a failure making it is the writer's failure (nothing of that article or any later one is
    /// written; the group's earlier articles are kept, as for a failed write).
    /// </summary>
    public void Write(long article, string articleId, Task<ArticleBatch> batch)
    {
        ThrowIfFailed();
        _handed.Add(articleId);
        _queue.Add(new Handoff(article, batch));
    }

    /// <summary>An article whose commit group is durable, with its claims' rowids in batch order; false when none is waiting.</summary>
    // The rowids stay the list SaveArticle filled: a long[] read through IReadOnlyList<long> was one more framework method JIT-compiled per 2-thread run.
    public bool TakeDurable([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out DurableArticle item) => _durable.TryDequeue(out item);

    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref _error) is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>No more articles: writes and commits everything handed over, stops the thread; the writer's failure, if any.</summary>
    public Exception? Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _queue.CompleteAdding();
            _thread.Join();
            _store.Dispose();
        }
        return Volatile.Read(ref _error);
    }

    public void Dispose()
    {
        Complete();
        _queue.Dispose();
    }

    private void Loop()
    {
        var sink = _options.StageSink;
        var group = new AnalysisPipeline.CommitGroup(_store, _options);
        // Written into the open group, not durable yet: their rowids are published when the group commits.
        var written = new List<DurableArticle>();
        foreach (var (article, pending) in _queue.GetConsumingEnumerable())
        {
            // After a failure the queue is still emptied, so the pipeline never waits on a full one; it throws at its next hand-off.
            if (Volatile.Read(ref _error) is not null) continue;
            ArticleBatch batch;
            try
            {
                // Waiting for the article's scores belongs to no stage (the scoring thread times its own work).
                batch = pending.GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _error, ex);
                continue;
            }
            long t = StageTimeTotals.Start(sink);
            try
            {
                group.Open();
                var rowIds = new List<long>(batch.Claims.Count);
                // The pipeline checked that the store lacks it and holds the writer lock: another process wrote it meanwhile.
                if (!_store.SaveArticle(batch, rowIds))
                    throw new StoreException($"Article {batch.Article.Id} ({batch.Article.Origin}) was stored by another process while this run " +
                        $"was writing to '{_store.Path}'; nothing of it was written twice. Run the same inputs again to finish.");
                written.Add(new DurableArticle(article, rowIds));
                group.Done(wrote: true);
                if (!_store.InGroup) Publish(written);
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _error, ex);
            }
            StageTimeTotals.Lap(sink, PipelineStage.Store, t);
        }
        // As an inline run on failure or at its end: the group's whole articles are kept.
        long tc = StageTimeTotals.Start(sink);
        try
        {
            group.Close();
            // After a failure the run throws: rowids of a group whose commit failed must not reach the pools meanwhile.
            if (Volatile.Read(ref _error) is null) Publish(written);
        }
        catch (Exception ex)
        {
            if (Volatile.Read(ref _error) is null) Volatile.Write(ref _error, ex);
        }
        StageTimeTotals.Lap(sink, PipelineStage.Store, tc);
    }

    private void Publish(List<DurableArticle> written)
    {
        foreach (var item in written) _durable.Enqueue(item);
        written.Clear();
    }

    /// <summary>Article number <paramref name="Article"/> handed over, its batch possibly still being scored.</summary>
    private sealed record Handoff(long Article, Task<ArticleBatch> Batch);
}

/// <summary>Article number <paramref name="Article"/> is durable; its claims' rowids in batch order.</summary>
internal sealed record DurableArticle(long Article, List<long> RowIds);
