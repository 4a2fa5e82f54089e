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
            CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias COLLATE NOCASE);  -- dropped in v8
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
            -- alias rows, most of the table and never deleted, cost no second index entry. (Dropped in v8: see there.)
            CREATE INDEX speaker_keys_name_of ON speaker_keys(speaker_id) WHERE kind IN (0, 2);
            """, (connection, tx) => ClaimStore.FillSpeakerKeys(connection, tx)),
        // v4 (STORE9): ~95% of the pairs a run scores are stopped by the topic gate (PairScorer.Unrelated: the same
        // score, entailment, neutral and one "unrelated" reason for all of them). As full pairs rows each carried two
        // 64-char claim keys in the UNIQUE(claim_a, claim_b) index (inserts all over it), the reasons JSON, a timestamp
        // and a pairs_score entry: the largest part of the store's time, and the part that grew with the store. Here
        // such a pair keeps only what differs between gated pairs. Its id comes from the same sequence as pairs.id
        // (ClaimStore.NextPairId), so ids stay what they were; keyed by that id, a run's inserts append at the end of
        // the table. claim_a/claim_b are the claims' rowids (claims are never deleted, so a rowid names one claim for
        // good). Its created_at is not kept: a pair is written with the article of its claim stored last (the
        // larger rowid), in the same transaction and with the same timestamp, so it is that article's ingested_at. Uniqueness of (claim_a,
        // claim_b) needs no index: a pair is written only with the article of its claim stored last, once (SaveArticle
        // skips stored articles). Readers see gated pairs as full pairs (ClaimStore.ListPairs, Rescore, reviews);
        // rows that v3 stored in pairs stay there and read the same.
        new(4, "gated_pairs: pairs the topic gate stopped, without the fields they all share", """
            CREATE TABLE gated_pairs (
                id             INTEGER PRIMARY KEY,    -- the pair id, from the same sequence as pairs.id
                claim_a        INTEGER NOT NULL,       -- claims.rowid of claim A (the older claim, as in pairs)
                claim_b        INTEGER NOT NULL,       -- claims.rowid of claim B
                similarity     REAL NOT NULL,
                model_version  TEXT NOT NULL,
                temporal_order INTEGER NOT NULL,       -- ClaimStore.TemporalCodes: 0 Unknown, 1 SameDay, 2 AFirst, 3 BFirst
                days_apart     INTEGER
            );
            """),
        // v5 (SPEAK10): an alias key is a name a mention was resolved by (what SpeakerIndex.Resolve keys in a run), no
        // longer every alias: keyed, an alias from a mention's text ("Williams" for "Dr Williams" in one article) made a
        // run continuing a store resolve a bare surname to that speaker, where one uninterrupted run kept it apart. The
        // alias keys are recomputed from the claims (ClaimStore.FillAliasKeys), so a store written before continues as
        // one run would.
        new(5, "speaker_keys: alias keys are the names mentions were resolved by", """
            DELETE FROM speaker_keys WHERE kind = 1;
            """, (connection, tx) => ClaimStore.FillAliasKeys(connection, tx)),
        // v6 (STORE11): a run pools every stored vector of each speaker its new claims name. In embeddings (keyed by the
        // 64-char claim id) a pool row cost 2-3 random page reads (claims_speaker entry -> claim row for its id -> the
        // embeddings key entry -> the embedding row): at 50k articles ~6,800 of the ~10,900 pages 100 new articles read.
        // Here a vector is keyed by its claim's rowid: a pool walks claims_speaker (which holds each claim's rowid) and reads
        // each vector directly (one page per row, the claim row not at all), and a run's vectors are appended at the end of
        // the table (claims get increasing rowids), where the claim-id key inserted them all over its index. A table
        // clustered by speaker (speaker, model, rowid) was measured too: a pool was then one range scan (~1,100 pages
        // instead of ~2,400), but every commit group rewrote a leaf per speaker it touched (BBC run +18 % WAL writes).
        // claim_rowid names the claim for good (claims are never deleted). The copy walks claims in rowid order, so it
        // appends and needs no sort (memory stays a page cache).
        //
        // Full pairs (the ones the topic gate let through: at 50k renamed copies 88% of a run's 2,733 pairs) named their
        // claims by the 64-char id, so each insert looked claim A (an old claim, anywhere in the store) up in the claims'
        // id index for its foreign key (1,154 of the run's page reads), and went into UNIQUE(claim_a, claim_b) at random.
        // Here they name claims by rowid, as gated_pairs does (v4): the writer knows the rowids (this article's inserts;
        // LoadClaim for stored claims), and readers join claims by rowid. Like gated_pairs, no foreign key or unique
        // index: claims are never deleted, and a pair is written once, with the article of its claim stored last
        // (StoreDump.Problems and kill-test.sh check it). Ids, scores, reasons and created_at are copied as they are;
        // reviews keep referencing pairs(id). The table is rebuilt SQLite's documented way (new table, copy, drop,
        // rename) with foreign keys off (ClaimStore.Migrate), so dropping the old table does not cascade to reviews.
        new(6, "claim_vectors: claim vectors keyed by claim rowid (replaces embeddings); pairs name claims by rowid", """
            CREATE TABLE claim_vectors (
                claim_rowid INTEGER NOT NULL,          -- claims.rowid
                model_id    TEXT NOT NULL,             -- IClaimEmbedder.ModelId: vectors of different models are not comparable
                dimension   INTEGER NOT NULL,
                vector      BLOB NOT NULL,             -- dimension x float32, little-endian
                PRIMARY KEY (claim_rowid, model_id)
            ) WITHOUT ROWID;
            INSERT INTO claim_vectors (claim_rowid, model_id, dimension, vector)
                SELECT c.rowid, e.model_id, e.dimension, e.vector
                FROM claims c CROSS JOIN embeddings e ON e.claim_id = c.id ORDER BY c.rowid, e.model_id;
            DROP TABLE embeddings;
            CREATE TABLE pairs_v6 (
                id             INTEGER PRIMARY KEY,
                claim_a        INTEGER NOT NULL,       -- claims.rowid of the older claim
                claim_b        INTEGER NOT NULL,       -- claims.rowid of the newer claim
                similarity     REAL NOT NULL,
                score          REAL NOT NULL,          -- P(contradiction)
                entailment     REAL NOT NULL,
                neutral        REAL NOT NULL,
                reasons        TEXT NOT NULL,          -- JSON: [{kind, message, spansA:[[s,e]], spansB:[[s,e]]}]
                model_version  TEXT NOT NULL,
                temporal_order TEXT NOT NULL,          -- TemporalOrder name
                days_apart     INTEGER,
                created_at     TEXT NOT NULL
            );
            DROP INDEX pairs_score;                    -- (index names are per database: the new table's takes it over)
            CREATE INDEX pairs_score ON pairs_v6(score DESC);
            INSERT INTO pairs_v6 (id, claim_a, claim_b, similarity, score, entailment, neutral, reasons, model_version,
                    temporal_order, days_apart, created_at)
                SELECT p.id, ca.rowid, cb.rowid, p.similarity, p.score, p.entailment, p.neutral, p.reasons, p.model_version,
                    p.temporal_order, p.days_apart, p.created_at
                FROM pairs p JOIN claims ca ON ca.id = p.claim_a JOIN claims cb ON cb.id = p.claim_b ORDER BY p.id;
            """, ClaimStore.FinishPairsRebuild),
        // v7 (round 22): claims_article (claims by article id) is read by no query: every join between claims and
        // articles starts from the claim and looks the article up by its primary key, and no article is ever deleted or
        // replaced, so the foreign key's ON DELETE CASCADE never needs to find an article's claims. Its entries, keyed by
        // a random content hash, were inserted all over the index: each commit group rewrote pages across it (STORE14:
        // ~17,300 inserts and ~2,000 WAL frames per BBC run; 198 of a 50k-store batch's page writes). Were articles ever
        // deleted, the cascade would scan claims: add the index back in the migration that brings deletion.
        new(7, "drop claims_article (an index no query reads)", """
            DROP INDEX IF EXISTS claims_article;
            """),
        // v8 (round 31): two more indexes whose inserts cost every run more than their few readers gain. Adding 100 new
        // articles to a 50k-article store changed 2,168 pages, and 5 of the 6 B-trees changing most were text-keyed indexes
        // of the speaker tables (each new speaker or alias lands on its own page). Of those, two serve no lookup a run makes:
        // - speaker_aliases_alias (303 of the pages): only `cnlp claims --speaker NAME` read it (ListClaims: speakers whose
        //   alias is NAME). Without it that query scans speaker_aliases: ~10 ms at 50k articles (150k aliases), once per command.
        // - speaker_keys_name_of (209): only the DELETE of a renamed speaker's old name keys read it. That DELETE now names the
        //   rows by their primary key, the keys of the old name (ClaimStore.WriteNameKeys). So that those are exactly the rows
        //   stored, every speaker's name and surname keys are recomputed from its current name here (a store written by an
        //   older SpeakerIndex.NameKeys, e.g. before round 27's surname rules, may hold others).
        new(8, "drop speaker_aliases_alias and speaker_keys_name_of; name keys recomputed from the speakers' names", """
            DROP INDEX IF EXISTS speaker_aliases_alias;
            DROP INDEX IF EXISTS speaker_keys_name_of;
            DELETE FROM speaker_keys WHERE kind IN (0, 2);
            """, (connection, tx) => ClaimStore.FillNameKeys(connection, tx)),
        // v9 (round 32): two more B-trees that a run filled at random, traded for ones it appends to. Adding 100 new articles
        // to a 50k-article store changed 1,656 pages, 510 of them in these two:
        // - sqlite_autoindex_claims_1 (260 pages), the index behind claims.id's PRIMARY KEY: a claim id begins with its
        //   article's content hash, so each new article's claims landed on a leaf of their own. Nothing a run or a command
        //   does reads claims by id any more (pairs and vectors name claims by rowid since v6); the one lookup left, a pair
        //   naming a stored claim that was not loaded by rowid, finds it through its article (ClaimStore.ClaimRowIdById).
        //   Ids stay unique as they always were made: an article is stored once, and SaveArticle refuses a batch naming one
        //   claim twice. The table is rebuilt without the constraint (SQLite cannot drop it), rowids kept (vectors and pairs
        //   hold them). claims_speaker is made before the copy, so it fills as a store's inserts fill it (a sorted build
        //   packs every leaf full, and the first runs after the migration would then split a leaf with nearly every insert).
        // - sqlite_autoindex_speaker_aliases_1 (250): keyed (speaker id, alias), a new speaker's aliases (392 of the batch's
        //   405) landed wherever its id sorts. Keyed by the speaker's rowid, they append: speakers get increasing rowids and
        //   are never deleted, so a rowid names one speaker for good (as claims' do since v6).
        new(9, "claims without the index of their ids; speaker_aliases keyed by speaker rowid", """
            CREATE TABLE claims_v9 (
                id             TEXT NOT NULL,          -- Claim.MakeId: article id + content span (unique by construction)
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
                date           TEXT,                   -- yyyy-MM-dd
                cue_class      TEXT NOT NULL DEFAULT 'Speech'  -- CueClass name (v2)
            );
            DROP INDEX claims_speaker;                 -- (index names are per database: the new table's takes it over)
            CREATE INDEX claims_speaker ON claims_v9(speaker_id);
            INSERT INTO claims_v9 (rowid, id, article_id, sentence_index, sentence_start, sentence_end, mention_start,
                    mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end,
                    cue_text, content_start, content_end, content_text, kind, date, cue_class)
                SELECT rowid, id, article_id, sentence_index, sentence_start, sentence_end, mention_start,
                    mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end,
                    cue_text, content_start, content_end, content_text, kind, date, cue_class
                FROM claims ORDER BY rowid;
            CREATE TABLE speaker_aliases_v9 (
                speaker_rowid INTEGER NOT NULL,        -- speakers.rowid
                alias         TEXT NOT NULL,
                PRIMARY KEY (speaker_rowid, alias)
            ) WITHOUT ROWID;
            INSERT INTO speaker_aliases_v9 (speaker_rowid, alias)
                SELECT s.rowid, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id ORDER BY 1, 2;
            """, ClaimStore.FinishClaimsRebuild),
        // v10 (round 33, GROWTH9): claim_vectors as a rowid table keyed by the claim's rowid. As v6's WITHOUT ROWID table,
        // keyed (claim rowid, model), it was an index B-tree, which keeps whole records in its interior pages too; SQLite's
        // guidance for WITHOUT ROWID is rows under ~1/20 of a page, and a 100-dimension vector row is ~440 bytes of 4,096.
        // At 50k stored articles the table had 6 levels and 6,441 interior pages (12 % of its pages), so a speaker's pool
        // read ~1.9 pages per vector (dbstat; 924 pages for one speaker's 490 vectors). Keyed by an INTEGER PRIMARY KEY its
        // interior pages hold only integer keys: 3 levels, about one leaf page per vector, and rows still append (claims'
        // rowids only grow). One vector per claim: SaveArticle writes one, of the batch's model, and never another, so the
        // model id becomes a column. A store holding two for one claim (none this code wrote) is refused, not trimmed.
        new(10, "claim_vectors keyed by claim rowid in a rowid table (one vector per claim)", """
            CREATE TABLE claim_vectors_v10 (
                claim_rowid INTEGER PRIMARY KEY,       -- claims.rowid
                model_id    TEXT NOT NULL,             -- IClaimEmbedder.ModelId: vectors of different models are not comparable
                dimension   INTEGER NOT NULL,
                vector      BLOB NOT NULL              -- dimension x float32, little-endian
            );
            INSERT OR IGNORE INTO claim_vectors_v10 (claim_rowid, model_id, dimension, vector)
                SELECT claim_rowid, model_id, dimension, vector FROM claim_vectors ORDER BY claim_rowid, model_id;
            """, ClaimStore.FinishVectorsRebuild),
        // v11 (round 40): claims_speaker, keyed by the speaker's text id, was the B-tree a run scattered most after the speaker
        // tables: adding 100 new articles to a 50k-article store changed 222 of its pages and read 240 (each new speaker's id
        // sorts anywhere, and 220 of the batch's 244 speakers are new). claims.speaker_rowid is the speaker's rowid (speakers
        // get increasing rowids and are never deleted, so a rowid names one speaker for good, as speaker_aliases has used it
        // since v9): a new speaker's claims append to its index, and only the claims of speakers already stored land inside it.
        // speaker_id stays (every reader joins speakers by it) and names the same speaker; readers that select a speaker's
        // claims now do so by the rowid. The index is made before the column is filled, so it fills as a store's inserts fill
        // it (see v9 on why a sorted build is not wanted).
        new(11, "claims.speaker_rowid, indexed instead of speaker_id", """
            ALTER TABLE claims ADD COLUMN speaker_rowid INTEGER;  -- speakers.rowid of speaker_id; NULL when unresolved
            DROP INDEX claims_speaker;
            CREATE INDEX claims_speaker_rowid ON claims(speaker_rowid);
            UPDATE claims SET speaker_rowid = (SELECT s.rowid FROM speakers s WHERE s.id = claims.speaker_id)
                WHERE speaker_id IS NOT NULL;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
