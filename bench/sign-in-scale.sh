#!/usr/bin/env bash
# Sign-in at the scale of France: the cost of setting up sign-in for a town must not grow with the
# number of towns. With every commune onboarded (the bulk job of the official list, run here if
# fewer than 30,000 towns exist), a citizen account signs in on towns that were never visited
# before (each first visit provisions the town: catalogue and Keycloak organization), near the
# 10th town and near the 30,000th:
#   - set-up: first GET /compte/ on the town until Keycloak's login page for it answers;
#   - sign-in: the login form posted until "Mon compte" answers 200 on the town's host.
# Prints the medians of 5 towns each and the ratio far/near (the aim: <= 1.5).
#
# Usage, on a throwaway data directory:
#   CITE_DATA_DIR=/tmp/cite-bench ./run.sh        # in another terminal, wait for "running"
#   CITE_DATA_DIR=/tmp/cite-bench bench/sign-in-scale.sh
# Environment: CITE_BENCH_PORT (8080), CITE_DATA_DIR (.cite-data), CITE_BENCH_NEAR (9) and
# CITE_BENCH_FAR (29999): positions in the towns list of the first town of each group.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${CITE_BENCH_PORT:-8080}"
data="${CITE_DATA_DIR:-.cite-data}"
token=$(cat "${data}/operator-token")
email="operateur@cite.localhost"
password=$(cat "${data}/operator-password")
api=(-s -H "Authorization: Bearer ${token}" -H "Host: localhost:${port}")
base="http://127.0.0.1:${port}"

total() {
  curl "${api[@]}" "${base}/api/v1/platform/towns?size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2
}

if [ "$(total)" -lt 30005 ]; then
  echo "== bulk job: the whole official list"
  job=$(curl "${api[@]}" -X POST "${base}/api/v1/platform/onboarding-jobs/official-list?status=TRIAL")
  id=$(printf '%s' "$job" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  until curl "${api[@]}" "${base}/api/v1/platform/onboarding-jobs/${id}" | grep -q '"state":"DONE"'; do
    sleep 2
  done
fi
echo "== $(total) towns"

# The slug of the town at a position of the towns list (ordered by name).
slug_at() {
  curl "${api[@]}" "${base}/api/v1/platform/towns?size=1&page=$1" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4
}

now() { date +%s.%N; }

# Signs in on a town never visited; prints "setup signin" in seconds.
sign_in() {
  local host="$1.localhost:${port}" jar page action t0 t1 t2 code
  jar=$(mktemp)
  t0=$(now)
  # /compte/ -> 302 Keycloak (the town's first visit provisions it) -> login page
  page=$(curl -s -L -c "$jar" -b "$jar" --connect-to "$1.localhost:${port}:127.0.0.1:${port}" "http://${host}/compte/")
  t1=$(now)
  action=$(printf '%s' "$page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  if printf '%s' "$page" | grep -q 'name="password"'; then
    page=$(curl -s -L -c "$jar" -b "$jar" --connect-to "$1.localhost:${port}:127.0.0.1:${port}" \
      --data-urlencode "username=${email}" --data-urlencode "password=${password}" "$action")
  else
    page=$(curl -s -L -c "$jar" -b "$jar" --data-urlencode "username=${email}" "$action")
    action=$(printf '%s' "$page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
    curl -s -L -o /dev/null -c "$jar" -b "$jar" --connect-to "$1.localhost:${port}:127.0.0.1:${port}" \
      --data-urlencode "password=${password}" "$action"
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --connect-to "$1.localhost:${port}:127.0.0.1:${port}" "http://${host}/compte/")
  t2=$(now)
  rm -f "$jar"
  [ "$code" = 200 ] || { echo "sign-in on $1 failed (HTTP ${code})" >&2; exit 1; }
  echo "$(echo "$t1 - $t0" | bc) $(echo "$t2 - $t1" | bc)"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local from="$1" label="$2" setups=() signins=() slug r
  for i in 0 1 2 3 4; do
    slug=$(slug_at $((from + i)))
    r=$(sign_in "$slug")
    setups+=("${r% *}")
    signins+=("${r#* }")
    printf '  %-28s set-up %6.3f s  sign-in %6.3f s\n' "$slug" "${r% *}" "${r#* }" >&2
  done
  printf '%s %s\n' "$(printf '%s\n' "${setups[@]}" | median)" "$(printf '%s\n' "${signins[@]}" | median)"
}

# Positions of the first towns measured (never visited before: change them for a second run).
near_at="${CITE_BENCH_NEAR:-9}"
far_at="${CITE_BENCH_FAR:-29999}"
echo "== near the 10th town (from position ${near_at})"
near=$(measure "$near_at" near)
echo "== near the 30,000th town (from position ${far_at})"
far=$(measure "$far_at" far)
printf 'set-up median: 10th %s s, 30,000th %s s, ratio %.2f\n' "${near% *}" "${far% *}" "$(echo "${far% *} / ${near% *}" | bc -l)"
printf 'sign-in median: 10th %s s, 30,000th %s s, ratio %.2f\n' "${near#* }" "${far#* }" "$(echo "${far#* } / ${near#* }" | bc -l)"
