using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 21 (EXTRACT15): a resolver keeps its people in position order by insertion while people sharing a position
/// agree in name and sentence, and replays the old sort-on-every-call otherwise. Both ways must resolve every speaker
/// alike: the rules and the learned tagger are run over real BBC articles once with each, and every claim's speaker
/// compared field by field.
/// </summary>
public class ResolverOrderTests
{
    [Fact]
    public void Speakers_resolve_alike_with_insertion_order_and_with_the_old_sort_on_every_call()
    {
        if (!TestPaths.HasShared("data", "bbc-news", "politics")) return;
        var (rules, learned) = Extractors();
        int replays = MentionResolver.ReplaysOnThisThread, claims = 0, named = 0;
        foreach (var folder in new[] { "politics", "business" })
        {
            foreach (var (article, text) in Articles(folder, 200))
            {
                var fast = Speakers(new ArticleView(text));
                var old = Speakers(new ArticleView(text) { SortEveryCall = true });
                Assert.Equal(old, fast);
                claims += fast.Count;
                named += fast.Count(s => s.Contains("|Name|", StringComparison.Ordinal));

                List<string> Speakers(ArticleView view)
                {
                    var ruleClaims = rules.Extract(article, text, new DiagnosticBag(), view);
                    var all = ruleClaims.Concat(learned.Extract(article, text, new DiagnosticBag(), view, ruleClaims));
                    return all.Select(Describe).ToList();
                }
            }
        }
        Assert.True(claims > 1000, $"{claims} claims");
        Assert.True(named > 500, $"{named} named speakers");
        // Some articles met people at one position with different names, so the replay path ran too (it compared alike above).
        Assert.True(MentionResolver.ReplaysOnThisThread - replays > 0, "no resolver replayed the old order");
    }

    /// <summary>
    /// Round 21: the hybrid asks the learned pass not to make the claims it would drop (content or cue overlapping a rule
    /// claim). The claims left must be those of the full list less the overlapping ones, speakers included (the dropped
    /// claims' speakers are still resolved, since the resolver learns from each mention).
    /// </summary>
    [Fact]
    public void Learned_claims_made_without_the_overlapping_ones_are_the_full_list_less_those()
    {
        if (!TestPaths.HasShared("data", "bbc-news", "politics")) return;
        var (rules, learned) = Extractors();
        int all = 0, kept = 0;
        foreach (var (article, text) in Articles("politics", 150))
        {
            var fullView = new ArticleView(text);
            var fullRules = rules.Extract(article, text, new DiagnosticBag(), fullView);
            var full = learned.Extract(article, text, new DiagnosticBag(), fullView, fullRules);
            var view = new ArticleView(text);
            var ruleClaims = rules.Extract(article, text, new DiagnosticBag(), view);
            var made = learned.Extract(article, text, new DiagnosticBag(), view, ruleClaims, dropOverlapping: true);
            var expected = full.Where(c => !HybridClaimExtractor.OverlapsAny(fullRules, c.Content, c.Cue)).ToList();
            Assert.Equal(expected.Select(Describe), made.Select(Describe));
            all += full.Count;
            kept += made.Count;
        }
        Assert.True(kept > 0 && all - kept > 100, $"{all} learned claims, {kept} made");
    }

    private static (ClaimExtractor Rules, LearnedClaimExtractor Learned) Extractors() =>
        (new ClaimExtractor(), new LearnedClaimExtractor(AttributionModel.Load(TestPaths.Repo("models", "attribution")).Tagger));

    /// <summary>The first <paramref name="count"/> articles of a BBC folder in file-name order, analysed.</summary>
    private static IEnumerable<(Article Article, TokenizedText Text)> Articles(string folder, int count)
    {
        var reader = new PlainTextArticleReader();
        var analyzer = new TextAnalyzer();
        foreach (var file in Directory.EnumerateFiles(TestPaths.SharedData("bbc-news", folder), "*.txt").Order(StringComparer.Ordinal).Take(count))
        {
            using var stream = File.OpenRead(file);
            var article = Assert.Single(reader.Read(stream, file, new DiagnosticBag()));
            yield return (article, analyzer.Analyze(article.Text));
        }
    }

    /// <summary>A claim with every speaker field spelled out (records compare the roles array by reference).</summary>
    private static string Describe(Claim c) =>
        $"{c with { Speaker = null! }}|{c.Speaker.Span}|{c.Speaker.Text}|{c.Speaker.Kind}|{c.Speaker.Name}|{string.Join(";", c.Speaker.Roles)}";
}
