# Shared helpers for gonogo's scripts. Source it; do not run it.

# Prints a message to stderr and exits non-zero.
die() {
  echo "gonogo: $*" >&2
  exit 1
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
