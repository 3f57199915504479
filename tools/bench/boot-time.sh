#!/usr/bin/env bash
# Boot time and memory of the Alexandria distribution against a plain Apache Karaf 4.4.10, measured side
# by side on the same machine. Each run unpacks a fresh copy (first boot, empty data/) and starts it with
# bin/start; we record the time until SSH (port 8101) accepts connections - the point where plain Karaf
# has finished booting - and, for Alexandria, until GET /api/v1/health answers 200 with the core UP
# ("health green"). RSS is read 10 s after readiness. Prints a Markdown table.
#
# usage: tools/bench/boot-time.sh [runs]      (default 5; build the distribution first)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'pkill -f "karaf.base=$work" 2>/dev/null || true; rm -rf "$work"' EXIT

alexandria=$(ls "$root"/karaf-distribution/target/alexandria-distribution-*.tar.gz)
plain="$work/apache-karaf-4.4.10.tar.gz"
mvn -q -B dependency:copy -Dartifact=org.apache.karaf:apache-karaf:4.4.10:tar.gz -DoutputDirectory="$work" >/dev/null
[ -f "$plain" ] || { echo "could not fetch apache-karaf 4.4.10" >&2; exit 1; }

now_ms() { date +%s%3N; }

wait_port() { # port deadline_ms
  while ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ "$(now_ms)" -lt "$2" ] || return 1
    sleep 0.1
  done
}

wait_health() { # deadline_ms
  until curl -fs http://127.0.0.1:8181/api/v1/health 2>/dev/null | grep -q '"id":"core".*"health":"UP"'; do
    [ "$(now_ms)" -lt "$1" ] || return 1
    sleep 0.1
  done
}

run_one() { # kind archive n
  local dir="$work/$1-$3"
  mkdir -p "$dir" && tar -xzf "$2" -C "$dir" --strip-components=1
  local start; start=$(now_ms)
  local deadline=$((start + 180000))
  "$dir/bin/start"
  wait_port 8101 "$deadline"
  local ssh_ms=$(( $(now_ms) - start ))
  local health_ms="-"
  if [ "$1" = alexandria ]; then
    wait_health "$deadline"
    health_ms=$(( $(now_ms) - start ))
  fi
  sleep 10
  local pid; pid=$(pgrep -f "Dkaraf.home=$dir " | head -1)
  local rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))
  "$dir/bin/stop" >/dev/null 2>&1 || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "$1 $ssh_ms $health_ms $rss_mb"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

results="$work/results"
for i in $(seq 1 "$runs"); do
  run_one plain "$plain" "$i" >> "$results"
  run_one alexandria "$alexandria" "$i" >> "$results"
done

echo "| distribution | runs | SSH ready, median (ms) | health green, median (ms) | RSS after boot, median (MB) |"
echo "|---|---|---|---|---|"
for kind in plain alexandria; do
  ssh=$(awk -v k=$kind '$1==k {print $2}' "$results" | median)
  health=$(awk -v k=$kind '$1==k && $3!="-" {print $3}' "$results" | median)
  rss=$(awk -v k=$kind '$1==k {print $4}' "$results" | median)
  label=$([ $kind = plain ] && echo "Apache Karaf 4.4.10 (plain)" || echo "Alexandria")
  echo "| $label | $runs | $ssh | $health | $rss |"
done
echo
echo "raw (kind, ssh ms, health ms, rss MB):"
cat "$results"
