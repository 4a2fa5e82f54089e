using System.Text.RegularExpressions;
using ContradictionNlp.Text;

namespace ContradictionNlp.Evaluation;

/// <summary>
/// Reads PolNeAR (Newell, Margolin &amp; Ruths, LREC 2018) brat standoff: a split folder holds
/// <c>text/&lt;article&gt;.txt</c> and <c>attributions/&lt;article&gt;_&lt;annotator&gt;.ann</c>.
/// Data problems (bad offsets, unknown span types, dangling references, missing texts) become
/// diagnostics naming the file and line; the affected attribution or article is skipped and counted.
/// </summary>
public static partial class PolNearReader
{
    /// <summary>Span types the corpus defines. Discuss/Discard are annotator flags, not attributions.</summary>
    private static readonly HashSet<string> KnownSpanTypes = new(StringComparer.Ordinal)
    {
        "Source", "Cue", "Content", "Attribution", "Attribution-no-source", "Discuss", "Discard",
    };

    // T<n> TAB <Type> <s> <e>[;<s> <e>...] TAB <covered text>. Singleline: the covered text may hold newlines.
    [GeneratedRegex(@"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TLine();

    // E<n> TAB Role:T<a> Role:T<b> ... (role order varies; trailing space occurs)
    [GeneratedRegex(@"^(E\d+)\t(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ELine();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]*):(T\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArg();

    // A standoff record starts with a letter/#/* id then a tab; anything else after a T line is
    // the continuation of its covered text (the covered text contained a newline).
    [GeneratedRegex(@"^[A-Z#*]\d*\t", RegexOptions.CultureInvariant)]
    private static partial Regex RecordStart();

    private sealed record SpanLine(string Id, string Type, int Line, TextSpan[] Fragments, string Covered);

    /// <summary>
    /// Parses one .ann file against its article text. <paramref name="origin"/> names the .ann file
    /// in diagnostics.
    /// </summary>
    public static PolNearAnnotations ParseAnnotations(string ann, string text, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(ann);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var lines = ann.Split('\n');
        // A final newline ends the last line; it does not start an empty continuation line.
        int lineCount = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;

        var spans = new Dictionary<string, SpanLine>(StringComparer.Ordinal);
        var badSpans = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<(string Id, int Line, string Args)>();
        int checkedCount = 0, misaligned = 0;

        for (int i = 0; i < lineCount; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            if (line.Length == 0 || line[0] == '#') continue; // blank lines and AnnotatorNotes carry no spans

            if (line[0] == 'T')
            {
                // Gather continuation lines before matching: the covered text may span lines.
                var covered = line;
                while (i + 1 < lineCount && !RecordStart().IsMatch(lines[i + 1]))
                    covered += "\n" + lines[++i];
                var m = TLine().Match(covered);
                if (!m.Success)
                {
                    diagnostics.Warning(origin, "malformed span line: expected 'T<n>\\t<Type> <start> <end>[;<start> <end>]\\t<text>'", lineNo, "T");
                    continue;
                }
                string id = m.Groups[1].Value, type = m.Groups[2].Value;
                checkedCount++;
                if (!KnownSpanTypes.Contains(type))
                {
                    diagnostics.Warning(origin, $"{id}: unknown span type '{type}' (expected one of {string.Join(", ", KnownSpanTypes)}); span ignored", lineNo, "type");
                    badSpans.Add(id);
                    continue;
                }
                var fragments = ParseFragments(m.Groups[3].Value, text.Length, out var rangeError);
                if (fragments is null)
                {
                    diagnostics.Warning(origin, $"{id}: offsets {m.Groups[3].Value} {rangeError}; span ignored", lineNo, "offsets");
                    badSpans.Add(id);
                    misaligned++;
                    continue;
                }
                // brat joins the fragments of a discontinuous span with one space.
                string expected = string.Join(" ", fragments.Select(f => f.Of(text)));
                string annotated = m.Groups[4].Value;
                if (!string.Equals(expected, annotated, StringComparison.Ordinal))
                {
                    diagnostics.Warning(origin,
                        $"{id}: covered text does not match the article at {m.Groups[3].Value}: annotation has \"{Clip(annotated)}\" but the text has \"{Clip(expected)}\"; span ignored",
                        lineNo, "offsets");
                    badSpans.Add(id);
                    misaligned++;
                    continue;
                }
                spans[id] = new SpanLine(id, type, lineNo, fragments, annotated);
            }
            else if (line[0] == 'E')
            {
                var m = ELine().Match(line);
                if (!m.Success)
                {
                    diagnostics.Warning(origin, "malformed event line: expected 'E<n>\\t<Role>:T<n> ...'", lineNo, "E");
                    continue;
                }
                events.Add((m.Groups[1].Value, lineNo, m.Groups[2].Value));
            }
            // Other standoff records (relations, attributes, notes) carry nothing we evaluate.
        }

        var attributions = new List<GoldAttribution>();
        int skipped = 0, roleless = 0;
        foreach (var (id, lineNo, args) in events)
        {
            var attribution = BuildAttribution(id, lineNo, args, spans, badSpans, origin, diagnostics, out bool isRoleless);
            if (attribution is not null) attributions.Add(attribution);
            else if (isRoleless) roleless++;
            else skipped++;
        }

        // Stable order by line so the fragment list does not depend on dictionary order.
        var fragmentsAll = spans.Values.OrderBy(s => s.Line).SelectMany(s => s.Fragments).ToArray();
        return new PolNearAnnotations(attributions, skipped, roleless, checkedCount, misaligned, fragmentsAll);
    }

    private static GoldAttribution? BuildAttribution(
        string id, int lineNo, string args, Dictionary<string, SpanLine> spans, HashSet<string> badSpans,
        string origin, DiagnosticBag diagnostics, out bool roleless)
    {
        roleless = false;
        SpanLine? trigger = null, source = null, cue = null;
        var content = new List<SpanLine>();
        foreach (var arg in args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = RoleArg().Match(arg);
            if (!m.Success)
            {
                diagnostics.Warning(origin, $"{id}: malformed role argument '{arg}' (expected Role:T<n>); attribution skipped", lineNo, "role");
                return null;
            }
            string role = m.Groups[1].Value, target = m.Groups[2].Value;
            if (!spans.TryGetValue(target, out var span))
            {
                var why = badSpans.Contains(target) ? "was rejected above" : "is not defined in this file";
                diagnostics.Warning(origin, $"{id}: role {role} refers to {target}, which {why}; attribution skipped", lineNo, role);
                return null;
            }
            switch (role)
            {
                case "Attribution" or "Attribution-no-source": trigger = span; break;
                case "Source": source = span; break;
                case "Cue": cue = span; break;
                case "Content" or "Content2": content.Add(span); break;
                default:
                    diagnostics.Warning(origin, $"{id}: unknown role '{role}' (expected Attribution, Attribution-no-source, Source, Cue, Content, Content2); attribution skipped", lineNo, "role");
                    return null;
            }
        }

        if (content.Count == 0)
        {
            // The corpus has trigger-only events (no roles at all): nothing to match against.
            roleless = true;
            return null;
        }
        // The trigger has the cue's span by construction; use it when the Cue role is absent.
        var cueLine = cue ?? trigger;
        // Content before Content2 in file order keeps fragments deterministic.
        var contentFragments = content.OrderBy(c => c.Line).SelectMany(c => c.Fragments).ToArray();
        return new GoldAttribution(
            id, lineNo,
            source?.Fragments ?? [],
            cueLine?.Fragments ?? [],
            contentFragments,
            cueLine?.Covered ?? "");
    }

    private static TextSpan[]? ParseFragments(string offsets, int textLength, out string error)
    {
        error = "";
        var parts = offsets.Split(';');
        var result = new TextSpan[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            var se = parts[k].Split(' ');
            // The regex guarantees digits; a value too large for int is still out of range.
            if (!int.TryParse(se[0], out int s) || !int.TryParse(se[1], out int e) || e > textLength)
            {
                error = $"are out of range (the text has {textLength} characters)";
                return null;
            }
            if (e < s)
            {
                error = $"are inverted (end {e} < start {s})";
                return null;
            }
            result[k] = new TextSpan(s, e);
        }
        return result;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    /// <summary>
    /// Reads a split folder (with <c>text/</c> and <c>attributions/</c>). Uses ONE .ann per
    /// article: the first by ordinal file name, so runs are reproducible when several annotators
    /// exist. An .ann whose text file is missing is an Error diagnostic and the article is skipped.
    /// <paramref name="limit"/> caps the number of articles considered (in name order).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its attributions/ subfolder does not exist.</exception>
    public static PolNearSplit ReadSplit(string directory, DiagnosticBag diagnostics, int? limit = null)
    {
        var articles = new List<PolNearArticle>();
        int skipped = Read(directory, diagnostics, limit, minAnnotators: 1, (article, textPath, text, annPaths) =>
        {
            var annPath = annPaths[0];
            articles.Add(new PolNearArticle(article, textPath, annPath, text, ParseAnnotations(File.ReadAllText(annPath), text, annPath, diagnostics)));
        });
        return new PolNearSplit(articles, skipped);
    }

    /// <summary>
    /// The articles of a split that at least <paramref name="minAnnotators"/> annotators annotated, each with every
    /// annotator's attributions (annotators in ordinal file-name order, so the first is the one <see cref="ReadSplit"/>
    /// uses). For measuring how far annotators agree with one another (<see cref="AttributionEvaluator.EvaluateAgreement"/>).
    /// Missing texts are reported and skipped as in <see cref="ReadSplit"/>; <paramref name="limit"/> counts the
    /// articles with enough annotators.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its attributions/ subfolder does not exist.</exception>
    public static PolNearAnnotatedSplit ReadAnnotators(string directory, DiagnosticBag diagnostics, int minAnnotators = 2, int? limit = null)
    {
        if (minAnnotators < 1) throw new ArgumentOutOfRangeException(nameof(minAnnotators), "minAnnotators must be >= 1");
        var articles = new List<PolNearAnnotatedArticle>();
        int skipped = Read(directory, diagnostics, limit, minAnnotators, (article, textPath, text, annPaths) =>
        {
            var annotators = annPaths
                .Select(p => new PolNearAnnotator(AnnotatorName(Path.GetFileNameWithoutExtension(p)), p,
                    ParseAnnotations(File.ReadAllText(p), text, p, diagnostics)))
                .ToArray();
            articles.Add(new PolNearAnnotatedArticle(article, textPath, text, annotators));
        });
        return new PolNearAnnotatedSplit(articles, skipped);
    }

    /// <summary>
    /// The articles of a split folder in name order with their .ann files in ordinal file-name order, those with at
    /// least <paramref name="minAnnotators"/> files handed to <paramref name="add"/> with their text; returns how many
    /// were skipped for a missing text (each an Error diagnostic). The caller parses the .ann files it needs (a callback,
    /// not a list of parsed files): <see cref="ReadSplit"/> reads only the first, so the other annotators' files raise no
    /// diagnostics there, as before <see cref="ReadAnnotators"/> existed.
    /// </summary>
    private static int Read(string directory, DiagnosticBag diagnostics, int? limit, int minAnnotators,
        Action<string, string, string, string[]> add)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (limit is < 0) throw new ArgumentOutOfRangeException(nameof(limit), "limit must be >= 0");
        var annDir = Path.Combine(directory, "attributions");
        if (!Directory.Exists(annDir))
            throw new DirectoryNotFoundException($"'{directory}' is not a PolNeAR split: expected a folder '{annDir}' with .ann files.");

        var byArticle = Directory.EnumerateFiles(annDir, "*.ann")
            .Select(p => (Path: p, Article: ArticleName(Path.GetFileNameWithoutExtension(p))))
            .GroupBy(x => x.Article, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Article: g.Key, Anns: g.Select(x => x.Path).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToArray()))
            .Where(a => a.Anns.Length >= minAnnotators);

        int taken = 0, skipped = 0;
        foreach (var (article, annPaths) in byArticle)
        {
            if (limit is { } max && taken >= max) break;
            taken++;
            var textPath = Path.Combine(directory, "text", article + ".txt");
            if (!File.Exists(textPath))
            {
                diagnostics.Error(annPaths[0], $"no article text: expected '{textPath}'; article skipped", field: "text");
                skipped++;
                continue;
            }
            add(article, textPath, File.ReadAllText(textPath), annPaths);
        }
        return skipped;
    }

    /// <summary>"&lt;article&gt;_&lt;annotator&gt;" → "&lt;annotator&gt;" (the whole stem when it has no underscore).</summary>
    internal static string AnnotatorName(string annFileStem)
    {
        int cut = annFileStem.LastIndexOf('_');
        return cut > 0 ? annFileStem[(cut + 1)..] : annFileStem;
    }

    /// <summary>"&lt;article&gt;_&lt;annotator&gt;" → "&lt;article&gt;" (annotator ids contain no underscore).</summary>
    internal static string ArticleName(string annFileStem)
    {
        int cut = annFileStem.LastIndexOf('_');
        return cut > 0 ? annFileStem[..cut] : annFileStem;
    }
}
