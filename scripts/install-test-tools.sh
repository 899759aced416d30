#!/usr/bin/env bash
# Installs what the test suite checks its output with, beyond Rust: taplo (the data files against their
# JSON Schema, tests/schema.rs). .ci/run runs this first; under CI (CI set) a missing taplo fails the
# tests that need it. (The PDFs' text is read in the tests themselves, with the pdf-extract crate.)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-taplo.sh
