using System.Numerics.Tensors;
using System.Globalization;
using ContradictionNlp.Embedding;
using ContradictionNlp.Text;

namespace ContradictionNlp.Scoring;

/// <summary>The features of one (premise, hypothesis) pair and the human-readable cues behind them.</summary>
/// <param name="Dense">Values in the order of <see cref="PairFeaturizer.FeatureNames"/>.</param>
/// <param name="Hashed">Indices of active hashed (lexical) features, each with value 1, sorted, distinct.</param>
public sealed record PairFeatures(float[] Dense, int[] Hashed, IReadOnlyList<Reason> Reasons)
{
    /// <summary>
    /// Whether a "subject" reason fired (the clause subjects name different actors), also when <see cref="Reasons"/>
    /// was not built (<see cref="PairFeaturizer.FeaturizeWithoutReasons"/>): the one thing the pair scorer needs
    /// from the reverse direction besides its probabilities.
    /// </summary>
    public bool DifferentSubjects { get; init; }
}

/// <summary>
/// Turns two texts into classifier features. Grows by appending names to <see cref="FeatureNames"/>
/// and bumping <see cref="Version"/>: a model records both and is refused when they differ.
/// Thread-safe (read-only state).
/// </summary>
public sealed partial class PairFeaturizer
{
    /// <summary>
    /// The newest featurizer version. Version 2 appends features to version 1 and leaves the first 36
    /// unchanged, so a v1 model still runs on the prefix (users can roll back to models/scorer/v1).
    /// Version 3 appends again (<see cref="FeaturizeV3"/>); its extra hashed keys are only added for
    /// version-3 instances, so v1/v2 models see exactly the features they were trained on.
    /// Version 6 has version 5's features and names; it changes when the antonym, number-noun and negated-predicate cues
    /// fire (<see cref="CountsBothSides"/>, <see cref="CanPartner"/>, <see cref="HeadAfter"/>), and only for version-6
    /// instances, so a version-5 model still sees exactly what it was trained on.
    /// Version 7 has version 6's features; "not only", "not just" and the like are no negation (<see cref="FocusNot"/>),
    /// and a negation's scope ends at "but" ("not for the sending-off but for what happened afterwards"), for version-7
    /// instances only.
    /// </summary>
    public const int Version = 7;

    /// <summary>Dense features per featurizer version (each version appends to the previous one).</summary>
    public static int FeatureCount(int version) => version switch
    {
        1 => 36,
        2 => 44,
        3 => 53,
        4 => 57,
        5 or 6 or 7 => FeatureNames.Length,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"featurizer version must be 1..{Version}"),
    };

    /// <summary>The feature names a model of featurizer <paramref name="version"/> was trained on.</summary>
    public static IReadOnlyList<string> FeatureNamesFor(int version) => FeatureNames[..FeatureCount(version)];

    /// <summary>Below this vector cosine a word has no counterpart in the other text.</summary>
    public const float AlignThreshold = 0.5f;

    public static readonly string[] FeatureNames =
    [
        "sentence_cosine",
        "h_exact_frac", "p_exact_frac",
        "h_align_mean", "h_align_min", "p_align_mean",
        "h_unaligned_frac", "p_unaligned_frac", "h_unaligned_count",
        "substitution_count", "substitution_max_sim",
        "neg_p", "neg_h", "neg_mismatch", "neg_h_only_x_overlap",
        "antonym_count", "antonym_x_overlap",
        "number_mismatch", "number_any",
        "date_mismatch",
        "modal_mismatch", "modal_h_only",
        "quant_universal_mismatch", "quant_existential_h",
        "len_ratio", "log_len_p", "log_len_h",
        "jaccard", "same_words_other_order",
        "substitution_x_overlap", "h_unaligned_x_cosine",
        "h_covered_frac", "h_more_specific_count", "cohyponym_count",
        "neg_p_only_x_overlap", "antonym_indirect_count",
        // Version 2: news-claim cues (see FeaturizeV2).
        "shared_content", "unrelated", "neg_predicate", "antonym_context", "number_same_noun",
        "conditional_mismatch", "subject_mismatch", "temporal_shift",
        // Version 3: negation scope, WordNet relation of each aligned pair, clause subjects (see FeaturizeV3).
        "neg_scope_covered", "neg_scope_uncovered",
        "sub_synonym", "sub_h_general", "sub_h_specific", "sub_cohyponym", "sub_unrelated",
        "p_unaligned_count", "subject_differs",
        // Version 4: word order and roles (see FeaturizeV4).
        "order_discordant", "passive_mismatch", "order_x_same_voice", "role_swap",
        // Version 5: negation counts, alignment shares at fixed cosines, subject/verb/object slots (see PairFeaturizer.V5.cs).
        "neg_h_more", "neg_p_more", "h_align_06", "h_align_08", "p_align_06", "p_align_08",
        "slot_subject_sim", "slot_verb_sim", "slot_object_sim", "slots_parsed", "slot_contrast", "slot_contrast_x_neg",
    ];

    private readonly WordVectors _vectors;
    private readonly SifEmbedder _embedder;
    private readonly Lexicon _lexicon;

    public PairFeaturizer(SifEmbedder embedder, Lexicon lexicon, int hashBuckets, int version = Version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashBuckets, 1);
        FeatureCount(version);
        FeaturizerVersion = version;
        _embedder = embedder;
        _vectors = embedder.Vectors;
        _lexicon = lexicon;
        HashBuckets = hashBuckets;
        _known = new KnownWord?[_vectors.Count];
        _generalStems = new HashSet<string>(GeneralWords.Select(Stem), StringComparer.Ordinal);
    }

    public int HashBuckets { get; }

    /// <summary>
    /// Version 6: a word or number that both texts contain stands for itself, so it is not opposed to another word or
    /// number of the other text. Version 5 reported "'top' vs 'sides': WordNet antonyms" for two texts that both say
    /// "top-quality sides", and "different counts of the same thing" for two that both say "one or two product lines"
    /// (it paired the first text's "one" with the second's "two"): on bbc-news such pairs were flagged at 0.79 and 0.81.
    /// So an antonym pair counts only when neither word's stem occurs in the other text, and a number-noun pair only when
    /// neither value occurs among the other text's numbers.
    /// </summary>
    private bool CountsBothSides => FeaturizerVersion >= 6;

    /// <summary>Version 7: <see cref="FocusNot"/> words are no negation, and a negation's scope ends at "but".</summary>
    private bool ReadsFocusAndContrast => FeaturizerVersion >= 7;

    /// <summary>
    /// Version 7: after "not" these make an additive focus, not a negation: "oversight of all control orders, not just
    /// house arrest" says there will be oversight of house arrest too, and "not only was the bid undervalued, but ..."
    /// asserts that it was. On bbc-news such a "not" was the only negation of flags like the first at 0.93.
    /// </summary>
    private static readonly HashSet<string> FocusNot = new(StringComparer.Ordinal)
    { "only", "just", "merely", "simply", "solely", "exclusively" };

    /// <summary>The text's negation words; from version 7 without a "not" that opens an additive focus (<see cref="FocusNot"/>).</summary>
    private List<Word> NegationsOf(List<Word> words)
    {
        var list = WordsIn(words, Negations);
        if (!ReadsFocusAndContrast || list.Count == 0) return list;
        list.Clear();
        for (var i = 0; i < words.Count; i++)
        {
            if (!Negations.Contains(words[i].Lower)) continue;
            if (words[i].Lower is "not" or "n't" && i + 1 < words.Count && FocusNot.Contains(words[i + 1].Lower)) continue;
            list.Add(words[i]);
        }
        return list;
    }

    /// <summary><see cref="GeneralWords"/> as stems (<see cref="Stem"/> reads this instance's lexicon).</summary>
    private readonly HashSet<string> _generalStems;

    private static bool HasValue(List<NumberMention> numbers, double value)
    {
        foreach (var n in numbers) if (n.Value == value) return true;
        return false;
    }
    /// <summary>Which features this instance fills (1 or 2); a model is run only with its own version.</summary>
    public int FeaturizerVersion { get; }
    public SifEmbedder Embedder => _embedder;

    // Why each set: the cue families the NLI literature (and SICK's construction) shows flip a label.
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    { "not", "n't", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "cannot", "nowhere", "deny", "denies", "denied", "refuse", "refused", "refuses" };
    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    { "will", "would", "may", "might", "could", "can", "should", "must", "shall", "ca", "wo" };
    private static readonly HashSet<string> Universal = new(StringComparer.Ordinal)
    { "all", "every", "each", "everyone", "everybody", "everything", "always" };
    private static readonly HashSet<string> Existential = new(StringComparer.Ordinal)
    { "some", "several", "few", "many", "most", "someone", "somebody", "something", "sometimes" };
    // Function words: aligned or not, they say little about the label and would drown the content words.
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "'ve", "'d", "'ll",
        "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over", "under", "and", "or", "but",
        "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "him", "we", "us", "our",
        "i", "me", "my", "you", "your", "there", "here", "who", "which", "what", "as", "do", "does", "did", "has", "have", "had",
        "up", "down", "out", "off", "than", "then", "so", "if", "while", "about", "one",
    };
    // Version 2: connectives, time adverbs and speech verbs that v1 aligned as if content; in news claims
    // they made "as planned"/"still"/"after" look like substitutions.
    private static readonly HashSet<string> StopV2 = new(StringComparer.Ordinal)
    {
        "after", "before", "when", "where", "why", "how", "because", "since", "first", "last", "next", "too", "still", "also",
        "just", "very", "even", "only", "such", "said", "says", "say", "told", "would", "could", "should", "not", "now",
        "then", "yet", "already", "again", "both", "other", "any", "own", "same", "through", "between", "against", "during",
        "across", "per", "via", "around", "whether", "though", "although", "however", "more", "less", "much", "can",
    };
    // The union of the sets that make a word not a content word (perf only: one look-up per word instead of up to six):
    // Stop, Negations, Modals, Universal and Existential; from version 2 also StopV2.
    private static readonly HashSet<string> NotContentV1 = new([.. Stop, .. Negations, .. Modals, .. Universal, .. Existential], StringComparer.Ordinal);
    private static readonly HashSet<string> NotContentV2 = new([.. NotContentV1, .. StopV2], StringComparer.Ordinal);

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12,
    };
    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    { ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12 };
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow",
    };

    /// <param name="Ant">Some form of the word is in an antonym pair (<see cref="Lexicon.MayHaveAntonym"/>); set by
    /// <see cref="WithLexicalFlags"/>, which Featurize reads its words from (false before that).</param>
    /// <param name="Tax">The word has a WordNet taxonomy entry (<see cref="Lexicon.InTaxonomy"/>); as <paramref name="Ant"/>.</param>
    // Rel: the word's WordNet forms and taxonomy entries, resolved with Ant and Tax (WithLexicalFlags) so the pairwise
    // look-ups need no string look-up of their own; null before then.
    internal readonly record struct Word(string Lower, string Stem, TextSpan Span, int Vec, bool Content, bool Cap, bool Ant = false, bool Tax = false,
        Lexicon.WordRelations? Rel = null);

    /// <summary>
    /// What <see cref="Words"/> and <see cref="WithLexicalFlags"/> derive from a word's lower-case form alone, kept once
    /// per word of the vector vocabulary (perf only). Words looks every word up in the vectors anyway; with that index
    /// in hand a word seen before costs no string, no lemma look-up, no stemming and no content-set look-up, and its
    /// WordNet relations (<see cref="Rel"/>, set on first featurizing) no look-up in the lexicon's cache. The vector
    /// index stands for exactly one lower-case string (an ordinal dictionary's value), so every field equals what
    /// would be computed again. Shared across threads: entries and <see cref="Rel"/> are published by one reference
    /// write and computed deterministically, so when two threads race either equal value may be kept.
    /// </summary>
    private sealed class KnownWord(string lower, string stem, bool content)
    {
        internal string Lower { get; } = lower;
        internal string Stem { get; } = stem;
        internal bool Content { get; } = content;
        internal Lexicon.WordRelations? Rel;
        // SCORE15: TryNumber of Lower, made on first need: null before, NotANumber, or a NumberValue (one reference write,
        // never written after, so racing threads see either null or a complete answer, and any answer is equal).
        internal object? Number;
        // SCORE15: the topic gate's process-wide id of Stem (see ContentStemIds); 0 before it is first asked for (ids start at 1).
        internal int GateStemId;
    }

    private static readonly object NotANumber = new();

    /// <summary>A number answer of <see cref="KnownWord.Number"/> (a class of this assembly rather than a StrongBox over
    /// double, whose code the ReadyToRun image may not hold).</summary>
    private sealed class NumberValue(double value)
    {
        internal double Value { get; } = value;
    }

    // Indexed by vector index; one reference per vocabulary word (~0.9 MB for the 100k-word GloVe table).
    private readonly KnownWord?[] _known;

    // This thread's span list for Words (cleared per text): the spans are read once, while the words are built, so a
    // new list per prepared text (grown by doubling) was garbage at once. Words never runs inside itself.
    [ThreadStatic] private static List<TextSpan>? t_spans;

    private List<Word> Words(string text)
    {
        var spans = t_spans ??= new List<TextSpan>(64);
        spans.Clear();
        WordScanner.Scan(text, spans);
        var list = new List<Word>(spans.Count);
        Span<char> buf = stackalloc char[WordBufferLength];
        foreach (var s in spans)
        {
            var raw = s.Slice(text);
            // A capital at the very start of the text says nothing (sentence case); elsewhere it marks a name.
            var cap = s.Start > 0 && char.IsUpper(text[s.Start]);
            string lower;
            int vec;
            if (raw.Length <= buf.Length)
            {
                var lowerSpan = WordScanner.Lower(raw, buf);
                vec = _vectors.IndexOf(lowerSpan);
                if (vec >= 0 && _known[vec] is { } known)
                {
                    list.Add(new Word(known.Lower, known.Stem, s, vec, known.Content, cap));
                    continue;
                }
                lower = lowerSpan.ToString();
            }
            else
            {
                lower = raw.ToString().ToLowerInvariant();
                vec = _vectors.IndexOf(lower);
            }
            var content = !(FeaturizerVersion < 2 ? NotContentV1 : NotContentV2).Contains(lower);
            var stem = Stem(lower);
            if (vec >= 0) _known[vec] = new KnownWord(lower, stem, content);
            list.Add(new Word(lower, stem, s, vec, content, cap));
        }
        return list;
    }

    /// <summary>Sorted distinct stems of the content words (what <see cref="Pairing.TopicGate"/> compares).</summary>
    public string[] ContentStems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Not via Prepare: the gate needs no sentence embedding.
        var stems = new List<string>();
        foreach (var w in Words(text)) if (w.Content) stems.Add(w.Stem);
        return SortedDistinct(stems);
    }

    /// <summary>The strings sorted ordinally, duplicates dropped: what a SortedSet gives, without its tree (one per claim).</summary>
    private static string[] SortedDistinct(List<string> items)
    {
        items.Sort(StringComparer.Ordinal);
        var n = 0;
        for (var i = 0; i < items.Count; i++)
            if (n == 0 || !string.Equals(items[n - 1], items[i], StringComparison.Ordinal)) items[n++] = items[i];
        // Copied straight out (GetRange made a list and an array only to copy it again).
        var result = new string[n];
        items.CopyTo(0, result, 0, n);
        return result;
    }

    /// <summary>The keys sorted ascending, duplicates dropped (the hashed features' order).</summary>
    private static int[] SortedDistinct(List<int> keys)
    {
        keys.Sort();
        var n = 0;
        for (var i = 0; i < keys.Count; i++)
            if (n == 0 || keys[n - 1] != keys[i]) keys[n++] = keys[i];
        var result = new int[n];
        keys.CopyTo(0, result, 0, n);
        return result;
    }

    /// <summary>Builds the lexicon's tables that are otherwise made on the first featurization (see <see cref="Lexicon.Warm"/>).</summary>
    internal void Warm() => _lexicon.Warm();

    /// <summary>
    /// Everything <see cref="Featurize(PreparedText, PreparedText)"/> and the topic gate compute from one text
    /// alone (words, stems, vector indices, content flags; the sentence embedding when first featurized), computed once. A claim paired
    /// with 50 others is then analysed once instead of 200 times (4 featurizations per scored pair).
    /// </summary>
    public PreparedText Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        // Counted first so the kept list is allocated once at its exact size (Where+ToList grew it by doubling and
        // left up to half of it unused for the text's life in the prepared-text cache).
        var n = 0;
        foreach (var w in words) if (w.Content) n++;
        var content = new List<Word>(n);
        foreach (var w in words) if (w.Content) content.Add(w);
        // The sorted stems are made when first read (SCORE15): the gate reads ids from the content words, so in the
        // pipeline only a gate check against a text of another featurizer, or a caller of ContentStems, needs them.
        return new PreparedText(this, text, words, content);
    }

    /// <summary>Sorted (ordinal) distinct stems of <paramref name="content"/>: <see cref="PreparedText.ContentStems"/>.</summary>
    internal static string[] SortedContentStems(List<Word> content)
    {
        var stems = new List<string>(content.Count);
        foreach (var w in content) stems.Add(w.Stem);
        return SortedDistinct(stems);
    }

    /// <summary>
    /// The topic gate's ids of a prepared text's content stems, sorted ascending and distinct (SCORE15): the ids of the
    /// distinct stems of <see cref="PreparedText.ContentStemsShared"/> that <paramref name="idOf"/> gives a non-zero id (the
    /// gate gives 0 to stems that never count), as the gate made them from that array, but read from the content words,
    /// so a vocabulary word's stem is looked up in the gate's process-wide dictionary once per process rather than once per
    /// text. <paramref name="idOf"/> must give each stem one id for the process's life (the gate's ids do).
    /// </summary>
    internal int[] ContentStemIds(PreparedText t, Func<string, int> idOf)
    {
        var content = t.Content;
        var ids = content.Count <= 64 ? (t_ids ??= new int[64]) : new int[content.Count];
        var n = 0;
        foreach (var w in content)
        {
            int id;
            if (w.Vec >= 0 && _known[w.Vec] is { } known)
            {
                id = known.GateStemId;
                if (id == 0 && (id = idOf(w.Stem)) != 0) known.GateStemId = id;
            }
            else id = idOf(w.Stem);
            if (id == 0) continue;
            // Insertion into the sorted prefix, a duplicate dropped: a claim has a few dozen content words at most.
            var i = n;
            while (i > 0 && ids[i - 1] > id) i--;
            if (i > 0 && ids[i - 1] == id) continue;
            Array.Copy(ids, i, ids, i + 1, n - i);
            ids[i] = id;
            n++;
        }
        var result = new int[n];
        Array.Copy(ids, result, n);
        return result;
    }

    // This thread's scratch for ContentStemIds (never re-entered).
    [ThreadStatic] private static int[]? t_ids;

    /// <summary>
    /// The sentence embedding of a prepared text (<see cref="PreparedText.Embedding"/>, computed when first featurized):
    /// what <see cref="SifEmbedder.Embed(string, Span{float})"/> gives for its text, bit for bit, from the words
    /// <see cref="Words"/> already found (SCORE15). Both scan the text with <see cref="WordScanner.Scan"/> into the same
    /// spans in the same order, and both look a word of up to 64 characters up by <see cref="WordScanner.Lower"/> of it;
    /// the embedder skips longer words, so they are skipped here too. The same weighted rows are added in the same order to
    /// a zeroed vector, then normalised as Embed does, so nothing is rescanned or looked up again.
    /// </summary>
    internal float[] EmbedPrepared(List<Word> words)
    {
        var embedding = new float[_embedder.Dimension];
        foreach (var w in words)
            if (w.Vec >= 0 && w.Span.Length <= WordBufferLength) _vectors.AddScaled(w.Vec, _embedder.Weight(w.Vec), embedding);
        var norm = TensorPrimitives.Norm(embedding);
        if (norm > 0) TensorPrimitives.Divide(embedding, norm, embedding);
        return embedding;
    }

    /// <summary>The longest word <see cref="Words"/> (and <see cref="SifEmbedder"/>) look up through a stack buffer.</summary>
    private const int WordBufferLength = 64;

    public PairFeatures Featurize(string premise, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(premise);
        ArgumentNullException.ThrowIfNull(hypothesis);
        return Featurize(Prepare(premise), Prepare(hypothesis));
    }

    /// <summary>
    /// As <see cref="Featurize(string, string)"/> from two prepared texts; the same features and reasons bit for bit.
    /// A text prepared by another featurizer (other vectors, lexicon or version) is prepared again by this one.
    /// </summary>
    public PairFeatures Featurize(PreparedText premisePrepared, PreparedText hypothesisPrepared) =>
        Featurize(premisePrepared, hypothesisPrepared, withReasons: true);

    /// <summary>
    /// As <see cref="Featurize(PreparedText, PreparedText)"/> with the same features and <see cref="PairFeatures.DifferentSubjects"/>,
    /// but no reasons (an empty list): the pair scorer scores each pair both ways and keeps only the a-&gt;b reasons, so
    /// building the b-&gt;a messages and spans (string formatting, LINQ, span arrays) is work thrown away.
    /// </summary>
    internal PairFeatures FeaturizeWithoutReasons(PreparedText premisePrepared, PreparedText hypothesisPrepared) =>
        Featurize(premisePrepared, hypothesisPrepared, withReasons: false);

    private PairFeatures Featurize(PreparedText premisePrepared, PreparedText hypothesisPrepared, bool withReasons)
    {
        ArgumentNullException.ThrowIfNull(premisePrepared);
        ArgumentNullException.ThrowIfNull(hypothesisPrepared);
        var pp = Own(premisePrepared);
        var hp = Own(hypothesisPrepared);
        var (premise, hypothesis) = (pp.Text, hp.Text);
        // Shared, never mutated below: the prepared lists are read-only by convention (see PreparedText).
        var (p, pc) = WithLexicalFlags(pp);
        var (h, hc) = WithLexicalFlags(hp);
        var fp = FactsOf(pp, p, pc);
        var fh = FactsOf(hp, h, hc);
        var f = new float[FeatureCount(FeaturizerVersion)];
        // Keys as they come (duplicates too), sorted and made distinct once at the end: what a SortedSet gives, without
        // a tree node per key (the featurizer's largest allocation per pair).
        var hashed = new List<int>(64);
        // Null when not wanted: every reasons?.Add below is skipped then, and its arguments are never evaluated.
        var reasons = withReasons ? new List<Reason>() : null;
        var differentSubjects = false;
        var k = 0;

        // Sentence cosine.
        var ep = pp.Embedding;
        var eh = hp.Embedding;
        var cos = 0f;
        for (var i = 0; i < ep.Length; i++) cos += ep[i] * eh[i];
        f[k++] = cos;

        // Alignment: each content word's best counterpart by exact form or vector cosine.
        var (hBest, hBestIdx, pBest, hExact, pExact) = AlignBoth(hc, pc);
        f[k++] = Frac(hExact, hc.Count);
        f[k++] = Frac(pExact, pc.Count);
        f[k++] = hBest.Length == 0 ? 1f : Mean(hBest);
        f[k++] = hBest.Length == 0 ? 1f : Smallest(hBest);
        f[k++] = pBest.Length == 0 ? 1f : Mean(pBest);
        var hUn = CountBelow(hBest, AlignThreshold);
        f[k++] = Frac(hUn, hc.Count);
        f[k++] = Frac(CountBelow(pBest, AlignThreshold), pc.Count);
        f[k++] = Math.Min(hUn, 5) / 5f;

        // Antonyms across the texts (checked before substitutions so a pair is reported once).
        var antonyms = new List<AntonymHit>();
        foreach (var hw in hc)
            foreach (var pw in pc)
                if (Antonymy(pw, hw) is not AntonymKind.None and var kind && !(CountsBothSides && (HasStem(hc, pw.Stem) || HasStem(pc, hw.Stem))))
                    antonyms.Add(new AntonymHit(pw, hw, kind));

        // Substitutions: a hypothesis word whose closest premise word is related but different ("guitar"/"piano").
        var subs = new List<Substitution>();
        for (var i = 0; i < hc.Count; i++)
        {
            var j = hBestIdx[i];
            if (j < 0 || hc[i].Stem == pc[j].Stem || hBest[i] < AlignThreshold || hBest[i] >= 0.9f) continue;
            if (IsAntonymH(antonyms, hc[i].Lower)) continue;
            if (HasStem(pc, hc[i].Stem)) continue;
            subs.Add(new Substitution(pc[j], hc[i], hBest[i]));
        }
        f[k++] = Math.Min(subs.Count, 3) / 3f;
        f[k++] = subs.Count == 0 ? 0f : LargestSim(subs);

        // Negation.
        var (negP, negH) = (fp.Negations, fh.Negations);
        var overlap = Frac(hExact, hc.Count);
        f[k++] = Math.Min(negP.Count, 3) / 3f;
        f[k++] = Math.Min(negH.Count, 3) / 3f;
        var negMismatch = (negP.Count % 2) != (negH.Count % 2);
        f[k++] = negMismatch ? 1f : 0f;
        // Direction matters: in SICK "There is no cat ..." vs "A cat ..." is mostly neutral, the reverse a contradiction.
        var negHOnly = negMismatch && negH.Count > negP.Count;
        f[k++] = negHOnly ? overlap : 0f;
        if (negMismatch && reasons is not null)
        {
            var (more, moreName) = negH.Count > negP.Count ? (negH, "second") : (negP, "first");
            var words = JoinQuoted(more);
            reasons?.Add(new Reason("negation", $"{words} negates the {moreName} text only: polarity mismatch",
                [.. Spans(negP)], [.. Spans(negH)]));
        }
        foreach (var w in negP) hashed.Add(Hash("negp|", w.Lower));
        foreach (var w in negH) hashed.Add(Hash("negh|", w.Lower));

        var direct = CountDirect(antonyms);
        f[k++] = Math.Min(direct, 3) / 3f;
        f[k++] = direct > 0 ? overlap : 0f;
        foreach (var (pw, hw, kind) in antonyms)
        {
            var how = kind == AntonymKind.Direct ? "WordNet antonyms" : "WordNet indirect antonyms";
            reasons?.Add(new Reason("antonym", $"'{pw.Lower}' vs '{hw.Lower}': {how}", [pw.Span], [hw.Span]));
            hashed.Add(Hash("ant|", pw.Lower, "|", hw.Lower));
        }

        // Numbers and dates.
        var (numP, numH) = (fp.Numbers, fh.Numbers);
        var numDiff = numP.Count > 0 && numH.Count > 0 && !AllIn(numH, numP, static (x, y) => x.Value == y.Value);
        f[k++] = numDiff ? 1f : 0f;
        f[k++] = numP.Count > 0 || numH.Count > 0 ? 1f : 0f;
        if (numDiff && reasons is not null)
            reasons.Add(NumberReason(numP, numH, premise, hypothesis));
        var (dateP, dateH) = (fp.Dates, fh.Dates);
        var dateDiff = dateP.Count > 0 && dateH.Count > 0 && !AllIn(dateH, dateP, static (x, y) => x.Lower == y.Lower);
        f[k++] = dateDiff ? 1f : 0f;
        if (dateDiff)
            reasons?.Add(DateReason(dateP, dateH, premise, hypothesis));

        // Modality: "will send" vs "may send" commits to different things.
        var (modP, modH) = (fp.Modals, fh.Modals);
        // The two sets of modal lemmas, compared without building them: equal sets when each list's lemmas all occur in
        // the other; "H has one P lacks" when H's do not all occur in P.
        var modHInP = AllIn(modH, modP, SameModalLemma);
        var modMismatch = !(modHInP && AllIn(modP, modH, SameModalLemma));
        f[k++] = modMismatch ? 1f : 0f;
        f[k++] = !modHInP ? 1f : 0f;
        if (modMismatch)
            reasons?.Add(new Reason("modality",
                $"{Quote(modP, "no modal")} vs {Quote(modH, "no modal")}: different modality",
                [.. Spans(modP)], [.. Spans(modH)]));

        // Quantifiers.
        var (uniP, uniH) = (fp.Universals, fh.Universals);
        var quantMismatch = (uniP.Count > 0) != (uniH.Count > 0);
        f[k++] = quantMismatch ? 1f : 0f;
        f[k++] = fh.Existential ? 1f : 0f;
        if (quantMismatch)
            reasons?.Add(new Reason("quantifier",
                $"{Quote(uniP, "no universal")} vs {Quote(uniH, "no universal")}: different quantifier",
                [.. Spans(uniP)], [.. Spans(uniH)]));

        // Size and overlap.
        f[k++] = p.Count == 0 ? 0f : Math.Min(4f, h.Count / (float)p.Count);
        f[k++] = MathF.Log(1 + p.Count);
        f[k++] = MathF.Log(1 + h.Count);
        // Distinct content stems of each side and how many they share: jaccard here, "shared" in version 2.
        var (setP, setH) = (fp.StemSet, fh.StemSet);
        var inter = 0;
        foreach (var stem in setP) if (setH.Contains(stem)) inter++;
        var union = setP.Count + setH.Count - inter;
        f[k++] = union == 0 ? 1f : inter / (float)union;
        // "The dog chases the man" vs "The man chases the dog": same words, roles swapped.
        var reordered = pc.Count > 1 && setP.SetEquals(setH) && !SameStems(pc, hc);
        f[k++] = reordered ? 1f : 0f;
        if (reordered)
            reasons?.Add(new Reason("order", "same words in a different order: the roles may be swapped",
                [.. Spans(pc)], [.. Spans(hc)]));
        f[k++] = subs.Count > 0 ? overlap : 0f;
        f[k++] = Frac(hUn, hc.Count) * cos;

        foreach (var (pw, hw, sim) in subs)
        {
            reasons?.Add(new Reason("substitution", $"'{pw.Lower}' vs '{hw.Lower}': related but different words (similarity {sim.ToString("0.00")})", [pw.Span], [hw.Span]));
            hashed.Add(Hash("sub|", pw.Lower, "|", hw.Lower));
        }
        for (var i = 0; i < hc.Count; i++)
        {
            if (hBest[i] < AlignThreshold) hashed.Add(Hash("hun|", hc[i].Lower));
            // Lexicalised cross pair (Bowman et al. 2015's cross-unigrams, restricted to the aligned partner):
            // learns "sleeping"-vs-"running" style conflicts that no hand-made list holds.
            var j = hBestIdx[i];
            if (j >= 0 && pc[j].Stem != hc[i].Stem) hashed.Add(Hash("x|", pc[j].Lower, "|", hc[i].Lower));
            hashed.Add(Hash("h|", hc[i].Lower));
        }

        // Only the "aligned" reason reads this list: the indices i into hc of the matched words (the partner is
        // pc[hBestIdx[i]]), not copies of the two words (a list of word pairs was a large allocation per pair).
        var aligned = new List<int>();
        if (reasons is not null)
            for (var i = 0; i < hc.Count; i++)
                if (hBestIdx[i] >= 0 && hBest[i] >= 0.9f) aligned.Add(i);
        if (aligned.Count > 0)
            reasons?.Add(AlignedReason(aligned, hc, pc, hBestIdx));

        // WordNet taxonomy: H words covered by a P word (same, synonym or hypernym: "dog" covers "animal"),
        // H words more specific than their P partner ("animal" -> "dog": adds information), and co-hyponyms
        // ("cat" vs "dog": different members of one kind, a contradiction cue when they fill the same slot).
        var covered = 0;
        var specific = new List<WordPair>();
        var cohyponyms = 0;
        // Plain loops (first match wins, as Exists/FindIndex): this block runs for every word pair.
        // hwGen[j] keeps Generalises(hw, pc[j]): when hw reaches the co-hyponym test, neither loop above broke early, so
        // every Generalises(pc[j], hw) is < 0 and every hwGen[j] is filled; AreCohyponyms(pc[j], hw) is then
        // "both in the taxonomy, hwGen[j] != 0 and a shared hypernym", without looking both relations up again.
        var hwGen = pc.Count <= 64 ? stackalloc int[pc.Count] : new int[pc.Count];
        // SCORE15: both directions of a pair ask Generalises of the same word pairs in both orders, so the answers go into
        // the kept alignment's tables (see AlignBoth) and the reverse direction reads what the first one asked.
        var table = t_alignment!;
        var reverse = !(ReferenceEquals(table.H, hc) && ReferenceEquals(table.P, pc));
        for (var i = 0; i < hc.Count; i++)
        {
            var hw = hc[i];
            var isCovered = false;
            for (var j = 0; j < pc.Count; j++)
                if (pc[j].Stem == hw.Stem || table.Generalises(this, reverse, pcSpecific: true, i, j, pc, hc) >= 0) { isCovered = true; break; }
            if (isCovered) { covered++; continue; }
            var more = -1;
            for (var j = 0; j < pc.Count; j++)
                if ((hwGen[j] = table.Generalises(this, reverse, pcSpecific: false, i, j, pc, hc)) > 0) { more = j; break; }
            if (more >= 0) { specific.Add(new WordPair(pc[more], hw)); continue; }
            if (!hw.Tax) continue; // AreCohyponyms needs both words in the taxonomy
            for (var j = 0; j < pc.Count; j++)
            {
                var pw = pc[j];
                var isCohyponym = pw.Rel is { } rp && hw.Rel is { } rh
                    ? pw.Tax && hwGen[j] != 0 && Lexicon.ShareHypernym(rp, rh, 2)
                    : AreCohyponyms(pw, hw);
                if (isCohyponym) { cohyponyms++; break; }
            }
        }
        f[k++] = Frac(covered, hc.Count);
        f[k++] = Math.Min(specific.Count, 3) / 3f;
        f[k++] = Math.Min(cohyponyms, 3) / 3f;
        f[k++] = negMismatch && !negHOnly ? overlap : 0f;
        f[k++] = Math.Min(antonyms.Count - direct, 3) / 3f;
        foreach (var (pw, hw) in specific)
            reasons?.Add(new Reason("specific", $"'{hw.Lower}' is a kind of '{pw.Lower}': the second text is more specific", [pw.Span], [hw.Span]));

        if (FeaturizerVersion >= 2)
            k = FeaturizeV2(p, h, pc, hc, hBest, f, k, negP, negH, antonyms, numP, numH, hashed, reasons, setP, setH, inter, fp, fh, ref differentSubjects);
        if (FeaturizerVersion >= 3)
            k = FeaturizeV3(p, h, pc, hc, hBest, hBestIdx, pBest, f, k, negP, negH, antonyms, hashed, reasons, fp, fh, ref differentSubjects);
        if (FeaturizerVersion >= 4)
            k = FeaturizeV4(p, h, pc, hc, f, k, hashed, fp, fh);
        if (FeaturizerVersion >= 5)
            k = FeaturizeV5(p, h, hc, pc, hBest, pBest, negP, negH, f, k, hashed, fp, fh);
        if (k != f.Length) throw new InvalidOperationException($"Featurizer filled {k} features, expected {f.Length}.");
        return new PairFeatures(f, SortedDistinct(hashed), reasons is null ? [] : reasons) { DifferentSubjects = differentSubjects };
    }

    // Version 2 word sets. Why each: news claims hinge on them, and NLI captions rarely show them.
    private static readonly HashSet<string> Conditionals = new(StringComparer.Ordinal)
    { "if", "unless", "provided", "providing", "assuming", "until" };
    // Version 6: words too general to be a negated predicate's partner of another stem (light verbs, vague nouns and
    // adverbs): "not want" vs "make", "no longer" vs "course", "not good" vs "team" on bbc-news. Compared by stem.
    private static readonly string[] GeneralWords =
    [
        "make", "get", "take", "go", "come", "put", "give", "want", "think", "know", "seem", "let", "need", "mean", "say",
        "see", "look", "like", "keep", "find", "use", "help", "try", "feel", "tell", "ask", "show", "call", "believe",
        "expect", "plan", "way", "thing", "lot", "part", "case", "point", "chance", "question", "time", "day", "year",
        "people", "power", "good", "well", "really", "clear", "back", "new", "today", "far", "anything", "current",
        "possible", "alone", "quite", "necessarily", "actually", "further", "already",
    ];

    // A verb group starts at one of these: the words before it are the subject ("the city | will not raise").
    private static readonly HashSet<string> VerbMarkers = new(StringComparer.Ordinal)
    {
        "will", "would", "may", "might", "could", "can", "should", "must", "shall", "ca", "wo",
        "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "'s", "'re", "'ve", "'ll",
    };
    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" };

    /// <summary>
    /// Version-2 features, for same-speaker news claims where (unlike NLI captions) most pairs are about
    /// different things: how much content they share, whether the negation falls on a predicate both
    /// texts share, antonyms inside a shared context, different numbers counting the same noun,
    /// conditions on one side only, different subjects, and a plan ("will begin") reported as done ("began").
    /// </summary>
    private int FeaturizeV2(List<Word> p, List<Word> h, List<Word> pc, List<Word> hc, float[] hBest, float[] f, int k,
        List<Word> negP, List<Word> negH, List<AntonymHit> antonyms,
        List<NumberMention> numP, List<NumberMention> numH, List<int> hashed, List<Reason>? reasons,
        HashSet<string> stemsP, HashSet<string> stemsH, int shared, TextFacts fp, TextFacts fh, ref bool differentSubjects)
    {
        // stemsP/stemsH: the distinct content stems of each side; shared: how many they have in common.
        f[k++] = Math.Min(shared, 5) / 5f;
        // Unrelated: no shared content word and no close synonym either; such pairs are neutral whatever their cues say.
        var unrelated = shared == 0 && !AnyAtLeast(hBest, 0.6f);
        f[k++] = unrelated ? 1f : 0f;

        // Negation on a shared predicate: the first content word after the odd negation has a counterpart
        // (same stem or close vector) in the other text: "will not raise" vs "will rise".
        var negPredicate = false;
        if ((negP.Count % 2) != (negH.Count % 2))
        {
            var (negText, negs, other) = negP.Count > negH.Count ? (p, negP, hc) : (h, negH, pc);
            var start = IndexOfWord(negText, negs[0]);
            var pred = FirstContentWithin(negText, start + 1, 4);
            if (pred.Lower is not null)
            {
                // The best counterpart, not the first close one: "raise" should meet "rise", not "taxes".
                var partner = default(Word);
                var best = 0.55f;
                var negStems = new HashSet<string>(StringComparer.Ordinal);
                foreach (var w in negText) negStems.Add(w.Stem);
                var predAt = IndexOfWord(negText, pred);
                var otherText = negP.Count > negH.Count ? h : p;
                foreach (var o in other)
                {
                    // A word both texts contain ("taxes") is aligned to itself already: not the predicate's partner.
                    if (o.Stem != pred.Stem && negStems.Contains(o.Stem)) continue;
                    var sim = o.Stem == pred.Stem ? 1f : o.Vec >= 0 && pred.Vec >= 0 ? _vectors.Cosine(o.Vec, pred.Vec) : 0f;
                    if (sim >= best && (!CountsBothSides || o.Stem == pred.Stem || CanPartner(pred, predAt, negText, o, otherText)))
                    {
                        best = sim;
                        partner = o;
                    }
                }
                if (partner.Lower is not null && shared > 0)
                {
                    negPredicate = true;
                    var (negSide, otherSide) = negP.Count > negH.Count ? ("first", "second") : ("second", "first");
                    reasons?.Add(new Reason("negated-predicate",
                        $"'{negs[0].Lower} {pred.Lower}' in the {negSide} text vs '{partner.Lower}' in the {otherSide}: the same predicate with opposite polarity",
                        negP.Count > negH.Count ? [negs[0].Span, pred.Span] : [partner.Span],
                        negP.Count > negH.Count ? [partner.Span] : [negs[0].Span, pred.Span]));
                    hashed.Add(Hash("negpred|", pred.Stem));
                }
            }
        }
        f[k++] = negPredicate ? 1f : 0f;

        // Antonyms with something else in common ("the plant is safe" / "the plant is dangerous").
        var antonymContext = antonyms.Count > 0 && shared > 0;
        f[k++] = antonymContext ? 1f : 0f;

        // Different numbers counting the same noun ("120 jobs" / "40 jobs"); a day after a month is a date.
        var sameNoun = new List<NumberPair>();
        foreach (var a in numP)
            foreach (var b in numH)
            {
                if (a.Value == b.Value || IsDay(p, a) || IsDay(h, b)) continue;
                if (CountsBothSides && (HasValue(numH, a.Value) || HasValue(numP, b.Value))) continue;
                var na = NounAfter(p, a.Last);
                var nb = NounAfter(h, b.Last);
                if (na is not null && na == nb) sameNoun.Add(new NumberPair(a, b));
            }
        f[k++] = sameNoun.Count > 0 ? 1f : 0f;
        if (sameNoun.Count > 0 && reasons is not null)
        {
            var (a, b) = sameNoun[0];
            reasons.Add(new Reason("number-noun", $"different counts of the same thing ('{NounAfterForReason(p, a.Last)}')", [a.Span], [b.Span]));
        }

        // Conditions on one side only: "will rise only if ..." does not commit to what "will rise" does.
        var (condP, condH) = (fp.Conditionals, fh.Conditionals);
        var condMismatch = (condP.Count > 0) != (condH.Count > 0);
        f[k++] = condMismatch ? 1f : 0f;
        if (condMismatch && reasons is not null)
        {
            var (c, side) = condP.Count > 0 ? (condP, "first") : (condH, "second");
            reasons?.Add(new Reason("conditional", $"'{c[0].Lower}' makes the {side} text conditional; the other is unconditional",
                [.. Spans(condP)], [.. Spans(condH)]));
        }

        // Different subjects: neither subject's content words occur anywhere in the other text.
        var (subjP, subjH) = (fp.Subject, fh.Subject);
        var subjectMismatch = subjP.Count > 0 && subjH.Count > 0 && shared > 0
            && !AnyStemIn(subjP, stemsH) && !AnyStemIn(subjH, stemsP);
        f[k++] = subjectMismatch ? 1f : 0f;
        if (subjectMismatch && FeaturizerVersion < 3) differentSubjects = true;
        if (subjectMismatch && FeaturizerVersion < 3)
            reasons?.Add(new Reason("subject", $"{Quote(subjP)} vs {Quote(subjH)}: different subjects",
                [.. Spans(subjP)], [.. Spans(subjH)]));

        // A plan and its outcome: "will begin" on one side, the same verb without "will" on the other.
        var (willP, willH) = (fp.Will, fh.Will);
        var temporal = willP != willH && shared > 0 && HasInflectedPlanWord(willP ? hc : pc, willP ? stemsP : stemsH);
        f[k++] = temporal ? 1f : 0f;
        if (temporal)
            reasons?.Add(new Reason("tense", "one text says what will happen, the other what happened", [], []));
        return k;
    }

    /// <summary>
    /// Some word of <paramref name="words"/> is inflected (its lower form is not its stem), its stem is in <paramref name="stems"/>
    /// (the side that has "will"), and it reads as past: an "-ed" form or an irregular inflection. A loop rather than a
    /// lambda, which would capture FeaturizeV2's locals into a closure object on every call.
    /// </summary>
    private bool HasInflectedPlanWord(List<Word> words, HashSet<string> stems)
    {
        foreach (var w in words)
            if (w.Lower != w.Stem && stems.Contains(w.Stem)
                && (w.Lower.EndsWith("ed", StringComparison.Ordinal) || _lexicon.Lemma(w.Lower) is not null)) return true;
        return false;
    }

    /// <summary>
    /// Version-3 features, aimed at the commonest SICK trial errors of v2 (see models/README, scorer v3):
    /// a negation whose clause the other text does not talk about ("There is no girl playing the violin"
    /// vs "A girl is crocheting" is neutral, not a contradiction); the WordNet relation of each aligned but
    /// different word pair (synonym and hypernym entail, co-hyponyms contradict, unrelated-but-similar
    /// words such as "scouts"/"explorers" are neutral); premise words left unaligned; and clause subjects
    /// that name different actors ("Russian soldiers" vs "Belarusian soldiers"), which in news makes a
    /// negation or antonym about one of them no contradiction of the other.
    /// </summary>
    private int FeaturizeV3(List<Word> p, List<Word> h, List<Word> pc, List<Word> hc, float[] hBest, int[] hBestIdx, float[] pBest,
        float[] f, int k, List<Word> negP, List<Word> negH, List<AntonymHit> antonyms,
        List<int> hashed, List<Reason>? reasons, TextFacts fp, TextFacts fh, ref bool differentSubjects)
    {
        // Negation scope: the content words after the odd negation (up to 6) that the other text covers.
        float scopeCovered = 0f, scopeUncovered = 0f;
        if ((negP.Count % 2) != (negH.Count % 2))
        {
            var (negText, negs, other) = negP.Count > negH.Count ? (p, negP, hc) : (h, negH, pc);
            var start = IndexOfWord(negText, negs[0]);
            var scope = new List<Word>(6);
            for (var i = start + 1; i < negText.Count && scope.Count < 6; i++)
            {
                // Version 7: "not X but Y" negates X only; Y is asserted.
                if (ReadsFocusAndContrast && negText[i].Lower == "but") break;
                if (negText[i].Content) scope.Add(negText[i]);
            }
            var covered = 0;
            foreach (var w in scope)
                foreach (var o in other)
                    if (o.Stem == w.Stem || Generalises(o, w) >= 0 || Generalises(w, o) >= 0
                        || (o.Vec >= 0 && w.Vec >= 0 && _vectors.Cosine(o.Vec, w.Vec) >= 0.8f)) { covered++; break; }
            scopeCovered = Frac(covered, scope.Count);
            scopeUncovered = Math.Min(scope.Count - covered, 4) / 4f;
        }
        f[k++] = scopeCovered;
        f[k++] = scopeUncovered;

        // WordNet relation of each hypothesis word to its aligned premise partner when the two differ.
        int syn = 0, general = 0, specific = 0, cohypo = 0, unrelated = 0;
        for (var i = 0; i < hc.Count; i++)
        {
            var j = hBestIdx[i];
            if (j < 0 || hBest[i] < AlignThreshold || pc[j].Stem == hc[i].Stem) continue;
            var (pw, hw) = (pc[j], hc[i]);
            string rel;
            if (IsAntonymPair(antonyms, pw.Lower, hw.Lower)) rel = "ant";
            else if (Generalises(pw, hw) is var g && g == 0 || Generalises(hw, pw) == 0) { syn++; rel = "syn"; }
            else if (g > 0) { general++; rel = "gen"; }
            else if (Generalises(hw, pw) > 0) { specific++; rel = "spec"; }
            else if (AreCohyponyms(pw, hw)) { cohypo++; rel = "cohyp"; }
            else { unrelated++; rel = "none"; }
            hashed.Add(Hash("rel|", rel, "|", hw.Lower));
        }
        f[k++] = Math.Min(syn, 3) / 3f;
        f[k++] = Math.Min(general, 3) / 3f;
        f[k++] = Math.Min(specific, 3) / 3f;
        f[k++] = Math.Min(cohypo, 3) / 3f;
        f[k++] = Math.Min(unrelated, 3) / 3f;

        var pUn = 0;
        for (var i = 0; i < pc.Count; i++)
            if (pBest[i] < AlignThreshold) { pUn++; hashed.Add(Hash("pun|", pc[i].Lower)); }
        f[k++] = Math.Min(pUn, 5) / 5f;

        // Clause subjects naming different actors.
        var differs = SubjectsDiffer(p, h, fp.SubjectV3, fh.SubjectV3, out var why);
        var (subjP, subjH) = (fp.SubjectV3, fh.SubjectV3);
        f[k++] = differs ? 1f : 0f;
        if (differs) differentSubjects = true;
        if (differs)
            reasons?.Add(new Reason("subject", $"{Quote(subjP)} vs {Quote(subjH)}: different subjects{why}",
                [.. Spans(subjP)], [.. Spans(subjH)]));
        return k;
    }


    // Version 4: prepositions and particles; which of them the two texts do not share ("in front of" vs "in").
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over", "under", "up", "down", "out", "off",
        "about", "through", "across", "around", "against", "near", "behind", "inside", "outside", "above", "below",
        "beside", "along", "toward", "towards", "front", "without", "between",
    };
    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal)
    { "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "gets", "got" };

    /// <summary>
    /// Version-4 features: word order and roles, which v1-v3 see only as "same words, other order" (exact
    /// stem sets). SICK's commonest v3 error after synonyms: "The monkey is brushing a bull dog" / "A bull dog
    /// is brushing the monkey" read as entailment. Measured: the share of discordant pairs among the content
    /// words both texts share (Kendall's tau distance over first occurrences), whether exactly one text is
    /// passive ("a tomato is being cut by a man" keeps the roles of "a man is cutting a tomato" while
    /// reversing the order), their product when both have the same voice, and a role swap: each text's
    /// subject occurs in the other text outside its subject. Plus hashed prepositions only one text has.
    /// All loops are over the content words of two short texts (no look-ups beyond the stems already made).
    /// </summary>
    private int FeaturizeV4(List<Word> p, List<Word> h, List<Word> pc, List<Word> hc, float[] f, int k, List<int> hashed, TextFacts fp, TextFacts fh)
    {
        // Positions in P of the H content words that occur in P exactly once (ambiguous matches say nothing about order).
        // First occurrences only: a stem an earlier H word had is skipped (a scan back, no set: texts are short).
        var pos = hc.Count <= 64 ? stackalloc int[hc.Count] : new int[hc.Count];
        var count = 0;
        for (var i = 0; i < hc.Count; i++)
        {
            var w = hc[i];
            var repeated = false;
            for (var q = 0; q < i && !repeated; q++) repeated = hc[q].Stem == w.Stem;
            if (repeated) continue;
            int at = -1, n = 0;
            for (var j = 0; j < pc.Count; j++) if (pc[j].Stem == w.Stem) { at = j; n++; }
            if (n == 1) pos[count++] = at;
        }
        int pairs = 0, discordant = 0;
        for (var a = 0; a < count; a++)
            for (var b = a + 1; b < count; b++) { pairs++; if (pos[a] > pos[b]) discordant++; }
        var disc = Frac(discordant, pairs);
        var voiceDiffers = fp.Passive != fh.Passive;
        f[k++] = disc;
        f[k++] = voiceDiffers ? 1f : 0f;
        f[k++] = voiceDiffers ? 0f : disc;
        f[k++] = RolesSwapped(p, h) ? 1f : 0f;
        foreach (var w in h)
            if (Prepositions.Contains(w.Lower) && !HasLower(p, w.Lower)) hashed.Add(Hash("prep+|", w.Lower));
        foreach (var w in p)
            if (Prepositions.Contains(w.Lower) && !HasLower(h, w.Lower)) hashed.Add(Hash("prep-|", w.Lower));
        return k;
    }

    // "is being cut by", "was taken by", "are eaten by": a be-form, a participle-like word soon after, then "by".
    private static bool IsPassive(List<Word> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!BeForms.Contains(words[i].Lower)) continue;
            var next = words[i + 1].Lower;
            var participle = next == "being" ? i + 2 < words.Count : next.Length > 3 && (next.EndsWith("ed", StringComparison.Ordinal) || next.EndsWith("en", StringComparison.Ordinal));
            if (!participle) continue;
            for (var j = i + 2; j < words.Count && j <= i + 6; j++) if (words[j].Lower == "by") return true;
        }
        return false;
    }

    // Each subject's content words all occur in the other text after its own subject ("the monkey | is brushing a dog"
    // vs "a dog | is brushing the monkey").
    // By word indices, without building the subject lists and stem sets: the subject is the content words before
    // SubjectEnd, "the rest" the content words after the subject's last one.
    private static bool RolesSwapped(List<Word> p, List<Word> h)
    {
        var (endP, lastP) = (SubjectEnd(p), -1);
        var (endH, lastH) = (SubjectEnd(h), -1);
        for (var i = 0; i < endP && i < p.Count; i++) if (p[i].Content) lastP = i;
        for (var i = 0; i < endH && i < h.Count; i++) if (h[i].Content) lastH = i;
        if (lastP < 0 || lastH < 0) return false;
        return SubjectInRest(p, endP, h, lastH) && SubjectInRest(h, endH, p, lastP);
    }

    /// <summary>Every subject content word of <paramref name="words"/> (before <paramref name="end"/>) has its stem among the content words of <paramref name="other"/> after index <paramref name="last"/>.</summary>
    private static bool SubjectInRest(List<Word> words, int end, List<Word> other, int last)
    {
        for (var i = 0; i < end && i < words.Count; i++)
        {
            if (!words[i].Content) continue;
            var found = false;
            for (var j = last + 1; j < other.Count && !found; j++) found = other[j].Content && other[j].Stem == words[i].Stem;
            if (!found) return false;
        }
        return true;
    }

    /// <summary>
    /// The subject of a claim's main clause: the content words before its first verb ("some Russian soldiers |
    /// entered", "no Belarusian soldiers | were"), found without a tagger: an auxiliary, a negation after the
    /// first word, or a word ending in "-ed" ends it. Empty when no verb comes within the first 7 words.
    /// A leading determiner-like negation ("no troops", "nobody") belongs to the subject.
    /// </summary>
    private static List<Word> SubjectV3(List<Word> words)
    {
        var end = SubjectEnd(words);
        if (end <= 0) return [];
        return ContentBefore(words, end);
    }

    /// <summary>Where <see cref="SubjectV3"/>'s subject ends (the first verb marker's index), or -1 when none comes within the first 7 words.</summary>
    private static int SubjectEnd(List<Word> words)
    {
        for (var i = 1; i < words.Count && i <= 7; i++)
        {
            var w = words[i].Lower;
            if (VerbMarkers.Contains(w) || Negations.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && words[i - 1].Content))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// True when the two subjects name different actors: either they share no content word and neither
    /// occurs anywhere in the other text (the v2 rule), or they share a head but each has a modifier the other
    /// lacks and those modifiers contrast: both capitalised (names, nationalities: "Russian"/"Belarusian"),
    /// WordNet co-hyponyms or antonyms. Synonymous or more-specific modifiers ("the new plant"/"the plant") do not count.
    /// </summary>
    private bool SubjectsDiffer(List<Word> p, List<Word> h, List<Word> subjP, List<Word> subjH, out string why)
    {
        why = "";
        if (subjP.Count == 0 || subjH.Count == 0) return false;
        // The subjects' stem sets, their overlap and the "only P"/"only H" words are scans over these short lists
        // (no sets built): onlyP is subjP's words whose stem subjH lacks, in order, and the same for onlyH.
        var anyOnlyP = false;
        var overlap = false;
        foreach (var a in subjP)
            if (HasStem(subjH, a.Stem)) overlap = true;
            else anyOnlyP = true;
        var anyOnlyH = false;
        foreach (var b in subjH)
            if (!HasStem(subjP, b.Stem)) { anyOnlyH = true; break; }
        if (!anyOnlyP || !anyOnlyH) return false;
        if (!overlap)
        {
            // The texts share a content stem; no subject stem of either occurs among the other text's content stems.
            if (!SharesContentStem(p, h) || AnyStemInContent(subjH, p) || AnyStemInContent(subjP, h)) return false;
            return true;
        }
        foreach (var a in subjP)
        {
            if (HasStem(subjH, a.Stem)) continue;
            foreach (var b in subjH)
            {
                if (HasStem(subjP, b.Stem)) continue;
                if (Generalises(a, b) >= 0 || Generalises(b, a) >= 0) return false;
            }
        }
        foreach (var a in subjP)
        {
            if (HasStem(subjH, a.Stem)) continue;
            foreach (var b in subjH)
            {
                if (HasStem(subjP, b.Stem)) continue;
                if ((a.Cap && b.Cap) || Antonymy(a, b) != AntonymKind.None || AreCohyponyms(a, b))
                {
                    why = $" ('{a.Lower}' vs '{b.Lower}')";
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Some content word of <paramref name="p"/> has the stem of some content word of <paramref name="h"/>.</summary>
    private static bool SharesContentStem(List<Word> p, List<Word> h)
    {
        foreach (var w in p)
            if (w.Content && HasContentStem(h, w.Stem)) return true;
        return false;
    }

    /// <summary>Some word of <paramref name="words"/> has the stem of some content word of <paramref name="text"/>.</summary>
    private static bool AnyStemInContent(List<Word> words, List<Word> text)
    {
        foreach (var w in words) if (HasContentStem(text, w.Stem)) return true;
        return false;
    }

    private static bool HasContentStem(List<Word> words, string stem)
    {
        foreach (var w in words) if (w.Content && w.Stem == stem) return true;
        return false;
    }

    /// <summary>The content words among the first <paramref name="end"/> words, in order.</summary>
    private static List<Word> ContentBefore(List<Word> words, int end)
    {
        var list = new List<Word>();
        for (var i = 0; i < end && i < words.Count; i++) if (words[i].Content) list.Add(words[i]);
        return list;
    }

    // The number and date reasons in methods of their own for the same reason as AlignedReason: their lambdas read
    // the texts and the other side's numbers, which as Featurize locals would be captured for every call.
    private static Reason NumberReason(List<NumberMention> numP, List<NumberMention> numH, string premise, string hypothesis)
    {
        var onlyP = NumbersNotIn(numP, numH);
        var onlyH = NumbersNotIn(numH, numP);
        return new Reason("number",
            $"{Quote(onlyP, premise)} vs {Quote(onlyH, hypothesis)}: different numbers",
            [.. onlyP], [.. onlyH]);
    }

    private static Reason DateReason(List<Word> dateP, List<Word> dateH, string premise, string hypothesis)
    {
        var (spansP, spansH) = (Spans(dateP), Spans(dateH));
        return new("date", $"{Quote(spansP, premise)} vs {Quote(spansH, hypothesis)}: different dates", [.. spansP], [.. spansH]);
    }

    /// <summary>
    /// The "aligned" reason from the indices of the matched hypothesis words. A method of its own so that its lambdas
    /// capture these parameters, not Featurize's locals (which would move them into a closure object for every call).
    /// </summary>
    private static Reason AlignedReason(List<int> aligned, List<Word> hc, List<Word> pc, int[] hBestIdx)
    {
        var lowers = new List<string>(aligned.Count);
        var hSpans = new TextSpan[aligned.Count];
        for (var i = 0; i < aligned.Count; i++)
        {
            lowers.Add(hc[aligned[i]].Lower);
            hSpans[i] = hc[aligned[i]].Span;
        }
        return new("aligned", $"{aligned.Count} of {hc.Count} content words match: {Quote(lowers)}",
            [.. PartnerSpans(aligned, pc, hBestIdx)], [.. hSpans]);
    }

    /// <summary>
    /// The aligned premise partners' spans, distinct (first occurrence kept), then ordered by start with equal starts in
    /// that order: what <c>Distinct().OrderBy(s =&gt; s.Start)</c> gave (OrderBy is a stable sort), by an insertion sort.
    /// </summary>
    private static TextSpan[] PartnerSpans(List<int> aligned, List<Word> pc, int[] hBestIdx)
    {
        var spans = new TextSpan[aligned.Count];
        for (var i = 0; i < spans.Length; i++) spans[i] = pc[hBestIdx[aligned[i]]].Span;
        return DistinctByStart(spans);
    }

    /// <summary><paramref name="spans"/> distinct (first occurrence kept), then stably ordered by start: <c>Distinct().OrderBy(s =&gt; s.Start)</c>. Reuses the array.</summary>
    internal static TextSpan[] DistinctByStart(TextSpan[] spans)
    {
        var n = 0;
        foreach (var s in spans)
        {
            var seen = false;
            for (var q = 0; q < n && !seen; q++) seen = spans[q] == s;
            if (!seen) spans[n++] = s;
        }
        for (var i = 1; i < n; i++)
        {
            var s = spans[i];
            var j = i - 1;
            while (j >= 0 && spans[j].Start > s.Start) { spans[j + 1] = spans[j]; j--; }
            spans[j + 1] = s;
        }
        if (n == spans.Length) return spans;
        var distinct = new TextSpan[n];
        Array.Copy(spans, distinct, n);
        return distinct;
    }

    // Allocation-free forms of the LINQ tests these replaced (a closure and a delegate per element, per featurization),
    // each the same first-match-wins scan, so the same results.

    /// <summary>How many of <paramref name="words"/> have a stem some word of <paramref name="other"/> has.</summary>
    private static int CountWithStemIn(List<Word> words, List<Word> other)
    {
        var n = 0;
        foreach (var w in words) if (HasStem(other, w.Stem)) n++;
        return n;
    }

    private static bool HasLower(List<Word> words, string lower)
    {
        foreach (var w in words) if (w.Lower == lower) return true;
        return false;
    }

    private static bool HasStem(List<Word> words, string stem)
    {
        foreach (var w in words) if (w.Stem == stem) return true;
        return false;
    }

    private static bool AnyStemIn(List<Word> words, HashSet<string> stems)
    {
        foreach (var w in words) if (stems.Contains(w.Stem)) return true;
        return false;
    }

    private static bool IsAntonymH(List<AntonymHit> antonyms, string h)
    {
        foreach (var a in antonyms) if (a.H.Lower == h) return true;
        return false;
    }

    private static bool IsAntonymPair(List<AntonymHit> antonyms, string p, string h)
    {
        foreach (var a in antonyms) if (a.H.Lower == h && a.P.Lower == p) return true;
        return false;
    }

    /// <summary>Two modals with the same lemma (<see cref="ModalLemma"/>: "wo" is "will").</summary>
    private static readonly Func<Word, Word, bool> SameModalLemma = static (x, y) => ModalLemma(x.Lower) == ModalLemma(y.Lower);

    /// <summary>
    /// Every item of <paramref name="a"/> has one in <paramref name="b"/> that is the <paramref name="same"/>: set inclusion
    /// on short lists (numbers, dates, modals), by scans. Callers pass static lambdas, so no closure is allocated per call.
    /// </summary>
    private static bool AllIn<T>(List<T> a, List<T> b, Func<T, T, bool> same)
    {
        foreach (var x in a)
        {
            var found = false;
            foreach (var y in b) if (same(x, y)) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>The words whose lower form is in <paramref name="set"/>, in order (a loop, not LINQ: called ten times per featurization).</summary>
    private static List<Word> WordsIn(List<Word> words, HashSet<string> set)
    {
        var list = new List<Word>();
        foreach (var w in words) if (set.Contains(w.Lower)) list.Add(w);
        return list;
    }

    private static List<Word> Dates(List<Word> words)
    {
        var list = new List<Word>();
        foreach (var w in words) if (IsDate(w)) list.Add(w);
        return list;
    }

    private static HashSet<string> StemSet(List<Word> words)
    {
        var set = new HashSet<string>(words.Count, StringComparer.Ordinal);
        foreach (var w in words) set.Add(w.Stem);
        return set;
    }

    private static bool IsDay(List<Word> words, NumberMention n)
    {
        var i = words.FindIndex(w => w.Span.Start == n.Span.Start);
        return i > 0 && Months.Contains(words[i - 1].Lower);
    }

    // The first content word within three words after a number: "120 new jobs" -> "job".
    private string? NounAfter(List<Word> words, int last)
    {
        if (FeaturizerVersion >= 6) return HeadAfter(words, last) is var k and >= 0 ? words[k].Stem : null;
        for (var i = last + 1; i < words.Count && i <= last + 3; i++)
            if (words[i].Content && !TryNumber(words[i], out _) && !Scales.ContainsKey(words[i].Lower)) return words[i].Stem;
        return null;
    }

    /// <summary>What a "number-noun" reason names: the counted word as written (version 6), else its stem (as before).</summary>
    private string? NounAfterForReason(List<Word> words, int last) =>
        FeaturizerVersion >= 6 && HeadAfter(words, last) is var k and >= 0 ? words[k].Lower : NounAfter(words, last);

    /// <summary>
    /// Version 6: what a number counts is the last word of the run of content words right after it, within four words
    /// ("120 new jobs" -> jobs, "two ex-senior executives" -> executives); -1 when a function word comes first or the
    /// run is a month. Version 5 took the first content word within three words, so "rose by 4.3% in the year" and "6.1%
    /// on the year" were "different counts of the same thing ('year')" (11 of bbc-news's flags under scorer v5), and "two
    /// ex-senior executives" counted "ex".
    /// </summary>
    private int HeadAfter(List<Word> words, int last)
    {
        int head = -1;
        for (var i = last + 1; i < words.Count && i <= last + 4; i++)
        {
            var w = words[i];
            if (w.Lower == "-") continue; // "ex-senior executives": a hyphen joins the run
            if (TryNumber(w, out _) || Scales.ContainsKey(w.Lower)) { if (head < 0) continue; break; }
            if (!w.Content) break;
            if (Months.Contains(w.Lower)) return -1;
            head = i;
        }
        return head;
    }

    // Content words before the first verb marker or negation, when it comes early (a short noun phrase).
    private static List<Word> Subject(List<Word> words)
    {
        var i = words.FindIndex(w => VerbMarkers.Contains(w.Lower) || Negations.Contains(w.Lower));
        if (i <= 0 || i > 6) return [];
        return ContentBefore(words, i);
    }

    /// <summary>
    /// Each hypothesis content word's best premise counterpart (by stem, else vector cosine) and each premise word's
    /// best hypothesis counterpart, from ONE similarity matrix: the similarity is symmetric bit for bit (equal stems,
    /// or an integer dot product over the product of two norms), so the premise side needs no second pass. Ties keep
    /// the first index, and a similarity must beat 0 to count, as in a scan of each side on its own.
    /// <para>Also the words of each side with a stem the other side has (hExact: of hc in pc; pExact: of pc in hc), kept
    /// with the alignment so the reverse direction reads them swapped.</para>
    /// </summary>
    private (float[] HBest, int[] HBestIdx, float[] PBest, int HExact, int PExact) AlignBoth(List<Word> hc, List<Word> pc)
    {
        // SCORE15: the pair scorer featurizes a pair a->b and then b->a on the same thread, and the second alignment is the
        // first one's matrix transposed. So the last alignment on this thread is kept with its column answers, and a call
        // with the two content lists swapped (the same list instances: a prepared text's flagged lists) reads them: the
        // column best of the a->b matrix is b->a's row best (the same similarities, bit for bit, met in the same order,
        // with the same first-wins rule from 0), and its row best is b->a's column best. The arrays are only read after.
        if (t_alignment is { } last && ReferenceEquals(last.Owner, this) && ReferenceEquals(last.H, pc) && ReferenceEquals(last.P, hc))
            return (last.PBest, last.PBestIdx, last.HBest, last.PExact, last.HExact);
        var hBest = new float[hc.Count];
        var hBestIdx = new int[hc.Count];
        var pBest = new float[pc.Count];
        var pBestIdx = new int[pc.Count];
        // pBest starts at 0 like a scan's running best, pBestIdx at -1 (no counterpart); a column's first row to beat its
        // running best is kept, as a row's first column is.
        pBestIdx.AsSpan().Fill(-1);
        for (var i = 0; i < hc.Count; i++)
        {
            var b = 0f;
            var bi = -1;
            var hw = hc[i];
            for (var j = 0; j < pc.Count; j++)
            {
                var pw = pc[j];
                float s;
                if (hw.Stem == pw.Stem) s = 1f;
                else if (hw.Vec >= 0 && pw.Vec >= 0) s = _vectors.Cosine(hw.Vec, pw.Vec);
                else s = 0f;
                if (s > b) { b = s; bi = j; }
                if (s > pBest[j]) { pBest[j] = s; pBestIdx[j] = i; }
            }
            hBest[i] = b;
            hBestIdx[i] = bi;
        }
        var hExact = CountWithStemIn(hc, pc);
        var pExact = CountWithStemIn(pc, hc);
        var kept = t_alignment ??= new Alignment();
        (kept.Owner, kept.H, kept.P, kept.HBest, kept.HBestIdx, kept.PBest, kept.PBestIdx) = (this, hc, pc, hBest, hBestIdx, pBest, pBestIdx);
        (kept.HExact, kept.PExact) = (hExact, pExact);
        kept.ResetGeneralises(hc.Count * pc.Count);
        return (hBest, hBestIdx, pBest, hExact, pExact);
    }

    /// <summary>The last alignment made on a thread (see AlignBoth): its lists, row answers and column answers.</summary>
    private sealed class Alignment
    {
        internal PairFeaturizer? Owner;
        internal List<Word>? H, P;
        internal float[] HBest = [], PBest = [];
        internal int[] HBestIdx = [], PBestIdx = [];
        internal int HExact, PExact;

        // Generalises answers for the pair, in this alignment's orientation (row i of H, column j of P), Unknown until
        // asked: PH[i * P.Count + j] = Generalises(P[j], H[i]), HP[i * P.Count + j] = Generalises(H[i], P[j]). Buffers
        // reused from alignment to alignment (this thread's only), cleared for each new one.
        private int[] _ph = [], _hp = [];
        private const int Unknown = int.MinValue;

        internal void ResetGeneralises(int cells)
        {
            if (_ph.Length < cells) (_ph, _hp) = (new int[Math.Max(cells, 2 * _ph.Length)], new int[Math.Max(cells, 2 * _ph.Length)]);
            _ph.AsSpan(0, cells).Fill(Unknown);
            _hp.AsSpan(0, cells).Fill(Unknown);
        }

        /// <summary>
        /// The featurizer's Generalises(pc[j], hc[i]) when <paramref name="pcSpecific"/>, else Generalises(hc[i], pc[j]), for
        /// the lists of this alignment (<paramref name="reverse"/>: hc is P and pc is H), from the table when asked before.
        /// </summary>
        internal int Generalises(PairFeaturizer featurizer, bool reverse, bool pcSpecific, int i, int j, List<Word> pc, List<Word> hc)
        {
            // Forward (hc = H, pc = P): Generalises(pc[j], hc[i]) is PH[i, j] and Generalises(hc[i], pc[j]) is HP[i, j].
            // Reverse (hc = P, pc = H): Generalises(pc[j], hc[i]) = Generalises(H[j], P[i]) is HP[j, i], and the other PH[j, i].
            var cell = reverse ? j * hc.Count + i : i * pc.Count + j;
            var cells = reverse == pcSpecific ? _hp : _ph;
            var v = cells[cell];
            if (v == Unknown) cells[cell] = v = pcSpecific ? featurizer.Generalises(pc[j], hc[i]) : featurizer.Generalises(hc[i], pc[j]);
            return v;
        }
    }

    [ThreadStatic] private static Alignment? t_alignment;

    /// <summary>
    /// The text's words and content words with <see cref="Word.Ant"/> and <see cref="Word.Tax"/> looked up, once per
    /// prepared text and only for texts that get featurized (most claims only meet the topic gate, and looking up
    /// every word's forms there cost more than it saved). Deterministic, so when two threads race both lists are
    /// equal and either may be kept.
    /// </summary>
    private (List<Word> Words, List<Word> Content) WithLexicalFlags(PreparedText t)
    {
        if (t.Flagged is { } done) return done;
        var words = new List<Word>(t.Words.Count);
        var content = new List<Word>(t.Content.Count);
        foreach (var w in t.Words)
        {
            var rel = w.Vec >= 0 && _known[w.Vec] is { } known ? known.Rel ??= _lexicon.Relations(w.Lower) : _lexicon.Relations(w.Lower);
            var flagged = w with { Ant = rel.MayHaveAntonym, Tax = rel.InTaxonomy, Rel = rel };
            words.Add(flagged);
            if (flagged.Content) content.Add(flagged);
        }
        var result = (words, content);
        t.Flagged = result;
        return result;
    }

    // The lexicon's pairwise relations, skipped when a word's flags (looked up once in Prepare) rule them out.
    // Words from WithLexicalFlags carry their resolved relations (Rel); the string look-ups remain for any that do not.
    private int Generalises(in Word specific, in Word general) =>
        !specific.Tax ? -1
        : specific.Rel is { } s && general.Rel is { } g ? Lexicon.Generalises(s, g)
        : _lexicon.Generalises(specific.Lower, general.Lower);

    private bool AreCohyponyms(in Word a, in Word b) =>
        a.Tax && b.Tax && (a.Rel is { } ra && b.Rel is { } rb ? Lexicon.AreCohyponyms(ra, rb, 2) : _lexicon.AreCohyponyms(a.Lower, b.Lower, 2));

    private AntonymKind Antonymy(in Word a, in Word b) =>
        !(a.Ant && b.Ant) ? AntonymKind.None
        : a.Rel is { } ra && b.Rel is { } rb ? _lexicon.Antonymy(ra, rb)
        : _lexicon.Antonymy(a.Lower, b.Lower);

    internal readonly record struct NumberMention(double Value, TextSpan Span, int Last);

    /// <summary>Runs of number tokens read as one value: "150 million" = 1.5e8, "two" = 2.</summary>
    private List<NumberMention> Numbers(List<Word> words)
    {
        var list = new List<NumberMention>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!TryNumber(words[i], out var v)) continue;
            var span = words[i].Span;
            while (i + 1 < words.Count && Scales.TryGetValue(words[i + 1].Lower, out var scale))
            {
                v *= scale;
                i++;
                span = span.Union(words[i].Span);
            }
            list.Add(new NumberMention(v, span, i));
        }
        return list;
    }

    /// <summary>
    /// <see cref="TryNumber(string, out double)"/> of the word's lower form, kept per vocabulary word (SCORE15): every word of
    /// every featurized text is tried (a number-word look-up, and a parse for a digit), and the answer depends on the string
    /// alone. A word outside the vocabulary is tried afresh. On false, <paramref name="value"/> is 0 as there.
    /// </summary>
    private bool TryNumber(in Word w, out double value)
    {
        if (w.Vec >= 0 && _known[w.Vec] is { } known)
        {
            var n = known.Number;
            if (n is null)
            {
                n = TryNumber(w.Lower, out var parsed) ? new NumberValue(parsed) : NotANumber;
                known.Number = n;
            }
            if (n is NumberValue number) { value = number.Value; return true; }
            value = 0;
            return false;
        }
        return TryNumber(w.Lower, out value);
    }

    private static bool TryNumber(string w, out double value)
    {
        if (char.IsDigit(w[0]) && double.TryParse(w.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !(value >= 1900 && value <= 2100 && w.Length == 4)) // a year is a date, not a quantity
            return true;
        return NumberWords.TryGetValue(w, out value);
    }

    private static bool IsDate(Word w) =>
        // "may" is left out: as a modal it is far more common than the month.
        DateWords.Contains(w.Lower) && w.Lower != "may"
        || (w.Lower.Length == 4 && int.TryParse(w.Lower, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1900 && y <= 2100);

    /// <summary>
    /// A crude stem so inflections count as the same word ("plays"/"playing"/"played", "went"/"go"):
    /// WordNet's irregular forms first, then common English suffixes, then a final 'e' and a doubled
    /// consonant ("running" -> "run", "making"/"make" -> "mak"). Only ever compared with other stems.
    /// </summary>
    internal string Stem(string w)
    {
        var lemma = _lexicon.Lemma(w);
        if (lemma is not null) w = lemma;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) w = w[..^3] + "y";
        else if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) w = w[..^2];
        else if (w.Length > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))) w = w[..^2];
        else if (w.Length > 3 && w[^1] == 's' && w[^2] != 's' && w[^2] != 'u' && w[^2] != 'i') w = w[..^1];
        if (w.Length > 3 && w[^1] == 'e') w = w[..^1];
        if (w.Length > 3 && w[^1] == w[^2] && !"aeiouls".Contains(w[^1])) w = w[..^1];
        return w;
    }

    // "won't" and "can't" scan as "wo"/"ca" + "n't": the same modal as "will"/"can".
    private static string ModalLemma(string w) => w switch { "wo" => "will", "ca" => "can", _ => w };

    /// <summary>
    /// The bucket of the key made of the parts joined (FNV-1a: stable across runs and platforms, unlike
    /// string.GetHashCode). Hashed part by part, which is the same as hashing the joined string, without building it.
    /// The two key shapes the featurizer uses have a fixed overload each (SCORE14: a params span built an inline array
    /// at every call site through a generic helper that was JIT-compiled once per shape); the same hash as before.
    /// </summary>
    private int Hash(string a, string b) => (int)(Fnv(Fnv(2166136261u, a), b) % (uint)HashBuckets);

    private int Hash(string a, string b, string c, string d) =>
        (int)(Fnv(Fnv(Fnv(Fnv(2166136261u, a), b), c), d) % (uint)HashBuckets);

    private static uint Fnv(uint hash, string part)
    {
        foreach (var c in part)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }

    internal PreparedText Own(PreparedText t) => ReferenceEquals(t.Featurizer, this) ? t : Prepare(t.Text);

    private static float Frac(int n, int d) => d == 0 ? 0f : n / (float)d;

    private static string Quote(IEnumerable<string> items, string none = "none")
    {
        var array = items.ToArray(); // a copy: JoinQuoted quotes in place
        return array.Length == 0 ? none : JoinQuoted(array);
    }

    /// <summary>
    /// What Featurize reads from one text alone (its negations, modals, numbers, dates, subject, voice, slots, ...), made
    /// once per prepared text and kept on it (SCORE14): a claim met in several pairs, each scored both ways, was scanned
    /// for these four times or more. Each field is what the expression it replaced computed from the same flagged words;
    /// the lists are never written after this (Featurize only reads them), so one instance serves every pair and thread.
    /// </summary>
    internal sealed class TextFacts
    {
        internal TextFacts(PairFeaturizer featurizer, List<Word> words, List<Word> content)
        {
            Negations = featurizer.NegationsOf(words);
            Modals = WordsIn(words, PairFeaturizer.Modals);
            Universals = WordsIn(words, Universal);
            Existential = words.Exists(w => PairFeaturizer.Existential.Contains(w.Lower));
            Numbers = featurizer.Numbers(words);
            Dates = PairFeaturizer.Dates(words);
            StemSet = PairFeaturizer.StemSet(content);
            Conditionals = WordsIn(words, PairFeaturizer.Conditionals);
            Subject = PairFeaturizer.Subject(words);
            Will = words.Exists(w => w.Lower is "will" or "wo");
            SubjectV3 = PairFeaturizer.SubjectV3(words);
            Passive = IsPassive(words);
            Slots = featurizer.FeaturizerVersion >= 5 ? PairFeaturizer.Slots(words) : (-1, -1, -1);
        }

        internal List<Word> Negations { get; }
        internal List<Word> Modals { get; }
        internal List<Word> Universals { get; }
        internal bool Existential { get; }
        internal List<NumberMention> Numbers { get; }
        internal List<Word> Dates { get; }
        /// <summary>The distinct content stems (a set: Featurize tests membership and set equality).</summary>
        internal HashSet<string> StemSet { get; }
        internal List<Word> Conditionals { get; }
        /// <summary>The version-2 subject (<see cref="PairFeaturizer.Subject"/>).</summary>
        internal List<Word> Subject { get; }
        internal bool Will { get; }
        internal List<Word> SubjectV3 { get; }
        internal bool Passive { get; }
        /// <summary>The version-5 subject, verb and object word indices (<see cref="PairFeaturizer.Slots"/>); all -1 below version 5.</summary>
        internal (int Subject, int Verb, int Object) Slots { get; }
    }

    /// <summary>The facts of a prepared text (flagged words <paramref name="words"/>, <paramref name="content"/>), made on first use.</summary>
    private TextFacts FactsOf(PreparedText t, List<Word> words, List<Word> content)
    {
        if (t.Facts is { } done) return done;
        var facts = new TextFacts(this, words, content);
        t.Facts = facts;
        return facts;
    }

    // SCORE14: the helpers below replace LINQ over value types and lists of value tuples in Featurize. Generic framework
    // code instantiated over this class's structs (List<(Word, Word, float)>, Select<Word, string>, Distinct and OrderBy
    // of TextSpan, Enumerable.Average over float, ...) is not in the ReadyToRun image, so every process JIT-compiled
    // about 90 such methods during its first featurizations, on the scoring thread. Each helper computes what the
    // expression it replaced computed, in the same order (tests compare them with the LINQ forms).

    // Lists of these instead of value tuples: List<T> over a struct of this assembly is precompiled, over a tuple of them not.
    private readonly record struct AntonymHit(Word P, Word H, AntonymKind Kind);
    private readonly record struct Substitution(Word P, Word H, float Sim);
    private readonly record struct WordPair(Word P, Word H);
    private readonly record struct NumberPair(NumberMention P, NumberMention H);

    /// <summary>
    /// <c>Enumerable.Average</c> of a non-empty float array: the sum in double from +0, in order, divided by the count, as
    /// float (from +0, not from the first value: the runtime's sum does so, and it makes an all "-0" array average +0).
    /// </summary>
    internal static float Mean(float[] values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return (float)(sum / values.Length);
    }

    /// <summary><c>Enumerable.Min</c> of a non-empty float array: NaN if any value is NaN (the first met), else the first smallest.</summary>
    internal static float Smallest(float[] values)
    {
        var value = values[0];
        if (float.IsNaN(value)) return value;
        for (var i = 1; i < values.Length; i++)
        {
            var x = values[i];
            if (x < value) value = x;
            else if (float.IsNaN(x)) return x;
        }
        return value;
    }

    /// <summary>The largest similarity of a non-empty list, as <c>subs.Max(s =&gt; s.Sim)</c> (see <see cref="Largest"/>).</summary>
    private static float LargestSim(List<Substitution> subs)
    {
        var sims = subs.Count <= 64 ? stackalloc float[subs.Count] : new float[subs.Count];
        for (var i = 0; i < sims.Length; i++) sims[i] = subs[i].Sim;
        return Largest(sims);
    }

    /// <summary><c>Enumerable.Max</c> of non-empty floats: NaN only when all are NaN, else the first largest.</summary>
    internal static float Largest(ReadOnlySpan<float> values)
    {
        var value = values[0];
        var i = 1;
        while (float.IsNaN(value))
        {
            if (i >= values.Length) return value;
            value = values[i++];
        }
        for (; i < values.Length; i++)
            if (values[i] > value) value = values[i];
        return value;
    }

    internal static int CountBelow(float[] values, float threshold)
    {
        var n = 0;
        foreach (var v in values) if (v < threshold) n++;
        return n;
    }

    private static bool AnyAtLeast(float[] values, float threshold)
    {
        foreach (var v in values) if (v >= threshold) return true;
        return false;
    }

    private static int CountDirect(List<AntonymHit> antonyms)
    {
        var n = 0;
        foreach (var a in antonyms) if (a.Kind == AntonymKind.Direct) n++;
        return n;
    }

    /// <summary>
    /// Where <paramref name="word"/>, an element of <paramref name="words"/>, first occurs: the first word with its span (no
    /// two words of one text share a span, so that is the first equal element, what List.IndexOf finds by comparing every field).
    /// </summary>
    private static int IndexOfWord(List<Word> words, Word word)
    {
        for (var i = 0; i < words.Count; i++)
            if (words[i].Span == word.Span) return i;
        return -1;
    }

    /// <summary>
    /// Version 6: whether <paramref name="o"/>, of another stem than the negated predicate <paramref name="pred"/>, can be
    /// its partner: when WordNet makes one a synonym or hypernym of the other, or when neither is a general word
    /// (<see cref="GeneralWords"/>), they stand next to a word both texts use ("will not raise property taxes" /
    /// "property taxes will rise") and the predicate is the word of its text closest to o. GloVe puts general words close
    /// to anything ("make"/"come" 0.87, "want"/"make" 0.85, "take"/"mean" 0.64, against "raise"/"rise" 0.63), so version 5
    /// read "cannot continue" vs "plans" or "not want" vs "decision" as one predicate negated.
    /// </summary>
    private bool CanPartner(Word pred, int predAt, List<Word> negText, Word o, List<Word> otherText) =>
        Generalises(pred, o) >= 0 || Generalises(o, pred) >= 0
        || (!_generalStems.Contains(pred.Stem) && !_generalStems.Contains(o.Stem)
            && SharedNeighbour(negText, predAt, otherText, o) && ClosestIn(negText, o, otherText).Span == pred.Span);

    /// <summary>
    /// The content word of <paramref name="words"/> closest to <paramref name="o"/> by vector cosine, among those whose stem
    /// <paramref name="oText"/> (o's own text) lacks: a word both texts contain is aligned to itself, not to o.
    /// </summary>
    private Word ClosestIn(List<Word> words, Word o, List<Word> oText)
    {
        var best = float.NegativeInfinity;
        var closest = default(Word);
        if (o.Vec < 0) return closest;
        foreach (var w in words)
        {
            if (!w.Content || w.Vec < 0 || HasStem(oText, w.Stem)) continue;
            var sim = _vectors.Cosine(w.Vec, o.Vec);
            if (sim > best) { best = sim; closest = w; }
        }
        return closest;
    }

    /// <summary>Content words looked at on each side of a predicate by <see cref="SharedNeighbour"/>.</summary>
    private const int NeighbourWindow = 2;

    /// <summary>
    /// True when one of the <see cref="NeighbourWindow"/> content words before or after <paramref name="words"/>[<paramref name="at"/>]
    /// has the stem of one of the content words around <paramref name="partner"/> in <paramref name="other"/>: the two words
    /// stand in a shared context (the same subject or object).
    /// </summary>
    private static bool SharedNeighbour(List<Word> words, int at, List<Word> other, Word partner)
    {
        var j = IndexOfWord(other, partner);
        if (at < 0 || j < 0) return false;
        // Index windows in stack buffers, not iterators: this runs for every close candidate of a negated predicate.
        Span<int> mine = stackalloc int[2 * NeighbourWindow];
        Span<int> theirs = stackalloc int[2 * NeighbourWindow];
        mine = mine[..NeighbourIndices(words, at, mine)];
        theirs = theirs[..NeighbourIndices(other, j, theirs)];
        foreach (var i in mine)
            foreach (var k in theirs)
                if (words[i].Stem == other[k].Stem) return true;
        return false;
    }

    /// <summary>Fills <paramref name="into"/> with the indices of up to <see cref="NeighbourWindow"/> content words on each side of <paramref name="at"/>; returns how many.</summary>
    private static int NeighbourIndices(List<Word> words, int at, Span<int> into)
    {
        int count = 0;
        for (int i = at - 1, n = 0; i >= 0 && n < NeighbourWindow; i--)
            if (words[i].Content) { n++; into[count++] = i; }
        for (int i = at + 1, n = 0; i < words.Count && n < NeighbourWindow; i++)
            if (words[i].Content) { n++; into[count++] = i; }
        return count;
    }

    /// <summary>The first content word among the <paramref name="count"/> words from index <paramref name="from"/> on, else default (as Skip, Take, FirstOrDefault).</summary>
    private static Word FirstContentWithin(List<Word> words, int from, int count)
    {
        for (var i = Math.Max(from, 0); i < words.Count && i < from + count; i++)
            if (words[i].Content) return words[i];
        return default;
    }

    /// <summary>The two lists' stems are equal in order (as SequenceEqual over the stems).</summary>
    private static bool SameStems(List<Word> a, List<Word> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!string.Equals(a[i].Stem, b[i].Stem)) return false;
        return true;
    }

    private static TextSpan[] Spans(List<Word> words)
    {
        var spans = new TextSpan[words.Count];
        for (var i = 0; i < spans.Length; i++) spans[i] = words[i].Span;
        return spans;
    }

    /// <summary>The spans of the numbers of <paramref name="numbers"/> whose value no number of <paramref name="other"/> has, in order.</summary>
    private static TextSpan[] NumbersNotIn(List<NumberMention> numbers, List<NumberMention> other)
    {
        var spans = new List<TextSpan>(numbers.Count);
        foreach (var n in numbers)
        {
            var found = false;
            foreach (var m in other) if (m.Value == n.Value) { found = true; break; }
            if (!found) spans.Add(n.Span);
        }
        return [.. spans];
    }

    /// <summary>Each item in single quotes (in place), joined by ", " (empty for none): what every Quote overload writes.</summary>
    private static string JoinQuoted(string[] items)
    {
        for (var i = 0; i < items.Length; i++) items[i] = "'" + items[i] + "'";
        return string.Join(", ", items);
    }

    /// <summary>The words' lower forms quoted (<paramref name="none"/> for no words), as Quote over their lower forms.</summary>
    private static string Quote(List<Word> words, string none = "none") => words.Count == 0 ? none : JoinQuoted(words);

    private static string JoinQuoted(List<Word> words)
    {
        var items = new string[words.Count];
        for (var i = 0; i < items.Length; i++) items[i] = words[i].Lower;
        return JoinQuoted(items);
    }

    /// <summary>The spans' text in <paramref name="text"/> quoted, as Quote over <c>Span.Of(text)</c>.</summary>
    private static string Quote(TextSpan[] spans, string text)
    {
        if (spans.Length == 0) return "none";
        var items = new string[spans.Length];
        for (var i = 0; i < items.Length; i++) items[i] = spans[i].Of(text);
        return JoinQuoted(items);
    }
}

