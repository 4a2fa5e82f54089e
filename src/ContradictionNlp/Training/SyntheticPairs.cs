using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContradictionNlp.Claims;
using ContradictionNlp.Embedding;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Training;

/// <summary>Options for <see cref="SyntheticPairs.Generate"/>.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Seeds every random choice: same articles and seed give the same rows, in the same order.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Claims shorter than this (in words) are skipped: too little to edit or compare.</summary>
    public int MinWords { get; init; } = 5;
    /// <summary>Claims longer than this are skipped: long quotes mix several statements.</summary>
    public int MaxWords { get; init; } = 40;
    /// <summary>Unrelated (neutral) pairs made per claim: same-speaker pairs are mostly about different things.</summary>
    public int UnrelatedPerClaim { get; init; } = 2;
    /// <summary>Share of claims used: keeps the synthetic rows from outweighing the human-labelled NLI data.</summary>
    public double ClaimFraction { get; init; } = 0.5;
    /// <summary>
    /// Round 29: neutral pairs of two different claims by one speaker in one article that pass <see cref="Related"/>, made per
    /// claim (0: none, the rows of scorers up to v5). They are what the pipeline scores on news and almost never contradict.
    /// </summary>
    public int SameSpeakerPerClaim { get; init; }
    /// <summary>The topic test a same-speaker pair must pass (the pipeline's <see cref="Pairing.TopicGate"/>); needed when <see cref="SameSpeakerPerClaim"/> is above 0.</summary>
    public Func<string, string, bool>? Related { get; init; }
    /// <summary>The claim extractor's rule set (<see cref="ClaimExtractor.Rules"/>) that finds the claims.</summary>
    public int Rules { get; init; } = ClaimExtractor.LatestRules;
}

/// <summary>
/// What makes a synthetic set (see <see cref="SyntheticPairs.OriginOf"/>): its article folder, seed, same-speaker rows per
/// claim, and the claim extractor's rule set (<see cref="ClaimExtractor.Rules"/>).
/// </summary>
public sealed record SyntheticOrigin(string Folder, int Seed, int SameSpeakerPerClaim = 0, int Rules = ClaimExtractor.LatestRules);

/// <summary>
/// In-domain synthetic NLI pairs made from real news claims (the FactCC recipe, Kryscinski et al. 2020):
/// claims come from our own extraction (<see cref="TextAnalyzer"/> + <see cref="ClaimExtractor"/>), then
/// <list type="bullet">
/// <item>contradiction: negation inserted after the first auxiliary or removed, a word swapped for its
/// direct WordNet antonym, or a count changed ("120 jobs" -> "360 jobs"); both directions;</item>
/// <item>entailment: the claim and itself with a trailing phrase dropped (less information, still true);</item>
/// <item>neutral: the claim and an unrelated claim from another article, or from the same article;</item>
/// <item>neutral, when asked (round 29, <see cref="SyntheticOptions.SameSpeakerPerClaim"/>): two claims one speaker made in
/// one article on one topic.</item>
/// </list>
/// Deterministic: articles in path order, a seeded <see cref="Random"/>. Every row's <see cref="LabeledPair.Source"/>
/// starts with "synthetic-" and names the edit, so the manifest and error analysis can tell them apart.
/// Row ids are "syn:&lt;article file&gt;#n": the fixed held-out split (<see cref="DataSpec.IsHeldOut"/>) then keeps
/// all rows of one article on one side.
/// </summary>
public static class SyntheticPairs
{
    // The pipeline's default options: which claims it pairs (PipelineOptions.Pairs).
    private static readonly Pipeline.PipelineOptions PipelineDefaults = new();

    private static readonly string[] Auxiliaries =
        ["will", "would", "can", "could", "should", "must", "may", "might", "is", "are", "was", "were", "has", "have", "had", "does", "did", "do"];
    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal) { "not", "never", "n't", "no" };
    private static readonly HashSet<string> TrailingStarts = new(StringComparer.Ordinal)
    { "in", "on", "at", "for", "by", "after", "before", "with", "during", "from", "as", "because", "when", "while", "and", "but", "to", "so", "which" };

    /// <summary>
    /// Origin names look like <c>synthetic:FOLDER seed=N</c>, then <c> same-speaker=K</c> when such rows were made and
    /// <c> rules=R</c> for the claim extractor's rule set when it is not <see cref="ClaimExtractor.OldestRules"/> (the one
    /// origins without it were made with): the manifest records them so a retrain can rebuild the same rows.
    /// </summary>
    public const string OriginPrefix = "synthetic:";

    private const string SameSpeakerTag = " same-speaker=";
    private const string RulesTag = " rules=";

    public static string OriginOf(SyntheticOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var text = $"{OriginPrefix}{origin.Folder} seed={origin.Seed.ToString(CultureInfo.InvariantCulture)}";
        if (origin.SameSpeakerPerClaim > 0) text += SameSpeakerTag + origin.SameSpeakerPerClaim.ToString(CultureInfo.InvariantCulture);
        if (origin.Rules != ClaimExtractor.OldestRules) text += RulesTag + origin.Rules.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>
    /// Reads the articles under the origin's folder and makes its seeded synthetic set (named by <see cref="OriginOf"/>).
    /// Same-speaker rows are gated by the pipeline's topic gate over the catalog's embedder and lexicon.
    /// </summary>
    public static SyntheticSet FromFolder(SyntheticOrigin origin, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(catalog);
        var articles = new ArticleLoader().Load([origin.Folder], new DiagnosticBag()).ToList();
        var lexicon = catalog.LoadLexicon();
        Func<string, string, bool>? related = null;
        if (origin.SameSpeakerPerClaim > 0)
        {
            var gate = new Pairing.TopicGate(new PairFeaturizer(catalog.LoadSifEmbedder(), lexicon, ScorerTraining.DefaultHashBuckets),
                Pairing.PairScorer.DefaultMinShared, Pairing.PairScorer.DefaultMinSharedFraction);
            related = gate.Related;
        }
        return new SyntheticSet(OriginOf(origin), Generate(articles, lexicon, new SyntheticOptions
        {
            Seed = origin.Seed, SameSpeakerPerClaim = origin.SameSpeakerPerClaim, Related = related, Rules = origin.Rules,
        }));
    }

    /// <summary>The origin written by <see cref="OriginOf"/>; null for any other text.</summary>
    public static SyntheticOrigin? ParseOrigin(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!origin.StartsWith(OriginPrefix, StringComparison.Ordinal)) return null;
        var body = origin[OriginPrefix.Length..];
        // Optional tags after the seed, each at most once, in the order OriginOf writes them.
        if (!TakeTag(ref body, RulesTag, ClaimExtractor.OldestRules, out var rules) || rules is < ClaimExtractor.OldestRules or > ClaimExtractor.LatestRules) return null;
        if (!TakeTag(ref body, SameSpeakerTag, 0, out var sameSpeaker)) return null;
        var at = body.LastIndexOf(" seed=", StringComparison.Ordinal);
        if (at < 0 || !int.TryParse(body[(at + 6)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)) return null;
        return new SyntheticOrigin(body[..at], seed, sameSpeaker, rules);
    }

    /// <summary>
    /// Takes " TAG=N" off the end of <paramref name="body"/> when there; false when it is there but N is not a whole number of
    /// at least 1. Without the tag the value is <paramref name="absent"/>.
    /// </summary>
    private static bool TakeTag(ref string body, string tag, int absent, out int value)
    {
        value = absent;
        var at = body.LastIndexOf(tag, StringComparison.Ordinal);
        if (at < 0) return true;
        if (!int.TryParse(body[(at + tag.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1) return false;
        body = body[..at];
        return true;
    }

    public static List<LabeledPair> Generate(IEnumerable<Article> articles, Lexicon lexicon, SyntheticOptions options)
    {
        var analyzer = new TextAnalyzer();
        var extractor = new ClaimExtractor(options.Rules);
        var bag = new DiagnosticBag();
        if (options.SameSpeakerPerClaim > 0 && options.Related is null)
            throw new ArgumentException("SameSpeakerPerClaim needs a Related test.", nameof(options));
        var perArticle = new List<(string Key, List<string> Claims)>();
        var spokenPerArticle = new List<List<(string Text, string Speaker)>>();
        bool InRange(string c) { var n = WordScanner.Scan(c).Count; return n >= options.MinWords && n <= options.MaxWords; }
        foreach (var a in articles.OrderBy(a => a.Origin, StringComparer.Ordinal))
        {
            var extracted = extractor.Extract(a, analyzer.Analyze(a.Text), bag);
            var claims = extracted
                .Select(c => c.ContentText.Trim())
                .Where(InRange)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (claims.Count == 0) continue;
            perArticle.Add((Key(a.Origin), claims));
            // Claims the pipeline pairs nothing with by default (attitudes) make no such rows either.
            spokenPerArticle.Add(options.SameSpeakerPerClaim == 0 ? [] : extracted
                .Where(c => c.Speaker.IsResolved && PipelineDefaults.Pairs(c))
                .Select(c => (Text: c.ContentText.Trim(), Speaker: c.Speaker.Name))
                .Where(c => InRange(c.Text))
                .Distinct()
                .ToList());
        }
        var rng = new Random(options.Seed);
        var rows = new List<LabeledPair>();
        for (var ai = 0; ai < perArticle.Count; ai++)
        {
            var (key, claims) = perArticle[ai];
            var n = 0;
            void Add(string p, string h, int label, string kind) =>
                rows.Add(new LabeledPair($"syn:{key}#{n++}", p, h, label, "synthetic-" + kind, "synthetic", 0));
            for (var ci = 0; ci < claims.Count; ci++)
            {
                var c = claims[ci];
                if (rng.NextDouble() >= options.ClaimFraction) continue;
                if (Contradict(c, lexicon, rng) is { } edit)
                {
                    // Real contradicting claims rarely differ by one edit only: a third of the time the unedited
                    // side loses its trailing phrase, a third of the time the edited side gains a clause from
                    // another claim, so the cue must outweigh unmatched words (which in NLI data mean "neutral").
                    var original = c;
                    var edited = edit.Text;
                    var kind = edit.Kind;
                    var how = rng.Next(3);
                    if (how == 0 && Shorten(original) is { } s1 && Contradict(s1, lexicon, new Random(0)) is not null)
                    {
                        original = s1;
                        kind += "+shorter";
                    }
                    else if (how == 1 && claims.Count > 1)
                    {
                        edited = Extend(edited, claims[(ci + 1) % claims.Count]);
                        kind += "+extended";
                    }
                    if (rng.Next(2) == 0) Add(original, edited, 0, kind);
                    else Add(edited, original, 0, kind);
                }
                // The same claim with a clause added says more: neutral (and its converse entailed).
                if (claims.Count > 1 && rng.Next(3) == 0)
                {
                    var longer = Extend(c, claims[(ci + 1) % claims.Count]);
                    Add(c, longer, 2, "extended");
                }
                if (Shorten(c) is { } shorter) Add(c, shorter, 1, "shorter");
                for (var u = 0; u < options.UnrelatedPerClaim; u++)
                {
                    // Alternate: another article (the common case for one speaker), then this article (harder: same topic).
                    string? other = null;
                    if (u % 2 == 0 && perArticle.Count > 1)
                    {
                        var oi = rng.Next(perArticle.Count - 1);
                        if (oi >= ai) oi++;
                        var oc = perArticle[oi].Claims;
                        other = oc[rng.Next(oc.Count)];
                    }
                    else if (claims.Count > 1)
                    {
                        var oj = rng.Next(claims.Count - 1);
                        if (oj >= ci) oj++;
                        other = claims[oj];
                    }
                    if (other is not null) Add(c, other, 2, u % 2 == 0 ? "unrelated-article" : "unrelated-same-article");
                }
            }
        }
        if (options.SameSpeakerPerClaim > 0) AddSameSpeaker(rows, perArticle, spokenPerArticle, options);
        return rows;
    }

    /// <summary>
    /// Round 29: two claims one speaker made in one article on one topic, labelled neutral. The edits above teach that a
    /// negation, antonym or other count in an otherwise equal claim contradicts it; NLI data teaches that unmatched words
    /// mean neutral. Neither shows what news pairs mostly are: two different statements about one subject, each with its
    /// own numbers and negations, which the scorer flagged. A speaker rarely contradicts themselves within one article, so
    /// the label is nearly always right. Own random stream (seed + 1), ids "syn:KEY#sN" (same article key, so the same side
    /// of the fixed split), appended after the other rows, so those stay exactly what they were.
    /// </summary>
    private static void AddSameSpeaker(List<LabeledPair> rows, List<(string Key, List<string> Claims)> perArticle,
        List<List<(string Text, string Speaker)>> spokenPerArticle, SyntheticOptions options)
    {
        var rng = new Random(unchecked(options.Seed + 1));
        var related = options.Related!;
        var partners = new List<int>();
        for (var ai = 0; ai < perArticle.Count; ai++)
        {
            var spoken = spokenPerArticle[ai];
            var n = 0;
            for (var i = 0; i < spoken.Count; i++)
            {
                partners.Clear();
                for (var j = i + 1; j < spoken.Count; j++)
                {
                    var (a, b) = (spoken[i].Text, spoken[j].Text);
                    // One contained in the other is a restatement, not a second statement.
                    if (!string.Equals(spoken[i].Speaker, spoken[j].Speaker, StringComparison.Ordinal)
                        || a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase)
                        || !related(a, b)) continue;
                    partners.Add(j);
                }
                for (var k = 0; k < options.SameSpeakerPerClaim && partners.Count > 0; k++)
                {
                    var pick = rng.Next(partners.Count);
                    var other = spoken[partners[pick]].Text;
                    partners.RemoveAt(pick);
                    var (p, h) = rng.Next(2) == 0 ? (spoken[i].Text, other) : (other, spoken[i].Text);
                    rows.Add(new LabeledPair($"syn:{perArticle[ai].Key}#s{n++}", p, h, 2, "synthetic-same-speaker", "synthetic", 0));
                }
            }
        }
    }

    /// <summary>SHA-256 over the rows as TSV, recorded in the manifest so a rebuild can be checked byte for byte.</summary>
    public static string Sha256(IEnumerable<LabeledPair> rows)
    {
        var sb = new StringBuilder();
        foreach (var r in rows)
            sb.Append(r.Id).Append('\t').Append(r.Premise).Append('\t').Append(r.Hypothesis).Append('\t')
              .Append(LogisticModel.Labels[r.Label]).Append('\t').Append(r.Source).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string Key(string origin)
    {
        var dir = Path.GetFileName(Path.GetDirectoryName(origin)) ?? "";
        return dir.Length == 0 ? Path.GetFileName(origin) : dir + "/" + Path.GetFileName(origin);
    }

    internal sealed record Edit(string Text, string Kind);

    /// <summary>One contradicting edit of <paramref name="text"/>, chosen at random among those that apply, or null.</summary>
    internal static Edit? Contradict(string text, Lexicon lexicon, Random rng)
    {
        var words = WordScanner.Scan(text);
        var lower = words.Select(w => w.Slice(text).ToString().ToLowerInvariant()).ToList();
        var candidates = new List<Edit>();
        // Negation removal: "will not rise" -> "will rise", "did n't" -> "did".
        var neg = lower.FindIndex(w => w is "not" or "never" or "n't");
        if (neg > 0 && Array.IndexOf(Auxiliaries, lower[neg - 1]) >= 0 || neg > 0 && lower[neg - 1] is "wo" or "ca")
        {
            var before = text[..words[neg - 1].Start];
            var aux = lower[neg - 1] switch { "wo" => "will", "ca" => "can", _ => words[neg - 1].Slice(text).ToString() };
            var after = text[words[neg].End..];
            candidates.Add(new Edit(before + aux + after, "negation-removed"));
        }
        // Negation insertion after the first auxiliary not already negated.
        else if (neg < 0)
        {
            var aux = lower.FindIndex(w => Array.IndexOf(Auxiliaries, w) >= 0);
            if (aux >= 0 && aux + 1 < lower.Count)
                candidates.Add(new Edit(text[..words[aux].End] + " not" + text[words[aux].End..], "negation-inserted"));
        }
        // Antonym swap of an adjective/verb/noun WordNet pairs directly ("safe" -> "dangerous").
        for (var i = 0; i < lower.Count; i++)
        {
            var ants = lexicon.DirectAntonymsOf(lower[i]);
            if (ants.Count == 0 || lower[i].Length < 3) continue;
            var ant = ants[rng.Next(ants.Count)];
            if (ant.Contains('_')) continue;
            candidates.Add(new Edit(text[..words[i].Start] + ant + text[words[i].End..], "antonym"));
            break;
        }
        // A count changed: "120 jobs" -> "360 jobs" (years are dates, left alone).
        for (var i = 0; i + 1 < lower.Count; i++)
        {
            if (!char.IsDigit(lower[i][0]) || !double.TryParse(lower[i].Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) continue;
            if (lower[i].Length == 4 && v is >= 1900 and <= 2100) continue;
            var factors = new[] { 2.0, 3.0, 0.5, 10.0, 0.25 };
            var nv = Math.Round(v * factors[rng.Next(factors.Length)], v == Math.Floor(v) ? 0 : 1);
            if (nv == v || nv <= 0) nv = v + 1 + rng.Next(9);
            candidates.Add(new Edit(text[..words[i].Start] + nv.ToString(CultureInfo.InvariantCulture) + text[words[i].End..], "number"));
            break;
        }
        return candidates.Count == 0 ? null : candidates[rng.Next(candidates.Count)];
    }

    /// <summary>"A" + "and" + "b": a second clause, taken from another claim.</summary>
    internal static string Extend(string text, string clause) =>
        text.TrimEnd(' ', '.', ',') + " and " + (clause.Length > 1 && char.IsUpper(clause[0]) && !char.IsUpper(clause[1]) ? char.ToLowerInvariant(clause[0]) + clause[1..] : clause);

    /// <summary>The claim without its last trailing phrase ("..., he said" / "... in March"), when at least four words stay.</summary>
    internal static string? Shorten(string text)
    {
        var words = WordScanner.Scan(text);
        for (var i = words.Count - 2; i >= 4; i--)
        {
            var w = words[i].Slice(text).ToString().ToLowerInvariant();
            if (!TrailingStarts.Contains(w)) continue;
            var cut = text[..words[i].Start].TrimEnd(' ', ',', ';', '-');
            return cut.Length > 0 ? cut : null;
        }
        return null;
    }
}
