using System.Runtime.CompilerServices;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>
/// Claims from the learned <see cref="AttributionTagger"/>: the tagged Cue, Source and Content spans are
/// assembled into attributions. Each content span goes to the nearest cue of its sentence (else of the
/// sentence before or after: "...," she said. opens or closes a quote paragraph); content spans that share
/// a cue become one claim spanning them (a quote split by "he said"). The source is the source span
/// nearest that cue in its sentence; the speaker is resolved with the rule extractor's
/// <see cref="MentionParser"/>/<see cref="MentionResolver"/> (pronouns and descriptions to names).
/// A tagger stacked on the rules (<see cref="AttributionTagger.Stacked"/>, round 6) reads the rule
/// <see cref="ClaimExtractor"/>'s claims on the same text as features, so for it this extractor runs the rules
/// first (the hybrid passes the claims it has already); a plain tagger (the shipped one) needs none.
/// </summary>
public sealed class LearnedClaimExtractor(AttributionTagger tagger) : IClaimExtractor
{
    private readonly AttributionTagger _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));

    private readonly record struct Span(int First, int End, int Sentence, int Role);

    /// <summary>
    /// Content spans of one cue merged into one claim, with the gap holding the cue (-1 when none). A class: a list of a
    /// five-int tuple was framework generic code over a value type, JIT-compiled in every cnlp run (round 20).
    /// </summary>
    private sealed record Group(int Cue, int First, int End, int GapFirst, int GapEnd);

    /// <summary>Most tokens between two content spans of one cue that still make them one claim (room for "said the state's senior senator,").</summary>
    internal const int MergeGap = 12;

    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_tagger.Stacked || text.Tokens.Count == 0) return Extract(article, text, diagnostics, null, []);
        // The rules' claims are the tagger's stacked input; their own diagnostics are not this extractor's.
        var view = new ArticleView(text);
        return Extract(article, text, diagnostics, view, new ClaimExtractor().Extract(article, text, new DiagnosticBag(), view));
    }

    /// <summary>
    /// Extraction given the rule extractor's claims on the same text (<paramref name="rules"/>, read by a stacked tagger only),
    /// resolving speakers over <paramref name="shared"/> when given (the rules' view of the same text), else its own when a source is tagged.
    /// </summary>
    /// <remarks>Per-article code (this and its helpers below) is not AggressiveOptimization since round 20: a method so
    /// marked is never precompiled, so each run JIT-compiled it (~8 ms), for loops that run a few times per article.</remarks>
    /// <param name="dropOverlapping">
    /// Leave out the claims whose content overlaps a rule claim's content or whose cue overlaps a rule claim's cue (of
    /// <paramref name="rules"/>): <see cref="HybridClaimExtractor"/> drops exactly those, so it asks for them not to be made
    /// (perf only, round 21: their content and cue strings, ids and records were made and thrown away). Their speakers
    /// are still resolved, in the same order: the resolver learns from every mention it resolves, so a later claim's
    /// speaker may depend on an earlier, dropped one.
    /// </param>
    internal IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics, ArticleView? shared, IReadOnlyList<Claim> rules, bool dropOverlapping = false)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (text.Tokens.Count == 0) return [];
        var labels = _tagger.Label(text, rules);
        var spans = Spans(text, labels);
        // One pass instead of three filters (same order within each role).
        var cues = new List<Span>();
        var sources = new List<Span>();
        var contents = new List<Span>();
        foreach (var s in spans) (s.Role == 0 ? cues : s.Role == 1 ? sources : contents).Add(s);
        if (cues.Count == 0 || contents.Count == 0) return [];

        // Content -> cue: same sentence by token distance, else a neighbouring sentence.
        // Indexed by cue and read in cue order, as a SortedDictionary<int, ...> was: that map's code over int keys is
        // framework generic code, which the ReadyToRun build cannot precompile, so every cnlp run JIT-compiled it.
        var byCue = new List<Span>?[cues.Count];
        foreach (var c in contents)
        {
            int best = -1, bestDist = int.MaxValue;
            for (int k = 0; k < cues.Count; k++)
            {
                var q = cues[k];
                int sentenceGap = Math.Abs(q.Sentence - c.Sentence);
                if (sentenceGap > 1) continue;
                int gap = q.End <= c.First ? c.First - q.End : c.End <= q.First ? q.First - c.End : 0;
                int dist = sentenceGap * 10_000 + gap;
                if (dist < bestDist) { bestDist = dist; best = k; }
            }
            if (best < 0) continue;
            (byCue[best] ??= []).Add(c);
        }

        ArticleView? view = shared;
        MentionResolver? resolver = null;
        var tokens = text.TokenSpan;
        var claims = new List<Claim>();
        // Content spans already made claims, as (start << 32 | end); a few per article, so a scan (PAR11: a HashSet over
        // (int, int) was a generic instantiation the framework's precompiled code lacks, JIT-compiled in every process).
        var seen = new long[4];
        int seenCount = 0;
        // Content spans of one cue close together ("...," he said, "...") are one quote; far apart, separate claims.
        // Each group remembers the gap between two of its spans that holds its cue ("...," he said, "..."):
        // that gap is the attribution, kept out of the content's text and parts (Claim.ContentGap).
        var groups = new List<Group>();
        for (int k = 0; k < byCue.Length; k++)
        {
            if (byCue[k] is not { } list) continue;
            SortByFirst(list);
            int gf = list[0].First, ge = list[0].End, gapFirst = -1, gapEnd = -1;
            for (int i = 1; i < list.Count; i++)
            {
                if (list[i].First - ge <= MergeGap)
                {
                    // Only the gap holding the cue is the attribution; an untagged word inside a content span is tagger noise.
                    if (list[i].First > ge && ge <= cues[k].First && cues[k].End <= list[i].First) (gapFirst, gapEnd) = (ge, list[i].First);
                    ge = Math.Max(ge, list[i].End);
                    continue;
                }
                groups.Add(new Group(k, gf, ge, gapFirst, gapEnd));
                (gf, ge, gapFirst, gapEnd) = (list[i].First, list[i].End, -1, -1);
            }
            groups.Add(new Group(k, gf, ge, gapFirst, gapEnd));
        }
        foreach (var (k, first, end, gapFirst, gapEnd) in groups)
        {
            var cue = cues[k];
            var content = Trim(text, first, end);
            if (content.IsEmpty || !AddNew(ref seen, ref seenCount, ((long)content.Start << 32) | (uint)content.End)) continue;
            TextSpan contentGap = default;
            string contentText = content.Of(text.Text);
            if (gapFirst >= 0 && Trim(text, first, gapFirst) is { IsEmpty: false } left && Trim(text, gapEnd, end) is { IsEmpty: false } right)
            {
                content = new TextSpan(left.Start, right.End);
                contentGap = new TextSpan(left.End, right.Start);
                contentText = string.Concat(left.Of(text.Text), " \u2026 ", right.Of(text.Text));
            }
            var cueSpan = new TextSpan(tokens[cue.First].Start, tokens[cue.End - 1].End);

            Span? source = null;
            int sourceDist = int.MaxValue;
            // A question put to the sentence's subject has no source in the sentence (IsFrontedQuestion).
            if (!IsFrontedQuestion(text, cue))
                foreach (var s in sources)
                {
                    if (s.Sentence != cue.Sentence) continue;
                    int gap = s.End <= cue.First ? cue.First - s.End : s.First - cue.End;
                    if (gap < sourceDist) { sourceDist = gap; source = s; }
                }
            SpeakerMention speaker;
            if (source is { } src)
            {
                view ??= new ArticleView(text);
                resolver ??= view.NewResolver();
                speaker = Speaker(text, view, resolver, tokens[src.First].Start, tokens[src.End - 1].End, content);
            }
            else speaker = new SpeakerMention(new TextSpan(cueSpan.Start, cueSpan.Start), "", MentionKind.Nominal, "", []);
            if (dropOverlapping && HybridClaimExtractor.OverlapsAny(rules, content, cueSpan)) continue;

            var cueText = cueSpan.Of(text.Text);
            var sentence = text.Sentences[cue.Sentence];
            var kind = text.Tokens[first].Kind == TokenKind.Quote ? ClaimKind.DirectQuote
                : cueText.StartsWith("according", StringComparison.OrdinalIgnoreCase) ? ClaimKind.AccordingTo : ClaimKind.ReportedSpeech;
            claims.Add(new Claim(Claim.MakeId(article.Id, content), article.Id, cue.Sentence, sentence.Span, speaker,
                cueSpan, cueText, content, contentText, kind, article.Date, ClassOf(text, cue)) { ContentGap = contentGap });
        }
        claims.Sort((a, b) => a.Cue.Start != b.Cue.Start ? a.Cue.Start.CompareTo(b.Cue.Start) : a.Content.Start.CompareTo(b.Content.Start));
        if (claims.Count == 0)
            diagnostics.Warning(article.Origin, "no attributed claims found by the learned attribution tagger", field: "text");
        return claims;
    }

    /// <summary>
    /// The participles that, opening a sentence, report a question put to the sentence's subject: "Asked about the
    /// claims, Mr Brown said ...", "Pressed on whether he would resign, he said ...". The subject was asked; the asker
    /// (a reporter, an interviewer) is not in the sentence, which is how PolNeAR marks such cues (an attribution with no
    /// source, 50 in train).
    /// </summary>
    private static readonly HashSet<string> QuestionParticiples = new(StringComparer.Ordinal) { "Asked", "Pressed", "Questioned", "Quizzed", "Challenged" };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QuestionParticipleLookup = QuestionParticiples.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="cue"/> opens its sentence (after any quotation marks or punctuation) with a capitalised
    /// <see cref="QuestionParticiples"/> word. Such a cue takes no source: the nearest tagged source is the main clause's
    /// subject, the one who was asked, and made a question the subject's claim (round 25: on bbc-news 19 such claims,
    /// "Asked about how he would deal with claims that he did not trust the prime minister" given to Mr Brown and
    /// flagged against his "Of course I trust the prime minister" at 0.95). With no source a hybrid-speech pipeline
    /// drops the claim (<see cref="HybridClaimExtractor"/> admits learned claims with a speaker only).
    /// </summary>
    private static bool IsFrontedQuestion(TokenizedText text, Span cue)
    {
        var sentence = text.Sentences[cue.Sentence];
        int first = sentence.FirstToken;
        while (first < cue.First && text.Tokens[first].Kind is TokenKind.Quote or TokenKind.Punctuation) first++;
        return first == cue.First && text.Tokens[first].Kind == TokenKind.Word
            && QuestionParticipleLookup.Contains(text.TokenChars(first));
    }

    /// <summary>
    /// Sorts by <see cref="Span.First"/> (insertion sort: a cue's content spans are few and arrive in token order, as
    /// <see cref="Spans"/> makes them). Spans of one role are disjoint, so no two share a first token and the order is
    /// the one any sort gives. PAR11: <c>List.Sort</c> over this struct was JIT-compiled in every process.
    /// </summary>
    private static void SortByFirst(List<Span> list)
    {
        for (int i = 1; i < list.Count; i++)
        {
            var x = list[i];
            int j = i - 1;
            while (j >= 0 && list[j].First > x.First)
            {
                list[j + 1] = list[j];
                j--;
            }
            list[j + 1] = x;
        }
    }

    /// <summary>Adds <paramref name="key"/> unless present (as <c>HashSet.Add</c>): true when it was new.</summary>
    internal static bool AddNew(ref long[] keys, ref int count, long key)
    {
        for (int i = 0; i < count; i++)
            if (keys[i] == key) return false;
        if (count == keys.Length)
        {
            var bigger = new long[count * 2];
            Array.Copy(keys, bigger, count);
            keys = bigger;
        }
        keys[count++] = key;
        return true;
    }

    /// <summary>Spans of each role; an I-CON opening a sentence continues the previous sentence's content span.</summary>
    private static List<Span> Spans(TokenizedText text, byte[] labels)
    {
        var result = new List<Span>();
        int start = -1, role = -1, sentenceOfStart = 0;
        int sentence = 0;
        var sentences = text.Sentences;
        for (int t = 0; t <= labels.Length; t++)
        {
            while (sentence < sentences.Count - 1 && t >= sentences[sentence].EndToken) sentence++;
            int l = t < labels.Length ? labels[t] : 0;
            bool sentenceStart = t < labels.Length && t == sentences[sentence].FirstToken;
            bool continues = l != 0 && AttributionLabels.IsInside(l) && start >= 0 && AttributionLabels.RoleOf(l) == role
                             && (!sentenceStart || role == 2);
            if (continues) continue;
            if (start >= 0) result.Add(new Span(start, t, sentenceOfStart, role));
            start = -1;
            if (l != 0) { start = t; role = AttributionLabels.RoleOf(l); sentenceOfStart = sentence; }
        }
        return result;
    }

    /// <summary>The content without trailing punctuation other than quote marks, as a character span.</summary>
    private static TextSpan Trim(TokenizedText text, int first, int end)
    {
        var tokens = text.TokenSpan;
        while (end > first && tokens[end - 1].Kind == TokenKind.Punctuation && text.Text[tokens[end - 1].Start] is ',' or ';' or ':') end--;
        while (first < end && tokens[first].Kind == TokenKind.Punctuation) first++;
        return end <= first ? default : new TextSpan(tokens[first].Start, tokens[end - 1].End);
    }

    private static CueClass ClassOf(TokenizedText text, Span cue)
    {
        for (int t = cue.First; t < cue.End; t++)
        {
            if (text.Tokens[t].Kind != TokenKind.Word) continue;
            var w = text.TokenText(t);
            if (CueLexicon.IsCueVerb(w, out _, out var cls)) return cls;
        }
        return CueClass.Speech;
    }

    /// <summary>Parses the tagged source as the rules would (name / pronoun / description) and resolves it; an unparsable source keeps its text unresolved.</summary>
    private static SpeakerMention Speaker(TokenizedText text, ArticleView view, MentionResolver resolver, int start, int end, TextSpan content)
    {
        var units = view.View.Units;
        var parser = view.Parser;
        int a = view.FirstUnitEndingAfter(start);
        int b = a;
        while (b < units.Length && units[b].Start < end) b++;
        if (b > a)
        {
            RawMention? raw = b - a == 1 && units[a].IsWord ? parser.Classify(a, b, lenient: true) ?? PronounAt(parser, a) : parser.Classify(a, b, lenient: true);
            if (raw is not null)
            {
                var m = resolver.Resolve(raw, content);
                // Keep the tagged span: it is what the tagger found, and what the metric compares.
                return m with { Span = new TextSpan(start, end), Text = new TextSpan(start, end).Of(text.Text) };
            }
        }
        var span = new TextSpan(start, end);
        return new SpeakerMention(span, span.Of(text.Text), MentionKind.Nominal, "", []);
    }

    private static RawMention? PronounAt(MentionParser parser, int unit) => parser.ParseLeft(unit + 1, unit) is { Kind: MentionKind.Pronoun } p ? p : null;
}
