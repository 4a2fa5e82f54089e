using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>Finds attributed claims in one tokenized article, with speakers resolved within the article.</summary>
public interface IClaimExtractor
{
    IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics);
}
