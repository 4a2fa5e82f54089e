namespace ContradictionNlp.Scoring;

/// <summary>
/// A bounded, thread-safe cache of <see cref="PreparedText"/> by exact text. Preparing is deterministic, so a hit
/// gives what preparing again would; the cache only saves time. Eviction is by generation: when the current
/// generation holds half the capacity it becomes the previous one (the older previous is dropped); a hit in the
/// previous generation moves the entry forward. So at most <see cref="Capacity"/> texts are held, and texts in
/// steady use (a speaker's recent claims, paired again and again) stay, at the cost of one dictionary look-up.
/// </summary>
public sealed class PreparedTextCache
{
    private readonly object _lock = new();
    private readonly PairFeaturizer _featurizer;
    private Dictionary<string, PreparedText> _current = new(StringComparer.Ordinal);
    private Dictionary<string, PreparedText> _previous = new(StringComparer.Ordinal);
    private long _hits, _misses;

    public PreparedTextCache(PairFeaturizer featurizer, int capacity)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _featurizer = featurizer;
        Capacity = capacity;
    }

    public PairFeaturizer Featurizer => _featurizer;
    /// <summary>Most texts held at once (both generations).</summary>
    public int Capacity { get; }
    public long Hits { get { lock (_lock) return _hits; } }
    public long Misses { get { lock (_lock) return _misses; } }
    public int Count { get { lock (_lock) return _current.Count + _previous.Count; } }

    public PreparedText Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            if (_current.TryGetValue(text, out var hit)) { _hits++; return hit; }
            if (_previous.Remove(text, out hit)) { _hits++; Put(text, hit); return hit; }
            _misses++;
        }
        // Outside the lock: preparing is the slow part, and other threads may look up meanwhile.
        var made = _featurizer.Prepare(text);
        lock (_lock)
        {
            // Another thread may have prepared the same text meanwhile: keep one instance (equal either way).
            if (_current.TryGetValue(text, out var raced)) return raced;
            Put(text, made);
        }
        return made;
    }

    private void Put(string text, PreparedText prepared)
    {
        if (_current.Count >= Capacity / 2)
        {
            _previous = _current;
            _current = new Dictionary<string, PreparedText>(StringComparer.Ordinal);
        }
        _current[text] = prepared;
    }
}
