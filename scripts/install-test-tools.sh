#!/usr/bin/env bash
# Installs what the test suite checks its output with, beyond Rust: taplo (the data files against their
# JSON Schema, tests/schema.rs) and poppler's pdftotext (the text of the PDF slides and handouts,
# tests/handout.rs). .ci/run runs this first; under CI (CI set) a missing tool fails the tests that need it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-taplo.sh
if ! command -v pdftotext >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -q poppler-utils >/dev/null
  else
    echo "pdftotext not found: install poppler-utils with your package manager" >&2
  fi
fi
command -v pdftotext >/dev/null 2>&1 && echo "pdftotext is installed: $(command -v pdftotext)"
