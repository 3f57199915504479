#!/usr/bin/env python3
"""Reads the tickets of one latency run (by tag) and their proposals; prints creation -> proposal latencies.

usage: resolution-latency.py BASE_URL USER:PASS TAG GRACE_SECONDS
Latency per ticket = the proposal's updatedAt (revision 1: the first proposal) minus the ticket's createdAt, both
stamped by the server. Tickets still PENDING after the grace period are counted as missing.
"""
import base64
import datetime
import json
import sys
import time
import urllib.parse
import urllib.request

base, user_pass, tag, grace = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
auth = "Basic " + base64.b64encode(user_pass.encode()).decode()


def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": auth, "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def ts(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


tickets, cursor = [], None
while True:
    q = {"tag": tag, "limit": "200"}
    if cursor:
        q["cursor"] = cursor
    page = get("/api/v1/tickets?" + urllib.parse.urlencode(q))
    tickets += page["items"]
    cursor = page.get("nextCursor")
    if not cursor:
        break

deadline = time.time() + grace
latencies, later, missing = [], 0, []
pending = list(tickets)
while pending:
    waiting = []
    for t in pending:
        r = get("/api/v1/tickets/%s/resolution" % t["key"])
        if r["state"] == "PENDING":
            waiting.append(t)
        elif r["revision"] == 1:
            latencies.append((ts(r["updatedAt"]) - ts(t["createdAt"])) * 1000)
        else:
            later += 1
    if not waiting or time.time() > deadline:
        missing = waiting
        break
    pending = waiting
    time.sleep(1)

latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies) + 0.5)) - 1)] if latencies else float("nan")


print("tickets=%d measured=%d rerun=%d missing=%d" % (len(tickets), len(latencies), later, len(missing)))
print("p50_ms=%.0f p90_ms=%.0f p99_ms=%.0f max_ms=%.0f" % (pct(50), pct(90), pct(99), latencies[-1] if latencies else float("nan")))
