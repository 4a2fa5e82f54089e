using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Tests.Pipeline;

namespace ContradictionNlp.Tests.Bench;

/// <summary>
/// Given small articles, When the growth benchmark copies them, Then verbatim copies keep the text and altered
/// copies rename exactly the name words, the same way throughout a copy and differently in each copy.
/// </summary>
public class CorpusCopiesTests
{
    [Fact]
    public void Verbatim_copies_are_distinct_deterministic_and_dated_apart()
    {
        var a = TestStages.Article("Ann Lee said taxes will rise.", "2024-01-10", "a.txt");
        var b = TestStages.Article("Bob Hart said roads are fine.", null, "b.txt");
        var copies = PipelineBenchmark.Copies([a, b], 5, round: 0, CopyNames.Verbatim);
        Assert.Equal(5, copies.Count);
        Assert.Equal(5, copies.Select(c => c.Id).Distinct().Count());
        Assert.Equal(copies.Select(c => c.Id), PipelineBenchmark.Copies([a, b], 5, round: 0, CopyNames.Verbatim).Select(c => c.Id));
        Assert.DoesNotContain(copies, c => c.Id == a.Id || c.Id == b.Id);
        Assert.Equal(["a.txt#r0c0", "b.txt#r0c0", "a.txt#r0c1", "b.txt#r0c1", "a.txt#r0c2"], copies.Select(c => c.Origin));
        Assert.Equal(["t [r0c0]", "t [r0c0]", "t [r0c1]", "t [r0c1]", "t [r0c2]"], copies.Select(c => c.Title));
        Assert.Equal(new DateOnly(2024, 1, 10), copies[0].Date); // copy 0 keeps the date
        Assert.Equal(new DateOnly(2024, 1, 12), copies[4].Date); // a, copy 2: 2 days later
        Assert.Equal(new DateOnly(2005, 1, 2), copies[3].Date); // undated b, copy 1: 2005-01-01 + 1 day
        Assert.Equal([a.Text, b.Text, a.Text, b.Text, a.Text], copies.Select(c => c.Text));
        Assert.Empty(PipelineBenchmark.Copies([a], 5, round: 1, CopyNames.Verbatim).Select(c => c.Id).Intersect(copies.Select(c => c.Id)));
    }

    [Fact]
    public void Altered_copies_rename_the_names_consistently_within_a_copy_and_differently_across_copies()
    {
        var a = TestStages.Article("Ann Lee said taxes will rise. Taxes rose on Monday, Mr Lee said.", "2024-01-10", "a.txt");
        var b = TestStages.Article("Bob Hart said roads are fine. Ann Lee said the British roads are bad.", null, "b.txt");
        var copies = PipelineBenchmark.Copies([a, b], 6, round: 0);
        // Round 0 copy 0 is the corpus itself; every other copy renames Ann, Lee, Bob and Hart and nothing else
        // ("Taxes" is written in lower case too; Monday, Mr and British are kept words).
        Assert.Equal([a.Text, b.Text], copies.Take(2).Select(c => c.Text));
        string Renamed(string word, int copy) => CorpusCopies.Alter(word, 0, copy);
        for (int copy = 1; copy <= 2; copy++)
        {
            Assert.Equal($"{Renamed("Ann", copy)} {Renamed("Lee", copy)} said taxes will rise. Taxes rose on Monday, Mr {Renamed("Lee", copy)} said.",
                copies[2 * copy].Text);
            Assert.Equal($"{Renamed("Bob", copy)} {Renamed("Hart", copy)} said roads are fine. {Renamed("Ann", copy)} {Renamed("Lee", copy)} said the British roads are bad.",
                copies[2 * copy + 1].Text);
        }
        Assert.NotEqual(Renamed("Lee", 1), Renamed("Lee", 2));
        Assert.NotEqual(Renamed("Lee", 1), CorpusCopies.Alter("Lee", 1, 1)); // the round matters too
        Assert.Equal(copies.Select(c => c.Text), PipelineBenchmark.Copies([a, b], 6, round: 0).Select(c => c.Text));
        // Ids, origins and dates as verbatim copies have them; the id hashes the tag and the renamed text.
        Assert.Equal(["a.txt#r0c0", "b.txt#r0c0", "a.txt#r0c1", "b.txt#r0c1", "a.txt#r0c2", "b.txt#r0c2"], copies.Select(c => c.Origin));
        Assert.Equal(new DateOnly(2024, 1, 12), copies[4].Date);
        Assert.Equal(Article.ComputeId("r0c1\n" + copies[2].Text), copies[2].Id);
        Assert.Equal(6, copies.Select(c => c.Id).Distinct().Count());
        // Titles are renamed as texts are ("t" is one letter: no word).
        Assert.Equal("t [r0c1]", copies[2].Title);
    }

    [Fact]
    public void A_renamed_word_keeps_its_length_case_and_letter_kinds_and_changes_every_letter()
    {
        const string vowels = "aeiou";
        foreach (var (round, copy) in new[] { (0, 1), (0, 2), (0, 23), (1, 0), (7, 5) })
        {
            const string word = "McLeanXy-Ot";
            var renamed = CorpusCopies.Alter(word, round, copy);
            Assert.Equal(word.Length, renamed.Length);
            for (int i = 0; i < word.Length; i++)
            {
                if (!char.IsAsciiLetter(word[i])) { Assert.Equal(word[i], renamed[i]); continue; }
                Assert.NotEqual(char.ToLowerInvariant(word[i]), char.ToLowerInvariant(renamed[i])); // no letter maps to itself
                Assert.Equal(char.IsUpper(word[i]), char.IsUpper(renamed[i]));
                Assert.Equal(vowels.Contains(char.ToLowerInvariant(word[i])), vowels.Contains(char.ToLowerInvariant(renamed[i])));
            }
        }
        // One-to-one within a copy: the 26 letters map to 26 different letters, so two names never merge.
        Assert.Equal(26, CorpusCopies.Alter("abcdefghijklmnopqrstuvwxyz", 0, 3).Distinct().Count());
    }

    [Fact]
    public void Names_are_capitalised_words_written_so_inside_sentences_more_often_than_in_lower_case()
    {
        var names = CorpusCopies.FindNames([
            "The Shadow Secretary Theresa May said: \"Labour failed.\" Mr Bush met British officials on Monday with Bush aides.",
            "The plan was a failure. Officials from the Government said the government was in the shadow of a bush.",
            "Kerry said GMTV and I agree. Government figures rose. Bush won.",
        ]);
        // Bush: capitalised inside sentences twice, "bush" once -> a name. Kerry and GMTV never occur in lower case.
        // Theresa: inside once, never lower case. Labour: after a quote mark, taken as a sentence start, but never lower case.
        Assert.Equal(["Bush", "GMTV", "Kerry", "Labour", "Theresa"], names.Order(StringComparer.Ordinal));
        // Not names: "The" and "Government" are mostly lower case; "Shadow" is inside once and lower case once (not more
        // often); "Secretary", "Mr", "British", "Officials", "May" (a month), "Monday" and "I" are kept words.
    }

    [Fact]
    public void Phrase_mode_also_takes_the_common_words_of_multi_word_names_but_not_function_words_or_organisation_heads()
    {
        var texts = new[]
        {
            "Mr Cable said the cable failed. The Home Secretary spoke in the Financial Times and The Times.",
            "At home the financial news was good. Home Office staff read the Financial Times.",
            "Officials said the office was shut at times, many times, other times. Cable networks grew.",
            "so the cat, the dog, the cow, the hen, the pig and the owl ran.",
        };
        // Word rule: only "Financial" (inside twice, "financial" once). "Cable" and "Home" are inside once and written
        // in lower case once (not more often); "Times" 3 times and "times" 3 times; "The" once against "the" 12 times.
        Assert.Equal(["Financial"], CorpusCopies.FindNames(texts).Order(StringComparer.Ordinal));
        // Phrase mode adds "Cable" (inside, after "Mr") and "Home" (inside, before "Secretary"): next to a capitalised
        // word and written in lower case at most 10 times as often as capitalised inside. Not added: "The" (inside
        // before "Times", but "the" 12 times > 10 x 1), "Times" (an organisation head), "Office", "Secretary",
        // "Officials" and "Mr" (kept words), "At" (never inside).
        Assert.Equal(["Cable", "Financial", "Home"], CorpusCopies.FindNames(texts, phrases: true).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Phrase_mode_renames_every_capitalised_occurrence_of_its_words_the_same_way_within_a_copy()
    {
        var a = TestStages.Article("Mr Cable said the cable failed. Cable networks grew, Mr Cable said.", "2024-01-10", "a.txt");
        // "Cable" stands inside sentences 3 times and "cable" 3 times: not a name by the word rule.
        var b = TestStages.Article("The Home Secretary met Mr Cable at home. The cable and the cable box were fine.", null, "b.txt");
        var altered = PipelineBenchmark.Copies([a, b], 4, round: 0, CopyNames.Altered);
        var phrases = PipelineBenchmark.Copies([a, b], 4, round: 0, CopyNames.AlteredPhrases);
        // The default renaming keeps all of it (Cable, Home: common in lower case); round 0 copy 0 is the corpus in both modes.
        Assert.Equal([a.Text, b.Text, a.Text, b.Text], altered.Select(c => c.Text));
        Assert.Equal([a.Text, b.Text], phrases.Take(2).Select(c => c.Text));
        string cable = CorpusCopies.Alter("Cable", 0, 1), home = CorpusCopies.Alter("Home", 0, 1);
        Assert.Equal($"Mr {cable} said the cable failed. {cable} networks grew, Mr {cable} said.", phrases[2].Text);
        Assert.Equal($"The {home} Secretary met Mr {cable} at home. The cable and the cable box were fine.", phrases[3].Text);
        Assert.Equal(new CorpusCopies([a, b], CopyNames.Altered).NameCount + 2, new CorpusCopies([a, b], CopyNames.AlteredPhrases).NameCount);
    }
}
