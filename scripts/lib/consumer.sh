# Sourced by the scripts that prove an export with its real consumer (Datasette, pyld, Graphviz):
# running claimtrack, and getting a consumer from the registries the project uses when it is
# missing. A consumer that cannot be had fails the run under CI (CI set), so a green CI always
# means the consumer ran; elsewhere the script says so loudly and stops without failing.

# unavailable MESSAGE
unavailable() {
  if [ -n "${CI:-}" ]; then
    echo "error: $1; CI must run the real consumer" >&2
    exit 1
  fi
  echo "SKIPPED: $1 (under CI this fails)" >&2
  exit 0
}

# claimtrack ARGS...: the binary of this checkout.
claimtrack() {
  cargo run --locked --quiet -- "$@"
}

# need_python_module MODULE PACKAGE: import MODULE, installing PACKAGE from PyPI when missing.
need_python_module() {
  command -v python3 >/dev/null || unavailable "python3 is missing"
  python3 -c "import $1" 2>/dev/null && return 0
  python3 -m pip --version >/dev/null 2>&1 || unavailable "pip is missing, so $2 cannot be installed"
  echo "installing $2 with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check "$2" >&2 ||
    unavailable "pip could not install $2"
  python3 -c "import $1" || unavailable "$2 was installed but does not import"
}

# need_debian_command COMMAND PACKAGE: COMMAND on the PATH, installing Debian's PACKAGE when it is
# missing and we run as root.
need_debian_command() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing $2 with apt-get" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } >&2 ||
      unavailable "apt-get could not install $2"
  fi
  command -v "$1" >/dev/null || unavailable "$1 is missing (Debian package $2; install it as root)"
}
