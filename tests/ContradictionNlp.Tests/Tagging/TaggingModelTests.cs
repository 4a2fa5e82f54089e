using ContradictionNlp.Cli;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Tagging;

public class TaggingModelTests
{
    private static (TempDir Dir, string Train, string Model) TrainTiny()
    {
        var dir = new TempDir();
        var train = dir.Write("train.conllu", TaggingTestKit.FishCorpus());
        var model = TaggerModel.Train(train, [train], TaggingTestKit.Options(), null, new DiagnosticBag());
        var folder = dir.File("tagger");
        model.Save(folder);
        return (dir, train, folder);
    }

    [Fact]
    public void Saved_folder_loads_back_with_the_same_manifest_and_tags()
    {
        var (dir, train, folder) = TrainTiny();
        using var _ = dir;
        var loaded = TaggerModel.Load(folder);
        Assert.Equal(TaggerManifest.KindName, loaded.Manifest.Kind);
        Assert.Equal(7, loaded.Manifest.Seed);
        var data = loaded.Manifest.Data[0];
        Assert.Equal(("train.conllu", "train", 20, 0), (data.File, data.Split, data.Rows, data.Skipped));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(train))), data.Sha256);
        Assert.Equal(1.0, loaded.Manifest.Dev[0].UposAccuracy);
        Assert.Equal([UPos.DET, UPos.NOUN, UPos.PUNCT], loaded.Tagger.TagWords(["the", "fish", "."]));
    }

    [Fact]
    public void A_missing_manifest_is_refused_with_a_clear_message()
    {
        var (dir, _, folder) = TrainTiny();
        using var __ = dir;
        File.Delete(Path.Combine(folder, "manifest.json"));
        var ex = Assert.Throws<ModelFormatException>(() => TaggerModel.Load(folder));
        Assert.Equal($"{Path.Combine(folder, "manifest.json")} is missing: expected a pos-tagger manifest.json beside the model files.", ex.Message);
    }

    [Fact]
    public void A_changed_weights_file_is_refused_by_its_hash()
    {
        var (dir, _, folder) = TrainTiny();
        using var __ = dir;
        var weights = Path.Combine(folder, "pos.bin");
        var manifest = TaggerModel.Load(folder).Manifest;
        File.AppendAllText(weights, "x");
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(weights)));
        var ex = Assert.Throws<ModelFormatException>(() => TaggerModel.Load(folder));
        Assert.Equal($"{weights}: sha256 {actual}, expected {manifest.WeightsSha256} from manifest.json (file changed or half-written).", ex.Message);
    }

    [Fact]
    public void A_manifest_of_another_kind_or_version_is_refused()
    {
        var (dir, _, folder) = TrainTiny();
        using var __ = dir;
        var path = Path.Combine(folder, "manifest.json");
        var original = File.ReadAllText(path);
        File.WriteAllText(path, original.Replace("\"kind\": \"pos-tagger\"", "\"kind\": \"ner\""));
        Assert.Equal($"{path}: kind 'ner', expected 'pos-tagger'.", Assert.Throws<ModelFormatException>(() => TaggerModel.Load(folder)).Message);
        File.WriteAllText(path, original.Replace("\"format_version\": 1", "\"format_version\": 9"));
        Assert.Equal($"{path}: format_version 9, expected 1.", Assert.Throws<ModelFormatException>(() => TaggerModel.Load(folder)).Message);
    }

    [Fact]
    public void Ner_model_refuses_a_tagger_other_than_the_one_it_was_trained_on()
    {
        var (dir, train, folder) = TrainTiny();
        using var __ = dir;
        var tagger = TaggerModel.Load(folder);
        var nerTrain = dir.Write("ner.iob2", TaggingTestKit.NerCorpus());
        var ner = NerModel.Train(nerTrain, [nerTrain], tagger, new NerOptions { Iterations = 3, HashBits = 12 }, new DiagnosticBag());
        var nerFolder = dir.File("ner");
        ner.Save(nerFolder);
        Assert.Equal(ner.Manifest.WeightsSha256, NerModel.Load(nerFolder, tagger).Manifest.WeightsSha256);

        var other = TaggerModel.Train(train, [], TaggingTestKit.Options(seed: 99) with { Iterations = 1 }, null, new DiagnosticBag());
        var ex = Assert.Throws<ModelFormatException>(() => NerModel.Load(nerFolder, other));
        Assert.Equal($"{Path.Combine(nerFolder, "manifest.json")}: trained on the POS tags of tagger weights sha256 {tagger.Manifest.WeightsSha256}, but the loaded tagger has {other.Manifest.WeightsSha256}; retrain with 'cnlp train ner'.", ex.Message);
    }

    [Fact]
    public void Cli_trains_and_evaluates_with_exact_json()
    {
        using var dir = new TempDir();
        var train = dir.Write("train.conllu", TaggingTestKit.FishCorpus());
        // A training sentence, but gold says NOUN for "swims" (the model learnt VERB) and the lemma of "." is wrong: 3 of 4 each.
        var test = dir.Write("test.conllu", "1\tthe\tthe\tDET\t_\t_\t0\t_\t_\t_\n2\tfish\tfish\tNOUN\t_\t_\t0\t_\t_\t_\n3\tswims\tswim\tNOUN\t_\t_\t0\t_\t_\t_\n4\t.\tdot\tPUNCT\t_\t_\t0\t_\t_\t_\n\n");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(ExitCodes.Ok, CnlpApp.Run(["train", "tagger", "--train", train, "--out", dir.File("m"), "--seed", "7", "--iterations", "5", "--hash-bits", "12"], o, e));
        Assert.Equal("", e.ToString());
        o = new StringWriter();
        Assert.Equal(ExitCodes.Ok, CnlpApp.Run(["eval", "tagger", "--data", test, "--model", dir.File("m"), "--json"], o, e));
        Assert.Equal("{\"tokens\":4,\"upos_accuracy\":0.75,\"lemma_accuracy\":0.75}", o.ToString().Trim());

        var ner = dir.Write("ner.iob2", TaggingTestKit.NerCorpus());
        Assert.Equal(ExitCodes.Ok, CnlpApp.Run(["train", "ner", "--train", ner, "--tagger", dir.File("m"), "--out", dir.File("n"), "--iterations", "5", "--hash-bits", "12"], new StringWriter(), e));
        var nerTest = dir.Write("ner-test.iob2", "1\tSmith\tB-PER\t-\t-\n2\tvisited\tO\t-\t-\n3\tParis\tB-ORG\t-\t-\n4\t.\tO\t-\t-\n\n");
        o = new StringWriter();
        Assert.Equal(ExitCodes.Ok, CnlpApp.Run(["eval", "ner", "--data", nerTest, "--model", dir.File("n"), "--tagger", dir.File("m"), "--json"], o, e));
        // Predicted PER + LOC, gold PER + ORG: 1 of 2 right both ways.
        Assert.Equal("{\"f1\":0.5,\"precision\":0.5,\"recall\":0.5,\"per_type\":{\"LOC\":{\"precision\":0,\"recall\":0,\"f1\":0,\"gold\":0,\"predicted\":1},\"ORG\":{\"precision\":0,\"recall\":0,\"f1\":0,\"gold\":1,\"predicted\":0},\"PER\":{\"precision\":1,\"recall\":1,\"f1\":1,\"gold\":1,\"predicted\":1}}}", o.ToString().Trim());
    }

    [Fact]
    public void Cli_reports_a_missing_model_as_failure()
    {
        using var dir = new TempDir();
        var test = dir.Write("t.conllu", "1\tx\tx\tX\t_\t_\t0\t_\t_\t_\n\n");
        var e = new StringWriter();
        Assert.Equal(ExitCodes.Failure, CnlpApp.Run(["eval", "tagger", "--data", test, "--model", dir.File("none")], new StringWriter(), e));
        Assert.Equal($"cnlp: {Path.Combine(dir.File("none"), "manifest.json")} is missing: expected a pos-tagger manifest.json beside the model files.", e.ToString().Trim());
    }
}
