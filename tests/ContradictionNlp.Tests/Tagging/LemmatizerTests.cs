using ContradictionNlp.Tagging;

namespace ContradictionNlp.Tests.Tagging;

public class LemmatizerTests
{
    private static Lemmatizer Small()
    {
        // Base words come from training lemmas of NOUN/VERB/ADJ; exceptions from forms the rules get wrong.
        var conllu =
            "1\tI\tI\tPRON\t_\t_\t0\t_\t_\t_\n2\twas\tbe\tAUX\t_\t_\t0\t_\t_\t_\n3\trunning\trun\tVERB\t_\t_\t0\t_\t_\t_\n\n" +
            "1\tthey\tthey\tPRON\t_\t_\t0\t_\t_\t_\n2\tmake\tmake\tVERB\t_\t_\t0\t_\t_\t_\n3\tboxes\tbox\tNOUN\t_\t_\t0\t_\t_\t_\n4\tbig\tbig\tADJ\t_\t_\t0\t_\t_\t_\n\n";
        return Lemmatizer.Build(TaggingTestKit.Parse(conllu), null);
    }

    [Theory]
    [InlineData("was", UPos.AUX, "be")]          // exception learned from the training lemma
    [InlineData("I", UPos.PRON, "I")]            // exception: the rules would lower-case it
    [InlineData("making", UPos.VERB, "make")]    // -ing -> -e, "make" is a known verb
    [InlineData("runs", UPos.VERB, "run")]       // -s
    [InlineData("stopped", UPos.VERB, "stop")]   // unknown verb: drop -ed and undouble
    [InlineData("boxes", UPos.NOUN, "box")]      // -xes -> -x
    [InlineData("cities", UPos.NOUN, "city")]    // -ies -> -y by default
    [InlineData("glass", UPos.NOUN, "glass")]    // -ss is not a plural
    [InlineData("bigger", UPos.ADJ, "big")]      // -er with undoubling, "big" is a known adjective
    [InlineData("other", UPos.ADJ, "other")]     // "oth" is no adjective: unchanged
    [InlineData("Paris", UPos.PROPN, "Paris")]   // proper nouns keep their form
    [InlineData("Quickly", UPos.ADV, "quickly")] // other classes: lower case
    public void Lemma_by_exception_rule_or_default(string form, UPos pos, string expected) =>
        Assert.Equal(expected, Small().Lemma(form, pos));

    [Fact]
    public void Write_then_read_keeps_every_entry()
    {
        var l = Small();
        var sw = new StringWriter();
        l.Write(sw);
        var back = Lemmatizer.Read(new StringReader(sw.ToString()), "mem");
        Assert.Equal(l.ExceptionCount, back.ExceptionCount);
        Assert.Equal(l.BaseCount, back.BaseCount);
        var sw2 = new StringWriter();
        back.Write(sw2);
        Assert.Equal(sw.ToString(), sw2.ToString());
        var ex = Assert.Throws<ContradictionNlp.Scoring.ModelFormatException>(() => Lemmatizer.Read(new StringReader("# c\nE\tonly-two\n"), "l.tsv"));
        Assert.Equal("l.tsv:2: expected 'E<TAB>form<TAB>UPOS<TAB>lemma' or 'B<TAB>UPOS<TAB>word'.", ex.Message);
    }
}
