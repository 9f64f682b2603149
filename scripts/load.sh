#!/usr/bin/env bash
# Load on `concord serve` over loopback: requests/s and p50/p99 latency for a 5 KB article
# with the shipped glossaries at 1, 8 and 64 concurrent clients, then a soak with good and
# bad requests mixed while the server's resident memory is sampled. Bounded in count and time.
#
# usage: scripts/load.sh [REQUESTS=4000] [MAX_SECONDS=30] [SOAK_SECONDS=180]
# Prints the figures and the load average when it started and ended (figures taken while the
# machine is busy are pessimistic). Fails if any answer is other than the intended one (200,
# the soak's deliberate 4xx, or 503 back-pressure) or if memory grows during the soak.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-4000}
max_seconds=${2:-30}
soak_seconds=${3:-180}
article=$here/tests/data/serve/article.en.txt
cd "$here"

cargo build --release --quiet --bin concord --example load
bin=$here/target/release/concord
load=$here/target/release/examples/load

log=$(mktemp)
trap 'kill -TERM "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
"$bin" serve --listen 127.0.0.1:0 --max-body 1M 2>"$log" &
pid=$!
for _ in $(seq 100); do
  addr=$(sed -n 's|.*listening on http://||p' "$log")
  [ -n "$addr" ] && break
  sleep 0.1
done
if [ -z "$addr" ]; then
  echo "load: the server did not start:" >&2
  cat "$log" >&2
  exit 2
fi

echo "load: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load: article $(wc -c <"$article") bytes, shipped glossaries, server at $addr (pid $pid)"
for clients in 1 8 64; do
  "$load" bench "$addr" "$pid" "$article" "$clients" "$requests" "$max_seconds"
done
"$load" soak "$addr" "$article" 8 "$soak_seconds" "$pid"
echo "load: load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

kill -TERM "$pid"
wait "$pid"
trap 'rm -f "$log"' EXIT
