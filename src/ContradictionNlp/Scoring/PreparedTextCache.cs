namespace ContradictionNlp.Scoring;

/// <summary>
/// A bounded, thread-safe cache of <see cref="PreparedText"/> by exact text (a <see cref="GenerationCache{TKey, TValue}"/>).
/// Preparing is deterministic, so a hit gives what preparing again would; the cache only saves time.
/// </summary>
public sealed class PreparedTextCache
{
    private readonly GenerationCache<string, PreparedText> _cache;
    private readonly Func<string, PreparedText> _prepare;

    public PreparedTextCache(PairFeaturizer featurizer, int capacity)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        _cache = new GenerationCache<string, PreparedText>(capacity, StringComparer.Ordinal);
        Featurizer = featurizer;
        _prepare = featurizer.Prepare;
    }

    public PairFeaturizer Featurizer { get; }
    public int Capacity => _cache.Capacity;
    public long Hits => _cache.Hits;
    public long Misses => _cache.Misses;
    public int Count => _cache.Count;

    public PreparedText Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.Get(text, _prepare);
    }
}
