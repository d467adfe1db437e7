#!/usr/bin/env bash
# Web-restart run: the only web process dies (SIGKILL; MODE=term for a graceful stop) while
# generations are in flight, and a new one starts. Checks that every project still ends SUCCEEDED,
# once, that submissions retried with their Idempotency-Key find their projects, and that the new
# web process restarts nothing. The worker starts first, so it hosts the embedded Temporal server,
# which outlives the web process as a real Temporal server would. Uses its own ports and database
# (backforge_restart, recreated), so it never touches a running platform.
#
#   bench/restart.sh            # N=10 projects by default
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10}
MODE=${MODE:-kill}
PORT=${PORT:-18082}
TEMPORAL_PORT=${TEMPORAL_PORT:-17235}
DB=backforge_restart
SPEC=benchmarks/src/main/resources/specs/shop.json
logs=$(mktemp -d /tmp/backforge-restart.XXXXXX)
source bench/lib.sh
unfinished() { q "SELECT count(*) FROM projects WHERE status IN ('QUEUED', 'RUNNING')"; }

BACKFORGE_ROLES=worker java -jar "$APP" >"$logs/worker.log" 2>&1 &
pids+=($!)
until grep -qs "Workers polling" "$logs/worker.log"; do sleep 0.1; done
start_web() {
  PORT=$PORT BACKFORGE_ROLES=web java -jar "$APP" >"$logs/$1.log" 2>&1 &
  pids+=($!)
  echo $! > "$logs/$1.pid"
  until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do sleep 0.1; done
}
submit() {
  curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: restart-$1" --data-binary @"$SPEC" "http://localhost:$PORT/api/projects" \
    | sed -E 's/^\{"id":"([^"]+)".* ([0-9]+)$/\1 \2/'
}
start_web web-a
echo "worker (hosting Temporal) and web A are up (logs in $logs)"

TOKEN=$(token)
ids=()
for i in $(seq 1 "$N"); do
  read -r id code < <(submit "$i")
  ids+=("$id")
done
sleep 0.3
at_stop=$(unfinished)
if [ "$MODE" = term ]; then
  kill -TERM "$(cat "$logs/web-a.pid")"
  while kill -0 "$(cat "$logs/web-a.pid")" 2>/dev/null; do sleep 0.05; done
else
  kill -9 "$(cat "$logs/web-a.pid")"
  wait "$(cat "$logs/web-a.pid")" 2>/dev/null || true
fi
stopped=$(date +%s%N)
echo "submitted $N projects, stopped web A ($MODE) with $at_stop of them unfinished"
sleep 1
during_downtime=$(unfinished)
start_web web-b
echo "web B answers $(( ($(date +%s%N) - stopped) / 1000000 )) ms after the stop;" \
  "unfinished: $during_downtime a second after the stop, $(unfinished) now"

TOKEN=$(token)
await_projects "${ids[@]}"
same=0
for i in $(seq 1 "$N"); do
  read -r id code < <(submit "$i")
  [ "$code" = 200 ] && [ "$id" = "${ids[$((i-1))]}" ] && same=$((same+1))
done
echo "all projects ended $(( ($(date +%s%N) - stopped) / 1000000 )) ms after the stop"
echo "succeeded:                $succeeded of $N (failed: $failed)"
echo "projects stored:          $(q "SELECT count(*) FROM projects") (retries included: $N means none twice)"
echo "retries answered 200 with the same project: $same of $N"
echo "distinct zips:            $(q "SELECT count(DISTINCT artifact_hash) FROM projects") (same spec, so 1 means the same result)"
echo "web B's recovery:         $(grep -o 'Recovery: .*' "$logs/web-b.log" || echo 'restarted nothing, failed nothing')"
