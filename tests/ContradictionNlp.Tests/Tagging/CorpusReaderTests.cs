using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Tagging;

public class CorpusReaderTests
{
    [Fact]
    public void Conllu_skips_comments_multiword_token_lines_and_empty_nodes()
    {
        const string text =
            "# newdoc id = d1\n" +
            "# sent_id = s1\n" +
            "# text = I don't know\n" +
            "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
            "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
            "3.1\tknows\tknow\tVERB\tVBZ\t_\t_\t_\t0:root\t_\n" +
            "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n" +
            "\n";
        var bag = new DiagnosticBag();
        var s = Assert.Single(CorpusReader.ReadConllu(new StringReader(text), "x.conllu", bag));
        Assert.Empty(bag);
        Assert.Equal("s1", s.SentId);
        Assert.Equal(1, s.Line);
        Assert.Equal(["I", "do", "n't", "know"], s.Words.Select(w => w.Form));
        Assert.Equal([UPos.PRON, UPos.AUX, UPos.PART, UPos.VERB], s.Words.Select(w => w.Upos));
        Assert.Equal("not", s.Words[2].Lemma);
        Assert.Equal("RB", s.Words[2].Xpos);
    }

    [Fact]
    public void Malformed_lines_skip_their_sentence_with_diagnostics_naming_file_line_and_column()
    {
        const string text =
            "1\tGood\tgood\tADJ\tJJ\t_\t0\troot\t_\t_\n" +
            "\n" +
            "# sent_id = bad-columns\n" +
            "1\tOnly\tthree\n" +                                   // line 4
            "2\tmore\tmore\tADJ\tJJR\t_\t1\tamod\t_\t_\n" +
            "\n" +
            "1\tWord\tword\tNOPE\tNN\t_\t0\troot\t_\t_\n" +        // line 7
            "\n" +
            "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n" +
            "3\tgap\tgap\tNOUN\tNN\t_\t1\tdep\t_\t_\n" +           // line 10
            "\n" +
            "1\tLast\tlast\tADJ\tJJ\t_\t0\troot\t_\t_\n";          // no final blank line
        var bag = new DiagnosticBag();
        var sentences = CorpusReader.ReadConllu(new StringReader(text), "bad.conllu", bag);
        Assert.Equal(["Good", "Last"], sentences.Select(s => s.Words[0].Form));
        Assert.Equal(12, sentences[1].Line);
        Assert.Equal(
            [
                "bad.conllu:4 (columns): error: expected 10 tab-separated CoNLL-U columns, found 3; sentence skipped.",
                "bad.conllu:7 (UPOS): error: UPOS 'NOPE' is not one of the 17 UD tags; sentence skipped.",
                "bad.conllu:10 (ID): error: word ID '3', expected 2; sentence skipped.",
            ],
            bag.Select(d => d.ToString()));
    }

    [Fact]
    public void Iob2_reads_forms_and_labels_and_rejects_unknown_labels()
    {
        const string text =
            "# sent_id = a\n" +
            "1\tJohn\tB-PER\t-\tann\n" +
            "2\tran\tO\n" +                       // the draft train file has only 3 columns on O lines
            "\n" +
            "1\tAcme\tB-OTH\t-\t-\n" +            // line 5
            "\n";
        var bag = new DiagnosticBag();
        var s = Assert.Single(CorpusReader.ReadIob2(new StringReader(text), "n.iob2", bag));
        Assert.Equal(["John", "ran"], s.Forms);
        Assert.Equal(["B-PER", "O"], s.Labels);
        Assert.Equal("n.iob2:5 (label): error: label 'B-OTH', expected O or B-/I- followed by PER, ORG or LOC; sentence skipped.", Assert.Single(bag).ToString());
    }

    [Fact]
    public void Shipped_data_files_parse_with_the_documented_counts()
    {
        if (!TestPaths.HasShared("data", "ud-english-ewt")) return; // data folder absent: nothing to check
        var bag = new DiagnosticBag();
        var dev = CorpusReader.ReadConllu(TestPaths.SharedData("ud-english-ewt", "en_ewt-ud-dev.conllu"), bag);
        Assert.Empty(bag);
        Assert.Equal(2001, dev.Count);
        Assert.Equal(25147, dev.Sum(s => s.Words.Count)); // SOURCE.md: 25,147 syntactic words
        var ner = CorpusReader.ReadIob2(TestPaths.SharedData("uner-english-ewt", "en_ewt-ud-dev.iob2"), bag);
        Assert.Empty(bag);
        Assert.Equal(2001, ner.Count);
    }
}
