using ContradictionNlp.Tagging;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tagging;

/// <summary>The models shipped in models/tagger and models/ner: they load, agree with their manifests, and tag news text.</summary>
public class ShippedTaggingModelTests
{
    private static readonly Lazy<(TaggerModel Tagger, NerModel Ner)> Models = new(() =>
    {
        var tagger = TaggerModel.Load(TestPaths.Repo("models", "tagger"));
        return (tagger, NerModel.Load(TestPaths.Repo("models", "ner"), tagger));
    });

    private const string Sentence = "Prime Minister Theresa May said that taxes would not rise in London, the BBC reported on Tuesday.";

    [Fact]
    public void Tags_and_lemmatizes_tokenizer_output()
    {
        var (tagger, _) = Models.Value;
        var text = new TextAnalyzer().Analyze(Sentence);
        var tags = tagger.Tagger.Tag(text);
        // EWT tags the "Prime" of "Prime Minister" ADJ (5 of its 6 training occurrences), so ADJ is the treebank's answer.
        Assert.Equal(
            "ADJ PROPN PROPN PROPN VERB SCONJ NOUN AUX PART VERB ADP PROPN PUNCT DET PROPN VERB ADP PROPN PUNCT",
            string.Join(' ', tags.Select(UPosNames.Name)));
        var lemmas = Enumerable.Range(0, tags.Length).Select(i => tagger.Lemmatizer.Lemma(text.TokenChars(i), tags[i]));
        Assert.Equal("Prime Minister Theresa May say that tax would not rise in London , the BBC report on Tuesday .", string.Join(' ', lemmas));
    }

    [Fact]
    public void Curly_apostrophe_contractions_from_the_tokenizer_tag_like_ewt_ones()
    {
        var (tagger, _) = Models.Value;
        var text = new TextAnalyzer().Analyze("The mayor didn\u2019t say that taxes won\u2019t rise.");
        Assert.Equal(["The", "mayor", "did", "n\u2019t", "say", "that", "taxes", "wo", "n\u2019t", "rise", "."], Enumerable.Range(0, text.Tokens.Count).Select(text.TokenText));
        var tags = tagger.Tagger.Tag(text);
        Assert.Equal("DET NOUN AUX PART VERB SCONJ NOUN AUX PART VERB PUNCT", string.Join(' ', tags.Select(UPosNames.Name)));
        var lemmas = Enumerable.Range(0, tags.Length).Select(i => tagger.Lemmatizer.Lemma(text.TokenChars(i), tags[i]));
        Assert.Equal("the mayor do not say that tax will not rise .", string.Join(' ', lemmas));
    }

    [Theory]
    [InlineData("Theresa May said that taxes would not rise in London, a Microsoft spokesman said.", "PER Theresa May|LOC London|ORG Microsoft")]
    [InlineData("Apple and Google said on Monday that they would open offices in Paris.", "ORG Apple|ORG Google|LOC Paris")]
    public void Finds_people_organisations_and_places(string sentence, string expected)
    {
        var (tagger, ner) = Models.Value;
        var text = new TextAnalyzer().Analyze(sentence);
        var entities = ner.Recognizer.Recognize(text, tagger.Tagger.Tag(text));
        Assert.Equal(expected,
            string.Join('|', entities.Select(e => $"{NerLabels.TypeNames[(int)e.Type]} {text.Text[text.Tokens[e.FirstToken].Start..text.Tokens[e.EndToken - 1].End]}")));
    }

    [Fact]
    public void Dev_scores_match_the_manifests()
    {
        if (!TestPaths.HasShared("data", "ud-english-ewt") || !TestPaths.HasShared("data", "uner-english-ewt")) return; // data absent
        var (tagger, ner) = Models.Value;
        var bag = new DiagnosticBag();
        var dev = CorpusReader.ReadConllu(TestPaths.SharedData("ud-english-ewt", "en_ewt-ud-dev.conllu"), bag);
        var e = TaggingEvaluator.Evaluate(tagger.Tagger, tagger.Lemmatizer, dev);
        var recorded = tagger.Manifest.Dev.Single(d => d.Data == "en_ewt-ud-dev.conllu");
        Assert.Equal(recorded.UposAccuracy, Math.Round(e.UposAccuracy, 4));
        Assert.Equal(recorded.LemmaAccuracy, Math.Round(e.LemmaAccuracy, 4));
        Assert.True(e.UposAccuracy > 0.945, $"UPOS accuracy {e.UposAccuracy}");

        var nerDev = CorpusReader.ReadIob2(TestPaths.SharedData("uner-english-ewt", "en_ewt-ud-dev.iob2"), bag);
        var n = TaggingEvaluator.Evaluate(ner.Recognizer, tagger.Tagger, nerDev);
        Assert.Equal(ner.Manifest.Dev.Single(d => d.Data == "en_ewt-ud-dev.iob2").F1, Math.Round(n.Micro.F1, 4));
        Assert.Empty(bag);
    }
}
