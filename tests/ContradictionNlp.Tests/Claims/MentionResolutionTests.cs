using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Speaker resolution patterns from the round-4 pronoun sample, on sentences we wrote: each pattern
/// with the case it fixes and a neighbouring case that must keep its old answer.
/// </summary>
public class MentionResolutionTests
{
    private static Claim ClaimWithCue(string text, string cue, string contentStart)
    {
        var (claims, _) = Run(text);
        return Assert.Single(claims, c => c.CueText == cue && c.ContentText.StartsWith(contentStart, StringComparison.Ordinal));
    }

    // --- "it"/"they": the nearest non-person clause subject, not an older named organisation ---

    [Fact]
    public void It_after_a_document_that_spoke_is_the_document_not_an_older_organisation()
    {
        var text = "The Federal Trade Commission opened an inquiry last year. "
                 + "Firms can split a large unit into small ones, the report says. It also says that the rules are weak.";
        var c = ClaimWithCue(text, "says", "the rules");
        Assert.Equal("It", c.Speaker.Text);
        Assert.False(c.Speaker.IsResolved);
    }

    [Fact]
    public void It_after_a_common_noun_subject_is_not_an_organisation_named_in_its_predicate()
    {
        var text = "A new ad from the campaign went on air today. The ad uses footage of the rally. "
                 + "The ad then cites Pentagon criticism of the senator. It says that the senator misled voters.";
        var c = ClaimWithCue(text, "says", "the senator misled");
        Assert.False(c.Speaker.IsResolved);
    }

    [Fact]
    public void They_after_a_plural_common_noun_subject_is_not_an_older_organisation()
    {
        var text = "In July, the Housing Department joined the lawsuit. Tenant advocates have expressed concern about the rule. "
                 + "They say that rents will rise.";
        var c = ClaimWithCue(text, "say", "rents will rise");
        Assert.False(c.Speaker.IsResolved);
    }

    [Fact]
    public void They_still_takes_an_organisation_that_opens_the_previous_sentence()
    {
        var text = "In July, the Housing Department joined the lawsuit. They say that rents will rise.";
        var c = ClaimWithCue(text, "say", "rents will rise");
        Assert.Equal("Housing Department", c.Speaker.Name);
    }

    [Fact]
    public void It_still_takes_the_nearest_organisation_subject()
    {
        var text = "The Federal Reserve raised rates in May. The Treasury Department said that growth was slow. "
                 + "It added that jobs were rising.";
        var c = ClaimWithCue(text, "added", "jobs were rising");
        Assert.Equal("Treasury Department", c.Speaker.Name);
    }

    [Fact]
    public void It_does_not_take_a_singular_subject_for_they_or_a_plural_one_for_it()
    {
        // "the figures" is plural: "it" skips it and finds the commission, the singular subject before it.
        var text = "The Water Commission met on Monday. The figures show losses. It said that prices would rise.";
        var c = ClaimWithCue(text, "said", "prices would rise");
        Assert.Equal("Water Commission", c.Speaker.Name);
    }

    // --- gendered titles ---

    [Fact]
    public void She_after_a_female_titled_surname_is_not_the_male_bearer_of_the_surname()
    {
        var text = "Union leader Paul Okafor spoke first. Mrs. Okafor has backed the strike. She said that the talks would resume.";
        var c = ClaimWithCue(text, "said", "the talks would resume");
        Assert.NotEqual("Paul Okafor", c.Speaker.Name);
        Assert.Equal("Okafor", c.Speaker.Name);
    }

    [Fact]
    public void A_titled_surname_takes_the_full_name_of_its_own_gender()
    {
        var text = "Ada Okafor toured the plant. Union leader Paul Okafor spoke first. "
                 + "Mrs. Okafor said that the plant would stay open. Mr. Okafor said that wages would rise.";
        Assert.Equal("Ada Okafor", ClaimWithCue(text, "said", "the plant would").Speaker.Name);
        Assert.Equal("Paul Okafor", ClaimWithCue(text, "said", "wages would rise").Speaker.Name);
    }

    [Fact]
    public void She_finds_the_female_full_name_when_a_male_one_came_later()
    {
        var text = "Ada Okafor toured the plant. Union leader Paul Okafor spoke first. Mrs. Okafor has backed the strike. "
                 + "She said that the talks would resume.";
        Assert.Equal("Ada Okafor", ClaimWithCue(text, "said", "the talks would resume").Speaker.Name);
    }

    [Fact]
    public void She_with_only_a_male_antecedent_stays_unresolved()
    {
        var text = "Union leader Paul Okafor spoke first. She said that the talks would resume.";
        Assert.False(ClaimWithCue(text, "said", "the talks would resume").Speaker.IsResolved);
    }

    [Fact]
    public void He_after_a_bare_surname_skips_the_female_bearer_named_last()
    {
        var text = "Senator Ted Okafor spoke at noon. A rival mocked Heidi Okafor in May. "
                 + "Delegates asked how Okafor could turn back. He said that the pledge was void.";
        Assert.Equal("Ted Okafor", ClaimWithCue(text, "said", "the pledge was void").Speaker.Name);
    }

    // --- places are not persons ---

    [Fact]
    public void A_town_followed_by_its_state_is_not_a_they_antecedent()
    {
        var text = "My father sold our house in Bridgeport, Conn., in 1970. They said that the crash was near.";
        Assert.False(ClaimWithCue(text, "said", "the crash was near").Speaker.IsResolved);
    }


    [Fact]
    public void A_state_abbreviation_after_a_hometown_is_not_a_she_antecedent()
    {
        var text = "Dana Reyes, 59, of Ashton, Md., said that the day brought back memories. She added that the crowd was huge.";
        var c = ClaimWithCue(text, "added", "the crowd was huge");
        Assert.Equal("Dana Reyes", c.Speaker.Name);
    }

    [Fact]
    public void A_state_name_is_not_a_she_antecedent()
    {
        var text = "The nominee argued that New York's legislature had sealed the files. His former wife agreed. "
                 + "She said that the files should stay closed.";
        var c = ClaimWithCue(text, "said", "the files should");
        Assert.NotEqual("New York", c.Speaker.Name);
        Assert.False(c.Speaker.IsResolved);
    }

    [Fact]
    public void A_person_whose_first_name_is_a_state_stays_a_person()
    {
        var text = "Virginia Holt chaired the hearing. She said that the budget was short.";
        Assert.Equal("Virginia Holt", ClaimWithCue(text, "said", "the budget").Speaker.Name);
    }

    [Fact]
    public void A_plural_demonym_is_not_a_he_antecedent()
    {
        var text = "President Tom Reilly met the leaders in May. The Europeans derided the deal as weak, but Mr. Reilly learned from it. "
                 + "He said that a deal needed every nation.";
        Assert.Equal("Tom Reilly", ClaimWithCue(text, "said", "a deal needed").Speaker.Name);
    }

    [Fact]
    public void A_plural_demonym_stays_a_they_antecedent()
    {
        var text = "The Europeans said that the deal was weak. They added that talks would resume.";
        Assert.Equal("Europeans", ClaimWithCue(text, "added", "talks would resume").Speaker.Name);
    }

    // --- the reporting clause's subject outranks a name inside the reported content ---

    [Fact]
    public void He_after_a_spokesman_reporting_on_his_principal_is_the_spokesman()
    {
        var text = "Press secretary Tom Reilly said Monday that Governor Carl Ruiz has long called for lower fees. "
                 + "He said that the plan was fair.";
        var c = ClaimWithCue(text, "said", "the plan was fair");
        Assert.Equal("Tom Reilly", c.Speaker.Name);
    }

    [Fact]
    public void He_after_a_name_that_opens_its_own_sentence_is_that_name()
    {
        var text = "Press secretary Tom Reilly spoke on Monday. Governor Carl Ruiz has long called for lower fees. "
                 + "He said that the plan was fair.";
        var c = ClaimWithCue(text, "said", "the plan was fair");
        Assert.Equal("Carl Ruiz", c.Speaker.Name);
    }
}
