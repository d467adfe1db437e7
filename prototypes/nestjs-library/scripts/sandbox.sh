#!/usr/bin/env bash
# Runs a command in a project directory inside bubblewrap the way Backforge's verify step does
# (activities/.../verification/Sandbox.java): no network or other shared namespaces, /usr and
# /etc read-only, only the project writable, a private /tmp, a clean environment, an address
# space and file size limit and a wall-clock limit.
#   scripts/sandbox.sh PROJECT_DIR "RO_DIR1 RO_DIR2" LIMIT_SECONDS command...
# MEMORY_BYTES: the address-space limit (default 8 GiB: Python gets 3, Maven 12).
# RO dirs are shown read-only at the same path (the npm cache, a shared node_modules).
# NODE_MODULES=<dir> additionally binds <dir> read-only at PROJECT/node_modules.
set -euo pipefail
project=$(realpath "$1"); readonly_dirs=$2; limit=$3; shift 3
args=(/usr/bin/prlimit "--as=${MEMORY_BYTES:-8589934592}" --fsize=536870912 --
  /usr/bin/bwrap --unshare-all --die-with-parent --new-session --ro-bind /usr /usr)
for top in /bin /sbin /lib /lib64 /lib32; do
  if [ -L "$top" ]; then args+=(--symlink "$(readlink "$top")" "$top");
  elif [ -d "$top" ]; then args+=(--ro-bind "$top" "$top"); fi
done
args+=(--ro-bind /etc /etc --proc /proc --dev /dev --tmpfs /tmp)
for dir in $readonly_dirs; do args+=(--ro-bind "$dir" "$dir"); done
args+=(--bind "$project" /project)
if [ -n "${NODE_MODULES:-}" ]; then args+=(--ro-bind "$NODE_MODULES" /project/node_modules); fi
args+=(--chdir /project --clearenv --setenv PATH /usr/bin:/bin --setenv HOME /tmp --setenv LANG C.UTF-8
  # sql.js is WebAssembly: V8 reserves 10 GiB of address space per Wasm memory for its trap
  # handler; inline bounds checks instead reserve the memory's size only (fits 8 GiB, not 3).
  # Heaps capped like Maven's JVMs.
  --setenv NODE_OPTIONS "--disable-wasm-trap-handler --max-old-space-size=768"
  -- /usr/bin/timeout --kill-after=5 "${limit}s" "$@")
exec "${args[@]}"
