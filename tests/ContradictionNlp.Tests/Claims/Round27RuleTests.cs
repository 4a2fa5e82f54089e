using System.Collections;
using ContradictionNlp.Claims;
using ContradictionNlp.Speakers;
using ContradictionNlp.Text;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 27 (issue 3): who speaks. An organisation named with "of" or "for" keeps its whole name, and its last word is
/// nobody's surname (on bbc-news the Office for National Statistics was "Office" and so merged with "the government's
/// Cabinet Office"; "the Telecom Regulatory Authority of India" became Air India); only people have surnames; British
/// honorifics without a period are titles ("Mr Blair" is the article's Tony Blair); "champion" is a title, not a stance
/// verb; a common word opening a sentence ("Investors said") is no speaker. docs/claims-history.md, "Claims: organisations keep their
/// names, and only people have surnames". Texts are ours.
/// </summary>
public class Round27RuleTests
{
    [Theory]
    [InlineData("The Office for National Statistics said retail sales fell in March.", "Office for National Statistics")]
    [InlineData("The Office of National Statistics said retail sales fell in March.", "Office of National Statistics")]
    [InlineData("The Confederation of British Industry said retail sales fell in March.", "Confederation of British Industry")]
    [InlineData("The Royal College of Physicians said the ward was unsafe.", "Royal College of Physicians")]
    [InlineData("The Office of the Deputy Prime Minister said the ward was unsafe.", "Office of the Deputy Prime Minister")]
    [InlineData("The Joint Council for the Welfare of Immigrants said the ward was unsafe.", "Joint Council for the Welfare of Immigrants")]
    [InlineData("Retail sales fell in March, according to the Office for National Statistics.", "Office for National Statistics")]
    // Lower-case words and "X-based" before an organisation are no part of its name.
    [InlineData("The news agency Reuters said retail sales fell in March.", "Reuters")]
    [InlineData("Paris-based Euronext said retail sales fell in March.", "Euronext")]
    [InlineData("The independent Institute for Fiscal Studies said retail sales fell in March.", "Institute for Fiscal Studies")]
    // The name ends at punctuation: the relative clause is not part of it.
    [InlineData("The National Council for Adoption, which opposed the bill, said the ward was unsafe.", "National Council for Adoption")]
    public void An_organisation_named_with_of_or_for_keeps_its_whole_name(string text, string name)
    {
        var claim = Assert.Single(Run(text).Claims);
        Assert.Equal(MentionKind.Name, claim.Speaker.Kind);
        Assert.Equal(name, claim.Speaker.Name);
    }

    [Theory]
    // A title between an organisation and a name: the person speaks, the organisation is the role's.
    [InlineData("Bank of England Governor Mervyn King said rates would stay.", "rates would", "Mervyn King")]
    // Lower case after "for" is a role's phrase, not a name: the head is the spokesman.
    [InlineData("A spokesman for the Treasury said rates would stay.", "rates would", "")]
    [InlineData("Bank of England Deputy Governor Rachel Lomax said prices would rise.", "prices would", "Rachel Lomax")]
    // An occupation or "rival" opening the sentence is a role, not part of the name.
    [InlineData("Rival Sony said prices would rise.", "prices would", "Sony")]
    [InlineData("Actress Jane Roe said prices would rise.", "prices would", "Jane Roe")]
    public void Titles_roles_and_organisations_before_a_name_are_not_part_of_it(string text, string contentStart, string name)
    {
        var claim = RuleClaim(text, contentStart);
        Assert.Equal(name, claim.Speaker.Name);
    }

    [Fact]
    public void An_honorific_without_a_period_is_a_title_not_part_of_the_name()
    {
        // British style: "Mr Blair", not "Mr. Blair". Until round 27 the name was "Mr Blair", never the article's Tony Blair.
        const string text = "Prime Minister Tony Blair visited Leeds. Mr Blair said the economy was strong. Mr. Blair said taxes would stay low.";
        var claims = Run(text).Claims;
        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("Tony Blair", c.Speaker.Name));
        // The honorific gives the gender: "she" is not Mr McConnell, named last, but the woman named before him.
        const string gendered = "Nicola Sturgeon wrote to Jack McConnell. Mr McConnell replied on Monday. She said questions must be answered.";
        Assert.Equal("Nicola Sturgeon", RuleClaim(gendered, "questions").Speaker.Name);
        Assert.Equal("Jack McConnell", RuleClaim("Jack McConnell spoke. Mr McConnell said the plan was fair.", "the plan").Speaker.Name);
    }

    [Fact]
    public void Champion_is_a_title_championed_is_a_cue()
    {
        // 69 bbc-news claims read "champion" as a stance verb: speaker "Double Olympic", content "Kelly Holmes has ...".
        const string title = "Double Olympic champion Kelly Holmes has been voted the best athlete of the year.";
        Assert.Empty(Run(title).Claims);
        Assert.Empty(HybridSpeech(title));
        var claim = Assert.Single(Run("Senator Jane Roe championed the minimum wage bill at the rally.").Claims);
        Assert.Equal(("championed", "Jane Roe"), (claim.CueText, claim.Speaker.Name));
    }

    [Theory]
    // A common noun capitalised only because it opens the sentence (the article writes it in lower case elsewhere).
    [InlineData("Investors said the shares were cheap. Many investors stayed away.", "the shares", "")]
    [InlineData("People said the pier was unsafe. Some people stayed away.", "the pier", "")]
    // The negative cases: a name the article never writes in lower case, or also capitalised inside a sentence.
    [InlineData("Barclays said the shares were cheap. Many investors stayed away.", "the shares", "Barclays")]
    [InlineData("Apple boss Steve Jobs spoke. Jobs said the phone would sell. New jobs were created.", "the phone", "Steve Jobs")]
    [InlineData("EBay said the fees would fall. Sellers on eBay were pleased.", "the fees", "EBay")]
    public void A_common_word_opening_a_sentence_is_no_speaker(string text, string contentStart, string speaker) =>
        Assert.Equal(speaker, RuleClaim(text, contentStart).Speaker.Name);

    private static SpeakerMention Name(string name) => new(new TextSpan(0, name.Length), name, MentionKind.Name, name, []);

    [Fact]
    public void An_organisation_word_is_nobody_s_surname()
    {
        var index = new SpeakerIndex([]);
        var cabinet = index.Resolve(Name("Cabinet Office"))!;
        var bank = index.Resolve(Name("Bank of England"))!;
        Assert.NotEqual(cabinet.Id, index.Resolve(Name("Office"))!.Id);
        Assert.NotEqual(bank.Id, index.Resolve(Name("England"))!.Id);
        // A person's surname still takes the one full name that ends with it (the negative case).
        var blair = index.Resolve(Name("Tony Blair"))!;
        Assert.Equal(blair.Id, index.Resolve(Name("Blair"))!.Id);
        Assert.Equal(["cabinet office"], SpeakerIndex.NameKeys("Cabinet Office").Select(k => k.Key));
        Assert.Equal(["bank of england"], SpeakerIndex.NameKeys("Bank of England").Select(k => k.Key));
        Assert.Equal(["tony blair", "blair"], SpeakerIndex.NameKeys("Tony Blair").Select(k => k.Key));
    }

    [Theory]
    // A place, an acronym or a party member alone is nobody's surname (bbc-news: "France" was Elizabeth France's,
    // "MPs" went to "Male MPs", "UK" to Amnesty International UK; PolNeAR: "a Democrat" to "Iowa Democrat").
    [InlineData("Elizabeth France", "France", false)]
    [InlineData("Male MPs", "MPs", false)]
    [InlineData("Amnesty International UK", "UK", false)]
    [InlineData("Iowa Democrat", "Democrat", false)]
    // Nor is the last word of a name that starts with capitals, a place or lower case.
    [InlineData("BBC Wales", "Wales", false)]
    [InlineData("BBC Sport", "Sport", false)]
    [InlineData("Japan Airlines", "Airlines", false)]
    [InlineData("news agency Reuters", "Reuters", false)]
    // The negative cases: people's surnames, also in a transcript's capitals, still take the one full name ...
    [InlineData("Mike Pence", "PENCE", true)]
    [InlineData("Mary Fallin", "Fallin", true)]
    [InlineData("Dr Fox", "Fox", true)]
    [InlineData("Jools Holland", "Holland", true)]
    // ... and so does a surname that is also a place, after an honorific.
    [InlineData("Mr Houston", "Houston", true)]
    public void A_bare_word_takes_a_full_name_only_as_a_person_s_surname(string full, string bare, bool merges)
    {
        var index = new SpeakerIndex([]);
        var named = index.Resolve(Name(full))!;
        Assert.Equal(merges, named.Id == index.Resolve(Name(bare))!.Id);
        Assert.Equal(merges, SpeakerIndex.NameKeys(full).Any(k => k.Kind == SpeakerKeyKind.Surname));
    }

    [Fact]
    public void A_store_written_before_the_rule_does_not_merge_by_an_old_surname_key()
    {
        // Stores written before round 27 hold "england" as the surname key of "Bank of England".
        var directory = new OldKeysDirectory([new Speaker("bank-of-england", "Bank of England", [], []), new Speaker("tony-blair", "Tony Blair", [], [])]);
        var index = new SpeakerIndex(directory);
        Assert.NotEqual("bank-of-england", index.Resolve(Name("England"))!.Id);
        Assert.Equal("tony-blair", index.Resolve(Name("Blair"))!.Id);
    }

    /// <summary>A directory keyed as stores were before round 27: every name of two words or more has its last word as a surname key.</summary>
    private sealed class OldKeysDirectory(List<Speaker> speakers) : ISpeakerDirectory
    {
        public IEnumerable<long> Handles() => speakers.Select((_, i) => (long)i);
        public IEnumerable<(long Handle, string Id)> WithKey(string key, SpeakerKeyKind kind)
        {
            for (int i = 0; i < speakers.Count; i++)
            {
                var name = SpeakerIndex.Normalize(speakers[i].Name);
                bool has = kind switch
                {
                    SpeakerKeyKind.Name => name == key,
                    SpeakerKeyKind.Surname => name.Contains(' ') && name[(name.LastIndexOf(' ') + 1)..] == key,
                    _ => false,
                };
                if (has) yield return (i, speakers[i].Id);
            }
        }
        public Speaker Load(long handle) => speakers[(int)handle];
        public bool IdExists(string id) => speakers.Any(s => s.Id == id);
        public IEnumerator<Speaker> GetEnumerator() => speakers.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
