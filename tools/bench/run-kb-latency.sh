#!/usr/bin/env bash
# Knowledge-base search and suggest latency on generated articles (docs/performance.md, "Knowledge-base latency
# on 100,000 articles"). Builds tools/bench if its jar is missing, prints the machine, then runs the harness:
# article generation, ArticleIndex.rebuild and a bare Lucene index of the same articles on disk, warm-up, and
# single-threaded p50/p90/p99 per engine and query kind.
#
# usage: flock -x /tmp/alexandria-cpu.lock tools/bench/run-kb-latency.sh [kb-latency options]
#        (the exclusive lock keeps builds off the machine while it measures)
#        (defaults: --articles 100000 --queries 1000 --seed 42 --warmup 1 --passes 1
#         --real ../shared/data/kb-intents-dev/train.csv; set JFR=file.jfr to record a profile,
#         JAVA_OPTS to change the heap, default -Xmx2g)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/tools/bench/target/alexandria-bench.jar"
[ -f "$jar" ] || (cd "$root/tools/bench" && mvn -B -q clean package)
cd "$root"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
opts=(${JAVA_OPTS:--Xmx2g})
[ -z "${JFR:-}" ] || opts+=("-XX:StartFlightRecording=filename=$JFR")
exec java "${opts[@]}" -jar "$jar" kb-latency "$@"
