using ContradictionNlp.Claims;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// The unit view's per-unit list bits (round 8) must answer exactly what the word lists answer for the
/// unit's lower case, and the unit's text and lower case must be the plain cut and ToLowerInvariant.
/// </summary>
public class UnitLexiconTests
{
    private static void AssertUnitsAgree(string text)
    {
        var view = new UnitView(new TextAnalyzer().Analyze(text));
        Assert.NotEmpty(view.Units);
        foreach (var u in view.Units)
        {
            Assert.Equal(text[u.Start..u.End], u.Text);
            Assert.Equal(u.Text.ToLowerInvariant(), u.Lower);
            foreach (var set in UnitLexicon.Table.Sets)
                Assert.True(set.Contains(u.Lower) == set.Contains(u), $"unit '{u.Text}': bit and list disagree");
            Assert.Equal(MentionLexicon.IsSourceOrTitle(u.Lower), MentionLexicon.IsSourceOrTitle(u));
            Assert.Equal(CueLexicon.IsCueVerbLower(u.Lower), CueLexicon.IsCueVerb(u));
            Assert.Equal(CueLexicon.IsCueNounLower(u.Lower), CueLexicon.IsCueNoun(u));
            Assert.Equal(CueLexicon.IsSpeechVerbLower(u.Lower), CueLexicon.IsSpeechVerb(u));
            Assert.Equal(CueLexicon.IsCueVerbLower(u.Lower, out var l1, out var c1), CueLexicon.IsCueVerb(u, out var l2, out var c2));
            Assert.Equal(l1, l2);
            Assert.Equal(c1, c2);
        }
    }

    [Fact]
    public void Every_listed_word_in_lower_title_and_upper_case_gets_the_bits_of_its_lists()
    {
        var words = UnitLexicon.Table.Words.ToArray();
        Assert.Contains("said", words);          // a cue verb form
        Assert.Contains("senators", words);      // a plural IsSourceOrTitle accepts
        Assert.Contains("the", words);
        foreach (var w in words)
        {
            var title = w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w;
            AssertUnitsAgree($"They met {w} and {title} and {w.ToUpperInvariant()} today.");
        }
    }

    [Fact]
    public void Unlisted_non_ASCII_glued_and_single_character_units_agree()
    {
        AssertUnitsAgree("Zo\u00EB Roe, the \u00C9COLE head, said: \u201CI don't know\u201D. Belarus\u2019s leader's aide (D-Md.) " +
                         "told U.S. reporters 'yes' - A ''quote'' \u212Aelvin \u0130stanbul " + new string('q', 80) + " officials SAID so.");
    }

    [Fact]
    public void A_unit_of_a_word_in_no_list_has_no_bits_and_a_listed_one_has_some()
    {
        var view = new UnitView(new TextAnalyzer().Analyze("Xylophonic officials said."));
        Assert.Equal(0UL, view.Units[0].Sets);
        Assert.True(MentionLexicon.IsSourceOrTitle(view.Units[1]));
        Assert.True(CueLexicon.IsSpeechVerb(view.Units[2]));
        Assert.False(CueLexicon.IsSpeechVerb(view.Units[1]));
    }
}
