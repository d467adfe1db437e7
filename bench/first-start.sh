#!/usr/bin/env bash
# Time to ready of the platform as README's "Run it" starts it (java -jar, default settings, the
# verify toolchain probed): from the command to the first 200 of /actuator/health. Each run starts
# on a database that does not exist yet (created and migrated by the platform, as on the first
# start of a fresh clone); the first run also starts with the kernel's file cache dropped when this
# user may do that (root), as after a reboot. Prints every run and the median.
#
#   bench/first-start.sh            # 5 runs
#   RUNS=3 bench/first-start.sh
#
# It polls every 100 ms: a curl started 50 times a second would take a noticeable share of the
# two cores the start-up itself needs.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-18090}
TEMPORAL_PORT=${TEMPORAL_PORT:-17290}
DB=${DB:-backforge_first_start}
APP=${APP:-api/target/backforge.jar}
[ -f "$APP" ] || mvn -B -q install -DskipTests

figures=()
for run in $(seq 1 "$RUNS"); do
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
  cache=warm
  if [ "$run" = 1 ] && { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    cache=cold
  fi
  log=$(mktemp /tmp/backforge-first-start.XXXXXX.log)
  start=$(date +%s%N)
  PORT=$PORT BACKFORGE_TEMPORAL_TARGET=localhost:$TEMPORAL_PORT \
    BACKFORGE_DB_URL=jdbc:postgresql://localhost:5432/$DB \
    java ${JAVA_OPTS:-} -jar "$APP" >"$log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "platform died; log: $log"; exit 1; }
    sleep 0.1
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
  spring=$(grep -o 'Started BackforgeApplication in [0-9.]* seconds (process running for [0-9.]*)' "$log" || true)
  echo "run $run ($cache file cache, new database): ready to serve in $ms ms; $spring"
  figures+=("$ms")
  rm -f "$log"
done
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
median=$(printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $RUNS: $median ms; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
