namespace ContradictionNlp.Tagging;

/// <summary>The 17 Universal Dependencies part-of-speech tags, in the order of the UD documentation. Stored as one byte per token.</summary>
public enum UPos : byte
{
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

public static class UPosNames
{
    public const int Count = 17;

    private static readonly string[] Names = Enum.GetNames<UPos>();

    public static string Name(UPos tag) => Names[(int)tag];

    /// <summary>Parses a UD tag name exactly (upper case, as written in CoNLL-U column 4).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out UPos tag)
    {
        for (var i = 0; i < Names.Length; i++)
            if (name.SequenceEqual(Names[i])) { tag = (UPos)i; return true; }
        tag = default;
        return false;
    }
}
