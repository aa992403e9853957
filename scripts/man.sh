#!/usr/bin/env bash
# Every manual page `claimtrack man` writes passes `mandoc -T lint` (Debian's mandoc, installed
# when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh

command -v mandoc >/dev/null || apt_install mandoc ||
  unavailable mandoc "not installed, and apt-get could not install it"

pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
cargo run --locked --quiet -- man --out-dir "$pages"
count=$(find "$pages" -name '*.1' | wc -l)
[ "$count" -gt 1 ] || { echo "$0: claimtrack man wrote $count pages" >&2; exit 1; }

# Warnings and worse fail the check. Style notes (source lines over 80 bytes, which roff fills
# anyway, and a space clap_mangen leaves after the synopsis) are not reported.
if ! report=$(mandoc -T lint -W warning "$pages"/*.1 2>&1) || [ -n "$report" ]; then
  echo "$0: mandoc -T lint found problems in the manual pages:" >&2
  echo "${report//$pages\//}" >&2
  exit 1
fi
echo "$0: $count manual pages pass mandoc -T lint -W warning"
