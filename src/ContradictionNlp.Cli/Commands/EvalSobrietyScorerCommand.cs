using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp eval sobriety</c>: the share of random same-speaker news claim pairs the scorer flags, and the top pairs to read.</summary>
public static class EvalSobrietyScorerCommand
{
    public static Command Create()
    {
        var polnear = new Option<string>("--polnear") { Description = "A PolNeAR split folder (with text/) or any folder of .txt articles.", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Random same-speaker cross-article pairs to score.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Sampling seed.", DefaultValueFactory = _ => 42 };
        var top = new Option<int>("--top") { Description = "Highest-scoring pairs to print.", DefaultValueFactory = _ => 20 };
        var threshold = new Option<double>("--threshold") { Description = "Flag threshold on P(contradiction).", DefaultValueFactory = _ => 0.5 };
        var model = new Option<string?>("--model") { Description = "Scorer folder (default: the one models/scorer/CURRENT names)." };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var noGate = new Option<bool>("--no-gate") { Description = "Score every pair with the model, skipping the topic gate (to see what the gate buys)." };
        var extractor = new Option<string>("--extractor") { Description = "Where the claims come from: pipeline (what cnlp analyze pairs: its extractor from --models, attitude claims left out) or rules (the rules alone, every claim: the measure before round 30).", DefaultValueFactory = _ => "pipeline" };
        extractor.AcceptOnlyFromAmong("pipeline", "rules");
        var cmd = new Command("sobriety", "Share of random same-speaker claim pairs flagged as contradictions (a false-flag rate), with the top pairs to read.")
            { polnear, pairs, seed, top, threshold, model, models, json, noGate, extractor };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            if (parse.GetValue(pairs) < 0 || parse.GetValue(top) < 0) { err.WriteLine("cnlp: --pairs and --top must be >= 0."); return ExitCodes.BadUsage; }
            try
            {
                var articles = ScorerSobriety.ReadTextFolder(parse.GetValue(polnear)!);
                var catalog = ModelCatalog.Open(parse.GetValue(models)!);
                var scorer = catalog.LoadScorer(parse.GetValue(model) ?? catalog.CurrentScorerDirectory());
                var claimSource = parse.GetValue(extractor) == "rules" ? SobrietyClaims.Rules : SobrietyClaims.Pipeline(parse.GetValue(models)!);
                var r = ScorerSobriety.Run(articles, new PairScorer(scorer, useGate: !parse.GetValue(noGate)), parse.GetValue(pairs), parse.GetValue(seed), parse.GetValue(threshold), parse.GetValue(top), claimSource);
                if (parse.GetValue(json))
                {
                    o.WriteLine(ToJson(scorer.ModelVersion, r, claimSource.Name));
                    return ExitCodes.Ok;
                }
                var inv = CultureInfo.InvariantCulture;
                o.WriteLine($"scorer {scorer.ModelVersion}, {claimSource.Name} claims: {r.Articles} articles, {r.Claims} claims with a resolved speaker ({r.UnpairedClaims} attitude claims left out), {r.Speakers} speakers, {r.PopulationPairs} same-speaker cross-article pairs");
                o.WriteLine(string.Create(inv, $"sampled {r.Sampled} (seed {r.Seed}); gated as unrelated {r.Gated}; flagged (P(C) > {r.Threshold}) {r.Flagged} = {r.FlagShare:P2}"));
                var k = 0;
                foreach (var p in r.Top)
                {
                    o.WriteLine(string.Create(inv, $"{++k,2}. {p.Score.Contradiction:0.000} {p.Speaker} [{string.Join(",", p.Score.Reasons.Select(x => x.Kind))}]"));
                    o.WriteLine($"    A ({p.ArticleA}): {p.A}");
                    o.WriteLine($"    B ({p.ArticleB}): {p.B}");
                }
                return ExitCodes.Ok;
            }
            catch (DirectoryNotFoundException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }
            catch (Exception ex) when (ex is ModelFormatException or IOException)
            {
                err.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return cmd;
    }

    /// <summary>The --json report: counts, then the top flagged pairs with their reason kinds.</summary>
    public static string ToJson(string model, SobrietyReport r, string claims = "rules") => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("model", model);
        w.WriteString("claims_from", claims);
        w.WriteNumber("unpaired_claims", r.UnpairedClaims);
        w.WriteNumber("articles", r.Articles);
        w.WriteNumber("claims", r.Claims);
        w.WriteNumber("speakers", r.Speakers);
        w.WriteNumber("population_pairs", r.PopulationPairs);
        w.WriteNumber("sampled", r.Sampled);
        w.WriteNumber("gated", r.Gated);
        w.WriteNumber("flagged", r.Flagged);
        w.WriteNumber("flag_share", Math.Round(r.FlagShare, 4));
        w.WriteNumber("threshold", r.Threshold);
        w.WriteNumber("seed", r.Seed);
        w.WriteStartArray("top");
        foreach (var p in r.Top)
        {
            w.WriteStartObject();
            w.WriteString("speaker", p.Speaker);
            w.WriteNumber("score", Math.Round(p.Score.Contradiction, 4));
            w.WriteString("a", p.A);
            w.WriteString("article_a", p.ArticleA);
            w.WriteString("b", p.B);
            w.WriteString("article_b", p.ArticleB);
            w.WriteStartArray("reasons");
            foreach (var x in p.Score.Reasons) w.WriteStringValue(x.Kind);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
