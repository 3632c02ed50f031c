"""REST API speed: GET /api/events with filters over 100k stored events (SQLite).

Builds a database of synthetic events (Store.write_many, so every row goes through
the one writer path), opens the app on it (which creates the read-side indexes and
the FTS5 tables, see strife.query.prepare), then times each query in-process with
FastAPI's TestClient: p50 / p95 latency per query and overall, and requests/s
(one client, sequential). Target: p95 < 100 ms for the events endpoint.

Usage: python benchmarks/bench_api.py [--events 100000] [--repeat 30] [--db /tmp/strife-bench/api.db] [--reuse]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from strife.records import EVENT_TYPES, Actor, Article, Count, Event, Place, Result, Span

COUNTRIES = {  # ISO2: (lat, lon) of a point inside, spread +-3 degrees
    "SY": (35.0, 38.0), "UA": (49.0, 32.0), "IQ": (33.0, 44.0), "YE": (15.5, 47.5),
    "SO": (5.0, 46.0), "ML": (17.0, -4.0), "NG": (10.0, 8.0), "CD": (-2.0, 24.0),
    "MM": (21.0, 96.0), "CO": (4.0, -73.0), "AF": (34.0, 66.0), "SD": (15.0, 30.0),
}  # fmt: skip
ACTORS = ["Military Forces of Russia", "Military Forces of Syria", "Islamic State",
          "Al-Shabaab", "Boko Haram", "Unidentified Armed Group", "Protesters", "Police Forces"]  # fmt: skip
WORDS = ["market", "convoy", "village", "checkpoint", "drone", "mortar", "hospital", "school",
         "bridge", "camp", "road", "mosque", "airport", "base", "border", "river"]  # fmt: skip
PER_ARTICLE = 4

QUERIES: list[tuple[str, dict[str, str | int]]] = [
    ("no filter, newest first", {}),
    ("country", {"country": "SY"}),
    ("country + date range", {"country": "UA", "since": "2024-03-01", "until": "2024-05-31"}),
    ("type + min fatalities", {"type": "Battles", "min_fatalities": 5}),
    ("sub-type + sort by fatalities", {"sub_type": "Air/drone strike", "sort": "-fatalities"}),
    ("bbox", {"bbox": "35,33,39,37"}),
    ("actor", {"actor": "shabaab"}),
    ("full text (evidence)", {"q": "market"}),
    ("hedged + page 50", {"hedged": "true", "offset": 5000}),
    (
        "everything",
        {
            "country": "SY",
            "type": "Explosions/Remote violence",
            "since": "2024-01",
            "until": "2024-12",
            "min_fatalities": 1,
            "sort": "-fatalities",
        },
    ),  # fmt: skip
]
OTHER = [
    ("timeline, per week", "/api/timeline", {"interval": "week", "country": "SY"}),
    ("map points, 20k", "/api/events/points", {}),
    ("articles, full text", "/api/articles", {"q": "convoy"}),
]


def synthetic(n_events: int, seed: int = 7) -> list[Result]:
    rnd = random.Random(seed)
    subs = [(t, s) for t, ss in EVENT_TYPES.items() for s in ss]
    out = []
    for a in range(n_events // PER_ARTICLE):
        sentences, events = [], []
        pos = 0
        for k in range(PER_ARTICLE):
            word = rnd.choice(WORDS)
            actor = rnd.choice(ACTORS)
            s = f"Fighting near the {word} killed people, sources said (report {a}-{k}). "
            sentences.append(s)
            etype, sub = rnd.choice(subs)
            cc = rnd.choice(list(COUNTRIES))
            lat, lon = COUNTRIES[cc]
            day = rnd.randrange(0, 3 * 365)
            dead = rnd.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 50])
            ev = Event(
                event_type=etype,
                sub_event_type=sub,
                trigger=Span("Fighting", pos, pos + 8),
                evidence=[Span(s.strip(), pos, pos + len(s.strip()))],
                date=None if rnd.random() < 0.05 else _day(day),
                time_precision=1,
                actor1=Actor(actor, actor, "unknown"),
                location=Place(
                    f"Place {cc}{rnd.randrange(200)}",
                    f"Region {cc}{rnd.randrange(10)}",
                    None,
                    cc,
                    lat + rnd.uniform(-3, 3),
                    lon + rnd.uniform(-3, 3),
                    1,
                ),  # fmt: skip
                fatalities=Count(dead, dead, dead),
                hedged=rnd.random() < 0.15,
                confidence=0.6,
            )
            ev.assign_id(f"bench-{a}")
            events.append(ev)
            pos += len(s)
        text = "".join(sentences)
        art = Article(
            raw=text, id=f"bench-{a}", text=text, published=events[0].date, title=f"Report {a}"
        )
        out.append(Result(article=art, events=events))
    return out


def _day(n: int) -> str:
    from datetime import date, timedelta

    return (date(2023, 1, 1) + timedelta(days=n)).isoformat()


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--db", default="/tmp/strife-bench/api.db")
    ap.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from strife.serve import create_app
    from strife.store import Store

    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    if not (args.reuse and db.exists()):
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        with Store(str(db)) as st:
            st.write_many(synthetic(args.events))
    with Store(str(db)) as st:
        counts = st.counts()
    print(
        f"wrote {counts['events']} events in {counts['articles']} articles: {time.perf_counter() - t:.1f} s"
    )
    t = time.perf_counter()
    app = create_app(str(db))
    print(f"app start (indexes, FTS5 tables filled): {time.perf_counter() - t:.1f} s")

    all_ms: list[float] = []
    print(f"\n{'query':34} {'total':>7} {'p50 ms':>7} {'p95 ms':>7}")
    with TestClient(app) as c:
        for name, params in QUERIES:
            ms, total = [], 0
            c.get("/api/events", params=params)  # warm
            for _ in range(args.repeat):
                t = time.perf_counter()
                r = c.get("/api/events", params=params)
                ms.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text
                total = r.json()["total"]
            all_ms += ms
            print(f"{name:34} {total:>7} {_pct(ms, 50):>7.1f} {_pct(ms, 95):>7.1f}")
        wall = sum(all_ms) / 1000
        print(
            f"\n/api/events overall: p50 {_pct(all_ms, 50):.1f} ms, p95 {_pct(all_ms, 95):.1f} ms, "
            f"{len(all_ms) / wall:.0f} requests/s (one client, sequential, 100 events a page)"
        )
        print()
        for name, path, params in OTHER:
            ms = []
            c.get(path, params=params)
            for _ in range(max(5, args.repeat // 3)):
                t = time.perf_counter()
                r = c.get(path, params=params)
                ms.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text
            print(f"{name:34} {'':>7} {_pct(ms, 50):>7.1f} {_pct(ms, 95):>7.1f}")


if __name__ == "__main__":
    main()
