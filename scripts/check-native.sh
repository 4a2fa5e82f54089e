#!/usr/bin/env bash
# Builds the native cnlp (scripts/publish-native.sh, its default level x86-64-v3) and checks that it answers exactly
# as the JIT build (`dotnet cnlp.dll`) run at the same instruction-set level. CI runs it (.ci/run). Run from anywhere.
#
# Why "at the same level": the float rounding of embeddings, similarities and scores follows the vector width the
# code runs with (TensorPrimitives and the vector paths take 512-, 256- or 128-bit steps), in the JIT build too,
# which picks the widest the CPU has. A native build fixes the width at build time (x86-64-v3: 256 bits), so the
# reference is the JIT build with AVX-512 switched off (DOTNET_EnableAVX512=0), i.e. the JIT build as it runs on
# an AVX2 machine. docs/performance-log.md, round 8, has the three levels checked on the BBC corpus.
#
# Checks: `analyze data/samples` into a fresh store with each build, content tables identical (timestamps left
# out); with ../shared/data present also `eval scorer` on SICK trial and `eval attribution --extractor
# hybrid-speech` on PolNeAR dev, byte-identical JSON; and `serve` on the samples store answers GET / with a page
# and GET /api/pairs with the same JSON.
# Environment: NATIVE_OUT=DIR checks an already-published binary there instead of building one; KEEP=1 keeps the
# temp folder. Exit 0: identical (or skipped because this CPU cannot run x86-64-v3 code, said on stderr); 1: not.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cnlp-native-check.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  echo "check-native: SKIPPED: this CPU has no AVX2, so it cannot run the x86-64-v3 native build" >&2
  exit 0
fi
OUT=${NATIVE_OUT:-$WORK/native}
if [ -z "${NATIVE_OUT:-}" ]; then
  # The NativeAOT compiler and runtime packs come from NuGet like any package; a machine that cannot get them
  # cannot build natively at all, which is not a fault of the code: say so and skip.
  if ! dotnet restore src/ContradictionNlp.Cli -r linux-x64 -p:PublishAot=true --artifacts-path "$REPO/artifacts/native-build" >"$WORK/restore.log" 2>&1; then
    tail -5 "$WORK/restore.log" >&2
    echo "check-native: SKIPPED: the NativeAOT packages (ILCompiler, linux-x64 runtime pack) could not be restored here" >&2
    exit 0
  fi
  scripts/publish-native.sh --out "$OUT" || { echo "check-native: FAILED: scripts/publish-native.sh could not build the native cnlp (see above)" >&2; exit 1; }
fi
dotnet build src/ContradictionNlp.Cli -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; echo "check-native: FAILED: the JIT build (the reference) did not build" >&2; exit 1; }
NATIVE=("$OUT/cnlp")
JIT=(env DOTNET_EnableAVX512=0 dotnet "$REPO/src/ContradictionNlp.Cli/bin/Release/net10.0/cnlp.dll")

dump() { python3 "$REPO/scripts/store-dump.py" "$1"; } # content tables in key order, no timestamps or pair row ids
failed=0
same() { # $1 $2 files, $3 label
  if cmp -s "$1" "$2"; then echo "check-native: $3: identical ($(wc -c <"$1") bytes)"
  else echo "check-native: $3: DIFFERS (native vs JIT)"; diff "$1" "$2" | head -10 || true; failed=1; fi
}

"${NATIVE[@]}" analyze data/samples --db "$WORK/native.db" >"$WORK/analyze-native.txt" || [ $? -eq 3 ] # 3: finished, some inputs skipped
"${JIT[@]}" analyze data/samples --db "$WORK/jit.db" >"$WORK/analyze-jit.txt" || [ $? -eq 3 ]
dump "$WORK/native.db" >"$WORK/native.dump"; dump "$WORK/jit.db" >"$WORK/jit.dump"
[ "$(grep -c . "$WORK/native.dump")" -gt 20 ] || { echo "check-native: FAILED: the samples store is nearly empty" >&2; exit 1; }
same "$WORK/native.dump" "$WORK/jit.dump" "analyze data/samples, store content"
same "$WORK/analyze-native.txt" "$WORK/analyze-jit.txt" "analyze data/samples, output"

# The review server: in the native build its routes are bound by the web SDK's generated code instead of
# reflection, so check that it serves the same JSON API from the same store (GET /api/pairs).
serve_api() { # $1 label, rest: the cnlp command; prints the API body to $WORK/api-$1.json
  local label=$1; shift
  "$@" serve --db "$WORK/$label.db" --port 0 >"$WORK/serve-$label.log" 2>&1 &
  local pid=$! url="" i
  for i in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve-$label.log" | head -1 || true)
    [ -n "$url" ] && break; sleep 0.2
  done
  if [ -z "$url" ]; then kill "$pid" 2>/dev/null || true; echo "check-native: $label serve did not start:" >&2; cat "$WORK/serve-$label.log" >&2; failed=1; return; fi
  python3 - "$url" "$WORK/api-$label.json" <<'PY' || failed=1
import sys, urllib.request
url, out = sys.argv[1], sys.argv[2]
page = urllib.request.urlopen(url).read().decode()
assert "<html" in page.lower(), "GET / is not a page"
open(out, "w").write(urllib.request.urlopen(url + "api/pairs").read().decode())
PY
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}
serve_api native "${NATIVE[@]}"
serve_api jit "${JIT[@]}"
[ -s "$WORK/api-native.json" ] && same "$WORK/api-native.json" "$WORK/api-jit.json" "serve: GET /api/pairs"

SHARED=$REPO/../shared/data
if [ -f "$SHARED/sick/trial.tsv.gz" ]; then
  "${NATIVE[@]}" eval scorer --data "$SHARED/sick/trial.tsv.gz" --json >"$WORK/scorer-native.json"
  "${JIT[@]}" eval scorer --data "$SHARED/sick/trial.tsv.gz" --json >"$WORK/scorer-jit.json"
  same "$WORK/scorer-native.json" "$WORK/scorer-jit.json" "eval scorer (SICK trial)"
else echo "check-native: ../shared/data/sick absent: eval scorer not compared" >&2; fi
if [ -d "$SHARED/polnear/dev" ]; then
  "${NATIVE[@]}" eval attribution --polnear "$SHARED/polnear/dev" --extractor hybrid-speech --json >"$WORK/attr-native.json"
  "${JIT[@]}" eval attribution --polnear "$SHARED/polnear/dev" --extractor hybrid-speech --json >"$WORK/attr-jit.json"
  same "$WORK/attr-native.json" "$WORK/attr-jit.json" "eval attribution hybrid-speech (PolNeAR dev)"
else echo "check-native: ../shared/data/polnear absent: eval attribution not compared" >&2; fi

if [ "$failed" = 1 ]; then echo "check-native: FAILED: the native build does not answer as the JIT build" >&2; exit 1; fi
echo "check-native: native cnlp answers exactly as the JIT build at the same instruction-set level"
