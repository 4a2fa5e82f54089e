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
    /// The claim extractor of a models folder: rules plus the learned attribution tagger (hybrid) when
    /// models/attribution is there, since it wins on PolNeAR dev (content F1 0.644 vs 0.591, source and cue
    /// accuracy 0.92 and 0.94); the rules alone when it is absent. A present but broken model throws
    /// <see cref="ModelFormatException"/> rather than silently falling back.
    /// </summary>
    public static IClaimExtractor DefaultExtractor(string modelsDirectory)
    {
        var dir = AttributionModel.DefaultDirectory(modelsDirectory);
        if (!Directory.Exists(dir)) return new ClaimExtractor();
        return new HybridClaimExtractor(new ClaimExtractor(), new LearnedClaimExtractor(AttributionModel.Load(dir).Tagger));
    }

    private sealed class SpeakerIndexResolver(SpeakerIndex index) : ISpeakerResolver
    {
        public Speaker? Resolve(SpeakerMention mention) => index.Resolve(mention);
    }

    private sealed class SelectorAdapter(CandidateSelector selector) : ICandidateSelector
    {
        public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool) =>
            selector.Select(query, pool);
    }

    private sealed class PairScorerAdapter(PairScorer scorer) : IPairScorer
    {
        public string ModelVersion => scorer.Scorer.ModelVersion;
        public ScoredPair Score(Claim a, Claim b, float similarity) => scorer.Score(a, b, similarity);
    }
}
