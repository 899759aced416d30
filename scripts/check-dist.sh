#!/usr/bin/env bash
# The release, locally: what dist plans for a tag (every archive, the installers, the checksums), then
# the archive for this machine built as the release workflow builds it (`dist build`), and checked: its
# checksum, the files it must hold, and that its ipec runs and says what it carries.
# Needs dist: `cargo install cargo-dist --locked`. Slow the first time: the `dist` profile is a build of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dist >/dev/null || { echo "needs dist: cargo install cargo-dist --locked"; exit 2; }

fail() { echo "check-dist: $*" >&2; exit 1; }

# Every target and installer of the release, as dist plans it.
plan=$(dist plan 2>&1)
for artifact in ipec-x86_64-unknown-linux-gnu.tar.xz ipec-x86_64-unknown-linux-musl.tar.xz \
  ipec-aarch64-unknown-linux-gnu.tar.xz ipec-x86_64-apple-darwin.tar.xz ipec-aarch64-apple-darwin.tar.xz \
  ipec-x86_64-pc-windows-msvc.zip ipec-installer.sh ipec-installer.ps1 sha256.sum; do
  grep -q "$artifact" <<<"$plan" || fail "dist plans no $artifact"
done

host=$(rustc -vV | sed -n 's/^host: //p')
dist build --artifacts=local --target "$host"
cd target/distrib
case "$host" in
  *windows*) archive=ipec-$host.zip ;;
  *) archive=ipec-$host.tar.xz ;;
esac
[ -f "$archive" ] || fail "dist build wrote no $archive"
sha256sum -c "$archive.sha256" >/dev/null || fail "$archive does not match its checksum"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
case "$archive" in
  *.zip) unzip -q "$archive" -d "$unpacked" && root=$unpacked && exe=ipec.exe ;;
  *) tar -xJf "$archive" -C "$unpacked" && root=$unpacked/ipec-$host && exe=ipec ;;
esac
for file in "$exe" README.md LICENSE-MIT LICENSE-APACHE ipec.1 ipec.bash _ipec ipec.fish _ipec.ps1 ipec.elv; do
  [ -f "$root/$file" ] || fail "$archive has no $file"
done

# The binary runs, names its knowledge base, checks it, and prints the completions and man page shipped beside it.
export IPEC_CACHE_DIR=$unpacked/cache
version=$("$root/$exe" --version)
grep -Eq '[0-9]+ records, data/ last changed [0-9]{4}-[0-9]{2}-[0-9]{2}' <<<"$version" || fail "--version says: $version"
"$root/$exe" check >/dev/null || fail "ipec check failed"
cmp -s <("$root/$exe" completions bash --program ipec) "$root/ipec.bash" || fail "ipec.bash is not what this ipec prints"
cmp -s <("$root/$exe" man) "$root/ipec.1" || fail "ipec.1 is not what this ipec prints"
echo "check-dist: $archive holds ipec and its $(($(ls "$root" | wc -l) - 1)) files, and runs: $(head -1 <<<"$version")"
