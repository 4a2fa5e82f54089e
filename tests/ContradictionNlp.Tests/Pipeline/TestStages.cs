using System.Text.RegularExpressions;
using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// Small, fully predictable doubles for the stages still being built elsewhere, so the store,
/// pipeline and CLI can be tested on their own. Each rule is simple enough to work out by hand.
/// </summary>
public static class TestStages
{
    public static PipelineStages Create(int? selectorCap = null, Func<Claim, Claim, bool>? failOn = null) =>
        new(new TextAnalyzer(),
            new SaidExtractor(),
            known => new NameResolver(known),
            new WordHashEmbedder(),
            new CosineSelector(selectorCap),
            new NegationScorer(failOn));

    public static Article Article(string text, string? date = null, string origin = "test.txt", string title = "t") =>
        ContradictionNlp.Ingestion.Article.Create(title, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            "Test Gazette", null, text, origin);
}

/// <summary>
/// Finds sentences "NAME said CONTENT." or "NAME denied that CONTENT." (NAME = the words before the cue), and "NAME defended
/// CONTENT." as an attitude claim; the claim takes the article date.
/// </summary>
public sealed partial class SaidExtractor : IClaimExtractor
{
    [GeneratedRegex(@"(?<name>[A-Z][\w ]*?) (?<cue>said|denied that|defended) (?<content>[^.]+)\.")]
    private static partial Regex Said();

    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
    {
        var claims = new List<Claim>();
        foreach (Match m in Said().Matches(article.Text))
        {
            var name = m.Groups["name"];
            var cue = m.Groups["cue"];
            var content = m.Groups["content"];
            var contentSpan = new TextSpan(content.Index, content.Index + content.Length);
            claims.Add(new Claim(
                Claim.MakeId(article.Id, contentSpan), article.Id, text.SentenceAt(m.Index),
                new TextSpan(m.Index, m.Index + m.Length),
                new SpeakerMention(new TextSpan(name.Index, name.Index + name.Length), name.Value, MentionKind.Name, name.Value, ["Mayor"]),
                new TextSpan(cue.Index, cue.Index + cue.Length), cue.Value,
                contentSpan, content.Value, ClaimKind.ReportedSpeech, article.Date,
                CueClass: cue.Value == "defended" ? CueClass.Attitude : CueClass.Speech));
        }
        return claims;
    }
}

/// <summary>Same name (case-insensitive) = same speaker; id "spk-" + lower-case name with dashes.</summary>
public sealed class NameResolver(IEnumerable<Speaker> known) : ISpeakerResolver
{
    private readonly Dictionary<string, Speaker> _byId = known.ToDictionary(s => s.Id);
    public int LoadedCount { get; } = known.Count();

    public Speaker? Resolve(SpeakerMention mention)
    {
        if (!mention.IsResolved) return null;
        var id = "spk-" + mention.Name.ToLowerInvariant().Replace(' ', '-');
        if (_byId.TryGetValue(id, out var s)) return s;
        _created.Add(id);
        return _byId[id] = new Speaker(id, mention.Name, [mention.Text], mention.Roles);
    }

    private readonly HashSet<string> _created = [];

    /// <summary>Made up in this run: not among the known speakers (as <see cref="SpeakerIndex.IsNew"/>).</summary>
    public bool IsNew(string speakerId) => _created.Contains(speakerId);
}

/// <summary>Bag of lower-case words hashed (FNV-1a, stable across runs) into 16 buckets, L2-normalised.</summary>
public sealed class WordHashEmbedder : IClaimEmbedder
{
    public string ModelId => "test-wordhash-16";
    public int Dimension => 16;

    public void Embed(string text, Span<float> output)
    {
        output.Clear();
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            uint h = 2166136261;
            foreach (char c in word) h = (h ^ c) * 16777619;
            output[(int)(h % 16)] += 1;
        }
        float norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(output));
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(output, norm, output);
    }
}

/// <summary>Every pool entry, by cosine descending (ties: lower index), optionally capped. Records the pool sizes it saw.</summary>
public sealed class CosineSelector(int? cap) : ICandidateSelector
{
    public List<int> PoolSizes { get; } = new();

    public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool)
    {
        PoolSizes.Add(pool.Count);
        var q = query.ToArray();
        var all = pool.Select((v, i) => (Index: i, Similarity: System.Numerics.Tensors.TensorPrimitives.Dot(q, v.Span)))
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Index);
        return (cap is { } c ? all.Take(c) : all).ToList();
    }
}

/// <summary>Contradiction 0.9 when exactly one side contains the word "not", else 0.1.</summary>
public sealed class NegationScorer(Func<Claim, Claim, bool>? failOn) : IPairScorer
{
    public string ModelVersion => "test-negation-1";

    public ScoredPair Score(Claim a, Claim b, float similarity)
    {
        if (failOn?.Invoke(a, b) == true) throw new InvalidOperationException("scorer failed on purpose");
        bool negA = HasNot(a.ContentText), negB = HasNot(b.ContentText);
        var score = negA != negB
            ? new ContradictionScore(0.9, 0.05, 0.05, [new Reason("negation", "'not' on one side only", [new TextSpan(0, 3)], [])])
            : new ContradictionScore(0.1, 0.6, 0.3, []);
        int? days = a.Date is { } da && b.Date is { } db ? db.DayNumber - da.DayNumber : null;
        var order = days switch { null => TemporalOrder.Unknown, 0 => TemporalOrder.SameDay, > 0 => TemporalOrder.AFirst, _ => TemporalOrder.BFirst };
        return new ScoredPair(a, b, similarity, score, new TemporalRelation(a.Date, b.Date, order, days is null ? null : Math.Abs(days.Value)));
    }

    private static bool HasNot(string text) => text.Split(' ').Contains("not");
}
