#!/usr/bin/env python3
"""Prints a store's content tables in key order, one tab-separated line per row, for comparing two stores with diff.

Timestamps (ingested_at, created_at) and pair row ids are left out: they differ between equal runs. The dump is the
logical content: a store of any schema version (v3-v11) made from the same input dumps the same lines (the "##" header
lines name the query, so compare without them across versions: grep -v '^##'). The queries match
tests/ContradictionNlp.Tests/Robustness/StoreDump.cs. Used by scripts/kill-test.sh and scripts/check-native.sh.

    scripts/store-dump.py STORE.db > dump.txt
"""
import sqlite3
import sys

# PairScorer.Unrelated (src/ContradictionNlp/Pairing/PairScorer.cs): the score and reasons of every gated pair, as
# ClaimStore.ListPairs shows them; the C# dump takes them from that field itself.
UNRELATED_REASONS = ('[{"kind":"unrelated","message":"no content word in common: the claims are about different things",'
                     '"spansA":[],"spansB":[]}]')

QUERIES = [
    "SELECT id, title, date, source, author, origin, text FROM articles ORDER BY id",
    "SELECT id, name, roles FROM speakers ORDER BY id",
    # Schema v9 keys aliases by the speaker's rowid: dumped by speaker id, as before.
    "SELECT s.id, a.alias FROM speaker_aliases a JOIN speakers s ON s.rowid = a.speaker_rowid ORDER BY 1, 2",
    "SELECT key, kind, speaker_id FROM speaker_keys ORDER BY key, kind, speaker_id",
    # The claims' own columns, in the order v2-v10 had them; not speaker_rowid (v11), which restates speaker_id.
    "SELECT id, article_id, sentence_index, sentence_start, sentence_end, mention_start, mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end, cue_text, content_start, content_end, content_text, kind, date, cue_class FROM claims ORDER BY id",
    # Schema v6 keeps vectors in claim_vectors (by claim rowid): dumped as the embeddings rows they stand for (claim id,
    # model, dimension, vector), so a v5 store and a v6 store of the same input dump the same.
    "SELECT c.id, v.model_id, v.dimension, hex(v.vector) FROM claim_vectors v JOIN claims c ON c.rowid = v.claim_rowid"
    " ORDER BY 1, 2",
    # Schema v4 keeps pairs the topic gate stopped in gated_pairs (by claim rowid, without the score they share): they are
    # dumped as the pairs rows they stand for, so a dump is the store's logical content whichever table holds a pair.
    # Schema v6 names the claims of pairs rows by rowid too: dumped by claim id, as before.
    "SELECT pa.id, pb.id, p.similarity, p.score, p.entailment, p.neutral, p.reasons, p.model_version, p.temporal_order,"
    " p.days_apart FROM pairs p JOIN claims pa ON pa.rowid = p.claim_a JOIN claims pb ON pb.rowid = p.claim_b UNION ALL"
    " SELECT ga.id, gb.id, g.similarity, 0.01, 0.01, 0.98, '" + UNRELATED_REASONS + "', g.model_version,"
    " CASE g.temporal_order WHEN 0 THEN 'Unknown' WHEN 1 THEN 'SameDay' WHEN 2 THEN 'AFirst' WHEN 3 THEN 'BFirst' END, g.days_apart"
    " FROM gated_pairs g JOIN claims ga ON ga.rowid = g.claim_a JOIN claims gb ON gb.rowid = g.claim_b"
    " ORDER BY 1, 2",
]

if len(sys.argv) != 2:
    sys.exit("usage: store-dump.py STORE.db")
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
has_gated = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gated_pairs'").fetchone() is not None
has_claim_vectors = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'claim_vectors'").fetchone() is not None
alias_columns = {row[1] for row in connection.execute("PRAGMA table_info(speaker_aliases)")}
for query in QUERIES:
    if "speaker_rowid" in query and "speaker_rowid" not in alias_columns:  # a store from before schema v9
        query = "SELECT speaker_id, alias FROM speaker_aliases ORDER BY 1, 2"
    if not has_claim_vectors and "claim_vectors" in query:  # a store from before schema v6: the embeddings table
        query = "SELECT claim_id, model_id, dimension, hex(vector) FROM embeddings ORDER BY claim_id, model_id"
    if not has_claim_vectors and "JOIN claims pa" in query:  # before schema v6 pairs rows name claims by id
        query = ("SELECT claim_a, claim_b, similarity, score, entailment, neutral, reasons, model_version, temporal_order,"
                 " days_apart FROM pairs" + query[query.index(" UNION ALL"):])
    if not has_gated and "gated_pairs" in query:  # a store from before schema v4: every pair is a pairs row
        query = query[:query.index(" UNION ALL")] + " ORDER BY 1, 2"
    print("##", query)
    for row in connection.execute(query):
        print("\t".join("NULL" if v is None else repr(v) for v in row))
