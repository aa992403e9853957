# Sourced by the scripts that run a real consumer of claimtrack's output: getting the tool, and
# what to do when it cannot be had. A green CI must mean the consumer ran.

# unavailable TOOL WHY: under CI (CI set) fail; elsewhere say loudly that the check did not run.
unavailable() {
  echo >&2
  echo "!!! $0: $1 is not available: $2." >&2
  if [ -n "${CI:-}" ]; then
    echo "!!! CI must run this check: failing." >&2
    exit 1
  fi
  echo "!!! SKIPPED: this check did not run; install $1 to run it." >&2
  exit 0
}

# apt_install PACKAGE: install a Debian package, when running as root on Debian.
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "$0: installing Debian's $1" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$1" >/dev/null ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq "$1" >/dev/null; }
}

# pip_install MODULE PACKAGE: make the Python module importable, installing PACKAGE from PyPI.
pip_install() {
  python3 -c "import $1" 2>/dev/null && return 0
  python3 -m pip --version >/dev/null 2>&1 || return 1
  echo "$0: installing $2 with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check "$2" >&2 && python3 -c "import $1"
}
