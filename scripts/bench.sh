#!/usr/bin/env bash
# Throughput of `concord check` against ripgrep (the lower bound: literal whole-word search for
# the same deprecated forms) and, where ../shared/peers has installed them, typos, textlint+prh
# and harper, on one corpus built from ../shared/corpora (NTREX-128 articles in every language,
# replicated to the requested size).
#
# Then, on the same machine in the same run (so that every figure is a ratio of two timings
# taken under one load): `-j 2` against `-j 1`; peak memory with and without name/corpus; a
# 1,000-entry against a 100,000-entry generated glossary (scripts/gen-glossary.py) on 20 MB of
# English and 20 MB of every language, glossary rules and all rules; loading the 100k glossary
# alone; and the start-up of one 5 KB article with the shipped glossaries (median of many runs,
# hyperfine when installed). The load average is printed with every section.
#
# usage: scripts/bench.sh [MB=100] [OUT_DIR=target/bench]
#   PEERS=dir       where ../shared/peers/install.sh put the peer tools (default ~/.cache/concord-peers)
#   SLOW_MB=2       corpus size for the slow peers (textlint, harper)
#   SCALE_MB=20     corpus size for the glossary-size runs (0: skip them)
#   BENCH_RECORD=0  do not append to benches/results.tsv
# Prints MB/s per tool and the ratio to ripgrep and typos, and appends the figures (with finding
# counts) to benches/results.tsv with today's date.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath -m "$here/../shared")
mb=${1:-100}
out=$(realpath -m "${2:-$here/target/bench}")
PEERS=${PEERS:-$HOME/.cache/concord-peers}
SLOW_MB=${SLOW_MB:-2}
SCALE_MB=${SCALE_MB:-20}

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
if [ "$SCALE_MB" != 0 ]; then
  python3 "$here/scripts/ntrex-corpus.py" --lang=en "$shared/corpora/ntrex" "$out/scale-en" "$SCALE_MB" >/dev/null
  python3 "$here/scripts/ntrex-corpus.py" --mixed "$shared/corpora/ntrex" "$out/scale-all" "$SCALE_MB" >/dev/null
fi
# One article of 5 KB for the start-up figure: English documents, cut at a paragraph.
python3 "$here/scripts/ntrex-corpus.py" --lang=en "$shared/corpora/ntrex" "$out/article-src" 0.006 >/dev/null
mkdir -p "$out/article"
python3 -c 'import glob, sys
t = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[1] + "/r000/*.txt")))
t = t.encode("utf-8")[:5120].decode("utf-8", "ignore")
sys.stdout.write(t[:t.rfind("\n") + 1] or t)' "$out/article-src" \
  > "$out/article/article.en.txt"
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

# Glossary rules only: every other rule the binary has is disabled.
glossary_only=()
for r in $("$concord" rules | grep -oE '^[a-z]+/[a-z-]+' | grep -v '/glossary$'); do glossary_only+=(--disable "$r"); done
echo "== timing (2 runs each, the second is kept: warm page cache)"
for i in 1 2; do
  sed -i '2,$d' "$results"
  # As ../shared/peers runs it: literal, whole word, case-sensitive (concord folds case,
  # which is more work; -i makes ripgrep ten times slower on this pattern set).
  match='.'; timed rg "$bytes" rg -F -w -o --no-filename -f "$out/rg.pats" "$out/corpus"
  match='\[(name|term)/glossary\]'
  timed concord-glossary "$bytes" "$concord" check --format brief --fail-on never "${glossary_only[@]}" "$out/corpus"
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

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== throughput relative to ripgrep and typos (same run, same corpus; load average $(load))"
rg_rate=$(awk -F'\t' '$1 == "rg" { print $5 }' "$results")
typos_rate=$(awk -F'\t' '$1 == "typos" { print $5 }' "$results")
awk -F'\t' -v base="$rg_rate" -v t="${typos_rate:-0}" 'NR > 1 {
  printf "%-18s %8s MB/s  %6.3fx ripgrep", $1, $5, $5 / base
  if (t > 0) printf "  %6.3fx typos", $5 / t
  printf "  (%s findings)\n", $3 }' "$results"

# wall seconds and peak RSS in MB of one command (GNU time when installed, else bash's clock)
measure() {  # measure OUTFILE COMMAND... ; prints "wall_s rss_mb"
  local o=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$out/measure.time" "$@" > "$o" 2> "$o.err" || true
    awk '{ printf "%.3f %.1f\n", $1, $2 / 1024 }' "$out/measure.time"
  else
    local s e; s=$(date +%s.%N); "$@" > "$o" 2> "$o.err" || true; e=$(date +%s.%N)
    awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f NA\n", b - a }'
  fi
}
record() {  # record NAME MB FINDINGS WALL ; appends a row to the results
  echo -e "$1\t$2\t$3\t$4\t$(mbs "$(awk -v m="$2" 'BEGIN { print m * 1e6 }')" "$4")" >> "$results"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
corpus_mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
all=("$concord" check --format brief --fail-on never)

echo "== threads: -j 1 against -j 2, all rules, alternating, median of 3 (load average $(load))"
: > "$out/j1.s"; : > "$out/j2.s"
for i in 1 2 3; do
  for j in 1 2; do
    read -r w _ < <(measure "$out/j$j.out" "${all[@]}" -j "$j" "$out/corpus")
    echo "$w" >> "$out/j$j.s"
  done
done
j1=$(median < "$out/j1.s"); j2=$(median < "$out/j2.s")
cmp -s "$out/j1.out" "$out/j2.out" || echo "bench: -j 1 and -j 2 reported differently" >&2
record concord-all-j1 "$corpus_mb" "$(grep -c '\[' "$out/j1.out" || true)" "$j1"
record concord-all-j2 "$corpus_mb" "$(grep -c '\[' "$out/j2.out" || true)" "$j2"
awk -v a="$j1" -v b="$j2" 'BEGIN { printf "-j 1 %.2f s, -j 2 %.2f s: -j 2 is %.2fx -j 1\n", a, b, a / b }'

echo "== memory: all rules with and without name/corpus, -j 2, alternating, median of 5 (load average $(load))"
# Peak memory moves by several MB from run to run with how the two workers interleave: one
# run of each is not a ratio to trust.
: > "$out/mem-on.s"; : > "$out/mem-off.s"
for i in 1 2 3 4 5; do
  measure "$out/mem-on.out" "${all[@]}" "$out/corpus" >> "$out/mem-on.s"
  measure "$out/mem-off.out" "${all[@]}" --disable name/corpus "$out/corpus" >> "$out/mem-off.s"
done
w_on=$(cut -d' ' -f1 "$out/mem-on.s" | median); m_on=$(cut -d' ' -f2 "$out/mem-on.s" | median)
w_off=$(cut -d' ' -f1 "$out/mem-off.s" | median); m_off=$(cut -d' ' -f2 "$out/mem-off.s" | median)
awk -v a="$m_on" -v b="$m_off" -v c="$w_on" -v d="$w_off" 'BEGIN {
  printf "with name/corpus %s MB %.2f s, without %s MB %.2f s: %.2fx the memory, %.2fx the time\n", a, c, b, d, a / b, c / d }'

if [ "$SCALE_MB" != 0 ]; then
  echo "== glossary size: 1,000 against 100,000 generated entries, with the shipped glossaries, alternating, median of 3 (load average $(load))"
  for n in 1000 100000; do
    [ -s "$out/gen-$n.json" ] || python3 "$here/scripts/gen-glossary.py" "$n" "$out/gen-$n.json"
  done
  for c in en all; do
    size=$(du -sb --apparent-size "$out/scale-$c" | awk '{ printf "%.1f", $1 / 1e6 }')
    for rules in glossary all; do
      extra=(); [ "$rules" = glossary ] && extra=("${glossary_only[@]}")
      # Alternating, median of 3 (a single run of well under a second is at the mercy of the
      # machine's load); the peak memory is the last run's.
      : > "$out/scale-1000.s"; : > "$out/scale-100000.s"
      for i in 1 2 3; do
        for n in 1000 100000; do
          read -r w m < <(measure "$out/scale-$c-$rules-$n.out" "${all[@]}" "${extra[@]}" -g "$out/gen-$n.json" "$out/scale-$c")
          echo "$w" >> "$out/scale-$n.s"
          echo "$m" > "$out/scale-$n.m"
        done
      done
      for n in 1000 100000; do
        w=$(median < "$out/scale-$n.s"); m=$(cat "$out/scale-$n.m")
        f=$(grep -c '\[' "$out/scale-$c-$rules-$n.out" || true)
        record "scale-$c-$rules-$n" "$size" "$f" "$w"
        echo "$c $rules $n: $w s, $m MB, $f findings" | tee -a "$out/scale.txt"
      done
      awk -v c="$c" -v r="$rules" '$1 == c && $2 == r { w[$3] = $4 } END {
        printf "   %s %s: 100k entries cost %.2fx 1k\n", c, r, w["100000:"] / w["1000:"] }' "$out/scale.txt"
    done
  done
  empty="$out/article/empty.en.txt"; : > "$empty"
  : > "$out/load-0.s"; : > "$out/load-100k.s"
  for i in 1 2 3; do
    read -r w0 m0 < <(measure "$out/load-0.out" "$concord" check --fail-on never "$empty")
    read -r w1 m1 < <(measure "$out/load-100k.out" "$concord" check --fail-on never -g "$out/gen-100000.json" "$empty")
    echo "$w0" >> "$out/load-0.s"; echo "$w1" >> "$out/load-100k.s"
  done
  w0=$(median < "$out/load-0.s"); w1=$(median < "$out/load-100k.s")
  awk -v a="$w1" -v b="$w0" -v c="$m1" -v d="$m0" 'BEGIN {
    printf "loading 100,000 entries: %.3f s and %.1f MB (%.3f s, %.1f MB more than none)\n", a, c, a - b, c - d }'
fi

echo "== start-up: one 5 KB article with the shipped glossaries (load average $(load))"
art="$out/article/article.en.txt"
if command -v hyperfine >/dev/null; then
  hyperfine -N -w 5 -r 50 --export-json "$out/startup.json" \
    "$concord check --format brief --fail-on never $art" > /dev/null
  startup=$(python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$out/startup.json")
else
  : > "$out/startup.s"
  for i in $(seq 50); do
    s=$(date +%s.%N); "$concord" check --format brief --fail-on never "$art" > /dev/null || true; e=$(date +%s.%N)
    awk -v a="$s" -v b="$e" 'BEGIN { print b - a }' >> "$out/startup.s"
  done
  startup=$(median < "$out/startup.s")
fi
"$concord" check --format brief --fail-on never "$art" > "$out/startup.out" || true
record startup-5kb 0.0 "$(grep -c '\[' "$out/startup.out" || true)" "$startup"
awk -v s="$startup" 'BEGIN { printf "median %.1f ms from process start to exit\n", s * 1000 }'

[ "${BENCH_RECORD:-1}" = 0 ] && exit 0
mkdir -p "$here/benches"
date_tag=$(date +%Y-%m-%d)
awk -F'\t' -v d="$date_tag" -v c="$(nproc)" 'NR > 1 { print d "\t" c "\t" $0 }' "$results" >> "$here/benches/results.tsv"
echo "appended to benches/results.tsv"
