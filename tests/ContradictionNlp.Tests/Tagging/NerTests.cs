using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Tagging;

public class NerTests
{
    [Fact]
    public void Bio_decoding_follows_conlleval_for_stray_inside_labels()
    {
        // B-PER I-PER O I-LOC B-ORG I-PER
        byte[] labels = [1, 2, 0, 6, 3, 2];
        Assert.Equal(
            [new Entity(0, 2, EntityType.Person), new Entity(3, 4, EntityType.Location), new Entity(4, 5, EntityType.Organisation), new Entity(5, 6, EntityType.Person)],
            NerLabels.Spans(labels));
        Assert.Equal([new Entity(10, 12, EntityType.Person)], NerLabels.Spans([1, 2], offset: 10));
    }

    [Fact]
    public void Entity_scores_need_exact_span_and_type()
    {
        IReadOnlyList<Entity> gold = [new(0, 2, EntityType.Person), new(3, 4, EntityType.Location)];
        IReadOnlyList<Entity> predicted = [new(0, 2, EntityType.Person), new(3, 5, EntityType.Location), new(6, 7, EntityType.Organisation)];
        var e = TaggingEvaluator.Score([(gold, predicted)]);
        Assert.Equal(new EntityCounts(1, 2, 1), e.Micro);
        Assert.Equal(1.0 / 3, e.Micro.Precision, 12);
        Assert.Equal(0.5, e.Micro.Recall, 12);
        Assert.Equal(0.4, e.Micro.F1, 12);
        Assert.Equal(new EntityCounts(1, 0, 0), e.PerType["PER"]);
        Assert.Equal(new EntityCounts(0, 1, 1), e.PerType["LOC"]);
        Assert.Equal(new EntityCounts(0, 1, 0), e.PerType["ORG"]);
        Assert.Equal(0, e.PerType["ORG"].F1);
    }

    [Fact]
    public void Trained_on_a_tiny_corpus_it_finds_its_entities_and_is_deterministic()
    {
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options());
        var bag = new DiagnosticBag();
        var train = CorpusReader.ReadIob2(new StringReader(TaggingTestKit.NerCorpus()), "n.iob2", bag);
        var options = new NerOptions { Iterations = 5, HashBits = 12, Seed = 3 };
        var ner = NerTagger.Train(train, tagger, options);
        var e = TaggingEvaluator.Evaluate(ner, tagger, train);
        Assert.Equal(1.0, e.Micro.F1); // 4 distinct sentences, seen 6 times each: learnt exactly
        var (text, tokens) = SentenceText.Build(["John", "Smith", "visited", "Paris", "."]);
        var labels = new byte[tokens.Length];
        ner.LabelSentence(text, tokens, tagger.TagWords(["John", "Smith", "visited", "Paris", "."]), labels);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "O"], labels.Select(l => NerLabels.Names[l]));

        byte[] Bytes(NerTagger n) { using var ms = new MemoryStream(); n.Write(ms); return ms.ToArray(); }
        var first = Bytes(ner);
        Assert.Equal(first, Bytes(NerTagger.Train(train, tagger, options)));
        Assert.Equal(first, Bytes(NerTagger.Read(new MemoryStream(first), "mem", null)));
    }
}
