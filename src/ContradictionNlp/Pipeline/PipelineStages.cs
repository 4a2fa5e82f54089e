using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;
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

/// <summary>What <see cref="PipelineStages.Warm"/> reached (a test checks that it reaches the model).</summary>
/// <param name="ModelPairs">Pairs the pair scorer's topic gate let through to the model (the others are scored "unrelated").</param>
public sealed record StagesWarmUp(int Claims, int Pairs, int ModelPairs);

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
    /// The stages of a models folder as <c>cnlp analyze</c> runs them: its embedder and current scorer (<see cref="ModelCatalog"/>)
    /// and <see cref="DefaultExtractor"/>. Throws when the models cannot be loaded.
    /// </summary>
    public static PipelineStages FromModels(string modelsDirectory)
    {
        var catalog = ModelCatalog.Open(modelsDirectory);
        return Create(catalog.LoadEmbedder(), catalog.LoadScorer(), extractor: DefaultExtractor(modelsDirectory));
    }

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

    /// <summary>
    /// Runs every stage once over a short article of our own (<see cref="WarmUpText"/>), store aside, and throws the
    /// results away: the methods the ReadyToRun image lacks are compiled and the tables built on first use are built now,
    /// not in the first articles of a run. Results never depend on it; it only moves when that work is done.
    /// </summary>
    /// <remarks>
    /// Why (round 34): in a fresh process the BBC run compiled ~150 methods (67-77 ms of JIT, <c>JitInfo</c>): the hot
    /// loops marked for full optimisation, the 512-bit vector paths of System.Numerics.Tensors, generic collections over
    /// our structs. It all fell inside the run and mostly on one thread at a time (a thread that calls a method another
    /// is compiling waits for it), so it cost the 2-thread run as much wall time as the 1-thread one. <c>cnlp analyze</c>
    /// and <c>cnlp bench</c> start this (<see cref="StartWarmUp"/>) when the models are loaded and read their input
    /// meanwhile, so on 2 cores it overlaps the read; they wait for it before the run. With it, the BBC run compiles 84-90
    /// methods (21-30 ms; those of the store and the pipeline's own lists remain). Call it on stages whose pair scorer
    /// caches do not matter (<see cref="WithColdCaches"/>): it scores a few pairs of the warm-up article.
    /// </remarks>
    /// <returns>What the warm-up reached: claims extracted, pairs scored, and of those the ones the scorer's topic gate let through to the model.</returns>
    public StagesWarmUp Warm()
    {
        var article = Article.Create("Warm-up", new DateOnly(2020, 3, 2), null, null, WarmUpText, "(warm-up)");
        var text = Analyzer.Analyze(article.Text);
        var claims = Extractor.Extract(article, text, new DiagnosticBag());
        var resolver = SpeakerResolverFactory([]);
        var vectors = new float[claims.Count][];
        for (int i = 0; i < claims.Count; i++)
        {
            vectors[i] = new float[Embedder.Dimension];
            Embedder.Embed(claims[i].ContentText, vectors[i]);
            resolver.Resolve(claims[i].Speaker);
        }
        int pairs = 0, modelPairs = 0;
        if (claims.Count >= 2)
        {
            var pool = vectors.Select(v => (ReadOnlyMemory<float>)v).ToList();
            Candidates.Select(vectors[^1], pool);
            // Every later claim against the first: the topic gate lets only related pairs through to the model.
            for (int i = 1; i < claims.Count; i++)
            {
                var scored = PairScorer.Score(claims[0], claims[i], 0.5f);
                pairs++;
                if (!scored.Score.Reasons.Any(r => r.Kind == Pairing.PairScorer.UnrelatedKind)) modelPairs++;
            }
        }
        PairScorer.Warm();
        return new StagesWarmUp(claims.Count, pairs, modelPairs);
    }

    /// <summary>
    /// <see cref="Warm"/> on the thread pool, for a caller that has other work meanwhile (reading its input); wait for the
    /// task before running the pipeline. A failure of the warm-up is the task's, as it would be the run's.
    /// </summary>
    public Task<StagesWarmUp> StartWarmUp() => Task.Run(Warm);

    /// <summary>
    /// The warm-up article (<see cref="Warm"/>): invented, written for this purpose, with what the stages' hot paths
    /// meet in news: a titled speaker, a quotation with a pronoun speaker, "according to", numbers, a date, a negation,
    /// and one speaker saying two things, so a pair is selected and scored.
    /// </summary>
    internal const string WarmUpText =
        "Finance Minister Anna Kovac said on Monday that consumer prices would rise by 5% next year.\n\n" +
        "\u201cWe will not raise taxes before the election,\u201d she told reporters in the capital.\n\n" +
        "According to the ministry, exports fell by $3 million in March, the first drop since 2018.\n\n" +
        "Kovac said later that consumer prices would not rise next year.\n\n" +
        "Opposition leader Marek Dunin accused her of hiding the deficit.";

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
