using System.IO.Compression;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tagging;

/// <summary>One syntactic word of a CoNLL-U sentence (multiword token lines and empty nodes are not words).</summary>
public sealed record TaggedWord(string Form, string Lemma, UPos Upos, string Xpos);

/// <summary>A CoNLL-U sentence: where it starts (file, 1-based line of its first line) and its words.</summary>
public sealed record TaggedSentence(string Origin, int Line, string? SentId, IReadOnlyList<TaggedWord> Words);

/// <summary>A sentence of an IOB2 named-entity file: word forms and their BIO labels (e.g. "B-PER").</summary>
public sealed record NerSentence(string Origin, int Line, string? SentId, IReadOnlyList<string> Forms, IReadOnlyList<string> Labels);

/// <summary>
/// Readers for the two corpus formats: CoNLL-U (UD treebanks) and the CoNLL-U-like IOB2 files of UniversalNER.
/// Files ending in .gz are decompressed. A malformed line makes its whole sentence skipped with an
/// error diagnostic naming file:line and the column; the rest of the file is still read.
/// </summary>
public static class CorpusReader
{
    public static TextReader Open(string path)
    {
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s, System.Text.Encoding.UTF8);
    }

    public static List<TaggedSentence> ReadConllu(string path, DiagnosticBag diagnostics)
    {
        using var r = Open(path);
        return ReadConllu(r, path, diagnostics);
    }

    public static List<TaggedSentence> ReadConllu(TextReader reader, string origin, DiagnosticBag diagnostics)
    {
        var result = new List<TaggedSentence>();
        foreach (var block in Blocks(reader))
        {
            var words = new List<TaggedWord>();
            if (block.Rows.All(row => ConlluWord(row.Cols, row.Line, words)))
                if (words.Count > 0) result.Add(new TaggedSentence(origin, block.StartLine, block.SentId, words.ToArray()));
        }
        return result;

        // False (after one diagnostic) when the line is malformed: the caller skips the whole sentence.
        bool ConlluWord(string[] cols, int lineNo, List<TaggedWord> words)
        {
            if (cols.Length != 10)
            {
                diagnostics.Error(origin, $"expected 10 tab-separated CoNLL-U columns, found {cols.Length}; sentence skipped.", lineNo, "columns");
                return false;
            }
            var id = cols[0];
            // Multiword tokens ("3-4 don't") only give the surface form; their words follow on their own lines.
            // Empty nodes ("8.1") belong to enhanced dependencies and are not surface words.
            if (id.Contains('-') || id.Contains('.')) return true;
            if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != words.Count + 1)
            {
                diagnostics.Error(origin, $"word ID '{id}', expected {words.Count + 1}; sentence skipped.", lineNo, "ID");
                return false;
            }
            if (!UPosNames.TryParse(cols[3], out var upos))
            {
                diagnostics.Error(origin, $"UPOS '{cols[3]}' is not one of the 17 UD tags; sentence skipped.", lineNo, "UPOS");
                return false;
            }
            if (cols[1].Length == 0)
            {
                diagnostics.Error(origin, "empty FORM; sentence skipped.", lineNo, "FORM");
                return false;
            }
            words.Add(new TaggedWord(cols[1], cols[2], upos, cols[4]));
            return true;
        }
    }

    /// <summary>One sentence of a CoNLL-U-style file: its first line (comments included), its sent_id, and its data lines split on tabs.</summary>
    private sealed record Block(int StartLine, string? SentId, List<(int Line, string[] Cols)> Rows);

    /// <summary>Blank lines end a sentence; "#" lines are comments ("# sent_id = ..." is kept).</summary>
    private static IEnumerable<Block> Blocks(TextReader reader)
    {
        int lineNo = 0;
        Block? block = null;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line.AsSpan().IsWhiteSpace())
            {
                if (block is not null) yield return block;
                block = null;
                continue;
            }
            block ??= new Block(lineNo, null, []);
            if (line[0] == '#')
            {
                const string idPrefix = "# sent_id = ";
                if (line.StartsWith(idPrefix, StringComparison.Ordinal)) block = block with { SentId = line[idPrefix.Length..].Trim() };
                continue;
            }
            block.Rows.Add((lineNo, line.Split('\t')));
        }
        if (block is not null) yield return block;
    }

    public static List<NerSentence> ReadIob2(string path, DiagnosticBag diagnostics)
    {
        using var r = Open(path);
        return ReadIob2(r, path, diagnostics);
    }

    /// <summary>Lines are <c>index TAB form TAB label [TAB ...]</c>; labels are O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC.</summary>
    public static List<NerSentence> ReadIob2(TextReader reader, string origin, DiagnosticBag diagnostics)
    {
        var result = new List<NerSentence>();
        foreach (var block in Blocks(reader))
        {
            var bad = block.Rows.FirstOrDefault(row => !ValidIob2(row.Cols, row.Line)).Cols is not null;
            if (!bad && block.Rows.Count > 0)
                result.Add(new NerSentence(origin, block.StartLine, block.SentId,
                    block.Rows.Select(r => r.Cols[1]).ToArray(), block.Rows.Select(r => r.Cols[2]).ToArray()));
        }
        return result;

        // False (after one diagnostic) when the line is malformed: the caller skips the whole sentence.
        bool ValidIob2(string[] cols, int lineNo)
        {
            if (cols.Length < 3)
            {
                diagnostics.Error(origin, $"expected at least 3 tab-separated columns (index, form, label), found {cols.Length}; sentence skipped.", lineNo, "columns");
                return false;
            }
            if (NerLabels.Parse(cols[2]) < 0)
            {
                diagnostics.Error(origin, $"label '{cols[2]}', expected O or B-/I- followed by PER, ORG or LOC; sentence skipped.", lineNo, "label");
                return false;
            }
            return true;
        }
    }
}
