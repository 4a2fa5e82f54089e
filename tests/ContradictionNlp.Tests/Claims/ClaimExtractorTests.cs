using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Each case is a short text we wrote and the exact claims expected, as
/// "Speaker | cue | content" (speaker "?text" when unresolved).
/// </summary>
public class ClaimExtractorTests
{
    [Theory]
    // Reported speech, with and without "that", titles stripped, adverbs and PPs between cue and clause.
    [InlineData("Finnish Trade Minister Aino Virtanen said that exports fell by a tenth.",
        "Aino Virtanen | said | exports fell by a tenth")]
    [InlineData("Mayor Tom Reyes confirmed the bridge will reopen in May.",
        "Tom Reyes | confirmed | the bridge will reopen in May")]
    [InlineData("Dana Whitfield recently stated in an interview that the merger was never discussed.",
        "Dana Whitfield | stated | the merger was never discussed")]
    [InlineData("Dana Whitfield now acknowledges that the merger was discussed twice.",
        "Dana Whitfield | acknowledges | the merger was discussed twice")]
    [InlineData("Dana Whitfield maintains that the board approved every payment.",
        "Dana Whitfield | maintains | the board approved every payment")]
    [InlineData("Paul Okafor told reporters on Tuesday that the strike would end soon.",
        "Paul Okafor | told | the strike would end soon")]
    [InlineData("The Danish Health Minister, Lise Holm, flatly denied that hospitals were closing.",
        "Lise Holm | denied | hospitals were closing")]
    [InlineData("Lise Holm, the Danish health minister, said hospitals were not closing.",
        "Lise Holm | said | hospitals were not closing")]
    [InlineData("Paul Okafor pointed out that wages had risen for three years.",
        "Paul Okafor | pointed out | wages had risen for three years")]
    // Postposed and inverted speaker.
    [InlineData("The port will close at noon, Paul Okafor said.",
        "Paul Okafor | said | The port will close at noon")]
    [InlineData("The port will close at noon, said Paul Okafor.",
        "Paul Okafor | said | The port will close at noon")]
    [InlineData("The port will close at noon, officials said on Monday.",
        "?officials | said | The port will close at noon")]
    // Direct quotes: straight and curly, speaker before or after, colon.
    [InlineData("\"We will not raise taxes,\" Maria Lopez said.",
        "Maria Lopez | said | We will not raise taxes")]
    [InlineData("\u201CWe will not raise taxes,\u201D said Maria Lopez.",
        "Maria Lopez | said | We will not raise taxes")]
    [InlineData("Maria Lopez said: \u201CWe will not raise taxes this year.\u201D",
        "Maria Lopez | said | We will not raise taxes this year")]
    [InlineData("\"The plan is finished. Nobody supports it,\" Maria Lopez told reporters.",
        "Maria Lopez | told | The plan is finished. Nobody supports it")]
    // According to.
    [InlineData("According to the Danish Health Ministry, twelve clinics closed last year.",
        "Danish Health Ministry | According to | twelve clinics closed last year")]
    [InlineData("Twelve clinics closed last year, according to a spokesman for the ministry.",
        "?a spokesman for the ministry | according to | Twelve clinics closed last year")]
    // Cue nouns with a that-clause.
    [InlineData("Paul Okafor's admission that the audit was late surprised no one.",
        "Paul Okafor | admission | the audit was late surprised no one")]
    // Organisations speak.
    [InlineData("The European Commission said it would review the subsidy.",
        "European Commission | said | it would review the subsidy")]
    public void Extracts_the_expected_claim(string text, string expected)
    {
        Assert.Equal([expected], Lines(text));
    }

    [Theory]
    [InlineData("She told him to leave.")]                                            // directive, not a claim
    [InlineData("The figures said nothing new.")]                                     // a document with no clause
    [InlineData("The said document was signed in 2019.")]                             // adjectival "said"
    [InlineData("Paul Okafor did not say that the strike would end.")]               // negated cue
    [InlineData("It was said that the strike would end.")]                            // passive, no speaker
    [InlineData("Paul Okafor declined to say whether the strike would end.")]        // declined to say
    [InlineData("Despite Okafor's admission, the strike went on.")]                   // cue noun with no content
    public void Extracts_nothing(string text)
    {
        var (claims, diagnostics) = Run(text, "neg.txt");
        Assert.Empty(claims);
        var d = Assert.Single(diagnostics);
        Assert.Equal(ContradictionNlp.Text.DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("neg.txt", d.Origin);
        Assert.Equal("text", d.Field);
    }

    [Fact]
    public void Several_claims_in_one_sentence_split_at_the_coordinated_cue()
    {
        var lines = Lines("Governor Ana Silva confirmed that the dam is safe and emphasized that repairs will start in June.");
        Assert.Equal(
        [
            "Ana Silva | confirmed | the dam is safe",
            "Ana Silva | emphasized | repairs will start in June",
        ], lines);
    }

    [Fact]
    public void A_participle_cue_inherits_the_subject()
    {
        var lines = Lines("Ana Silva expressed sympathy for the farmers, stressing that the drought is not over.");
        Assert.Equal(
        [
            "Ana Silva | expressed | sympathy for the farmers",
            "Ana Silva | stressing | the drought is not over",
        ], lines);
    }

    [Fact]
    public void Coordinated_predicates_after_one_cue_stay_one_claim()
    {
        var lines = Lines("Ana Silva said that the region has enough water and does not need rationing.");
        Assert.Equal(["Ana Silva | said | the region has enough water and does not need rationing"], lines);
    }

    [Fact]
    public void A_coordinated_that_clause_stays_in_the_same_claim()
    {
        var lines = Lines("Ana Silva maintains that the dam is safe and that the inspectors agree.");
        Assert.Equal(["Ana Silva | maintains | the dam is safe and that the inspectors agree"], lines);
    }

    [Fact]
    public void Pronouns_resolve_to_the_most_recent_person_subject()
    {
        var text = "Senator Ruth Ambler spoke in Denver on Friday. She said the bill would pass. " +
                   "Later, Ambler met Tom Reyes. She clarified that no vote was scheduled.";
        var (claims, _) = Run(text);
        Assert.Equal(
        [
            "Ruth Ambler | said | the bill would pass",
            "Ruth Ambler | clarified | no vote was scheduled",
        ], claims.Select(ClaimFormatter.Format));
        Assert.Equal(MentionKind.Pronoun, claims[0].Speaker.Kind);
        Assert.Equal("She", claims[0].Speaker.Text);
    }

    [Fact]
    public void A_pronoun_skips_a_person_whose_gender_does_not_match()
    {
        // "Mr." makes Reyes male, so "she" skips him; Ambler is then known to be "she", so "he" skips her.
        var text = "Mr. Tom Reyes met Ruth Ambler. She said the bill would pass. Ambler left early. He added that talks would resume.";
        Assert.Equal(
        [
            "Ruth Ambler | said | the bill would pass",
            "Tom Reyes | added | talks would resume",
        ], Lines(text));
    }

    [Fact]
    public void They_and_it_resolve_to_a_recent_organisation()
    {
        var text = "The European Commission reviewed the subsidy on Monday. They said the review would take a month. It added that no fine was planned.";
        Assert.Equal(
        [
            "European Commission | said | the review would take a month",
            "European Commission | added | no fine was planned",
        ], Lines(text));
    }

    [Fact]
    public void A_pronoun_with_no_antecedent_stays_unresolved()
    {
        var (claims, _) = Run("He said the border would stay open.");
        var c = Assert.Single(claims);
        Assert.False(c.Speaker.IsResolved);
        Assert.Equal("?He | said | the border would stay open", ClaimFormatter.Format(c));
    }

    [Fact]
    public void A_bare_surname_takes_the_full_name_seen_later_and_earlier()
    {
        var text = "Okafor said the talks had failed. Union leader Paul Okafor arrived at noon. Okafor added that a new offer was coming.";
        Assert.Equal(
        [
            "Paul Okafor | said | the talks had failed",
            "Paul Okafor | added | a new offer was coming",
        ], Lines(text));
    }

    [Fact]
    public void A_description_resolves_to_the_person_last_given_that_role()
    {
        var text = "Chilean leader Marco Ibarra visited Lima. The Chilean leader said that trade would double.";
        var (claims, _) = Run(text);
        var c = Assert.Single(claims);
        Assert.Equal(MentionKind.Nominal, c.Speaker.Kind);
        Assert.Equal("Marco Ibarra", c.Speaker.Name);
        Assert.Equal(["Chilean leader"], c.Speaker.Roles);
    }

    [Fact]
    public void Titles_and_roles_are_split_from_the_name()
    {
        var (claims, _) = Run("Belarusian President Alexander Lukashenko said the exercises were over.");
        var s = Assert.Single(claims).Speaker;
        Assert.Equal("Alexander Lukashenko", s.Name);
        Assert.Equal(["Belarusian President"], s.Roles);
        Assert.Equal("Belarusian President Alexander Lukashenko", s.Text);
        Assert.Equal(MentionKind.Name, s.Kind);
    }

    [Fact]
    public void Role_before_a_name_set_off_by_commas()
    {
        var (claims, _) = Run("Belarusian Foreign Minister, Sergei Aleinik, said the border was calm.");
        var s = Assert.Single(claims).Speaker;
        Assert.Equal("Sergei Aleinik", s.Name);
        Assert.Equal(["Belarusian Foreign Minister"], s.Roles);
    }

    [Fact]
    public void Possessive_speaker_is_the_name_without_the_ending()
    {
        var (claims, _) = Run("Lukashenko\u2019s claim that the troops had left was false.");
        var c = Assert.Single(claims);
        Assert.Equal("Lukashenko", c.Speaker.Name);
        Assert.Equal(ClaimKind.CueNoun, c.Kind);
        Assert.Equal("the troops had left was false", c.ContentText);
    }

    [Fact]
    public void Spans_ids_dates_and_kinds_are_filled_in()
    {
        var text = "Intro line here. \"Prices will fall,\" Maria Lopez said.";
        var (claims, diagnostics) = Run(text);
        Assert.Empty(diagnostics);
        var c = Assert.Single(claims);
        Assert.Equal(ClaimKind.DirectQuote, c.Kind);
        Assert.Equal("Prices will fall", c.Content.Of(text));
        Assert.Equal(c.ContentText, c.Content.Of(text));
        Assert.Equal("said", c.Cue.Of(text));
        Assert.Equal("Maria Lopez", c.Speaker.Span.Of(text));
        Assert.Equal(1, c.SentenceIndex);
        Assert.Equal("\"Prices will fall,\" Maria Lopez said.", c.Sentence.Of(text));
        Assert.Equal(Claim.MakeId(c.ArticleId, c.Content), c.Id);
        Assert.Equal(Date, c.Date);
    }

    [Fact]
    public void The_speech_inside_a_quotation_is_not_a_second_claim()
    {
        var lines = Lines("\"I said no to the deal,\" Maria Lopez said.");
        Assert.Equal(["Maria Lopez | said | I said no to the deal"], lines);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var text = "Ana Silva said the dam is safe. \"It will hold,\" she added. According to engineers, it needs repairs.";
        Assert.Equal(Lines(text), Lines(text));
        Assert.Equal(3, Lines(text).Length);
    }
}
