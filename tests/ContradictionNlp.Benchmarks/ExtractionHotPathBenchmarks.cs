using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using ContradictionNlp.Claims;
using ContradictionNlp.Tagging;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Benchmarks;

/// <summary>
/// The hot paths that extraction round 6 added inside the attribution tagger, each beside what it replaced, over
/// the tokens of the same slice as <see cref="StageBenchmarks"/>: the vector bucket hash of the 28 static templates
/// (against the scalar Bucket per template) and the lock-free cue-class cache (against the ConcurrentDictionary
/// it replaced). One call covers every token of the slice.
/// </summary>
[MemoryDiagnoser]
public class ExtractionHotPathBenchmarks
{
    private const int Lanes = 32, Templates = 28, Mask = (1 << 20) - 1;
    private ulong[] _values = [];
    private ulong[] _offsets = [];
    private int[] _dest = [];
    private ulong[] _lowerHashes = [];
    private AttributionTagger.CueClassCache _cache = null!;
    private ConcurrentDictionary<ulong, byte> _dictionary = null!;

    [GlobalSetup]
    public void Setup()
    {
        var analyzer = new TextAnalyzer();
        var texts = BenchInputs.Articles().Select(a => analyzer.Analyze(a.Text)).ToArray();
        // Per token, the word's lower-case hash (the cache key) and 32 template values built from the token's hashes.
        var lower = new List<ulong>();
        var values = new List<ulong>();
        foreach (var t in texts)
        {
            var h = new ulong[t.Tokens.Count * WordHashes.Stride];
            WordHashes.Compute(t.Text, t.TokenSpan, h, null, allSlots: false);
            for (var i = 0; i < t.Tokens.Count; i++)
            {
                lower.Add(h[i * WordHashes.Stride + WordHashes.Lower]);
                for (var k = 0; k < Lanes; k++) values.Add(WordHashes.Combine(h[i * WordHashes.Stride + k % 5], (ulong)k));
            }
        }
        _lowerHashes = [.. lower];
        _values = [.. values];
        _offsets = [.. Enumerable.Range(0, Lanes).Select(WordHashes.TemplateOffset)];
        _dest = new int[Lanes];
        _cache = new AttributionTagger.CueClassCache(maxEntries: 1_000_000);
        _dictionary = new ConcurrentDictionary<ulong, byte>();
        foreach (var key in _lowerHashes)
        {
            _cache.Add(key, (byte)(key % 6));
            _dictionary.TryAdd(key, (byte)(key % 6));
        }
        Console.WriteLine($"// {_lowerHashes.Length} tokens, {_cache.Count} distinct lower-case hashes");
    }

    [Benchmark(Description = "static template buckets: WordHashes.Buckets (4 lanes a step)")]
    public int BucketsVector()
    {
        var sum = 0;
        for (var j = 0; j < _values.Length; j += Lanes)
        {
            WordHashes.Buckets(_values.AsSpan(j, Lanes), _offsets, Mask, _dest);
            sum += _dest[Templates - 1];
        }
        return sum;
    }

    [Benchmark(Description = "static template buckets: WordHashes.Bucket per template (before)")]
    public int BucketsScalar()
    {
        var sum = 0;
        for (var j = 0; j < _values.Length; j += Lanes)
        {
            for (var k = 0; k < Templates; k++) _dest[k] = WordHashes.Bucket(k, _values[j + k], Mask);
            sum += _dest[Templates - 1];
        }
        return sum;
    }

    [Benchmark(Description = "cue class per token: CueClassCache.TryGet")]
    public int CueCacheLookups()
    {
        var sum = 0;
        foreach (var key in _lowerHashes)
            if (_cache.TryGet(key, out var v)) sum += v;
        return sum;
    }

    [Benchmark(Description = "cue class per token: ConcurrentDictionary.TryGetValue (before)")]
    public int CueDictionaryLookups()
    {
        var sum = 0;
        foreach (var key in _lowerHashes)
            if (_dictionary.TryGetValue(key, out var v)) sum += v;
        return sum;
    }
}
