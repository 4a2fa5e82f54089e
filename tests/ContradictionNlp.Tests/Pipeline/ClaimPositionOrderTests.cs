using ContradictionNlp.Claims;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Text;
using Xunit;

namespace ContradictionNlp.Tests.Pipeline;

/// <summary>
/// The pipeline's claim order (content start, end, id ordinal; ties keep the extractor's order), which round 20 moved from
/// LINQ OrderBy/ThenBy to an insertion sort of our own: it must give exactly LINQ's (stable) order.
/// </summary>
public sealed class ClaimPositionOrderTests
{
    private static Claim Make(string id, int start, int end, string cue = "said") =>
        new(id, "a1", 0, new TextSpan(0, 100), new SpeakerMention(new TextSpan(0, 3), "Ann", MentionKind.Name, "Ann", []),
            new TextSpan(4, 8), cue, new TextSpan(start, end), new string('x', end - start), ClaimKind.ReportedSpeech, null);

    [Fact]
    public void Orders_by_start_then_end_then_ordinal_id_and_keeps_ties_in_input_order()
    {
        var input = new[]
        {
            Make("b", 30, 40),
            Make("a", 10, 20),
            Make("Z", 30, 40),          // upper case sorts before lower case ordinally
            Make("a", 10, 15),
            Make("a", 10, 20, "told"),  // same keys as the second claim: stays after it
            Make("c", 5, 50),
        };
        var sorted = AnalysisPipeline.InPositionOrder(input);
        Assert.Equal(new[] { input[5], input[3], input[1], input[4], input[2], input[0] }, sorted);
        Assert.Same(input[1], sorted[2]);
        Assert.Same(input[4], sorted[3]);
    }

    [Fact]
    public void Gives_linq_orders_on_random_claims()
    {
        var random = new Random(20);
        for (int round = 0; round < 200; round++)
        {
            var input = Enumerable.Range(0, random.Next(0, 40))
                .Select(i => Make(((char)('a' + random.Next(3))).ToString(), random.Next(4), 4 + random.Next(3), "c" + i))
                .ToArray();
            var expected = input.OrderBy(c => c.Content.Start).ThenBy(c => c.Content.End).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
            var actual = AnalysisPipeline.InPositionOrder(input);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++) Assert.Same(expected[i], actual[i]);
        }
    }
}
