"""Score incident linking on the dev set's ECB+ documents (shared/eval, rule R9).

Usage: python benchmarks/eval_linking.py [DEV.jsonl] [--db FILE] [--keep]

Feeds every dev record to ``strife run`` as a JSONL record with its id
({"id", "text", "published"}), so linking runs as part of run, then lists the
events with ``strife events --format jsonl`` (one event a line with its
article_id and incident_id) and scores them with shared/eval/score.py. Prints
the ``linking`` figures (pairwise p/r/f1, B-cubed) and the event scores of the
dated sets, which linking must leave as they were.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"  # ../shared beside the repo
SCORER = DEV.parent / "score.py"
STRIFE = [sys.executable, "-m", "strife.cli"]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("dev", nargs="?", default=str(DEV))
    ap.add_argument("--db", help="database to fill (default: a new temporary file)")
    ap.add_argument("--json", action="store_true", help="print the linking figures as JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inp, pred = Path(tmp) / "dev.in.jsonl", Path(tmp) / "pred.jsonl"
        with inp.open("w", encoding="utf-8") as out:
            for line in open(args.dev, encoding="utf-8"):
                r = json.loads(line)
                out.write(
                    json.dumps({"id": r["id"], "text": r["text"], "published": r.get("published")})
                    + "\n"
                )
        db = args.db or str(Path(tmp) / "dev.db")
        subprocess.run(
            [*STRIFE, "run", str(inp), "--db", db, "--quiet"], check=True, stdout=subprocess.DEVNULL
        )
        with pred.open("w", encoding="utf-8") as out:
            subprocess.run(
                [*STRIFE, "events", "--db", db, "--format", "jsonl"], check=True, stdout=out
            )
        res = json.loads(
            subprocess.run(
                [sys.executable, str(SCORER), args.dev, str(pred), "--json"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout  # fmt: skip
        )
    lk = res.get("linking") or {}
    if args.json:
        print(json.dumps(lk, indent=2))
        return
    print(f"ECB+ linking: {lk.get('documents')} documents, {lk.get('gold_clusters')} gold incidents, "
          f"{lk.get('pred_clusters')} predicted (B-cubed), {lk.get('docs_with_incident_id')} with an incident id")  # fmt: skip
    print(f"pairwise  p {lk['p']:.3f}  r {lk['r']:.3f}  f1 {lk['f1']:.3f}  "
          f"({lk['pairs_correct']}/{lk['pairs_pred']} predicted, {lk['pairs_gold']} gold pairs)")  # fmt: skip
    print(f"B-cubed   p {lk['b3_p']:.3f}  r {lk['b3_r']:.3f}  f1 {lk['b3_f1']:.3f}")
    ev = res.get("events") or {}
    keys = (
        "detect_p",
        "detect_r",
        "doc_detect_f1",
        "fatalities_exact",
        "date_exact",
        "location_acc161",
    )
    print(
        "events (unchanged by linking): "
        + ", ".join(f"{k} {ev[k]:.3f}" for k in keys if isinstance(ev.get(k), float))
    )


if __name__ == "__main__":
    main()
