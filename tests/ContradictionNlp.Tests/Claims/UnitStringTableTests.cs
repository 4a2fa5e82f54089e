using ContradictionNlp.Claims;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// ALLOC12: words outside the unit lexicon take their strings from a per-thread table keyed by the lower-case hash.
/// Whatever the table holds (a word seen before in another case, a full table, hash neighbours), every unit's text
/// must be the plain cut and its lower case the plain ToLowerInvariant.
/// </summary>
public class UnitStringTableTests
{
    private static UnitView AssertUnitsAreCuts(string text)
    {
        var view = new UnitView(new TextAnalyzer().Analyze(text));
        Assert.NotEmpty(view.Units);
        foreach (var u in view.Units)
        {
            Assert.Equal(text[u.Start..u.End], u.Text);
            Assert.Equal(u.Text.ToLowerInvariant(), u.Lower);
        }
        return view;
    }

    [Fact]
    public void One_word_in_several_cases_keeps_each_case_and_shares_the_repeats()
    {
        // On a thread of its own, so the table starts empty (another test on this thread may have filled it).
        UnitView view = null!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { view = AssertUnitsAreCuts("Zorblat met zorblat. ZORBLAT met Zorblat, and zorblat left."); }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw failure;
        var forms = view.Units.Where(u => u.Lower == "zorblat").ToArray();
        Assert.Equal(["Zorblat", "zorblat", "ZORBLAT", "Zorblat", "zorblat"], forms.Select(u => u.Text));
        // The repeats are the table's strings: the second "Zorblat" is the first one's instance, and so on.
        Assert.Same(forms[0].Text, forms[3].Text);
        Assert.Same(forms[1].Text, forms[4].Text);
        // An unchanged lower case is the text itself (as before the table); a changed one is a string of its own.
        Assert.Same(forms[1].Text, forms[1].Lower);
        Assert.NotSame(forms[0].Text, forms[0].Lower);
    }

    [Fact]
    public void Texts_past_the_tables_capacity_still_get_their_own_correct_strings()
    {
        // 40,000 distinct made-up words (more than the table keeps: 16,384), each twice in two cases, then again.
        var words = Enumerable.Range(0, 40_000).Select(Letters).ToArray();
        var text = string.Join(" ", words.Select(w => w + " " + w.ToUpperInvariant())) + ". " + string.Join(" ", words) + ".";
        AssertUnitsAreCuts(text);
        AssertUnitsAreCuts(text);
    }

    /// <summary>"Qw" and the number in base 26 as letters: distinct words no word list holds.</summary>
    private static string Letters(int i)
    {
        var s = "";
        do { s = (char)('a' + i % 26) + s; i /= 26; } while (i > 0);
        return "Qw" + s;
    }
}
