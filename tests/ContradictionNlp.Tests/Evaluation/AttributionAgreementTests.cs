using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Evaluation;

/// <summary>
/// Annotator agreement on the hand-made split: alpha has two readings, a111 (E1-E5, see <see cref="AttributionEvaluatorTests"/>)
/// and b222 (E1 alone, the same spans as a111's E1).
/// </summary>
public class AttributionAgreementTests
{
    private static string Data(params string[] parts) => AttributionEvaluatorTests.Data(parts);

    private static HashSet<string> SpeechWords => AttributionEvaluatorTests.SpeechWords;

    // Against a111 4 of these 5 predictions match (IoU >= 0.5), against b222 1 of 5.
    private static FakeExtractor Predictions() => AttributionEvaluatorTests.Predictions();

    [Fact]
    public void Reader_gives_every_annotator_of_the_articles_with_enough_of_them_in_file_name_order()
    {
        var bag = new DiagnosticBag();
        var split = PolNearReader.ReadAnnotators(Data("good"), bag);
        Assert.Empty(bag);
        var article = Assert.Single(split.Articles);
        Assert.Equal("alpha", article.Name);
        Assert.Equal(["a111", "b222"], article.Annotators.Select(a => a.Name));
        Assert.Equal([5, 1], article.Annotators.Select(a => a.Annotations.Attributions.Count));

        // Three readings asked for: alpha has two. The bad split has one file per article: none qualifies, and gamma's
        // missing text is not even looked for.
        Assert.Empty(PolNearReader.ReadAnnotators(Data("good"), new DiagnosticBag(), minAnnotators: 3).Articles);
        var bad = new DiagnosticBag();
        var none = PolNearReader.ReadAnnotators(Data("bad"), bad);
        Assert.Equal((0, 0), (none.Articles.Count, none.SkippedArticles));
        Assert.Empty(bad);
        Assert.Throws<ArgumentOutOfRangeException>(() => PolNearReader.ReadAnnotators(Data("good"), new DiagnosticBag(), minAnnotators: 0));
    }

    [Theory]
    [InlineData("alpha_a111", "a111")]
    [InlineData("politico_2016-09-08_flynn-says_1a2b", "1a2b")]
    [InlineData("noannotator", "noannotator")]
    public void Annotator_name_is_the_part_after_the_last_underscore(string stem, string expected) =>
        Assert.Equal(expected, PolNearReader.AnnotatorName(stem));

    [Fact]
    public void Annotators_are_scored_against_each_other_both_ways_and_the_extractor_against_each_with_exact_figures()
    {
        var fake = Predictions();
        var evaluator = new AttributionEvaluator(fake, isSpeechCue: SpeechWords.Contains);
        var r = evaluator.EvaluateAgreement(PolNearReader.ReadAnnotators(Data("good"), new DiagnosticBag()), new DiagnosticBag());

        Assert.Equal((1, 2, 0, 0), (r.Articles, r.Annotations, r.SkippedArticles, r.SkippedAttributions));
        // a111 as gold, b222 as prediction: 5 gold, 1 predicted, 1 match; the other way round 1 gold, 5 predicted, 1 match.
        var h = r.Human.All;
        Assert.Equal(2, r.Human.Comparisons);
        Assert.Equal((6, 6, 2, 2), (h.Gold, h.Predicted, h.Matched, h.ExactMatched));
        Assert.Equal((1 / 3.0, 1 / 3.0), (h.Precision, h.Recall));
        Assert.Equal((2, 2, 2), (h.SourceEvaluated, h.SourceCorrect, h.CueCorrect));
        // Speech cues: a111 has four (not "was reported"). As gold: 4 gold, b222's E1 matched. As prediction: a111's
        // unmatched E2, E3 and E5 count against it, its unmatched non-speech E4 does not.
        var hs = r.Human.SpeechCues!.Value;
        Assert.Equal((5, 5, 2), (hs.Gold, hs.Predicted, hs.Matched));

        // The extractor against a111: 5 / 5 / 4; against b222: 1 gold, 5 predicted, 1 match.
        var e = r.Extractor.All;
        Assert.Equal(2, r.Extractor.Comparisons);
        Assert.Equal((6, 10, 5), (e.Gold, e.Predicted, e.Matched));
        Assert.Equal((0.5, 5 / 6.0), (e.Precision, e.Recall));
        Assert.Equal(0.625, Math.Round(e.F1, 12));
        Assert.Single(fake.Seen); // one extraction per article, however many annotators

        var a = Assert.Single(r.PerArticle);
        Assert.Equal(("alpha", 2, 6), (a.Name, a.Annotators, a.Gold));
        Assert.Equal((Math.Round(1 / 3.0, 12), 0.625), (Math.Round(a.HumanF1, 12), Math.Round(a.ExtractorF1, 12)));
    }

    [Fact]
    public void Json_has_both_sides_in_a_fixed_order()
    {
        var evaluator = new AttributionEvaluator(Predictions(), isSpeechCue: SpeechWords.Contains);
        var json = evaluator.EvaluateAgreement(PolNearReader.ReadAnnotators(Data("good"), new DiagnosticBag()), new DiagnosticBag()).ToJson();
        Assert.StartsWith(
            "{\"articles\":1,\"annotations\":2,\"skipped_articles\":0,\"skipped_attributions\":0," +
            "\"human\":{\"comparisons\":2,\"content\":{\"precision\":0.3333,\"recall\":0.3333,\"f1\":0.3333},", json);
        Assert.Contains(
            "\"extractor\":{\"comparisons\":2,\"content\":{\"precision\":0.5,\"recall\":0.8333,\"f1\":0.625},", json);
        Assert.Contains("\"gold\":6,\"predicted\":10,\"speech_cues\":{", json);
    }

    [Fact]
    public void Real_dev_split_has_two_articles_read_by_six_annotators_each()
    {
        if (!TestPaths.HasShared("data", "polnear", "dev")) return; // data is outside the repo; absent in CI
        var bag = new DiagnosticBag();
        var split = PolNearReader.ReadAnnotators(TestPaths.SharedData("polnear", "dev"), bag);
        Assert.Empty(bag);
        Assert.Equal(2, split.Articles.Count);
        Assert.All(split.Articles, a => Assert.Equal(6, a.Annotators.Count));
        // The first reading of each is the gold the ordinary evaluation uses.
        var single = PolNearReader.ReadSplit(TestPaths.SharedData("polnear", "dev"), new DiagnosticBag());
        Assert.All(split.Articles, a => Assert.Equal(single.Articles.Single(s => s.Name == a.Name).AnnPath, a.Annotators[0].AnnPath));
    }

    [Fact]
    public void A_reading_with_a_bad_span_is_counted_skipped_and_the_cli_exits_3()
    {
        using var dir = new ContradictionNlp.Tests.Store.TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "text"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "attributions"));
        File.Copy(Data("good", "text", "alpha.txt"), Path.Combine(dir.Path, "text", "alpha.txt"));
        File.Copy(Data("good", "attributions", "alpha_a111.ann"), Path.Combine(dir.Path, "attributions", "alpha_a111.ann"));
        // E2's content runs past the end of the text: that attribution is dropped (line 6), E1 stays.
        File.WriteAllText(Path.Combine(dir.Path, "attributions", "alpha_c333.ann"), string.Join("\n",
            "T1\tSource 30 46\tMayor Jane Ortiz", "T2\tCue 47 51\tsaid", "T3\tContent 52 80\tthe bridge would open in May",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
            "T4\tCue 94 100\tdenied", "T5\tContent 101 9999\tthat funds were missing",
            "E2\tAttribution:T4 Cue:T4 Content:T5") + "\n");
        var bag = new DiagnosticBag();
        var r = new AttributionEvaluator(Predictions(), isSpeechCue: SpeechWords.Contains)
            .EvaluateAgreement(PolNearReader.ReadAnnotators(dir.Path, bag), bag);
        Assert.Equal((2, 1), (r.Annotations, r.SkippedAttributions));
        Assert.Contains(bag, d => d.Origin.EndsWith("alpha_c333.ann", StringComparison.Ordinal) && d.Line == 6);
        // c333's one reading (E1) still takes part: a111 as gold gives 5 gold, 1 predicted, 1 match, and back again.
        Assert.Equal((6, 6, 2), (r.Human.All.Gold, r.Human.All.Predicted, r.Human.All.Matched));

        var (code, _, stderr) = AttributionEvaluatorTests.RunCli(Predictions(), "--polnear", dir.Path, "--agreement", "--json");
        Assert.Equal(3, code);
        Assert.Contains("0 article(s) and 1 attribution(s) skipped", stderr);
    }
}
