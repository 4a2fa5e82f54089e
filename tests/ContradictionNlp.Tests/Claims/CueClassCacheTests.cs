using ContradictionNlp.Claims;

namespace ContradictionNlp.Tests.Claims;

public class CueClassCacheTests
{
    // The value each test stores for a key: any function of the key lets a reader check what it got.
    private static byte ValueOf(ulong key) => (byte)(key % 251);

    [Fact]
    public void Stores_reads_keeps_the_first_value_and_never_caches_key_zero()
    {
        var cache = new AttributionTagger.CueClassCache(maxEntries: 10);
        Assert.False(cache.TryGet(42, out _));
        cache.Add(42, 3);
        cache.Add(42, 4); // first value stays, as ConcurrentDictionary.TryAdd did
        Assert.True(cache.TryGet(42, out var v));
        Assert.Equal(3, v);
        cache.Add(0, 5); // 0 marks an empty slot
        Assert.False(cache.TryGet(0, out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Grows_past_its_first_table_and_stops_adding_at_the_cap()
    {
        var cache = new AttributionTagger.CueClassCache(maxEntries: 100_000);
        // 1 << 16 slots at first, half full at most: 100,000 keys force two growths.
        for (ulong k = 1; k <= 150_000; k++) cache.Add(unchecked(k * 0x9E3779B97F4A7C15UL), ValueOf(unchecked(k * 0x9E3779B97F4A7C15UL)));
        Assert.Equal(100_000, cache.Count);
        for (ulong k = 1; k <= 100_000; k++)
        {
            var key = unchecked(k * 0x9E3779B97F4A7C15UL);
            Assert.True(cache.TryGet(key, out var v), $"key {k} lost");
            Assert.Equal(ValueOf(key), v);
        }
        Assert.False(cache.TryGet(unchecked(150_000 * 0x9E3779B97F4A7C15UL), out _));
    }

    [Fact]
    public async Task Readers_racing_writers_and_growth_only_ever_see_the_stored_value()
    {
        var cache = new AttributionTagger.CueClassCache(maxEntries: 1_000_000);
        const int Threads = 4, PerThread = 60_000;
        var wrong = 0;
        var tasks = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            var rng = new Random(t);
            for (var i = 0; i < PerThread; i++)
            {
                // Overlapping key ranges: threads add the same keys and read each other's while the table grows.
                var key = unchecked((ulong)rng.Next(1, 120_000) * 0x2545F4914F6CDD1DUL);
                if (cache.TryGet(key, out var v)) { if (v != ValueOf(key)) Interlocked.Increment(ref wrong); }
                else cache.Add(key, ValueOf(key));
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(0, wrong);
        Assert.InRange(cache.Count, 1, 120_000);
    }
}
