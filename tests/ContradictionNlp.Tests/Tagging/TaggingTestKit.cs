using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Tagging;

/// <summary>Tiny hand-made corpora whose expected tags follow from the data alone.</summary>
internal static class TaggingTestKit
{
    /// <summary>
    /// "fish" is a verb after a pronoun and a noun after a determiner; every other word has one tag.
    /// Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC.
    /// </summary>
    public static string FishCorpus()
    {
        var sb = new System.Text.StringBuilder();
        void Sentence(params (string Form, string Lemma, string Upos)[] words)
        {
            for (var i = 0; i < words.Length; i++)
                sb.Append($"{i + 1}\t{words[i].Form}\t{words[i].Lemma}\t{words[i].Upos}\t_\t_\t0\t_\t_\t_\n");
            sb.Append('\n');
        }
        for (var r = 0; r < 5; r++)
        {
            Sentence(("they", "they", "PRON"), ("fish", "fish", "VERB"), (".", ".", "PUNCT"));
            Sentence(("the", "the", "DET"), ("fish", "fish", "NOUN"), ("swims", "swim", "VERB"), (".", ".", "PUNCT"));
            Sentence(("we", "we", "PRON"), ("fish", "fish", "VERB"), ("here", "here", "ADV"), (".", ".", "PUNCT"));
            Sentence(("a", "a", "DET"), ("fish", "fish", "NOUN"), ("was", "be", "AUX"), ("eaten", "eat", "VERB"), (".", ".", "PUNCT"));
        }
        return sb.ToString();
    }

    public static List<TaggedSentence> Parse(string conllu, string origin = "mem.conllu")
    {
        var bag = new DiagnosticBag();
        var result = CorpusReader.ReadConllu(new StringReader(conllu), origin, bag);
        Assert.Empty(bag);
        return result;
    }

    /// <summary>No tag dictionary, so every prediction comes from the perceptron.</summary>
    public static PosTaggerOptions Options(int seed = 7) => new() { Seed = seed, Iterations = 5, HashBits = 12, TagDictionaryMinCount = int.MaxValue };

    public static string NerCorpus()
    {
        var sb = new System.Text.StringBuilder();
        void Sentence(params (string Form, string Label)[] words)
        {
            for (var i = 0; i < words.Length; i++) sb.Append($"{i + 1}\t{words[i].Form}\t{words[i].Label}\t-\t-\n");
            sb.Append('\n');
        }
        for (var r = 0; r < 6; r++)
        {
            Sentence(("Smith", "B-PER"), ("visited", "O"), ("Paris", "B-LOC"), (".", "O"));
            Sentence(("John", "B-PER"), ("Smith", "I-PER"), ("joined", "O"), ("Acme", "B-ORG"), ("Corp", "I-ORG"), (".", "O"));
            Sentence(("the", "O"), ("man", "O"), ("visited", "O"), ("Paris", "B-LOC"), (".", "O"));
        }
        return sb.ToString();
    }
}
