using System.CommandLine;
using ContradictionNlp.Cli;

return CnlpApp.Run(args);

namespace ContradictionNlp.Cli
{
    /// <summary>Builds the command tree. Each command lives in Commands/ and is a thin shell over the library.</summary>
    public static class CnlpApp
    {
        public static RootCommand BuildRoot()
        {
            var root = new RootCommand("ContradictionNlp: find claims in news articles and flag same-speaker contradictions.");
            var eval = new Command("eval", "Measure quality on a named data set.");
            root.Subcommands.Add(eval);
            eval.Subcommands.Add(Commands.EvalSentencesCommand.Create());
            root.Subcommands.Add(Commands.AnalyzeCommand.Create());
            root.Subcommands.Add(Commands.SpeakersCommand.Create());
            root.Subcommands.Add(Commands.ClaimsCommand.Create());
            root.Subcommands.Add(Commands.PairsCommand.Create());
            eval.Subcommands.Add(Commands.EvalScorerCommand.Create());
            root.Subcommands.Add(Commands.TrainScorerCommand.Create());
            root.Subcommands.First(c => c.Name == "train").Subcommands.Add(Commands.TrainTaggerCommand.Create());
            root.Subcommands.First(c => c.Name == "train").Subcommands.Add(Commands.TrainNerCommand.Create());
            root.Subcommands.First(c => c.Name == "train").Subcommands.Add(Commands.TrainAttributionCommand.Create());
            eval.Subcommands.Add(Commands.EvalTaggerCommand.Create());
            eval.Subcommands.Add(Commands.EvalNerCommand.Create());
            root.Subcommands.Add(Commands.BuildVectorsCommand.Create());
            eval.Subcommands.Add(Commands.EvalAttributionCommand.Create());
            root.Subcommands.Add(Commands.ModelsCommand.Create());
            root.Subcommands.Add(Commands.RescoreCommand.Create());
            root.Subcommands.Add(Commands.ReviewCommand.Create());
            root.Subcommands.Add(Commands.ServeCommand.Create());
            root.Subcommands.Add(Commands.ExportCommand.Create());
            eval.Subcommands.Add(Commands.EvalSobrietyScorerCommand.Create());
            root.Subcommands.Add(Commands.BenchCommand.Create());
            return root;
        }

        public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
        {
            var root = BuildRoot();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var err = stderr ?? Console.Error;
                foreach (var e in parse.Errors) err.WriteLine($"cnlp: {e.Message}");
                err.WriteLine("Run 'cnlp --help' for usage.");
                return ExitCodes.BadUsage;
            }
            var config = new InvocationConfiguration();
            if (stdout is not null) config.Output = stdout;
            if (stderr is not null) config.Error = stderr;
            return parse.Invoke(config);
        }
    }
}
