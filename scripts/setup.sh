#!/usr/bin/env bash
# Installs what Galley needs on Debian/Ubuntu (asks for sudo when not root) and builds it in release mode.
# usage: scripts/setup.sh [--debug]     (the binaries end up in .build/release: galley, and galley-render beside it)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libpoppler-glib-dev libpoppler-private-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk fonts-dejavu-core
          poppler-utils qpdf python3 libxml2-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        export PATH=/opt/swift/usr/bin:$PATH
    else
        echo "setup: Swift 6 is needed (https://www.swift.org/install/linux/); 'swift' is not on PATH" >&2
        exit 1
    fi
fi

if [ "${1:-}" = "--debug" ]; then
    swift build
else
    echo "setup: building galley (release)…" >&2
    # The Swift runtime linked in statically: each run starts faster (about a third fewer instructions
    # before main). Toolchains without the static libraries get the ordinary build.
    swift build -c release --static-swift-stdlib || {
        echo "setup: static Swift runtime not available; building with the shared one" >&2
        swift build -c release
    }
fi
