using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Belief, attitude and topic cues (phase 2): each rule with a sentence it must extract, with the
/// exact "Speaker | cue | content" and class, and a sentence it must leave alone.
/// </summary>
public class CueClassTests
{
    private static (string Line, CueClass Class)[] Run2(string text) =>
        Run(text).Claims.Select(c => (ClaimFormatter.Format(c), c.CueClass)).ToArray();

    [Theory]
    [InlineData("thinks", "think", CueClass.Belief)]
    [InlineData("thought", "think", CueClass.Belief)]
    [InlineData("planned", "plan", CueClass.Belief)]
    [InlineData("planning", "plan", CueClass.Belief)]
    [InlineData("worries", "worry", CueClass.Belief)]
    [InlineData("criticized", "criticize", CueClass.Attitude)]
    [InlineData("sought", "seek", CueClass.Attitude)]
    [InlineData("spoke", "speak", CueClass.Attitude)]
    [InlineData("said", "say", CueClass.Speech)]
    [InlineData("Continued", "continue", CueClass.Speech)]
    public void Cue_verbs_carry_their_class(string form, string lemma, CueClass cls)
    {
        Assert.True(CueLexicon.IsCueVerb(form, out var l, out var c));
        Assert.Equal((lemma, cls), (l, c));
    }

    [Theory]
    [InlineData("walked")]
    [InlineData("thinked")]
    [InlineData("plans ")]
    [InlineData("")]
    public void Other_words_are_not_cue_verbs(string word) => Assert.False(CueLexicon.IsCueVerb(word, out _, out _));

    [Fact]
    public void Belief_and_attitude_verbs_stay_out_of_the_speech_cues()
    {
        Assert.False(CueLexicon.IsSpeechCue("believes"));
        Assert.False(CueLexicon.IsSpeechCue("criticized"));
        Assert.True(CueLexicon.IsSpeechCue("continued"));
    }

    [Fact]
    public void Topic_particles_belong_to_their_verbs()
    {
        Assert.True(CueLexicon.IsTopicParticle("talk", "about"));
        Assert.True(CueLexicon.IsTopicParticle("warn", "of"));
        Assert.False(CueLexicon.IsTopicParticle("talk", "to"));
        Assert.False(CueLexicon.IsTopicParticle("say", "about"));
        Assert.True(CueLexicon.IsPhrasalOnly("refer"));
        Assert.False(CueLexicon.IsPhrasalOnly("warn"));
    }

    [Fact]
    public void A_belief_verb_with_a_that_clause_is_a_belief_claim()
    {
        Assert.Equal([("Jane Roe | thinks | the tax will fail", CueClass.Belief)], Run2("Jane Roe thinks that the tax will fail."));
    }

    [Fact]
    public void A_belief_verb_with_a_bare_clause_or_infinitive_keeps_it_whole()
    {
        Assert.Equal([("Jane Roe | hopes | voters will forgive her", CueClass.Belief)], Run2("Jane Roe hopes voters will forgive her."));
        Assert.Equal([("Jane Roe | wants | to repeal the tax", CueClass.Belief)], Run2("Jane Roe wants to repeal the tax."));
    }

    [Theory]
    [InlineData("Jane Roe thought about it for a week.")]   // a prepositional phrase is no complement
    [InlineData("Jane Roe did not think so.")]              // negated
    [InlineData("Jane Roe thinks, however.")]               // nothing after the comma
    public void A_belief_verb_without_a_complement_is_no_claim(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void A_stance_verb_takes_its_object_up_to_a_circumstance()
    {
        Assert.Equal([("Jane Roe | criticized | the new tax plan", CueClass.Attitude)],
            Run2("Jane Roe criticized the new tax plan while visiting Ohio."));
        Assert.Equal([("Jane Roe | urged | Congress to repeal the tax", CueClass.Attitude)],
            Run2("Jane Roe urged Congress to repeal the tax."));
    }

    [Fact]
    public void A_stance_verb_keeps_an_as_complement()
    {
        Assert.Equal([("Jane Roe | described | the plan as a disaster", CueClass.Attitude)],
            Run2("Jane Roe described the plan as a disaster."));
    }

    [Theory]
    [InlineData("A bill supporting the tax passed on Monday.")]   // stance participle after a noun
    [InlineData("Their support for the tax faded.")]               // noun after a possessive
    [InlineData("Jane Roe attacked.")]                             // no object
    public void Stance_words_without_a_speaker_and_object_are_no_claim(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void A_topic_cue_takes_its_particle_and_object()
    {
        Assert.Equal([("Jane Roe | talked about | the budget", CueClass.Attitude)], Run2("Jane Roe talked about the budget."));
        Assert.Equal([("Jane Roe | warned of | a long recession", CueClass.Attitude)], Run2("Jane Roe warned of a long recession."));
    }

    [Theory]
    [InlineData("Jane Roe talked to reporters.")]
    [InlineData("Jane Roe referred the case.")]
    [InlineData("Jane Roe voted early.")]
    public void A_phrasal_verb_without_its_particle_is_no_claim(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void Called_with_an_object_pronoun_and_a_description_characterises()
    {
        Assert.Equal(["Jane Roe | called | him a liar"], Lines("Jane Roe called him a liar."));
        Assert.Empty(Lines("Jane Roe called him on Monday."));
        Assert.Empty(Lines("Jane Roe called him."));
    }

    [Fact]
    public void Continued_introduces_a_quotation_but_not_a_noun_phrase()
    {
        Assert.Equal(["Jane Roe | continued | We will win this"], Lines("Jane Roe continued: \"We will win this.\""));
        Assert.Empty(Lines("Jane Roe continued her tour of the state."));
    }

    // These were "no claim" before phase 2 (belief verbs and stance verbs were not cues). They are
    // claims now, but never speech: a speech-only consumer filtering on CueClass still sees nothing.
    [Theory]
    [InlineData("Paul Okafor thinks that the strike will end soon.", "Paul Okafor | thinks | the strike will end soon", CueClass.Belief)]
    [InlineData("Paul Okafor believes the strike will end soon.", "Paul Okafor | believes | the strike will end soon", CueClass.Belief)]
    [InlineData("The minister praised the so-called \"special operation\" again.", "?The minister | praised | the so-called \"special operation\" again", CueClass.Attitude)]
    [InlineData("Analysts expect a long \"war of attrition\" in the east.", "?Analysts | expect | a long \"war of attrition\" in the east", CueClass.Belief)]
    public void Former_non_claims_are_now_non_speech_claims(string text, string line, CueClass cls)
    {
        Assert.Equal([(line, cls)], Run2(text));
        Assert.DoesNotContain(Run(text).Claims, c => c.CueClass == CueClass.Speech);
    }

    [Fact]
    public void A_stance_verb_inside_a_reported_content_is_no_second_claim()
    {
        Assert.Equal(["?A new poll | shows | most voters oppose the plan"], Lines("A new poll shows that most voters oppose the plan."));
        // After a comma a new clause may carry its own stance.
        Assert.Equal(["Jane Roe | said | the tax failed", "Tom Ash | opposes | the repeal"],
            Lines("Jane Roe said the tax failed, and Tom Ash opposes the repeal."));
    }

    [Fact]
    public void A_headline_label_may_name_the_audience_before_the_colon()
    {
        Assert.Equal(["Jane Roe | : | Taxes will not rise"], Lines("Jane Roe to Harbor Council: Taxes will not rise\n\nThe council met on Monday."));
        // Only a capitalised audience or venue is stepped over: "at home" is a heading's phrase.
        Assert.Empty(Lines("Jane Roe at home: A life in the harbor town\n\nThe council met on Monday."));
    }

    [Fact]
    public void The_speech_only_view_drops_belief_and_attitude_claims()
    {
        const string text = "Jane Roe said the tax failed. Tom Ash thinks the tax will return.";
        var article = ContradictionNlp.Ingestion.Article.Create("t", null, null, null, text, "t.txt");
        var analyzed = new ContradictionNlp.Tokenization.TextAnalyzer().Analyze(text);
        var all = new ClaimExtractor().Extract(article, analyzed, new ContradictionNlp.Text.DiagnosticBag());
        var speech = new SpeechOnlyExtractor(new ClaimExtractor()).Extract(article, analyzed, new ContradictionNlp.Text.DiagnosticBag());
        Assert.Equal(["Jane Roe | said | the tax failed", "Tom Ash | thinks | the tax will return"], all.Select(ClaimFormatter.Format));
        Assert.Equal(["Jane Roe | said | the tax failed"], speech.Select(ClaimFormatter.Format));
    }

    [Fact]
    public void Speech_claims_stay_speech()
    {
        var (claims, _) = Run("Jane Roe said that the tax will fail.");
        Assert.Equal(CueClass.Speech, Assert.Single(claims).CueClass);
    }

    [Fact]
    public void An_appositive_with_a_cue_word_as_modifier_still_names_the_speaker()
    {
        Assert.Equal(["John Sexby | said | he would teach again"],
            Lines("John Sexby, a creative writing professor, said he would teach again."));
        Assert.Equal(["Bob Friel | said | he noticed the shift"],
            Lines("Bob Friel, a talk show host, said that he noticed the shift."));
    }

    [Fact]
    public void A_plural_noun_after_a_determiner_is_a_source()
    {
        Assert.Equal(["?The families | said | they were forced to pay smugglers"], Lines("The families said they were forced to pay smugglers."));
    }

    [Theory]
    [InlineData("A similar question arose during the hearing.")]
    [InlineData("The best plan failed in the Senate.")]
    public void An_adjective_before_a_cue_noun_is_no_source(string text) => Assert.Empty(Lines(text));

    [Fact]
    public void Content_stops_before_a_participle_or_which_clause()
    {
        Assert.Equal(["Jane Roe | said | the tax failed"], Lines("Jane Roe said the tax failed, contradicting the governor."));
        Assert.Equal(["Jane Roe | said | the tax failed"], Lines("Jane Roe said the tax failed, which surprised no one."));
        Assert.Equal(["Jane Roe | said | the tax failed, including the surcharge"], Lines("Jane Roe said the tax failed, including the surcharge."));
    }
}

/// <summary>Pronoun resolution rules added in phase 2, each with a case it must change and one it must keep.</summary>
public class PronounResolutionTests
{
    [Fact]
    public void A_name_in_a_subordinate_clause_is_not_the_subject()
    {
        // "While Tom Baker ..." is subordinate; the pronoun goes to the most recent person instead.
        Assert.Equal(["Sam Ortiz | said | Nobody writes songs for her"],
            Lines("Ana Ruiz spoke first. While Tom Baker had many fans, that worried Sam Ortiz, a local organiser. \"Nobody writes songs for her,\" he said."));
        // Without the subordinator the sentence-initial name is the subject and keeps the pronoun.
        Assert.Equal(["Tom Baker | said | Nobody writes songs for her"],
            Lines("Tom Baker had many fans, and that worried Sam Ortiz. \"Nobody writes songs for her,\" he said."));
    }

    [Fact]
    public void She_after_a_shared_surname_takes_the_woman()
    {
        // The bare "Clinton" is the subject; Bill Clinton is the latest full name with that surname but
        // a man, so "she" takes Hillary Clinton rather than skipping on to Pat Morgan.
        Assert.Equal(["Hillary Clinton | said | the plan works"],
            Lines("Hillary Clinton spoke in Ohio. Pat Morgan answered in Iowa. Bill Clinton joined her there. In Toledo, Clinton waved, and she said the plan works."));
        // "he" after the same bare surname takes the man.
        Assert.Equal(["Bill Clinton | said | the plan works"],
            Lines("Hillary Clinton spoke in Ohio. Pat Morgan answered in Iowa. Bill Clinton joined her there. In Toledo, Clinton waved, and he said the plan works."));
    }

    [Fact]
    public void A_capitalised_sentence_opener_seen_nowhere_else_is_no_antecedent()
    {
        // "Recent" is capitalised only because it opens the sentence: "he" goes back to Tom Clarke.
        Assert.Equal(["Tom Clarke | said | prices fell", "Tom Clarke | said | Recent shipments have sold for less"],
            Lines("Tom Clarke said prices fell. Recent shipments have sold for less, he said."));
        // A one-word name seen capitalised mid-sentence elsewhere still counts at a sentence start. (Not inside the
        // claim's own content: since round 26 "Ortiz shipments have sold for less, he said" is not Ortiz's claim.)
        Assert.Equal(["Tom Clarke | said | prices fell", "Ortiz | said | Recent shipments have sold for less"],
            Lines("Tom Clarke said prices fell. He met Ortiz. Ortiz arrived late. Recent shipments have sold for less, he said."));
    }

    [Fact]
    public void They_prefers_a_recent_plural_name_over_a_singular_organisation()
    {
        Assert.Equal(["Democrats | noted | Smith refused to answer the Senate Ethics Committee", "Democrats | said | the vote was unfair"],
            Lines("Democrats noted that Smith refused to answer the Senate Ethics Committee. They said the vote was unfair."));
        Assert.Equal(["Senate Ethics Committee | said | the vote was fair"],
            Lines("Smith refused to answer the Senate Ethics Committee. They said the vote was fair."));
    }
}
