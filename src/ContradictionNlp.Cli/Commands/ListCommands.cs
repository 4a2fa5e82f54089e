using System.CommandLine;
using ContradictionNlp.Cli.Output;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp speakers</c>: every stored speaker with aliases and claim count.</summary>
public static class SpeakersCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("speakers", "List stored speakers with their aliases and claim counts.") { db, json };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, CliEnvironment.Current), stderr, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var speakers = store.ListSpeakers();
            if (parse.GetValue(json)) StoreOutput.WriteJson(stdout, w => StoreOutput.Speakers(w, speakers));
            else StoreOutput.SpeakersTable(StoreOutput.Console(stdout, Terminal.IsStdout(stdout)), speakers);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary><c>cnlp claims [--speaker NAME]</c>: stored claims, by date.</summary>
public static class ClaimsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var speaker = new Option<string?>("--speaker") { Description = "Only claims of the speaker with this name or alias (case-insensitive).", HelpName = "NAME" };
        var command = new Command("claims", "List stored claims, oldest first.") { db, json, speaker };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, CliEnvironment.Current), stderr, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var name = parse.GetValue(speaker);
            var claims = store.ListClaims(name);
            if (name is not null && claims.Count == 0)
                stderr.WriteLine($"cnlp: no claims by a speaker named '{name}' (see 'cnlp speakers').");
            if (parse.GetValue(json)) StoreOutput.WriteJson(stdout, w => StoreOutput.Claims(w, claims));
            else StoreOutput.ClaimsTable(StoreOutput.Console(stdout, Terminal.IsStdout(stdout)), claims);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary><c>cnlp pairs [--min-score P]</c>: stored pairs at or above P, by score.</summary>
public static class PairsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var minScore = CommonOptions.MinScore();
        var command = new Command("pairs", "List stored same-speaker pairs scoring at least --min-score, highest first.") { db, json, minScore };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, CliEnvironment.Current), stderr, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var pairs = store.ListPairs(parse.GetValue(minScore));
            if (parse.GetValue(json)) StoreOutput.WriteJson(stdout, w => StoreOutput.Pairs(w, pairs));
            else StoreOutput.PairsTable(StoreOutput.Console(stdout, Terminal.IsStdout(stdout)), pairs);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Whether a writer is the real, non-redirected terminal (only then do we draw colours and progress).</summary>
internal static class Terminal
{
    public static bool IsStdout(TextWriter w) => ReferenceEquals(w, System.Console.Out) && !System.Console.IsOutputRedirected;
    public static bool IsStderr(TextWriter w) => ReferenceEquals(w, System.Console.Error) && !System.Console.IsErrorRedirected;
}
