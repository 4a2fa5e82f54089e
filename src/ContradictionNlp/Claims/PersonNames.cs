using ContradictionNlp.Tagging;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>
/// Round 29: whether a name can be the "he"/"she" of a claim, or the organisation an "it" stands for, asked of our
/// named-entity recogniser (<c>models/ner</c>, on the POS tags of <c>models/tagger</c>). The resolver takes any capitalised
/// name for a person, so on bbc-news "he"/"she" went to "Microsoft", "Arsenal", "Athens", "Telephone" (322 claims resolved
/// to one-word names; see docs/claims-history.md, "Claims: he and she are people"). The recogniser runs only on the sentences naming such a
/// name, and only when the resolver would take it and nothing in the article (title, role, gender) says it is a person.
/// Thread-safe (the models are read-only); the per-article answers live in the <see cref="ArticleNames"/> that
/// <see cref="For"/> returns.
/// </summary>
public sealed class PersonNames(TaggerModel tagger, NerModel ner)
{
    public TaggerModel Tagger { get; } = tagger ?? throw new ArgumentNullException(nameof(tagger));
    public NerModel Ner { get; } = ner ?? throw new ArgumentNullException(nameof(ner));

    /// <summary>The tagger and recogniser under <paramref name="modelsDirectory"/>, or null when either folder is missing.</summary>
    public static PersonNames? Load(string modelsDirectory)
    {
        var taggerDir = TaggerModel.DefaultDirectory(modelsDirectory);
        var nerDir = NerModel.DefaultDirectory(modelsDirectory);
        if (!Directory.Exists(taggerDir) || !Directory.Exists(nerDir)) return null;
        var tagger = TaggerModel.Load(taggerDir);
        return new PersonNames(tagger, NerModel.Load(nerDir, tagger));
    }

    /// <summary>The recogniser's answers about names for one article (<see cref="ArticleNames"/>). Not thread-safe: one per article.</summary>
    public ArticleNames For(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ArticleNames(this, text);
    }

    /// <summary>
    /// One article's names as the recogniser tags them in the first two sentences naming each (a person is nearly always
    /// tagged so where first named, and the recogniser's work is what this costs: bbc-news tagged 2,536 sentences when
    /// every occurrence was asked, 1,877 now). Answers are kept per name.
    /// </summary>
    public sealed class ArticleNames
    {
        private const int MaxSentences = 2;
        private readonly PersonNames _models;
        private readonly TokenizedText _text;
        private readonly Dictionary<string, (bool Seen, bool Person, bool Organisation)> _answers = new(StringComparer.Ordinal);
        // Per token, its BIO label once its sentence was tagged; sentences are tagged at most once.
        private byte[]? _labels;
        private bool[]? _tagged;

        internal ArticleNames(PersonNames models, TokenizedText text)
        {
            _models = models;
            _text = text;
        }

        /// <summary>
        /// False when the name (its words, one token each) occurs in the article and the recogniser tags no word of it as a
        /// person there; true otherwise (a name not found as written, or one tagged as a person).
        /// </summary>
        public bool MayBePerson(string name) => Answer(name) is var a && (!a.Seen || a.Person);

        /// <summary>True when the recogniser tags a word of the name as an organisation there and none as a person (round 29, "it"/"they").</summary>
        public bool IsOrganisation(string name) => Answer(name) is var a && a.Organisation && !a.Person;

        private (bool Seen, bool Person, bool Organisation) Answer(string name)
        {
            if (_answers.TryGetValue(name, out var known)) return known;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool person = false, organisation = false;
            int seen = 0;
            var tokens = _text.TokenSpan;
            var sentences = _text.Sentences;
            for (int s = 0; s < sentences.Count && !person && seen < MaxSentences; s++)
            {
                var sentence = sentences[s];
                bool here = false;
                for (int t = sentence.FirstToken; t + words.Length <= sentence.EndToken && !person; t++)
                {
                    if (!IsAt(tokens, t, words)) continue;
                    here = true;
                    // Any word of this occurrence ("David O'Leary": David) decides.
                    for (int k = 0; k < words.Length; k++)
                    {
                        var label = LabelOf(s, t + k);
                        if (label == 0) continue;
                        var type = NerLabels.TypeOf(label);
                        if (type == EntityType.Person) person = true;
                        else if (type == EntityType.Organisation) organisation = true;
                    }
                }
                if (here) seen++;
            }
            return _answers[name] = (seen > 0, person, organisation);
        }

        /// <summary>The tokens from <paramref name="t"/> on are the name's words, one token each.</summary>
        private bool IsAt(ReadOnlySpan<Token> tokens, int t, string[] words)
        {
            for (int k = 0; k < words.Length; k++)
                if (!_text.Text.AsSpan(tokens[t + k].Start, tokens[t + k].Length).SequenceEqual(words[k])) return false;
            return true;
        }

        private byte LabelOf(int sentenceIndex, int token)
        {
            _labels ??= new byte[_text.Tokens.Count];
            _tagged ??= new bool[_text.Sentences.Count];
            if (!_tagged[sentenceIndex])
            {
                var s = _text.Sentences[sentenceIndex];
                var tokens = _text.TokenSpan[s.FirstToken..s.EndToken];
                var tags = new UPos[tokens.Length];
                // One hashing of the words for both models: the recogniser reads the tagger's word classes.
                var hashes = new ulong[tokens.Length * WordHashes.Stride];
                WordHashes.Compute(_text.Text, tokens, hashes, _models.Tagger.Clusters);
                _models.Tagger.Tagger.TagHashed(hashes, tokens.Length, tags);
                _models.Ner.Recognizer.LabelHashed(hashes, tags, tokens.Length, _labels.AsSpan(s.FirstToken, s.TokenCount));
                _tagged[sentenceIndex] = true;
            }
            return _labels[token];
        }
    }
}
