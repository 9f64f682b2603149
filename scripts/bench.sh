#!/usr/bin/env bash
# Throughput of `concord check` against ripgrep (the lower bound: literal whole-word search for
# the same deprecated forms) and, where ../shared/peers has installed them, typos, textlint+prh
# and harper, on one corpus built from ../shared/corpora (NTREX-128 articles in every language,
# replicated to the requested size).
#
# usage: scripts/bench.sh [MB=100] [OUT_DIR=target/bench]
#   PEERS=dir       where ../shared/peers/install.sh put the peer tools (default ~/.cache/concord-peers)
#   SLOW_MB=2       corpus size for the slow peers (textlint, harper)
#   BENCH_RECORD=0  do not append to benches/results.tsv
# Prints MB/s per tool and the ratio to ripgrep, and appends the figures (with finding counts)
# to benches/results.tsv with today's date.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath -m "$here/../shared")
mb=${1:-100}
out=$(realpath -m "${2:-$here/target/bench}")
PEERS=${PEERS:-$HOME/.cache/concord-peers}
SLOW_MB=${SLOW_MB:-2}

if [ ! -d "$shared/corpora/ntrex" ]; then
  echo "bench: $shared/corpora/ntrex not found: the benchmark needs ../shared beside the repository" >&2
  exit 2
fi
export PATH="$PEERS/bin:$PEERS/npm/node_modules/.bin:$PEERS/venv/bin:$PATH"
if ! command -v rg >/dev/null; then
  echo "bench: ripgrep (rg) not found: install it (apt-get install ripgrep, or $shared/peers/install.sh)" >&2
  exit 2
fi

mkdir -p "$out"
echo "== building concord (release)"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
concord="$here/target/release/concord"

echo "== building a ${mb} MB corpus from NTREX-128 in $out/corpus"
python3 "$here/scripts/ntrex-corpus.py" "$shared/corpora/ntrex" "$out/corpus" "$mb"
python3 "$here/scripts/ntrex-corpus.py" "$shared/corpora/ntrex" "$out/corpus-small" "$SLOW_MB" >/dev/null
python3 - "$out" "$here/glossaries" <<'PY'
import json, os, sys
out, gloss = sys.argv[1], sys.argv[2]
# The deprecated forms of the shipped glossaries, as peers take them: wrong<TAB>right (one
# right form per wrong one: a form deprecated in several languages keeps its first).
fixes = {}
for g in sorted(os.listdir(gloss)):
    for e in json.load(open(os.path.join(gloss, g), encoding="utf-8"))["entries"]:
        for lang, sec in sorted(e["terms"].items()):
            for d in sec.get("deprecated", []):
                fixes.setdefault(d, sec["preferred"])
rows = set(fixes.items())
with open(os.path.join(out, "glossary.tsv"), "w", encoding="utf-8") as f:
    f.writelines(f"{w}\t{r}\n" for w, r in sorted(rows))
with open(os.path.join(out, "rg.pats"), "w", encoding="utf-8") as f:
    f.writelines(f"{w}\n" for w, _ in sorted(rows))
print(f"{len(rows)} deprecated forms")
PY

mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / (s > 0 ? s : 0.001) }'; }
bytes=$(du -sb --apparent-size "$out/corpus" | cut -f1)
small=$(du -sb --apparent-size "$out/corpus-small" | cut -f1)
results="$out/results.tsv"
echo -e "tool\tcorpus_mb\tfindings\twall_s\tmb_per_s" > "$results"

timed() {  # timed NAME BYTES COMMAND... ; findings = lines of output matching $match
  local name=$1 size=$2; shift 2
  local start end wall n
  start=$(date +%s.%N)
  "$@" > "$out/$name.out" 2> "$out/$name.err" || true
  end=$(date +%s.%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  n=$(grep -c -E "$match" "$out/$name.out" || true)
  echo -e "$name\t$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }')\t$n\t$wall\t$(mbs "$size" "$wall")" | tee -a "$results"
}

echo "== timing (2 runs each, the second is kept: warm page cache)"
for i in 1 2; do
  sed -i '2,$d' "$results"
  # As ../shared/peers runs it: literal, whole word, case-sensitive (concord folds case,
  # which is more work; -i makes ripgrep ten times slower on this pattern set).
  match='.'; timed rg "$bytes" rg -F -w -o --no-filename -f "$out/rg.pats" "$out/corpus"
  match='\[(name|term)/glossary\]'
  timed concord-glossary "$bytes" "$concord" check --format brief --fail-on never --disable name/inconsistent --disable name/corpus --disable number/format --disable number/style "$out/corpus"
  match='\['; timed concord-all "$bytes" "$concord" check --format brief --fail-on never "$out/corpus"
done
if command -v typos >/dev/null && [ -x "$shared/peers/run-peers.sh" ]; then
  TOOLS="typos" "$shared/peers/run-peers.sh" "$out/corpus" "$out/glossary.tsv" "$out/peers" >/dev/null
  tail -n +2 "$out/peers/results.tsv" | awk -F'\t' -v OFS='\t' '{ print $1, "'"$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')"'", $3, $4, $6 }' | tee -a "$results"
fi
slow_tools=""
command -v textlint >/dev/null && slow_tools="$slow_tools textlint"
command -v harper-cli >/dev/null && slow_tools="$slow_tools harper"
if [ -n "$slow_tools" ]; then
  TOOLS="$slow_tools" "$shared/peers/run-peers.sh" "$out/corpus-small" "$out/glossary.tsv" "$out/peers-small" >/dev/null
  tail -n +2 "$out/peers-small/results.tsv" | awk -F'\t' -v OFS='\t' '{ print $1, "'"$(awk -v b="$small" 'BEGIN{printf "%.1f", b/1e6}')"'", $3, $4, $6 }' | tee -a "$results"
else
  echo "(typos, textlint and harper not installed: run $shared/peers/install.sh to include them)"
fi

echo "== throughput relative to ripgrep (same process, same corpus)"
rg_rate=$(awk -F'\t' '$1 == "rg" { print $5 }' "$results")
awk -F'\t' -v base="$rg_rate" 'NR > 1 { printf "%-18s %8s MB/s  %6.3fx ripgrep  (%s findings)\n", $1, $5, $5 / base, $3 }' "$results"
[ "${BENCH_RECORD:-1}" = 0 ] && exit 0
mkdir -p "$here/benches"
date_tag=$(date +%Y-%m-%d)
awk -F'\t' -v d="$date_tag" -v c="$(nproc)" 'NR > 1 { print d "\t" c "\t" $0 }' "$results" >> "$here/benches/results.tsv"
echo "appended to benches/results.tsv"
