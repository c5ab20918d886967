#!/usr/bin/env bash
# Submits a job jar to a running Flink session cluster through the REST API and prints the job id.
#
#   submit.sh [-p PARALLELISM] [-s SAVEPOINT_PATH] [--allow-non-restored-state] JAR ENTRY_CLASS [program args...]
#
# FLOWCAST_FLINK_REST (default http://localhost:8081) selects the cluster. The jar is uploaded
# (POST /jars/upload) and run (POST /jars/<id>/run); the uploaded copy stays on the cluster and
# shows in the web UI's "Submit New Job" list.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

main() {
  local parallelism="" savepoint="" allow_non_restored=false
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -p|--parallelism) parallelism="$2"; shift 2 ;;
      -s|--savepoint) savepoint="$2"; shift 2 ;;
      --allow-non-restored-state) allow_non_restored=true; shift ;;
      -h|--help) usage 0 ;;
      --) shift; break ;;
      -*) log "unknown option: $1"; usage 2 ;;
      *) break ;;
    esac
  done
  [[ $# -ge 2 ]] || usage 2
  local jar="$1" entry_class="$2"
  shift 2
  [[ -f "$jar" ]] || die "jar not found: $jar"
  require_cmd curl "install curl (apt-get install -y curl)"

  local upload jar_id request args="" arg run job_id
  log "uploading $jar to $FLINK_REST_URL"
  # An empty Expect header avoids curl's 1 s "100-continue" pause on large uploads.
  upload="$(rest POST /jars/upload -H 'Expect:' -F "jarfile=@$jar;type=application/x-java-archive")"
  jar_id="$(basename "$(json_field filename "$upload")")"
  [[ -n "$jar_id" ]] || die "unexpected upload response: $upload"

  for arg in "$@"; do
    args+="${args:+,}$(json_string "$arg")"
  done
  request="{\"entryClass\":$(json_string "$entry_class"),\"programArgsList\":[${args}]"
  [[ -n "$parallelism" ]] && request+=",\"parallelism\":$parallelism"
  [[ -n "$savepoint" ]] && request+=",\"savepointPath\":$(json_string "$savepoint"),\"allowNonRestoredState\":$allow_non_restored"
  request+="}"

  log "running $entry_class${parallelism:+ with parallelism $parallelism}"
  run="$(rest POST "/jars/$jar_id/run" -H 'Content-Type: application/json' -d "$request")"
  job_id="$(json_field jobid "$run")"
  [[ -n "$job_id" ]] || die "unexpected run response: $run"
  log "submitted job $job_id ($FLINK_REST_URL/#/job/running/$job_id/overview)"
  printf '%s\n' "$job_id"
}

main "$@"
