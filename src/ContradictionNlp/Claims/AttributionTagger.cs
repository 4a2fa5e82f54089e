using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>BIO labels of attribution roles: 0 = O, then B-/I- for CUE, SRC, CON.</summary>
public static class AttributionLabels
{
    public const int Count = 7;
    public const byte O = 0, BCue = 1, ICue = 2, BSrc = 3, ISrc = 4, BCon = 5, ICon = 6;
    public static readonly string[] Names = ["O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON"];

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;
    /// <summary>0 cue, 1 source, 2 content.</summary>
    public static int RoleOf(int label) => (label - 1) / 2;
}

public sealed record AttributionTaggerOptions() : PerceptronOptions(iterations: 12, hashBits: 20)
{
    /// <summary>
    /// Stack the tagger on the rules (round 6): it also reads the rule extractor's claims per token (templates 34-37,
    /// <see cref="AttributionTagger.MarkRules"/>), and extraction runs the rules first. Off for the shipped model:
    /// on PolNeAR dev it lifted the learned extractor alone but not the hybrids, and cost extraction time (models/README.md).
    /// </summary>
    public bool StackRules { get; init; }
}

/// <summary>
/// Token-level tagger of attribution roles (cue, source, content): averaged structured perceptron over
/// BIO labels with first-order Viterbi per sentence. Besides word, affix and shape features of a
/// five-token window it sees what rules cannot generalise from: cue-lexicon membership of nearby words,
/// the signed distance to the nearest cue-lexicon word in the sentence, and whether the token is inside
/// a quotation (tracked across sentences, since quotes span them). I-CON may open a sentence: content
/// that continues from the previous sentence (multi-sentence quotes) is one span.
/// Immutable and thread-safe.
/// </summary>
public sealed class AttributionTagger
{
    /// <summary>
    /// 2: features 24-27 (clause context to the nearest cue on each side); version-1 weights hash other features.
    /// <see cref="StackedFormatVersion"/> (3) is the same plus features 28-31, which read the rule extractor's claims.
    /// </summary>
    public const int FormatVersion = 2, StackedFormatVersion = 3;
    private static ReadOnlySpan<byte> Magic => "CNLPATT1"u8;
    private const int K = AttributionLabels.Count, Start = AttributionLabels.Count;
    /// <summary>Static templates of a stacked tagger (all lanes) and of a plain one (the first 28; lanes 28-31 are the stacked ones).</summary>
    private const int StaticCount = 32, PlainStaticCount = 28, TransitionCount = 4;
    private const ulong NoLabel = 1000;

    // Allowed[prev * K + next]; prev = K is the sentence start.
    private static readonly bool[] Allowed = BuildAllowed();
    private readonly PerceptronWeights _weights;
    private readonly TransitionRows _rows;
    /// <summary>Null when the weights are not all finite halves or the CPU lacks AVX2: then the scalar decoder runs.</summary>
    private readonly HalfRows? _half;

    private readonly bool _stacked;

    private AttributionTagger(PerceptronWeights weights, bool stacked)
    {
        _weights = weights;
        _stacked = stacked;
        _rows = new TransitionRows(weights.W, weights.Mask);
        _half = Vector256.IsHardwareAccelerated ? HalfRows.TryCreate(weights.W, K) : null;
    }

    /// <summary>
    /// The weight table again for the vector decoder: each row as 8 half-precision values (7 labels, the 8th 0),
    /// 16 bytes on a 16-byte boundary, so four rows share a cache line and none straddles two. Every weight
    /// of a saved model already is a half (<see cref="PerceptronTrainer.Average"/> rounds to half, files store
    /// halves), so widening a row back to floats gives the very floats of <see cref="PerceptronWeights"/>:
    /// sums, ties and labels stay bit-identical, while the table is 16 MB instead of 32 (less of the shared L3
    /// and of the working set; the decode itself measured no faster: it is bound by its arithmetic now, not by
    /// memory). Built only when every weight is a finite half
    /// (<see cref="TryCreate"/>); otherwise the tagger decodes with the scalar path, which gives the same labels.
    /// </summary>
    private sealed unsafe class HalfRows
    {
        public const int Lanes = 8;
        /// <summary>Held so the pinned array lives as long as <see cref="Row0"/> is used.</summary>
        private readonly ushort[] _data;
        /// <summary>Address of row 0 (16-byte aligned; the array is on the pinned object heap, so it never moves).</summary>
        public readonly ushort* Row0;

        private HalfRows(ushort[] data, ushort* row0)
        {
            _data = data;
            Row0 = row0;
        }

        public static HalfRows? TryCreate(float[] w, int k)
        {
            if (!Avx2.IsSupported) return null;
            var rows = w.Length / k;
            var data = GC.AllocateArray<ushort>(rows * Lanes + Lanes, pinned: true);
            var first = (ushort*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(data));
            var misalign = (int)((nint)first & 15);
            var row0 = misalign == 0 ? first : first + (16 - misalign) / sizeof(ushort);
            for (var r = 0; r < rows; r++)
                for (var y = 0; y < k; y++)
                {
                    var v = w[r * k + y];
                    var h = (Half)v;
                    // Exactly a finite half (so the widening below is exact), and not a subnormal (kept out so the
                    // multiply in Load never meets a denormal operand; pruning leaves none in trained models).
                    if (!Half.IsFinite(h) || BitConverter.SingleToInt32Bits(v) != BitConverter.SingleToInt32Bits((float)h) || Half.IsSubnormal(h)) return null;
                    row0[(nint)r * Lanes + y] = BitConverter.HalfToUInt16Bits(h);
                }
            return new HalfRows(data, row0);
        }

        /// <summary>
        /// Row <paramref name="row"/> widened to 8 floats. A finite normal half with biased exponent e and mantissa m is
        /// 2^(e-15)(1+m/1024); its bits shifted left by 13 read as the float 2^(e-127)(1+m/1024), and times 2^112
        /// that is the half's value exactly; the sign bit rides along (-0 times 2^112 is -0) and zero stays zero.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Load(int row)
        {
            // Sign-extended to 32 bits and shifted by 13, the half's sign lands in bit 31 (and copies in 28-30, masked off),
            // its exponent and mantissa in bits 13-27: the float sign * 2^(e-127)(1+m/1024), which 2^112 scales exactly.
            var bits = Avx2.ConvertToVector256Int32((short*)(Row0 + (nint)row * Lanes));
            var f = (Vector256.ShiftLeft(bits, 13) & Vector256.Create(unchecked((int)0x8FFFE000))).AsSingle();
            return f * Vector256.Create((127 + 112) << 23).AsSingle(); // 2^112
        }

        public void Prefetch(int row) => Sse.Prefetch0(Row0 + (nint)row * Lanes);
    }

    /// <summary>
    /// The weight rows of the three transition templates whose values come from a handful of cases (the
    /// previous label alone; with the cue distance; with the quote state), copied out of the hashed table
    /// once per model. Decoding then reads them from a few kilobytes instead of hashing and fetching them
    /// from the 28 MB table for every token and previous label; the rows and the order they are added in
    /// are the same, so the labels are identical. Training keeps hashing (its weights change as it goes).
    /// </summary>
    private sealed class TransitionRows
    {
        public const int DistValues = 16, QuoteValues = 4;
        /// <summary>[prev * K + y], prev = K for the sentence start.</summary>
        public readonly float[] Prev = new float[(K + 1) * K];
        /// <summary>[(prev * DistValues + DistIndex(d)) * K + y].</summary>
        public readonly float[] Dist = new float[(K + 1) * DistValues * K];
        /// <summary>[(prev * QuoteValues + q) * K + y].</summary>
        public readonly float[] Quote = new float[(K + 1) * QuoteValues * K];

        /// <summary>The three tables again with rows padded to 8 floats (8 floats: one vector per row).</summary>
        public readonly float[] PrevPadded, DistPadded, QuotePadded;

        public TransitionRows(float[] w, int mask)
        {
            PrevPadded = new float[(K + 1) * HalfRows.Lanes];
            DistPadded = new float[(K + 1) * DistValues * HalfRows.Lanes];
            QuotePadded = new float[(K + 1) * QuoteValues * HalfRows.Lanes];
            for (var prev = 0; prev <= K; prev++)
            {
                var p1 = prev == Start ? NoLabel : (ulong)prev;
                Copy(w, WordHashes.Bucket(30, p1, mask), Prev.AsSpan(prev * K, K));
                for (var di = 0; di < DistValues; di++)
                {
                    sbyte d = di == DistValues - 1 ? sbyte.MinValue : (sbyte)(di - 7);
                    Copy(w, WordHashes.Bucket(32, WordHashes.Combine(p1, (ulong)(d + 200)), mask), Dist.AsSpan((prev * DistValues + di) * K, K));
                }
                for (var q = 0; q < QuoteValues; q++)
                    Copy(w, WordHashes.Bucket(33, WordHashes.Combine(p1, (ulong)q), mask), Quote.AsSpan((prev * QuoteValues + q) * K, K));
            }
            Pad(Prev, PrevPadded);
            Pad(Dist, DistPadded);
            Pad(Quote, QuotePadded);
        }

        private static void Pad(float[] rows, float[] padded)
        {
            for (var r = 0; r < rows.Length / K; r++) rows.AsSpan(r * K, K).CopyTo(padded.AsSpan(r * HalfRows.Lanes, K));
        }

        private static void Copy(float[] w, int feature, Span<float> dest) => w.AsSpan(feature * K, K).CopyTo(dest);

        /// <summary>The cue distance (-7..7, or sbyte.MinValue for none) as a table index.</summary>
        public static int DistIndex(sbyte d) => d == sbyte.MinValue ? DistValues - 1 : d + 7;
    }

    public int HashBits => _weights.Bits;

    /// <summary>True when the tagger reads the rule extractor's claims (<see cref="AttributionTaggerOptions.StackRules"/>); a plain tagger ignores them.</summary>
    public bool Stacked => _stacked;

    /// <summary>How many of the static templates' rows are summed: all 32 when stacked, else the first 28 (in the same order, so plain labels are those of format 2).</summary>
    private int Statics => _stacked ? StaticCount : PlainStaticCount;

    private static bool[] BuildAllowed()
    {
        var a = new bool[(K + 1) * K];
        for (var prev = 0; prev <= K; prev++)
            for (var next = 0; next < K; next++)
            {
                bool ok = !AttributionLabels.IsInside(next)
                    || (prev > 0 && prev < K && AttributionLabels.RoleOf(prev) == AttributionLabels.RoleOf(next))
                    // Content continuing from the previous sentence.
                    || (prev == Start && next == AttributionLabels.ICon);
                a[prev * K + next] = ok;
            }
        return a;
    }

    /// <summary>Per-article token context the features read: hashes, cue class per token, quote state.</summary>
    internal sealed class Context
    {
        public required ulong[] Hashes;
        /// <summary>0 none, 1 speech verb, 2 belief verb, 3 attitude verb, 4 cue noun, 5 "according".</summary>
        public required byte[] Cue;
        /// <summary>1 when the token is inside a quotation (after an opening quote mark, before its closing one).</summary>
        public required byte[] InQuote;
        public required bool[] IsQuote;
        /// <summary>1 for a comma, 2 for "that", else 0: the clause marks between a cue and its content.</summary>
        public required byte[] Mark;
        /// <summary>Stacked input (see <see cref="MarkRules"/>): the rules' role and position per token, role * 4 + position; 0 outside every rule claim.</summary>
        public required byte[] Rule;
        /// <summary>Per token of a rule claim, 1 + its cue class * 4 + its claim kind; outside, 100 when a rule cue is in the sentence, else 0.</summary>
        public required byte[] RuleInfo;
        /// <summary>Per token of a rule claim, its signed bucketed distance to that claim's cue (16 = on the cue); 0 outside.</summary>
        public required byte[] RuleDist;
    }

    /// <summary>Cue class by lower-case word hash, shared by all taggers and threads (word forms repeat across articles).</summary>
    private static readonly CueClassCache CueCache = new(maxEntries: 1_000_000);

    /// <summary>
    /// A grow-only hash map from a word's 64-bit lower-case hash to its cue class: open addressing over two flat
    /// arrays, read without locks, written under one lock. It replaced a ConcurrentDictionary whose per-entry
    /// nodes cost a pointer chase per token (about a tenth of Label's time on BBC). A reader sees a key only
    /// after its value (the value is written first, the key published with a release write), and a reader on a
    /// table that was just replaced at worst misses and recomputes the class, which is a function of the word;
    /// as before, the first value stored for a hash is kept (two words sharing a 64-bit FNV hash are negligible).
    /// Key 0 marks an empty slot, so a word hashing to 0 is simply never cached.
    /// </summary>
    internal sealed class CueClassCache(int maxEntries)
    {
        private sealed class Table(int size)
        {
            public readonly ulong[] Keys = new ulong[size];
            public readonly byte[] Values = new byte[size];
        }

        private readonly Lock _gate = new();
        private Table _table = new(1 << 16);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Home(ulong key, int mask) => (int)(key ^ (key >> 29)) & mask;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryGet(ulong key, out byte value)
        {
            var t = Volatile.Read(ref _table);
            var mask = t.Keys.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                var k = Volatile.Read(ref t.Keys[i]);
                if (k == key && key != 0) { value = t.Values[i]; return true; }
                if (k == 0) { value = 0; return false; }
            }
        }

        /// <summary>Stores <paramref name="value"/> unless the key is there already, the key is 0 or the cache is full.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ulong key, byte value)
        {
            if (key == 0) return;
            lock (_gate)
            {
                if (_count >= maxEntries) return;
                var t = _table;
                // At most half full, so probes stay short and always reach an empty slot.
                if (2 * (_count + 1) > t.Keys.Length)
                {
                    var grown = new Table(t.Keys.Length * 2);
                    for (var j = 0; j < t.Keys.Length; j++)
                        if (t.Keys[j] != 0) Insert(grown, t.Keys[j], t.Values[j]);
                    Volatile.Write(ref _table, grown);
                    t = grown;
                }
                if (Insert(t, key, value)) _count++;
            }
        }

        private static bool Insert(Table t, ulong key, byte value)
        {
            var mask = t.Keys.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                var k = t.Keys[i];
                if (k == key) return false;
                if (k != 0) continue;
                t.Values[i] = value;
                Volatile.Write(ref t.Keys[i], key);
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Context Prepare(TokenizedText text, bool pooled = false, IReadOnlyList<Claim>? rules = null)
    {
        var tokens = text.TokenSpan;
        var n = tokens.Length;
        // Pooled (Label; see ReturnPooled): an article's hashes are 88 bytes a token, so a long one (~1,000 tokens)
        // was a large-object-heap allocation per article; they go to this thread's scratch array (t_hashes), the
        // rest are rented. Both are longer than n and not zeroed: the
        // loops below write every slot the features read (Compute: the five attribution slots; inQuote: every
        // token), and cue, isQuote and mark, written only for some tokens, are cleared first.
        var hashes = pooled ? Scratch(ref t_hashes, n * WordHashes.Stride) : new ulong[n * WordHashes.Stride];
        WordHashes.Compute(text.Text, tokens, hashes, null, allSlots: false);
        var cue = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        var inQuote = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        var isQuote = pooled ? ArrayPool<bool>.Shared.Rent(n) : new bool[n];
        var mark = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        var rule = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        var ruleInfo = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        var ruleDist = pooled ? ArrayPool<byte>.Shared.Rent(n) : new byte[n];
        if (pooled)
        {
            cue.AsSpan(0, n).Clear();
            isQuote.AsSpan(0, n).Clear();
            mark.AsSpan(0, n).Clear();
        }
        MarkRules(text, rules, rule, ruleInfo, ruleDist);
        bool open = false;
        for (var t = 0; t < n; t++)
        {
            var tok = tokens[t];
            if (tok.Kind == TokenKind.Quote)
            {
                isQuote[t] = true;
                char c = text.Text[tok.Start];
                // Curly marks say which way they face; a straight mark toggles.
                open = c switch { '\u201C' or '\u2018' => true, '\u201D' or '\u2019' => false, _ => !open };
                inQuote[t] = 0;
                continue;
            }
            inQuote[t] = open ? (byte)1 : (byte)0;
            if (tok.Length == 1 && text.Text[tok.Start] == ',') mark[t] = 1;
            else if (tok.Length == 4 && tok.Kind == TokenKind.Word && text.Text.AsSpan(tok.Start, 4).Equals("that", StringComparison.OrdinalIgnoreCase)) mark[t] = 2;
            if (tok.Kind != TokenKind.Word) continue;
            if (tok.Length < 3) continue;
            var key = hashes[t * WordHashes.Stride + WordHashes.Lower];
            if (!CueCache.TryGet(key, out var cueClass))
            {
                var w = text.TokenText(t);
                cueClass = CueLexicon.IsCueVerb(w, out _, out var cls) ? (byte)(1 + (int)cls)
                    : CueLexicon.IsCueNoun(w, out _) ? (byte)4
                    : w.Equals("according", StringComparison.OrdinalIgnoreCase) ? (byte)5 : (byte)0;
                // Word forms repeat: memoising by the lower-case hash saves a string per token (64-bit FNV; collisions negligible).
                CueCache.Add(key, cueClass);
            }
            cue[t] = cueClass;
        }
        return new Context { Hashes = hashes, Cue = cue, InQuote = inQuote, IsQuote = isQuote, Mark = mark, Rule = rule, RuleInfo = ruleInfo, RuleDist = ruleDist };
    }

    /// <summary>Rule roles of <see cref="Context.Rule"/>: cue over source over content where a token has several (as in <see cref="AttributionModel.GoldLabels"/>).</summary>
    internal const int RuleCue = 1, RuleSource = 2, RuleContent = 3;
    /// <summary>Positions of <see cref="Context.Rule"/> within a run of one role of one claim.</summary>
    internal const int RuleBegin = 0, RuleInside = 1, RuleEnd = 2, RuleSingle = 3;

    /// <summary>
    /// The stacked input: what the rule extractor (<see cref="ClaimExtractor"/>) found, per token. Every rule claim
    /// marks its cue, speaker and content tokens (the content's parts: a quote's interrupting attribution is not
    /// content), cue over source over content, the first claim keeping a token on a tie. A run of one role of one
    /// claim is B/I/E (or S for one token); each marked token also gets its claim's cue class and kind and its
    /// signed distance to the claim's cue. The rules are precise where they fire (dev content precision .82) but
    /// miss half; the tagger learns where to follow them and what to add. Unmarked tokens learn whether their
    /// sentence holds a rule cue at all. All three arrays are cleared over the first n tokens first.
    /// </summary>
    internal static void MarkRules(TokenizedText text, IReadOnlyList<Claim>? rules, byte[] rule, byte[] info, byte[] dist)
    {
        var tokens = text.TokenSpan;
        var n = tokens.Length;
        rule.AsSpan(0, n).Clear();
        info.AsSpan(0, n).Clear();
        dist.AsSpan(0, n).Clear();
        if (rules is null || rules.Count == 0 || n == 0) return;
        var owner = ArrayPool<int>.Shared.Rent(n);
        var cueToken = ArrayPool<int>.Shared.Rent(rules.Count);
        try
        {
            // rule[] holds the bare role (1-3) until the positions are known.
            for (var k = 0; k < rules.Count; k++)
            {
                var c = rules[k];
                cueToken[k] = c.Cue.IsEmpty ? -1 : FirstTokenEndingAfter(tokens, c.Cue.Start);
                Mark(tokens, c.Cue, RuleCue, k, rule, owner);
                Mark(tokens, c.Speaker.Span, RuleSource, k, rule, owner);
                foreach (var part in c.ContentParts) Mark(tokens, part, RuleContent, k, rule, owner);
            }
            for (var t = 0; t < n; t++)
            {
                int r = rule[t];
                if (r == 0) continue;
                // Token t - 1 already holds role * 4 + position, token t + 1 still the bare role.
                var before = t > 0 && rule[t - 1] >> 2 == r && owner[t - 1] == owner[t];
                var after = t + 1 < n && rule[t + 1] == r && owner[t + 1] == owner[t];
                var pos = before ? (after ? RuleInside : RuleEnd) : (after ? RuleBegin : RuleSingle);
                var c = rules[owner[t]];
                info[t] = (byte)(1 + (int)c.CueClass * 4 + (int)c.Kind);
                var q = cueToken[owner[t]];
                var d = t - q;
                dist[t] = q < 0 ? (byte)1 : d == 0 ? (byte)16 : d > 0 ? (byte)(16 + DistanceBucket(d)) : (byte)(16 - DistanceBucket(-d));
                rule[t] = (byte)(r * 4 + pos);
            }
            // Unmarked tokens of a sentence with a rule cue.
            foreach (var s in text.Sentences)
            {
                var any = false;
                for (var t = s.FirstToken; t < s.EndToken && !any; t++) any = rule[t] >> 2 == RuleCue;
                if (!any) continue;
                for (var t = s.FirstToken; t < s.EndToken; t++) if (rule[t] == 0) info[t] = 100;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
            ArrayPool<int>.Shared.Return(cueToken);
        }
    }

    private static void Mark(ReadOnlySpan<Token> tokens, TextSpan span, int role, int claim, byte[] rule, int[] owner)
    {
        if (span.IsEmpty) return;
        for (var t = FirstTokenEndingAfter(tokens, span.Start); t < tokens.Length && tokens[t].Start < span.End; t++)
            if (rule[t] == 0 || role < rule[t]) { rule[t] = (byte)role; owner[t] = claim; }
    }

    /// <summary>Index of the first token ending after <paramref name="position"/> (tokens are ordered and disjoint); tokens.Length when none.</summary>
    private static int FirstTokenEndingAfter(ReadOnlySpan<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // This thread's token hashes of Label's context and its Viterbi scores, kept between articles instead of rented from
    // ArrayPool<ulong>/<float>: the shared pools of those element types are framework generic code that the ReadyToRun
    // build cannot precompile, so every cnlp run JIT-compiled them (ArrayPool<byte>/<int>/<bool> come precompiled). Label
    // is not re-entered on a thread, so one array of each per thread suffices; like rented ones they are not cleared.
    [ThreadStatic] private static ulong[]? t_hashes;
    [ThreadStatic] private static float[]? t_score;
    /// <summary>Longest scratch array kept for the next article (8 MB of hashes); a longer need is allocated and dropped.</summary>
    private const int MaxKeptScratch = 1 << 20;

    private static ulong[] Scratch(ref ulong[]? kept, int length)
    {
        if (kept is { } a && a.Length >= length) return a;
        var fresh = new ulong[Math.Max(length, 1024)];
        if (fresh.Length <= MaxKeptScratch) kept = fresh;
        return fresh;
    }

    private static float[] Scratch(ref float[]? kept, int length)
    {
        if (kept is { } a && a.Length >= length) return a;
        var fresh = new float[Math.Max(length, 1024)];
        if (fresh.Length <= MaxKeptScratch) kept = fresh;
        return fresh;
    }

    /// <summary>Gives the arrays of a <see cref="Prepare"/>(pooled: true) context back; the context is not used after.</summary>
    private static void ReturnPooled(Context ctx)
    {
        ArrayPool<byte>.Shared.Return(ctx.Cue);
        ArrayPool<byte>.Shared.Return(ctx.InQuote);
        ArrayPool<bool>.Shared.Return(ctx.IsQuote);
        ArrayPool<byte>.Shared.Return(ctx.Mark);
        ArrayPool<byte>.Shared.Return(ctx.Rule);
        ArrayPool<byte>.Shared.Return(ctx.RuleInfo);
        ArrayPool<byte>.Shared.Return(ctx.RuleDist);
    }

    /// <summary>Labels every token of <paramref name="text"/> (sentence by sentence, Viterbi).</summary>
    /// <param name="rules">The rule extractor's claims on the same text (the stacked input, <see cref="MarkRules"/>); null or empty reads as "the rules found nothing".</param>
    // Label and LabelVector (per article) run their ReadyToRun code; the per-token decoder and feature code keep
    // AggressiveOptimization, whose JIT code is faster there (round 13).
    public byte[] Label(TokenizedText text, IReadOnlyList<Claim>? rules = null)
    {
        var ctx = Prepare(text, pooled: true, _stacked ? rules : null);
        try
        {
            var labels = new byte[text.Tokens.Count];
            if (_half is null)
            {
                foreach (var s in text.Sentences)
                    if (s.TokenCount > 0) Decode(_weights.W, _weights.Mask, ctx, s.FirstToken, s.TokenCount, labels.AsSpan(s.FirstToken, s.TokenCount), Statics, _rows);
            }
            else LabelVector(text, ctx, labels);
            return labels;
        }
        finally { ReturnPooled(ctx); }
    }

    private void LabelVector(TokenizedText text, Context ctx, byte[] labels)
    {
        // One pair of Viterbi tables for the whole article, sized for its longest sentence.
        var longest = 0;
        foreach (var s in text.Sentences) longest = Math.Max(longest, s.TokenCount);
        var score = Scratch(ref t_score, longest * HalfRows.Lanes);
        var back = ArrayPool<int>.Shared.Rent(longest * HalfRows.Lanes);
        try
        {
            foreach (var s in text.Sentences)
                if (s.TokenCount > 0) DecodeVector(ctx, s.FirstToken, s.TokenCount, labels.AsSpan(s.FirstToken, s.TokenCount), score, back);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(back);
        }
    }

    /// <summary>Labels as <see cref="Label"/> with the scalar decoder over transition tables (tests check it equals the vector one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal byte[] LabelScalar(TokenizedText text, IReadOnlyList<Claim>? rules = null)
    {
        var ctx = Prepare(text, rules: _stacked ? rules : null);
        var labels = new byte[text.Tokens.Count];
        foreach (var s in text.Sentences)
            if (s.TokenCount > 0) Decode(_weights.W, _weights.Mask, ctx, s.FirstToken, s.TokenCount, labels.AsSpan(s.FirstToken, s.TokenCount), Statics, _rows);
        return labels;
    }

    /// <summary>
    /// Allowed transitions from each previous label (0..6, 7 = sentence start) as lane masks, 8 lanes a row (-1 allowed,
    /// 0 not; lane 7, the padding, never); <see cref="DecodeVector"/> loads a row as a vector. Plain integers, so the
    /// static initialiser has no vector code (such code is compiled at run time, never precompiled).
    /// </summary>
    private static readonly int[] AllowedLanes = BuildAllowedLanes();

    private static int[] BuildAllowedLanes()
    {
        var lanes = new int[(K + 1) * HalfRows.Lanes];
        for (var prev = 0; prev <= K; prev++)
            for (var y = 0; y < K; y++) lanes[prev * HalfRows.Lanes + y] = Allowed[prev * K + y] ? -1 : 0;
        return lanes;
    }

    /// <summary>
    /// <see cref="Decode"/> (transition-table path) with one 8-lane vector per position: emission = 0 + the 32
    /// static rows in template order, transition = 0 + prev, word, distance and quote rows in that order,
    /// candidate = (base + transition) + emission, kept where strictly greater and allowed, previous labels
    /// tried in ascending order, so ties still go to the lowest previous label and the backtrack to the lowest label.
    /// </summary>
    [SkipLocalsInit] // its stackalloc buffers are written in full before they are read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void DecodeVector(Context ctx, int first, int n, Span<byte> dest, float[] score, int[] back)
    {
        const int L = HalfRows.Lanes;
        var mask = _weights.Mask;
        var rows = _rows;
        var half = _half!;
        ref float prevRows = ref MemoryMarshal.GetArrayDataReference(rows.PrevPadded);
        ref float distRows = ref MemoryMarshal.GetArrayDataReference(rows.DistPadded);
        ref float quoteRows = ref MemoryMarshal.GetArrayDataReference(rows.QuotePadded);
        ref int allowedLanes = ref MemoryMarshal.GetArrayDataReference(AllowedLanes);
        // Rows of the current position and of the next one, whose fetches are started while the current is decoded:
        // the table is 16 MB, so many rows come from memory and their latency, not the arithmetic, sets the pace.
        Span<int> sf = stackalloc int[StaticCount], sfNext = stackalloc int[StaticCount];
        Span<int> wr = stackalloc int[K + 1], wrNext = stackalloc int[K + 1];
        Span<sbyte> dist = stackalloc sbyte[n];
        Span<byte> side = stackalloc byte[2 * n];
        CueDistances(ctx, first, n, dist);
        CueSides(ctx, first, n, side);
        var negInf = Vector256.Create(float.NegativeInfinity);
        var statics = Statics;
        Rows(ctx, first, n, 0, dist, side, mask, sf, wr, half, statics);
        for (var i = 0; i < n; i++)
        {
            if (i + 1 < n) Rows(ctx, first, n, i + 1, dist, side, mask, sfNext, wrNext, half, statics);
            var em = Vector256<float>.Zero;
            foreach (var f in sf[..statics]) em += half.Load(f);
            var t = first + i;
            var di = TransitionRows.DistIndex(dist[i]);
            var qi = ctx.InQuote[t] * 2 + (ctx.IsQuote[t] ? 1 : 0);
            var cur = negInf;
            var bk = Vector256<int>.Zero;
            var prevCount = i == 0 ? 1 : K;
            for (var pi = 0; pi < prevCount; pi++)
            {
                var prev = i == 0 ? Start : pi;
                var baseScore = i == 0 ? 0f : score[(i - 1) * L + prev];
                if (float.IsNegativeInfinity(baseScore)) continue;
                var tr = Vector256<float>.Zero;
                tr += Vector256.LoadUnsafe(ref prevRows, (nuint)(prev * L));
                tr += half.Load(wr[prev]);
                tr += Vector256.LoadUnsafe(ref distRows, (nuint)((prev * TransitionRows.DistValues + di) * L));
                tr += Vector256.LoadUnsafe(ref quoteRows, (nuint)((prev * TransitionRows.QuoteValues + qi) * L));
                var v = Vector256.Create(baseScore) + tr + em;
                var better = Vector256.GreaterThan(v, cur) & Vector256.LoadUnsafe(ref allowedLanes, (nuint)(prev * L)).AsSingle();
                cur = Vector256.ConditionalSelect(better, v, cur);
                bk = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(prev), bk);
            }
            cur.CopyTo(score.AsSpan(i * L, L));
            bk.CopyTo(back.AsSpan(i * L, L));
            sfNext.CopyTo(sf);
            wrNext.CopyTo(wr);
        }
        // StructuredPerceptron.Backtrack over 8-wide rows: best final label (lowest on ties), then the back pointers.
        var best = 0;
        for (var y = 1; y < K; y++) if (score[(n - 1) * L + y] > score[(n - 1) * L + best]) best = y;
        for (var i = n - 1; i >= 0; i--)
        {
            dest[i] = (byte)best;
            best = back[i * L + best];
        }
    }

    /// <summary>The static feature rows of position i and its word-transition rows (template 31) per previous label, with prefetch hints for each.</summary>
    [SkipLocalsInit] // its stackalloc buffers are written in full before they are read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows(Context ctx, int first, int n, int i, ReadOnlySpan<sbyte> dist, ReadOnlySpan<byte> side, int mask, Span<int> sf, Span<int> wr, HalfRows half, int statics)
    {
        StaticFeatures(ctx, first, n, i, dist, side, mask, sf);
        var lower = ctx.Hashes[(first + i) * WordHashes.Stride + WordHashes.Lower];
        // Position 0 follows only the sentence start; later positions follow a label, never the start.
        int from = i == 0 ? Start : 0, to = i == 0 ? Start : K - 1;
        // All eight (labels 0..6 and the start) in one vector hash; only from..to are read below and in DecodeVector.
        Span<ulong> values = stackalloc ulong[K + 1];
        for (var prev = 0; prev <= K; prev++) values[prev] = WordHashes.Combine(prev == Start ? NoLabel : (ulong)prev, lower);
        WordHashes.Buckets(values, WordOffsets, mask, wr);
        foreach (var f in sf[..statics]) half.Prefetch(f);
        for (var prev = from; prev <= to; prev++) half.Prefetch(wr[prev]);
    }

    /// <summary>Labels as <see cref="Label"/> but hashing every transition feature, as training does (tests check the two agree).</summary>
    internal byte[] LabelHashed(TokenizedText text, IReadOnlyList<Claim>? rules = null)
    {
        var ctx = Prepare(text, rules: _stacked ? rules : null);
        var labels = new byte[text.Tokens.Count];
        foreach (var s in text.Sentences)
            if (s.TokenCount > 0) Decode(_weights.W, _weights.Mask, ctx, s.FirstToken, s.TokenCount, labels.AsSpan(s.FirstToken, s.TokenCount), Statics);
        return labels;
    }

    private static void Decode(float[] w, int mask, Context ctx, int first, int n, Span<byte> dest, int statics, TransitionRows? rows = null)
    {
        var score = ArrayPool<float>.Shared.Rent(n * K);
        var back = ArrayPool<byte>.Shared.Rent(n * K);
        try
        {
            Span<int> sf = stackalloc int[StaticCount];
            Span<int> tf = stackalloc int[TransitionCount];
            Span<float> em = stackalloc float[K];
            Span<float> tr = stackalloc float[K];
            Span<sbyte> dist = stackalloc sbyte[n];
            Span<byte> side = stackalloc byte[2 * n];
            CueDistances(ctx, first, n, dist);
            CueSides(ctx, first, n, side);
            for (var i = 0; i < n; i++)
            {
                em.Clear();
                StaticFeatures(ctx, first, n, i, dist, side, mask, sf);
                StructuredPerceptron.AddRows(w, sf[..statics], K, em);
                var cur = score.AsSpan(i * K, K);
                cur.Fill(float.NegativeInfinity);
                var prevCount = i == 0 ? 1 : K;
                for (var pi = 0; pi < prevCount; pi++)
                {
                    var prev = i == 0 ? Start : pi;
                    var baseScore = i == 0 ? 0f : score[(i - 1) * K + prev];
                    if (float.IsNegativeInfinity(baseScore)) continue;
                    tr.Clear();
                    if (rows is null)
                    {
                        TransitionFeatures(ctx, first, i, prev, dist, mask, tf);
                        StructuredPerceptron.AddRows(w, tf, K, tr);
                    }
                    else
                    {
                        // The templates of TransitionFeatures in its order (30, 31, 32, 33); only 31 (with the word) is hashed.
                        var t = first + i;
                        var p1 = prev == Start ? NoLabel : (ulong)prev;
                        AddRow(rows.Prev.AsSpan(prev * K, K), tr);
                        AddRow(w.AsSpan(WordHashes.Bucket(31, WordHashes.Combine(p1, ctx.Hashes[t * WordHashes.Stride + WordHashes.Lower]), mask) * K, K), tr);
                        AddRow(rows.Dist.AsSpan((prev * TransitionRows.DistValues + TransitionRows.DistIndex(dist[i])) * K, K), tr);
                        AddRow(rows.Quote.AsSpan((prev * TransitionRows.QuoteValues + ctx.InQuote[t] * 2 + (ctx.IsQuote[t] ? 1 : 0)) * K, K), tr);
                    }
                    StructuredPerceptron.Relax(prev, baseScore, tr, em, Allowed, cur, back.AsSpan(i * K, K));
                }
            }
            StructuredPerceptron.Backtrack(score, back, n, K, dest);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(score);
            ArrayPool<byte>.Shared.Return(back);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        for (var y = 0; y < K; y++) scores[y] += row[y];
    }

    /// <summary>Signed distance (clamped to +-7) from each token to the nearest cue-lexicon word of its sentence; sbyte.MinValue when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CueDistances(Context ctx, int first, int n, Span<sbyte> dist)
    {
        int last = -1000;
        for (var i = 0; i < n; i++)
        {
            if (ctx.Cue[first + i] != 0) last = i;
            dist[i] = last < -100 ? sbyte.MinValue : (sbyte)Math.Min(7, i - last);
        }
        int next = 1000;
        for (var i = n - 1; i >= 0; i--)
        {
            if (ctx.Cue[first + i] != 0) next = i;
            if (next > 100) continue;
            var d = next - i;
            if (dist[i] == sbyte.MinValue || d < dist[i]) dist[i] = (sbyte)-Math.Min(7, d);
        }
    }

    /// <summary>
    /// Per token, the clause context to the nearest cue word on each side, unclamped: side[2i] for the cue
    /// to the left (log-bucketed distance, +16 when a comma lies between, +32 when "that" does), side[2i+1]
    /// for the cue to the right (+16 for a comma between); 0 when the sentence has no cue on that side.
    /// Content spans run far past the five-token window; these tell a token twenty words after
    /// "said that" it is still in the reported clause.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CueSides(Context ctx, int first, int n, Span<byte> side)
    {
        int last = -1;
        int marks = 0;
        for (var i = 0; i < n; i++)
        {
            var t = first + i;
            if (ctx.Cue[t] != 0) { last = i; marks = 0; side[2 * i] = 0; continue; }
            side[2 * i] = last < 0 ? (byte)0 : (byte)(DistanceBucket(i - last) | marks);
            var m = ctx.Mark[t];
            if (m == 1) marks |= 16;
            else if (m == 2) marks |= 32;
        }
        int next = -1;
        marks = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var t = first + i;
            if (ctx.Cue[t] != 0) { next = i; marks = 0; side[2 * i + 1] = 0; continue; }
            if (ctx.Mark[t] == 1) marks |= 16;
            side[2 * i + 1] = next < 0 ? (byte)0 : (byte)(DistanceBucket(next - i) | marks);
        }
    }

    /// <summary>1, 2, 3, 4-5, 6-8, 9-13, 14-21, 22+ as 1..8.</summary>
    private static int DistanceBucket(int d) => d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 13 ? 6 : d <= 21 ? 7 : 8;

    private static ulong CueAt(Context ctx, int first, int n, int i) => i < 0 || i >= n ? 9UL : ctx.Cue[first + i];

    /// <summary>The rules' role (0 none, 1 cue, 2 source, 3 content) of sentence position i; 9 outside the sentence.</summary>
    private static ulong RuleRoleAt(Context ctx, int first, int n, int i) => i < 0 || i >= n ? 9UL : (ulong)(ctx.Rule[first + i] >> 2);

    /// <summary>The offset of template 31 (previous label + word) in each of the K + 1 lanes of <see cref="Rows"/>.</summary>
    private static readonly ulong[] WordOffsets = Offsets(K + 1, _ => 31);

    /// <summary>Lanes of the static templates (all 32 used; a multiple of 8 for the vector hash).</summary>
    private const int StaticLanes = 32;

    /// <summary>
    /// Per lane, the template offset <see cref="WordHashes.Bucket"/> adds: lane k is template k for k &lt; 28; the stacked
    /// lanes 28-31 are templates 34-37, since 30-33 are the transition templates.
    /// </summary>
    private static readonly ulong[] StaticOffsets = Offsets(StaticLanes, k => k < 28 ? k : k + 6);

    /// <summary>Per lane, <see cref="WordHashes.TemplateOffset"/> of the lane's template (a loop: LINQ over ulong here was JIT-compiled in every run).</summary>
    private static ulong[] Offsets(int lanes, Func<int, int> template)
    {
        var offsets = new ulong[lanes];
        for (var k = 0; k < lanes; k++) offsets[k] = WordHashes.TemplateOffset(template(k));
        return offsets;
    }

    /// <summary>
    /// The weight rows of the 32 static templates of position i: f[k] = Bucket(template of lane k, value k), k = 0..31 (lane order).
    /// The values come from <see cref="StaticValues"/>; the hashing runs 4 lanes at a time (<see cref="WordHashes.Buckets"/>).
    /// </summary>
    [SkipLocalsInit] // its stackalloc buffers are written in full before they are read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StaticFeatures(Context ctx, int first, int n, int i, ReadOnlySpan<sbyte> dist, ReadOnlySpan<byte> side, int mask, Span<int> f)
    {
        Span<ulong> v = stackalloc ulong[StaticLanes];
        Span<int> rows = stackalloc int[StaticLanes];
        StaticValues(ctx, first, n, i, dist, side, v);
        v[StaticCount..].Clear(); // the unused lanes, so the hash reads defined values
        WordHashes.Buckets(v, StaticOffsets, mask, rows);
        rows[..StaticCount].CopyTo(f);
    }

    /// <summary>The value each static template of position i hashes, in template order (lane k = template k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StaticValues(Context ctx, int first, int n, int i, ReadOnlySpan<sbyte> dist, ReadOnlySpan<byte> side, Span<ulong> v)
    {
        var h = ctx.Hashes.AsSpan(first * WordHashes.Stride, n * WordHashes.Stride);
        var at = i * WordHashes.Stride;
        var lower = h[at + WordHashes.Lower];
        var shape = h[at + WordHashes.Shape];
        var t = first + i;
        ulong d = (ulong)(dist[i] + 200);
        ulong q = ctx.InQuote[t];
        ulong cue = ctx.Cue[t];
        ulong pos = i == 0 ? 0UL : i == n - 1 ? 2UL : i < 4 ? 1UL : 3UL;
        var k = 0;
        v[k++] = 0; // template 0
        v[k++] = lower; // template 1
        v[k++] = h[at + WordHashes.Exact]; // template 2
        v[k++] = shape; // template 3
        v[k++] = h[at + WordHashes.Suffix3]; // template 4
        v[k++] = h[at + WordHashes.Prefix3]; // template 5
        v[k++] = WordHashes.At(h, n, i - 1, WordHashes.Lower); // template 6
        v[k++] = WordHashes.At(h, n, i + 1, WordHashes.Lower); // template 7
        v[k++] = WordHashes.At(h, n, i - 2, WordHashes.Lower); // template 8
        v[k++] = WordHashes.At(h, n, i + 2, WordHashes.Lower); // template 9
        v[k++] = WordHashes.Combine(WordHashes.At(h, n, i - 1, WordHashes.Lower), lower); // template 10
        v[k++] = WordHashes.Combine(lower, WordHashes.At(h, n, i + 1, WordHashes.Lower)); // template 11
        v[k++] = WordHashes.At(h, n, i - 1, WordHashes.Shape); // template 12
        v[k++] = WordHashes.At(h, n, i + 1, WordHashes.Shape); // template 13
        v[k++] = cue; // template 14
        v[k++] = WordHashes.Combine(CueAt(ctx, first, n, i - 1), CueAt(ctx, first, n, i + 1)); // template 15
        v[k++] = d; // template 16
        v[k++] = WordHashes.Combine(d, shape); // template 17
        v[k++] = WordHashes.Combine(d, q); // template 18
        v[k++] = WordHashes.Combine(q, ctx.IsQuote[t] ? 1UL : 0UL); // template 19
        v[k++] = WordHashes.Combine(q, lower); // template 20
        v[k++] = WordHashes.Combine(pos, shape); // template 21
        v[k++] = WordHashes.Combine(d, lower); // template 22
        v[k++] = WordHashes.Combine(pos, q); // template 23
        ulong left = side[2 * i], right = side[2 * i + 1];
        v[k++] = left; // template 24
        v[k++] = right; // template 25
        v[k++] = WordHashes.Combine(WordHashes.Combine(left, right), q); // template 26
        v[k++] = WordHashes.Combine(left, shape); // template 27
        // Stacked on the rules (MarkRules): role and position; with cue class, kind and distance to the cue; with the
        // neighbours' roles (a rule span's edges); with the word (where the rules' boundaries are off for some words).
        ulong rule = ctx.Rule[t];
        v[k++] = rule; // template 34
        v[k++] = WordHashes.Combine(WordHashes.Combine(rule, ctx.RuleInfo[t]), ctx.RuleDist[t]); // template 35
        v[k++] = WordHashes.Combine(WordHashes.Combine(RuleRoleAt(ctx, first, n, i - 1), rule), RuleRoleAt(ctx, first, n, i + 1)); // template 36
        v[k++] = WordHashes.Combine(rule, lower); // template 37
        Debug.Assert(k == StaticCount);
    }

    private static void TransitionFeatures(Context ctx, int first, int i, int prev, ReadOnlySpan<sbyte> dist, int mask, Span<int> f)
    {
        var at = (first + i) * WordHashes.Stride;
        var p1 = prev == Start ? NoLabel : (ulong)prev;
        f[0] = WordHashes.Bucket(30, p1, mask);
        f[1] = WordHashes.Bucket(31, WordHashes.Combine(p1, ctx.Hashes[at + WordHashes.Lower]), mask);
        f[2] = WordHashes.Bucket(32, WordHashes.Combine(p1, (ulong)(dist[i] + 200)), mask);
        f[3] = WordHashes.Bucket(33, WordHashes.Combine(p1, (ulong)ctx.InQuote[first + i] * 2 + (ctx.IsQuote[first + i] ? 1UL : 0UL)), mask);
    }

    /// <summary>One training document: the tokenized text, one gold label per token, and the rule extractor's claims on it (the stacked input; null for none).</summary>
    public sealed record TrainingDocument(TokenizedText Text, byte[] Gold, IReadOnlyList<Claim>? Rules = null);

    /// <summary>Structured perceptron (Collins 2002) over sentences, shuffled per pass with <see cref="AttributionTaggerOptions.Seed"/>; deterministic.</summary>
    public static AttributionTagger Train(IReadOnlyList<TrainingDocument> docs, AttributionTaggerOptions options, TextWriter? log = null)
    {
        options.Validate();
        var trainer = new PerceptronTrainer(K, options.HashBits);
        var stacked = options.StackRules;
        var statics = stacked ? StaticCount : PlainStaticCount;
        var contexts = docs.Select(d => Prepare(d.Text, rules: stacked ? d.Rules : null)).ToArray();
        var units = new List<(int Doc, int First, int Count)>();
        for (var d = 0; d < docs.Count; d++)
            foreach (var s in docs[d].Text.Sentences)
                if (s.TokenCount > 0) units.Add((d, s.FirstToken, s.TokenCount));
        var order = Enumerable.Range(0, units.Count).ToArray();
        var rng = new Random(options.Seed);
        var sf = new int[StaticCount];
        var tf = new int[TransitionCount];
        var predicted = new byte[units.Count == 0 ? 0 : units.Max(u => u.Count)];
        var dist = new sbyte[predicted.Length];
        var side = new byte[2 * predicted.Length];
        for (var it = 0; it < options.Iterations; it++)
        {
            StructuredPerceptron.Shuffle(order, rng);
            long correct = 0, total = 0;
            foreach (var u in order)
            {
                var (d, first, n) = units[u];
                var ctx = contexts[d];
                var gold = docs[d].Gold.AsSpan(first, n);
                Decode(trainer.Raw, trainer.Mask, ctx, first, n, predicted, statics);
                CueDistances(ctx, first, n, dist.AsSpan(0, n));
                CueSides(ctx, first, n, side.AsSpan(0, 2 * n));
                for (var i = 0; i < n; i++)
                {
                    trainer.Tick();
                    total++;
                    if (predicted[i] == gold[i]) correct++;
                    var goldPrev = i == 0 ? Start : gold[i - 1];
                    var predPrev = i == 0 ? Start : predicted[i - 1];
                    if (predicted[i] == gold[i] && goldPrev == predPrev) continue;
                    if (predicted[i] != gold[i])
                    {
                        StaticFeatures(ctx, first, n, i, dist.AsSpan(0, n), side.AsSpan(0, 2 * n), trainer.Mask, sf);
                        trainer.Adjust(gold[i], sf.AsSpan(0, statics), 1f);
                        trainer.Adjust(predicted[i], sf.AsSpan(0, statics), -1f);
                    }
                    TransitionFeatures(ctx, first, i, goldPrev, dist.AsSpan(0, n), trainer.Mask, tf);
                    trainer.Adjust(gold[i], tf, 1f);
                    TransitionFeatures(ctx, first, i, predPrev, dist.AsSpan(0, n), trainer.Mask, tf);
                    trainer.Adjust(predicted[i], tf, -1f);
                }
            }
            log?.WriteLine(FormattableString.Invariant($"  pass {it + 1}/{options.Iterations}: training label accuracy {(double)correct / Math.Max(1, total):0.0000}"));
        }
        return new AttributionTagger(trainer.Average(options.Prune), stacked);
    }

    /// <summary>
    /// Binary layout: magic "CNLPATT1", int32 format version (<see cref="FormatVersion"/> plain, <see cref="StackedFormatVersion"/>
    /// stacked: the version says which features the weights were trained on), int32 hash bits, then the weights.
    /// </summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(_stacked ? StackedFormatVersion : FormatVersion);
        w.Write(_weights.Bits);
        _weights.Write(w);
    }

    public static AttributionTagger Read(Stream stream, string origin)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new Scoring.ModelFormatException($"{origin}: not an attribution tagger weights file (expected magic 'CNLPATT1' at offset 0).");
            var version = r.ReadInt32();
            if (version is not (FormatVersion or StackedFormatVersion))
                throw new Scoring.ModelFormatException($"{origin}: attribution tagger format version {version}, expected {FormatVersion} (plain) or {StackedFormatVersion} (stacked on the rules).");
            var bits = r.ReadInt32();
            if (bits is < 8 or > 24) throw new Scoring.ModelFormatException($"{origin}: hash bits {bits}, expected 8..24.");
            return new AttributionTagger(PerceptronWeights.Read(r, K, bits, origin), version == StackedFormatVersion);
        }
        catch (EndOfStreamException)
        {
            throw new Scoring.ModelFormatException($"{origin}: file ends early (truncated attribution tagger weights).");
        }
    }
}
