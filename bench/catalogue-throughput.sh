#!/usr/bin/env bash
# Throughput of the catalogue pages against a static file of the same server, same wrk settings,
# in the same run: the ratio says how close a dynamic page comes to the server's ceiling.
#
# Usage: start the platform (./run.sh), then
#   bench/catalogue-throughput.sh [town-slug] [duration]
# Environment: CITE_BENCH_HOST (127.0.0.1), CITE_BENCH_PORT (8080), CITE_BENCH_THREADS (2),
# CITE_BENCH_CONNECTIONS (32). Needs wrk (Debian package "wrk"; installed here if missing and root).
set -euo pipefail

slug="${1:-le-havre}"
duration="${2:-15s}"
host="${CITE_BENCH_HOST:-127.0.0.1}"
port="${CITE_BENCH_PORT:-8080}"
threads="${CITE_BENCH_THREADS:-2}"
connections="${CITE_BENCH_CONNECTIONS:-32}"
town_host="${slug}.localhost:${port}"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: sudo apt-get install wrk" >&2
    exit 1
  fi
fi

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: ${town_host}" "http://${host}:${port}/")
if [ "$status" != 200 ]; then
  echo "The home page of ${slug} answers ${status} on ${host}:${port}: is ./run.sh running?" >&2
  exit 1
fi

# Requests per second of one path, after a warm-up of the same length as the measure.
rps() {
  local path="$1" ua="${2:-wrk}"
  wrk -t"$threads" -c"$connections" -d5s -H "Host: ${town_host}" -H "User-Agent: ${ua}" "http://${host}:${port}${path}" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" -H "Host: ${town_host}" -H "User-Agent: ${ua}" "http://${host}:${port}${path}" \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx " $4 > "/dev/stderr"}'
}

static_path="/resources/css/portal.css"
echo "wrk -t${threads} -c${connections} -d${duration} against ${town_host} (${host}:${port})"
static=$(rps "$static_path")
printf '%-34s %10s req/s\n' "static file ${static_path}" "$static"
for path in "/" "/themes/famille" "/demarches/carte-identite" "/api/v1/catalogue/most-requested"; do
  r=$(rps "$path")
  ratio=$(awk -v a="$r" -v b="$static" 'BEGIN { printf "%.2f", a / b }')
  printf '%-34s %10s req/s   ratio to static %s\n' "$path" "$r" "$ratio"
done

# A procedure page as a browser asks it: the view goes through the once-per-visitor count (hash and
# Bloom filter); wrk's own user agent is a robot and is not counted. The ratio is what counting
# costs on the hot path.
browser="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
robot=$(rps "/demarches/carte-identite")
counted=$(rps "/demarches/carte-identite" "$browser")
printf '%-34s %10s req/s   ratio to the same page uncounted %s\n' "/demarches/carte-identite (counted)" "$counted" \
  "$(awk -v a="$counted" -v b="$robot" 'BEGIN { printf "%.2f", a / b }')"
