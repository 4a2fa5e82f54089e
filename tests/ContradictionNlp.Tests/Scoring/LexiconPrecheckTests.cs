using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// The per-word pre-checks PairFeaturizer uses to skip pairwise WordNet look-ups (Lexicon.MayHaveAntonym,
/// Lexicon.InTaxonomy) must only ever rule out what the pairwise relation would also say no to; otherwise the
/// scorer's features, scores and reasons would change. Checked on a small hand-made lexicon and exhaustively
/// over the shipped lexicon with the most frequent English words.
/// </summary>
public class LexiconPrecheckTests
{
    private static readonly Lexicon Small = new([("win", "lose", true), ("good", "bad", false)], new Dictionary<string, string> { ["won"] = "win", ["mice"] = "mouse" },
    [
        ("poodle", ["pudel"], [("dog", 1), ("animal", 3)]),
        ("dog", [], [("canine", 1), ("animal", 2)]),
        ("cat", [], [("feline", 1), ("animal", 2)]),
        ("mouse", [], [("rodent", 1), ("animal", 3)]),
    ]);

    [Theory]
    [InlineData("win", true)]
    [InlineData("won", true)]       // through the irregular lemma
    [InlineData("losing", true)]    // through a regular suffix
    [InlineData("bad", true)]       // indirect antonyms count too
    [InlineData("winner", false)]
    [InlineData("dog", false)]
    public void MayHaveAntonym_is_true_for_any_form_in_an_antonym_pair(string word, bool expected) =>
        Assert.Equal(expected, Small.MayHaveAntonym(word));

    [Theory]
    [InlineData("poodle", true)]
    [InlineData("poodles", true)]   // plural of an entry
    [InlineData("mice", true)]      // irregular plural of an entry
    [InlineData("canine", false)]   // only ever a hypernym, no entry of its own
    [InlineData("pudel", false)]    // only a synonym
    [InlineData("win", false)]
    public void InTaxonomy_is_true_for_words_with_an_entry(string word, bool expected) =>
        Assert.Equal(expected, Small.InTaxonomy(word));

    [Fact]
    public void Small_lexicon_prechecks_never_rule_out_a_relation()
    {
        string[] words = ["win", "won", "lose", "losing", "good", "bad", "winner", "poodle", "poodles", "pudel", "dog", "dogs",
            "cat", "mice", "mouse", "rodent", "animal", "animals", "canine", "feline", "house"];
        var (generalises, cohyponyms, antonyms) = AssertPrechecksHold(Small, words);
        // Not vacuous: each relation holds for some pairs of this vocabulary.
        Assert.True(generalises > 0 && cohyponyms > 0 && antonyms > 0, $"{generalises} {cohyponyms} {antonyms}");
    }

    [Fact]
    public void Shipped_lexicon_prechecks_never_rule_out_a_relation_among_frequent_words()
    {
        var vectors = ShippedModels.Catalog.LoadSifEmbedder().Vectors;
        var lexicon = ShippedModels.Catalog.LoadLexicon();
        // The 400 most frequent words (the vector table is in frequency order): the words most pairs are made of.
        var words = Enumerable.Range(0, Math.Min(400, vectors.Count)).Select(vectors.Word).ToArray();
        var (generalises, cohyponyms, antonyms) = AssertPrechecksHold(lexicon, words);
        Assert.True(generalises > 0 && cohyponyms > 0 && antonyms > 0, $"{generalises} {cohyponyms} {antonyms}");
        // And the checks rule out most words, which is why they pay: some frequent words have neither.
        Assert.Contains(words, w => !lexicon.InTaxonomy(w));
        Assert.Contains(words, w => !lexicon.MayHaveAntonym(w));
        // The general-side shortcut of Relations (CanBeGeneral) is exercised both ways here.
        Assert.Contains(words, w => lexicon.Relations(w).CanBeGeneral);
        Assert.Contains(words, w => !lexicon.Relations(w).CanBeGeneral);
    }

    /// <summary>
    /// Entries where one word is both a synonym and a hypernym, one hypernym at two depths across entries, and co-hyponyms
    /// only at depth 3: the integer-id relations (SCORE9) must give what the string look-ups give, synonym first.
    /// </summary>
    [Fact]
    public void Id_relations_match_string_lookups_on_overlapping_entries()
    {
        var lexicon = new Lexicon([("hot", "cold", true), ("warm", "cold", false), ("hot", "cool", false)], new Dictionary<string, string> { ["geese"] = "goose" },
        [
            ("hound", ["dog"], [("dog", 1), ("canine", 2), ("animal", 3)]),
            ("dog", ["hound"], [("canine", 1), ("animal", 2)]),
            ("goose", [], [("bird", 1), ("animal", 3)]),
            ("duck", [], [("bird", 1), ("animal", 3)]),
            ("wolf", [], [("canine", 2), ("animal", 3)]),
        ]);
        Assert.Equal(0, lexicon.Generalises("hound", "dog")); // a synonym, though also listed as a hypernym
        Assert.Equal(0, Lexicon.Generalises(lexicon.Relations("hound"), lexicon.Relations("dog")));
        Assert.Equal(2, Lexicon.Generalises(lexicon.Relations("dog"), lexicon.Relations("animals")));
        Assert.True(Lexicon.AreCohyponyms(lexicon.Relations("geese"), lexicon.Relations("duck"), 1));
        Assert.False(Lexicon.AreCohyponyms(lexicon.Relations("goose"), lexicon.Relations("wolf"), 2));
        Assert.True(Lexicon.AreCohyponyms(lexicon.Relations("goose"), lexicon.Relations("wolf"), 3));
        Assert.Equal(AntonymKind.Direct, lexicon.Antonymy(lexicon.Relations("hot"), lexicon.Relations("cold")));
        Assert.Equal(AntonymKind.Indirect, lexicon.Antonymy(lexicon.Relations("warmer"), lexicon.Relations("colder")));
        Assert.Equal(AntonymKind.None, lexicon.Antonymy(lexicon.Relations("warm"), lexicon.Relations("cool")));
        string[] words = ["hound", "hounds", "dog", "dogs", "canine", "animal", "animals", "goose", "geese", "duck", "ducks", "bird",
            "wolf", "hot", "cold", "colder", "warm", "warmer", "cool", "house"];
        var (generalises, cohyponyms, antonyms) = AssertPrechecksHold(lexicon, words);
        Assert.True(generalises > 0 && cohyponyms > 0 && antonyms > 0, $"{generalises} {cohyponyms} {antonyms}");
    }

    /// <summary>Every ordered pair: a word ruled out by its pre-check has no relation; returns how many pairs do have each.</summary>
    private static (int Generalises, int Cohyponyms, int Antonyms) AssertPrechecksHold(Lexicon lexicon, string[] words)
    {
        int generalises = 0, cohyponyms = 0, antonyms = 0;
        foreach (var a in words)
        {
            bool tax = lexicon.InTaxonomy(a), ant = lexicon.MayHaveAntonym(a);
            var ra = lexicon.Relations(a);
            Assert.Equal((tax, ant), (ra.InTaxonomy, ra.MayHaveAntonym));
            foreach (var b in words)
            {
                // The per-word resolved relations (what the featurizer compares) give what the string look-ups give.
                var rb = lexicon.Relations(b);
                Assert.True(lexicon.Generalises(a, b) == Lexicon.Generalises(ra, rb), $"Generalises('{a}', '{b}') differs via Relations");
                // Depths other than the featurizer's 2 too: the id path filters depths during its merge walk.
                for (var depth = 0; depth <= 4; depth++)
                    Assert.True(lexicon.AreCohyponyms(a, b, depth) == Lexicon.AreCohyponyms(ra, rb, depth), $"AreCohyponyms('{a}', '{b}', {depth}) differs via Relations");
                Assert.True(lexicon.Antonymy(a, b) == lexicon.Antonymy(ra, rb), $"Antonymy('{a}', '{b}') differs via Relations");
                var g = lexicon.Generalises(a, b);
                if (g >= 0) generalises++;
                if (!tax) Assert.True(g == -1, $"InTaxonomy('{a}') is false but Generalises('{a}', '{b}') = {g}");
                var c = lexicon.AreCohyponyms(a, b, 2);
                if (c) cohyponyms++;
                if (!tax) Assert.False(c || lexicon.AreCohyponyms(b, a, 2), $"InTaxonomy('{a}') is false but '{a}'/'{b}' are co-hyponyms");
                var k = lexicon.Antonymy(a, b);
                if (k != AntonymKind.None) antonyms++;
                if (!ant) Assert.True(k == AntonymKind.None && lexicon.Antonymy(b, a) == AntonymKind.None,
                    $"MayHaveAntonym('{a}') is false but '{a}'/'{b}' are antonyms");
            }
        }
        return (generalises, cohyponyms, antonyms);
    }
}
