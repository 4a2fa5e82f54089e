using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Pipeline;

/// <summary>Resolves an in-article speaker mention to a cross-article speaker (see <see cref="SpeakerIndex"/>).</summary>
public interface ISpeakerResolver
{
    /// <summary>The speaker in its latest form (aliases/roles of this mention merged in), or null when unresolved.</summary>
    Speaker? Resolve(SpeakerMention mention);

    /// <summary>
    /// True when this resolver made the speaker <paramref name="speakerId"/> up in this run, under an id no stored speaker
    /// had: the store then held no claim of it when it was made, so the pipeline starts its pool empty instead of asking
    /// the store (GROWTH8). False when not known (the default): the store is asked, which is always right.
    /// </summary>
    bool IsNew(string speakerId) => false;
}

/// <summary>Picks, from a speaker's stored claim vectors, the ones worth scoring against a new claim (see <see cref="CandidateSelector"/>).</summary>
public interface ICandidateSelector
{
    /// <summary>Indices into <paramref name="pool"/>, best first.</summary>
    IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool);
}

/// <summary>Scores one same-speaker pair (see <see cref="Pairing.PairScorer"/>).</summary>
public interface IPairScorer
{
    string ModelVersion { get; }

    /// <summary><paramref name="a"/> is the older claim.</summary>
    ScoredPair Score(Claim a, Claim b, float similarity);

    /// <summary>
    /// Builds what the scorer would otherwise build on its first pairs (tables made on first use); scores are the same
    /// either way. A run with worker threads calls it on its own thread while that thread waits for the first prepared
    /// article: otherwise the first two scoring tasks both need the table, one builds it and the other's core idles.
    /// </summary>
    void Warm() { }
}

/// <summary>
/// The stages the pipeline runs, each behind a small seam so tests can swap one for a double and
/// the CLI can wire the real ones with <see cref="Create"/>.
/// </summary>
/// <param name="SpeakerResolverFactory">Builds the resolver from every speaker already stored; called once per run.</param>
public sealed record PipelineStages(
    TextAnalyzer Analyzer,
    IClaimExtractor Extractor,
    Func<IEnumerable<Speaker>, ISpeakerResolver> SpeakerResolverFactory,
    IClaimEmbedder Embedder,
    ICandidateSelector Candidates,
    IPairScorer PairScorer)
{
    /// <summary>The real stages: default tokenizer and splitter, <paramref name="extractor"/> (the rule extractor when null), speaker index, similarity selector, pair scorer.</summary>
    public static PipelineStages Create(IClaimEmbedder embedder, IContradictionScorer scorer, PairingOptions? pairing = null, IClaimExtractor? extractor = null) =>
        new(new TextAnalyzer(),
            extractor ?? new ClaimExtractor(),
            known => new SpeakerIndexResolver(new SpeakerIndex(known)),
            embedder,
            new SelectorAdapter(new CandidateSelector(pairing ?? new PairingOptions())),
            new PairScorerAdapter(new PairScorer(scorer)));

    /// <summary>
    /// The claim extractor of a models folder: rules plus the learned attribution tagger's statements
    /// (hybrid, speech cues only) when models/attribution is there; the rules alone when it is absent.
    /// On PolNeAR dev: rules F1 0.591 (P 0.791), hybrid-speech 0.608 (P 0.783, source 0.963), full hybrid
    /// 0.644 but P 0.671 — its extra claims are mostly attitudes and actions ("endorsed",
    /// "seems"), noise for a fact-checker, so the pipeline takes the speech-only mode. A present but broken model throws
    /// <see cref="ModelFormatException"/> rather than silently falling back.
    /// </summary>
    public static IClaimExtractor DefaultExtractor(string modelsDirectory)
    {
        var dir = AttributionModel.DefaultDirectory(modelsDirectory);
        var rules = new ClaimExtractor(names: PersonNames.Load(modelsDirectory));
        if (!Directory.Exists(dir)) return rules;
        return new HybridClaimExtractor(rules, new LearnedClaimExtractor(AttributionModel.Load(dir).Tagger), speechOnly: true);
    }

    private sealed class SpeakerIndexResolver(SpeakerIndex index) : ISpeakerResolver
    {
        public Speaker? Resolve(SpeakerMention mention) => index.Resolve(mention);
        public bool IsNew(string speakerId) => index.IsNew(speakerId);
    }

    private sealed class SelectorAdapter(CandidateSelector selector) : ICandidateSelector
    {
        public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool) =>
            // The pipeline's pools are one matrix each: scan it directly (same hits, same order).
            pool is IContiguousRows rows ? selector.Select(query, rows.Matrix, rows.Count) : selector.Select(query, pool);
    }

    /// <summary>
    /// These stages with the pair scorer's text and pair caches empty (models shared): the benchmarks take one per
    /// timed run, so no run is served by an earlier run's cached scores.
    /// </summary>
    public PipelineStages WithColdCaches() =>
        PairScorer is PairScorerAdapter a ? this with { PairScorer = new PairScorerAdapter(a.Scorer.WithColdCaches()) } : this;

    private sealed class PairScorerAdapter(PairScorer scorer) : IPairScorer
    {
        public PairScorer Scorer => scorer;
        public string ModelVersion => scorer.Scorer.ModelVersion;
        public ScoredPair Score(Claim a, Claim b, float similarity) => scorer.Score(a, b, similarity);
        public void Warm() => scorer.Warm();
    }
}
