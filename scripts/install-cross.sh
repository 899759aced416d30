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

# Wine 8 (Debian 12) has no bcryptprimitives.dll, which every Rust program for Windows imports since
# Rust 1.78: a small stand-in (scripts/wine/), marked as one of Wine's own DLLs so that any Wine prefix
# loads it from Wine's folder. Wine 9 and later have the real one, and this step is skipped.
dlls=$(dirname "$(readlink -f "$wine")")/../x86_64-linux-gnu/wine/x86_64-windows
[ -d "$dlls" ] || dlls=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
if [ -d "$dlls" ] && [ ! -e "$dlls/bcryptprimitives.dll" ]; then
  here=$(cd "$(dirname "$0")" && pwd)
  built=$(mktemp -d)
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$built/bcryptprimitives.dll" \
    "$here/wine/bcryptprimitives.c" "$here/wine/bcryptprimitives.def" -ladvapi32
  # Wine loads a DLL from its own folder only if it says "Wine builtin DLL" right after the DOS header.
  printf 'Wine builtin DLL\0' | dd of="$built/bcryptprimitives.dll" bs=1 seek=64 conv=notrunc status=none
  "${sudo[@]}" install -m 644 "$built/bcryptprimitives.dll" "$dlls/bcryptprimitives.dll"
  rm -rf "$built"
  echo "installed a bcryptprimitives.dll for this Wine in $dlls"
fi
echo "installed: ${targets[*]}; Wine at $wine"
