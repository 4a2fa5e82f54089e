using ContradictionNlp.Claims;

namespace ContradictionNlp.Tests.Claims;

public class CueLexiconTests
{
    [Theory]
    [InlineData("said", "say")]
    [InlineData("Says", "say")]
    [InlineData("saying", "say")]
    [InlineData("told", "tell")]
    [InlineData("denies", "deny")]
    [InlineData("denied", "deny")]
    [InlineData("clarified", "clarify")]
    [InlineData("admitted", "admit")]
    [InlineData("admitting", "admit")]
    [InlineData("emphasised", "emphasise")]
    [InlineData("emphasizing", "emphasize")]
    [InlineData("acknowledges", "acknowledge")]
    [InlineData("wrote", "write")]
    [InlineData("stressed", "stress")]
    [InlineData("echoed", "echo")]
    [InlineData("echoes", "echo")]
    [InlineData("voiced", "voice")]
    [InlineData("reminded", "remind")]
    [InlineData("pleaded", "plead")]
    [InlineData("emailed", "email")]
    public void Inflections_map_to_their_lemma(string form, string lemma)
    {
        Assert.True(CueLexicon.IsSpeechVerb(form, out var l));
        Assert.Equal(lemma, l);
        Assert.True(CueLexicon.IsSpeechCue(form));
    }

    [Theory]
    [InlineData("admission")]
    [InlineData("claims")]
    [InlineData("Denial")]
    [InlineData("insistence")]
    public void Cue_nouns_are_cues(string word) => Assert.True(CueLexicon.IsSpeechCue(word));

    [Theory]
    [InlineData("thinks")]
    [InlineData("believed")]
    [InlineData("walked")]
    [InlineData("sayed")]
    [InlineData("touted")]      // a stance verb (hybrid only), not speech
    [InlineData("portrayed")]
    [InlineData("")]
    public void Other_words_are_not_cues(string word) => Assert.False(CueLexicon.IsSpeechCue(word));

    [Fact]
    public void Belief_verbs_are_documented_and_excluded()
    {
        Assert.Contains("thinks", CueLexicon.BeliefVerbs);
        Assert.All(CueLexicon.BeliefVerbs, w => Assert.False(CueLexicon.IsSpeechCue(w)));
    }
}
