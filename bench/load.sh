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

run() { echo; java -cp "$BENCH" io.backforge.benchmarks.LoadTest --base "http://localhost:$PORT" --poll-ms "${POLL_MS:-20}" "$@"; }
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
