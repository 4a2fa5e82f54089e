#!/usr/bin/env python3
"""Prints a store's content tables in key order, one tab-separated line per row, for comparing two stores with diff.

Timestamps (ingested_at, created_at) and pair row ids are left out: they differ between equal runs. The queries match
tests/ContradictionNlp.Tests/Robustness/StoreDump.cs. Used by scripts/kill-test.sh and scripts/check-native.sh.

    scripts/store-dump.py STORE.db > dump.txt
"""
import sqlite3
import sys

QUERIES = [
    "SELECT id, title, date, source, author, origin, text FROM articles ORDER BY id",
    "SELECT id, name, roles FROM speakers ORDER BY id",
    "SELECT speaker_id, alias FROM speaker_aliases ORDER BY speaker_id, alias",
    "SELECT key, kind, speaker_id FROM speaker_keys ORDER BY key, kind, speaker_id",
    "SELECT * FROM claims ORDER BY id",
    "SELECT claim_id, model_id, dimension, hex(vector) FROM embeddings ORDER BY claim_id, model_id",
    "SELECT claim_a, claim_b, similarity, score, entailment, neutral, reasons, model_version, temporal_order, days_apart"
    " FROM pairs ORDER BY claim_a, claim_b",
]

if len(sys.argv) != 2:
    sys.exit("usage: store-dump.py STORE.db")
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for query in QUERIES:
    print("##", query)
    for row in connection.execute(query):
        print("\t".join("NULL" if v is None else repr(v) for v in row))
