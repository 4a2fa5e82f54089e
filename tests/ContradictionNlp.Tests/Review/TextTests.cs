using ContradictionNlp.Claims;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Review;

public class TextSafetyTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("red \u001b[31mtext\u001b[0m", "red text")]
    [InlineData("title \u001b]0;pwned\u0007 after", "title  after")]
    [InlineData("osc st \u001b]8;;http://x\u001b\\link", "osc st link")]
    [InlineData("two\nlines\tand tab", "two lines and tab")]
    [InlineData("bell\u0007 del\u007f c1\u0085 bidi\u202e!", "bell del c1 bidi!")]
    [InlineData("cut \u001b]0;never ends", "cut ")]
    [InlineData("esc at end \u001b", "esc at end ")]
    public void Terminal_text_loses_escapes_and_control_characters(string input, string expected) =>
        Assert.Equal(expected, TextSafety.ForTerminal(input));
}

public class ClaimHighlighterTests
{
    //                     0         1         2         3         4         5         6
    //                     0123456789012345678901234567890123456789012345678901234567890123
    private const string Text = "First one. Ms Lee said the plant is safe today. Third one here.";

    private static StoredClaim Claim()
    {
        // Sentence 11..47, mention "Ms Lee" 11..17, cue "said" 18..22, content "the plant is safe today" 23..46.
        var mention = new SpeakerMention(new TextSpan(11, 17), "Ms Lee", MentionKind.Name, "Lee", []);
        var c = new Claim("a:23-46", "a", 1, new TextSpan(11, 47), mention, new TextSpan(18, 22), "said",
            new TextSpan(23, 46), "the plant is safe today", ClaimKind.ReportedSpeech, null);
        return new StoredClaim(c, "lee", "Lee", "T", null);
    }

    [Fact]
    public void Context_marks_speaker_cue_content_and_reason_words_shifted_from_content_offsets()
    {
        // Reason span [13,17) of the content is "safe".
        var segs = ClaimHighlighter.Context(Claim(), Text, [new TextSpan(13, 17)]);
        Assert.Equal(
        [
            new Segment("Ms Lee", Marks.Speaker), new Segment(" ", Marks.None), new Segment("said", Marks.Cue),
            new Segment(" ", Marks.None), new Segment("the plant is ", Marks.Content), new Segment("safe", Marks.Content | Marks.Reason),
            new Segment(" today", Marks.Content), new Segment(".", Marks.None),
        ], segs);
    }

    [Fact]
    public void Context_with_sentences_around_adds_the_neighbours_and_clips_bad_spans()
    {
        var segs = ClaimHighlighter.Context(Claim(), Text, [new TextSpan(20, 400)], sentencesAround: 1);
        Assert.Equal(Text, string.Concat(segs.Select(s => s.Text)));
        // The runaway reason span is clipped to the content's end: "day" (content 20..23) only.
        Assert.Equal("day", string.Concat(segs.Where(s => s.Marks.HasFlag(Marks.Reason)).Select(s => s.Text)));
    }

    [Fact]
    public void Content_alone_marks_reasons()
    {
        var segs = ClaimHighlighter.Content("abc def", [new TextSpan(4, 7)]);
        Assert.Equal([new Segment("abc ", Marks.Content), new Segment("def", Marks.Content | Marks.Reason)], segs);
    }
}
