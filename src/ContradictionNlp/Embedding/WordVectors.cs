using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace ContradictionNlp.Embedding;

/// <summary>
/// A read-only table of int8-quantised word vectors, most frequent word first (rank = index).
/// <para>File layout (format version 1, all integers little-endian):</para>
/// <code>
/// offset 0   8 bytes  magic "CNLPVEC\0"
///        8   uint32   format version (1)
///       12   uint32   dimension d
///       16   uint32   count n
///       20   n words: uint16 UTF-8 byte length, then the bytes (lower-case GloVe tokens)
///            n float32 scales (vector i = scale[i] * q[i])
///            n*d int8 components q (row-major, word i at i*d)
/// </code>
/// Cosine similarity needs no scales: they cancel, so it is computed on the int8 rows directly.
/// Immutable after construction, hence safe to share across threads.
/// </summary>
public sealed class WordVectors
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "CNLPVEC\0"u8;

    private readonly string[] _words;
    private readonly float[] _scales;
    private readonly sbyte[] _q;
    private readonly float[] _qNorms;
    /// <summary>Open-addressing table of the vocabulary: word index + 1 per slot (0 = empty), with each slot's word hash beside it.</summary>
    private readonly int[] _slots;
    private readonly uint[] _slotHashes;
    private readonly int _slotMask;

    public WordVectors(int dimension, IReadOnlyList<string> words, float[] scales, sbyte[] components)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (scales.Length != words.Count || components.Length != words.Count * dimension)
            throw new ArgumentException($"Expected {words.Count} scales and {words.Count * dimension} components, got {scales.Length} and {components.Length}.");
        Dimension = dimension;
        _words = [.. words];
        _scales = scales;
        _q = components;
        // At most half full, so a miss ends after a probe or two.
        var capacity = 16;
        while (capacity < 2 * _words.Length) capacity *= 2;
        _slots = new int[capacity];
        _slotHashes = new uint[capacity];
        _slotMask = capacity - 1;
        // First occurrence wins so the more frequent spelling keeps its rank.
        for (var i = 0; i < _words.Length; i++)
        {
            var h = Hash(_words[i]);
            var slot = Probe(_words[i], h);
            if (_slots[slot] != 0) continue;
            _slots[slot] = i + 1;
            _slotHashes[slot] = h;
        }
        _qNorms = new float[_words.Length];
        for (var i = 0; i < _words.Length; i++)
        {
            long s = 0;
            foreach (var v in Row(i)) s += v * v;
            _qNorms[i] = MathF.Sqrt(s);
        }
    }

    public int Dimension { get; }
    public int Count => _words.Length;
    public string Word(int index) => _words[index];
    public float Scale(int index) => _scales[index];
    public ReadOnlySpan<sbyte> Row(int index) => _q.AsSpan(index * Dimension, Dimension);

    /// <summary>Index (= frequency rank) of a lower-case word, or -1 when unknown. Thread-safe (the table is read-only).</summary>
    /// <remarks>
    /// PAR11: a table of our own instead of a <c>Dictionary&lt;string, int&gt;</c> probed through its span lookup. The
    /// embed stage and the pair featurizer look up every word of every claim here; the dictionary's lookup went through
    /// its comparer's interface for the hash and again for the comparison, and chained through a second array. Same
    /// answers: ordinal equality, first occurrence of a duplicate word wins.
    /// </remarks>
    public int IndexOf(ReadOnlySpan<char> lowerWord)
    {
        var e = _slots[Probe(lowerWord, Hash(lowerWord))];
        return e - 1;
    }

    /// <summary>The slot holding <paramref name="word"/>, or the empty slot where it would go.</summary>
    private int Probe(ReadOnlySpan<char> word, uint hash)
    {
        var slot = (int)hash & _slotMask;
        while (true)
        {
            var e = _slots[slot];
            if (e == 0 || (_slotHashes[slot] == hash && word.SequenceEqual(_words[e - 1]))) return slot;
            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>A hash of the word's chars, four at a time, then mixed so that its low bits (the slot) depend on all of them.</summary>
    private static uint Hash(ReadOnlySpan<char> word)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)word.Length;
        ref var c0 = ref MemoryMarshal.GetReference(word);
        var i = 0;
        for (; i + 4 <= word.Length; i += 4)
            h = ulong.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref c0, i)))) * 0xFF51AFD7ED558CCDUL, 29);
        for (; i < word.Length; i++)
            h = ulong.RotateLeft((h ^ Unsafe.Add(ref c0, i)) * 0xC4CEB9FE1A85EC53UL, 23);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (uint)h;
    }

    /// <summary>Writes the de-quantised vector of word <paramref name="index"/>.</summary>
    public void CopyVector(int index, Span<float> output)
    {
        var row = Row(index);
        var s = _scales[index];
        for (var k = 0; k < row.Length; k++) output[k] = row[k] * s;
    }

    /// <summary>Adds <paramref name="weight"/> times the vector of word <paramref name="index"/> into <paramref name="acc"/>.</summary>
    /// <remarks>
    /// Eight components at a time where the hardware has 256-bit vectors (PAR11: the embed stage's inner loop). Each
    /// component is still <c>acc[k] + (float)row[k] * s</c>, one rounding per operation in the same order (the
    /// int8-to-float widening is exact, and a vector multiply or add rounds each lane as the scalar one does; nothing
    /// is fused), so the result is the scalar loop's to the bit.
    /// </remarks>
    public void AddScaled(int index, float weight, Span<float> acc)
    {
        var row = Row(index);
        var s = _scales[index] * weight;
        var k = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= 8 && acc.Length >= row.Length)
        {
            var scale = Vector256.Create(s);
            ref var r0 = ref MemoryMarshal.GetReference(row);
            ref var a0 = ref MemoryMarshal.GetReference(acc);
            for (; k <= row.Length - 8; k += 8)
            {
                // Eight int8 components, widened to int and converted to float (exact).
                var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref r0, k)))).AsSByte();
                var (shorts, _) = Vector128.Widen(bytes);
                var (lo, hi) = Vector128.Widen(shorts);
                var components = Vector256.ConvertToSingle(Vector256.Create(lo, hi));
                var a = Vector256.LoadUnsafe(ref a0, (nuint)k);
                (a + components * scale).StoreUnsafe(ref a0, (nuint)k);
            }
        }
        for (; k < row.Length; k++) acc[k] += row[k] * s;
    }

    /// <summary>Cosine of two words' vectors (0 when either is all zeros).</summary>
    public float Cosine(int a, int b)
    {
        if (a == b) return 1f;
        var dot = Dot(Row(a), Row(b));
        var den = _qNorms[a] * _qNorms[b];
        return den == 0 ? 0f : dot / den;
    }

    /// <summary>
    /// The integer dot product of two int8 rows, 16 components at a time where the hardware has vectors. Integer
    /// sums are exact in any order (|q| &lt;= 128, so a product fits a short and the sum of a few hundred an int):
    /// the result is the scalar loop's to the bit. The pair scorer's word alignment spends most of its time here.
    /// </summary>
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var k = 0;
        var dot = 0;
        if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && a.Length >= 16)
        {
            var acc = System.Runtime.Intrinsics.Vector128<int>.Zero;
            for (; k <= a.Length - 16; k += 16)
            {
                var (al, ah) = System.Runtime.Intrinsics.Vector128.Widen(System.Runtime.Intrinsics.Vector128.Create(a.Slice(k, 16)));
                var (bl, bh) = System.Runtime.Intrinsics.Vector128.Widen(System.Runtime.Intrinsics.Vector128.Create(b.Slice(k, 16)));
                var (p0, p1) = System.Runtime.Intrinsics.Vector128.Widen(al * bl);
                var (p2, p3) = System.Runtime.Intrinsics.Vector128.Widen(ah * bh);
                acc += (p0 + p1) + (p2 + p3);
            }
            dot = System.Runtime.Intrinsics.Vector128.Sum(acc);
        }
        for (; k < a.Length; k++) dot += a[k] * b[k];
        return dot;
    }

    /// <summary>Quantises float rows symmetrically: scale = max|v| / 127, q = round-half-even(v / scale).</summary>
    public static WordVectors Quantize(int dimension, IReadOnlyList<string> words, IReadOnlyList<float[]> vectors)
    {
        var scales = new float[words.Count];
        var q = new sbyte[words.Count * dimension];
        for (var i = 0; i < words.Count; i++)
        {
            var v = vectors[i];
            if (v.Length != dimension) throw new ArgumentException($"Vector of '{words[i]}' has {v.Length} components, expected {dimension}.");
            var max = 0f;
            foreach (var x in v) max = Math.Max(max, Math.Abs(x));
            var scale = max == 0 ? 1f : max / 127f;
            scales[i] = scale;
            for (var k = 0; k < dimension; k++)
                q[i * dimension + k] = (sbyte)Math.Clamp(MathF.Round(v[k] / scale, MidpointRounding.ToEven), -127, 127);
        }
        return new WordVectors(dimension, words, scales, q);
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write((uint)FormatVersion);
        w.Write((uint)Dimension);
        w.Write((uint)Count);
        foreach (var word in _words)
        {
            var bytes = Encoding.UTF8.GetBytes(word);
            if (bytes.Length > ushort.MaxValue) throw new InvalidOperationException($"Word too long to store: {word[..40]}...");
            w.Write((ushort)bytes.Length);
            w.Write(bytes);
        }
        foreach (var s in _scales) w.Write(s);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_q.AsSpan()));
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        Save(fs);
    }

    /// <summary>Reads a vectors file; a wrong magic, version or truncated file throws <see cref="FormatException"/> naming the file.</summary>
    public static WordVectors Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes, path);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"{path}: truncated word-vectors file ({bytes.Length} bytes).");
        }
    }

    private static WordVectors Parse(ReadOnlySpan<byte> b, string path)
    {
        if (b.Length < 20 || !b[..8].SequenceEqual(Magic))
            throw new FormatException($"{path}: not a word-vectors file (expected magic 'CNLPVEC\\0' at offset 0).");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new FormatException($"{path}: word-vectors format version {version}, expected {FormatVersion}.");
        var dim = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        var pos = 20;
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            int len = BinaryPrimitives.ReadUInt16LittleEndian(b[pos..]);
            pos += 2;
            words[i] = Encoding.UTF8.GetString(b.Slice(pos, len));
            pos += len;
        }
        var scales = new float[count];
        for (var i = 0; i < count; i++, pos += 4) scales[i] = BinaryPrimitives.ReadSingleLittleEndian(b[pos..]);
        var q = new sbyte[count * dim];
        var body = b.Slice(pos, q.Length);
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(body).CopyTo(q);
        if (pos + q.Length != b.Length)
            throw new FormatException($"{path}: {b.Length - pos - q.Length} unexpected trailing bytes after {count} vectors of dimension {dim}.");
        return new WordVectors(dim, words, scales, q);
    }

    public static string Sha256OfFile(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
