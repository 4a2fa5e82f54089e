#!/usr/bin/env bash
# Builds cnlp as one natively compiled (NativeAOT) Linux x64 executable: no JIT at run time, no .NET runtime needed
# on the machine that runs it. Run from anywhere.
#
#   scripts/publish-native.sh [--isa LEVEL] [--out DIR]
#
# Output: DIR/cnlp (default DIR: artifacts/native, ignored by git) with DIR/libe_sqlite3.so beside it, which cnlp
# loads at start-up: copy or move the two together. The symbols are split into DIR/cnlp.dbg (for debuggers; not
# needed to run). cnlp finds models/ as the JIT build does (--models, $CNLP_MODELS, or the nearest models/ folder up
# from the current directory, then from the executable's own folder).
#
# --isa: the x86-64 instruction-set level the code is compiled for (ILCompiler's IlcInstructionSet). NativeAOT
# fixes the level at build time: code for a higher level than the CPU has would fault, so the executable checks at
# start-up and refuses to run ("The required instruction sets are not supported by the current CPU") rather than
# crash later. Levels:
#   x86-64-v3 (default): AVX2, FMA, BMI (Intel Haswell 2013+, AMD Excavator/Zen+): the vector paths of the
#                        code (Vector256, Avx2) are compiled in; Vector512/AVX-512 paths are not.
#   x86-64-v2:           SSE4.2/POPCNT only: runs on every x86-64 machine of the last ~15 years, but Vector256 and
#                        Avx2 report false, so the AVX2 fast paths fall back to 128-bit or scalar code (slower).
#   x86-64-v4 / native:  AVX-512 too (native: whatever the build machine has; the binary then needs that CPU).
# Results: claims, speakers and scores do not depend on the level, but the float rounding of embeddings and
# similarities follows the vector width, exactly as the JIT build's does on CPUs of different widths; the JIT
# build on an AVX-512 machine and the native build give the same store only when built for the same width
# (docs/performance-log.md, round 8).
#
# Needs: the .NET SDK, a C toolchain to link (gcc or clang; NativeAOT tries clang then gcc) and objcopy (binutils),
# and the ILCompiler packages from NuGet (restored like any package). Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
ISA=x86-64-v3
OUT=$REPO/artifacts/native
while [ $# -gt 0 ]; do
  case "$1" in
    --isa) ISA=${2:?--isa needs a level, e.g. x86-64-v3}; shift 2 ;;
    --out) OUT=${2:?--out needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "publish-native: unknown argument '$1' (expected --isa LEVEL or --out DIR)" >&2; exit 2 ;;
  esac
done
case "$ISA" in
  x86-64-v2|x86-64-v3|x86-64-v4|native) ;;
  *) echo "publish-native: --isa '$ISA' is not one of x86-64-v2, x86-64-v3, x86-64-v4, native" >&2; exit 2 ;;
esac
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "publish-native: builds linux-x64 only, on a Linux x86-64 machine (this is $(uname -s) $(uname -m))" >&2; exit 1
fi
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  echo "publish-native: NativeAOT links with clang or gcc and neither is on PATH (Debian: apt-get install -y gcc)" >&2; exit 1
fi
if ! command -v objcopy >/dev/null 2>&1 && ! command -v llvm-objcopy >/dev/null 2>&1; then
  echo "publish-native: objcopy is needed to split the symbols (Debian: apt-get install -y binutils)" >&2; exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$OUT"
echo "publish-native: building cnlp for linux-x64, $ISA, into $OUT" >&2
# Own bin/obj under artifacts/native-build: the native build compiles the projects with other properties
# (PublishAot, the web app's request-delegate generator), so it must not share bin/ and obj/ with the normal build.
dotnet publish src/ContradictionNlp.Cli -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$ISA" \
  --artifacts-path "$REPO/artifacts/native-build" -o "$OUT" -nologo
if [ ! -f "$OUT/libe_sqlite3.so" ]; then
  echo "publish-native: $OUT/libe_sqlite3.so is missing (SQLite's native library, loaded by cnlp); the publish did not copy it" >&2
  exit 1
fi
# The PDBs of the managed assemblies are copied beside the binary but mean nothing to it.
rm -f "$OUT"/*.pdb
# A binary that cannot start here (e.g. built for a level this CPU lacks) says so now, not in a user's first run.
if ! "$OUT/cnlp" --version >/dev/null; then
  echo "publish-native: $OUT/cnlp was built but does not start on this machine (instruction-set level $ISA too high for this CPU?)" >&2
  exit 1
fi
echo "publish-native: $OUT/cnlp ($(du -h "$OUT/cnlp" | cut -f1), $ISA); keep libe_sqlite3.so beside it" >&2
