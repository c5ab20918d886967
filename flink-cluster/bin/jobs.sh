#!/usr/bin/env bash
# Lists and cancels jobs on a Flink cluster through the REST API.
#
#   jobs.sh list                 one line per job: id, state, start time, name
#   jobs.sh cancel JOB_ID        cancel one job and wait until it is CANCELED
#   jobs.sh cancel-all           cancel every job that is not finished yet
#   jobs.sh checkpoints JOB_ID   completed/failed checkpoint counts and the latest one
#
# FLOWCAST_FLINK_REST (default http://localhost:8081) selects the cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TERMINAL_STATES="FINISHED CANCELED FAILED"

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

# "jid state start-millis name" per job. Flink writes each job's fields in a fixed order
# (jid, name, start-time, end-time, duration, state, ...), which keeps this parse jq-free.
job_rows() {
  rest GET /jobs/overview | sed 's/{"jid"/\n{"jid"/g' | sed -n -E \
    's/^\{"jid":"([0-9a-f]+)","name":"(([^"\\]|\\.)*)","start-time":(-?[0-9]+),.*"state":"([A-Z_]+)".*/\1 \5 \4 \2/p'
}

cmd_list() {
  local jid state start name when rows
  rows="$(job_rows)"
  printf '%-32s  %-12s  %-19s  %s\n' JOB_ID STATE STARTED NAME
  while read -r jid state start name; do
    [[ -n "$jid" ]] || continue
    when="$(date -d "@$((start / 1000))" '+%Y-%m-%d %H:%M:%S' 2>/dev/null || echo "$start")"
    printf '%-32s  %-12s  %-19s  %s\n' "$jid" "$state" "$when" "$name"
  done <<<"$rows"
}

job_state() { # JOB_ID
  json_field state "$(rest GET "/jobs/$1")"
}

cmd_cancel() { # JOB_ID
  local job_id="$1" state i
  state="$(job_state "$job_id")"
  if [[ " $TERMINAL_STATES " == *" $state "* ]]; then
    log "job $job_id is already $state"
    return 0
  fi
  rest PATCH "/jobs/$job_id?mode=cancel" >/dev/null
  for ((i = 0; i < ${FLOWCAST_CANCEL_TIMEOUT:-60} * 5; i++)); do
    state="$(job_state "$job_id")"
    if [[ " $TERMINAL_STATES " == *" $state "* ]]; then
      log "job $job_id is $state"
      return 0
    fi
    sleep 0.2
  done
  die "job $job_id did not reach a terminal state (last: $state)"
}

cmd_cancel_all() {
  local jid state start name count=0 rows
  rows="$(job_rows)"
  while read -r jid state start name; do
    [[ -n "$jid" ]] || continue
    [[ " $TERMINAL_STATES " == *" $state "* ]] && continue
    log "cancelling $jid ($name, $state)"
    cmd_cancel "$jid"
    count=$((count + 1))
  done <<<"$rows"
  log "cancelled $count job(s)"
}

cmd_checkpoints() { # JOB_ID
  local json completed failed latest
  json="$(rest GET "/jobs/$1/checkpoints")"
  completed="$(printf '%s' "$json" | sed -n -E 's/.*"counts":\{[^}]*"completed":([0-9]+).*/\1/p')"
  failed="$(printf '%s' "$json" | sed -n -E 's/.*"counts":\{[^}]*"failed":([0-9]+).*/\1/p')"
  latest="$(printf '%s' "$json" | sed -n -E 's/.*"latest":\{"completed":\{([^}]*)\}.*/\1/p')"
  printf 'completed=%s failed=%s\nlatest: %s\n' "${completed:-0}" "${failed:-0}" "${latest:-none}"
}

main() {
  [[ $# -ge 1 ]] || usage 2
  require_cmd curl "install curl (apt-get install -y curl)"
  case "$1" in
    list) cmd_list ;;
    cancel) [[ $# -eq 2 ]] || usage 2; cmd_cancel "$2" ;;
    cancel-all) cmd_cancel_all ;;
    checkpoints) [[ $# -eq 2 ]] || usage 2; cmd_checkpoints "$2" ;;
    -h|--help|help) usage 0 ;;
    *) log "unknown command: $1"; usage 2 ;;
  esac
}

main "$@"
