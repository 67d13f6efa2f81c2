#!/usr/bin/env bash
# What the test suite needs beyond the .NET SDK (see scripts/install-deps.sh for the list).
set -euo pipefail
exec "$(dirname "$0")/install-deps.sh" test
