using ContradictionNlp.Tagging;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

/// <summary>
/// Round 29: whether a lone capitalised word can be the "he"/"she" of a claim, asked of our named-entity recogniser
/// (<c>models/ner</c>, on the POS tags of <c>models/tagger</c>). The resolver takes any one-word name for a person, so on
/// bbc-news "he"/"she" went to "Microsoft", "Arsenal", "Athens", "Telephone" (322 claims resolved to one-word names; see
/// README "Claims: he and she are people"). The recogniser runs only on the sentences holding such a word, and only when
/// the resolver meets one as a pronoun's candidate with no full name, title or role in the article to say it is a person.
/// Thread-safe (the models are read-only); the per-article answers live in the function <see cref="For"/> returns.
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

    /// <summary>
    /// For one article: false when the name (its words, one token each) occurs in it and the recogniser tags no word of its
    /// occurrences in the first two sentences naming it as a person; true otherwise (a name it never finds so, or one it
    /// tags as a person there). Answers are kept per name. Not thread-safe: one per article.
    /// </summary>
    public Func<string, bool> For(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Article(this, text).MayBePerson;
    }

    private sealed class Article(PersonNames models, TokenizedText text)
    {
        private const int MaxSentences = 2;
        private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);
        // Per token, its BIO label once its sentence was tagged; sentences are tagged at most once.
        private byte[]? _labels;
        private bool[]? _tagged;

        public bool MayBePerson(string name)
        {
            if (_answers.TryGetValue(name, out var known)) return known;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool person = false;
            int seen = 0;
            var tokens = text.TokenSpan;
            var sentences = text.Sentences;
            // The first two sentences naming it decide: a person is nearly always tagged so where first named, and the
            // recogniser's work is what this feature costs (bbc-news: 2,536 sentences tagged with every occurrence asked).
            for (int s = 0; s < sentences.Count && !person && seen < MaxSentences; s++)
            {
                var sentence = sentences[s];
                bool here = false;
                for (int t = sentence.FirstToken; t + words.Length <= sentence.EndToken && !person; t++)
                {
                    if (!IsAt(tokens, t, words)) continue;
                    here = true;
                    // A person when the recogniser tags any word of this occurrence as one ("David O'Leary": David).
                    for (int k = 0; k < words.Length && !person; k++)
                        person = LabelOf(s, t + k) is var label && label > 0 && NerLabels.TypeOf(label) == EntityType.Person;
                }
                if (here) seen++;
            }
            return _answers[name] = person || seen == 0;
        }

        /// <summary>The tokens from <paramref name="t"/> on are the name's words, one token each.</summary>
        private bool IsAt(ReadOnlySpan<Token> tokens, int t, string[] words)
        {
            for (int k = 0; k < words.Length; k++)
                if (!text.Text.AsSpan(tokens[t + k].Start, tokens[t + k].Length).SequenceEqual(words[k])) return false;
            return true;
        }

        private byte LabelOf(int sentenceIndex, int token)
        {
            _labels ??= new byte[text.Tokens.Count];
            _tagged ??= new bool[text.Sentences.Count];
            if (!_tagged[sentenceIndex])
            {
                var s = text.Sentences[sentenceIndex];
                var tokens = text.TokenSpan[s.FirstToken..s.EndToken];
                var tags = new UPos[tokens.Length];
                // One hashing of the words for both models: the recogniser reads the tagger's word classes.
                var hashes = new ulong[tokens.Length * WordHashes.Stride];
                WordHashes.Compute(text.Text, tokens, hashes, models.Tagger.Clusters);
                models.Tagger.Tagger.TagHashed(hashes, tokens.Length, tags);
                models.Ner.Recognizer.LabelHashed(hashes, tags, tokens.Length, _labels.AsSpan(s.FirstToken, s.TokenCount));
                _tagged[sentenceIndex] = true;
            }
            return _labels[token];
        }
    }
}
