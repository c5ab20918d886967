#!/usr/bin/env bash
# Shared helpers for the flink-cluster/bin scripts. Sourced, never executed.
# shellcheck disable=SC2034 # the directory variables are used by the scripts that source this
# Everything is resolved relative to this file so the scripts work from any working directory
# (the launcher, a terminal, or a Java test calling them through ProcessBuilder).

FLOWCAST_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FLOWCAST_CLUSTER_DIR="$(cd "$FLOWCAST_BIN_DIR/.." && pwd)"
FLOWCAST_REPO_DIR="$(cd "$FLOWCAST_CLUSTER_DIR/.." && pwd)"
FLINK_LIB_DIR="$FLOWCAST_CLUSTER_DIR/flink-dist/target/lib"
KAFKA_LIBS_DIR="$FLOWCAST_CLUSTER_DIR/kafka-dist/target/libs"
CONNECT_LIBS_DIR="$FLOWCAST_CLUSTER_DIR/connect-dist/target/libs"
HDFS_DIST_DIR="$FLOWCAST_CLUSTER_DIR/hdfs-dist/target"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# Java 17+ is required by Flink 1.20 with the --add-opens list below and by Kafka 4.
require_java() {
  command -v java >/dev/null 2>&1 || die "java not found: install a Java 17 JDK (e.g. apt-get install -y openjdk-17-jdk-headless)"
  local version
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -n "$version" && "$version" -ge 17 ]] || die "Java 17 or newer is required (found: ${version:-unknown}); set PATH or JAVA_HOME"
}

require_libs() { # DIR WHAT
  compgen -G "$1/*.jar" >/dev/null || die "$2 jars missing in $1: run 'mvn -q -B -DskipTests package' in $FLOWCAST_REPO_DIR (or ./flowcast, which builds when needed)"
}

require_cmd() { # CMD HINT
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found: $2"
}

# Process helpers: a pid file holds one pid; a daemon is "running" when that pid is alive.
# A zombie (exited, not yet reaped by whoever adopted it) counts as stopped.
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"
}

# Prints the pid in PIDFILE if that process is alive and, when /proc is there, its command line
# mentions the main class recorded next to the pid (a pid file that survived a reboot may name a
# pid that now belongs to something else).
read_pid() { # PIDFILE
  local pid main_class
  [[ -f "$1" ]] || return 1
  pid="$(head -n1 "$1" 2>/dev/null || true)"
  main_class="$(sed -n 2p "$1" 2>/dev/null || true)"
  pid_alive "$pid" || return 1
  if [[ -n "$main_class" && -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "$main_class" >/dev/null || return 1
  fi
  printf '%s\n' "$pid"
}

# Stops the process in PIDFILE: SIGTERM, wait up to TIMEOUT seconds, then SIGKILL.
stop_pidfile() { # PIDFILE NAME [TIMEOUT]
  local pidfile="$1" name="$2" timeout="${3:-30}" pid i
  if ! pid="$(read_pid "$pidfile")"; then
    log "$name is not running"
    rm -f "$pidfile"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || { rm -f "$pidfile"; log "$name stopped"; return 0; }
    sleep 0.1
  done
  log "$name did not stop within ${timeout}s, killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do pid_alive "$pid" || break; sleep 0.1; done
  rm -f "$pidfile"
}

# Starts a command detached from the caller (own session, no inherited stdio), so a caller that
# reads our output through a pipe (ProcessBuilder, $(...)) is not kept waiting by the daemon.
# The pid file holds the pid and, on a second line, the last argument that looks like a Java
# class name (what read_pid checks the command line against).
start_daemon() { # PIDFILE OUTFILE CMD...
  local pidfile="$1" outfile="$2" arg main_class=""
  shift 2
  for arg in "$@"; do
    [[ "$arg" =~ ^[a-z]+(\.[a-zA-Z0-9_]+)+$ && "$arg" =~ \.[A-Z][A-Za-z0-9_]*$ ]] && main_class="$arg"
  done
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" >"$outfile" 2>&1 </dev/null &
  else
    nohup "$@" >"$outfile" 2>&1 </dev/null &
  fi
  printf '%s\n%s\n' "$!" "$main_class" >"$pidfile"
}

port_open() { # HOST PORT
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# A Kafka-style 22 character base64url UUID (what `kafka-storage random-uuid` prints), made
# without starting a JVM. A leading '-' would be read as an option, so it is avoided.
random_kafka_uuid() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && { printf '%s\n' "$id"; return; }
  done
}

# REST endpoint of the Flink cluster for submit.sh / jobs.sh.
FLINK_REST_URL="${FLOWCAST_FLINK_REST:-http://localhost:8081}"

# JSON string literal for an arbitrary argument (program arguments may hold quotes, spaces).
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\r'/\\r}"
  s="${s//$'\t'/\\t}"
  printf '"%s"' "$s"
}

# Value of a flat string field in a JSON document, without requiring jq.
json_field() { # KEY JSON
  printf '%s' "$2" | sed -n -E "s/.*\"$1\":\"([^\"]*)\".*/\1/p" | head -n1
}

# curl against the REST API; prints the body, fails with the server's error text on HTTP >= 400.
rest() { # METHOD PATH [curl args...]
  local method="$1" path="$2" body status
  shift 2
  body="$(curl -s --max-time "${FLOWCAST_REST_TIMEOUT:-120}" -X "$method" -w '\n%{http_code}' "$@" "$FLINK_REST_URL$path")" \
    || die "cannot reach the Flink REST API at $FLINK_REST_URL (is the cluster running? flink-cluster/bin/cluster.sh start)"
  status="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [[ "$status" -ge 400 ]]; then
    die "$method $path failed with HTTP $status: $body"
  fi
  printf '%s\n' "$body"
}
