#!/usr/bin/env bash
# Scale of bulk onboarding: every current commune of the official list (34,969) onboarded through
# the bulk job on a running platform, then what that costs and how the towns list holds up:
#   - time of the job, towns per second;
#   - heap used after a full GC, before and after (jcmd on the server);
#   - towns list: provider API (first page, a far page, filters) and the provider console page,
#     median of 9 requests each, before and after;
#   - a bulk-onboarded town's first visit (its catalogue is provisioned then) and the next one.
#
# Usage, on a throwaway database (the job adds ~35,000 towns):
#   CITE_DATA_DIR=/tmp/cite-bench ./run.sh        # in another terminal, wait for "running"
#   CITE_DATA_DIR=/tmp/cite-bench bench/bulk-onboarding.sh
# Environment: CITE_BENCH_HOST (127.0.0.1), CITE_BENCH_PORT (8080), CITE_DATA_DIR (.cite-data).
set -euo pipefail
cd "$(dirname "$0")/.."

host="${CITE_BENCH_HOST:-127.0.0.1}"
port="${CITE_BENCH_PORT:-8080}"
data="${CITE_DATA_DIR:-.cite-data}"
base="http://${host}:${port}"
token=$(cat "${data}/operator-token")
operator_password=$(cat "${data}/operator-password")
auth=(-H "Authorization: Bearer ${token}" -H "Host: localhost:${port}")
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

server_pid=$(pgrep -f 'jboss-modules.jar' | head -1)
if [ -z "$server_pid" ]; then
  echo "No WildFly process found: is ./run.sh running?" >&2
  exit 1
fi

heap_after_gc() {
  jcmd "$server_pid" GC.run >/dev/null
  sleep 1
  jcmd "$server_pid" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'
}

# Median of 9 timings (seconds) of a curl command.
median() {
  local times=()
  for _ in 1 2 3 4 5 6 7 8 9; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$@")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 5p
}

# Signs the operator in to the provider console (Keycloak's identity-first form, then password).
console_login() {
  local page action
  page=$(curl -s -L -c "$jar" -b "$jar" -H "Host: localhost:${port}" "${base}/admin/provider/towns.xhtml")
  action=$(printf '%s' "$page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  page=$(curl -s -L -c "$jar" -b "$jar" --data-urlencode "username=operateur@cite.localhost" "$action")
  action=$(printf '%s' "$page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  curl -s -L -o /dev/null -c "$jar" -b "$jar" -H "Host: localhost:${port}" \
    --data-urlencode "password=${operator_password}" "$action"
  # Keycloak redirects to localhost:port; curl followed it with the right Host already.
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "Host: localhost:${port}" "${base}/admin/provider/towns.xhtml")
  [ "$code" = 200 ] || { echo "Console sign-in failed (HTTP ${code})" >&2; exit 1; }
}

measure_lists() {
  local label="$1"
  local towns
  towns=$(curl -s "${auth[@]}" "${base}/api/v1/platform/towns?size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
  echo "== ${label}: ${towns} towns"
  printf '  heap used after full GC        %s\n' "$(heap_after_gc)"
  printf '  API towns, first page (25)     %s s\n' "$(median "${auth[@]}" "${base}/api/v1/platform/towns?size=25")"
  printf '  API towns, page 1000           %s s\n' "$(median "${auth[@]}" "${base}/api/v1/platform/towns?size=25&page=1000")"
  printf '  API towns, status TRIAL        %s s\n' "$(median "${auth[@]}" "${base}/api/v1/platform/towns?size=25&status=TRIAL")"
  printf '  console towns page (25)        %s s\n' "$(median -b "$jar" -H "Host: localhost:${port}" "${base}/admin/provider/towns.xhtml")"
}

console_login
measure_lists "before"

echo "== bulk job: the whole official list"
started=$(date +%s.%N)
job=$(curl -s "${auth[@]}" -X POST "${base}/api/v1/platform/onboarding-jobs/official-list?status=TRIAL")
id=$(printf '%s' "$job" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
created_at=$(date +%s.%N)
printf '  job %s created with its lines in %.1f s\n' "$id" "$(echo "$created_at - $started" | bc)"
while true; do
  state=$(curl -s "${auth[@]}" "${base}/api/v1/platform/onboarding-jobs/${id}")
  s=$(printf '%s' "$state" | grep -o '"state":"[A-Z]*"' | cut -d'"' -f4)
  p=$(printf '%s' "$state" | grep -o '"processed":[0-9]*' | cut -d: -f2)
  printf '\r  %s: %s / 34969 lines' "$s" "$p"
  [ "$s" = DONE ] && break
  [ "$s" = INTERRUPTED ] && { echo; echo "job interrupted" >&2; exit 1; }
  sleep 5
done
finished=$(date +%s.%N)
echo
elapsed=$(echo "$finished - $started" | bc)
printf '%s' "$state" | python3 -c 'import json,sys; j=json.load(sys.stdin); print("  created %d, skipped %d, failed %d" % (j["created"], j["skipped"], j["failed"]))'
printf '  total %.1f s, %.0f lines/s\n' "$elapsed" "$(echo "34969 / $elapsed" | bc -l)"

measure_lists "after"

slug=$(curl -s "${auth[@]}" "${base}/api/v1/platform/towns?size=100&status=TRIAL" \
  | python3 -c 'import json,sys; print(next((t["slug"] for t in json.load(sys.stdin)["items"] if not t["provisioned"]), ""))')
if [ -n "$slug" ]; then
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "Host: ${slug}.localhost:${port}" "${base}/")
  second=$(curl -s -o /dev/null -w '%{time_total}' -H "Host: ${slug}.localhost:${port}" "${base}/")
  echo "== first visit of ${slug} (provisions its catalogue): ${first} s; next visit: ${second} s"
fi
