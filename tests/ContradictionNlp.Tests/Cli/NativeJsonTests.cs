using System.Text.Json;
using System.Text.Json.Serialization;
using ContradictionNlp.Claims;
using ContradictionNlp.Cli.Commands;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tagging;

namespace ContradictionNlp.Tests.Cli;

/// <summary>
/// The natively compiled cnlp (scripts/publish-native.sh) has no reflection-based System.Text.Json, so manifests and
/// store role lists go through source-generated metadata and the --json reports are written by hand. These tests pin
/// that each new writer gives byte for byte what the reflection serializer gave before (the old code is repeated here,
/// in the JIT-compiled test run, as the reference), on inputs with escaping, nulls and empty lists.
/// </summary>
public class NativeJsonTests
{
    // What ManifestJson.Options was before the source-generated context: the reference for manifests.
    private static readonly JsonSerializerOptions ReflectionManifestOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string, string> ShippedManifests() => new()
    {
        { "scorer/v1/manifest.json", nameof(ScorerManifest) },
        { "scorer/v2/manifest.json", nameof(ScorerManifest) },
        { "scorer/v3/manifest.json", nameof(ScorerManifest) },
        { "embeddings/manifest.json", nameof(VectorsManifest) },
        { "lexicon/manifest.json", nameof(LexiconManifest) },
        { "attribution/manifest.json", nameof(AttributionManifest) },
        { "tagger/manifest.json", nameof(TaggerManifest) },
        { "ner/manifest.json", nameof(NerManifest) },
    };

    [Theory]
    [MemberData(nameof(ShippedManifests))]
    public void Every_shipped_manifest_reads_and_writes_as_the_reflection_serializer_did(string file, string type)
    {
        var path = TestPaths.Repo("models", file);
        var (generated, reflection) = type switch
        {
            nameof(ScorerManifest) => RoundTrip<ScorerManifest>(path),
            nameof(VectorsManifest) => RoundTrip<VectorsManifest>(path),
            nameof(LexiconManifest) => RoundTrip<LexiconManifest>(path),
            nameof(AttributionManifest) => RoundTrip<AttributionManifest>(path),
            nameof(TaggerManifest) => RoundTrip<TaggerManifest>(path),
            nameof(NerManifest) => RoundTrip<NerManifest>(path),
            _ => throw new ArgumentException(type),
        };
        Assert.Equal(reflection, generated);
        // Not a trivially empty document: the manifest's kind and format survived both ways.
        Assert.Contains("\"format_version\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"kind\"", generated, StringComparison.Ordinal);
    }

    // Read with ManifestJson (generated) and write with ManifestJson.Write, against read + write by reflection.
    private static (string Generated, string Reflection) RoundTrip<T>(string path) where T : class
    {
        var manifest = ManifestJson.Read<T>(path, typeof(T).Name);
        var temp = Path.Combine(Path.GetTempPath(), $"cnlp-native-json-{Guid.NewGuid():N}.json");
        try
        {
            ManifestJson.Write(temp, manifest);
            var generated = File.ReadAllText(temp);
            var byReflection = JsonSerializer.Deserialize<T>(File.ReadAllText(path), ReflectionManifestOptions)!;
            return (generated, JsonSerializer.Serialize(byReflection, ReflectionManifestOptions) + "\n");
        }
        finally { File.Delete(temp); }
    }

    // Every object type a manifest can hold (walked through the generated metadata) that can be created without
    // arguments, i.e. whose missing properties reflection leaves at their initial values.
    private static List<Type> OptionLikeTypes()
    {
        var seen = new HashSet<Type>();
        var found = new List<Type>();
        void Walk(Type type)
        {
            if (!seen.Add(type)) return;
            var info = ManifestJson.Options.GetTypeInfo(type);
            if (info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            {
                if (type.GetConstructor(Type.EmptyTypes) is not null) found.Add(type);
                foreach (var p in info.Properties) Walk(p.PropertyType);
            }
            else if (info.ElementType is { } element) Walk(element);
        }
        foreach (var t in new[] { typeof(ScorerManifest), typeof(VectorsManifest), typeof(LexiconManifest), typeof(PromotionRecord),
                     typeof(AttributionManifest), typeof(TaggerManifest), typeof(NerManifest) })
            Walk(t);
        return found;
    }

    [Fact]
    public void Properties_a_manifest_leaves_out_keep_their_initial_values_as_with_reflection()
    {
        var types = OptionLikeTypes();
        // The options records of the scorer, tagger, NER and attribution manifests at least.
        Assert.Contains(typeof(ContradictionNlp.Training.LogisticRegressionOptions), types);
        Assert.Contains(typeof(PosTaggerOptions), types);
        Assert.True(types.Count >= 6, string.Join(", ", types.Select(t => t.Name)));
        foreach (var type in types)
        {
            var generated = ManifestDefaults.Deserialize("{}", ManifestJson.Options.GetTypeInfo(type));
            var byReflection = JsonSerializer.Deserialize("{}", type, ReflectionManifestOptions);
            Assert.Equal(JsonSerializer.Serialize(byReflection, type, ReflectionManifestOptions), JsonSerializer.Serialize(generated, type, ReflectionManifestOptions));
        }
        // The case that showed it: scorer v1's options predate synthetic_weight, whose initial value is 1, not 0.
        var v1 = ManifestJson.Read<ScorerManifest>(TestPaths.Repo("models", "scorer", "v1", "manifest.json"), ScorerManifest.KindName);
        Assert.Equal(1f, v1.Options.SyntheticWeight);
    }

    [Fact]
    public void Promotion_record_with_optional_checks_and_nulls_writes_as_reflection_did()
    {
        var full = new PromotionRecord("v4", "v3", true, ["better on \"SICK\" <dev>", "Zoë's reviews"],
            [new PromotionComparison("sick-dev", "nli", 500, 0.61, 0.625, 0.5, 0.51)], 0.01, 2.5, 0.2, 40, 10, 3,
            new SobrietyCheck("polnear", 1000, 0.5, 12, 10, 0.012, 0.01, 0.1, 0.09, 0.005, true), null);
        var bare = full with { Reasons = [], Comparisons = [], Sobriety = null };
        foreach (var record in new[] { full, bare })
        {
            var temp = Path.Combine(Path.GetTempPath(), $"cnlp-native-json-{Guid.NewGuid():N}.json");
            try
            {
                ManifestJson.Write(temp, record);
                var text = File.ReadAllText(temp);
                Assert.Equal(JsonSerializer.Serialize(record, ReflectionManifestOptions) + "\n", text);
                Assert.DoesNotContain("review_agreement", text, StringComparison.Ordinal); // null left out
                var back = ManifestJson.Read<PromotionRecord>(temp, "promotion");
                Assert.Equal(record.Reasons, back.Reasons);
                Assert.Equal(record.Sobriety, back.Sobriety);
            }
            finally { File.Delete(temp); }
        }
    }

    private sealed record NotAManifest(int X);

    [Fact]
    public void A_type_missing_from_the_manifest_context_is_refused_naming_it()
    {
        var temp = Path.Combine(Path.GetTempPath(), $"cnlp-native-json-{Guid.NewGuid():N}.json");
        var ex = Assert.Throws<NotSupportedException>(() => ManifestJson.Write(temp, new NotAManifest(1)));
        Assert.Contains(nameof(NotAManifest), ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp));
    }

    [Fact]
    public void Store_role_lists_serialize_and_read_back_as_reflection_did()
    {
        string[][] cases = [["source"], ["source", "subject of \"said\"", "Zoë <b>&amp;</b> 'co' +1"]];
        foreach (var roles in cases)
        {
            var generated = JsonSerializer.Serialize<IReadOnlyList<string>>(roles, StoreJsonContext.Default.IReadOnlyListString);
            Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<string>>(roles), generated);
            Assert.Equal(roles, JsonSerializer.Deserialize(generated, StoreJsonContext.Default.StringArray));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eval_scorer_json_matches_the_reflection_serializer(bool nanAuc)
    {
        var m = ScorerMetrics.Compute([0, 1, 2], [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.1, 0.8]]);
        if (nanAuc) m = m with { ContradictionAuc = double.NaN };
        var c = m.Contradiction;
        var reference = JsonSerializer.Serialize(new
        {
            n = m.N,
            accuracy = Math.Round(m.Accuracy, 4),
            macro_f1 = Math.Round(m.MacroF1, 4),
            contradiction = new { precision = Math.Round(c.Precision, 4), recall = Math.Round(c.Recall, 4), f1 = Math.Round(c.F1, 4), auc = double.IsNaN(m.ContradictionAuc) ? (double?)null : Math.Round(m.ContradictionAuc, 4) },
            ece = Math.Round(m.Ece, 4),
        });
        Assert.Equal(reference, EvalScorerCommand.ToJson(m));
        Assert.Equal(nanAuc, reference.Contains("\"auc\":null", StringComparison.Ordinal));
    }

    [Fact]
    public void Eval_ner_json_matches_the_reflection_serializer()
    {
        var e = new NerEvaluation(7, new EntityCounts(5, 2, 3),
            new Dictionary<string, EntityCounts> { ["PER"] = new(3, 1, 0), ["ORG"] = new(2, 1, 3), ["MISC"] = new(0, 0, 0) });
        var reference = JsonSerializer.Serialize(new
        {
            f1 = Math.Round(e.Micro.F1, 4),
            precision = Math.Round(e.Micro.Precision, 4),
            recall = Math.Round(e.Micro.Recall, 4),
            per_type = e.PerType.ToDictionary(kv => kv.Key, kv => new
            {
                precision = Math.Round(kv.Value.Precision, 4),
                recall = Math.Round(kv.Value.Recall, 4),
                f1 = Math.Round(kv.Value.F1, 4),
                gold = kv.Value.Gold,
                predicted = kv.Value.Predicted,
            }),
        });
        Assert.Equal(reference, EvalNerCommand.ToJson(e));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(12345.678)]
    public void Eval_tagger_json_matches_the_reflection_serializer(double? tokensPerSecond)
    {
        var e = new TaggerEvaluation(300, 290, 281, HasLemmas: true);
        var d = new Dictionary<string, object>
        {
            ["tokens"] = e.Tokens,
            ["upos_accuracy"] = Math.Round(e.UposAccuracy, 4),
            ["lemma_accuracy"] = Math.Round(e.LemmaAccuracy, 4),
        };
        if (tokensPerSecond is { } t) d["tokens_per_second"] = Math.Round(t);
        Assert.Equal(JsonSerializer.Serialize(d), EvalTaggerCommand.ToJson(e, tokensPerSecond));
    }

    [Fact]
    public void Eval_sobriety_json_matches_the_reflection_serializer()
    {
        var reason = new Reason("negation", "one side negates", [], []);
        var r = new SobrietyReport(12, 340, 25, 5_000_000_000L, 1000, 400, 7, 0.5, 42,
        [
            new SobrietyPair("Zoë O'Brien", "art-1", "We \"will\" <never> raise taxes.", "art-2", "Taxes rise & fall.", new ContradictionScore(0.81234, 0.1, 0.08766, [reason, reason with { Kind = "antonym" }])),
            new SobrietyPair("Jo", "art-3", "a", "art-4", "b", new ContradictionScore(0.6, 0.2, 0.2, [])),
        ]) { UnpairedClaims = 17 };
        var reference = JsonSerializer.Serialize(new
        {
            model = "v3", claims_from = "pipeline", unpaired_claims = 17, articles = r.Articles, claims = r.Claims, speakers = r.Speakers, population_pairs = r.PopulationPairs,
            sampled = r.Sampled, gated = r.Gated, flagged = r.Flagged, flag_share = Math.Round(r.FlagShare, 4), threshold = r.Threshold, seed = r.Seed,
            top = r.Top.Select(p => new { speaker = p.Speaker, score = Math.Round(p.Score.Contradiction, 4), a = p.A, article_a = p.ArticleA, b = p.B, article_b = p.ArticleB, reasons = p.Score.Reasons.Select(x => x.Kind) }),
        });
        Assert.Equal(reference, EvalSobrietyScorerCommand.ToJson("v3", r, "pipeline"));
    }

    [Fact]
    public void Models_json_matches_the_reflection_serializer_with_and_without_manifest_and_promotion()
    {
        var scorer = TestPaths.Repo("models", "scorer");
        var manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(scorer, "v3", "manifest.json"), ScorerManifest.KindName);
        var promotion = new PromotionRecord("v3", "v2", false, ["worse on <dev> by 0.01", "Zoë"], [], 0.01, 2, 0.2, 10, 3, 0);
        IReadOnlyList<ModelVersionInfo> versions =
        [
            new("v1", Path.Combine(scorer, "v1"), false, null, "manifest.json: not valid JSON (\"x\")", null),
            new("v3", Path.Combine(scorer, "v3"), true, manifest, null, promotion),
            new("v4", Path.Combine(scorer, "v4"), false, manifest, null, null),
        ];
        var reference = JsonSerializer.Serialize(versions.Select(v => new
        {
            name = v.Name,
            current = v.IsCurrent,
            error = v.Error,
            rows = v.Manifest?.Data.Sum(d => d.Rows),
            dev = v.Manifest?.Dev.Select(d => new { data = d.Data, n = d.N, accuracy = d.Accuracy, contradiction_f1 = d.ContradictionF1 }),
            promotion = v.Promotion is { } p ? new { baseline = p.Baseline, promoted = p.Promoted, reasons = p.Reasons } : null,
        }), new JsonSerializerOptions { WriteIndented = true });
        Assert.Equal(reference, ModelsCommand.ToJson(versions));
    }
}
