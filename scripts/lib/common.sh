# Shared helpers for gonogo's scripts. Source it; do not run it.

# Prints a message to stderr and exits non-zero.
# The status is DIE_STATUS (default 1); scripts whose exit code carries a verdict set it to 70, so a
# broken build is never read as NO-GO.
die() {
  echo "gonogo: $*" >&2
  exit "${DIE_STATUS:-1}"
}

# Makes sure a Java 17+ JDK is on PATH; on Debian as root installs one, otherwise says how.
require_jdk() {
  if command -v javac >/dev/null 2>&1; then
    local version
    version=$(javac -version 2>&1 | awk '{print $2}' | cut -d. -f1)
    if [ "${version:-0}" -ge 17 ] 2>/dev/null; then
      return 0
    fi
    echo "gonogo: javac ${version} found; gonogo needs Java 17 or newer" >&2
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gonogo: installing a Java 17 JDK (openjdk-17-jdk-headless) with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless \
      || die "apt-get could not install openjdk-17-jdk-headless; install a Java 17+ JDK and retry"
    return 0
  fi
  die "no Java 17+ JDK (javac) on PATH: install one (Debian: apt-get install openjdk-17-jdk-headless) or set PATH/JAVA_HOME"
}

# Makes sure headless Chromium runs (the reports module's browser test opens the Allure report in
# it); on Debian as root installs Debian's `chromium` package when missing, otherwise says how.
require_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "gonogo: installing headless Chromium (chromium) with apt-get" >&2
      apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          chromium fonts-dejavu-core \
        || die "apt-get could not install chromium; install it (apt-get install chromium) and retry"
    else
      die "no chromium on PATH: the Allure report's browser test needs it; install it (Debian: apt-get install chromium, as root)"
    fi
  fi
  local home
  home=$(mktemp -d)
  # One bounded headless start proves it can run here (no display, no sandbox, no network).
  if ! HOME="$home" timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$home/profile" --dump-dom about:blank >/dev/null 2>"$home/chromium.err"; then
    tail -n 5 "$home/chromium.err" >&2
    rm -rf "$home"
    die "chromium is installed but could not start headless (see above)"
  fi
  rm -rf "$home"
  echo "$(chromium --version 2>/dev/null | head -n 1) runs headless"
}

# Runs a named stage, timing it; records "name seconds status" in STAGES for stage_summary.
STAGES=()
stage() {
  local name=$1
  shift
  local start end status
  echo
  echo "==> [${name}] $*"
  start=$(date +%s)
  set +e
  "$@"
  status=$?
  set -e
  end=$(date +%s)
  STAGES+=("${name} $((end - start)) ${status}")
  echo "<== [${name}] $([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit ${status})") in $((end - start)) s"
  return "$status"
}

stage_summary() {
  echo
  echo "Stage timings:"
  local entry name seconds status
  for entry in "${STAGES[@]}"; do
    read -r name seconds status <<<"$entry"
    printf '  %-14s %5s s  %s\n' "$name" "$seconds" "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit ${status})")"
  done
}
