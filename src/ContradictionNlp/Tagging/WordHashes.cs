using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tagging;

/// <summary>
/// Per-token hashed word properties computed once per sentence, so feature extraction is integer
/// arithmetic only (no strings in the hot path). Forms are normalised before hashing: lower case,
/// curly quotes to straight ones (our tokenizer keeps "n’t" as typed; EWT writes "n't").
/// </summary>
internal static class WordHashes
{
    public const int Stride = 11;
    // Slots within a token's block of Stride values.
    public const int Lower = 0, Exact = 1, Suffix1 = 2, Suffix2 = 3, Suffix3 = 4, Suffix4 = 5, Prefix1 = 6, Prefix3 = 7, Shape = 8, ClusterFine = 9, ClusterCoarse = 10;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Hash shared by all sentinel positions before the sentence start / after its end.</summary>
    public const ulong Start = 0x5354415254UL, End = 0x454E44UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normalise(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        return c switch
        {
            '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
            _ => char.ToLowerInvariant(c),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char NormaliseKeepCase(char c) => c < 128 ? c : c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        _ => c,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong HashLower(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s) h = (h ^ Normalise(c)) * FnvPrime;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong HashExact(ReadOnlySpan<char> s)
    {
        var h = FnvOffset ^ 0x9E37UL;
        foreach (var c in s) h = (h ^ NormaliseKeepCase(c)) * FnvPrime;
        return h;
    }

    /// <summary>
    /// Fills <paramref name="dest"/> (length tokens*Stride) with the hashes of each token. With
    /// <paramref name="allSlots"/> false only Lower, Exact, Shape, Suffix3 and Prefix3 are filled (the
    /// attribution tagger reads no others); the rest are left as they were.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(string text, ReadOnlySpan<Token> tokens, Span<ulong> dest, WordClusters? clusters, bool allSlots = true)
    {
        if (!allSlots)
        {
            ComputeAttributionSlots(text, tokens, dest);
            return;
        }
        for (var t = 0; t < tokens.Length; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            var d = dest.Slice(t * Stride, Stride);
            // One pass gives every hash: the lower-case hash and, as its running value after 1 and 3
            // characters, the prefix hashes (FNV reads left to right, so these equal HashLower of the
            // prefixes); the exact and shape hashes; and the suffix hashes, each started at its suffix's
            // first character. The chains are independent, so their multiplies overlap instead of
            // running one pass after another (the same arithmetic as HashExact, ShapeHash and HashLower).
            var lower = FnvOffset;
            ulong prefix1 = FnvOffset, prefix3 = FnvOffset;
            var exact = FnvOffset ^ 0x9E37UL;
            var shape = FnvOffset ^ 0x5AAEUL;
            char prevShape = '\0';
            var run = 0;
            ulong suffix1 = FnvOffset, suffix2 = FnvOffset, suffix3 = FnvOffset, suffix4 = FnvOffset;
            var hasDigit = false;
            int len = w.Length;
            for (var i = 0; i < len; i++)
            {
                var c = w[i];
                if (char.IsAsciiDigit(c)) hasDigit = true;
                var n = Normalise(c);
                lower = (lower ^ n) * FnvPrime;
                if (i == 0) prefix1 = lower;
                if (i < 3) prefix3 = lower;
                exact = (exact ^ NormaliseKeepCase(c)) * FnvPrime;
                var m = ShapeClass(c);
                if (m == prevShape) { if (++run <= 3) shape = (shape ^ m) * FnvPrime; }
                else { prevShape = m; run = 1; shape = (shape ^ m) * FnvPrime; }
                int fromEnd = len - i;
                if (fromEnd <= 4)
                {
                    suffix4 = (suffix4 ^ n) * FnvPrime;
                    if (fromEnd <= 3) suffix3 = (suffix3 ^ n) * FnvPrime;
                    if (fromEnd <= 2) suffix2 = (suffix2 ^ n) * FnvPrime;
                    if (fromEnd <= 1) suffix1 = (suffix1 ^ n) * FnvPrime;
                }
            }
            d[Exact] = exact;
            d[Shape] = shape;
            // Numbers are an open class: their identity says little, their shape (dd.dd, dddd) says much.
            d[Lower] = hasDigit ? shape ^ 0xD161D161UL : lower;
            d[Suffix3] = suffix3 + 3;
            d[Prefix3] = prefix3 + 6;
            var (fine, coarse) = clusters?.Of(lower) ?? (0, 0);
            d[ClusterFine] = (ulong)fine + 0xC1000UL;
            d[ClusterCoarse] = (ulong)coarse + 0xC2000UL;
            d[Suffix1] = suffix1 + 1;
            d[Suffix2] = suffix2 + 2;
            d[Suffix4] = suffix4 + 4;
            d[Prefix1] = prefix1 + 5;
        }
    }

    /// <summary>ShapeHash's class of a character; for ASCII, IsUpper/IsLower/IsDigit are exactly the A-Z, a-z and 0-9 ranges.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ShapeClass(char c) => c < 128
        ? (char.IsAsciiLetterUpper(c) ? 'X' : char.IsAsciiLetterLower(c) ? 'x' : char.IsAsciiDigit(c) ? 'd' : c)
        : char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : NormaliseKeepCase(c);

    /// <summary>
    /// <see cref="Compute"/> with allSlots false: the same pass without the suffix chains of 1, 2 and 4 characters and the
    /// one-character prefix, whose slots the attribution tagger never reads (perf only, round 21: up to 7 of a word's
    /// multiplies; the Lower, Exact, Shape, Suffix3 and Prefix3 values are computed by the very same arithmetic).
    /// A second loop on purpose: folded into Compute's loop behind the allSlots flag, the attribution pass cost ~1.7 % more
    /// extraction CPU (`eval attribution --polnear .../train --extractor hybrid-speech --timing`, 5 alternated runs each:
    /// median 469.3 vs 461.4 ms), and the through-claims target has little room.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ComputeAttributionSlots(string text, ReadOnlySpan<Token> tokens, Span<ulong> dest)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            var d = dest.Slice(t * Stride, Stride);
            var lower = FnvOffset;
            ulong prefix3 = FnvOffset;
            var exact = FnvOffset ^ 0x9E37UL;
            var shape = FnvOffset ^ 0x5AAEUL;
            char prevShape = '\0';
            var run = 0;
            ulong suffix3 = FnvOffset;
            var hasDigit = false;
            int len = w.Length;
            for (var i = 0; i < len; i++)
            {
                var c = w[i];
                if (char.IsAsciiDigit(c)) hasDigit = true;
                var n = Normalise(c);
                lower = (lower ^ n) * FnvPrime;
                if (i < 3) prefix3 = lower;
                exact = (exact ^ NormaliseKeepCase(c)) * FnvPrime;
                var m = ShapeClass(c);
                if (m == prevShape) { if (++run <= 3) shape = (shape ^ m) * FnvPrime; }
                else { prevShape = m; run = 1; shape = (shape ^ m) * FnvPrime; }
                if (len - i <= 3) suffix3 = (suffix3 ^ n) * FnvPrime;
            }
            d[Exact] = exact;
            d[Shape] = shape;
            d[Lower] = hasDigit ? shape ^ 0xD161D161UL : lower;
            d[Suffix3] = suffix3 + 3;
            d[Prefix3] = prefix3 + 6;
        }
    }

    /// <summary>Word shape: X upper, x lower, d digit, other characters as themselves; runs longer than 3 are cut ("Xxxx" for any capitalised word of 4+ letters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong ShapeHash(ReadOnlySpan<char> w)
    {
        var h = FnvOffset ^ 0x5AAEUL;
        char prev = '\0';
        var run = 0;
        foreach (var c in w)
        {
            var m = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : NormaliseKeepCase(c);
            if (m == prev) { if (++run > 3) continue; }
            else { prev = m; run = 1; }
            h = (h ^ m) * FnvPrime;
        }
        return h;
    }

    /// <summary>The hash in <paramref name="slot"/> of token <paramref name="j"/>, or a sentinel outside the sentence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong At(ReadOnlySpan<ulong> h, int n, int j, int slot) =>
        j < 0 ? Start + (ulong)slot : j >= n ? End + (ulong)slot : h[j * Stride + slot];

    /// <summary>Maps (template, value) to a weight row: a splitmix64 finaliser over both, masked to the table size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(int template, ulong value, int mask)
    {
        var z = value + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)z & mask;
    }

    /// <summary>What <see cref="Bucket"/> adds to a value of <paramref name="template"/> before mixing.</summary>
    public static ulong TemplateOffset(int template) => (ulong)(template + 1) * 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// dest[j] = <see cref="Bucket"/> of values[j] under the template whose <see cref="TemplateOffset"/> is offsets[j],
    /// for lengths that are a multiple of 8. With AVX-512 (64-bit multiplies on 256-bit vectors) four lanes are
    /// hashed per instruction; the integer arithmetic is the same, so every bucket is the same as Bucket's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Buckets(ReadOnlySpan<ulong> values, ReadOnlySpan<ulong> offsets, int mask, Span<int> dest)
    {
        if (values.Length % 8 != 0 || offsets.Length < values.Length || dest.Length < values.Length)
            throw new ArgumentException($"Buckets takes a multiple of 8 values ({values.Length}) with as many offsets ({offsets.Length}) and destination slots ({dest.Length}).");
        if (!System.Runtime.Intrinsics.X86.Avx512DQ.VL.IsSupported)
        {
            for (var j = 0; j < values.Length; j++) dest[j] = Finish(values[j] + offsets[j], mask);
            return;
        }
        var m = Vector256.Create(mask);
        for (var j = 0; j < values.Length; j += 8)
        {
            var lo = Mix(Vector256.Create(values.Slice(j, 4)) + Vector256.Create(offsets.Slice(j, 4)));
            var hi = Mix(Vector256.Create(values.Slice(j + 4, 4)) + Vector256.Create(offsets.Slice(j + 4, 4)));
            // (int)z & mask of each lane: the low 32 bits (a truncating narrow), then the mask.
            (Vector256.Narrow(lo, hi).AsInt32() & m).CopyTo(dest.Slice(j, 8));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Bucket"/> after the template offset is added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish(ulong z, int mask)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)z & mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => (a * 0x100000001B3UL) ^ (b + 0x632BE59BD9B4E019UL);
}
