using ContradictionNlp.Tagging;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tagging;

public class PosTaggerTests
{
    [Fact]
    public void Trained_on_a_tiny_corpus_it_resolves_an_ambiguous_word_from_context()
    {
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options());
        Assert.Equal([UPos.DET, UPos.NOUN, UPos.PUNCT], tagger.TagWords(["the", "fish", "."]));
        Assert.Equal([UPos.PRON, UPos.VERB, UPos.PUNCT], tagger.TagWords(["we", "fish", "."]));
        Assert.Equal([UPos.DET, UPos.NOUN, UPos.AUX, UPos.VERB, UPos.PUNCT], tagger.TagWords(["a", "fish", "was", "eaten", "."]));
    }

    [Fact]
    public void Tags_tokenizer_output_including_curly_apostrophes_and_case_changes()
    {
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options());
        var text = new TextAnalyzer().Analyze("They fish. The fish swims.");
        Assert.Equal([UPos.PRON, UPos.VERB, UPos.PUNCT, UPos.DET, UPos.NOUN, UPos.VERB, UPos.PUNCT], tagger.Tag(text));
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes()
    {
        var corpus = TaggingTestKit.Parse(TaggingTestKit.FishCorpus());
        byte[] Bytes(int seed)
        {
            using var ms = new MemoryStream();
            PosTagger.Train(corpus, TaggingTestKit.Options(seed)).Write(ms);
            return ms.ToArray();
        }
        Assert.Equal(Bytes(3), Bytes(3));
    }

    [Fact]
    public void Write_then_read_gives_the_same_tags_and_bytes()
    {
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options() with { TagDictionaryMinCount = 5 });
        Assert.True(tagger.TagDictionarySize > 0); // the round trip must cover the tag dictionary too
        using var ms = new MemoryStream();
        tagger.Write(ms);
        var bytes = ms.ToArray();
        var back = PosTagger.Read(new MemoryStream(bytes), "mem");
        using var ms2 = new MemoryStream();
        back.Write(ms2);
        Assert.Equal(bytes, ms2.ToArray());
        Assert.Equal(tagger.TagWords(["they", "fish", "here", "."]), back.TagWords(["they", "fish", "here", "."]));
    }

    [Fact]
    public void Reading_a_foreign_or_truncated_file_names_the_problem()
    {
        var ex = Assert.Throws<ContradictionNlp.Scoring.ModelFormatException>(() => PosTagger.Read(new MemoryStream("NOTAMODEL-----"u8.ToArray()), "x.bin"));
        Assert.Equal("x.bin: not a POS tagger weights file (expected magic 'CNLPPOS1' at offset 0).", ex.Message);
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options());
        using var ms = new MemoryStream();
        tagger.Write(ms);
        var cut = ms.ToArray()[..(int)(ms.Length - 3)];
        ex = Assert.Throws<ContradictionNlp.Scoring.ModelFormatException>(() => PosTagger.Read(new MemoryStream(cut), "y.bin"));
        Assert.Equal("y.bin: file ends early (truncated POS tagger weights).", ex.Message);
    }

    [Fact]
    public void Evaluation_counts_tokens_and_matches()
    {
        var tagger = PosTagger.Train(TaggingTestKit.Parse(TaggingTestKit.FishCorpus()), TaggingTestKit.Options());
        // Gold says VERB for "fish" after "the"; the tagger says NOUN: 2 of 3 tags right.
        // Lemmas: "the" and "." right; "fish" gold lemma "fishes" is wrong on purpose: 2 of 3.
        var gold = TaggingTestKit.Parse("1\tthe\tthe\tDET\t_\t_\t0\t_\t_\t_\n2\tfish\tfishes\tVERB\t_\t_\t0\t_\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n");
        var lemmatizer = Lemmatizer.Build([], null);
        var e = TaggingEvaluator.Evaluate(tagger, lemmatizer, gold);
        Assert.Equal(new TaggerEvaluation(3, 2, 2, true), e);
        Assert.Equal(2.0 / 3, e.UposAccuracy, 12);
    }
}
