#!/usr/bin/env bash
# Browser tests of the agents' web UI (/ui/) against the real distribution.
#
# Copies karaf-distribution/target/assembly to a temporary directory, moves every port it opens to a private
# one (HTTP 18281, SSH 18201, RMI 11199/44445) so it never collides with a platform already running, starts it
# with a fresh data directory (the demo data loads on first start), waits for the REST API and the demo tickets,
# runs the unit tests of the UI's modules and the Playwright tests in headless Chromium, and always stops Karaf.
# Exits non-zero when anything fails. Needs: the built distribution, Node.js 20+, `npm ci` in this folder,
# and Chromium at /usr/bin/chromium (CHROMIUM overrides it). ALEXANDRIA_ASSEMBLY points at another assembly;
# KEEP_WORK=1 keeps the temporary copy (it is always kept, with its log, when a test fails).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
assembly="${ALEXANDRIA_ASSEMBLY:-$repo/karaf-distribution/target/assembly}"
http_port="${ALEXANDRIA_UI_HTTP_PORT:-18281}"
base_url="http://127.0.0.1:${http_port}"

if [ ! -x "$assembly/bin/karaf" ]; then
  echo "run.sh: no distribution at $assembly; build it first (mvn install)" >&2
  exit 2
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "run.sh: run 'npm ci --prefix itests/ui' first" >&2
  exit 2
fi
if curl -s -o /dev/null --max-time 2 "$base_url/"; then
  echo "run.sh: something already listens on port $http_port; stop it first" >&2
  exit 2
fi

work="$(mktemp -d /tmp/alexandria-ui-itest.XXXXXX)"
karaf_pid=""

stop_karaf() {
  local status=$?
  set +e
  if [ -n "$karaf_pid" ] && kill -0 "$karaf_pid" 2>/dev/null; then
    echo "== stopping Karaf (pid $karaf_pid)"
    "$work/bin/stop" >/dev/null 2>&1
    for _ in $(seq 1 60); do
      kill -0 "$karaf_pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$karaf_pid" 2>/dev/null; then
      echo "Karaf did not stop within 60 s; killing pid $karaf_pid"
      kill -9 "$karaf_pid" 2>/dev/null
    fi
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/data/log/karaf.log" ]; then
    echo "== last lines of karaf.log ($work/data/log/karaf.log)"
    tail -n 40 "$work/data/log/karaf.log"
  fi
  if [ "$status" -eq 0 ] && [ -z "${KEEP_WORK:-}" ]; then
    rm -rf "$work"
  fi
  exit "$status"
}
trap stop_karaf EXIT
trap 'exit 130' INT TERM

echo "== distribution copy in $work (HTTP $http_port, SSH 18201, RMI 11199/44445)"
cp -a "$assembly/." "$work/"
rm -rf "$work/data"
set_property() { # file key value: replace the key's line or append it
  local file="$1" key="$2" value="$3"
  if grep -qE "^[[:space:]]*#?[[:space:]]*${key//./\\.}[[:space:]]*=" "$file" 2>/dev/null; then
    sed -i -E "s|^[[:space:]]*#?[[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
  else
    printf '%s = %s\n' "$key" "$value" >> "$file"
  fi
}
set_property "$work/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http_port"
set_property "$work/etc/org.apache.karaf.shell.cfg" sshPort 18201
set_property "$work/etc/org.apache.karaf.management.cfg" rmiRegistryPort 11199
set_property "$work/etc/org.apache.karaf.management.cfg" rmiServerPort 44445

echo "== starting Karaf"
"$work/bin/start"
for _ in $(seq 1 30); do
  karaf_pid="$(cat "$work/karaf.pid" 2>/dev/null || true)"
  [ -n "$karaf_pid" ] && break
  sleep 1
done
if [ -z "$karaf_pid" ]; then
  echo "run.sh: Karaf wrote no pid file" >&2
  exit 1
fi

wait_for() { # description seconds command...
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then
      echo "   $what: ready"
      return 0
    fi
    kill -0 "$karaf_pid" 2>/dev/null || { echo "run.sh: Karaf exited while waiting for $what" >&2; return 1; }
    sleep 1
  done
  echo "run.sh: $what not ready after $seconds s" >&2
  return 1
}
has_demo_tickets() {
  curl -fsS -u agent:agent "$base_url/api/v1/tickets?limit=1&status=NEW,OPEN,PENDING,ON_HOLD,SOLVED,CLOSED" | grep -q '"key"'
}
wait_for "GET /api/v1/health" 240 curl -fsS "$base_url/api/v1/health"
wait_for "demo tickets" 120 has_demo_tickets
wait_for "GET /ui/" 60 curl -fsS "$base_url/ui/"

echo "== unit tests of the UI modules"
(cd "$here" && node --test unit/)

echo "== browser tests (headless Chromium, $base_url)"
(cd "$here" && ALEXANDRIA_URL="$base_url" node --test --test-concurrency=1 tests/)
