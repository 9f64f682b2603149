#!/usr/bin/env bash
# Peak memory of `concord check` on a small and a large corpus built from the NTREX-128 articles
# in ../shared/corpora (as scripts/bench.sh builds them), measured with /usr/bin/time -f %M:
#   - the per-document rules (name/corpus off), streamed: the peak should not grow with the
#     corpus (large/small at most 1.2);
#   - every rule, name/corpus included (a first pass reads every document's names into the
#     register): the peak should stay under the size of the text;
#   - what --sort costs: every finding held until the end (per finding, on the small corpus);
#   - the register itself: spellings and its size as JSON Lines (concord names --emit-partial).
# It also says how long the first finding takes to appear, against the whole run, for the
# streamed human output with and without name/corpus.
#
# usage: scripts/memory.sh [SMALL_MB=10] [LARGE_MB=1000] [OUT_DIR=target/memory]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath -m "$here/../shared")
small_mb=${1:-10}
large_mb=${2:-1000}
out=$(realpath -m "${3:-$here/target/memory}")

if [ ! -d "$shared/corpora/ntrex" ]; then
  echo "memory: $shared/corpora/ntrex not found: the measurement needs ../shared beside the repository" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "memory: /usr/bin/time not found (apt-get install time)" >&2
  exit 2
fi
mkdir -p "$out"
echo "== building concord (release)"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
concord="$here/target/release/concord"

for size in "$small_mb" "$large_mb"; do
  if [ ! -f "$out/corpus-$size/.complete" ]; then
    echo "== building a $size MB corpus in $out/corpus-$size"
    # Mixed, so that the small corpus has every language too (each has its own matcher).
    python3 "$here/scripts/ntrex-corpus.py" --mixed "$shared/corpora/ntrex" "$out/corpus-$size" "$size"
    touch "$out/corpus-$size/.complete"
  fi
done

# peak NAME CORPUS ARGS... : runs concord check, prints the peak in KB; findings counted
peak() {
  local name=$1 corpus=$2; shift 2
  /usr/bin/time -o "$out/$name.time" -f "%M %e %U" \
    "$concord" check --fail-on never "$@" "$corpus" > "$out/$name.out" 2> "$out/$name.err" || {
    echo "memory: concord failed on $name (see $out/$name.err)" >&2; exit 1; }
  cut -d' ' -f1 "$out/$name.time"
}
mb_of() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
text_bytes() { du -sb --apparent-size --exclude=.complete "$1" | cut -f1; }

S="$out/corpus-$small_mb"; L="$out/corpus-$large_mb"
echo "== per-document rules (--disable name/corpus), JSON Lines streamed"
ps=$(peak doc-small "$S" --format jsonl --disable name/corpus)
pl=$(peak doc-large "$L" --format jsonl --disable name/corpus)
echo "== every rule, name/corpus included"
as=$(peak all-small "$S" --format jsonl)
al=$(peak all-large "$L" --format jsonl)
echo "== --sort on the small corpus"
ss=$(peak sort-small "$S" --format jsonl --sort)
findings=$(grep -c '"type":"finding"' "$out/sort-small.out" || true)
echo "== the register of the large corpus"
/usr/bin/time -o "$out/register.time" -f "%M %e %U" "$concord" names --emit-partial "$L" > "$out/register.jsonl"
spellings=$(($(wc -l < "$out/register.jsonl") - 1))

# first_line ARGS... : seconds to the first line of output, and to the end
first_line() {
  python3 - "$concord" "$@" <<'PY'
import subprocess, sys, time
start = time.monotonic()
p = subprocess.Popen([sys.argv[1], "check", "--fail-on", "never", "--color", "never", *sys.argv[2:]],
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
first = None
for line in p.stdout:
    if first is None:
        first = time.monotonic() - start
p.wait()
total = time.monotonic() - start
print(f"{first if first is not None else total:.2f} {total:.2f}")
PY
}
read -r f1 t1 < <(first_line --disable name/corpus "$S")
read -r f2 t2 < <(first_line "$S")

sb=$(text_bytes "$S"); lb=$(text_bytes "$L")
echo
echo "== results"
printf "corpora: %s MB and %s MB of text (%s and %s documents)\n" \
  "$(awk -v b="$sb" 'BEGIN{printf "%.1f", b/1e6}')" "$(awk -v b="$lb" 'BEGIN{printf "%.1f", b/1e6}')" \
  "$(find "$S" -name '*.txt' | wc -l)" "$(find "$L" -name '*.txt' | wc -l)"
printf "%-44s %10s %10s %8s\n" "peak memory (MB)" "small" "large" "large/small"
printf "%-44s %10s %10s %8s\n" "per-document rules, streamed" "$(mb_of "$ps")" "$(mb_of "$pl")" "$(ratio "$pl" "$ps")"
printf "%-44s %10s %10s %8s\n" "every rule, with the name register" "$(mb_of "$as")" "$(mb_of "$al")" "$(ratio "$al" "$as")"
printf "every rule on the large corpus: %s MB of memory for %s MB of text (%s)\n" \
  "$(mb_of "$al")" "$(awk -v b="$lb" 'BEGIN{printf "%.0f", b/1e6}')" \
  "$(awk -v k="$al" -v b="$lb" 'BEGIN{ printf "%.3f of the text size", k * 1024 / b }')"
printf -- "--sort holds every finding: %s MB more for %s findings (about %s bytes each)\n" \
  "$(mb_of $((ss - as)))" "$findings" \
  "$(awk -v d=$((ss - as)) -v n="$findings" 'BEGIN{ printf "%.0f", (n > 0 ? d * 1024 / n : 0) }')"
printf "register of the large corpus: %s spellings, %s MB as JSON Lines, built in %s MB\n" \
  "$spellings" "$(awk -v b="$(stat -c %s "$out/register.jsonl")" 'BEGIN{printf "%.1f", b/1e6}')" \
  "$(mb_of "$(cut -d' ' -f1 "$out/register.time")")"
printf "first finding on the small corpus: after %ss of %ss (name/corpus off), %ss of %ss (on: the names are read first)\n" \
  "$f1" "$t1" "$f2" "$t2"
echo "CPU seconds (user), small corpus: per-document rules $(cut -d' ' -f3 "$out/doc-small.time"), every rule $(cut -d' ' -f3 "$out/all-small.time")"
