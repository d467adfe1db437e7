#!/usr/bin/env bash
# The verify step's checks, each timed (wall and CPU seconds): run inside scripts/sandbox.sh.
#   scripts/verify-steps.sh [parallel]   (parallel: ESLint beside tsc+tests, on the other core)
set -uo pipefail
TIMEFORMAT='%R s wall, %U+%S s cpu'
step() { local name=$1; shift; local t0=$SECONDS; { time "$@" > "/tmp/$name.log" 2>&1; } 2> "/tmp/$name.time"; local rc=$?; echo "$name: rc=$rc $(cat /tmp/$name.time)"; return $rc; }
tests() { if [ -f dist/test/shard-2.js ]; then node --test --test-concurrency=2 dist/test/shard-*.js; else node dist/test/main.js; fi; }
if [ "${1:-}" = parallel ]; then
  TIMEFORMAT='%R s wall, %U+%S s cpu (all)'
  time {
    step eslint node node_modules/eslint/bin/eslint.js . &
    { step tsc node node_modules/typescript-7/bin/tsc -p tsconfig.json && step tests tests; } &
    wait
  }
else
  step tsc node node_modules/typescript-7/bin/tsc -p tsconfig.json
  step eslint node node_modules/eslint/bin/eslint.js .
  step tests tests
fi
step start node scripts/start-time.mjs; cat /tmp/start.log
grep -E "^# (tests|pass|fail) " /tmp/tests.log 2>/dev/null || grep -E "tests|pass|fail" /tmp/tests.log | tail -5
