#!/usr/bin/env bash
# Browser test of `report --format html`: headless Chromium renders the shipped claim base's report
# and the report of tests/fixtures/xss-html. The DOM Chromium builds must hold no element injected
# by record text, the page must load nothing the Content-Security-Policy refuses, and a screenshot
# of the shipped report (target/report.png) must not be blank.
#
# Chromium comes from Debian (chromium-headless-shell, else chromium), installed with apt-get when
# missing and running as root. Under CI (CI set) a browser that cannot be had fails the test;
# elsewhere the test is skipped with a loud message.
set -euo pipefail
cd "$(dirname "$0")/.."

unavailable() {
  if [ -n "${CI:-}" ]; then
    echo "browser test: FAILED: $1" >&2
    exit 1
  fi
  echo "" >&2
  echo "######## browser test SKIPPED: $1 ########" >&2
  echo "" >&2
  exit 0
}

find_browser() {
  local name
  for name in chromium-headless-shell chromium; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

browser=$(find_browser || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    unavailable "no chromium-headless-shell or chromium, and not root with apt-get to install one"
  fi
  echo "browser test: installing chromium-headless-shell with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || unavailable "apt-get update failed"
  apt-get install -y -qq --no-install-recommends chromium-headless-shell >&2 \
    || apt-get install -y -qq --no-install-recommends chromium >&2 \
    || unavailable "apt-get could not install chromium-headless-shell or chromium"
  browser=$(find_browser) || unavailable "chromium was installed but is not on PATH"
fi
echo "browser test: using $browser ($("$browser" --version 2>/dev/null || echo 'version unknown'))" >&2

out=target/browser
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

cargo build --locked --quiet
claimtrack=target/debug/claimtrack
"$claimtrack" report --format html --out "$out/shipped.html"
"$claimtrack" --root tests/fixtures/xss-html report --format html --out "$out/xss.html"

# Chromium with nothing running beside the page: no network services, no first-run work, a fresh
# profile each time.
chromium() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 "$@"
}

fail() {
  echo "browser test: FAILED: $1" >&2
  exit 1
}

check_dom() {
  local page=$1 dom=$out/$(basename "$1" .html).dom.html log=$out/$(basename "$1" .html).log
  chromium --dump-dom "file://$PWD/$page" >"$dom" 2>"$log" || fail "chromium could not render $page"
  grep -q '<h1>Consistency report' "$dom" || fail "$page did not render (see $dom)"
  if grep -Eiq '<(script|img|iframe|object|embed|link|base)[ >/]' "$dom"; then
    fail "$page: an element injected by record text reached the DOM (see $dom)"
  fi
  if grep -Eiq '<[a-z][^>]* on[a-z]+=' "$dom"; then
    fail "$page: an event handler attribute reached the DOM (see $dom)"
  fi
  if grep -Eio 'href="[^"]*"' "$dom" | grep -Eiv '^href="(#|https?://)'; then
    fail "$page: a link that is neither a fragment nor http(s) (see $dom)"
  fi
  if grep -Eiq 'Content[- ]Security[- ]Policy|Refused to' "$log"; then
    grep -Ei 'Content[- ]Security[- ]Policy|Refused to' "$log" >&2
    fail "$page broke its Content-Security-Policy (see $log)"
  fi
}

check_dom "$out/shipped.html"
check_dom "$out/xss.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$out/xss.dom.html" \
  || fail "the XSS payload is not shown as text (see $out/xss.dom.html)"

chromium --hide-scrollbars --window-size=1280,1800 --screenshot="$PWD/target/report.png" \
  "file://$PWD/$out/shipped.html" 2>>"$out/shipped.log" || fail "chromium could not take a screenshot"

# A blank or failed render has a handful of colours; the report has text, plots and tints.
python3 - target/report.png <<'PY' || fail "target/report.png looks blank"
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, idat = 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    previous, out = bytearray(stride), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(bytes(line))
        previous = line
    return width, height, channels, out

width, height, channels, rows = pixels(sys.argv[1])
colours = {row[x:x + 3] for row in rows[::4] for x in range(0, len(row), channels * 4)}
print(f"browser test: target/report.png is {width}x{height} with {len(colours)} distinct colours (sampled)")
sys.exit(0 if len(colours) > 16 else 1)
PY

echo "browser test: passed (the shipped report and the XSS fixture render inert; target/report.png)" >&2
