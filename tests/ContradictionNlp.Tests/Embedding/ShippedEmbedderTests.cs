using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Embedding;

public class ShippedEmbedderTests
{
    private static float Cos(string a, string b)
    {
        var e = ShippedModels.Catalog.LoadEmbedder();
        var va = new float[e.Dimension];
        var vb = new float[e.Dimension];
        e.Embed(a, va);
        e.Embed(b, vb);
        return va.Zip(vb, (x, y) => x * y).Sum();
    }

    [Fact]
    public void Paraphrases_are_closer_than_unrelated_sentences()
    {
        const string claim = "Belarus will send troops to the border";
        var para = Cos(claim, "Belarus plans to deploy soldiers at the frontier");
        var other = Cos(claim, "The recipe needs two eggs and a cup of flour");
        Assert.True(para > other + 0.2f, $"paraphrase {para}, unrelated {other}");
    }

    [Fact]
    public void Parallel_embedding_and_scoring_match_sequential_results()
    {
        string[] texts = ["Belarus will send troops", "Belarus will not send troops", "Prices rose 5 percent in May", "The minister denied the report"];
        var e = ShippedModels.Catalog.LoadEmbedder();
        var scorer = ShippedModels.Catalog.LoadScorer();
        var seq = texts.Select(t => { var v = new float[e.Dimension]; e.Embed(t, v); return v; }).ToArray();
        var seqScores = texts.Select(t => scorer.Score(texts[0], t).Contradiction).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var par = new float[texts.Length][];
            var parScores = new double[texts.Length];
            Parallel.For(0, texts.Length, i =>
            {
                var v = new float[e.Dimension];
                e.Embed(texts[i], v);
                par[i] = v;
                parScores[i] = scorer.Score(texts[0], texts[i]).Contradiction;
            });
            for (var i = 0; i < texts.Length; i++) Assert.Equal(seq[i], par[i]);
            Assert.Equal(seqScores, parScores);
        }
    }
}
