using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tokenization;

public class TokenizerTests
{
    private static readonly Tokenizer Tok = new();

    /// <summary>Token texts joined by '|' — readable in a failing assertion.</summary>
    private static string Texts(string text) =>
        string.Join("|", Tok.Tokenize(text).Select(t => text[t.Start..t.End]));

    private static string Kinds(string text) =>
        string.Join(" ", Tok.Tokenize(text).Select(t => t.Kind.ToString()));

    [Fact]
    public void Empty_and_whitespace_give_no_tokens()
    {
        Assert.Empty(Tok.Tokenize(""));
        Assert.Empty(Tok.Tokenize(" \t\r\n "));
    }

    [Fact]
    public void Offsets_are_half_open_into_the_original_string()
    {
        var tokens = Tok.Tokenize("  He said \"no.\"");
        Assert.Equal(
            new[]
            {
                new Token(2, 4, TokenKind.Word), new Token(5, 9, TokenKind.Word), new Token(10, 11, TokenKind.Quote),
                new Token(11, 13, TokenKind.Word), new Token(13, 14, TokenKind.Punctuation), new Token(14, 15, TokenKind.Quote),
            },
            tokens);
    }

    [Theory]
    [InlineData("don't", "do|n't")]
    [InlineData("Don't stop", "Do|n't|stop")]
    [InlineData("can't", "ca|n't")]
    [InlineData("won't", "wo|n't")]
    [InlineData("it's", "it|'s")]
    [InlineData("Belarus's", "Belarus|'s")]
    [InlineData("Belarus\u2019s army", "Belarus|\u2019s|army")]
    [InlineData("they're", "they|'re")]
    [InlineData("I'll", "I|'ll")]
    [InlineData("we've", "we|'ve")]
    [InlineData("he'd", "he|'d")]
    [InlineData("I'm", "I|'m")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("rock'n'roll", "rock'n'roll")]
    [InlineData("ma'am", "ma'am")]
    [InlineData("JFK Jr.'s book", "JFK|Jr.|'s|book")]
    public void Contractions_split_penn_treebank_style(string text, string expected) =>
        Assert.Equal(expected, Texts(text));

    [Fact]
    public void Quotes_are_separate_tokens_and_inner_apostrophes_are_not_quotes()
    {
        const string text = "\u201CWar of attrition\u201D, \u2018no\u2019 and 'yes' or \"maybe\"";
        Assert.Equal("\u201C|War|of|attrition|\u201D|,|\u2018|no|\u2019|and|'|yes|'|or|\"|maybe|\"", Texts(text));
        Assert.Equal("Quote Word Word Word Quote Punctuation Quote Word Quote Word Quote Word Quote Word Quote Word Quote", Kinds(text));
        // A possessive plural's apostrophe cannot be told from a closing quote: it is a Quote token.
        Assert.Equal("the|players|'|union", Texts("the players' union"));
    }

    [Theory]
    [InlineData("full-scale war", "full-scale|war")]
    [InlineData("a 24-year-old man", "a|24-year-old|man")]
    [InlineData("war \u2014 and peace", "war|\u2014|and|peace")]
    [InlineData("war\u2014and peace", "war|\u2014|and|peace")]
    [InlineData("pages 5\u20137", "pages|5|\u2013|7")]
    [InlineData("and -- voila! -- cake", "and|--|voila|!|--|cake")]
    [InlineData("Sep.27 - 2023", "Sep.|27|-|2023")]
    public void Dashes_and_hyphens(string text, string expected) => Assert.Equal(expected, Texts(text));

    [Theory]
    [InlineData("the U.S. army", "the|U.S.|army")]
    [InlineData("Mr. Smith", "Mr.|Smith")]
    [InlineData("Written by Jakob A. Overgaard", "Written|by|Jakob|A.|Overgaard")]
    [InlineData("e.g. a hat", "e.g.|a|hat")]
    [InlineData("at 5 a.m. today", "at|5|a.m.|today")]
    [InlineData("a Ph.D. student", "a|Ph.D.|student")]
    [InlineData("the U.S.A.", "the|U.S.A.")]
    [InlineData("Hello world.Today", "Hello|world|.|Today")]
    [InlineData("He left.", "He|left|.")]
    [InlineData("Mr.Smith", "Mr.|Smith")]
    [InlineData("He is no. 5", "He|is|no.|5")]
    [InlineData("He said no. Then", "He|said|no|.|Then")]
    [InlineData("SEC. 1262", "SEC.|1262")]
    public void Abbreviations_keep_their_period(string text, string expected) => Assert.Equal(expected, Texts(text));

    [Theory]
    [InlineData("1,500 troops", "1,500|troops", "Number Word")]
    [InlineData("3.5 million", "3.5|million", "Number Word")]
    [InlineData("$150", "$|150", "Symbol Number")]
    [InlineData("24%", "24|%", "Number Symbol")]
    [InlineData("on 2023-11-16.", "on|2023-11-16|.", "Word Number Punctuation")]
    [InlineData("at 7:05 AM", "at|7:05|AM", "Word Number Word")]
    [InlineData("05/29/1987", "05/29/1987", "Number")]
    [InlineData("bought 1,000.That", "bought|1,000|.|That", "Word Number Punctuation Word")]
    [InlineData("in 2019,2020", "in|2019|,|2020", "Word Number Punctuation Number")]
    [InlineData("the 44th and 1990s", "the|44th|and|1990s", "Word Word Word Word")]
    [InlineData("Yay $.50", "Yay|$|.50", "Word Symbol Number")]
    public void Numbers(string text, string expected, string kinds)
    {
        Assert.Equal(expected, Texts(text));
        Assert.Equal(kinds, Kinds(text));
    }

    [Theory]
    [InlineData("see https://www.example.50.com/new-site/a_b.html. Then", "see|https://www.example.50.com/new-site/a_b.html|.|Then")]
    [InlineData("at www.testurl.Awesome.com", "at|www.testurl.Awesome.com")]
    [InlineData("mail Jane.Doe@example.com.", "mail|Jane.Doe@example.com|.")]
    [InlineData("(http://x.org/a)", "(|http://x.org/a|)")]
    [InlineData("user@localhost", "user|@|localhost")]
    // Round 8: prefixes in any case; words that start like a prefix but are none; the e-mail scan only
    // runs while some '@' lies ahead (two addresses, an '@' before a word, none at all).
    [InlineData("HTTP://X.ORG/a or hTtPs://b.com", "HTTP://X.ORG/a|or|hTtPs://b.com")]
    [InlineData("FTP://files.net and WWW.Example.com", "FTP://files.net|and|WWW.Example.com")]
    [InlineData("http ftp www. wwwx whom", "http|ftp|www|.|wwwx|whom")]
    [InlineData("a@b.com wrote to c.d@e.co.uk", "a@b.com|wrote|to|c.d@e.co.uk")]
    [InlineData("@home he mailed x@y.com", "@|home|he|mailed|x@y.com")]
    public void Urls_and_emails_are_one_token(string text, string expected)
    {
        Assert.Equal(expected, Texts(text));
        var tokens = Tok.Tokenize(text);
        Assert.Equal(expected.Contains("://") || expected.Contains(".com") || expected.Contains(".co.uk"), tokens.Any(t => t.Kind == TokenKind.Url));
    }

    [Theory]
    [InlineData("wait... what", "wait|...|what")]
    [InlineData("dots........please", "dots|........|please")]
    [InlineData("so\u2026 yes", "so|\u2026|yes")]
    [InlineData("Hello!? No", "Hello|!|?|No")]
    public void Ellipses_and_repeated_punctuation(string text, string expected) => Assert.Equal(expected, Texts(text));

    [Fact]
    public void Emoji_is_one_symbol_and_never_split()
    {
        const string text = "ok \U0001F600!";
        var tokens = Tok.Tokenize(text);
        Assert.Equal(new Token(3, 5, TokenKind.Symbol), tokens[1]);
        Assert.Equal(new Token(5, 6, TokenKind.Punctuation), tokens[2]);
    }

    [Fact]
    public void Tokens_are_ordered_disjoint_and_skip_only_whitespace()
    {
        const string text = "“Belarus’s army won't (ever) join,” said Mr. Aleinik on Sep.27 – 2023 at 7:05 AM; see www.x.com!";
        var tokens = Tok.Tokenize(text);
        int pos = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Start >= pos && t.End > t.Start, $"token {t} out of order");
            for (int k = pos; k < t.Start; k++) Assert.True(char.IsWhiteSpace(text[k]), $"non-space {text[k]} skipped at {k}");
            pos = t.End;
        }
        for (int k = pos; k < text.Length; k++) Assert.True(char.IsWhiteSpace(text[k]));
    }
}
