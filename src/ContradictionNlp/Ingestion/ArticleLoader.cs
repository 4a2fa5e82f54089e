using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Turns command-line inputs (files, folders, "-" for stdin) into articles, lazily: one file is
/// read at a time, so a folder of thousands of articles is never held in memory at once.
/// </summary>
/// <remarks>
/// Folders are walked recursively in ordinal path order (stable across machines); files with an
/// extension no reader knows are ignored there, as are hidden files and folders (dot-names), but a
/// file named explicitly with an unknown extension gets an error diagnostic. Stdin is sniffed:
/// JSONL when the first non-space character is '{', HTML when '&lt;', otherwise plain text. An
/// article whose content hash was already yielded in this run is skipped with an info diagnostic.
/// </remarks>
public sealed class ArticleLoader
{
    public const string StdinPath = "-";

    private readonly IngestionOptions _options;
    private readonly PlainTextArticleReader _text;
    private readonly HtmlArticleReader _html;
    private readonly JsonLinesArticleReader _jsonl;
    private readonly ArticleReaderBase[] _readers;

    public ArticleLoader(IngestionOptions? options = null)
    {
        _options = (options ?? IngestionOptions.Default).Validate();
        _text = new PlainTextArticleReader(_options);
        _html = new HtmlArticleReader(_options);
        _jsonl = new JsonLinesArticleReader(_options);
        _readers = [_text, _html, _jsonl];
    }

    /// <summary>Every extension some reader handles, e.g. for help text.</summary>
    public IEnumerable<string> KnownExtensions => _readers.SelectMany(r => r.Extensions);

    /// <param name="stdin">Opens standard input for "-"; defaults to the console's.</param>
    public IEnumerable<Article> Load(IEnumerable<string> paths, DiagnosticBag diagnostics, Func<Stream>? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var article in LoadOne(path, diagnostics, stdin))
            {
                if (seen.TryGetValue(article.Id, out var first))
                {
                    diagnostics.Info(article.Origin, $"duplicate of the article first read from {first} (same text, id {article.Id}); skipped");
                    continue;
                }
                seen.Add(article.Id, article.Origin);
                yield return article;
            }
        }
    }

    private IEnumerable<Article> LoadOne(string path, DiagnosticBag diagnostics, Func<Stream>? stdin)
    {
        if (path == StdinPath) return ReadStdin(diagnostics, stdin ?? Console.OpenStandardInput);
        if (Directory.Exists(path)) return ReadFolder(path, diagnostics);
        if (File.Exists(path))
        {
            if (ReaderFor(path) is { } reader) return ReadFile(reader, path, diagnostics);
            var ext = Path.GetExtension(path);
            diagnostics.Error(path, $"unsupported file type '{(ext.Length == 0 ? "(none)" : ext)}': expected one of {string.Join(", ", KnownExtensions)}");
            return [];
        }
        diagnostics.Error(path, "no such file or folder");
        return [];
    }

    private ArticleReaderBase? ReaderFor(string path) => Array.Find(_readers, r => r.CanRead(path));

    // A corpus folder usually carries its own README.md / SOURCE.md / LICENSE: those describe the
    // articles and are not news. Skipped only in folder walks; naming such a file explicitly reads it.
    private static readonly HashSet<string> FolderDocumentationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "SOURCE", "LICENSE", "LICENCE", "NOTICE", "CHANGELOG", "CONTRIBUTING",
    };

    internal static bool IsFolderDocumentation(string path) =>
        FolderDocumentationNames.Contains(Path.GetFileNameWithoutExtension(path));

    private IEnumerable<Article> ReadFolder(string folder, DiagnosticBag diagnostics)
    {
        List<string> files;
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
            // Only paths are collected (not contents) so the order can be made stable.
            files = Directory.EnumerateFiles(folder, "*", options)
                .Where(f => ReaderFor(f) is not null && !IsFolderDocumentation(f)).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(folder, $"cannot list folder: {ex.Message}");
            yield break;
        }
        if (files.Count == 0)
        {
            // Silence here would look like "no claims found" to someone who pointed at the wrong folder.
            diagnostics.Warning(folder, $"no article files in this folder: expected files ending in {string.Join(", ", KnownExtensions)}");
            yield break;
        }
        files.Sort(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (var article in ReadFile(ReaderFor(file)!, file, diagnostics))
                yield return article;
    }

    private IEnumerable<Article> ReadFile(ArticleReaderBase reader, string path, DiagnosticBag diagnostics)
    {
        List<Article> articles;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > _options.MaxFileBytes)
            {
                diagnostics.Error(path, InputDecoding.TooLargeMessage(size, _options.MaxFileBytes));
                return [];
            }
            using var stream = File.OpenRead(path);
            // Materialised per file so the stream is closed before the caller resumes.
            articles = reader.Read(stream, path, diagnostics).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(path, $"cannot read file: {ex.Message}");
            return [];
        }
        return articles;
    }

    private IEnumerable<Article> ReadStdin(DiagnosticBag diagnostics, Func<Stream> open)
    {
        byte[]? bytes;
        using (var stream = open())
            bytes = InputDecoding.ReadAll(stream, _options.MaxFileBytes, StdinPath, diagnostics);
        if (bytes is null) return [];
        var text = InputDecoding.Decode(bytes, StdinPath, diagnostics);
        if (text is null) return [];
        var first = text.TrimStart();
        ArticleReaderBase reader = first.StartsWith('{') ? _jsonl : first.StartsWith('<') ? _html : _text;
        return reader.WithinLimits(reader.ReadText(text, StdinPath, diagnostics), diagnostics).ToList();
    }
}
