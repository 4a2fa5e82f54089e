using ContradictionNlp.Cli;
using ContradictionNlp.Cli.Commands;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Store;
using Spectre.Console;

namespace ContradictionNlp.Tests.Review;

/// <summary>Keys from a string; null once they run out (as end of input).</summary>
public sealed class FakeKeys(string keys) : IKeySource
{
    private int _next;
    public int Read => _next;
    public char? ReadKey() => _next < keys.Length ? keys[_next++] : null;
}

public class ReviewSessionTests
{
    private static IAnsiConsole Console(StringWriter w)
    {
        var c = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(w), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        c.Profile.Width = 160;
        return c;
    }

    [RealModelsFact]
    public void Keys_record_verdicts_at_once_undo_takes_back_the_last_and_q_quits()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var queue = ReviewQueue.Load(store, new ReviewQuery(Status: ReviewStatus.Unreviewed));
        Assert.True(queue.Count >= 3);
        var keys = new FakeKeys("cxnuwsq!");
        var session = new ReviewSession(store, Console(new StringWriter()), keys, "ana", queue);
        session.Run();
        // c -> pair0 contradiction; x unknown (ignored); n -> pair1 not; u undoes it; w -> pair1 bad claim; s -> pair2 skip; q quits.
        Assert.Equal(7, keys.Read); // '!' after q is never read
        var rows = store.ListReviews();
        Assert.Equal(
            [(queue[0].Pair.Id, Verdicts.Contradiction), (queue[1].Pair.Id, Verdicts.BadClaim), (queue[2].Pair.Id, Verdicts.Skip)],
            rows.Select(r => (r.PairId, r.Verdict)));
        Assert.All(rows, r => Assert.Equal("ana", r.Reviewer));
        Assert.Equal(3, session.Recorded);
    }

    [RealModelsFact]
    public void Hostile_article_text_reaches_the_terminal_without_escapes_or_markup_effects()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var hostile = ReviewQueue.Load(store, new ReviewQuery(MinScore: 0, Status: ReviewStatus.All))
            .Where(i => i.Pair.A.Claim.ContentText.Contains("<script>", StringComparison.Ordinal) && i.Pair.B.Claim.ContentText.Contains("pwned", StringComparison.Ordinal))
            .ToList();
        Assert.Single(hostile);
        var output = new StringWriter();
        new ReviewSession(store, Console(output), new FakeKeys("q"), "ana", hostile).Run();
        var text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("[bold]at all[/]", text); // shown literally, not interpreted as markup
        Assert.Contains("<script>alert(1)</script>", text); // a terminal has no HTML: shown as typed
        Assert.Contains("Quit. 0 verdict(s) recorded.", text);
    }

    [RealModelsFact]
    public void Cnlp_review_runs_the_loop_with_injected_keys_and_ends_at_end_of_input()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        var env = new CliEnvironment
        {
            CurrentDirectory = dir.Path, ExecutableDirectory = dir.Path, GetEnvironmentVariable = _ => null, Stdin = null,
            KeySource = new FakeKeys("cc"),
        };
        var (o, e) = (new StringWriter(), new StringWriter());
        int code;
        using (CliEnvironment.Use(env))
            code = CnlpApp.Run(["review", "--db", db, "--reviewer", "cli-test", "--order", "uncertainty"], o, e);
        Assert.Equal(0, code);
        using var store = ClaimStore.Open(db);
        var expected = ReviewQueue.Load(store, new ReviewQuery(Order: ReviewOrder.Uncertainty)).Take(2).Select(i => i.Pair.Id);
        Assert.Equal(expected, store.ListReviews().Select(r => r.PairId));
        Assert.All(store.ListReviews(), r => Assert.Equal(("cli-test", Verdicts.Contradiction), (r.Reviewer, r.Verdict)));
        // Reviewed pairs leave the default queue: a second run starts at the third.
        Assert.Equal(ReviewQueue.Load(store, new ReviewQuery()).Count - 2, ReviewQueue.Load(store, new ReviewQuery(Status: ReviewStatus.Unreviewed)).Count);
    }
}
