#!/usr/bin/env bash
# A single-node HDFS (NameNode + DataNode in one JVM: Hadoop's MiniDFSCluster, see
# flink-cluster/hdfs-dist) for local runs and the demo.
#
#   hdfs.sh start  [--port 9000] [--http-port 9870] [--data-dir DIR]
#   hdfs.sh stop   [--data-dir DIR]
#   hdfs.sh status [--data-dir DIR]
#
# DIR (default <repo>/run/hdfs) holds the NameNode metadata and the blocks (kept across
# restarts), hdfs.pid, hdfs.uri and the log. `start` prints the file system URI
# (hdfs://127.0.0.1:PORT, the value for hadoop.fs-uri) on stdout and the web UI on stderr.
# Environment: FLOWCAST_HDFS_PORT, FLOWCAST_HDFS_HTTP_PORT override the ports.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PORT="${FLOWCAST_HDFS_PORT:-9000}"
HTTP_PORT="${FLOWCAST_HDFS_HTTP_PORT:-9870}"
DATA_DIR="$FLOWCAST_REPO_DIR/run/hdfs"
START_TIMEOUT_S="${FLOWCAST_HDFS_START_TIMEOUT:-90}"
HDFS_HEAP_OPTS="${HDFS_HEAP_OPTS:--Xms128m -Xmx512m}"
MAIN_CLASS=io.flowcast.hdfs.LocalHdfsServer

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) PORT="$2"; shift 2 ;;
      --http-port) HTTP_PORT="$2"; shift 2 ;;
      --data-dir) DATA_DIR="$2"; shift 2 ;;
      -h|--help) usage 0 ;;
      *) log "unknown option: $1"; usage 2 ;;
    esac
  done
  mkdir -p "$DATA_DIR"
  DATA_DIR="$(cd "$DATA_DIR" && pwd)"
  PID_FILE="$DATA_DIR/hdfs.pid"
}

classpath() { printf '%s/*:%s' "$HDFS_DIST_DIR/libs" "$(ls "$HDFS_DIST_DIR"/flowcast-hdfs-dist-*.jar | head -n1)"; }

cmd_start() {
  local pid i
  if pid="$(read_pid "$PID_FILE")"; then
    log "HDFS already running (pid $pid, web UI $(cat "$DATA_DIR/hdfs.web" 2>/dev/null))"
    cat "$DATA_DIR/hdfs.uri"
    return 0
  fi
  require_java
  require_libs "$HDFS_DIST_DIR/libs" "HDFS"
  port_open 127.0.0.1 "$PORT" && die "port $PORT is already in use by another process"
  port_open 127.0.0.1 "$HTTP_PORT" && die "HTTP port $HTTP_PORT is already in use by another process"
  rm -f "$DATA_DIR/hdfs.uri" "$DATA_DIR/hdfs.web"
  # shellcheck disable=SC2086 # HDFS_HEAP_OPTS is intentionally word-split
  start_daemon "$PID_FILE" "$DATA_DIR/hdfs.log" \
    java $HDFS_HEAP_OPTS -Djava.awt.headless=true -Dlog4j2.level=WARN -Dlog4j2.rootLevel=WARN \
    -cp "$(classpath)" "$MAIN_CLASS" --data-dir "$DATA_DIR" --port "$PORT" --http-port "$HTTP_PORT"
  pid="$(head -n1 "$PID_FILE")"
  for ((i = 0; i < START_TIMEOUT_S * 10; i++)); do
    pid_alive "$pid" || { tail -n 40 "$DATA_DIR/hdfs.log" >&2; die "HDFS exited during startup; see $DATA_DIR/hdfs.log"; }
    [[ -s "$DATA_DIR/hdfs.uri" ]] && break
    sleep 0.1
  done
  [[ -s "$DATA_DIR/hdfs.uri" ]] || die "HDFS did not become ready within ${START_TIMEOUT_S}s; see $DATA_DIR/hdfs.log"
  log "HDFS ready: $(cat "$DATA_DIR/hdfs.uri") (pid $pid), web UI $(cat "$DATA_DIR/hdfs.web"), data $DATA_DIR"
  cat "$DATA_DIR/hdfs.uri"
}

cmd_stop() {
  stop_pidfile "$PID_FILE" "HDFS" "${FLOWCAST_HDFS_STOP_TIMEOUT:-30}"
  rm -f "$DATA_DIR/hdfs.uri" "$DATA_DIR/hdfs.web"
}

cmd_status() {
  local pid
  if pid="$(read_pid "$PID_FILE")"; then
    printf 'HDFS running: pid %s, %s, web UI %s, data %s\n' "$pid" "$(cat "$DATA_DIR/hdfs.uri")" "$(cat "$DATA_DIR/hdfs.web")" "$DATA_DIR"
  else
    printf 'HDFS not running (data %s)\n' "$DATA_DIR"
    return 3
  fi
}

main() {
  [[ $# -ge 1 ]] || usage 2
  local command="$1"
  shift
  parse_args "$@"
  case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h|--help|help) usage 0 ;;
    *) log "unknown command: $command"; usage 2 ;;
  esac
}

main "$@"
