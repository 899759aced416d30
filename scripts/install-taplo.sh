#!/usr/bin/env bash
# Installs taplo, the TOML toolkit that checks the data files against their JSON Schema (data/schema/) and
# that editors use for completion (VS Code's "Even Better TOML", Neovim, Helix, Zed). The test suite runs
# `taplo check` on every data file (tests/schema.rs), and .ci/run runs this script first.
#
# From PyPI (a wheel with the taplo binary), else from npm (@taplo/cli). Does nothing if taplo is there.
set -euo pipefail

version=0.9.3
if command -v taplo >/dev/null 2>&1; then
  echo "taplo is installed: $(command -v taplo) ($(taplo --version))"
  exit 0
fi
if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check "taplo==$version" \
    || python3 -m pip install --quiet --disable-pip-version-check --user "taplo==$version" || true
  # pyenv puts new commands on PATH through its shims.
  command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
fi
# pip may put it in a folder that is not on PATH (a --user install, a Python without shims): link it into
# /usr/local/bin when that can be written, so that the tests and editors find it.
if ! command -v taplo >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  for dir in "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null)" \
             "$(python3 -m site --user-base 2>/dev/null)/bin"; do
    if [ -x "$dir/taplo" ] && [ -w /usr/local/bin ]; then
      ln -sf "$dir/taplo" /usr/local/bin/taplo
      break
    fi
  done
fi
if ! command -v taplo >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  npm install --global --silent @taplo/cli@0.7.0 || true
fi
if ! command -v taplo >/dev/null 2>&1; then
  user_bin=$(python3 -m site --user-base 2>/dev/null)/bin
  if [ -x "$user_bin/taplo" ]; then
    echo "taplo is installed in $user_bin, which is not on PATH: add it (export PATH=\"$user_bin:\$PATH\")" >&2
  else
    echo "could not install taplo: install it with 'pip install taplo' or 'npm install -g @taplo/cli'" >&2
  fi
  exit 1
fi
echo "taplo is installed: $(command -v taplo) ($(taplo --version))"
