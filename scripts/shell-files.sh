#!/usr/bin/env bash
# Writes the shell completions and the man page that the release archives carry (assets/shell/), from
# the command line's own definition: run it after changing a command or a flag. tests/release.rs fails
# while these files differ from what `ipec completions` and `ipec man` print.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --locked
ipec=target/debug/ipec
out=assets/shell
mkdir -p "$out"
"$ipec" completions bash --program ipec > "$out/ipec.bash"
"$ipec" completions zsh --program ipec > "$out/_ipec"
"$ipec" completions fish --program ipec > "$out/ipec.fish"
"$ipec" completions powershell --program ipec > "$out/_ipec.ps1"
"$ipec" completions elvish --program ipec > "$out/ipec.elv"
"$ipec" man > "$out/ipec.1"
echo "wrote $(ls "$out" | wc -l) files in $out"
