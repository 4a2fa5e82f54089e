using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using Spectre.Console;

namespace ContradictionNlp.Cli.Commands;

/// <summary>Where the review loop gets its keys: the console, or a fake in tests.</summary>
public interface IKeySource
{
    /// <summary>The next key, or null when there are no more (end of input): the loop then quits.</summary>
    char? ReadKey();
}

/// <summary>Keys from the terminal without echo; from stdin character by character when stdin is redirected (scripts).</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public char? ReadKey()
    {
        if (System.Console.IsInputRedirected)
        {
            int c = System.Console.In.Read();
            return c < 0 ? null : (char)c;
        }
        var key = System.Console.ReadKey(intercept: true);
        return key.Key == ConsoleKey.Escape ? 'q' : key.KeyChar;
    }
}

/// <summary>
/// <c>cnlp review</c>: one pair at a time, one key per verdict. Each verdict is written to the
/// store before the next pair is shown, so quitting or crashing loses nothing.
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var speaker = new Option<string?>("--speaker") { Description = "Only pairs of the speaker with this name or id (case-insensitive).", HelpName = "NAME" };
        var order = new Option<ReviewOrder>("--order")
        {
            Description = "score: highest first; uncertainty: closest to 0.5 first (the verdicts that teach a retrained scorer most); date: latest claim first.",
            DefaultValueFactory = _ => ReviewOrder.Score,
        };
        var reviewer = new Option<string?>("--reviewer") { Description = "Name stored with each verdict. Default: your user name.", HelpName = "NAME" };
        var minScore = CommonOptions.MinScore();
        var all = new Option<bool>("--all") { Description = "Also show pairs that already have a verdict (default: only unreviewed ones)." };
        var command = new Command("review", "Review flagged pairs in the terminal: c contradiction, n not, w wrong speaker/bad claim, s skip, u undo, q quit.")
        {
            db, speaker, order, reviewer, minScore, all,
        };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, CliEnvironment.Current), stderr, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var who = parse.GetValue(reviewer) is { Length: > 0 } r ? r : Environment.UserName;
            var query = new ReviewQuery(parse.GetValue(speaker), parse.GetValue(minScore),
                parse.GetValue(all) ? ReviewStatus.Flagged : ReviewStatus.Unreviewed, parse.GetValue(order));
            var queue = ReviewQueue.Load(store, query);
            var console = Output.StoreOutput.Console(stdout, Terminal.IsStdout(stdout));
            var keys = CliEnvironment.Current.KeySource ?? new ConsoleKeySource();
            var session = new ReviewSession(store, console, keys, who, queue);
            session.Run();
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The key loop of <c>cnlp review</c>, separate from the command so tests drive it with fake keys.</summary>
public sealed class ReviewSession(ClaimStore store, IAnsiConsole console, IKeySource keys, string reviewer, IReadOnlyList<ReviewItem> queue)
{
    private readonly Dictionary<string, StoredArticle?> _articles = new(StringComparer.Ordinal);
    // What undo can take back: the queue position and the row this session added (null when the
    // key added nothing, e.g. the same verdict was already the latest).
    private readonly Stack<(int Index, long? ReviewId)> _done = new();

    /// <summary>Verdict rows this session has added and not undone.</summary>
    public int Recorded { get; private set; }

    public void Run()
    {
        int index = 0;
        string? notice = null;
        while (true)
        {
            if (index >= queue.Count)
            {
                console.MarkupLine(queue.Count == 0
                    ? "[green]Nothing to review.[/] Try --min-score 0, --all, or another --speaker."
                    : $"[green]All {queue.Count} pair(s) done.[/] {Recorded} verdict(s) recorded. Press u to undo the last, any other key to quit.");
                if (queue.Count == 0 || keys.ReadKey() is not ('u' or 'U') || _done.Count == 0) return;
                index = Undo();
                notice = "Undone.";
                continue;
            }
            Show(index, notice);
            notice = null;
            var key = keys.ReadKey();
            if (key is null or 'q' or 'Q') { console.MarkupLine($"Quit. {Recorded} verdict(s) recorded."); return; }
            if (key is 'u' or 'U')
            {
                if (_done.Count == 0) { notice = "Nothing to undo."; continue; }
                index = Undo();
                notice = "Undone.";
                continue;
            }
            if (Verdicts.FromKey(key.Value) is not { } verdict) { notice = $"Unknown key '{Safe(key.Value.ToString())}'."; continue; }
            var pair = queue[index].Pair;
            var write = store.RecordReview(pair.Id, verdict, reviewer);
            if (write is null) notice = $"Pair {pair.Id} is no longer in the store; moved on.";
            else if (write.Added) Recorded++;
            _done.Push((index, write is { Added: true } ? write.Review.Id : null));
            index++;
        }
    }

    private int Undo()
    {
        var (index, reviewId) = _done.Pop();
        if (reviewId is { } id && store.DeleteReview(id)) Recorded--;
        return index;
    }

    private static string Safe(string text) => Markup.Escape(TextSafety.ForTerminal(text));

    private StoredArticle? Article(string id)
    {
        if (!_articles.TryGetValue(id, out var a)) _articles[id] = a = store.GetArticle(id);
        return a;
    }

    private void Show(int index, string? notice)
    {
        var item = queue[index];
        var p = item.Pair;
        var current = store.CurrentReviews().GetValueOrDefault(p.Id);
        // On a real terminal each pair starts on a clean screen; captured output (tests, pipes) keeps the history.
        if (console.Profile.Capabilities.Interactive) console.Clear(home: true);
        else console.WriteLine();
        console.Write(new Rule($"Pair {index + 1} of {queue.Count} · [bold]{Safe(p.SpeakerName)}[/] · score {p.Score.Contradiction.ToString("0.00", CultureInfo.InvariantCulture)} · verdict: {Safe(Verdicts.Describe(current?.Verdict))}").LeftJustified());
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(ClaimPanel("A", p.A, p.Score.Reasons.SelectMany(r => r.SpansA)), ClaimPanel("B", p.B, p.Score.Reasons.SelectMany(r => r.SpansB)));
        console.Write(grid);
        foreach (var r in p.Score.Reasons)
            console.MarkupLine($"  • [italic]{Safe(r.Kind)}[/]: {Safe(r.Message)}");
        if (notice is not null) console.MarkupLine($"[yellow]{Safe(notice)}[/]");
        console.MarkupLine("[bold]c[/] contradiction  [bold]n[/] not a contradiction  [bold]w[/] wrong speaker/bad claim  [bold]s[/] skip  [bold]u[/] undo  [bold]q[/] quit");
    }

    private Panel ClaimPanel(string label, StoredClaim c, IEnumerable<Text.TextSpan> reasonSpans)
    {
        var article = Article(c.Claim.ArticleId);
        var date = c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var source = article?.Source is { Length: > 0 } s ? $" ({Safe(s)})" : "";
        var header = $"[bold]{label}[/] · {date} · {Safe(c.ArticleTitle)}{source}";
        var segments = article is null
            ? ClaimHighlighter.Content(c.Claim.ContentText, reasonSpans)
            : ClaimHighlighter.Context(c, article.Text, reasonSpans);
        var body = string.Concat(segments.Select(Style));
        return new Panel(new Markup($"{header}\n\n{body}")).Expand();
    }

    /// <summary>Reason words: black on yellow; the cue: bold; the speaker: cyan; the rest of the content: underlined.</summary>
    private static string Style(Segment s)
    {
        var text = Safe(s.Text);
        if (text.Length == 0) return "";
        if (s.Marks.HasFlag(Marks.Reason)) return $"[black on yellow]{text}[/]";
        if (s.Marks.HasFlag(Marks.Cue)) return $"[bold]{text}[/]";
        if (s.Marks.HasFlag(Marks.Speaker)) return $"[cyan]{text}[/]";
        if (s.Marks.HasFlag(Marks.Content)) return $"[underline]{text}[/]";
        return text;
    }
}
