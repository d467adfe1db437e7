#!/usr/bin/env bash
# End-to-end performance run against the embedded platform (no AI; the verify step off unless
# BACKFORGE_VERIFY_ENABLED=true; the per-user submission limit off, since every request comes from
# one user, unless BACKFORGE_RATE_LIMIT_SUBMISSIONS_PER_MINUTE is set): starts the
# platform on its own ports, measures time to ready, runs the load scenarios through the HTTP API
# with a real token, prints every figure, and stops the platform.
#
#   bench/load.sh                 # default scenarios
#   N=500 C=50 bench/load.sh      # one custom scenario
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
TEMPORAL_PORT=${TEMPORAL_PORT:-17233}
APP=api/target/backforge.jar
BENCH=benchmarks/target/benchmarks.jar
[ -f "$APP" ] && [ -f "$BENCH" ] || mvn -B -q install -DskipTests

log=$(mktemp /tmp/backforge-load.XXXXXX.log)
start=$(date +%s%N)
PORT=$PORT BACKFORGE_TEMPORAL_TARGET=localhost:$TEMPORAL_PORT \
  BACKFORGE_VERIFY_ENABLED=${BACKFORGE_VERIFY_ENABLED:-false} \
  BACKFORGE_RATE_LIMIT_SUBMISSIONS_PER_MINUTE=${BACKFORGE_RATE_LIMIT_SUBMISSIONS_PER_MINUTE:-0} \
  BACKFORGE_DB_URL=${BACKFORGE_DB_URL:-jdbc:postgresql://localhost:5432/backforge_load} \
  java ${JAVA_OPTS:-} -jar "$APP" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "platform died; log: $log"; exit 1; }
  sleep 0.05
done
echo "platform ready to serve in $(( ($(date +%s%N) - start) / 1000000 )) ms (log: $log)"

# WAIT_S=30 (default): each client follows its project with GET ...?wait=30, which answers when
# the project ends; WAIT_S=0: polling every POLL_MS milliseconds instead.
# CPU seconds of a process (user + system), from /proc: less sensitive than throughput to other
# load on the machine, so it is printed per project for the platform and for the load driver.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
run() {
  echo
  local before; before=$(cpu $pid)
  # The heap, sampled every 200 ms from outside (metrics are for admins only): one jstat
  # process attached for the whole run; used = survivor + eden + old, in KiB.
  local heap; heap=$(mktemp /tmp/backforge-heap.XXXXXX)
  jstat -gc "$pid" 200 >"$heap" 2>/dev/null &
  local sampler=$!
  java -cp "$BENCH" io.backforge.benchmarks.LoadTest --base "http://localhost:$PORT" \
    --wait-s "${WAIT_S:-30}" --poll-ms "${POLL_MS:-20}" "$@" &
  local driver=$! driver_cpu=0
  while kill -0 $driver 2>/dev/null; do driver_cpu=$(cpu $driver 2>/dev/null || echo "$driver_cpu"); sleep 0.2; done
  wait $driver
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  awk 'NR > 1 && $3 ~ /^[0-9.]+$/ {u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u}
       END {printf "peak heap used      %.0f MiB\n", m}' "$heap"
  rm -f "$heap"
  local n; n=$(echo "$@" | sed -E 's/.*--n ([0-9]+).*/\1/')
  awk -v a="$before" -v b="$(cpu $pid)" -v d="$driver_cpu" -v n="$n" \
    'BEGIN {printf "cpu per project     platform %.0f ms, load driver %.0f ms\n", (b-a)*1000/n, d*1000/n}'
}
if [ -n "${N:-}" ]; then
  run --spec "${SPEC:-library}" --n "$N" --c "${C:-16}"
else
  run --spec library --n 20 --c 1            # warm-up
  run --spec library --n 50 --c 1
  run --spec library --n 300 --c 16
  run --spec shop --n 500 --c 50
fi
echo
echo "platform peak resident memory: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$pid/status)"
