#!/usr/bin/env bash
# Graphviz, the consumer of `export --format dot`: `dot -Tsvg` must read the export of the shipped
# claim base and of the bases full of hostile record text, and draw one cluster per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh
claimtrack() { cargo run --locked --quiet -- "$@"; }

command -v dot >/dev/null || apt_install graphviz ||
  unavailable "Graphviz (dot)" "not installed, and apt-get could not install graphviz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for base in . tests/fixtures/export-hostile tests/fixtures/hostile-text; do
  claimtrack --root "$base" export --format dot >"$work/graph.dot"
  dot -Tsvg "$work/graph.dot" >"$work/graph.svg"
  figures=$(claimtrack --root "$base" report --list-figures | wc -l)
  clusters=$(grep -c 'class="cluster"' "$work/graph.svg" || true)
  if ! grep -q '<svg' "$work/graph.svg" || [ "$clusters" -ne "$figures" ]; then
    echo "error: dot drew $clusters clusters for $figures figures of $base" >&2
    exit 1
  fi
  echo "dot: $base: $(wc -c <"$work/graph.svg") bytes of SVG, $clusters clusters for $figures figures"
done
