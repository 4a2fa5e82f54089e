using System.Runtime.CompilerServices;

namespace ContradictionNlp.Scoring;

/// <summary>
/// One text analysed once by a <see cref="PairFeaturizer"/> (<see cref="PairFeaturizer.Prepare"/>): its words with
/// lower forms, stems, vector indices and content flags, its sentence embedding (computed when first needed) and its sorted content stems
/// (what the topic gate compares). Scoring a pair from two of these gives exactly what scoring the two strings
/// gives; it only skips re-analysing a text that takes part in many pairs. Immutable once built (the lists
/// are not exposed outside the library and nothing writes to them) apart from <see cref="Flagged"/>, a cache filled on
/// first featurizing with the same value whichever thread fills it, so one instance may serve many threads.
/// </summary>
public sealed class PreparedText
{
    internal PreparedText(PairFeaturizer featurizer, string text, List<PairFeaturizer.Word> words, List<PairFeaturizer.Word> content)
    {
        Featurizer = featurizer;
        Text = text;
        Words = words;
        Content = content;
    }

    /// <summary>The featurizer that prepared it; another featurizer prepares the text again rather than trust it.</summary>
    public PairFeaturizer Featurizer { get; }
    public string Text { get; }
    internal List<PairFeaturizer.Word> Words { get; }
    internal List<PairFeaturizer.Word> Content { get; }
    /// <summary>
    /// The sentence embedding, computed on first use: only texts that pass the topic gate with some other text are
    /// featurized, and most prepared claims only ever meet the gate. Deterministic, so threads that race compute equal
    /// arrays and either may be kept (a reference write is atomic); nothing writes to the array after publishing.
    /// </summary>
    internal float[] Embedding => _embedding ?? (_embedding = Featurizer.EmbedPrepared(Words));

    private volatile float[]? _embedding;

    /// <summary>Sorted (ordinal) distinct stems of the content words; a copy, so callers cannot change this instance.</summary>
    public string[] ContentStems => (string[])ContentStemsShared.Clone();
    /// <summary>
    /// The same stems without a copy, for the gate's merge walk inside the library. Made on first read (SCORE15: the
    /// pipeline's gate reads ids made from the content words, so most texts never need them); deterministic, so threads
    /// that race make equal arrays and either may be kept (one reference write), and nothing writes to it after.
    /// </summary>
    internal string[] ContentStemsShared => _contentStems ?? (_contentStems = PairFeaturizer.SortedContentStems(Content));

    private volatile string[]? _contentStems;
    public int WordCount => Words.Count;

    /// <summary>
    /// The text's clauses (<see cref="Pairing.ClauseCore.Clauses"/>) with the sorted distinct content stems of each, made
    /// the first time a gate-passed pair reads them (<see cref="Pairing.ClauseCore.Of"/>): a claim in 50 pairs is split
    /// once. One clause gets no stems (nothing to leave out). Deterministic, published by one reference write.
    /// </summary>
    internal IReadOnlyList<(Text.TextSpan Clause, string[] Stems)>? Clauses
    {
        get => _clauses;
        set => _clauses = value;
    }

    private volatile IReadOnlyList<(Text.TextSpan Clause, string[] Stems)>? _clauses;

    /// <summary>
    /// <see cref="Words"/> and <see cref="Content"/> with their lexicon flags, filled by the featurizer the first time
    /// this text is featurized (see PairFeaturizer.WithLexicalFlags). Published as one boxed reference (an atomic write),
    /// and any value written is equal to any other, so threads that race need no lock.
    /// </summary>
    internal (List<PairFeaturizer.Word> Words, List<PairFeaturizer.Word> Content)? Flagged
    {
        get => _flagged?.Value;
        set => _flagged = value is { } v ? new StrongBox<(List<PairFeaturizer.Word>, List<PairFeaturizer.Word>)>(v) : null;
    }

    private volatile StrongBox<(List<PairFeaturizer.Word>, List<PairFeaturizer.Word>)>? _flagged;

    /// <summary>
    /// The text's projections under an attention-mix scorer's <see cref="AttentionModel"/> (see
    /// <see cref="NliScorer"/>), computed on first use: a claim scored against 50 others is projected once. Deterministic
    /// per model, published by one reference write, so racing threads need no lock; a projection of another model is
    /// replaced, never used.
    /// </summary>
    internal AttentionProjection? Attention
    {
        get => _attention;
        set => _attention = value;
    }

    private volatile AttentionProjection? _attention;

    /// <summary>
    /// What the featurizer reads from this text alone (see PairFeaturizer.TextFacts), made the first time it is featurized
    /// with the flagged words; deterministic and read-only once published by one reference write, so racing threads need no lock.
    /// </summary>
    internal PairFeaturizer.TextFacts? Facts
    {
        get => _facts;
        set => _facts = value;
    }

    private volatile PairFeaturizer.TextFacts? _facts;

    /// <summary>
    /// The content stems as the topic gate's integer ids, sorted (see Pairing.TopicGate), set on the first gate check; equal
    /// whichever thread makes them (ids are process-wide), published by one reference write.
    /// </summary>
    internal int[]? GateStemIds
    {
        get => _gateStemIds;
        set => _gateStemIds = value;
    }

    private volatile int[]? _gateStemIds;
}
