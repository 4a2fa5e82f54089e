namespace ContradictionNlp.Scoring;

/// <summary>
/// A bounded, thread-safe memo for a deterministic function: a hit returns what computing again would. Eviction is by
/// generation: when the current generation holds half the capacity it becomes the previous one (the older previous
/// is dropped); a hit in the previous generation moves the entry forward. At most <see cref="Capacity"/> entries are
/// held, and entries in steady use stay, for one dictionary look-up under a short lock.
/// </summary>
public sealed class GenerationCache<TKey, TValue> where TKey : notnull
{
    private readonly object _lock = new();
    private readonly IEqualityComparer<TKey> _comparer;
    private Dictionary<TKey, TValue> _current;
    private Dictionary<TKey, TValue> _previous;
    private long _hits, _misses;

    public GenerationCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _current = new(_comparer);
        _previous = new(_comparer);
    }

    /// <summary>Most entries held at once (both generations).</summary>
    public int Capacity { get; }
    public long Hits { get { lock (_lock) return _hits; } }
    public long Misses { get { lock (_lock) return _misses; } }
    public int Count { get { lock (_lock) return _current.Count + _previous.Count; } }

    /// <summary>The cached value of <paramref name="key"/>, else <paramref name="compute"/>(key), cached. Compute runs outside the lock.</summary>
    public TValue Get(TKey key, Func<TKey, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        lock (_lock)
        {
            if (_current.TryGetValue(key, out var hit)) { _hits++; return hit; }
            if (_previous.Remove(key, out hit)) { _hits++; Put(key, hit); return hit; }
            _misses++;
        }
        var made = compute(key);
        lock (_lock)
        {
            // Another thread may have computed the same key meanwhile: keep one instance (equal either way).
            if (_current.TryGetValue(key, out var raced)) return raced;
            Put(key, made);
        }
        return made;
    }

    private void Put(TKey key, TValue value)
    {
        if (_current.Count >= Capacity / 2)
        {
            _previous = _current;
            _current = new Dictionary<TKey, TValue>(_comparer);
        }
        _current[key] = value;
    }
}
