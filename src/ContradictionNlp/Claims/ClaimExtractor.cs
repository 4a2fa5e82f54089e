using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>CONTRACT (skeleton): the rule-based claim extractor.</summary>
public sealed class ClaimExtractor : IClaimExtractor
{
    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics) =>
        throw new NotImplementedException();
}
