#!/usr/bin/env bash
# End-to-end latency of the ticket-to-resolution workflow (docs/performance.md, "Ticket to proposal"): wrk
# creates tickets at a fixed RATE for DURATION through POST /api/v1/tickets, then resolution-latency.py reads
# every ticket of the run and its proposal and reports, per ticket, the time from the ticket's creation to its
# first proposal (both server timestamps; revision-1 proposals only), as p50/p90/p99/max.
#
# usage: tools/bench/wrk/run-resolution-latency.sh
# environment: BASE_URL (http://localhost:8181), RATE (50), DURATION (60s), THREADS (2), CONNECTIONS (4),
#              USER_PASS (agent:agent), GRACE (30: seconds to wait for the last proposals),
#              WARMUP (60s: the same load first, not measured, so that the JIT has compiled the hot paths; 0 for none)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export BASE_URL=${BASE_URL:-http://localhost:8181}
export RATE=${RATE:-50} DURATION=${DURATION:-60s} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-4}
USER_PASS=${USER_PASS:-agent:agent}
export AUTH_B64=$(printf '%s' "$USER_PASS" | base64 -w0)
export RUN_ID=${RUN_ID:-$(date +%s)}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$BASE_URL/api/v1/health" | grep -q '"id":"workflow-resolution"' \
  || { echo "the workflow plugin is not running at $BASE_URL" >&2; exit 1; }
WARMUP=${WARMUP:-60s}
if [ "$WARMUP" != 0 ]; then
  echo "=== warm-up (not measured): $RATE tickets/s for $WARMUP ==="
  RUN_ID="warmup-$RUN_ID" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$here/resolution-create.lua" \
    "$BASE_URL" | grep -E '^(achieved_rps|non_2xx_3xx|errors_)' || true
  sleep 15 # let the workflow finish the warm-up's tickets
fi
echo "=== POST /api/v1/tickets: $RATE tickets/s for $DURATION, run $RUN_ID ==="
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$here/resolution-create.lua" "$BASE_URL"
echo "=== ticket created -> proposal stored ==="
python3 "$here/resolution-latency.py" "$BASE_URL" "$USER_PASS" "latency-$RUN_ID" "${GRACE:-30}"
