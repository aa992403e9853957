#!/usr/bin/env bash
# Taplo, the TOML toolkit behind editor extensions such as Even Better TOML, checks record files
# against the committed JSON Schemas through .taplo.toml, as an editor would: the shipped claim
# base must pass, and each bad-input fixture must be rejected for its own fault. Taplo comes from
# npm (@taplo/cli), or from crates.io (taplo-cli) when npm fails, into target/tools/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh

tools=$PWD/target/tools
find_taplo() {
  for candidate in "$(command -v taplo || true)" "$tools/npm/node_modules/.bin/taplo" \
    "$tools/cargo/bin/taplo"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      taplo=$candidate
      return 0
    fi
  done
  return 1
}

if ! find_taplo; then
  echo "$0: installing @taplo/cli from npm" >&2
  if ! { command -v npm >/dev/null &&
    npm install --prefix "$tools/npm" --no-audit --no-fund --no-save --loglevel=error \
      @taplo/cli@0.7.0 >&2; }; then
    echo "$0: npm could not install @taplo/cli; building taplo-cli with cargo instead" >&2
    cargo install --locked --quiet --root "$tools/cargo" taplo-cli@0.10.0 \
      --no-default-features --features lint,rustls-tls >&2 || true
  fi
  find_taplo || unavailable taplo "neither npm (@taplo/cli) nor cargo (taplo-cli) could install it"
fi
echo "$0: $("$taplo" --version)" >&2

# taplo check in DIR on every record file there; prints what taplo says, returns its status.
check_records() {
  local files
  mapfile -t files < <(cd "$1" && find claims sources -iname '*.toml' | sort)
  (cd "$1" && "$taplo" check --colors never "${files[@]}" 2>&1)
}

if ! output=$(check_records .); then
  echo "$output" >&2
  echo "$0: taplo rejects the shipped claim base" >&2
  exit 1
fi

# Each fixture is a claim base with one fault; a copy of it beside .taplo.toml and schemas/ is
# laid out as a desk's repository would be.
failures=0
while read -r fixture expected; do
  base=$(mktemp -d)
  cp -R "tests/fixtures/$fixture/." .taplo.toml schemas "$base/"
  if output=$(check_records "$base"); then
    echo "$0: taplo accepts tests/fixtures/$fixture, which must be rejected" >&2
    failures=$((failures + 1))
  elif [[ $output != *"$expected"* ]]; then
    echo "$output" >&2
    echo "$0: taplo rejects tests/fixtures/$fixture without saying: $expected" >&2
    failures=$((failures + 1))
  fi
  rm -rf "$base"
done <<'FIXTURES'
unknown-field-sorce 'sorce' was unexpected
value-true true is not of type
unknown-table-claims 'claims' was unexpected
date-month-13 "2018-13" does not match
FIXTURES
[ "$failures" -eq 0 ] || exit 1
echo "$0: taplo accepts the shipped claim base and rejects the 4 bad-input fixtures"
