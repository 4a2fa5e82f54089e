using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

/// <summary>
/// The real BBC News export in ../shared/data/bbc-news (headline, blank line, paragraphs; one
/// Latin-1 byte in sport/199.txt). Skipped when the shared data is absent.
/// </summary>
public class BbcCorpusTests
{
    [Fact]
    public void Every_BBC_article_keeps_its_headline_and_its_body_is_the_file_after_it_minus_at_most_a_few_deck_lines()
    {
        if (!TestPaths.HasShared("data", "bbc-news", "politics")) return;
        var folder = TestPaths.SharedData("bbc-news");
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "bbc-news").ToList();
        Assert.Equal(2225, files.Count);

        var reader = new PlainTextArticleReader();
        var bag = new DiagnosticBag();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var article = Assert.Single(reader.Read(stream, file, bag));
            var raw = Decode(File.ReadAllBytes(file));
            var newline = raw.IndexOf('\n');
            Assert.Equal(raw[..newline].Trim(), article.Title);
            var rest = raw[newline..].Trim();
            // We only ever drop whole lines before the body (decks, fixture details), never alter it.
            Assert.EndsWith(article.Text, rest);
            var dropped = rest[..^article.Text.Length].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(dropped.Length <= PlainTextArticleReader.MaxSubtitles, $"{file}: dropped {dropped.Length} lines");
            Assert.All(dropped, line => Assert.DoesNotMatch(@"\.\s*$", line));
        }
        var diagnostic = Assert.Single(bag);
        Assert.Equal(Path.Combine(folder, "sport", "199.txt") + ": info: not valid UTF-8 (first invalid byte at offset 257); decoded as Latin-1", diagnostic.ToString());
    }

    private static string Decode(byte[] bytes)
    {
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.Latin1.GetString(bytes); }
    }
}
