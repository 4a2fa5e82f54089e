using System.Text;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;
using ContradictionNlp.Training;
using Xunit.Abstractions;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Generated text straight into the tokenizer, splitter and claim extractor (bypassing the
/// readers, so characters the readers would drop also reach them), and generated files into the
/// NLI TSV and PolNeAR readers.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class TextFuzzTests(ITestOutputHelper output)
{
    private static string AnyText(Random r, int i) => r.Next(4) switch
    {
        0 => FuzzInputs.Text(r, 300, 0.3),
        1 => FuzzInputs.Quotes(r),
        2 => FuzzInputs.Article(r),
        // Raw UTF-16 units, lone surrogates included: what a broken upstream could hand us.
        _ => new string(Enumerable.Range(0, r.Next(400)).Select(_ => (char)r.Next(0x10000)).ToArray()),
    };

    [Fact]
    public void Tokenizer_and_splitter_keep_their_invariants()
    {
        var analyzer = new TextAnalyzer();
        Fuzz.Run("tokenizer+splitter", seed: 11, count: Fuzz.Scale(3000), AnyText, text => Invariants.Tokens(analyzer.Analyze(text)), output);
    }

    [Fact]
    public void Claim_extraction_keeps_spans_in_range_and_content_non_empty()
    {
        int withClaims = 0;
        var analyzer = new TextAnalyzer();
        var extractor = new ContradictionNlp.Claims.ClaimExtractor();
        Fuzz.Run("claims", seed: 12, count: Fuzz.Scale(2000), AnyText, text =>
        {
            var article = Article.Create("t", null, null, null, text, "fuzz");
            var claims = extractor.Extract(article, analyzer.Analyze(text), new DiagnosticBag());
            Invariants.Claims(article, claims);
            if (claims.Count > 0) Interlocked.Increment(ref withClaims);
        }, output);
        output.WriteLine($"inputs with at least one claim: {withClaims}");
        // The generator plants cue sentences: if no input yields a claim, the fuzzer tests nothing.
        Assert.True(withClaims > Fuzz.Scale(2000) / 10, $"only {withClaims} inputs produced claims");
    }

    private static string NliFile(Random r, int i)
    {
        var sb = new StringBuilder();
        sb.Append(r.Next(10) == 0 ? "id\tpremise\thypothesis\tlabel" : string.Join('\t', NliTsvReader.Header)).Append('\n');
        string[] labels = ["contradiction", "entailment", "neutral", "CONTRADICTION", "", "-", "2"];
        int rows = r.Next(20);
        for (int k = 0; k < rows; k++)
        {
            int fields = r.Next(8) == 0 ? r.Next(9) : 5;
            var f = new List<string>();
            for (int j = 0; j < fields; j++)
                f.Add(j == 3 ? labels[r.Next(labels.Length)] : r.Next(6) == 0 ? "" : FuzzInputs.Text(r, 10, 0.2).Replace("\t", " ").Replace("\n", " ").Replace("\r", " "));
            sb.Append(string.Join('\t', f)).Append(r.Next(5) == 0 ? "\r\n" : "\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void Nli_tsv_reader_turns_bad_rows_into_diagnostics()
    {
        Fuzz.Run("nli-tsv", seed: 13, count: Fuzz.Scale(1000), (r, i) =>
        {
            var bytes = Encoding.UTF8.GetBytes(NliFile(r, i));
            return r.Next(3) == 0 ? FuzzInputs.Mutate(r, bytes) : r.Next(10) == 0 ? FuzzInputs.RandomBytes(r) : bytes;
        }, bytes =>
        {
            var diagnostics = new DiagnosticBag();
            var rows = NliTsvReader.Read(new MemoryStream(bytes), new DataSpec("fuzz.tsv", DataSplit.All), diagnostics);
            foreach (var row in rows)
                if (row.Label is < 0 or > 2 || string.IsNullOrWhiteSpace(row.Premise) || string.IsNullOrWhiteSpace(row.Hypothesis) || row.Line < 2)
                    throw new InvalidOperationException($"row at line {row.Line} should have been rejected");
            // Every data line that did not become a row must be blank or have an error naming its
            // line: never silently lost. Lines are counted the way the reader reads them.
            var lines = new List<string>();
            using (var sr = new StringReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadToEnd()))
                while (sr.ReadLine() is { } l) lines.Add(l);
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Any(d => d.Line == 1)) { if (rows.Count != 0 || errors.Count != 1) throw new InvalidOperationException("rows read after a bad header"); return; }
            int blank = lines.Skip(1).Count(l => l.Length == 0);
            if (rows.Count + errors.Count + blank != lines.Count - 1)
                throw new InvalidOperationException($"{lines.Count - 1} data lines but {rows.Count} rows + {errors.Count} errors + {blank} blank");
        }, output, b => $"{b.Length} bytes");
    }

    private static (string Text, string Ann) PolNear(Random r)
    {
        var text = FuzzInputs.Article(r);
        var sb = new StringBuilder();
        string[] types = ["Source", "Cue", "Content", "Attribution", "Discuss", "Bogus", ""];
        int spans = r.Next(12);
        for (int k = 1; k <= spans; k++)
        {
            int s = r.Next(-2, text.Length + 3), e = s + r.Next(-3, 40);
            string offsets = r.Next(15) == 0 ? "99999999999 99999999999" : r.Next(10) == 0 ? $"{s} {e};{e + 1} {e + 5}" : $"{s} {e}";
            string covered = s >= 0 && e <= text.Length && e >= s && r.Next(4) != 0 ? text[s..e] : FuzzInputs.Text(r, 3);
            sb.Append($"T{k}\t{types[r.Next(types.Length)]} {offsets}\t{covered}\n");
        }
        int events = r.Next(6);
        for (int k = 1; k <= events; k++)
        {
            sb.Append($"E{k}\t");
            for (int a = r.Next(5); a > 0; a--)
                sb.Append(new[] { "Source", "Cue", "Content", "Bad" }[r.Next(4)]).Append(":T").Append(r.Next(spans + 3)).Append(' ');
            sb.Append('\n');
        }
        if (r.Next(4) == 0) sb.Append(FuzzInputs.Text(r, 10)).Append('\n');
        if (r.Next(6) == 0) sb.Append("#1\tAnnotatorNotes T1\tnote\nR1\tRel Arg1:T1 Arg2:T2\n");
        return (text, sb.ToString());
    }

    [Fact]
    public void PolNear_annotation_parser_survives_bad_offsets_types_and_references()
    {
        Fuzz.Run("polnear-ann", seed: 14, count: Fuzz.Scale(1500), (r, i) => PolNear(r), input =>
        {
            var diagnostics = new DiagnosticBag();
            var parsed = PolNearReader.ParseAnnotations(input.Ann, input.Text, "fuzz.ann", diagnostics);
            foreach (var f in parsed.SpanFragments)
                if (f.Start < 0 || f.End > input.Text.Length || f.End < f.Start)
                    throw new InvalidOperationException($"fragment {f} outside text of length {input.Text.Length}");
        }, output, x => $"ann {x.Ann.Length} chars");
    }

    [Fact]
    public void PolNear_split_reader_survives_generated_folders()
    {
        using var dir = new Store.TempDir();
        Fuzz.Run("polnear-split", seed: 15, count: Fuzz.Scale(40), (r, i) => (i, Files: Enumerable.Range(0, r.Next(1, 5)).Select(_ => PolNear(r)).ToList(), Missing: r.Next(4) == 0), input =>
        {
            var split = Path.Combine(dir.Path, "s" + input.i);
            Directory.CreateDirectory(Path.Combine(split, "text"));
            Directory.CreateDirectory(Path.Combine(split, "attributions"));
            for (int k = 0; k < input.Files.Count; k++)
            {
                File.WriteAllBytes(Path.Combine(split, "attributions", $"a{k}_ann1.ann"), Encoding.UTF8.GetBytes(input.Files[k].Ann));
                if (!(input.Missing && k == 0)) File.WriteAllBytes(Path.Combine(split, "text", $"a{k}.txt"), Encoding.UTF8.GetBytes(input.Files[k].Text));
            }
            var diagnostics = new DiagnosticBag();
            var result = PolNearReader.ReadSplit(split, diagnostics);
            int expectedSkipped = input.Missing ? 1 : 0;
            if (result.SkippedArticles != expectedSkipped || result.Articles.Count != input.Files.Count - expectedSkipped)
                throw new InvalidOperationException($"expected {input.Files.Count - expectedSkipped} articles and {expectedSkipped} skipped, got {result.Articles.Count} and {result.SkippedArticles}");
        }, output, x => $"folder {x.i}");
    }
}
