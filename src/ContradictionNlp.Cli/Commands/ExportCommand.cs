using System.CommandLine;
using System.Text;
using ContradictionNlp.Review;
using ContradictionNlp.Store;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp export --format csv|jsonl|html</c>: pairs with their verdicts, for sharing.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var format = new Option<ExportFormat>("--format") { Description = "csv, jsonl or html (one self-contained report).", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write. Default: stdout.", HelpName = "FILE" };
        var status = new Option<string>("--status")
        {
            Description = "flagged: every pair at or above --min-score; reviewed: those with a verdict; contradiction: those judged contradictions; all: every pair whatever its score.",
            DefaultValueFactory = _ => ReviewStatus.Flagged,
        };
        status.AcceptOnlyFromAmong(ReviewStatus.Names.ToArray());
        var minScore = CommonOptions.MinScore();
        var command = new Command("export", "Export pairs with their verdicts as CSV, JSON Lines or an HTML report.") { db, format, output, status, minScore };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var env = CliEnvironment.Current;
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, env), stderr, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var s = parse.GetValue(status)!;
            // "all" means every pair; the other statuses keep the flagging threshold.
            var query = new ReviewQuery(MinScore: s == ReviewStatus.All ? 0 : parse.GetValue(minScore), Status: s);
            var items = ReviewQueue.Load(store, query);
            var articles = new Dictionary<string, StoredArticle?>(StringComparer.Ordinal);
            StoredArticle? Article(string id) => articles.TryGetValue(id, out var a) ? a : articles[id] = store.GetArticle(id);
            if (parse.GetValue(output) is { } path)
            {
                var full = Path.GetFullPath(path, env.CurrentDirectory);
                // Write beside the target and move into place: a failed export never leaves half a file.
                var temp = full + ".tmp";
                try
                {
                    using (var w = new StreamWriter(temp, false, new UTF8Encoding(false)))
                        ReviewExporter.Write(w, parse.GetValue(format), items, Article);
                    File.Move(temp, full, overwrite: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"cnlp: cannot write '{full}': {ex.Message}");
                    try { File.Delete(temp); } catch (IOException) { }
                    return ExitCodes.Failure;
                }
                stderr.WriteLine($"cnlp: wrote {items.Count} pair(s) to {full}");
            }
            else ReviewExporter.Write(stdout, parse.GetValue(format), items, Article);
            return ExitCodes.Ok;
        });
        return command;
    }
}
