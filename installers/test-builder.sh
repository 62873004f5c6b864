#!/usr/bin/env bash
# Installs dependencies, configures, builds and runs every test through ctest.
# Extra arguments go to ctest (e.g. -L unit, -R validation).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installers/build.sh"
cd "$root"
ctest --preset default -j2 --label-exclude bench "$@"
