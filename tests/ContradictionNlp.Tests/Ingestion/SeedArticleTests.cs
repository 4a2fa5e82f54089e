using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

/// <summary>The two real seed articles from ../shared/seeds (not part of the repository); skipped when absent.</summary>
public class SeedArticleTests
{
    private static Article? ReadSeed(string name, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        if (!TestPaths.HasShared("seeds", name)) return null;
        var bag = new DiagnosticBag();
        var articles = new ArticleLoader().Load([Path.Combine(TestPaths.Shared, "seeds", name)], bag).ToList();
        diagnostics = bag.ToList();
        return Assert.Single(articles);
    }

    [Fact]
    public void Aleinik_export_yields_title_author_date_and_a_body_without_page_chrome()
    {
        var article = ReadSeed("aleinik-denial-2023-09-27.txt", out var diagnostics);
        if (article is null) return; // ../shared absent: nothing to check
        Assert.Empty(diagnostics);
        // The title is the export's first line, read from the seed itself (its text is not ours to copy).
        Assert.Equal(File.ReadLines(Path.Combine(TestPaths.Shared, "seeds", "aleinik-denial-2023-09-27.txt")).First().Trim(), article.Title);
        Assert.Equal("Jakob A. Overgaard", article.Author);
        Assert.Equal(new DateOnly(2023, 9, 27), article.Date);
        Assert.StartsWith("Belarusian Foreign Minister, Sergei Aleinik,", article.Text);
        Assert.EndsWith("otherwise.", article.Text);
        foreach (var chrome in (string[])["Photo: Shutterstock", "Trending Now", "Written by", "Sep.27", "\nNews\n", "Belarus Denies Plans"])
            Assert.DoesNotContain(chrome, article.Text);
        Assert.DoesNotContain('\r', article.Text);
        Assert.Contains("This is reported by Pravda in Ukraine.", article.Text);
    }

    [Fact]
    public void Lukashenko_export_takes_the_date_off_the_first_line_and_starts_the_body_after_it()
    {
        var article = ReadSeed("lukashenko-admission-2023-11-16.txt", out var diagnostics);
        if (article is null) return;
        Assert.Empty(diagnostics);
        Assert.Equal(new DateOnly(2023, 11, 16), article.Date);
        Assert.StartsWith("Belarusian President ", article.Text);
        Assert.Null(article.Author);
        // No title line in the file: the first sentence stands in, cut to the fallback length.
        Assert.StartsWith("Belarusian President Alexander Lukashenko made a stunning admission", article.Title);
        Assert.True(article.Title.Length <= ArticleTitles.MaxFallbackLength, article.Title);
        Assert.EndsWith("…", article.Title);
    }
}
