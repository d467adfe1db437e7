# Shared by bench/crash.sh and bench/restart.sh (sourced, not run): a fresh database of their
# own, the platform jar, a development token, and following projects to their end. Callers set
# DB, PORT, TEMPORAL_PORT and the logs directory name first.

APP=api/target/backforge.jar
[ -f "$APP" ] || mvn -B -q install -DskipTests
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
export BACKFORGE_DB_URL=jdbc:postgresql://localhost:5432/$DB
export BACKFORGE_TEMPORAL_TARGET=localhost:$TEMPORAL_PORT
pids=()
trap 'kill ${pids[*]} 2>/dev/null || true' EXIT

q() { psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "$1"; }

token() {
  curl -s -u dev-client:dev-secret -d grant_type=client_credentials \
    "http://localhost:$PORT/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# Follows each project id given until it ends (GET ...?wait=60, which answers at the end),
# counting them in $succeeded and $failed.
await_projects() {
  succeeded=0; failed=0
  local id status
  for id in "$@"; do
    for _ in $(seq 1 10); do
      status=$(curl -s -H "Authorization: Bearer $TOKEN" \
        "http://localhost:$PORT/api/projects/$id?wait=60" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
      case "$status" in
        SUCCEEDED) succeeded=$((succeeded+1)); break ;;
        FAILED|CANCELLED) failed=$((failed+1)); break ;;
      esac
      sleep 0.1
    done
  done
}
