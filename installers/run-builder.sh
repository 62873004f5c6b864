#!/usr/bin/env bash
# Builder's main job on the embedded default: builds everything, then starts
# builderd with its SQLite store under the user's data directory
# ($BUILDER_DATA_DIR, else $XDG_DATA_HOME/builder, else ~/.local/share/builder).
# It prints where it listens and where the local admin token is; Ctrl-C stops it.
# Extra arguments go to `builderd serve` (e.g. --grpc-listen 127.0.0.1:0).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installers/build.sh" --target builderd builderctl
exec "$root/build/backend/daemon/builderd" serve "$@"
