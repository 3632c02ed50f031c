"""Batch writes per second to SQLite and PostgreSQL: Store.write_many (100 documents
to a transaction, as strife batch writes) and Store.write (one transaction each).

Each document is built by hand like a typical news article's output: 1.5 kB of
text, two events with two evidence spans each, six entities, three toponyms and one
note. No spaCy.

Usage: python benchmarks/bench_store.py [--docs 3000] [--pg URL]
  --pg defaults to the environment variable STRIFE_TEST_PG (`. .ci/postgres.sh`
  starts a throw-away server); without it only SQLite is measured. The database at
  --pg is emptied.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import MetaData, create_engine

from strife.records import Actor, Article, Count, Entity, Event, Place, Result, Span, Toponym
from strife.store import Store, to_url

TEXT = ("Russian forces shelled Kharkiv on Monday, killing two civilians, officials said. " * 19)[
    :1500
]


def result(i: int) -> Result:
    aid = f"bench-{i:07d}"
    evs = []
    for k, start in enumerate((15, 200)):
        e = Event(
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            trigger=Span("shelled", start, start + 7),
            evidence=[Span(TEXT[:80], 0, 80), Span(TEXT[80:160], 80, 160)],
            date="2024-03-04",
            time_precision=1,
            actor1=Actor("Military Forces of Russia", "Russian forces", "state_forces", "RU"),
            actor2=Actor("Civilians (Ukraine)", "civilians", "civilians", "UA"),
            location=Place("Kharkiv", "Kharkiv Oblast", None, "UA", 49.98, 36.25, 1, 706483),
            fatalities=Count(2 + k, 2, 3),
            injured=Count(),
            weapons=["artillery"],
            hedged=False,
            attributed_to="officials",
            confidence=0.8,
        )
        e.assign_id(aid)
        evs.append(e)
    place = Place("Kharkiv", country="UA", lat=49.98, lon=36.25)
    return Result(
        article=Article(raw=TEXT, id=aid, text=TEXT, published="2024-03-05", origin="b.txt"),
        events=evs,
        entities=[Entity("Kharkiv", "GPE", 23 + 80 * j, 30 + 80 * j) for j in range(6)],
        toponyms=[Toponym("Kharkiv", 23 + 80 * j, 30 + 80 * j, place) for j in range(3)],
        errors=["b.txt: date: weekday resolved against publication date"],
    )


def empty(url: str) -> None:
    full = to_url(url)
    if full.startswith("sqlite"):
        return
    engine = create_engine(full.replace("postgresql://", "postgresql+psycopg://", 1))
    md = MetaData()
    md.reflect(engine)
    md.drop_all(engine)
    engine.dispose()


def measure(name: str, url: str, n: int) -> None:
    empty(url)
    docs = [result(i) for i in range(n)]
    with Store(url) as store:
        t = time.perf_counter()
        new, _ = store.write_many(docs)
        many = new / (time.perf_counter() - t)
        t = time.perf_counter()
        _, skipped = store.write_many(docs)  # all already stored: the resume path
        again = skipped / (time.perf_counter() - t)
        single = [result(n + i) for i in range(n // 10)]
        t = time.perf_counter()
        for r in single:
            store.write(r)
        one = len(single) / (time.perf_counter() - t)
    print(
        f"{name}: write_many {many:,.0f} docs/s ({many * 2:,.0f} events/s); "
        f"write_many of stored docs {again:,.0f} docs/s; write (one transaction each) "
        f"{one:,.0f} docs/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--pg", default=os.environ.get("STRIFE_TEST_PG", ""))
    args = ap.parse_args()
    print(f"{args.docs} documents of 2 events, 6 entities, 3 toponyms; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        measure("SQLite (file, WAL)", str(Path(tmp) / "bench.db"), args.docs)
    if args.pg:
        measure("PostgreSQL (local, Unix socket)", args.pg, args.docs)
    else:
        print("PostgreSQL: skipped (give --pg URL or set STRIFE_TEST_PG)")


if __name__ == "__main__":
    main()
