namespace ContradictionNlp.Scoring;

// Featurizer version 5 lives in its own file so the hot paths of PairFeaturizer.cs (optimised separately)
// and these additions never touch the same lines. Nothing here runs for a version 1-4 instance.
public sealed partial class PairFeaturizer
{
    /// <summary>
    /// Version-5 features (12 dense, appended to version 4's 57), aimed at v3/v4's SICK trial errors:
    /// <list type="bullet">
    /// <item><c>neg_h_more</c>, <c>neg_p_more</c>: how many more negations one side has (counts, not parity:
    /// "there is no boy ... and there is no man ..." has two, which the parity test of version 1 reads as none);</item>
    /// <item><c>h_align_06/08</c>, <c>p_align_06/08</c>: share of each side's content words whose best counterpart
    /// (same stem = 1, else GloVe cosine) reaches 0.6 / 0.8, the alignment shares classic SICK systems used;</item>
    /// <item><c>slot_subject_sim</c>, <c>slot_verb_sim</c>, <c>slot_object_sim</c>: how close the heads of the two
    /// texts' subject, verb and object are (1 same stem, 0.9 WordNet synonym or hypernym, else the cosine; 0 when a
    /// side has no such slot), read from word order without a tagger (<see cref="Slots"/>); <c>slots_parsed</c>:
    /// both texts have a verb slot; <c>slot_contrast</c>: share of the three slots whose heads are WordNet antonyms or
    /// co-hyponyms, and the same only when the negation counts differ (<c>slot_contrast_x_neg</c>). "Two men are fighting in a pen" / "Two men are outside a pen" differ in the
    /// verb; "a man is playing a guitar" / "a man is strumming a guitar" only in a related verb.</item>
    /// </list>
    /// Hashed: the pair of verb heads and of object heads when they differ (<c>vv|</c>, <c>oo|</c>), so the model can
    /// learn verb and object relations ("play"/"strum") the lexicon lacks.
    /// </summary>
    private int FeaturizeV5(List<Word> p, List<Word> h, List<Word> hc, List<Word> pc, float[] hBest, float[] pBest,
        List<Word> negP, List<Word> negH, float[] f, int k, List<int> hashed, TextFacts fp, TextFacts fh)
    {
        f[k++] = Math.Min(Math.Max(negH.Count - negP.Count, 0), 2) / 2f;
        f[k++] = Math.Min(Math.Max(negP.Count - negH.Count, 0), 2) / 2f;
        f[k++] = ShareAtLeast(hBest, 0.6f);
        f[k++] = ShareAtLeast(hBest, 0.8f);
        f[k++] = ShareAtLeast(pBest, 0.6f);
        f[k++] = ShareAtLeast(pBest, 0.8f);

        var (sp, vp, op) = fp.Slots;
        var (sh, vh, oh) = fh.Slots;
        f[k++] = SlotSimilarity(p, sp, h, sh);
        f[k++] = SlotSimilarity(p, vp, h, vh);
        f[k++] = SlotSimilarity(p, op, h, oh);
        f[k++] = vp >= 0 && vh >= 0 ? 1f : 0f;
        // Slots filled by contrasting words ("man"/"woman", "sitting"/"standing", "violin"/"piano"): with no negation
        // that is a conflict; with a negation on one side the negation is about something else (SICK: neutral).
        var contrast = (SlotsContrast(p, sp, h, sh) ? 1 : 0) + (SlotsContrast(p, vp, h, vh) ? 1 : 0) + (SlotsContrast(p, op, h, oh) ? 1 : 0);
        f[k++] = contrast / 3f;
        f[k++] = negP.Count != negH.Count ? contrast / 3f : 0f;
        if (vp >= 0 && vh >= 0 && p[vp].Stem != h[vh].Stem) hashed.Add(Hash("vv|", p[vp].Stem, "|", h[vh].Stem));
        if (op >= 0 && oh >= 0 && p[op].Stem != h[oh].Stem) hashed.Add(Hash("oo|", p[op].Stem, "|", h[oh].Stem));
        return k;
    }

    /// <summary>Share of the values at or above <paramref name="threshold"/>; 1 for an empty side (nothing unaligned).</summary>
    internal static float ShareAtLeast(float[] best, float threshold)
    {
        if (best.Length == 0) return 1f;
        var n = 0;
        foreach (var s in best) if (s >= threshold) n++;
        return n / (float)best.Length;
    }

    /// <summary>Both slots filled, different stems, and WordNet antonyms (direct or indirect) or co-hyponyms.</summary>
    private bool SlotsContrast(List<Word> p, int i, List<Word> h, int j)
    {
        if (i < 0 || j < 0) return false;
        var (a, b) = (p[i], h[j]);
        return a.Stem != b.Stem && (Antonymy(a, b) != AntonymKind.None || AreCohyponyms(a, b));
    }

    /// <summary>1 for the same stem, 0.9 when WordNet makes one a synonym or hypernym of the other, else the vector
    /// cosine clamped to [0, 1]; 0 when either slot is missing (-1).</summary>
    private float SlotSimilarity(List<Word> p, int i, List<Word> h, int j)
    {
        if (i < 0 || j < 0) return 0f;
        var (a, b) = (p[i], h[j]);
        if (a.Stem == b.Stem) return 1f;
        if (Generalises(a, b) >= 0 || Generalises(b, a) >= 0) return 0.9f;
        return a.Vec >= 0 && b.Vec >= 0 ? Math.Clamp(_vectors.Cosine(a.Vec, b.Vec), 0f, 1f) : 0f;
    }

    /// <summary>
    /// Word indices of the subject head, main verb and object head of a short clause, or -1 each: the subject head is
    /// the last content word before the first verb marker (as <see cref="SubjectV3"/> finds it); "there is (no) X ..."
    /// makes X the subject; the verb is the first content word after the marker (within 4 words), the object the first
    /// content word after the verb (within 5). A passive ("a tomato is being cut by a man") swaps them back: the
    /// word after "by" is the subject and the surface subject the object, so both voices give the same roles.
    /// </summary>
    internal static (int Subject, int Verb, int Object) Slots(List<Word> words)
    {
        int subject = -1, marker = -1;
        if (words.Count > 2 && words[0].Lower == "there" && BeForms.Contains(words[1].Lower))
        {
            for (var i = 2; i < words.Count && i <= 4; i++) if (words[i].Content) { subject = i; break; }
            marker = subject;
        }
        else
        {
            for (var i = 1; i < words.Count && i <= 7; i++)
            {
                var w = words[i].Lower;
                if (VerbMarkers.Contains(w) || Negations.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && words[i - 1].Content))
                {
                    // A marker word ends the subject and the verb follows it; an "-ed" word is the verb itself.
                    var verbal = VerbMarkers.Contains(w) || Negations.Contains(w);
                    for (var j = i - 1; j >= 0; j--) if (words[j].Content) { subject = j; break; }
                    marker = verbal ? i : i - 1;
                    break;
                }
            }
        }
        if (marker < 0) return (-1, -1, -1);
        var verb = -1;
        for (var i = marker + 1; i < words.Count && i <= marker + 4; i++) if (words[i].Content) { verb = i; break; }
        if (verb < 0) return (subject, -1, -1);
        var obj = -1;
        var by = -1;
        for (var i = verb + 1; i < words.Count && i <= verb + 5; i++)
        {
            if (words[i].Lower == "by" && by < 0) by = i;
            if (words[i].Content) { obj = i; break; }
        }
        if (by >= 0 && obj >= 0 && IsPassive(words)) return (obj, verb, subject);
        return (subject, verb, obj);
    }

    /// <summary>The <see cref="Slots"/> of one text (word indices), for tests.</summary>
    internal (int Subject, int Verb, int Object) SlotsForTest(string text) => Slots(WithLexicalFlags(Prepare(text)).Words);
}
