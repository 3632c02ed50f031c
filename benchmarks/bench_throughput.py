"""End-to-end throughput of `strife batch` on 1 and 2 workers against spaCy's own
nlp.pipe on the same texts, measured in the same run; peak memory per worker.

The corpus is the project's samples/ articles (their clean text) replicated with
distinct ids, or generated reports (--corpus generated), or the texts of any JSONL
file with a "text" field (--corpus FILE.jsonl; keep such figures out of committed
outputs unless the texts may be shipped).

Every process runs single-threaded BLAS (as Dask's workers do), so one worker is
compared with one spaCy process on one core.

Usage: python benchmarks/bench_throughput.py [--docs 390] [--corpus samples]
       [--workers 1,2] [--partition-size 50]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy is imported

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def sample_texts() -> list[tuple[str, str | None]]:
    """(clean text, published) of every sample article, as strife parses them."""
    from strife import clean, ingest

    out = []
    for a in ingest.read_paths([str(ROOT / "samples")], published="2026-03-02"):
        if isinstance(a, Exception):
            continue
        clean.clean(a)
        out.append((a.text, a.published))
    return out


def generated_texts(n: int) -> list[tuple[str, str | None]]:
    rng = random.Random(1)
    places = ["Mosul", "Kharkiv", "Afgoye", "Gao", "Beni", "Idlib", "Kandahar", "Taiz"]
    actors = ["Gunmen", "Militants", "Government troops", "Rebels", "Unidentified attackers"]
    out = []
    for i in range(n):
        p, q = rng.sample(places, 2)
        text = (
            f"{rng.choice(actors)} attacked a police checkpoint near {p} on Monday, killing "
            f"{rng.randint(2, 30)} people and wounding {rng.randint(2, 30)} others, officials "
            f"said. It was the {i + 1}th attack in the area this year.\n\nResidents of {q} said "
            "they heard heavy gunfire overnight and that shops stayed closed on Tuesday. "
            "Security forces later arrested four suspects in a raid on a nearby village, "
            "according to a police spokesman, who gave no further details."
        )
        out.append((text, "2025-06-02"))
    return out


def file_texts(path: Path) -> list[tuple[str, str | None]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if isinstance(r.get("text"), str) and r["text"].strip():
                    out.append((r["text"], r.get("published")))
    return out


def corpus(kind: str, n: int) -> list[tuple[str, str | None]]:
    base = (
        sample_texts()
        if kind == "samples"
        else generated_texts(n)
        if kind == "generated"
        else file_texts(Path(kind))
    )
    return [base[i % len(base)] for i in range(n)]


def spacy_rate(texts: list[str], model: str, batch_size: int) -> tuple[float, float]:
    """Documents per second (wall, CPU) of plain spaCy nlp.pipe, model loaded and warm."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20], batch_size=batch_size))  # warm up
    t, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - t), len(texts) / (time.process_time() - cpu)


def strife_rate(path: Path, db: str, workers: int, partition: int) -> dict[str, float]:
    """`strife batch` on ``workers`` local workers: wall rate (start-up included) and
    steady rate (from the first stored partition to the end)."""
    from strife import batch
    from strife.settings import Settings

    marks: list[tuple[float, int]] = []
    t0 = time.perf_counter()
    s = batch.run(
        [str(path)],
        db,
        settings=Settings(),
        workers=workers,
        partition_size=partition,
        on_progress=lambda done, _total: marks.append((time.perf_counter(), done)),
    )
    wall = time.perf_counter() - t0
    stored = [(t, d) for t, d in marks if d > 0]
    (t1, d1), (tn, dn) = stored[0], stored[-1]
    steady = (dn - d1) / (tn - t1) if tn > t1 else float("nan")
    return {
        "docs": s.new,
        "events": s.events,
        "wall_s": wall,
        "wall_rate": s.new / wall,
        "steady_rate": steady,
        "peak_mb": max(s.worker_peak_mb.values(), default=0.0),
        # per CPU-second the workers spent processing (after loading the models): what
        # a core gives when it is not shared, whatever else the machine was running
        "cpu_rate": s.new / (sum(s.worker_cpu_s.values()) or float("nan")),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=390)
    ap.add_argument("--corpus", default="samples", help="samples, generated or a .jsonl file")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--partition-size", type=int, default=50)
    args = ap.parse_args()

    from strife.gazetteer import Gazetteer
    from strife.settings import Settings

    settings = Settings()
    Gazetteer.open(settings)  # build it before timing anything
    docs = corpus(args.corpus, args.docs)
    work = Path(tempfile.mkdtemp(prefix="strife-bench-"))
    path = work / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, (text, published) in enumerate(docs):
            f.write(json.dumps({"id": f"bench-{i}", "text": text, "published": published}) + "\n")
    chars = sum(len(t) for t, _ in docs) / len(docs)
    print(f"corpus: {args.corpus}, {len(docs)} documents, {chars:.0f} characters each on average")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")

    rate, cpu_rate = spacy_rate([t for t, _ in docs], settings.spacy_model, settings.batch_size_int)
    print(
        f"spaCy nlp.pipe ({settings.spacy_model}), 1 process: {rate:.1f} docs/s wall, "
        f"{cpu_rate:.1f} docs per CPU-second"
    )
    one = None
    for n in (int(w) for w in args.workers.split(",")):
        r = strife_rate(path, str(work / f"w{n}.db"), n, args.partition_size)
        one = one or r["steady_rate"]
        print(
            f"strife batch, {n} worker(s): {r['docs']} docs, {r['events']} events, "
            f"{r['wall_s']:.1f} s wall ({r['wall_rate']:.1f} docs/s with start-up), "
            f"steady {r['steady_rate']:.1f} docs/s = {r['steady_rate'] / rate:.2f} x spaCy, "
            f"{r['steady_rate'] / one:.2f} x 1 worker; {r['cpu_rate']:.2f} docs per worker "
            f"CPU-second = {r['cpu_rate'] / cpu_rate:.2f} x spaCy, "
            f"{r['cpu_rate'] * 3600:,.0f} docs/hour/core; "
            f"peak memory per worker {r['peak_mb']:.0f} MB"
        )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
