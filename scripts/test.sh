#!/usr/bin/env bash
# Installs what is missing, then runs Galley's whole test suite.
# Tests that need ../shared (the development pages) skip with a message where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --debug
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
swift test
