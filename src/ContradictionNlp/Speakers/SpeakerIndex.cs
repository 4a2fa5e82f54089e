using System.Globalization;
using System.Text;
using ContradictionNlp.Claims;

namespace ContradictionNlp.Speakers;

/// <summary>
/// Merges speaker mentions into speakers across articles. Loaded with every speaker already stored;
/// <see cref="Resolve"/> returns the existing speaker a mention belongs to (with the new alias and
/// roles added) or a new one. Not thread-safe: the pipeline resolves in order.
/// </summary>
/// <remarks>
/// Matching is on the normalised name (case, diacritics, periods and extra spaces ignored):
/// the same full name is the same speaker; a surname alone matches the one known full name with
/// that surname (when two known people share it, the surname-only speaker is kept apart rather
/// than guessed); a full name whose surname was so far only known alone upgrades that speaker's
/// <see cref="Speaker.Name"/> and keeps its <see cref="Speaker.Id"/>. Ids are slugs of the
/// normalised name ("alexander-lukashenko"), with "-2", "-3" appended on a clash, so the same
/// sequence of mentions always yields the same ids.
/// </remarks>
public sealed class SpeakerIndex
{
    private sealed class Entry(string id, string name)
    {
        public string Id { get; } = id;
        public string Name { get; set; } = name;
        public List<string> Aliases { get; } = [];
        public List<string> Roles { get; } = [];
        public Speaker Snapshot() => new(Id, Name, Aliases.ToArray(), Roles.ToArray());
    }

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public SpeakerIndex(IEnumerable<Speaker> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var s in known)
        {
            if (!_ids.Add(s.Id)) throw new ArgumentException($"Duplicate speaker id '{s.Id}' in the known speakers.", nameof(known));
            var e = new Entry(s.Id, s.Name);
            foreach (var a in s.Aliases) AddUnique(e.Aliases, a);
            foreach (var r in s.Roles) AddUnique(e.Roles, r);
            _entries.Add(e);
            _byKey.TryAdd(Normalize(s.Name), e);
        }
    }

    /// <summary>Null when the mention is unresolved (a pronoun with no antecedent).</summary>
    public Speaker? Resolve(SpeakerMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (!mention.IsResolved) return null;
        var key = Normalize(mention.Name);
        if (key.Length == 0) return null;

        var entry = Find(key);
        if (entry is null)
        {
            entry = new Entry(NewId(key), mention.Name.Trim());
            _entries.Add(entry);
        }
        else if (WordCount(key) > WordCount(Normalize(entry.Name)))
        {
            entry.Name = mention.Name.Trim();                   // a fuller name upgrades a surname-only speaker
        }
        _byKey.TryAdd(key, entry);

        AddUnique(entry.Aliases, mention.Name.Trim());
        if (mention.Kind == MentionKind.Name) AddUnique(entry.Aliases, mention.Text.Trim());
        foreach (var role in mention.Roles) AddUnique(entry.Roles, role);
        return entry.Snapshot();
    }

    public IReadOnlyList<Speaker> All => _entries.Select(e => e.Snapshot()).ToArray();

    private Entry? Find(string key)
    {
        if (_byKey.TryGetValue(key, out var exact)) return exact;
        var words = key.Split(' ');
        var surname = words[^1];
        if (words.Length == 1)
        {
            // Surname alone: the one known full name ending with it.
            Entry? only = null;
            foreach (var e in _entries)
            {
                var n = Normalize(e.Name).Split(' ');
                if (n.Length > 1 && n[^1] == surname)
                {
                    if (only is not null && only != e) return null;
                    only = e;
                }
            }
            return only;
        }
        // Full name: upgrade a speaker so far known by the surname alone, unless another full name
        // with that surname exists (then the bare surname is ambiguous and stays separate).
        if (_byKey.TryGetValue(surname, out var bare) && WordCount(Normalize(bare.Name)) == 1)
        {
            foreach (var e in _entries)
            {
                var n = Normalize(e.Name).Split(' ');
                if (e != bare && n.Length > 1 && n[^1] == surname) return null;
            }
            return bare;
        }
        return null;
    }

    private string NewId(string key)
    {
        var slug = Slug(key);
        var id = slug;
        for (int n = 2; !_ids.Add(id); n++) id = $"{slug}-{n}";
        return id;
    }

    private static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;

    private static void AddUnique(List<string> list, string value)
    {
        if (value.Length == 0) return;
        foreach (var v in list) if (string.Equals(Normalize(v), Normalize(value), StringComparison.Ordinal) && string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) return;
        list.Add(value);
    }

    /// <summary>Lower case, diacritics removed, periods and possessive endings dropped, whitespace collapsed: "Lukašenka’s" -> "lukasenka".</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch) || ch is '-' or '_') { space = sb.Length > 0; continue; }
            if (ch is '.' or ',') continue;
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(ch));
        }
        var s = sb.ToString();
        if (s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("\u2019s", StringComparison.Ordinal)) s = s[..^2];
        return s.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
    }

    /// <summary>"alexander lukashenko" -> "alexander-lukashenko": letters and digits only, words joined by '-'.</summary>
    private static string Slug(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var ch in key)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "speaker" : slug;
    }
}
