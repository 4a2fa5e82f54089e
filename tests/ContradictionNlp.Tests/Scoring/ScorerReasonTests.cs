using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Scoring;

public class ScorerReasonTests
{
    private static IContradictionScorer Scorer => ShippedModels.Catalog.LoadScorer();

    [Fact]
    public void Negation_mismatch_points_at_the_negation_word_and_scores_contradiction()
    {
        var s = Scorer.Score("Belarus will send troops", "Belarus will not send troops");
        var r = Assert.Single(s.Reasons, r => r.Kind == "negation");
        Assert.Equal("'not' negates the second text only: polarity mismatch", r.Message);
        Assert.Empty(r.SpansA);
        Assert.Equal([new TextSpan(13, 16)], r.SpansB);
        Assert.True(s.Contradiction > 0.5, $"P(contradiction) = {s.Contradiction}");
        Assert.Equal(1.0, s.Contradiction + s.Entailment + s.Neutral, 9);
    }

    [Fact]
    public void Same_polarity_gives_no_negation_reason()
    {
        var s = Scorer.Score("Belarus will not send troops", "Belarus won't send troops");
        Assert.DoesNotContain(s.Reasons, r => r.Kind == "negation");
        Assert.DoesNotContain(s.Reasons, r => r.Kind == "modality"); // "won't" is "will" + "n't"
    }

    [Fact]
    public void Different_numbers_are_a_number_reason_with_the_whole_quantity()
    {
        const string a = "The budget is 150 million dollars";
        const string b = "The budget is 200 million dollars";
        var s = Scorer.Score(a, b);
        var r = Assert.Single(s.Reasons, r => r.Kind == "number");
        Assert.Equal("'150 million' vs '200 million': different numbers", r.Message);
        Assert.Equal("150 million", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("200 million", Assert.Single(r.SpansB).Of(b));
    }

    [Fact]
    public void Equal_quantities_written_differently_are_not_a_number_reason()
    {
        var s = Scorer.Score("He paid 1,500 dollars", "He paid 1500 dollars");
        Assert.DoesNotContain(s.Reasons, r => r.Kind == "number");
    }

    [Fact]
    public void WordNet_antonyms_are_an_antonym_reason()
    {
        const string a = "The water is hot";
        const string b = "The water is cold";
        var s = Scorer.Score(a, b);
        var r = Assert.Single(s.Reasons, r => r.Kind == "antonym");
        Assert.Equal("'hot' vs 'cold': WordNet antonyms", r.Message);
        Assert.Equal("hot", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("cold", Assert.Single(r.SpansB).Of(b));
    }

    [Fact]
    public void Related_but_different_objects_are_a_substitution_reason()
    {
        const string a = "A man plays the guitar";
        const string b = "A man plays the piano";
        var s = Scorer.Score(a, b);
        var r = Assert.Single(s.Reasons, r => r.Kind == "substitution");
        Assert.StartsWith("'guitar' vs 'piano': related but different words", r.Message);
        Assert.Equal("guitar", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("piano", Assert.Single(r.SpansB).Of(b));
        var aligned = Assert.Single(s.Reasons, r => r.Kind == "aligned");
        Assert.Equal("2 of 3 content words match: 'man', 'plays'", aligned.Message);
    }

    [Fact]
    public void A_more_specific_hypothesis_word_is_a_specific_reason()
    {
        const string a = "An animal is running";
        const string b = "A dog is running";
        var r = Assert.Single(Scorer.Score(a, b).Reasons, r => r.Kind == "specific");
        Assert.Equal("'dog' is a kind of 'animal': the second text is more specific", r.Message);
        Assert.Equal("animal", Assert.Single(r.SpansA).Of(a));
        Assert.DoesNotContain(Scorer.Score(b, a).Reasons, r => r.Kind == "specific");
    }

    [Fact]
    public void Different_dates_are_a_date_reason()
    {
        var s = Scorer.Score("The vote was held on Monday", "The vote was held on Friday");
        var r = Assert.Single(s.Reasons, r => r.Kind == "date");
        Assert.Equal("'Monday' vs 'Friday': different dates", r.Message);
    }

    [Fact]
    public void Identical_texts_have_no_conflict_cues_and_lean_entailment()
    {
        var s = Scorer.Score("Two dogs run in a field", "Two dogs run in a field");
        Assert.DoesNotContain(s.Reasons, r => r.Kind is "negation" or "antonym" or "number" or "date" or "substitution");
        Assert.True(s.Entailment > s.Contradiction && s.Entailment > s.Neutral, $"C={s.Contradiction} E={s.Entailment} N={s.Neutral}");
    }
}
