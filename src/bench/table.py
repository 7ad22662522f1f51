#!/usr/bin/env python3
"""Turns the hyperfine JSON files and heap.txt of run-benchmarks.sh into the README's Markdown table."""
import json
import os
import statistics
import sys

out = sys.argv[1]


def medians(name):
    with open(os.path.join(out, name + ".json")) as f:
        results = json.load(f)["results"]
    return {r["command"]: statistics.median(r["times"]) for r in results}


def secs(t):
    return f"{t:.2f} s"


def have(name):
    return os.path.exists(os.path.join(out, name + ".json"))


rows = []
GIB = 1024 ** 3
for name, what in [] if not have("big-download") else [("big-download", "1 GiB download"), ("big-upload", "1 GiB upload")]:
    m = medians(name)
    p, c, l = m["portside"], m["curl"], m["lftp"]
    ratio = c / p  # Portside's throughput as a share of curl's
    rows.append((what, f"{secs(p)} ({GIB / p / 1e6:.0f} MB/s)", f"{secs(c)} ({GIB / c / 1e6:.0f} MB/s)",
                 f"{secs(l)} ({GIB / l / 1e6:.0f} MB/s)", f"{ratio:.2f} of curl's throughput",
                 ">= 0.95", "yes" if ratio >= 0.95 else "**no**"))
for p in (4, 1) if have("small-download-p4") else ():
    for d in ("download", "upload"):
        m = medians(f"small-{d}-p{p}")
        ratio = m["portside"] / m["lftp"]
        rows.append((f"1,000 x 10 KiB {d}, parallel {p}", secs(m["portside"]), "-", secs(m["lftp"]),
                     f"{ratio:.2f} of lftp's time", "<= 0.8", "yes" if ratio <= 0.8 else "**no**"))
for p in (4, 1) if have("small-download-p4") else ():
    m = medians(f"small-download-p{p}")
    if "portside-c1" in m:
        rows.append((f"same, parallel {p}, JVM with -XX:TieredStopAtLevel=1", secs(m["portside-c1"]), "-",
                     secs(m["lftp"]), f"{m['portside-c1'] / m['lftp']:.2f} of lftp's time", "<= 0.8",
                     "yes" if m["portside-c1"] / m["lftp"] <= 0.8 else "**no**"))
if have("list-20000"):
    m = medians("list-20000")
    rows.append(("list 20,000 entries", secs(m["portside"]), secs(m["curl"]), secs(m["lftp"]),
                 f"{m['portside'] / m['curl']:.2f} of curl's time, {m['portside'] / m['lftp']:.2f} of lftp's",
                 "-", "-"))
for name, what in (("sync-compare-20000", "compare a 20,200-entry tree, 10 files changed"),
                   ("sync-mirror-20000", "mirror the same tree: find and download the 10, parallel 4")):
    if have(name):
        m = medians(name)
        ratio = m["portside"] / m["lftp"]
        rows.append((what, secs(m["portside"]), "-", secs(m["lftp"]), f"{ratio:.2f} of lftp's time", "-", "-"))
heap = None
if os.path.exists(os.path.join(out, "heap.txt")):
    with open(os.path.join(out, "heap.txt")) as f:
        heap = dict(kv.split("=") for kv in f.read().split())
if heap:
    live = float(heap["live_mb"])
    rows.append((f"heap, {int(heap['queued']):,} jobs queued",
                 f"{live:.1f} MB live after GC ({heap['per_job_bytes']} B/job); peak {float(heap['peak_mb']):.0f} MB"
                 f" (-Xmx300m, usable {heap['max_heap_mb']} MB)", "-", "-", "-", "< 300 MB",
                 "yes" if live < 300 else "**no**"))

print("| work | Portside | curl | lftp | ratio | target | met |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
