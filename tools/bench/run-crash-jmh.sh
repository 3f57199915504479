#!/usr/bin/env bash
# Crash parsing throughput (docs/performance.md, "Crash parsing throughput"): JMH, one thread, one fork, on the
# Java traces of the crash-dedup development split (only their trace_text is read). Builds tools/bench if its
# jar is missing and prints the machine first. Extra arguments go to JMH, e.g.
#   tools/bench/run-crash-jmh.sh -prof gc                       allocation per trace
#   tools/bench/run-crash-jmh.sh 'parse$' -prof jfr:dir=/tmp/jfr  a JFR recording of the parser alone
#   tools/bench/run-crash-jmh.sh -p traces=/path/to/traces.jsonl
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/tools/bench/target/alexandria-bench.jar"
[ -f "$jar" ] || (cd "$root/tools/bench" && mvn -B -q clean package)
cd "$root"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
filter=CrashParseBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then filter="CrashParseBenchmark.*$1"; shift; fi
exec java -jar "$jar" "$filter" "$@"
