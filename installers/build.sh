#!/usr/bin/env bash
# Installs the Debian packages, configures and builds Builder into ./build.
# Shared by run-builder.sh and test-builder.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/installers/install-deps.sh"
cmake --preset default >/dev/null
cmake --build --preset default "$@"
