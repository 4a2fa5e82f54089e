#!/usr/bin/env bash
# Kill and concurrency test of `cnlp analyze` (see README, Robustness). Run from anywhere; CI runs it.
#   1. builds the CLI once and takes a corpus: the first $ARTICLES BBC articles from
#      ../shared/data/bbc-news, or (when ../shared is absent) that many generated articles;
#   2. a clean run into clean.db;
#   3. $KILLS runs into killed.db, each killed with SIGKILL after a seeded random delay, then one
#      run to completion: killed.db must equal clean.db (content tables, timestamps ignored),
#      with no orphans or duplicates and an intact database. Only kills that leave some article unstored count; a run
#      that stores every article before its kill lands (fast machines) is checked the same way and the kills go on
#      into a fresh store;
#   4. two runs at once on one store (disjoint halves, then overlapping thirds): the store must
#      equal the same two runs one after the other (in either order).
# Environment: KILLS (default 20), SEED (default 42), ARTICLES (default 300), KEEP=1 keeps the temp folder,
# THREADS (default 1; 2 or more: the store is written by the pipeline's writer thread).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
KILLS=${KILLS:-20}
SEED=${SEED:-42}
ARTICLES=${ARTICLES:-300}
THREADS=${THREADS:-1}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cnlp-kill.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/ContradictionNlp.Cli -c Release -v q --nologo >/dev/null
CNLP=(dotnet "$REPO/src/ContradictionNlp.Cli/bin/Release/net10.0/cnlp.dll")
analyze() { "${CNLP[@]}" analyze "$@" --models "$REPO/models" --threads "$THREADS" --json >/dev/null 2>>"$WORK/stderr.log"; }
# analyze exits 3 when some input was skipped (e.g. an article with a data problem): still complete.
analyze_ok() { local rc=0; analyze "$@" || rc=$?; [ "$rc" = 0 ] || [ "$rc" = 3 ] || { echo "analyze failed with exit code $rc"; tail -5 "$WORK/stderr.log"; exit 1; }; }
now_ms() { date +%s%3N; }

# ---- corpus -----------------------------------------------------------------------------
mkdir -p "$WORK/corpus"
BBC=../shared/data/bbc-news
if [ -d "$BBC" ]; then
  find "$BBC" -name '*.txt' | LC_ALL=C sort | sed -n "1,${ARTICLES}p" | while read -r f; do
    cp "$f" "$WORK/corpus/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  echo "corpus: $ARTICLES BBC articles from $BBC"
else
  # Made-up articles: five speakers saying and unsaying things, so pairs exist.
  awk -v n="$ARTICLES" -v seed="$SEED" -v out="$WORK/corpus" 'BEGIN {
    srand(seed); split("Ann Lee|Bob Hart|Cy Dee|Dana Fox|Eli Gray", who, "|");
    split("taxes will rise|the bridge is safe|the plan was approved|prices are falling|the report is accurate", what, "|");
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/gen-%03d.txt", out, i);
      printf "Generated story %d\ndate 2024-%02d-%02d\n\n", i, 1 + i % 12, 1 + i % 28 > f;
      for (s = 0; s < 6; s++) printf "%s said %s%s in case %d. ", who[1 + int(rand() * 5)], (rand() < 0.5 ? "not " : ""), what[1 + int(rand() * 5)], i > f;
      printf "\n" > f; close(f);
    }}'
  sed -i 's/said not \(.*\) will/said \1 will not/' "$WORK"/corpus/*.txt 2>/dev/null || true
  echo "corpus: $ARTICLES generated articles (../shared absent)"
fi

dump() { python3 "$REPO/scripts/store-dump.py" "$1"; } # content tables in key order, no timestamps or pair row ids
check() { # integrity, WAL, no orphans or duplicates; prints counts
  python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
bad = []
if c.execute("PRAGMA integrity_check").fetchone()[0] != "ok": bad.append("integrity_check failed")
if c.execute("PRAGMA journal_mode").fetchone()[0] != "wal": bad.append("not in WAL mode")
bad += [r[0] + " " + str(r[1]) for r in c.execute("PRAGMA foreign_key_check")]
# Every pair by claim ids, whichever table holds it.
# Schema v6: pairs rows name their claims by rowid, as gated_pairs rows do.
ALL = ("(SELECT p.id, pa.id AS claim_a, pb.id AS claim_b FROM pairs p JOIN claims pa ON pa.rowid = p.claim_a"
       " JOIN claims pb ON pb.rowid = p.claim_b UNION ALL SELECT g.id, ga.id, gb.id FROM gated_pairs g"
       " JOIN claims ga ON ga.rowid = g.claim_a JOIN claims gb ON gb.rowid = g.claim_b)")
for what, q in [("claim without article", "SELECT id FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"),
                # Schema v6: vectors are in claim_vectors, keyed by the claim's rowid.
                ("vector without claim", "SELECT v.claim_rowid FROM claim_vectors v WHERE v.claim_rowid NOT IN (SELECT rowid FROM claims)"),
                ("claim without vector", "SELECT id FROM claims WHERE rowid NOT IN (SELECT claim_rowid FROM claim_vectors)"),
                ("pair without claim", "SELECT id FROM pairs WHERE claim_a NOT IN (SELECT rowid FROM claims) OR claim_b NOT IN (SELECT rowid FROM claims)"),
                # Schema v4: pairs the topic gate stopped are in gated_pairs, naming their claims by rowid.
                ("gated pair without claim", "SELECT id FROM gated_pairs WHERE claim_a NOT IN (SELECT rowid FROM claims) OR claim_b NOT IN (SELECT rowid FROM claims)"),
                ("pair stored twice", f"SELECT min(claim_a, claim_b) FROM {ALL} GROUP BY min(claim_a, claim_b), max(claim_a, claim_b) HAVING count(*) > 1"),
                ("pair id used twice", f"SELECT id FROM {ALL} GROUP BY id HAVING count(*) > 1")]:
    bad += [f"{what}: {r[0]}" for r in c.execute(q)]
if bad: print("PROBLEMS:", *bad[:20], sep="\n  "); sys.exit(1)
counts = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ["articles", "claims", "speakers", "pairs", "gated_pairs"]}
print(f"articles={counts['articles']} claims={counts['claims']} speakers={counts['speakers']} "
      f"pairs={counts['pairs'] + counts['gated_pairs']} (gated {counts['gated_pairs']})")
PY
}
same() { # $1 $2 stores, $3 label
  dump "$1" >"$1.dump"; dump "$2" >"$2.dump"
  if cmp -s "$1.dump" "$2.dump"; then echo "$3: identical ($(wc -l <"$1.dump") dump lines)"; else echo "$3: MISMATCH"; diff "$1.dump" "$2.dump" | head -20; exit 1; fi
}

# ---- clean run --------------------------------------------------------------------------
t0=$(now_ms); analyze_ok "$WORK/corpus" --db "$WORK/clean.db"; t1=$(now_ms)
analyze_ok "$WORK/corpus" --db "$WORK/clean.db"; t2=$(now_ms)
full=$((t1 - t0)); idle=$((t2 - t1))
echo "clean run: ${full} ms; re-run with nothing new: ${idle} ms; $(check "$WORK/clean.db")"

# ---- kills ------------------------------------------------------------------------------
# Each run is killed at a seeded random moment of its writing phase: once the store has gained
# an article (so the models are loaded and transactions are going on; machine speed does not
# matter), after a further random 0..span ms, span = the clean writing time over 2 x $KILLS,
# so part of the corpus is still unstored after $KILLS kills.
span=$(( (full - idle) / (2 * KILLS) > 20 ? (full - idle) / (2 * KILLS) : 20 ))
mapfile -t rs < <(awk -v s="$SEED" -v n="$((KILLS * 3))" 'BEGIN { srand(s); for (i = 0; i < n; i++) printf "%.4f\n", rand() }')
if command -v sqlite3 >/dev/null; then count() { [ -f "$1" ] && sqlite3 "file:$1?mode=ro" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0; }
else count() { [ -f "$1" ] && python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM articles').fetchone()[0])" "$1" 2>/dev/null || echo 0; }; fi
total=$(count "$WORK/clean.db")
# A kill counts when it interrupted the writing: some article is still unstored afterwards. When a run stored every
# article before its kill landed (a fast run: the last commit groups can come and go between two polls), that store is
# complete: it is resumed (a no-op) and compared with the clean one, and the kills go on into a fresh store.
killed=0; finished=0; attempt=0; stored=0; rounds=1
while [ "$killed" -lt "$KILLS" ] && [ "$attempt" -lt $((KILLS * 3)) ]; do
  delay=$(awk -v span="$span" -v r="${rs[$attempt]}" 'BEGIN { printf "%d", r * span }')
  attempt=$((attempt + 1))
  "${CNLP[@]}" analyze "$WORK/corpus" --db "$WORK/killed.db" --models "$REPO/models" --threads "$THREADS" --json >/dev/null 2>>"$WORK/stderr.log" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(count "$WORK/killed.db")" -le "$stored" ]; do sleep 0.02; done
  sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
  if kill -KILL "$pid" 2>/dev/null; then hit=1; else hit=0; fi
  wait "$pid" 2>/dev/null || true
  before=$stored; stored=$(count "$WORK/killed.db")
  if [ "$hit" = 1 ] && [ "$stored" -lt "$total" ]; then
    killed=$((killed + 1))
    echo "  kill $killed: SIGKILL ${delay} ms after the run's first new article; articles stored: $before -> $stored"
    continue
  fi
  finished=$((finished + 1))
  echo "  attempt $attempt: every article was stored before the kill ($before -> $stored); checking this store, then a fresh one"
  analyze_ok "$WORK/corpus" --db "$WORK/killed.db"
  same "$WORK/clean.db" "$WORK/killed.db" "killed+resumed vs clean (store $rounds)"
  rm -f "$WORK"/killed.db*; stored=0; rounds=$((rounds + 1))
done
analyze_ok "$WORK/corpus" --db "$WORK/killed.db"
echo "kills: $killed SIGKILLs mid-write survived over $rounds store(s) ($finished run(s) stored everything before the kill); $(check "$WORK/killed.db")"
same "$WORK/clean.db" "$WORK/killed.db" "killed+resumed vs clean"
[ "$killed" -ge "$KILLS" ] || { echo "only $killed kills landed (wanted $KILLS)"; exit 1; }

# ---- two writers at once ------------------------------------------------------------------
mapfile -t files < <(find "$WORK/corpus" -name '*.txt' | LC_ALL=C sort)
n=${#files[@]}
concurrent() { # $1 name, then A files, --, B files
  local name=$1; shift; local a=() b=(); while [ "$1" != -- ]; do a+=("$1"); shift; done; shift; b=("$@")
  analyze_ok "${a[@]}" --db "$WORK/$name-ab.db"; analyze_ok "${b[@]}" --db "$WORK/$name-ab.db"
  analyze_ok "${b[@]}" --db "$WORK/$name-ba.db"; analyze_ok "${a[@]}" --db "$WORK/$name-ba.db"
  analyze_ok "${a[@]}" --db "$WORK/$name.db" & local p1=$!
  analyze_ok "${b[@]}" --db "$WORK/$name.db" & local p2=$!
  wait "$p1"; wait "$p2"
  check "$WORK/$name.db" >/dev/null
  dump "$WORK/$name.db" >"$WORK/$name.dump"; dump "$WORK/$name-ab.db" >"$WORK/$name-ab.dump"
  if cmp -s "$WORK/$name.dump" "$WORK/$name-ab.dump"; then echo "$name: two writers at once == A then B ($(check "$WORK/$name.db"))"
  else same "$WORK/$name.db" "$WORK/$name-ba.db" "$name: two writers at once vs B then A"; fi
}
concurrent disjoint "${files[@]:0:n/2}" -- "${files[@]:n/2}"
concurrent overlapping "${files[@]:0:2*n/3}" -- "${files[@]:n/3}"
echo "kill-test: OK"
