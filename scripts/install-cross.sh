#!/usr/bin/env bash
# Installs what building ipec for other platforms needs on a Debian or Ubuntu machine (as root, or with sudo):
# the Windows target with the mingw-w64 linker and Wine to run its tests, and the static Linux (musl) target.
# `--aarch64` adds the 64-bit Arm Linux target and its cross linker. Safe to run again.
set -euo pipefail

targets=(x86_64-pc-windows-gnu x86_64-unknown-linux-musl)
packages=(gcc-mingw-w64-x86-64 wine64 musl-tools)
if [ "${1:-}" = --aarch64 ]; then
  targets+=(aarch64-unknown-linux-gnu)
  packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

rustup target add "${targets[@]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"

# Debian puts the 64-bit Wine loader outside PATH; the test runner is named by its full path.
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
echo "installed: ${targets[*]}; Wine at $wine"
