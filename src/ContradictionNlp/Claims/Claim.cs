using ContradictionNlp.Text;

namespace ContradictionNlp.Claims;

public enum MentionKind
{
    /// <summary>A proper name: "Alexander Lukashenko", "Lukashenko".</summary>
    Name,
    /// <summary>A personal pronoun: "he", "she", "they".</summary>
    Pronoun,
    /// <summary>A description: "the Belarusian leader", "the senator", "officials".</summary>
    Nominal,
}

/// <summary>
/// Who a claim is attributed to, as written (<see cref="Span"/> into the article text) and as
/// resolved within the article: <see cref="Name"/> is the person's name with titles and roles
/// stripped ("Alexander Lukashenko"); <see cref="Roles"/> keeps them ("Belarusian President").
/// For a pronoun or nominal mention, <see cref="Name"/> is the antecedent's name, or empty when
/// it could not be resolved.
/// </summary>
public sealed record SpeakerMention(TextSpan Span, string Text, MentionKind Kind, string Name, IReadOnlyList<string> Roles)
{
    public bool IsResolved => Name.Length > 0;
}

public enum ClaimKind
{
    /// <summary>X said/confirmed/denied ... that ...</summary>
    ReportedSpeech,
    /// <summary>"...," X said. / X said: "..."</summary>
    DirectQuote,
    /// <summary>according to X, ...</summary>
    AccordingTo,
    /// <summary>X's admission/claim/denial that ...</summary>
    CueNoun,
}

/// <summary>
/// What the cue reports. Only <see cref="Speech"/> is something the speaker asserted; the other
/// classes are still extracted (a speaker's stated beliefs and stances can contradict each other
/// too) but are kept apart so reviewers and evaluations can tell them from assertions.
/// </summary>
public enum CueClass
{
    /// <summary>Speech or statement: said, denied, "according to", "X's claim that".</summary>
    Speech,
    /// <summary>A mental state: thinks, believes, hopes, fears, expects, knows, wants, plans.</summary>
    Belief,
    /// <summary>A stance, evaluation or request: supports, opposes, criticized, attacked, urged, asked.</summary>
    Attitude,
    /// <summary>Evidence or appearance: seems, appears.</summary>
    Evidence,
}

/// <summary>
/// One attributed statement. All spans index into the article's text. <see cref="Id"/> is stable
/// for the same article and content span, so re-running an article reproduces the same ids.
/// </summary>
public sealed record Claim(
    string Id,
    string ArticleId,
    int SentenceIndex,
    TextSpan Sentence,
    SpeakerMention Speaker,
    TextSpan Cue,
    string CueText,
    TextSpan Content,
    string ContentText,
    ClaimKind Kind,
    DateOnly? Date,
    CueClass CueClass = CueClass.Speech)
{
    /// <summary>
    /// The attribution that interrupts the content (<c>“A,” she said, “B.”</c>), inside <see cref="Content"/>;
    /// empty when the content is contiguous. <see cref="ContentText"/> then joins the two parts with " … ".
    /// Not stored (the store keeps span and text); evaluation uses it to score the parts, not the gap.
    /// </summary>
    public TextSpan ContentGap { get; init; }

    /// <summary>The content's parts: <see cref="Content"/>, or the two sides of <see cref="ContentGap"/>.</summary>
    public IReadOnlyList<TextSpan> ContentParts => ContentGap.IsEmpty
        ? [Content]
        : [new TextSpan(Content.Start, ContentGap.Start), new TextSpan(ContentGap.End, Content.End)];

    public static string MakeId(string articleId, TextSpan content) => $"{articleId}:{content.Start}-{content.End}";
}
