"""Score strife on the dev set with the reference scorer, and keep the figures.

    python eval/run_eval.py                 # run, score, write docs/quality.md
    python eval/run_eval.py --check         # also fail if a pinned score dropped
    python eval/run_eval.py --pin           # write the current scores as the new floors

It feeds ../shared/eval/dev.jsonl's texts to `strife extract --format jsonl --no-clean`,
scores the output with ../shared/eval/score.py (never copied here), writes the
per-dataset table to docs/quality.md and compares the headline scores with the
floors pinned in eval/baseline.json. Without ../shared/eval it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
OUT = ROOT / "eval" / "out"
BASELINE = ROOT / "eval" / "baseline.json"
QUALITY = ROOT / "docs" / "quality.md"

# headline figures: (path in score.py's JSON, higher_is_better)
HEADLINE: dict[str, tuple[str, bool]] = {
    "detect_f1 (WikiEvents)": ("by_dataset.wikievents.events.detect_f1", True),
    "detect_p (WikiEvents)": ("by_dataset.wikievents.events.detect_p", True),
    "detect_r (WikiEvents)": ("by_dataset.wikievents.events.detect_r", True),
    "coarse_type_acc": ("events.coarse_type_acc", True),
    "fatalities_exact (MUC-4)": ("by_dataset.muc4.events.fatalities_exact", True),
    "fatalities_exact (UCDP)": ("by_dataset.ucdp_ged_19.1.events.fatalities_exact", True),
    "date_exact": ("events.date_exact", True),
    "actors_hit": ("events.actors_hit", True),
    "weapons_hit": ("events.weapons_hit", True),
    "WEAPON F1 (re3d)": ("by_dataset.re3d.entities.WEAPON.f1", True),
    "MILITARY_PLATFORM F1 (re3d)": ("by_dataset.re3d.entities.MILITARY_PLATFORM.f1", True),
    "location_country_acc": ("events.location_country_acc", True),
    "location_acc161 (UCDP)": ("by_dataset.ucdp_ged_19.1.events.location_acc161", True),
    "toponyms acc161 (TR-News)": ("by_dataset.tr-news.toponyms.acc161", True),
    "toponyms acc161_recognised (TR-News)": ("by_dataset.tr-news.toponyms.acc161_recognised", True),
    "toponyms country_acc (TR-News)": ("by_dataset.tr-news.toponyms.country_acc", True),
    "doc_detect_f1": ("events.doc_detect_f1", True),
    "linking pairwise f1 (ECB+)": ("linking.f1", True),
    "linking b3_f1 (ECB+)": ("linking.b3_f1", True),
    "doc_fp_rate": ("events.doc_fp_rate", False),
}
TOLERANCE = 1e-9  # extraction is deterministic: any drop is a real drop
# the same hash seed in every run, so that nothing that iterates over a set can make
# the figures differ between the run that pinned them and the one that checks them
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def get(d: dict, path: str):  # noqa: ANN201
    """d["a"]["b.c"]["d"] for "a.b.c.d": keys may hold dots (ucdp_ged_19.1)."""
    parts = path.split(".")
    while parts:
        for n in range(len(parts), 0, -1):
            key = ".".join(parts[:n])
            if isinstance(d, dict) and key in d:
                d, parts = d[key], parts[n:]
                break
        else:
            return None
    return d


def run_extract() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    inp, pred = OUT / "dev.in.jsonl", OUT / "dev.pred.jsonl"
    with DEV.open() as src, inp.open("w") as dst:
        for line in src:
            r = json.loads(line)
            dst.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("published")}) + "\n")
    strife = [sys.executable, "-m", "strife.cli"]
    t0 = time.time()
    with inp.open() as fin, pred.open("w") as fout:
        subprocess.run([*strife, "extract", "--format", "jsonl", "--no-clean", "-"], stdin=fin,
                       stdout=fout, check=True, env=ENV)  # fmt: skip
    print(f"extracted {sum(1 for _ in inp.open())} documents in {time.time() - t0:.1f} s", file=sys.stderr)
    return pred


def run_linking() -> Path:
    """Linking is scored from stored events: `strife run` on the ECB+ records (the only
    ones with linking gold), then `strife events --format jsonl` (rule R9)."""
    inp, db, pred = OUT / "ecb.in.jsonl", OUT / "ecb.db", OUT / "ecb.pred.jsonl"
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    with DEV.open() as src, inp.open("w") as dst:
        for line in src:
            r = json.loads(line)
            if r["meta"]["dataset"] == "ecbplus":
                dst.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("published")}) + "\n")
    strife = [sys.executable, "-m", "strife.cli"]
    subprocess.run([*strife, "run", str(inp), "--db", str(db), "--quiet"], check=True,
                   stdout=subprocess.DEVNULL, env=ENV)  # fmt: skip
    with pred.open("w") as fout:
        subprocess.run([*strife, "events", "--db", str(db), "--format", "jsonl"], stdout=fout,
                       check=True, env=ENV)  # fmt: skip
    return pred


def score(pred: Path) -> tuple[dict, str]:
    js = subprocess.run([sys.executable, str(SCORER), str(DEV), str(pred), "--json"],
                        capture_output=True, text=True, check=True).stdout  # fmt: skip
    table = subprocess.run([sys.executable, str(SCORER), str(DEV), str(pred)],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    return json.loads(js), table


def headline(scores: dict) -> dict[str, float | None]:
    return {name: get(scores, path) for name, (path, _) in HEADLINE.items()}


def write_quality(figures: dict[str, float | None], table: str) -> None:
    text = QUALITY.read_text() if QUALITY.exists() else ""
    start, end = "<!-- scores:start -->", "<!-- scores:end -->"
    rows = "\n".join(
        f"| {name} | {'n/a' if v is None else f'{v:.3f}'} |" for name, v in figures.items()
    )
    block = (f"{start}\n\n| metric | dev |\n|---|---|\n{rows}\n\nFull output of the scorer:\n\n"
             f"```\n{table.rstrip()}\n```\n\n{end}")  # fmt: skip
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = (text or "# Quality on the dev set\n\n") + "\n" + block + "\n"
    QUALITY.write_text(text)


def _pin(name: str, value: float | None) -> float | None:
    """The floor (or, for lower-is-better figures, the ceiling) kept for a score."""
    if value is None:
        return None
    return math.floor(value * 1e4) / 1e4 if HEADLINE[name][1] else math.ceil(value * 1e4) / 1e4


def check(figures: dict[str, float | None]) -> list[str]:
    if not BASELINE.exists():
        return []
    pinned = json.loads(BASELINE.read_text())
    drops = []
    for name, floor in pinned.items():
        if name not in HEADLINE or floor is None:
            continue
        now = figures.get(name)
        higher = HEADLINE[name][1]
        if now is None or (higher and now < floor - TOLERANCE) or (not higher and now > floor + TOLERANCE):
            drops.append(f"{name}: {now} (pinned {floor})")
    return drops


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail when a pinned score dropped")
    ap.add_argument("--pin", action="store_true", help="pin the current scores in eval/baseline.json")
    ap.add_argument("--pred", type=Path, help="score this prediction file instead of running strife")
    args = ap.parse_args()
    if not DEV.exists() or not SCORER.exists():
        print(f"quality gate skipped: {DEV} or {SCORER} not found", file=sys.stderr)
        return 0
    pred = args.pred or run_extract()
    scores, table = score(pred)
    if not args.pred:
        linking, _ = score(run_linking())
        scores["linking"] = linking.get("linking")
        table += "\nLINKING (strife run + strife events --format jsonl on the ECB+ records)\n" + "\n".join(
            f"  {k:40s} {v}" for k, v in (scores["linking"] or {}).items())  # fmt: skip
    figures = headline(scores)
    write_quality(figures, table)
    for name, v in figures.items():
        print(f"{name:40s} {'n/a' if v is None else f'{v:.3f}'}")
    if args.pin:
        BASELINE.write_text(json.dumps({k: _pin(k, v) for k, v in figures.items()}, indent=2) + "\n")
        print(f"pinned in {BASELINE}")
    if args.check:
        drops = check(figures)
        if drops:
            print("quality gate FAILED, scores dropped:\n  " + "\n  ".join(drops), file=sys.stderr)
            return 1
        print("quality gate passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
