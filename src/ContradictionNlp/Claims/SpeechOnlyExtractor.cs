using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>
/// Keeps only the <see cref="CueClass.Speech"/> claims of another extractor: the view of a consumer
/// that wants asserted statements only (and the pre-phase-2 behaviour, for comparisons).
/// </summary>
public sealed class SpeechOnlyExtractor(IClaimExtractor inner) : IClaimExtractor
{
    private readonly IClaimExtractor _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics) =>
        _inner.Extract(article, text, diagnostics).Where(c => c.CueClass == CueClass.Speech).ToArray();
}
