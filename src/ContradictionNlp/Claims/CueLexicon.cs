namespace ContradictionNlp.Claims;

/// <summary>CONTRACT (skeleton): reporting verbs and nouns we recognise as cues of speech or statement.</summary>
public static class CueLexicon
{
    /// <summary>True when the word (any inflection, any case: "said", "Denies", "admission") is a speech/statement cue.</summary>
    public static bool IsSpeechCue(string word) => throw new NotImplementedException();
}
