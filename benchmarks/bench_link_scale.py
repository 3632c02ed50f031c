"""How linking scales: 10k, 30k and 100k synthetic events, time and memory for each.

Usage: python benchmarks/bench_link_scale.py [--sizes 10000,30000,100000] [--seed 1]

Synthetic reports of synthetic incidents (1-4 reports each, tolls and dates
varying between reports, places within a few km) spread over 60 countries-sized
areas and one year, with names drawn from a large pool, go through the same
blocking, gates, scoring and clustering as ``strife run`` (``link.find_links``
and ``link.cluster``). Each size runs in its own process so that its peak
memory (max RSS) is its own. Prints the seconds and the peak memory per size,
the links found, and the pairwise precision/recall against the synthetic truth.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date

from strife import link
from strife.link import LinkItem

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
]
DAY0 = date(2025, 1, 1).toordinal()


def synthetic(n: int, seed: int) -> tuple[list[LinkItem], dict[str, int]]:
    rng = random.Random(seed)
    areas = [(rng.uniform(-30, 50), rng.uniform(-20, 120), f"C{k:02d}") for k in range(60)]
    items: list[LinkItem] = []
    truth: dict[str, int] = {}
    inc = 0
    while len(items) < n:
        inc += 1
        lat0, lon0, cc = rng.choice(areas)
        lat, lon = lat0 + rng.uniform(-4, 4), lon0 + rng.uniform(-4, 4)
        et, sub = rng.choice(TYPES)
        day = DAY0 + rng.randrange(365)
        toll = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20])
        names = {f"name{rng.randrange(50000)}": 2.0 for _ in range(3)}
        names.update({f"town{int(lat * 10)}_{int(lon * 10)}": 0.3})
        words = frozenset(f"w{rng.randrange(3000)}" for _ in range(8))
        for r in range(rng.choice([1, 1, 2, 2, 3, 4])):
            if len(items) >= n:
                break
            eid = f"e{inc:07d}r{r}"
            precision = rng.choice([1, 1, 1, 1, 2, 3])
            dated = rng.random() > 0.03
            it = LinkItem(
                event_id=eid,
                article_id=f"a{inc:07d}r{r}",
                family=link.family(et, sub),
                event_type=et,
                sub_event_type=sub,
                day=(day + rng.choice([0, 0, 0, 1])) if dated else None,
                time_precision=precision,
                country=cc,
                admin1=f"{cc}-{int(lat)}",
                lat=lat + rng.uniform(-0.05, 0.05),
                lon=lon + rng.uniform(-0.05, 0.05),
                geo_precision=rng.choice([1, 1, 2]),
                fatalities=None if toll is None else max(0, toll + rng.choice([0, 0, 1, 2])),
                words=frozenset(w for w in words if rng.random() < 0.7),
            )
            it.set_names({k: v for k, v in names.items() if rng.random() < 0.8})
            items.append(it)
            truth[eid] = inc
    return items, truth


def one(n: int, seed: int) -> dict:
    items, truth = synthetic(n, seed)
    t0 = time.perf_counter()
    links = link.find_links(items)
    assign = link.cluster((it.event_id for it in items), links)
    seconds = time.perf_counter() - t0
    by_inc: dict[str, list[str]] = {}
    for e, i in assign.items():
        by_inc.setdefault(i, []).append(e)
    pp = sum(len(v) * (len(v) - 1) // 2 for v in by_inc.values())
    pc = sum(
        1
        for v in by_inc.values()
        for i, a in enumerate(v)
        for b in v[i + 1 :]
        if truth[a] == truth[b]
    )
    gold: dict[int, int] = {}
    for t in truth.values():
        gold[t] = gold.get(t, 0) + 1
    pg = sum(k * (k - 1) // 2 for k in gold.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"events": n, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb),
            "links": len(links), "incidents": len(by_inc),
            "pair_precision": round(pc / pp, 3) if pp else None,
            "pair_recall": round(pc / pg, 3) if pg else None}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.seed)))
        return
    print(
        f"{'events':>8} {'seconds':>8} {'peak MB':>8} {'links':>8} {'incidents':>9} {'pair p':>7} {'pair r':>7}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        r = json.loads(out)
        print(f"{r['events']:>8} {r['seconds']:>8} {r['peak_rss_mb']:>8} {r['links']:>8} "
              f"{r['incidents']:>9} {r['pair_precision']:>7} {r['pair_recall']:>7}")  # fmt: skip


if __name__ == "__main__":
    main()
