using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Evaluation;

public class AttributionPolNearReaderTests
{
    private static string Data(params string[] parts) => TestPaths.Repo(["tests", "ContradictionNlp.Tests", "TestData", "PolNear", .. parts]);

    private static TextSpan S(int start, int end) => new(start, end);

    [Fact]
    public void Parses_discontinuous_and_multi_line_spans_and_reports_each_bad_line()
    {
        var text = File.ReadAllText(Data("bad", "text", "beta.txt"));
        var annPath = Data("bad", "attributions", "beta_x1.ann");
        var bag = new DiagnosticBag();
        var a = PolNearReader.ParseAnnotations(File.ReadAllText(annPath), text, "beta_x1.ann", bag);

        Assert.Equal(2, a.Attributions.Count);
        var e1 = a.Attributions[0];
        Assert.Equal(("E1", 6), (e1.Id, e1.Line));
        Assert.Equal([S(39, 42)], e1.Source);
        Assert.Equal([S(43, 47)], e1.Cue);
        Assert.Equal("said", e1.CueText);
        Assert.Equal([S(20, 37), S(50, 70)], e1.Content);         // discontinuous, roles in another order
        var e2 = a.Attributions[1];
        Assert.Equal(("E2", 12), (e2.Id, e2.Line));                // the covered text took two lines
        Assert.Equal([S(88, 114)], e2.Content);
        Assert.Equal("that the deficit\nwill grow", e2.Content[0].Of(text));

        Assert.Equal(4, a.SkippedAttributions);  // E3 E4 E6 E7
        Assert.Equal(1, a.RolelessEvents);       // E5: trigger only
        Assert.Equal(13, a.SpansChecked);
        Assert.Equal(2, a.SpansMisaligned);      // T9 shifted by one, T12 out of range

        var d = bag.Select(x => (x.Line, x.Field, x.Severity)).ToArray();
        Assert.Equal(
            [
                (13, "offsets", DiagnosticSeverity.Warning),
                (16, "offsets", DiagnosticSeverity.Warning),
                (20, "type", DiagnosticSeverity.Warning),
                (17, "Source", DiagnosticSeverity.Warning),
                (18, "Content", DiagnosticSeverity.Warning),
                (21, "Content", DiagnosticSeverity.Warning),
                (22, "Content", DiagnosticSeverity.Warning),
            ], d);
        var all = bag.ToArray();
        Assert.All(all, x => Assert.Equal("beta_x1.ann", x.Origin));
        Assert.Equal("beta_x1.ann:13 (offsets): warning: T9: covered text does not match the article at 117 123: annotation has \"Nobody\" but the text has \"obody \"; span ignored", all[0].ToString());
        Assert.Equal("T12: offsets 5000 5010 are out of range (the text has 133 characters); span ignored", all[1].Message);
        Assert.StartsWith("T13: unknown span type 'Opinion' (expected one of Source, Cue, Content,", all[2].Message);
        Assert.Equal("E3: role Source refers to T9, which was rejected above; attribution skipped", all[3].Message);
        Assert.Equal("E7: role Content refers to T99, which is not defined in this file; attribution skipped", all[6].Message);
    }

    [Theory]
    [InlineData("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1 Speaker:T1\n", "E1: unknown role 'Speaker'")]
    [InlineData("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue=T1\n", "E1: malformed role argument 'Cue=T1'")]
    [InlineData("T1\tCue zero 4\tsaid\n", "malformed span line")]
    [InlineData("T1\tCue 4 0\tsaid\n", "T1: offsets 4 0 are inverted (end 0 < start 4)")]
    public void Malformed_lines_become_warnings(string ann, string expectedStart)
    {
        var bag = new DiagnosticBag();
        var a = PolNearReader.ParseAnnotations(ann, "said it", "x.ann", bag);
        Assert.Empty(a.Attributions);
        var d = Assert.Single(bag);
        Assert.StartsWith(expectedStart, d.Message);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Missing_cue_falls_back_to_trigger_and_content2_joins_content()
    {
        const string text = "Kim said taxes rise and rents fall.";
        const string ann = "T1\tAttribution 4 8\tsaid\nT2\tContent 9 20\ttaxes rise \nT3\tContent 24 34\trents fall\nT4\tSource 0 3\tKim\n" +
                           "E1\tContent2:T3 Attribution:T1 Source:T4 Content:T2\n";
        var bag = new DiagnosticBag();
        var a = PolNearReader.ParseAnnotations(ann, text, "k.ann", bag);
        Assert.Empty(bag);
        var g = Assert.Single(a.Attributions);
        Assert.Equal([S(4, 8)], g.Cue);
        Assert.Equal([S(9, 20), S(24, 34)], g.Content); // Content (line 2) before Content2 (line 3)
        Assert.Equal(4, a.SpanFragments.Count);
    }

    [Fact]
    public void Split_uses_the_first_annotator_by_file_name()
    {
        var bag = new DiagnosticBag();
        var split = PolNearReader.ReadSplit(Data("good"), bag);
        Assert.Empty(bag);
        Assert.Equal(0, split.SkippedArticles);
        var art = Assert.Single(split.Articles);
        Assert.Equal("alpha", art.Name);
        Assert.Equal("alpha_a111.ann", Path.GetFileName(art.AnnPath));
        Assert.Equal(5, art.Attributions.Count);    // alpha_b222.ann has only one
        Assert.False(art.Attributions[3].HasSource);  // Attribution-no-source
    }

    [Fact]
    public void Split_skips_an_article_without_text_with_an_error_and_honours_limit()
    {
        var bag = new DiagnosticBag();
        var split = PolNearReader.ReadSplit(Data("bad"), bag);
        Assert.Equal(["beta"], split.Articles.Select(a => a.Name));
        Assert.Equal(1, split.SkippedArticles);
        var err = Assert.Single(bag, d => d.IsSkip);
        Assert.EndsWith("gamma_x1.ann", err.Origin);
        Assert.Equal("text", err.Field);
        Assert.StartsWith("no article text: expected '", err.Message);

        var limited = PolNearReader.ReadSplit(Data("bad"), new DiagnosticBag(), limit: 1);
        Assert.Equal(["beta"], limited.Articles.Select(a => a.Name));
        Assert.Equal(0, limited.SkippedArticles);
    }

    [Fact]
    public void Split_folder_without_attributions_throws_with_the_expected_path()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => PolNearReader.ReadSplit(Data("good", "text"), new DiagnosticBag()));
        Assert.Contains("expected a folder", ex.Message);
    }

    [Theory]
    [InlineData("politico_2016-09-08_flynn-says_1a2b", "politico_2016-09-08_flynn-says")]
    [InlineData("alpha_a111", "alpha")]
    [InlineData("noannotator", "noannotator")]
    public void Article_name_drops_the_annotator_suffix(string stem, string expected) =>
        Assert.Equal(expected, PolNearReader.ArticleName(stem));

    [Theory]
    [InlineData("dev")]
    [InlineData("train")]
    public void Real_split_gold_spans_all_align_with_the_text(string split)
    {
        if (!TestPaths.HasShared("data", "polnear", split)) return; // data is outside the repo; absent in CI
        var bag = new DiagnosticBag();
        var s = PolNearReader.ReadSplit(TestPaths.SharedData("polnear", split), bag);
        Assert.Empty(bag);
        Assert.Equal(0, s.SkippedArticles);
        Assert.Equal(split == "dev" ? 84 : 840, s.Articles.Count);
        Assert.All(s.Articles, a =>
        {
            Assert.Equal(0, a.Annotations.SpansMisaligned);
            Assert.Equal(0, a.Annotations.SkippedAttributions);
        });
    }
}
