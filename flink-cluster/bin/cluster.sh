#!/usr/bin/env bash
# A local Flink 1.20 standalone session cluster (one JobManager, one TaskManager) run from the
# jars Maven copied into flink-cluster/flink-dist/target/lib: no Flink tarball needed.
#
#   cluster.sh start  [--run-dir DIR] [--rest-port 8081]
#   cluster.sh stop   [--run-dir DIR]
#   cluster.sh status [--run-dir DIR]
#
# Config: flink-cluster/conf/config.yaml (FLOWCAST_FLINK_CONF_DIR overrides the folder).
# Run dir (default <repo>/run/flink, or FLOWCAST_FLINK_RUN_DIR): pids/, log/, checkpoints/,
# savepoints/, web-upload/, tmp/. Extra JVM flags: FLOWCAST_FLINK_JM_OPTS, FLOWCAST_FLINK_TM_OPTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CONF_DIR="${FLOWCAST_FLINK_CONF_DIR:-$FLOWCAST_CLUSTER_DIR/conf}"
RUN_DIR="${FLOWCAST_FLINK_RUN_DIR:-$FLOWCAST_REPO_DIR/run/flink}"
REST_PORT=""
START_TIMEOUT_S="${FLOWCAST_FLINK_START_TIMEOUT:-90}"

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --run-dir) RUN_DIR="$2"; shift 2 ;;
      --rest-port) REST_PORT="$2"; shift 2 ;;
      -h|--help) usage 0 ;;
      *) log "unknown option: $1"; usage 2 ;;
    esac
  done
  mkdir -p "$RUN_DIR"/{pids,log,checkpoints,savepoints,web-upload,tmp,plugins}
  RUN_DIR="$(cd "$RUN_DIR" && pwd)"
  CONF_DIR="$(cd "$CONF_DIR" && pwd)"
  JM_PID="$RUN_DIR/pids/jobmanager.pid"
  TM_PID="$RUN_DIR/pids/taskmanager.pid"
  REST_PORT_FILE="$RUN_DIR/rest.port"
  if [[ -z "$REST_PORT" ]]; then
    if read_pid "$JM_PID" >/dev/null && [[ -f "$REST_PORT_FILE" ]]; then
      REST_PORT="$(cat "$REST_PORT_FILE")"
    else
      REST_PORT="$(config_value rest.port || true)"
      REST_PORT="${REST_PORT:-8081}"
    fi
  fi
  REST_URL="http://localhost:$REST_PORT"
}

# Reads a top-level flat key ("a.b.c: value") or, for rest.port, the nested "port:" under "rest:".
config_value() { # KEY
  local key="$1"
  if grep -qE "^${key//./\\.}:" "$CONF_DIR/config.yaml"; then
    sed -n -E "s/^${key//./\\.}:[[:space:]]*(.*)$/\1/p" "$CONF_DIR/config.yaml" | head -n1
  elif [[ "$key" == rest.port ]]; then
    awk '/^rest:/{in_rest=1; next} /^[^[:space:]#]/{in_rest=0} in_rest && $1=="port:"{print $2; exit}' "$CONF_DIR/config.yaml"
  else
    return 1
  fi
}

classpath() { printf '%s/*' "$FLINK_LIB_DIR"; }

# Settings that are absolute paths under the run dir (and the REST port), for every process.
dynamic_properties() {
  printf '%s\n' \
    -D "state.checkpoints.dir=file://$RUN_DIR/checkpoints" \
    -D "execution.checkpointing.savepoint-dir=file://$RUN_DIR/savepoints" \
    -D "io.tmp.dirs=$RUN_DIR/tmp" \
    -D "web.upload.dir=$RUN_DIR/web-upload" \
    -D "web.tmpdir=$RUN_DIR/tmp" \
    -D "rest.port=$REST_PORT"
}

# Runs Flink's BashJavaUtils (what bin/jobmanager.sh and bin/taskmanager.sh do) and prints its
# two result lines: the JVM memory flags, then the memory settings as -D dynamic properties.
memory_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS
  local output
  local -a dyn
  mapfile -t dyn < <(dynamic_properties)
  output="$(java -Xmx128m -cp "$(classpath)" org.apache.flink.runtime.util.bash.BashJavaUtils \
    "$1" --configDir "$CONF_DIR" "${dyn[@]}" 2>&1)" \
    || { printf '%s\n' "$output" >&2; die "computing $1 with BashJavaUtils failed"; }
  output="$(printf '%s\n' "$output" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  [[ "$(printf '%s\n' "$output" | wc -l)" -ge 2 ]] || die "unexpected BashJavaUtils output for $1: $output"
  printf '%s\n' "$output" | tail -n 2
}

start_process() { # NAME PIDFILE MEMORY_COMMAND EXTRA_OPTS MAIN_CLASS
  local name="$1" pidfile="$2" memory_command="$3" extra_opts="$4" main_class="$5"
  local params jvm_params dynamic_configs java_opts_all
  local -a dyn
  params="$(memory_params "$memory_command")"
  jvm_params="$(printf '%s\n' "$params" | head -n1)"
  dynamic_configs="$(printf '%s\n' "$params" | tail -n1)"
  java_opts_all="$(config_value env.java.opts.all || true)"
  mapfile -t dyn < <(dynamic_properties)
  # shellcheck disable=SC2086 # JVM flag strings are intentionally word-split, as in Flink's scripts
  FLINK_CONF_DIR="$CONF_DIR" FLINK_LIB_DIR="$FLINK_LIB_DIR" FLINK_PLUGINS_DIR="$RUN_DIR/plugins" \
  FLINK_LOG_DIR="$RUN_DIR/log" \
    start_daemon "$pidfile" "$RUN_DIR/log/flink-$name.out" \
    java $jvm_params $java_opts_all $extra_opts \
    -Dlog.file="$RUN_DIR/log/flink-$name.log" \
    -Dlog4j.configuration="file:$CONF_DIR/log4j.properties" \
    -Dlog4j.configurationFile="file:$CONF_DIR/log4j.properties" \
    -Dlogback.configurationFile="file:$CONF_DIR/logback.xml" \
    -cp "$(classpath)" "$main_class" --configDir "$CONF_DIR" "${dyn[@]}" $dynamic_configs
  log "started $name (pid $(head -n1 "$pidfile")), log $RUN_DIR/log/flink-$name.log"
}

overview() { curl -sf --max-time 5 "$REST_URL/overview" 2>/dev/null; }

json_number() { # KEY JSON
  printf '%s' "$2" | sed -n -E "s/.*\"$1\":([0-9]+).*/\1/p"
}

wait_until() { # DESCRIPTION PIDFILE CHECK_FUNCTION
  local description="$1" pidfile="$2" check="$3" i pid
  pid="$(head -n1 "$pidfile")"
  for ((i = 0; i < START_TIMEOUT_S * 5; i++)); do
    "$check" && return 0
    if ! pid_alive "$pid"; then
      tail -n 40 "$RUN_DIR/log/"*.out >&2 2>/dev/null || true
      die "$description: process $pid exited; see $RUN_DIR/log/"
    fi
    sleep 0.2
  done
  die "$description: not ready within ${START_TIMEOUT_S}s; see $RUN_DIR/log/"
}

rest_up() { overview >/dev/null; }

taskmanager_registered() {
  local json
  json="$(overview)" || return 1
  [[ "$(json_number taskmanagers "$json")" -ge 1 && "$(json_number slots-total "$json")" -ge 1 ]]
}

cmd_start() {
  local started=$SECONDS json
  require_java
  require_libs "$FLINK_LIB_DIR" "Flink runtime"
  require_cmd curl "install curl (apt-get install -y curl)"
  if read_pid "$JM_PID" >/dev/null; then
    log "JobManager already running (pid $(head -n1 "$JM_PID"))"
  else
    port_open localhost "$REST_PORT" && die "port $REST_PORT is in use by another process (another Flink cluster?)"
    printf '%s\n' "$REST_PORT" >"$REST_PORT_FILE"
    start_process jobmanager "$JM_PID" GET_JM_RESOURCE_PARAMS "${FLOWCAST_FLINK_JM_OPTS:-}" \
      org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
  fi
  wait_until "JobManager REST API on $REST_URL" "$JM_PID" rest_up
  if read_pid "$TM_PID" >/dev/null; then
    log "TaskManager already running (pid $(head -n1 "$TM_PID"))"
  else
    start_process taskmanager "$TM_PID" GET_TM_RESOURCE_PARAMS "${FLOWCAST_FLINK_TM_OPTS:-}" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner
  fi
  wait_until "TaskManager registration" "$TM_PID" taskmanager_registered
  json="$(overview)"
  log "Flink cluster ready in $((SECONDS - started)) s: $(json_number taskmanagers "$json") TaskManager(s), $(json_number slots-total "$json") slots"
  log "web UI $REST_URL, run dir $RUN_DIR"
  printf '%s\n' "$REST_URL"
}

cmd_stop() {
  stop_pidfile "$TM_PID" "TaskManager" "${FLOWCAST_FLINK_STOP_TIMEOUT:-30}"
  stop_pidfile "$JM_PID" "JobManager" "${FLOWCAST_FLINK_STOP_TIMEOUT:-30}"
}

cmd_status() {
  local jm tm json rc=0
  jm="$(read_pid "$JM_PID" || echo "not running")"
  tm="$(read_pid "$TM_PID" || echo "not running")"
  printf 'JobManager:  %s\n' "$jm"
  printf 'TaskManager: %s\n' "$tm"
  if json="$(overview)"; then
    printf 'REST:        %s  taskmanagers=%s slots=%s/%s free, jobs running=%s\n' "$REST_URL" \
      "$(json_number taskmanagers "$json")" "$(json_number slots-available "$json")" \
      "$(json_number slots-total "$json")" "$(json_number jobs-running "$json")"
  else
    printf 'REST:        %s not reachable\n' "$REST_URL"
    rc=3
  fi
  printf 'Run dir:     %s\n' "$RUN_DIR"
  return "$rc"
}

main() {
  [[ $# -ge 1 ]] || usage 2
  local command="$1"
  shift
  case "$command" in
    -h|--help|help) usage 0 ;;
  esac
  parse_args "$@"
  case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) log "unknown command: $command"; usage 2 ;;
  esac
}

main "$@"
