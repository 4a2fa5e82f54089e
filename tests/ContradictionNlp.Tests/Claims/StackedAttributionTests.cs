using System.CommandLine;
using ContradictionNlp.Claims;
using ContradictionNlp.Cli.Commands;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;
using L = ContradictionNlp.Claims.AttributionLabels;

namespace ContradictionNlp.Tests.Claims;

/// <summary>The attribution tagger stacked on the rules (round 6): its per-token rule features, training, format and extraction.</summary>
public class StackedAttributionTests
{
    private static readonly TextAnalyzer Analyzer = new();

    private static TextSpan Find(string text, string part, int from = 0) => LearnedAttributionTests.Find(text, part, from);

    private static Claim RuleClaim(string text, TextSpan speaker, TextSpan cue, TextSpan content, ClaimKind kind, CueClass cls, TextSpan gap = default) =>
        new(Claim.MakeId("a", content), "a", 0, new TextSpan(0, text.Length), new SpeakerMention(speaker, speaker.Of(text), MentionKind.Name, speaker.Of(text), []),
            cue, cue.Of(text), content, content.Of(text), kind, null, cls) { ContentGap = gap };

    private static (byte[] Rule, byte[] Info, byte[] Dist) Marks(TokenizedText text, IReadOnlyList<Claim> claims)
    {
        int n = text.Tokens.Count;
        // Longer than n and dirty, as rented arrays are: MarkRules must clear what it reads.
        byte[] rule = Enumerable.Repeat((byte)77, n + 3).ToArray(), info = Enumerable.Repeat((byte)77, n + 3).ToArray(), dist = Enumerable.Repeat((byte)77, n + 3).ToArray();
        AttributionTagger.MarkRules(text, claims, rule, info, dist);
        return (rule[..n], info[..n], dist[..n]);
    }

    [Fact]
    public void Rule_features_give_role_position_class_and_cue_distance_with_the_inner_cue_and_source_over_the_outer_content()
    {
        const string text = "Ann Lee said Bob claimed taxes rose.";
        var tokenized = Analyzer.Analyze(text);
        var outer = RuleClaim(text, Find(text, "Ann Lee"), Find(text, "said"), Find(text, "Bob claimed taxes rose"), ClaimKind.ReportedSpeech, CueClass.Speech);
        var inner = RuleClaim(text, Find(text, "Bob"), Find(text, "claimed"), Find(text, "taxes rose"), ClaimKind.ReportedSpeech, CueClass.Attitude);
        var (rule, info, dist) = Marks(tokenized, [outer, inner]);
        // Ann Lee said Bob claimed taxes rose .  -- role * 4 + position (B 0, I 1, E 2, S 3): source 2, cue 1, content 3.
        // "Bob" and "claimed" are the inner claim's (source and cue beat the outer content); "taxes rose" stays the
        // outer claim's content (a tie keeps the first claim), so it begins after "claimed" (a cue, not content).
        Assert.Equal(new byte[] { 8, 10, 7, 11, 7, 12, 14, 0 }, rule);
        // 1 + class * 4 + kind: outer speech/reported 1, inner attitude/reported 9; the full stop is in a sentence with a rule cue: 100.
        Assert.Equal(new byte[] { 1, 1, 1, 9, 9, 1, 1, 100 }, info);
        // 16 + signed distance bucket to the owning claim's cue: "said" is token 2 (outer), "claimed" token 4 (inner).
        Assert.Equal(new byte[] { 14, 15, 16, 15, 16, 19, 20, 0 }, dist);
    }

    [Fact]
    public void Rule_features_leave_a_quotes_interrupting_attribution_out_of_its_content_and_mark_nothing_without_rule_claims()
    {
        const string text = "\u201CWe won,\u201D she said, \u201Cand we stay.\u201D It rained.";
        var tokenized = Analyzer.Analyze(text);
        Assert.Equal(2, tokenized.Sentences.Count);
        var content = new TextSpan(Find(text, "We").Start, Find(text, "stay").End);
        var gap = new TextSpan(Find(text, "\u201D").Start, Find(text, "\u201Cand").Start + 1);
        var quote = RuleClaim(text, Find(text, "she"), Find(text, "said"), content, ClaimKind.DirectQuote, CueClass.Belief, gap);
        var (rule, info, dist) = Marks(tokenized, [quote]);
        // “ We won , ” she said , “ and we stay . ” | It rained .
        Assert.Equal(new byte[] { 0, 12, 13, 14, 0, 11, 7, 0, 0, 12, 13, 14, 0, 0, 0, 0, 0 }, rule);
        // Claim tokens 1 + belief(1) * 4 + direct quote(1) = 6; the first sentence's other tokens 100; the second sentence has no rule cue: 0.
        Assert.Equal(new byte[] { 100, 6, 6, 6, 100, 6, 6, 100, 100, 6, 6, 6, 100, 100, 0, 0, 0 }, info);
        Assert.Equal(new byte[] { 0, 12, 12, 13, 0, 15, 16, 0, 0, 19, 20, 20, 0, 0, 0, 0, 0 }, dist);

        var (none, noInfo, noDist) = Marks(tokenized, []);
        Assert.All(none.Concat(noInfo).Concat(noDist), b => Assert.Equal(0, b));
    }

    private static AttributionTagger.TrainingDocument Doc(string text, (string Source, string Cue, string Content) gold, bool rules)
    {
        var tokenized = Analyzer.Analyze(text);
        var src = Find(text, gold.Source);
        var cue = Find(text, gold.Cue, src.End);
        var content = Find(text, gold.Content, cue.End);
        var labels = AttributionModel.GoldLabels(tokenized, [new GoldAttribution("E", 1, [src], [cue], [content], gold.Cue)]);
        // The rules "found" exactly the gold here, so the rule features alone can tell every label.
        return new AttributionTagger.TrainingDocument(tokenized, labels,
            rules ? [RuleClaim(text, src, cue, content, ClaimKind.ReportedSpeech, CueClass.Speech)] : null);
    }

    /// <summary>Eight "NAME VERB the NOUN VERB." articles whose cue verbs are made-up words (in no cue lexicon), each different.</summary>
    private static AttributionTagger Tiny(bool stacked, int seed = 1)
    {
        string[] names = ["Smith", "Jones", "Garcia", "Khan", "Novak", "Olsen", "Price", "Reyes"];
        string[] cues = ["blorped", "zanned", "quibbed", "trellated", "mossed", "frinked", "vazzed", "plonked"];
        string[] nouns = ["budget", "bridge", "tax", "school", "road", "port", "mine", "park"];
        string[] verbs = ["failed", "grew", "closed", "opened", "shrank", "rose", "fell", "stalled"];
        var docs = new List<AttributionTagger.TrainingDocument>();
        for (int i = 0; i < names.Length; i++)
        {
            var content = $"the {nouns[i]} {verbs[(i + 3) % verbs.Length]}";
            docs.Add(Doc($"{names[i]} {cues[i]} {content}. The weather {verbs[i]} today.", (names[i], cues[i], content), rules: stacked));
        }
        return AttributionTagger.Train(docs, new AttributionTaggerOptions { Iterations = 5, Seed = seed, HashBits = 16, StackRules = stacked });
    }

    /// <summary>A first sentence of unseen words (the cue too) and a second one as in training (all O).</summary>
    private const string Unseen = "Brown gleeped the plan worked. The weather grew today.";

    private static Claim[] UnseenRules() =>
        [RuleClaim(Unseen, Find(Unseen, "Brown"), Find(Unseen, "gleeped"), Find(Unseen, "the plan worked"), ClaimKind.ReportedSpeech, CueClass.Speech)];

    [Fact]
    public void A_stacked_tagger_tags_the_claim_the_rules_mark_in_unseen_words_and_a_plain_one_ignores_the_rules()
    {
        var text = Analyzer.Analyze(Unseen);
        // Brown gleeped the plan worked . The weather grew today .
        byte[] expected = [L.BSrc, L.BCue, L.BCon, L.ICon, L.ICon, L.O, L.O, L.O, L.O, L.O, L.O];
        var stacked = Tiny(stacked: true);
        Assert.True(stacked.Stacked);
        Assert.Equal(expected, stacked.Label(text, UnseenRules()));
        // (Without the rules the word shapes and positions, "Xx" first then a word, may still find it: not asserted.)

        var plain = Tiny(stacked: false);
        Assert.False(plain.Stacked);
        Assert.Equal(plain.Label(text), plain.Label(text, UnseenRules()));
        Assert.Equal(plain.LabelHashed(text), plain.Label(text, UnseenRules()));
    }

    [Fact]
    public void Stacked_vector_scalar_and_hashed_decoding_agree()
    {
        var tagger = Tiny(stacked: true);
        var text = Analyzer.Analyze(Unseen);
        var labels = tagger.Label(text, UnseenRules());
        Assert.Equal(tagger.LabelScalar(text, UnseenRules()), labels);
        Assert.Equal(tagger.LabelHashed(text, UnseenRules()), labels);
    }

    private static byte[] Bytes(AttributionTagger t)
    {
        using var ms = new MemoryStream();
        t.Write(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Stacked_training_is_byte_reproducible_and_the_format_version_round_trips_the_stacking()
    {
        var a = Bytes(Tiny(stacked: true, seed: 3));
        Assert.Equal(a, Bytes(Tiny(stacked: true, seed: 3)));
        Assert.Equal(AttributionTagger.StackedFormatVersion, BitConverter.ToInt32(a, 8));
        var read = AttributionTagger.Read(new MemoryStream(a), "mem");
        Assert.True(read.Stacked);
        Assert.Equal(a, Bytes(read));
        var text = Analyzer.Analyze(Unseen);
        Assert.Equal(Tiny(stacked: true, seed: 3).Label(text, UnseenRules()), read.Label(text, UnseenRules()));

        var plain = Bytes(Tiny(stacked: false, seed: 3));
        Assert.Equal(AttributionTagger.FormatVersion, BitConverter.ToInt32(plain, 8));
        Assert.False(AttributionTagger.Read(new MemoryStream(plain), "mem").Stacked);
        Assert.NotEqual(a, plain);
    }

    [Fact]
    public void A_manifest_that_disagrees_with_the_weights_about_stacking_does_not_load()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cnlp-stack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var tagger = Tiny(stacked: true);
            var manifest = new AttributionManifest(AttributionManifest.CurrentFormatVersion, AttributionManifest.KindName, AttributionModel.WeightsFile,
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(tagger))), [],
                new AttributionTaggerOptions { StackRules = true }, 1, [], 0, "test");
            new AttributionModel(tagger, manifest).Save(dir);
            Assert.True(AttributionModel.Load(dir).Tagger.Stacked);
            Assert.Contains("\"stack_rules\": true", File.ReadAllText(Path.Combine(dir, "manifest.json")));
            new AttributionModel(tagger, manifest with { Options = new AttributionTaggerOptions() }).Save(dir);
            var ex = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(dir));
            Assert.Contains("stack_rules is false", ex.Message);
            Assert.Contains("stacked tagger", ex.Message);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_shipped_model_is_plain_and_reads_no_stack_rules_option()
    {
        var model = AttributionModel.Load(TestPaths.Repo("models", "attribution"));
        Assert.False(model.Tagger.Stacked);
        Assert.False(model.Manifest.Options.StackRules);
    }

    [Fact]
    public void Learned_extraction_with_a_stacked_tagger_runs_the_rules_itself_and_in_the_hybrid_reuses_theirs()
    {
        // Real rules on a sentence they read ("said" with a name and a that-clause); the tiny stacked tagger has learned
        // to follow rule-marked cues, so its claim is the rules' one, with or without the hybrid handing them over.
        const string text = "Brown said the plan worked. The weather grew today.";
        var article = Article.Create("t", null, null, null, text, "t.txt");
        var tokenized = Analyzer.Analyze(text);
        var rules = new ClaimExtractor().Extract(article, tokenized, new DiagnosticBag());
        var ruleClaim = Assert.Single(rules);
        var learned = new LearnedClaimExtractor(Tiny(stacked: true));
        var claim = Assert.Single(learned.Extract(article, tokenized, new DiagnosticBag()));
        Assert.Equal("said", claim.CueText);
        Assert.Equal("Brown", claim.Speaker.Text);
        Assert.Equal(ruleClaim.Content, claim.Content);
        // Without the rule claims (a call with none) nothing is found: training saw no cue-lexicon word, so "said" (one)
        // gives the whole sentence cue-distance feature values never trained, and only the rule features carry the claim.
        Assert.Empty(learned.Extract(article, tokenized, new DiagnosticBag(), null, []));
    }

    private static (int Code, string Out, string Err) Run(Command command, params string[] args) => LearnedAttributionTests.Run(command, args);

    [Fact]
    public void Cli_trains_a_stacked_model_that_the_learned_and_hybrid_evaluations_load()
    {
        var split = TestPaths.Repo("tests", "ContradictionNlp.Tests", "TestData", "PolNear", "good");
        var dir = Path.Combine(Path.GetTempPath(), "cnlp-stack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var train = Run(TrainAttributionCommand.Create(), "train", "attribution", "--polnear", split, "--out", dir, "--iterations", "2", "--hash-bits", "14", "--stack-rules");
            Assert.True(train.Code == 0, train.Err);
            Assert.True(AttributionModel.Load(dir).Tagger.Stacked);
            foreach (var name in new[] { "learned", "hybrid-speech" })
            {
                var eval = Run(EvalAttributionCommand.Create(), "eval", "attribution", "--polnear", split, "--extractor", name, "--model", dir, "--json");
                Assert.True(eval.Code == 0, eval.Err);
                Assert.StartsWith("{\"content\":", eval.Out);
            }
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
