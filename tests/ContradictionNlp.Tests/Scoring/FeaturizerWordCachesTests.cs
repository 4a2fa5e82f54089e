using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// SCORE15's per-word shortcuts in the featurizer give what the longer paths gave: a prepared text's sentence embedding,
/// made from its words, equals the embedder's own embedding of the text bit for bit; number readings kept per vocabulary
/// word equal fresh ones (values, spans, years left out) however often the words recur; the gate's stem ids read from the
/// content words are the sorted distinct ids of the text's content stems, single letters left out.
/// </summary>
public class FeaturizerWordCachesTests
{
    private static readonly string[] Texts =
    [
        "Property taxes will not rise next year, the mayor said",
        "The city raised property taxes again in 2019",
        "U.S. troops will stay in the region for two more years",
        "150 million people and two dogs; 1,200 cars in 2019, 3.5 per cent",
        "Two thousand jobs went, then 40 jobs, then 120 jobs at the factory",
        "The Zorblaxian delegation's qwertyuiop plan was rejected by Parliament",
        // A word of 70 letters: longer than the 64-character buffer, so the embedder skips it.
        "the " + new string('a', 70) + " plan and the UNHCR's ALL-CAPS report",
        "",
        "!!! ... ???",
        "Élysée officials say café prices rose 12% since May",
        "It's not what we'd planned: they won't, can't and shouldn't",
        // WordNet taxonomy both ways: "dog" is a kind of "animal", "cat" and "dog" share a hypernym.
        "A dog chased the cat across the garden",
        "An animal chased a kitten across the yard",
        "The poodle ran after a small animal and a cat",
    ];

    private static PairFeaturizer NewFeaturizer() =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1 << 12);

    [Fact]
    public void Prepared_embedding_equals_the_embedders_bit_for_bit()
    {
        var f = NewFeaturizer();
        var nonZero = 0;
        foreach (var text in Texts)
        {
            var expected = f.Embedder.Embed(text);
            var actual = f.Prepare(text).Embedding;
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
            if (expected.Any(x => x != 0)) nonZero++;
        }
        // The empty and punctuation-only texts embed to zeros; every other text has known words.
        Assert.Equal(Texts.Length - 2, nonZero);
    }

    [Fact]
    public void Number_readings_kept_per_word_equal_fresh_ones()
    {
        var shared = NewFeaturizer();
        var other = NewFeaturizer();
        // Twice over on the shared featurizer: the second round reads every word's number answer from its cache.
        for (int round = 0; round < 2; round++)
            foreach (var text in Texts)
            {
                var a = shared.Prepare(text);
                shared.Featurize(a, shared.Prepare(Texts[0]));
                var fresh = NewFeaturizer();
                var b = fresh.Prepare(text);
                fresh.Featurize(b, fresh.Prepare(Texts[0]));
                Assert.Equal(b.Facts!.Numbers, a.Facts!.Numbers);
            }
        var numbers = shared.Prepare(Texts[3]);
        other.Featurize(other.Prepare(Texts[3]), other.Prepare(Texts[4]));
        shared.Featurize(numbers, shared.Prepare(Texts[4]));
        // "150 million" is one value; "two" a number word; "1,200" read without its comma; "2019" is a year (a date); "3.5".
        Assert.Equal([150e6, 2, 1200, 3.5], numbers.Facts!.Numbers.Select(n => n.Value));
        Assert.Equal("150 million", Texts[3][numbers.Facts.Numbers[0].Span.Start..numbers.Facts.Numbers[0].Span.End]);
    }

    [Fact]
    public void Number_nouns_in_reasons_equal_fresh_ones()
    {
        // NounAfter reads the per-word number answers too: "40 jobs" vs "120 jobs" names the counted noun (as written since featurizer v6).
        var shared = NewFeaturizer();
        const string p = "40 jobs will go at the factory", h = "120 jobs will go at the factory";
        shared.Featurize(shared.Prepare(Texts[4]), shared.Prepare(Texts[3])); // warms "jobs", "40", "120", "two"
        var expected = NewFeaturizer().Featurize(p, h);
        var actual = shared.Featurize(p, h);
        Assert.Equal(expected.Dense, actual.Dense);
        Assert.Equal(expected.Hashed, actual.Hashed);
        Assert.Equal(expected.Reasons.Select(r => r.Message), actual.Reasons.Select(r => r.Message));
        Assert.Contains(actual.Reasons, r => r.Kind == "number-noun" && r.Message.Contains("'jobs'"));
    }

    [Fact]
    public void Gate_stem_ids_are_the_sorted_distinct_ids_of_the_content_stems()
    {
        var f = NewFeaturizer();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var asked = new List<string>();
        int IdOf(string stem)
        {
            asked.Add(stem);
            if (stem.Length == 1 && char.IsLetter(stem[0])) return 0;
            if (!ids.TryGetValue(stem, out var id)) ids[stem] = id = 1000 - ids.Count; // descending: insertion order is not id order
            return id;
        }
        for (int round = 0; round < 2; round++)
            foreach (var text in Texts)
            {
                var t = f.Prepare(text);
                var actual = f.ContentStemIds(t, IdOf);
                var expected = t.ContentStems.Where(s => !(s.Length == 1 && char.IsLetter(s[0]))).Select(IdOf).Distinct().Order().ToArray();
                Assert.Equal(expected, actual);
            }
        Assert.Contains("u", asked); // "U.S." has single-letter stems, left out
        // A vocabulary word's id is asked for once per featurizer ("tax" recurs in two texts and both rounds).
        var beforeAgain = asked.Count(s => s == "tax");
        f.ContentStemIds(f.Prepare(Texts[1]), s => s == "tax" ? throw new InvalidOperationException("asked again") : IdOf(s));
        Assert.Equal(beforeAgain, asked.Count(s => s == "tax"));
    }

    [Fact]
    public void The_gate_over_word_ids_answers_as_the_string_walk()
    {
        var f = NewFeaturizer();
        var gate = new TopicGate(f, 2);
        var prepared = Texts.Select(f.Prepare).ToArray();
        for (int i = 0; i < Texts.Length; i++)
            for (int j = 0; j < Texts.Length; j++)
                Assert.Equal(gate.Related(gate.Prepare(Texts[i]), gate.Prepare(Texts[j])), gate.Related(prepared[i], prepared[j]));
        Assert.True(gate.Related(prepared[0], prepared[1])); // "property", "tax"
        Assert.False(gate.Related(prepared[0], prepared[2]));
    }

    private static string Describe(PairFeatures f) =>
        string.Join(",", f.Dense.Select(x => BitConverter.SingleToInt32Bits(x))) + " | " + string.Join(",", f.Hashed) + " | "
        + string.Join(" ; ", f.Reasons.Select(r => $"{r.Kind}: {r.Message} [{string.Join(" ", r.SpansA)}] [{string.Join(" ", r.SpansB)}]"))
        + " | " + f.DifferentSubjects;

    [Fact]
    public void Reverse_direction_read_from_the_last_alignment_equals_a_fresh_one()
    {
        // The pair scorer's order (a->b with reasons, then b->a without), and orders that must not read a stale alignment:
        // the same direction twice, a text with itself, and a reverse call after some other pair came in between.
        var shared = NewFeaturizer();
        var prepared = Texts.Select(shared.Prepare).ToArray();
        var fresh = NewFeaturizer();
        var expected = new Dictionary<(int, int), string>();
        string Expected(int i, int j) =>
            expected.TryGetValue((i, j), out var e) ? e : expected[(i, j)] = Describe(fresh.Featurize(fresh.Prepare(Texts[i]), fresh.Prepare(Texts[j])));
        int checks = 0, aligned = 0, taxonomy = 0;
        var specificIndex = Array.IndexOf(PairFeaturizer.FeatureNames, "h_more_specific_count");
        var cohyponymIndex = Array.IndexOf(PairFeaturizer.FeatureNames, "cohyponym_count");
        for (int i = 0; i < Texts.Length; i++)
            for (int j = 0; j < Texts.Length; j++)
            {
                var ab = shared.Featurize(prepared[i], prepared[j]);
                Assert.Equal(Expected(i, j), Describe(ab));
                var ba = shared.FeaturizeWithoutReasons(prepared[j], prepared[i]);
                var full = Describe(fresh.Featurize(fresh.Prepare(Texts[j]), fresh.Prepare(Texts[i])));
                // Without reasons: the same features and subject flag, an empty reason list.
                Assert.Equal(full[..full.LastIndexOf(" | ", full.LastIndexOf(" | ") - 1)], Describe(ba)[..Describe(ba).LastIndexOf(" | ", Describe(ba).LastIndexOf(" | ") - 1)]);
                Assert.Equal(Expected(j, i), Describe(shared.Featurize(prepared[j], prepared[i])));
                Assert.Equal(Expected(j, i), Describe(shared.Featurize(prepared[j], prepared[i])));
                var k = (i + 3) % Texts.Length;
                Assert.Equal(Expected(i, k), Describe(shared.Featurize(prepared[i], prepared[k])));
                Assert.Equal(Expected(j, i), Describe(shared.Featurize(prepared[j], prepared[i])));
                checks += 6;
                if (ab.Dense[3] != 1f) aligned++; // some pairs have words without a perfect counterpart
                if (ab.Dense[specificIndex] > 0 || ab.Dense[cohyponymIndex] > 0) taxonomy++;
            }
        Assert.Equal(6 * Texts.Length * Texts.Length, checks);
        Assert.True(aligned > Texts.Length, "the texts should give partial alignments");
        // The taxonomy answers (kept with the alignment for the reverse direction) decide some features here.
        Assert.True(taxonomy >= 4, $"only {taxonomy} pairs had a more specific word or a co-hyponym");
    }
}
