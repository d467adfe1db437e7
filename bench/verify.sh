#!/usr/bin/env bash
# Verification end to end, as a user meets it: starts the embedded platform with the verify step
# on (its own ports and database, backforge_verify_bench, recreated), then VerifyBench submits each
# spec N times one after the other with "verify": true, follows each project until it ends and
# downloads its zip, and prints every run and per spec the first run, the median of the warm runs
# and the slowest. Exits non-zero when a run did not end SUCCEEDED with verification PASSED.
#
#   bench/verify.sh                                  # the default specs, N=5
#   SPECS=synthetic-40x15@spring-boot N=3 bench/verify.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18083}
TEMPORAL_PORT=${TEMPORAL_PORT:-17236}
DB=backforge_verify_bench
SPECS=${SPECS:-library,library@spring-boot,synthetic-40x15,synthetic-40x15@spring-boot}
BENCH=benchmarks/target/benchmarks.jar
log=$(mktemp /tmp/backforge-verify.XXXXXX.log)
source bench/lib.sh
[ -f "$BENCH" ] || mvn -B -q install -DskipTests

start=$(date +%s%N)
PORT=$PORT BACKFORGE_VERIFY_ENABLED=true BACKFORGE_RATE_LIMIT_SUBMISSIONS_PER_MINUTE=0 \
  java ${JAVA_OPTS:-} -jar "$APP" >"$log" 2>&1 &
pids+=($!)
until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
  kill -0 "${pids[0]}" 2>/dev/null || { echo "platform died; log: $log"; exit 1; }
  sleep 0.05
done
echo "platform ready in $(( ($(date +%s%N) - start) / 1000000 )) ms (log: $log)"
# the verify worker polls once the toolchain probes have run, after the other workers started
until grep -qs "polling backforge-verify" "$log"; do sleep 0.1; done
grep -h "verifies generated\|does not verify generated" "$log" | sed -E "s/.*Toolchain +: //"
echo

java -cp "$BENCH" io.backforge.benchmarks.VerifyBench --base "http://localhost:$PORT" \
  --specs "$SPECS" --n "${N:-5}"
