#!/usr/bin/env bash
# Ticket creation over HTTP at a fixed rate, with GET /api/v1/health at the same rate as the baseline
# (docs/performance.md, "Ticket creation over HTTP"). Runs wrk (apt-get install wrk) with the paced Lua scripts
# of this directory: each of THREADS threads sends RATE/THREADS requests per second over its share of
# CONNECTIONS keep-alive connections, for DURATION. Prints wrk's report with the latency distribution
# (--latency) and, per run, the achieved rate and p50/p90/p99 as key=value lines.
#
# usage: tools/bench/wrk/run-ticket-create.sh [health|tickets|both]      (default both)
# environment: BASE_URL (http://localhost:8181), RATE (200), DURATION (60s), THREADS (2), CONNECTIONS (8),
#              USER_PASS (agent:agent, the demo agent of etc/users.properties),
#              WARMUP (60s: each measured run is preceded by the same load, not measured, so that the JIT has
#              compiled the hot paths; 0 for none)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=${1:-both}
export BASE_URL=${BASE_URL:-http://localhost:8181}
export RATE=${RATE:-200} DURATION=${DURATION:-60s} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-8}
export USER_PASS=${USER_PASS:-agent:agent}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[ $((CONNECTIONS % THREADS)) -eq 0 ] || { echo "CONNECTIONS must be a multiple of THREADS" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target: $RATE requests/s for $DURATION, $THREADS threads, $CONNECTIONS connections" \
  "(each connection at most every $((1000 * CONNECTIONS / RATE)) ms on average)"

status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/v1/health" || true)
[ "$status" = 200 ] || { echo "$BASE_URL/api/v1/health answers $status, not 200: is the distribution running?" >&2; exit 1; }

WARMUP=${WARMUP:-60s}
run() { # name script
  if [ "$WARMUP" != 0 ]; then
    echo
    echo "=== warm-up (not measured): $1, $RATE requests/s for $WARMUP ==="
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$here/$2" "$BASE_URL" \
      | grep -E '^(achieved_rps|non_2xx_3xx|errors_)' || true
  fi
  echo
  echo "=== $1: $RATE requests/s for $DURATION ==="
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$here/$2" "$BASE_URL"
}

if [ "$what" = health ] || [ "$what" = both ]; then
  run "GET /api/v1/health (baseline)" health.lua
fi
if [ "$what" = tickets ] || [ "$what" = both ]; then
  probe=$(curl -s -o /dev/null -w '%{http_code}' -u "$USER_PASS" -H 'Content-Type: application/json' \
    -d '{"subject":"load test probe","description":"probe before the load test","priority":"LOW","requesterEmail":"load-probe@example.com","requesterName":"Load Probe"}' \
    "$BASE_URL/api/v1/tickets" || true)
  if [ "${probe:0:1}" != 2 ]; then
    echo "POST /api/v1/tickets answers $probe: tickets plugin missing or the request format changed; not measured" >&2
    exit 2
  fi
  run "POST /api/v1/tickets" ticket-create.lua
fi
