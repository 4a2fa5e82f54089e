using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// STORE6: within one article, pairs sharing one reasons list get its JSON written once. Each pair must still be stored
/// with its own reasons, and a list written for an earlier article is encoded again (a list may be a mutable one seen
/// through a read-only view).
/// </summary>
public class ReasonsJsonReuseTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Claim ClaimAt(Article article, int start, int end) =>
        new(Claim.MakeId(article.Id, new TextSpan(start, end)), article.Id, 0, new TextSpan(0, article.Text.Length),
            new SpeakerMention(new TextSpan(0, 3), "Ann", MentionKind.Name, "Ann", []), new TextSpan(4, 8), "said",
            new TextSpan(start, end), article.Text[start..end], ClaimKind.ReportedSpeech, null);

    private static ScoredPair Pair(Claim a, Claim b, IReadOnlyList<Reason> reasons) =>
        new(a, b, 0.5f, new ContradictionScore(0.2, 0.3, 0.5, reasons), new TemporalRelation(null, null, TemporalOrder.Unknown, null));

    private static Reason R(string kind) => new(kind, kind + " message", [new TextSpan(0, 1)], []);

    [Fact]
    public void Pairs_sharing_a_reasons_list_and_a_list_changed_between_articles_are_stored_with_their_own_reasons()
    {
        var a1 = Article.Create("one", null, null, null, "Ann said x is up. Ann said x is down. Ann said y is up.", "one.txt");
        var a2 = Article.Create("two", null, null, null, "Ann said z is up. Ann said z is down.", "two.txt");
        Claim c1 = ClaimAt(a1, 9, 16), c2 = ClaimAt(a1, 27, 36), c3 = ClaimAt(a1, 47, 54);
        Claim d1 = ClaimAt(a2, 9, 16), d2 = ClaimAt(a2, 27, 36);
        var shared = new List<Reason> { R("unrelated") };
        var own = new List<Reason> { R("negation"), R("subject") };
        var speaker = new Speaker("ann", "Ann", [], []);
        ArticleBatch Batch(Article article, Claim[] claims, params ScoredPair[] pairs) =>
            new(article, claims.Select(c => new ClaimToStore(c, "ann", null)).ToList(), [speaker], pairs, null, "test");

        using var store = ClaimStore.Open(_dir.File("r.db"));
        // shared, own, shared again: the third must not take the second's JSON.
        Assert.True(store.SaveArticle(Batch(a1, [c1, c2, c3], Pair(c1, c2, shared), Pair(c1, c3, own), Pair(c2, c3, shared))));
        shared.Add(R("time")); // the same list object, changed before the next article
        Assert.True(store.SaveArticle(Batch(a2, [d1, d2], Pair(d1, d2, shared))));

        var stored = store.ListPairs().ToDictionary(p => (p.A.Claim.Id, p.B.Claim.Id), p => string.Join(",", p.Score.Reasons.Select(r => r.Kind)));
        Assert.Equal("unrelated", stored[(c1.Id, c2.Id)]);
        Assert.Equal("negation,subject", stored[(c1.Id, c3.Id)]);
        Assert.Equal("unrelated", stored[(c2.Id, c3.Id)]);
        Assert.Equal("unrelated,time", stored[(d1.Id, d2.Id)]);
    }
}
