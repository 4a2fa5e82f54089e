using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tokenization;

public class SentenceSplitterTests
{
    private static readonly SentenceSplitter Splitter = new();

    private static string[] Sentences(string text, SentenceSplitterOptions? options = null) =>
        new SentenceSplitter(options).Split(text).Select(s => s.Of(text)).ToArray();

    [Fact]
    public void The_per_thread_quote_depth_array_carries_nothing_from_one_text_to_the_next()
    {
        // Quote pairing works on a per-thread scratch array that is not cleared between texts (like a rented array).
        // A long text with unbalanced and nested quotes, then shorter ones, must split exactly as on a thread that saw
        // only that text.
        var longText = string.Concat(Enumerable.Repeat("He said \"we will go. Then \"stay. \" they left. ", 200)) + "Unclosed \"quote. End.";
        string[] texts = [longText, "She said \"no. Never.\" Then left. Fine.", "A \"b. C. D.", "Plain. Text here."];
        string[][] Split() => texts.Select(t => Splitter.Split(t).Select(x => x.Of(t)).ToArray()).ToArray();
        var here = Split();
        string[][]? fresh = null;
        var thread = new Thread(() => fresh = texts.Select(t => new SentenceSplitter().Split(t).Select(x => x.Of(t)).ToArray()).ToArray());
        thread.Start();
        thread.Join();
        Assert.Equal(fresh, here);
        // And in the other order on this thread: short texts after the long one, each as when split alone.
        foreach (var (t, i) in texts.Select((t, i) => (t, i)).Reverse())
            Assert.Equal(fresh![i], Splitter.Split(t).Select(x => x.Of(t)).ToArray());
        Assert.Equal(2, fresh![1].Length - 1); // the quoted pair "no. Never." stays one sentence: 3 sentences, not 4
    }

    [Fact]
    public void Empty_text_has_no_sentences()
    {
        Assert.Empty(Splitter.Split(""));
        Assert.Empty(Splitter.Split("  \n\n "));
    }

    [Fact]
    public void Spans_are_exact_and_trimmed()
    {
        const string text = "  Hello world.  My name is Jonas.\n";
        Assert.Equal(new[] { new TextSpan(2, 14), new TextSpan(16, 33) }, Splitter.Split(text));
    }

    [Theory]
    // quotes: the attribution stays with the quotation
    [InlineData("He said, \"Stop.\" Then she left.", "He said, \"Stop.\"|Then she left.")]
    [InlineData("\"Stop,\" he said.", "\"Stop,\" he said.")]
    [InlineData("\"We will not back down. We are strong,\" he said. The talks ended.", "\"We will not back down. We are strong,\" he said.|The talks ended.")]
    [InlineData("She turned to him, \u201CThis is great.\u201D She held the book.", "She turned to him, \u201CThis is great.\u201D|She held the book.")]
    [InlineData("'I wonder?' she said aloud.", "'I wonder?' she said aloud.")]
    // an unmatched quote protects nothing
    [InlineData("I wrote this in the 'nineties.  It has two sentences.", "I wrote this in the 'nineties.|It has two sentences.")]
    // abbreviations and sentence starters
    [InlineData("I live in the U.S. The weather is fine.", "I live in the U.S.|The weather is fine.")]
    [InlineData("I work for the U.S. Government in Virginia.", "I work for the U.S. Government in Virginia.")]
    [InlineData("Mr. Smith met Dr. Jones.", "Mr. Smith met Dr. Jones.")]
    [InlineData("Written by Jakob A. Overgaard. He is a reporter.", "Written by Jakob A. Overgaard.|He is a reporter.")]
    [InlineData("We make a good team, you and I. Did you see Albert I. Jones?", "We make a good team, you and I.|Did you see Albert I. Jones?")]
    [InlineData("They closed the deal with Pitt, Briggs & Co. It closed yesterday.", "They closed the deal with Pitt, Briggs & Co.|It closed yesterday.")]
    [InlineData("Please turn to p. 55.", "Please turn to p. 55.")]
    [InlineData("He left at 6 P.M. Travelers came later.", "He left at 6 P.M.|Travelers came later.")]
    // numbers, exclamations, ellipses
    [InlineData("She has $100.00. It is in her bag.", "She has $100.00.|It is in her bag.")]
    [InlineData("Hello world.Today is Tuesday.", "Hello world.|Today is Tuesday.")]
    [InlineData("Hello!? Is that you?", "Hello!?|Is that you?")]
    [InlineData("She works at Yahoo! in the accounting department.", "She works at Yahoo! in the accounting department.")]
    [InlineData("I never meant that.... She left.", "I never meant that....|She left.")]
    [InlineData("It is . . . I think so.", "It is . . . I think so.")]
    [InlineData("The end . . . . Next sentence.", "The end . . . .|Next sentence.")]
    // parentheses and lists
    [InlineData("He teaches (he was an engineer.) at the University.", "He teaches (he was an engineer.) at the University.")]
    [InlineData("1. The first item 2. The second item", "1. The first item|2. The second item")]
    [InlineData("a) here it is b) another c) one more", "a) here it is|b) another|c) one more")]
    [InlineData("As payment for 1. above, and for 2. above, no fee.", "As payment for 1. above, and for 2. above, no fee.")]
    public void Splits_news_like_text(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Sentences(text));

    [Fact]
    public void Line_breaks_end_sentences_and_headings_stand_alone()
    {
        const string text = "Belarus denies plans\n\nWritten by A. Writer\nSep.27 - 2023 7:05 AM CET\nThe minister spoke. He denied it.";
        Assert.Equal(
            new[] { "Belarus denies plans", "Written by A. Writer", "Sep.27 - 2023 7:05 AM CET", "The minister spoke.", "He denied it." },
            Sentences(text));
    }

    [Fact]
    public void Wrapped_line_with_trailing_space_is_not_a_break_by_default()
    {
        Assert.Equal(new[] { "It was a cold \nnight in the city." }, Sentences("It was a cold \nnight in the city."));
        // Without the trailing space a single line break is structure (a list of headings).
        Assert.Equal(new[] { "features", "contact manager" }, Sentences("features\ncontact manager\n"));
    }

    [Fact]
    public void Pdf_option_reads_single_line_breaks_as_spaces()
    {
        const string text = "This is a sentence\ncut off in the middle.\n\nNext paragraph.";
        Assert.Equal(new[] { "This is a sentence\ncut off in the middle.", "Next paragraph." }, Sentences(text, SentenceSplitterOptions.Pdf));
        Assert.Equal(new[] { "This is a sentence", "cut off in the middle.", "Next paragraph." }, Sentences(text));
    }

    [Fact]
    public void Quotations_can_be_split_when_asked()
    {
        const string text = "\"We will not back down. We are strong,\" he said.";
        var options = new SentenceSplitterOptions { KeepQuotationsTogether = false };
        Assert.Equal(new[] { "\"We will not back down.", "We are strong,\" he said." }, Sentences(text, options));
    }

    [Fact]
    public void Negative_cases_for_us_and_mr()
    {
        // "U.S." before a typical starter is a boundary ...
        Assert.Equal(2, Splitter.Split("There were 500 cases in the U.S. The U.S. Commission asked.").Length);
        // ... but "Mr." never ends a sentence before a name, nor "U.S." before a proper noun.
        Assert.Single(Splitter.Split("Mr. Smith went to Washington."));
        Assert.Single(Splitter.Split("I am in the U.S. Army now."));
    }

    [Fact]
    public void Boundaries_fall_only_between_tokens()
    {
        const string text = "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot! \"Really?\" he asked (twice.) Yes.";
        var tokens = new Tokenizer().Tokenize(text);
        var starts = tokens.Select(t => t.Start).ToHashSet();
        var ends = tokens.Select(t => t.End).ToHashSet();
        var spans = Splitter.Split(text);
        Assert.Equal(
            new[] { "Hello world.", "Today is Tuesday.", "Mr. Smith bought 1,000.", "That is a lot!", "\"Really?\" he asked (twice.)", "Yes." },
            spans.Select(s => s.Of(text)));
        foreach (var s in spans)
        {
            Assert.Contains(s.Start, starts);
            Assert.Contains(s.End, ends);
        }
    }
}
