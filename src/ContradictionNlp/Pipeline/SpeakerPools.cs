using System.Collections;
using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Store;

namespace ContradictionNlp.Pipeline;

/// <summary>
/// A speaker's comparable claims as the pipeline pairs against them: one contiguous row-major matrix of
/// vectors (in store order, then this article's claims in position order) and, per row, the claim's store
/// rowid, or the claim itself while its article is not saved yet. Claim text is not held: it is read from
/// the store for the few rows chosen as candidates.
/// </summary>
internal sealed class SpeakerPool
{
    public SpeakerPool(string speakerId, int dimension, long[] rowIds, float[] matrix)
    {
        SpeakerId = speakerId;
        Dimension = dimension;
        RowIds = new List<long>(rowIds);
        _matrix = matrix;
        Count = rowIds.Length;
        Rows = new RowView(this);
    }

    public string SpeakerId { get; }
    public int Dimension { get; }
    /// <summary>Rows in use; rows from <see cref="RowIds"/>.Count on are <see cref="Pending"/> claims.</summary>
    public int Count { get; private set; }
    public float[] Matrix => _matrix;
    private float[] _matrix;
    public List<long> RowIds { get; }
    /// <summary>
    /// Claims of articles not saved yet, oldest first, with their index in their article's batch (for the rowid after
    /// saving) and the article's number (<see cref="SpeakerPools.BeginArticle"/>): one article when the pipeline writes
    /// inline; with a writer thread (STORE6) those of every article handed to it whose commit is not reported yet.
    /// </summary>
    public List<PendingClaim> Pending { get; } = [];
    /// <summary>The pool as the <see cref="ICandidateSelector"/> seam takes it (rows are slices of <see cref="Matrix"/>).</summary>
    public IReadOnlyList<ReadOnlyMemory<float>> Rows { get; }
    /// <summary>Article counter value when the pool was last used, for least-recently-used eviction.</summary>
    public long LastUsed { get; set; }

    public long Floats => Matrix.LongLength;

    public void Add(Claim claim, float[] vector, int batchIndex, long article)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"Vector of dimension {vector.Length}, pool of {SpeakerId} has {Dimension}.", nameof(vector));
        // Doubling: appending a claim costs amortised O(dimension).
        if ((Count + 1) * Dimension > _matrix.Length) Array.Resize(ref _matrix, Math.Max(_matrix.Length * 2, (Count + 1) * Dimension));
        vector.CopyTo(Matrix, Count * Dimension);
        Pending.Add(new PendingClaim(claim, batchIndex, article));
        Count++;
    }

    /// <summary>
    /// Article <paramref name="article"/> was saved: its claims (the oldest pending ones) become rowids (in batch order, as
    /// the store assigned them), each also handed to <paramref name="saved"/> with its rowid.
    /// </summary>
    public void Commit(long article, IReadOnlyList<long> batchRowIds, Action<long, Claim>? saved = null)
    {
        int n = 0;
        while (n < Pending.Count && Pending[n].Article == article)
        {
            long rowId = batchRowIds[Pending[n].BatchIndex];
            RowIds.Add(rowId);
            saved?.Invoke(rowId, Pending[n].Claim);
            n++;
        }
        Pending.RemoveRange(0, n);
    }

    /// <summary>The article was not saved: forget its claims.</summary>
    public void Undo()
    {
        Count = RowIds.Count;
        Pending.Clear();
    }

    private sealed class RowView(SpeakerPool pool) : IReadOnlyList<ReadOnlyMemory<float>>, IContiguousRows
    {
        public ReadOnlySpan<float> Matrix => pool.Matrix.AsSpan(0, pool.Count * pool.Dimension);
        public ReadOnlyMemory<float> this[int index] =>
            (uint)index < (uint)pool.Count ? pool.Matrix.AsMemory(index * pool.Dimension, pool.Dimension) : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => pool.Count;
        public IEnumerator<ReadOnlyMemory<float>> GetEnumerator()
        {
            for (int i = 0; i < pool.Count; i++) yield return this[i];
        }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// A claim of an article not saved yet (see <see cref="SpeakerPool.Pending"/>). A struct of this assembly rather than a
/// value tuple (SCORE14): the framework's List code over such a tuple is not in the ReadyToRun image, so every run
/// JIT-compiled it; over this struct it is precompiled.
/// </summary>
internal readonly record struct PendingClaim(Claim Claim, int BatchIndex, long Article);

/// <summary>A pool whose rows lie back to back in one array, so a selector can scan it without per-row slices.</summary>
internal interface IContiguousRows
{
    /// <summary>Count x dimension floats, row-major.</summary>
    ReadOnlySpan<float> Matrix { get; }
    int Count { get; }
}

/// <summary>
/// The speaker pools of one run, bounded: pools of speakers not used for a while are dropped once the
/// vectors held pass a budget, and re-read from the store when needed. Candidate claims are read from the
/// store by rowid through a bounded cache. Neither bound changes a result: the store holds what was dropped.
/// </summary>
/// <remarks>
/// Round 35: the claims of each article committed (<see cref="Commit(long, IReadOnlyList{long}, IReadOnlyList{SpeakerPool})"/>)
/// enter that cache as they are, and the store is told their rowids (<see cref="ClaimStore.RememberRowId"/>), as
/// <see cref="ClaimStore.LoadClaim"/> tells it for a claim it reads. A speaker's recent claims are the likeliest
/// candidates of the next articles: on bbc-news the run read 4,475 claims back at 1 thread and 549 since, and a
/// pair naming one of them is stored without the store looking its rowid up. A pending claim was already paired as the
/// object itself, so the candidates' claims are the same either way (the store's copy of a claim is the claim it saved).
/// </remarks>
/// <param name="claimCacheSize">Claims per generation of the read-claim cache (<see cref="ClaimCacheSize"/>; tests use small ones).</param>
internal sealed class SpeakerPools(ClaimStore store, IClaimEmbedder embedder, long floatBudget, int claimCacheSize = SpeakerPools.ClaimCacheSize)
{
    /// <summary>
    /// Claims kept (read back, or just committed), per generation: when the current generation holds this many it becomes the previous one (the
    /// older previous is dropped), and a hit in the previous generation moves the claim forward, so at most twice this
    /// many are held. Before, a full cache was cleared at once: on the BBC run 1,222 of the 5,773 claims read were
    /// read again (a speaker's recent claims, dropped with the rest), each an indexed read (SCORE14).
    /// </summary>
    public const int ClaimCacheSize = 1 << 11;

    private readonly Dictionary<string, SpeakerPool> _pools = new(StringComparer.Ordinal);
    private Dictionary<long, Claim> _claims = new();
    private Dictionary<long, Claim> _olderClaims = new();
    private readonly List<SpeakerPool> _touched = [];
    // RememberSaved as the delegate SpeakerPool.Commit calls, made once.
    private Action<long, Claim>? _rememberSaved;
    // New speakers whose pool was started empty (Get): only the first pool of a speaker can skip the store.
    private readonly HashSet<string> _startedEmpty = new(StringComparer.Ordinal);
    private long _floats;
    private long _article;

    public int PoolCount => _pools.Count;

    /// <summary>Claims read from the store so far (<see cref="Claim"/>'s cache misses).</summary>
    public int ClaimsRead { get; private set; }

    public void BeginArticle()
    {
        _article++;
        _touched.Clear();
    }

    /// <summary>The number of the article begun last (what <see cref="Commit(long, IReadOnlyList{long}, IReadOnlyList{SpeakerPool})"/> takes).</summary>
    public long Article => _article;

    /// <summary>
    /// The pools the current article added claims to, handed over for a later <see cref="Commit(long, IReadOnlyList{long}, IReadOnlyList{SpeakerPool})"/>
    /// (STORE6's writer thread reports an article's rowids once its commit group is durable); the next article starts a new list.
    /// </summary>
    public List<SpeakerPool> TakeTouched()
    {
        var touched = _touched.ToList();
        _touched.Clear();
        return touched;
    }

    /// <param name="isNew">
    /// The resolver made this speaker up in this run (<see cref="ISpeakerResolver.IsNew"/>). The first time its pool is
    /// asked for, the store holds none of its claims (they come through <see cref="Add"/> and are saved after), so the pool
    /// starts empty without a store read: at 50k stored articles most speakers of 100 new articles are new, and each read
    /// was two index searches that found nothing (GROWTH8). Once its pool is dropped the store holds its claims: read.
    /// </param>
    public SpeakerPool Get(string speakerId, bool isNew = false)
    {
        if (!_pools.TryGetValue(speakerId, out var pool))
        {
            var (rowIds, matrix) = isNew && _startedEmpty.Add(speakerId)
                ? ([], [])
                : store.LoadSpeakerVectors(speakerId, embedder.ModelId, embedder.Dimension);
            pool = new SpeakerPool(speakerId, embedder.Dimension, rowIds, matrix);
            _pools[speakerId] = pool;
            _floats += pool.Floats;
        }
        if (pool.LastUsed != _article)
        {
            pool.LastUsed = _article;
            _touched.Add(pool);
        }
        return pool;
    }

    public void Add(SpeakerPool pool, Claim claim, float[] vector, int batchIndex)
    {
        long before = pool.Floats;
        pool.Add(claim, vector, batchIndex, _article);
        _floats += pool.Floats - before;
    }

    /// <summary>Row <paramref name="index"/>'s claim: pending ones as they are, stored ones from the cache or the store.</summary>
    public Claim Claim(SpeakerPool pool, int index)
    {
        if (index >= pool.RowIds.Count) return pool.Pending[index - pool.RowIds.Count].Claim;
        long rowId = pool.RowIds[index];
        if (_claims.TryGetValue(rowId, out var claim)) return claim;
        if (!_olderClaims.Remove(rowId, out claim))
        {
            claim = store.LoadClaim(rowId);
            ClaimsRead++;
        }
        return Remember(rowId, claim);
    }

    /// <summary>A claim just committed under <paramref name="rowId"/>: the store learns its rowid, the cache keeps it (see the remarks above).</summary>
    private void RememberSaved(long rowId, Claim claim)
    {
        store.RememberRowId(claim, rowId);
        Remember(rowId, claim);
    }

    /// <summary>Puts a claim in the cache's current generation, turning the generations over when it is full.</summary>
    private Claim Remember(long rowId, Claim claim)
    {
        if (_claims.Count >= claimCacheSize)
        {
            (_olderClaims, _claims) = (_claims, _olderClaims);
            _claims.Clear();
        }
        return _claims[rowId] = claim;
    }

    /// <summary>The article was saved with these claim rowids (batch order); then pools over budget are trimmed.</summary>
    public void Commit(IReadOnlyList<long> rowIds)
    {
        Commit(_article, rowIds, _touched);
        _touched.Clear();
    }

    /// <summary>
    /// Article <paramref name="article"/>, which added claims to <paramref name="touched"/>, was saved with these rowids; then pools
    /// over budget are trimmed. Articles are committed in the order they were begun.
    /// </summary>
    public void Commit(long article, IReadOnlyList<long> rowIds, IReadOnlyList<SpeakerPool> touched)
    {
        foreach (var pool in touched) pool.Commit(article, rowIds, _rememberSaved ??= RememberSaved);
        if (_floats <= floatBudget) return;
        // Least recently used first; ties (same article) by speaker id, so eviction is deterministic.
        // Down to half the budget, so trimming happens now and then, not after every article.
        foreach (var pool in _pools.Values.OrderBy(p => p.LastUsed).ThenBy(p => p.SpeakerId, StringComparer.Ordinal).ToList())
        {
            if (_floats <= floatBudget / 2) break;
            // Claims not saved yet exist only here (re-reading the store would miss them): such a pool stays. Writing
            // inline, none has any at this point; with a writer thread, those of articles still being written.
            if (pool.Pending.Count > 0) continue;
            _pools.Remove(pool.SpeakerId);
            _floats -= pool.Floats;
        }
    }

    public void Undo()
    {
        foreach (var pool in _touched) pool.Undo();
        _touched.Clear();
    }
}
