"""Gazetteer speed and size: build time, load time, lookups per second, file size, memory.

Usage: python benchmarks/bench_geo.py [--path /tmp/strife-bench/gazetteer.sqlite]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

NAMES = [
    "Idlib",
    "Aleppo",
    "Hmeimim Air Base",
    "Latakia",
    "Syria",
    "Russian",
    "U.S.",
    "Ky.",
    "Washington",
    "Paris",
    "Springfield",
    "Edmonton",
    "Gaza Strip",
    "al-Hol",
    "Mosul",
    "Kabul",
    "San Salvador",
    "Xyzzyville",
    "Idlib province",
    "Black Sea",
    "Kutkai",
    "Arakan",
    "Northern Shan State",
    "Heathrow",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", default="/tmp/strife-bench/gazetteer.sqlite")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    path = Path(args.path)
    if args.child:
        return _child(path)
    from strife.gazetteer import build

    t = time.perf_counter()
    build(path, progress=False)
    print(f"build:        {time.perf_counter() - t:.1f} s")
    print(f"file size:    {path.stat().st_size / 1e6:.1f} MB")
    # load and lookups in a fresh process, so the memory figure is the gazetteer's own
    subprocess.run([sys.executable, __file__, "--path", str(path), "--child"], check=True)


def _child(path: Path) -> None:
    from strife.gazetteer import Gazetteer
    from strife.settings import Settings

    rss0 = _rss_mb()
    t = time.perf_counter()
    gz = Gazetteer.open(Settings(gazetteer=str(path)))  # with the freshness check
    print(
        f"load:         {(time.perf_counter() - t) * 1000:.1f} ms (Gazetteer.open, fingerprint checked)"
    )
    cold = []
    for n in NAMES:
        t = time.perf_counter()
        gz.lookup(n)
        cold.append(time.perf_counter() - t)
    rounds = 2000
    t = time.perf_counter()
    for _ in range(rounds):
        for n in NAMES:
            gz.lookup(n)
    warm = (time.perf_counter() - t) / (rounds * len(NAMES))
    print(
        f"lookup cold:  mean {statistics.mean(cold) * 1e6:.0f} µs, max {max(cold) * 1e6:.0f} µs (SQLite index)"
    )
    print(f"lookup warm:  mean {warm * 1e6:.2f} µs, {1 / warm:,.0f} lookups/s (cached)")
    print(f"RSS after load and lookups: {_rss_mb():.0f} MB (before opening: {rss0:.0f} MB)")


def _rss_mb() -> float:
    """Resident memory now (Linux /proc; ru_maxrss would carry the parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    main()
