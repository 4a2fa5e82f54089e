using ContradictionNlp.Claims;

namespace ContradictionNlp.Tests.Claims;

/// <summary>The rules' look-up fast paths (round 7) must answer exactly what the plain look-ups answered.</summary>
public class LookupFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("said")]
    [InlineData("Said")]
    [InlineData("U.S.")]
    [InlineData("MR.")]
    [InlineData("n't")]
    [InlineData("Belarus\u2019s")]       // curly apostrophe: not ASCII
    [InlineData("\u00C9COLE")]           // É
    [InlineData("\u212Aelvin")]          // Kelvin sign, lower-cases to an ASCII k
    [InlineData("\u0130stanbul")]        // dotted capital I
    [InlineData("ABC-123_xyz@Z")]
    public void AsciiCase_lowers_exactly_as_ToLowerInvariant(string s) =>
        Assert.Equal(s.ToLowerInvariant(), AsciiCase.ToLowerInvariant(s));

    [Fact]
    public void AsciiCase_returns_an_unchanged_string_itself()
    {
        var s = string.Concat("al", "ready lower");
        Assert.Same(s, AsciiCase.ToLowerInvariant(s));
        Assert.NotSame("Upper", AsciiCase.ToLowerInvariant("Upper"));
    }

    [Fact]
    public void WordSet_answers_as_an_ordinal_hash_set()
    {
        var longWord = new string('q', 70);
        string[] members = ["the", "mr.", "'s", "\u2019s", "x", longWord, "spokesman"];
        var set = WordSet.Of(members);
        var reference = new HashSet<string>(members, StringComparer.Ordinal);
        string[] probes =
        [
            .. members, "", "The", "thy", "tha", "mr", "mrs.", "'d", "\u2019d", "y", "xx", new string('q', 69),
            new string('q', 71), new string('r', 70), "spokeswoman", "spokesmen", "Spokesman", "\u00E9", "1",
        ];
        foreach (var p in probes) Assert.Equal(reference.Contains(p), set.Contains(p));
        Assert.False(set.MayContain("a"));      // no member starts with a
        Assert.False(set.MayContain("thy"));    // "the" starts with t and has 3 letters, but ends in e
        Assert.True(set.MayContain("tie"));     // first letter, length and last letter of "the": looked up
        Assert.False(set.Contains("tie"));
        Assert.True(WordSet.Of("").Contains(""));
        Assert.False(WordSet.Of("a").Contains(""));
    }

    [Theory]
    [InlineData("said", "say", CueClass.Speech)]
    [InlineData("denies", "deny", CueClass.Speech)]
    [InlineData("thinks", "think", CueClass.Belief)]
    [InlineData("believed", "believe", CueClass.Belief)]
    [InlineData("criticized", "criticize", CueClass.Attitude)]
    public void IsCueVerbLower_matches_IsCueVerb(string form, string lemma, CueClass cls)
    {
        Assert.True(CueLexicon.IsCueVerb(form, out var l1, out var c1));
        Assert.True(CueLexicon.IsCueVerbLower(form, out var l2, out var c2));
        Assert.Equal((lemma, cls), (l1, c1));
        Assert.Equal((l1, c1), (l2, c2));
        Assert.True(CueLexicon.IsCueVerbLower(form));
    }

    [Theory]
    [InlineData("the")]
    [InlineData("state")]      // ambiguous noun form, excluded from the verbs
    [InlineData("says")]       // a cue, but IsCueNounLower must say no
    [InlineData("")]
    public void Non_cues_are_rejected_by_every_lower_look_up(string word)
    {
        bool verb = CueLexicon.IsCueVerb(word, out _, out _);
        Assert.Equal(verb, CueLexicon.IsCueVerbLower(word, out _, out var cls));
        Assert.Equal(verb, CueLexicon.IsCueVerbLower(word));
        Assert.Equal(CueLexicon.IsCueNoun(word, out _), CueLexicon.IsCueNounLower(word));
        Assert.Equal(CueLexicon.IsSpeechVerb(word, out _), CueLexicon.IsSpeechVerbLower(word));
        if (!verb) Assert.Equal(CueClass.Speech, cls);
        Assert.False(CueLexicon.IsCueNounLower(word));
    }

    [Fact]
    public void Cue_nouns_pass_the_shape_filter() =>
        Assert.True(CueLexicon.IsCueNounLower("admission") && CueLexicon.IsCueNounLower("claims") && CueLexicon.IsCueNounLower("testimony"));
}
