using System.Collections.Frozen;

namespace ContradictionNlp.Tokenization;

/// <summary>
/// Our own word lists for period decisions. Written for news English; entries are lower-case and
/// without their final period. Lookups take a span so the tokenizer never allocates a string.
/// </summary>
public static class Abbreviations
{
    // Words that keep their period: titles, months, weekdays, company and address words, US
    // states in AP style, Latin shorthands. Kept short on purpose: every entry is a word whose
    // period would otherwise be mistaken for a sentence end.
    private static readonly string[] Common =
    [
        // personal titles and ranks
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "rev", "hon", "sr", "jr", "esq", "st", "msgr",
        "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "brig", "sgt", "cpl", "pvt", "pfc", "sfc", "supt", "insp", "det",
        "gov", "sen", "sens", "rep", "reps", "pres", "amb", "atty", "attys", "asst", "assoc", "ph", "fr",
        // months and weekdays
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "tue", "tues", "thu", "thur", "thurs", "fri",
        // organisations and addresses
        "co", "corp", "inc", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "mfg", "ave", "blvd", "rd", "mt", "ft",
        "hwy", "fwy", "bldg", "apt", "ste",
        // US states and Canadian provinces in AP abbreviation style
        // (those that are also everyday words, "Ill." "Miss." "Wash." "Mass." "Ore.", are left out: their
        // period ends far more sentences than it abbreviates)
        "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "kans", "ky", "md",
        "mich", "minn", "mo", "mont", "neb", "nebr", "nev", "okla", "pa", "penn", "tenn", "tex",
        "va", "vt", "wis", "wisc", "wyo", "ont", "que", "sask", "alta",
        // Latin and scholarly shorthands, units that take a period
        "etc", "vs", "viz", "cf", "al", "approx", "ibid", "vol", "vols", "fig", "figs",
        "ch", "sec", "no", "nos", "nr", "pp", "p", "art", "ext", "ref", "min", "hr", "hrs", "yd", "yds",
        "btw", "esp", "med", "dist", "rs", "tel",
    ];

    /// <summary>Abbreviations usually written before a name ("Mr. Smith"): a capital after them is not a sentence start.</summary>
    private static readonly string[] Prepositive =
    [
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "rev", "hon", "st", "msgr", "gen", "lt", "col",
        "maj", "capt", "cmdr", "adm", "brig", "sgt", "cpl", "pvt", "supt", "insp", "det", "gov", "sen", "sens", "rep",
        "reps", "pres", "amb", "atty", "fr", "mt", "ft", "vs", "v",
    ];

    /// <summary>Abbreviations written before a number ("No. 5", "p. 55"): a digit after them is not a sentence start.</summary>
    private static readonly string[] BeforeNumber =
    [
        "no", "nos", "p", "pp", "art", "ext", "vol", "vols", "fig", "figs", "ch", "sec", "rs", "nr", "tel", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    /// <summary>
    /// Capitalised words that after an abbreviation ("in the U.S. The ...") usually begin a new
    /// sentence, because they are function words or pronouns rarely part of a name.
    /// </summary>
    private static readonly string[] Starters =
    [
        "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
        "this", "that", "these", "those", "there", "here", "however", "but", "and", "so", "yet", "in", "on", "at",
        "for", "if", "when", "where", "why", "how", "what", "who", "which", "while", "after", "before", "as",
        "being", "did", "does", "do", "more", "most", "millions", "thousands", "some", "many", "no", "not",
        "meanwhile", "also", "then", "although", "though", "since", "because", "according",
    ];

    /// <summary>
    /// Abbreviations that are also everyday words ("said no.", "art.") or unit words: they keep their
    /// period only when a number follows ("No. 5", "Art. 3", "sec. 1262").
    /// </summary>
    private static readonly string[] OnlyBeforeNumber =
    [
        "no", "nos", "art", "min", "sec", "fig", "figs", "vol", "vols", "ch", "ext", "ref", "med", "rs", "hr", "hrs",
        "yd", "yds", "esp", "dist", "btw", "tel", "nr",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OnlyBeforeNumberSet = Build(OnlyBeforeNumber);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonSet = Build(Common);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositiveSet = Build(Prepositive);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberSet = Build(BeforeNumber);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterSet = Build(Starters);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Build(string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a word (without its period) that keeps its period as part of the token.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) => word.Length <= 7 && CommonSet.Contains(word);

    /// <summary>True for an abbreviation that keeps its period only when a number follows it.</summary>
    public static bool IsOnlyBeforeNumber(ReadOnlySpan<char> word) => word.Length <= 7 && OnlyBeforeNumberSet.Contains(word);

    /// <summary>True for an abbreviation that normally precedes a name.</summary>
    public static bool IsPrepositive(ReadOnlySpan<char> word) => word.Length <= 7 && PrepositiveSet.Contains(word);

    /// <summary>True for an abbreviation that normally precedes a number.</summary>
    public static bool IsBeforeNumber(ReadOnlySpan<char> word) => word.Length <= 7 && BeforeNumberSet.Contains(word);

    /// <summary>True for a word that, capitalised after an abbreviation, signals a new sentence.</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => word.Length <= 12 && StarterSet.Contains(word);
}
