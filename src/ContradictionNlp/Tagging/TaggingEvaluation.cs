using System.Diagnostics;

namespace ContradictionNlp.Tagging;

/// <summary>Token-level POS and lemma accuracy on a gold corpus. Lemmas are scored with the predicted UPOS (as at run time).</summary>
public sealed record TaggerEvaluation(int Tokens, int UposCorrect, int LemmaCorrect, bool HasLemmas)
{
    public double UposAccuracy => Tokens == 0 ? 0 : (double)UposCorrect / Tokens;
    public double LemmaAccuracy => Tokens == 0 || !HasLemmas ? 0 : (double)LemmaCorrect / Tokens;
}

/// <summary>Precision/recall/F1 counts for one entity type or for all (micro).</summary>
public sealed record EntityCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Gold => TruePositives + FalseNegatives;
    public int Predicted => TruePositives + FalsePositives;
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level scores: an entity counts as correct only when its first token, end token and type all match.</summary>
public sealed record NerEvaluation(int Sentences, EntityCounts Micro, IReadOnlyDictionary<string, EntityCounts> PerType);

public static class TaggingEvaluator
{
    public static TaggerEvaluation Evaluate(PosTagger tagger, Lemmatizer? lemmatizer, IReadOnlyList<TaggedSentence> sentences)
    {
        int tokens = 0, upos = 0, lemmas = 0;
        foreach (var s in sentences)
        {
            var forms = s.Words.Select(w => w.Form).ToArray();
            var tags = tagger.TagWords(forms);
            for (var i = 0; i < tags.Length; i++)
            {
                tokens++;
                if (tags[i] == s.Words[i].Upos) upos++;
                if (lemmatizer is not null && lemmatizer.Lemma(forms[i], tags[i]) == s.Words[i].Lemma) lemmas++;
            }
        }
        return new TaggerEvaluation(tokens, upos, lemmas, lemmatizer is not null);
    }

    /// <summary>
    /// Tagging speed on one thread in tokens per second: every sentence is prepared as text + token spans
    /// first (as the tokenizer would hand them over), then the whole set is tagged pass after pass for at
    /// least <paramref name="minSeconds"/> and 3 passes; the fastest pass is reported, because on a shared
    /// machine the slower passes measure the other processes as much as the tagger.
    /// </summary>
    public static double TokensPerSecond(PosTagger tagger, IReadOnlyList<TaggedSentence> sentences, double minSeconds = 1.0)
    {
        var prepared = sentences.Select(s => SentenceText.Build(s.Words.Select(w => w.Form).ToArray())).ToArray();
        var tokensPerPass = prepared.Sum(p => (long)p.Tokens.Length);
        if (tokensPerPass == 0) return 0;
        var dest = new UPos[prepared.Max(p => p.Tokens.Length)];
        foreach (var (text, tokens) in prepared) tagger.TagSentence(text, tokens, dest); // warm-up (JIT tiering)
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        for (var pass = 0; pass < 3 || total.Elapsed.TotalSeconds < minSeconds; pass++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var (text, tokens) in prepared) tagger.TagSentence(text, tokens, dest);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return tokensPerPass / best;
    }

    public static NerEvaluation Evaluate(NerTagger ner, PosTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        var pairs = new List<(IReadOnlyList<Entity>, IReadOnlyList<Entity>)>();
        foreach (var s in sentences)
        {
            var (text, tokens) = SentenceText.Build(s.Forms);
            var pos = new UPos[tokens.Length];
            tagger.TagSentence(text, tokens, pos);
            var labels = new byte[tokens.Length];
            ner.LabelSentence(text, tokens, pos, labels);
            var gold = s.Labels.Select(l => (byte)NerLabels.Parse(l)).ToArray();
            pairs.Add((NerLabels.Spans(gold), NerLabels.Spans(labels)));
        }
        return Score(pairs);
    }

    /// <summary>Exact-match entity scoring over (gold, predicted) entity lists, one pair per sentence.</summary>
    public static NerEvaluation Score(IEnumerable<(IReadOnlyList<Entity> Gold, IReadOnlyList<Entity> Predicted)> sentences)
    {
        var tp = new int[3];
        var fp = new int[3];
        var fn = new int[3];
        var n = 0;
        foreach (var (gold, predicted) in sentences)
        {
            n++;
            var goldSet = gold.ToHashSet();
            var predSet = predicted.ToHashSet();
            foreach (var e in predSet) if (goldSet.Contains(e)) tp[(int)e.Type]++; else fp[(int)e.Type]++;
            foreach (var e in goldSet) if (!predSet.Contains(e)) fn[(int)e.Type]++;
        }
        var per = new SortedDictionary<string, EntityCounts>(StringComparer.Ordinal);
        for (var t = 0; t < 3; t++) per[NerLabels.TypeNames[t]] = new EntityCounts(tp[t], fp[t], fn[t]);
        return new NerEvaluation(n, new EntityCounts(tp.Sum(), fp.Sum(), fn.Sum()), per);
    }
}
