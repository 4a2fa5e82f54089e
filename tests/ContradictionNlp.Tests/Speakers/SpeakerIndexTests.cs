using ContradictionNlp.Claims;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Speakers;

public class SpeakerIndexTests
{
    private static SpeakerMention Name(string text, string name, params string[] roles) =>
        new(new TextSpan(0, text.Length), text, MentionKind.Name, name, roles);

    private static SpeakerMention Pronoun(string text, string antecedent) =>
        new(new TextSpan(0, text.Length), text, MentionKind.Pronoun, antecedent, []);

    [Fact]
    public void Titled_surname_pronoun_and_role_forms_merge_into_one_speaker()
    {
        var index = new SpeakerIndex([]);
        var a = index.Resolve(Name("Belarusian President Alexander Lukashenko", "Alexander Lukashenko", "Belarusian President"));
        var b = index.Resolve(Name("Lukashenko", "Lukashenko"));
        var c = index.Resolve(Pronoun("he", "Alexander Lukashenko"));
        var d = index.Resolve(Name("Belarusian leader Alexander Lukashenko", "Alexander Lukashenko", "Belarusian leader"));

        Assert.Equal("alexander-lukashenko", a!.Id);
        Assert.All([b, c, d], s => Assert.Equal("alexander-lukashenko", s!.Id));
        var only = Assert.Single(index.All);
        Assert.Equal("Alexander Lukashenko", only.Name);
        Assert.Equal(["Belarusian President", "Belarusian leader"], only.Roles);
        Assert.Equal(["Alexander Lukashenko", "Belarusian President Alexander Lukashenko", "Lukashenko", "Belarusian leader Alexander Lukashenko"], only.Aliases);
    }

    [Fact]
    public void A_later_full_name_upgrades_a_surname_only_speaker_and_keeps_its_id()
    {
        var index = new SpeakerIndex([]);
        var first = index.Resolve(Name("Aleinik", "Aleinik"));
        var later = index.Resolve(Name("Sergei Aleinik", "Sergei Aleinik", "Foreign Minister"));
        Assert.Equal("aleinik", first!.Id);
        Assert.Equal("aleinik", later!.Id);
        Assert.Equal("Sergei Aleinik", later.Name);
        Assert.Single(index.All);
    }

    [Fact]
    public void Case_and_diacritics_are_ignored()
    {
        var index = new SpeakerIndex([]);
        var a = index.Resolve(Name("Aliaksandr Lukašenka", "Aliaksandr Lukašenka"));
        var b = index.Resolve(Name("ALIAKSANDR LUKASENKA", "ALIAKSANDR LUKASENKA"));
        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal("aliaksandr-lukasenka", a.Id);
    }

    [Fact]
    public void An_ambiguous_surname_is_not_guessed()
    {
        var index = new SpeakerIndex([]);
        var bill = index.Resolve(Name("Bill Clinton", "Bill Clinton"));
        var hillary = index.Resolve(Name("Hillary Clinton", "Hillary Clinton"));
        var bare = index.Resolve(Name("Clinton", "Clinton"));
        Assert.NotEqual(bill!.Id, hillary!.Id);
        Assert.NotEqual(bill.Id, bare!.Id);
        Assert.NotEqual(hillary.Id, bare.Id);
        Assert.Equal("clinton", bare.Id);
    }

    [Fact]
    public void Different_people_get_different_ids_and_an_unresolved_pronoun_gets_none()
    {
        var index = new SpeakerIndex([]);
        Assert.Null(index.Resolve(Pronoun("she", "")));
        var a = index.Resolve(Name("Sergei Aleinik", "Sergei Aleinik"));
        var b = index.Resolve(Name("Vladimir Putin", "Vladimir Putin"));
        Assert.NotEqual(a!.Id, b!.Id);
        Assert.Equal(2, index.All.Count);
    }

    [Fact]
    public void Known_speakers_are_matched_first_and_new_ids_do_not_clash()
    {
        var known = new Speaker("alexander-lukashenko", "Alexander Lukashenko", ["Lukashenko"], ["Belarusian President"]);
        var index = new SpeakerIndex([known]);
        var s = index.Resolve(Name("Lukashenko", "Lukashenko"));
        Assert.Equal("alexander-lukashenko", s!.Id);
        Assert.Equal(["Belarusian President"], s.Roles);
        Assert.Throws<ArgumentException>(() => new SpeakerIndex([known, known]));
    }

    [Fact]
    public void A_plural_party_name_is_no_surname()
    {
        var index = new SpeakerIndex([]);
        var tories = index.Resolve(Name("The Tories", "Tories"));
        var local = index.Resolve(Name("Arundel and South Downs Tories", "South Downs Tories"));
        var again = index.Resolve(Name("the Tories", "Tories"));
        Assert.Equal(("tories", "Tories"), (tories!.Id, again!.Name));
        Assert.Equal("tories", again.Id);
        Assert.Equal("south-downs-tories", local!.Id);
        // A person's surname still merges (the negative case of the rule above).
        index.Resolve(Name("Mr Davies", "Davies"));
        Assert.Equal("davies", index.Resolve(Name("Ron Davies", "Ron Davies"))!.Id);
    }

    [Fact]
    public void Organisations_are_speakers_too()
    {
        var index = new SpeakerIndex([]);
        var s = index.Resolve(Name("the European Commission", "European Commission"));
        Assert.Equal("european-commission", s!.Id);
    }
}
