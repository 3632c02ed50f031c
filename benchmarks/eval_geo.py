"""Score geocode() on the dev set's TR-News (toponyms) and UCDP (event places) records.

Usage: python benchmarks/eval_geo.py [DEV.jsonl] [--out pred.jsonl] [--errors N]

Parses each record as the pipeline does (strife.nlp.parse: the project's entity
ruler, all-caps texts re-cased) and runs strife.geo.geocode on it, writes contract-shaped prediction
lines and runs the shared scorer (shared/eval/score.py). For UCDP headlines one
placeholder event per record (trigger = the whole headline) is placed, so the
scorer's location_acc161/location_country_acc show how well an event gets a place.
With --errors N, prints N misses by class (unrecognised / far / unresolved).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from strife import nlp as strife_nlp
from strife.gazetteer import Gazetteer, haversine_km
from strife.geo import geocode
from strife.records import Article, Event, Span
from strife.settings import Settings

DEV = Path("/work/shared/eval/dev.jsonl")
SCORER = Path("/work/shared/eval/score.py")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", nargs="?", default=str(DEV))
    ap.add_argument("--out", default="/tmp/strife_geo_pred.jsonl")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--datasets", default="tr-news,ucdp_ged_19.1")
    args = ap.parse_args()
    datasets = set(args.datasets.split(","))
    settings = Settings()
    gz = Gazetteer.open(settings)
    records = [json.loads(line) for line in open(args.dev, encoding="utf-8")]
    records = [r for r in records if r["meta"]["dataset"] in datasets]
    misses: Counter[str] = Counter()
    examples: list[str] = []
    with open(args.out, "w", encoding="utf-8") as out:
        for r, doc in zip(
            records, strife_nlp.parse((r["text"] for r in records), settings), strict=True
        ):
            art = Article(raw=r["text"], id=r["id"], text=r["text"])
            events = []
            if r["meta"]["dataset"].startswith("ucdp"):
                t = r["text"].rstrip()
                events = [
                    Event(
                        "Battles",
                        "Armed clash",
                        trigger=Span(t, 0, len(t)),
                        evidence=[Span(t, 0, len(t))],
                    )
                ]
            tops = geocode(doc, events, art, gz)
            line = {
                "article": {"id": r["id"], "text": r["text"]},
                "events": [e.to_dict() for e in events],
                "entities": [],
                "toponyms": [t.to_dict() for t in tops],
                "errors": [],
            }
            out.write(json.dumps(line) + "\n")
            for g in r["gold"].get("toponyms") or []:
                over = [t for t in tops if t.start < g["end"] and g["start"] < t.end]
                if not over:
                    cls, detail = "unrecognised", ""
                else:
                    p = over[0].place
                    if p.lat is None:
                        cls, detail = "unresolved", ""
                    else:
                        d = haversine_km(p.lat, p.lon, g["lat"], g["lon"])
                        if d <= 161:
                            continue
                        cls = "wrong-country" if p.country != g.get("country") else "far"
                        detail = f"-> {p.name} {p.country} {d:.0f} km (gold {g.get('resolved_name')} {g.get('country')} {g.get('feature_code')})"
                misses[cls] += 1
                ctx = r["text"][max(0, g["start"] - 40) : g["end"] + 40].replace("\n", " ")
                examples.append(f"{cls:13} {g['text']!r} {detail} | {ctx}")
    res = subprocess.run(
        [sys.executable, str(SCORER), args.dev, args.out, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(res.stdout)
    top = score["toponyms"]
    top = score["by_dataset"]["tr-news"]["toponyms"]
    print(
        json.dumps(
            {
                k: top[k]
                for k in (
                    "gold",
                    "recognised",
                    "acc161",
                    "acc161_recognised",
                    "country_acc",
                    "precision",
                    "median_km",
                )
            }
        )
    )
    ev = score["by_dataset"].get("ucdp_ged_19.1", {}).get("events")
    if ev:
        print(
            "ucdp:",
            {k: ev.get(k) for k in ("location_acc161", "location_country_acc", "location_n")},
        )
    print("misses:", dict(misses))
    for e in examples[: args.errors]:
        print(e)


if __name__ == "__main__":
    main()
