using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tokenization;

/// <summary>Seeded random strings over the characters the rules care about: nothing may throw, and the invariants hold.</summary>
public class RobustnessTests
{
    private const string Alphabet = "aA.Z1 0,.!?'\"“”‘’()[]-—\n\r\t$%@:/…•⁃ ivxabc.U.S.Mr.http://www.e.com ";

    [Fact]
    public void Random_text_keeps_the_invariants()
    {
        var random = new Random(20231116);
        var analyzer = new TextAnalyzer();
        var pdf = new TextAnalyzer(splitter: new SentenceSplitter(SentenceSplitterOptions.Pdf));
        for (int round = 0; round < 3000; round++)
        {
            int length = random.Next(0, 60);
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars);
            foreach (var a in new[] { analyzer, pdf })
            {
                var result = a.Analyze(text);
                int pos = 0;
                foreach (var t in result.Tokens)
                {
                    Assert.True(t.Start >= pos && t.End > t.Start && t.End <= text.Length, $"bad token {t} in {text}");
                    pos = t.End;
                }
                int next = 0;
                foreach (var s in result.Sentences)
                {
                    Assert.Equal(next, s.FirstToken);
                    Assert.True(s.EndToken > s.FirstToken, $"empty sentence in {text}");
                    Assert.Equal(result.Tokens[s.FirstToken].Start, s.Start);
                    Assert.Equal(result.Tokens[s.EndToken - 1].End, s.End);
                    next = s.EndToken;
                }
                Assert.Equal(result.Tokens.Count, next);
            }
        }
    }
}
