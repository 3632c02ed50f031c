"""Score incident linking on the project's own linking corpus (benchmarks/linking_corpus/).

Usage: python benchmarks/bench_linking.py [CORPUS.jsonl] [--db FILE] [--shuffle SEED] [--show]

The corpus is fictional but realistic news written for this project: events each
reported by 2-5 differently worded articles (different tolls and detail), wire
copies, and look-alike events (same town, next day). Every article carries its
gold incident in ``gold_incident``, a field strife ignores.

The articles go through ``strife run`` (the pipeline's run(), with linking), then
the clustering is scored per article, as shared/eval/score.py scores ECB+ (R9):
pairwise (two articles are linked when their events share an incident id) and
B-cubed (each article's incident = that of its event with the most deaths).
--shuffle feeds the articles in a shuffled order, in three runs, and checks that
the incidents come out the same (order independence).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from strife.pipeline import run
from strife.store import Store

CORPUS = Path(__file__).parent / "linking_corpus" / "articles.jsonl"


def cluster_scores(
    gold: dict[str, str], ids: dict[str, set[str]], main: dict[str, str | None]
) -> dict:
    """Pairwise p/r/f1 over article pairs and B-cubed over articles."""
    docs = sorted(gold)
    pg = pp = pc = 0
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            g = gold[a] == gold[b]
            p = bool(ids.get(a, set()) & ids.get(b, set()))
            pg, pp, pc = pg + g, pp + p, pc + (g and p)
    prec = pc / pp if pp else 0.0
    rec = pc / pg if pg else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    pred = {d: main.get(d) or f"singleton:{d}" for d in docs}
    bp = br = 0.0
    for d in docs:
        gs = {x for x in docs if gold[x] == gold[d]}
        ps = {x for x in docs if pred[x] == pred[d]}
        bp += len(gs & ps) / len(ps)
        br += len(gs & ps) / len(gs)
    bp, br = bp / len(docs), br / len(docs)
    b3 = 2 * bp * br / (bp + br) if bp + br else 0.0
    return {"articles": len(docs), "gold_incidents": len(set(gold.values())),
            "pred_incidents": len(set(pred.values())), "pairs_gold": pg, "pairs_pred": pp,
            "pairs_correct": pc, "p": prec, "r": rec, "f1": f1, "b3_p": bp, "b3_r": br, "b3_f1": b3}  # fmt: skip


def run_corpus(records: list[dict], db: str) -> tuple[dict, dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps({k: v for k, v in r.items() if k != "gold_incident"}) + "\n")
        run([str(path)], db)
    ids: dict[str, set[str]] = defaultdict(set)
    best: dict[str, tuple[float, str | None]] = {}
    assignment: dict[str, str] = {}
    with Store(db) as store:
        for e in store.events():
            aid = e.article_id or ""
            assignment[e.id] = e.incident_id or ""
            if e.incident_id:
                ids[aid].add(e.incident_id)
            f = e.fatalities.best if e.fatalities.best is not None else float("-inf")
            if aid not in best or f > best[aid][0]:
                best[aid] = (f, e.incident_id)
    gold = {r["id"]: r["gold_incident"] for r in records}
    return cluster_scores(gold, ids, {a: v[1] for a, v in best.items()}), assignment


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--db", help="keep the database here (default: a temporary file)")
    ap.add_argument("--shuffle", type=int, help="also run 3 shuffled orders from this seed")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "corpus.db")
        t0 = time.perf_counter()
        scores, base = run_corpus(records, db)
        scores["seconds"] = round(time.perf_counter() - t0, 1)
        if args.shuffle is not None:
            rng = random.Random(args.shuffle)
            same = True
            for k in range(3):
                recs = records[:]
                rng.shuffle(recs)
                _, got = run_corpus(recs, str(Path(tmp) / f"shuffled{k}.db"))
                same = same and got == base
            scores["same_incidents_in_shuffled_orders"] = same
    if args.json:
        print(json.dumps(scores, indent=2))
        return
    print(f"linking corpus: {scores['articles']} articles, {scores['gold_incidents']} gold incidents, "
          f"{scores['pred_incidents']} predicted ({scores['seconds']} s)")  # fmt: skip
    print(f"pairwise  p {scores['p']:.3f}  r {scores['r']:.3f}  f1 {scores['f1']:.3f}  "
          f"({scores['pairs_correct']}/{scores['pairs_pred']} predicted, {scores['pairs_gold']} gold pairs)")  # fmt: skip
    print(f"B-cubed   p {scores['b3_p']:.3f}  r {scores['b3_r']:.3f}  f1 {scores['b3_f1']:.3f}")
    if "same_incidents_in_shuffled_orders" in scores:
        print(f"same incidents in 3 shuffled orders: {scores['same_incidents_in_shuffled_orders']}")
    sys.exit(0)


if __name__ == "__main__":
    main()
