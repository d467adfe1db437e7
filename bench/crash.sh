#!/usr/bin/env bash
# Durability run: kill -9 the only worker while generations are in flight, start a new worker, and
# check that every project still SUCCEEDS with the same result and no duplicate files. Uses its own
# ports and database (backforge_crash, recreated), so it never touches a running platform.
#
#   bench/crash.sh            # N=10 projects by default
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10}
PORT=${PORT:-18081}
TEMPORAL_PORT=${TEMPORAL_PORT:-17234}
DB=backforge_crash
logs=$(mktemp -d /tmp/backforge-crash.XXXXXX)
source bench/lib.sh

PORT=$PORT BACKFORGE_ROLES=web java -jar "$APP" >"$logs/web.log" 2>&1 &
pids+=($!)
until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do sleep 0.1; done
start_worker() {
  BACKFORGE_ROLES=worker java -jar "$APP" >"$logs/$1.log" 2>&1 &
  pids+=($!)
  until grep -q "Workers polling" "$logs/$1.log"; do sleep 0.1; done
  echo $! > "$logs/$1.pid"
}
start_worker worker-a
echo "web and worker A are up (logs in $logs)"

TOKEN=$(token)
ids=()
for _ in $(seq 1 "$N"); do
  ids+=("$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary @benchmarks/src/main/resources/specs/shop.json \
    "http://localhost:$PORT/api/projects" | sed -E 's/^\{"id":"([^"]+)".*/\1/')")
done
sleep 0.3
kill -9 "$(cat "$logs/worker-a.pid")"
killed=$(date +%s%N)
echo "submitted $N projects, killed worker A with SIGKILL"
sleep 1
start_worker worker-b
echo "worker B is up"

await_projects "${ids[@]}"
echo "all projects ended $(( ($(date +%s%N) - killed) / 1000000 )) ms after the kill"
echo "succeeded:                $succeeded of $N (failed: $failed)"
echo "distinct zips:            $(q "SELECT count(DISTINCT artifact_hash) FROM projects") (same spec, so 1 means the same result)"
echo "distinct manifests:       $(q "SELECT count(DISTINCT manifest_hash) FROM projects")"
echo "blobs stored:             $(q "SELECT count(*) FROM blobs") (files of one project + manifest + zip, content-addressed)"
echo "scaffold attempts > 1:    $(q "SELECT count(*) FROM project_steps WHERE step = 'SCAFFOLD' AND attempts > 1")"
