using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Store;

/// <summary>
/// The store's schema as an ordered list of migrations. The version lives in
/// <c>PRAGMA user_version</c>; opening a store applies every migration above it, each in its own
/// transaction, so a store is always at a whole version. To change the schema, append a migration
/// with the next number: never edit one that has shipped, because stores in the field already ran it.
/// </summary>
public static class StoreSchema
{
    /// <summary>Marks a SQLite file as a cnlp store (PRAGMA application_id), so a foreign database is refused, not altered. "CNLP" in ASCII.</summary>
    public const int ApplicationId = 0x434E4C50;

    /// <param name="Then">C# run after <paramref name="Sql"/> in the same transaction: fills what SQL cannot compute (normalised keys).</param>
    public sealed record Migration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Then = null);

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "articles, speakers, claims, embeddings, pairs, reviews", """
            CREATE TABLE articles (
                id          TEXT PRIMARY KEY,          -- content hash (Article.ComputeId)
                title       TEXT NOT NULL,
                date        TEXT,                      -- yyyy-MM-dd
                source      TEXT,
                author      TEXT,
                origin      TEXT NOT NULL,
                text        TEXT NOT NULL,
                ingested_at TEXT NOT NULL              -- ISO 8601 UTC
            );
            CREATE TABLE speakers (
                id    TEXT PRIMARY KEY,
                name  TEXT NOT NULL,
                roles TEXT NOT NULL DEFAULT '[]'       -- JSON array of strings
            );
            CREATE TABLE speaker_aliases (
                speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
                alias      TEXT NOT NULL,
                PRIMARY KEY (speaker_id, alias)
            );
            CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias COLLATE NOCASE);
            CREATE TABLE claims (
                id             TEXT PRIMARY KEY,       -- Claim.MakeId: article id + content span
                article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                sentence_index INTEGER NOT NULL,
                sentence_start INTEGER NOT NULL,
                sentence_end   INTEGER NOT NULL,
                mention_start  INTEGER NOT NULL,
                mention_end    INTEGER NOT NULL,
                mention_text   TEXT NOT NULL,
                mention_kind   TEXT NOT NULL,          -- MentionKind name
                mention_name   TEXT NOT NULL,          -- resolved within the article; '' when unresolved
                mention_roles  TEXT NOT NULL,          -- JSON array of strings
                speaker_id     TEXT REFERENCES speakers(id),  -- across articles; NULL when unresolved
                cue_start      INTEGER NOT NULL,
                cue_end        INTEGER NOT NULL,
                cue_text       TEXT NOT NULL,
                content_start  INTEGER NOT NULL,
                content_end    INTEGER NOT NULL,
                content_text   TEXT NOT NULL,
                kind           TEXT NOT NULL,          -- ClaimKind name
                date           TEXT                    -- yyyy-MM-dd
            );
            CREATE INDEX claims_speaker ON claims(speaker_id);
            CREATE INDEX claims_article ON claims(article_id);
            CREATE TABLE embeddings (
                claim_id  TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                model_id  TEXT NOT NULL,               -- IClaimEmbedder.ModelId: vectors of different models are not comparable
                dimension INTEGER NOT NULL,
                vector    BLOB NOT NULL,               -- dimension x float32, little-endian
                PRIMARY KEY (claim_id, model_id)
            );
            CREATE TABLE pairs (
                id             INTEGER PRIMARY KEY,
                claim_a        TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,  -- the older claim
                claim_b        TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                similarity     REAL NOT NULL,
                score          REAL NOT NULL,          -- P(contradiction)
                entailment     REAL NOT NULL,
                neutral        REAL NOT NULL,
                reasons        TEXT NOT NULL,          -- JSON: [{kind, message, spansA:[[s,e]], spansB:[[s,e]]}]
                model_version  TEXT NOT NULL,
                temporal_order TEXT NOT NULL,          -- TemporalOrder name
                days_apart     INTEGER,
                created_at     TEXT NOT NULL,
                UNIQUE (claim_a, claim_b)
            );
            CREATE INDEX pairs_score ON pairs(score DESC);
            CREATE TABLE reviews (
                id       INTEGER PRIMARY KEY,          -- every verdict is kept: the latest wins, the history stays
                pair_id  INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
                verdict  TEXT NOT NULL,
                reviewer TEXT NOT NULL,
                at       TEXT NOT NULL,
                note     TEXT
            );
            CREATE INDEX reviews_pair ON reviews(pair_id, id);
            """),
        // v2: the extractor tells speech ("said that") from belief and attitude cues ("believes",
        // "criticized"); reviewers and filters need to see which, so it is kept with the claim. Claims
        // stored by v1 were all extracted as speech, hence the default.
        new(2, "claims.cue_class (Speech, Belief, Attitude, Evidence)", """
            ALTER TABLE claims ADD COLUMN cue_class TEXT NOT NULL DEFAULT 'Speech';
            """),
        // v3 (GROWTH2): the speaker index looks a mention's normalised name up here instead of reading every stored
        // name and alias when a run starts (0.3 s and ~20 MB of keys at 79k speakers). Keys are SpeakerIndex.Normalize,
        // which SQL cannot compute: the rows of a store made by v2 are filled by ClaimStore.FillSpeakerKeys in this
        // migration's transaction; from then on ClaimStore.SaveArticle writes them with the speaker and alias rows.
        new(3, "speaker_keys: normalised names, aliases and surnames of the speakers", """
            CREATE TABLE speaker_keys (
                key        TEXT NOT NULL,              -- SpeakerIndex.Normalize(name or alias); kind 2: the name key's last word
                kind       INTEGER NOT NULL,           -- SpeakerKeyKind: 0 name, 1 alias, 2 surname (names of two words or more)
                speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
                PRIMARY KEY (key, kind, speaker_id)    -- a lookup walks one key's speakers in id order, as the index wants them
            ) WITHOUT ROWID;
            -- A renamed speaker's name and surname rows are replaced (ClaimStore.WriteNameKeys, the same WHERE): partial, so
            -- alias rows, most of the table and never deleted, cost no second index entry.
            CREATE INDEX speaker_keys_name_of ON speaker_keys(speaker_id) WHERE kind IN (0, 2);
            """, (connection, tx) => ClaimStore.FillSpeakerKeys(connection, tx)),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
