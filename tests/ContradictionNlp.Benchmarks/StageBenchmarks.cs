using BenchmarkDotNet.Attributes;
using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Benchmarks;

/// <summary>
/// The hot paths, each over the same fixed slice (see <see cref="BenchInputs"/>); one benchmark call
/// processes the whole slice, so words/s = slice words / mean time (the slice's word count is printed at setup).
/// Stages get their inputs precomputed so each benchmark times one stage only.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private IReadOnlyList<Article> _articles = [];
    private TokenizedText[] _texts = [];
    private TextAnalyzer _analyzer = new();
    private ClaimExtractor _extractor = new();
    private IClaimExtractor _pipelineExtractor = null!;
    private AttributionTagger? _attribution;
    private PosTagger _tagger = null!;
    private NerTagger _ner = null!;
    private UPos[][] _tags = [];
    private SifEmbedder _embedder = null!;
    private string[] _contents = [];
    private float[] _vector = [];
    private NliScorer _nli = null!;
    private PairScorer _pairScorer = null!;
    private (Claim A, Claim B)[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchInputs.Articles();
        _texts = _articles.Select(a => _analyzer.Analyze(a.Text)).ToArray();
        var claims = BenchInputs.Claims(_articles, _texts);
        _contents = claims.Select(c => c.ContentText).ToArray();
        var models = BenchInputs.ModelsDirectory();
        var taggerModel = TaggerModel.Load(TaggerModel.DefaultDirectory(models));
        _tagger = taggerModel.Tagger;
        _ner = NerModel.Load(NerModel.DefaultDirectory(models), taggerModel).Recognizer;
        _tags = _texts.Select(t => _tagger.Tag(t)).ToArray();
        // The pipeline's extractor (hybrid-speech when models/attribution is there) and its learned tagger alone.
        _pipelineExtractor = Pipeline.PipelineStages.DefaultExtractor(models);
        var attributionDir = Path.Combine(models, "attribution");
        _attribution = Directory.Exists(attributionDir) ? AttributionModel.Load(attributionDir).Tagger : null;
        var catalog = ModelCatalog.Open(models);
        _embedder = catalog.LoadSifEmbedder();
        _vector = new float[_embedder.Dimension];
        _nli = catalog.LoadScorer(catalog.CurrentScorerDirectory());
        _pairScorer = new PairScorer(_nli);
        _pairs = Pairs(claims);
        Console.WriteLine($"// inputs: {BenchInputs.Source}; {BenchInputs.CountWords(_texts)} words, {claims.Count} claims, {_pairs.Length} pairs");
    }

    /// <summary>Same-speaker pairs (by mention name) as the pipeline would score them; if the slice has few, neighbouring claims fill up to 200.</summary>
    private static (Claim, Claim)[] Pairs(IReadOnlyList<Claim> claims)
    {
        var pairs = new List<(Claim, Claim)>();
        foreach (var group in claims.Where(c => c.Speaker.IsResolved).GroupBy(c => c.Speaker.Name, StringComparer.Ordinal))
        {
            var list = group.ToList();
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count; j++)
                    pairs.Add((list[i], list[j]));
        }
        for (int i = 0; pairs.Count < 200 && i + 1 < claims.Count; i++) pairs.Add((claims[i], claims[i + 1]));
        return pairs.Take(2000).ToArray();
    }

    [Benchmark(Description = "tokenize+split (TextAnalyzer)")]
    public int TokenizeSplit()
    {
        int n = 0;
        foreach (var a in _articles) n += _analyzer.Analyze(a.Text).Tokens.Count;
        return n;
    }

    [Benchmark(Description = "POS tagger")]
    public int PosTag()
    {
        int n = 0;
        foreach (var t in _texts) n += _tagger.Tag(t).Length;
        return n;
    }

    /// <summary>Round 39: the recogniser the speaker resolver asks about "he"/"she" names (its weight rows, like the tagger's, are CompactWeights).</summary>
    [Benchmark(Description = "named-entity recogniser (Viterbi over BIO labels, POS tags given)")]
    public int Recognize()
    {
        int n = 0;
        for (int i = 0; i < _texts.Length; i++) n += _ner.Recognize(_texts[i], _tags[i]).Count;
        return n;
    }

    [Benchmark(Description = "claim extraction")]
    public int ExtractClaims()
    {
        int n = 0;
        for (int i = 0; i < _texts.Length; i++) n += _extractor.Extract(_articles[i], _texts[i], new DiagnosticBag()).Count;
        return n;
    }

    [Benchmark(Description = "claim extraction (pipeline default: hybrid-speech)")]
    public int ExtractClaimsPipeline()
    {
        int n = 0;
        for (int i = 0; i < _texts.Length; i++) n += _pipelineExtractor.Extract(_articles[i], _texts[i], new DiagnosticBag()).Count;
        return n;
    }

    [Benchmark(Description = "attribution tagger (Viterbi labels)")]
    public int TagAttribution()
    {
        if (_attribution is null) return 0;
        int n = 0;
        foreach (var t in _texts) n += _attribution.Label(t).Length;
        return n;
    }

    [Benchmark(Description = "embedding (SifEmbedder)")]
    public float Embed()
    {
        float sum = 0;
        foreach (var c in _contents)
        {
            _embedder.Embed(c, _vector);
            sum += _vector[0];
        }
        return sum;
    }

    // A fresh PairScorer per invocation: its text and pair caches start cold, so what is measured is reuse
    // within the slice's pairs (each claim is in many), not the previous invocation's results.
    [Benchmark(Description = "pair scoring (PairScorer, topic gate, caches cold per slice)")]
    public double ScorePairsGated()
    {
        var scorer = new PairScorer(_nli, _pairScorer.Gate);
        double sum = 0;
        foreach (var (a, b) in _pairs) sum += scorer.Score(a, b, 0.5f).Score.Probability;
        return sum;
    }

    [Benchmark(Description = "pair scoring (PairScorer, topic gate, no caches: every text analysed per pair)")]
    public double ScorePairsGatedUncached()
    {
        var scorer = new PairScorer(_nli, _pairScorer.Gate, cacheCapacity: 0);
        double sum = 0;
        foreach (var (a, b) in _pairs) sum += scorer.Score(a, b, 0.5f).Score.Probability;
        return sum;
    }

    [Benchmark(Description = "NliScorer alone (one direction)")]
    public double ScorePairsNli()
    {
        double sum = 0;
        foreach (var (a, b) in _pairs) sum += _nli.Score(a.ContentText, b.ContentText).Probability;
        return sum;
    }
}
