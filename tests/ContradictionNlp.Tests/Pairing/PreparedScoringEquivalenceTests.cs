using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Pairing;

/// <summary>
/// Scoring from prepared (analysed-once, cached) texts must give exactly what scoring the strings gives: the same
/// doubles bit for bit and the same reasons (kind, message, spans). The reference path below is the string one:
/// a wrapper that hides the <see cref="NliScorer"/> type makes <see cref="PairScorer"/> call Score(string, string)
/// for every pair and the gate re-stem both strings, as before the cache existed.
/// </summary>
public class PreparedScoringEquivalenceTests
{
    // Our own sentences, chosen to fire every cue family: negation (and its scope), antonyms, numbers counting a
    // noun, dates, modals, quantifiers, conditionals, plan vs outcome, different subjects, reordered roles.
    private static readonly string[] Texts =
    [
        "the city will not raise property taxes next year",
        "property taxes will rise next year",
        "the city raised property taxes by 5 percent in March",
        "the council will approve the budget only if the vote passes",
        "the council approved the budget on Tuesday",
        "the mayor will approve the budget",
        "the governor will approve the budget",
        "Russian soldiers entered the town in June",
        "no Belarusian soldiers took part in the attack",
        "some soldiers entered the town",
        "all soldiers left the town",
        "the factory will create 120 new jobs",
        "the factory will create 40 new jobs",
        "the plant is safe and the water is clean",
        "the plant is dangerous and the water is dirty",
        "the minister may resign in 2025",
        "the minister must resign in 2024",
        "the company never paid the fine",
        "the company paid the fine of 2 million dollars",
        "the dog chases the man",
        "the man chases the dog",
        "exports grew strongly this quarter",
        "exports fell sharply this quarter",
        "I have always supported the trade deal",
        "I cannot support this trade deal",
        "the bank will cut interest rates",
        "the bank cut interest rates on Monday",
        "nobody was hurt in the fire at the school",
        "three children were hurt in the school fire",
        "",
    ];

    private static NliScorer Nli() => (NliScorer)ShippedModels.Catalog.LoadScorer();

    /// <summary>Hides the concrete type, so PairScorer takes the string path (no cache, gate over strings).</summary>
    private sealed class StringOnly(IContradictionScorer inner) : IContradictionScorer
    {
        public string ModelVersion => inner.ModelVersion;
        public ContradictionScore Score(string premise, string hypothesis) => inner.Score(premise, hypothesis);
    }

    /// <summary>Dense features bit for bit (a float compare would let -0 equal 0) and the same hashed keys.</summary>
    private static void AssertSameFeatures(PairFeatures expected, PairFeatures actual)
    {
        Assert.Equal(expected.Dense.Select(BitConverter.SingleToInt32Bits), actual.Dense.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.Hashed, actual.Hashed);
    }

    /// <summary>Probabilities bit for bit and every reason (kind, message, both spans); other tests that compare two scoring paths use it too.</summary>
    internal static void AssertSame(ContradictionScore expected, ContradictionScore actual, string where)
    {
        Assert.True(BitConverter.DoubleToInt64Bits(expected.Contradiction) == BitConverter.DoubleToInt64Bits(actual.Contradiction), $"contradiction differs: {where}");
        Assert.True(BitConverter.DoubleToInt64Bits(expected.Entailment) == BitConverter.DoubleToInt64Bits(actual.Entailment), $"entailment differs: {where}");
        Assert.True(BitConverter.DoubleToInt64Bits(expected.Neutral) == BitConverter.DoubleToInt64Bits(actual.Neutral), $"neutral differs: {where}");
        Assert.Equal(expected.Reasons.Count, actual.Reasons.Count);
        for (var i = 0; i < expected.Reasons.Count; i++)
        {
            var (e, a) = (expected.Reasons[i], actual.Reasons[i]);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Message, a.Message);
            Assert.Equal(e.SpansA, a.SpansA);
            Assert.Equal(e.SpansB, a.SpansB);
        }
    }

    [Fact]
    public void Every_ordered_pair_scores_identically_from_strings_and_from_cached_prepared_texts()
    {
        var nli = Nli();
        var reference = new PairScorer(new StringOnly(nli), new TopicGate(nli.Featurizer, PairScorer.DefaultMinShared));
        var cached = new PairScorer(nli);
        Assert.NotNull(cached.Cache);
        Assert.Null(reference.Cache);
        int pairs = 0, passed = 0;
        // Twice through, the second time in reverse order: a prepared text reused by many pairs must not change.
        for (var round = 0; round < 2; round++)
            for (var x = 0; x < Texts.Length; x++)
                for (var y = 0; y < Texts.Length; y++)
                {
                    var (i, j) = round == 0 ? (x, y) : (Texts.Length - 1 - x, Texts.Length - 1 - y);
                    var expected = reference.ScoreTexts(Texts[i], Texts[j]);
                    var actual = cached.ScoreTexts(Texts[i], Texts[j]);
                    AssertSame(expected, actual, $"'{Texts[i]}' / '{Texts[j]}'");
                    Assert.Equal(ReferenceEquals(expected, PairScorer.Unrelated), ReferenceEquals(actual, PairScorer.Unrelated));
                    pairs++;
                    if (!ReferenceEquals(expected, PairScorer.Unrelated)) passed++;
                }
        Assert.Equal(2 * Texts.Length * Texts.Length, pairs);
        // Enough pairs reach the model for the comparison to mean something (the gate stops most).
        Assert.True(passed >= 100, $"only {passed} pairs passed the gate");
        // Each distinct text was prepared once; every later use was a hit.
        Assert.Equal(Texts.Length, cached.Cache!.Misses);
        Assert.Equal(2L * pairs - Texts.Length, cached.Cache.Hits);
        // Pairs that reached the model were scored once each; the second round was served from the pair cache.
        Assert.Equal(passed / 2, cached.PairCache!.Misses);
        Assert.Equal(passed / 2, cached.PairCache.Hits);
    }

    [Fact]
    public void A_pair_cache_hit_is_the_score_of_that_exact_ordered_pair()
    {
        var nli = Nli();
        var scorer = new PairScorer(nli);
        const string a = "the city will not raise property taxes next year";
        const string b = "property taxes will rise next year";
        var ab = scorer.ScoreTexts(a, b);
        var ba = scorer.ScoreTexts(b, a);
        // Reversed order is its own entry: reason spans index the a text first.
        Assert.NotEqual(ab.Reasons.Select(r => r.SpansA), ba.Reasons.Select(r => r.SpansA));
        Assert.Same(ab, scorer.ScoreTexts(a, b));
        AssertSame(new PairScorer(nli, cacheCapacity: 0).ScoreTexts(b, a), scorer.ScoreTexts(b, a), "b/a");
        Assert.Equal(2, scorer.PairCache!.Misses);
        Assert.Equal(2, scorer.PairCache.Hits);
    }

    [Fact]
    public void Featurize_from_prepared_texts_equals_featurize_from_strings_without_the_gate()
    {
        // The featurizer alone, every ordered pair (the gate would hide most of them from the model).
        var f = Nli().Featurizer;
        var prepared = Texts.Select(f.Prepare).ToArray();
        foreach (var i in Enumerable.Range(0, Texts.Length))
            foreach (var j in Enumerable.Range(0, Texts.Length))
            {
                var expected = f.Featurize(Texts[i], Texts[j]);
                var actual = f.Featurize(prepared[i], prepared[j]);
                AssertSameFeatures(expected, actual);
                AssertSame(new ContradictionScore(0, 0, 0, expected.Reasons), new ContradictionScore(0, 0, 0, actual.Reasons), $"'{Texts[i]}' / '{Texts[j]}'");
            }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Featurize_without_reasons_gives_the_same_features_and_the_subject_flag_and_no_reasons(int version)
    {
        // The pair scorer's reverse direction: its features must not change when its reasons are not built, and
        // DifferentSubjects must be exactly "a subject reason fired" (version 2 has its own rule, version 3 on another).
        var nli = Nli();
        var f = new PairFeaturizer(nli.Featurizer.Embedder, ShippedModels.Catalog.LoadLexicon(), nli.Featurizer.HashBuckets, version);
        var prepared = Texts.Select(f.Prepare).ToArray();
        int subjects = 0, withReasons = 0;
        foreach (var i in Enumerable.Range(0, Texts.Length))
            foreach (var j in Enumerable.Range(0, Texts.Length))
            {
                var full = f.Featurize(prepared[i], prepared[j]);
                var lean = f.FeaturizeWithoutReasons(prepared[i], prepared[j]);
                AssertSameFeatures(full, lean);
                Assert.Empty(lean.Reasons);
                var fired = full.Reasons.Any(r => r.Kind == "subject");
                Assert.True(fired == full.DifferentSubjects && fired == lean.DifferentSubjects, $"subject flag differs: '{Texts[i]}' / '{Texts[j]}'");
                if (fired) subjects++;
                if (full.Reasons.Count > 0) withReasons++;
            }
        // Not vacuous: from version 2 on some pairs have different subjects (version 1 has no subject cue), and
        // the full path builds reasons for many pairs that the lean path leaves out.
        if (version >= 2) Assert.InRange(subjects, 1, Texts.Length * Texts.Length - 1);
        else Assert.Equal(0, subjects);
        Assert.True(withReasons >= 100, $"only {withReasons} pairs had reasons");
    }

    [Fact]
    public void Nli_score_without_reasons_has_the_same_probabilities()
    {
        var nli = Nli();
        // A subject pair (as in ScorerV3FeatureTests): the lean score still reports it.
        var a = nli.Featurizer.Prepare("some Russian soldiers entered the country from Belarusian land");
        var b = nli.Featurizer.Prepare("no Belarusian soldiers were involved");
        var full = nli.Score(a, b);
        var (lean, subject) = nli.ScoreWithoutReasons(a, b);
        AssertSame(full with { Reasons = [] }, lean, "a/b");
        Assert.Contains(full.Reasons, r => r.Kind == "subject");
        Assert.True(subject);
        var (_, same) = nli.ScoreWithoutReasons(nli.Featurizer.Prepare("the bank will cut interest rates"), nli.Featurizer.Prepare("the bank cut interest rates on Monday"));
        Assert.False(same);
    }

    [Fact]
    public void The_cache_is_bounded_and_a_text_from_another_featurizer_is_prepared_again()
    {
        var nli = Nli();
        var cache = new PreparedTextCache(nli.Featurizer, 4);
        foreach (var t in Texts) cache.Get(t);
        Assert.InRange(cache.Count, 1, 4);
        Assert.Equal(Texts.Length, cache.Misses);
        // The newest text is still held: a hit, the same instance.
        Assert.Same(cache.Get(Texts[^1]), cache.Get(Texts[^1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreparedTextCache(nli.Featurizer, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairScorer(nli, cacheCapacity: -1));
        Assert.Null(new PairScorer(nli, cacheCapacity: 0).Cache);

        // A v1 featurizer marks fewer words as content; a text it prepared is re-analysed by the v3 one, not trusted.
        var v1 = new PairFeaturizer(nli.Featurizer.Embedder, ShippedModels.Catalog.LoadLexicon(), nli.Featurizer.HashBuckets, 1);
        var other = v1.Prepare(Texts[0]);
        var own = nli.Featurizer.Prepare(Texts[1]);
        var expected = nli.Featurizer.Featurize(Texts[0], Texts[1]);
        var actual = nli.Featurizer.Featurize(other, own);
        Assert.Equal(expected.Dense, actual.Dense);
        Assert.Equal(expected.Hashed, actual.Hashed);
    }

    [Fact]
    public void With_cold_caches_keeps_scorer_gate_and_capacity_and_starts_empty()
    {
        var nli = Nli();
        var warm = new PairScorer(nli, cacheCapacity: 64);
        warm.ScoreTexts("the bank will cut interest rates", "the bank cut interest rates on Monday");
        Assert.Equal(2, warm.Cache!.Count);
        var cold = warm.WithColdCaches();
        Assert.Same(warm.Scorer, cold.Scorer);
        Assert.Same(warm.Gate, cold.Gate);
        Assert.Equal(64, cold.CacheCapacity);
        Assert.Equal(0, cold.Cache!.Count);
        Assert.Equal(0, cold.PairCache!.Count);
        // Without a gate it stays without one (not the default gate).
        Assert.Null(new PairScorer(nli, useGate: false).WithColdCaches().Gate);
    }

    [Fact]
    public void Content_stems_are_a_copy()
    {
        var p = Nli().Featurizer.Prepare("property taxes will rise");
        var stems = p.ContentStems;
        Assert.Equal(Nli().Featurizer.ContentStems("property taxes will rise"), stems);
        stems[0] = "changed";
        Assert.NotEqual("changed", p.ContentStems[0]);
    }
}
