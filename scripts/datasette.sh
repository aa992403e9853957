#!/usr/bin/env bash
# Datasette, the consumer of `export --format sqlite`: export the shipped claim base, serve it on
# 127.0.0.1 at a free port, read a table and the first query of docs/exports.md through the JSON
# API, and stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh
claimtrack() { cargo run --locked --quiet -- "$@"; }

command -v python3 >/dev/null || unavailable python3 "not installed"
pip_install datasette datasette || unavailable datasette "pip could not install it"
command -v curl >/dev/null || apt_install curl ||
  unavailable curl "not installed, and apt-get could not install it"

work=$(mktemp -d)
server=
stop() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

claimtrack --quiet export --format sqlite --out "$work/base.db"
query=$(awk '/^```sql$/ { inside = 1; next } /^```$/ && inside { exit } inside' docs/exports.md)
[ -n "$query" ] || { echo "error: no SQL query in docs/exports.md" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m datasette serve "$work/base.db" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 120); do
  curl -sf "$url/-/versions.json" >/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
if ! curl -sf "$url/-/versions.json" >/dev/null; then
  echo "error: Datasette did not answer on $url:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

curl -sf "$url/base/claims.json?_shape=array&_size=max" >"$work/claims.json"
curl -sfG "$url/base.json" --data-urlencode "sql=$query" --data-urlencode "_shape=array" \
  >"$work/query.json"
claimtrack report --format json >"$work/report.json"
python3 - "$work/claims.json" "$work/query.json" "$work/report.json" <<'PY'
import json, sys
claims, rows, report = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:])
expected = sorted(c["id"] for c in report["claims"])
if sorted(c["id"] for c in claims) != expected:
    sys.exit(f"error: Datasette serves {len(claims)} claims, the report has {len(expected)}")
if not rows or any(row.get("figure") != "iran-1988/executed" for row in rows):
    sys.exit(f"error: the documented query answered {rows!r}")
print(f"datasette: {len(claims)} claims through the JSON API; the documented query gave "
      f"{len(rows)} rows: " + ", ".join(str(row["value"]) for row in rows))
PY
