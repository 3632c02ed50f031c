"""strife batch: the same events as strife run, on SQLite and PostgreSQL, and a job
killed with SIGKILL and started again stores every article exactly once.

The corpus is generated here (short wire-style reports about invented incidents in
real places), plus the project's samples; no timing is asserted."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES
from strife import batch, pipeline
from strife.errors import StrifeError, UsageError
from strife.records import Article, Result
from strife.store import Store

PLACES = ["Mosul", "Kharkiv", "Afgoye", "Gao", "Beni", "Idlib", "Kandahar", "Taiz", "Maiduguri"]
ACTORS = ["Gunmen", "Militants", "Government troops", "Rebels", "Unidentified attackers"]
VERBS = ["attacked", "ambushed", "shelled", "raided"]
TARGETS = ["a police checkpoint", "an army patrol", "a village", "a market", "a convoy"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["officials", "police", "a local leader", "witnesses"]
NUMBERS = ["two", "three", "four", "five", "seven", "nine", "12", "15"]


def generated_records(n: int, seed: int = 7) -> list[dict]:
    """``n`` distinct short reports as JSONL records (fictional, generated here)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, other = rng.sample(PLACES, 2)
        text = (
            f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(TARGETS)} near {place} on "
            f"{rng.choice(DAYS)}, killing {rng.choice(NUMBERS)} people and wounding "
            f"{rng.choice(NUMBERS)} others, {rng.choice(SOURCES)} said. The attack was the "
            f"{i + 1}th reported in the area this year. Residents of {other} said they heard "
            f"heavy gunfire overnight."
        )
        out.append({"text": text, "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"})
    return out


def write_corpus(folder: Path, n: int, bad: bool = True) -> tuple[Path, int]:
    """A JSONL file of ``n`` reports (plus two unreadable lines when ``bad``); returns
    it and the number of readable articles."""
    lines = [json.dumps(r) for r in generated_records(n)]
    if bad:
        lines.insert(3, "{not json")
        lines.insert(10, json.dumps({"text": "   "}))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, n


def event_rows(url: str) -> list[dict]:
    with Store(url) as s:
        return sorted(
            (e.to_dict(with_article_id=True) for e in s.events()),
            key=lambda d: (d["article_id"], d["id"]),
        )


# ------------------------------------------------------------------ fast, no spaCy


def test_workers_and_scheduler_exclude_each_other(tmp_path, settings):
    with pytest.raises(UsageError, match="either"):
        batch.run([str(SAMPLES)], str(tmp_path / "x.db"), settings=settings, workers=2,
                  scheduler="tcp://127.0.0.1:1")  # fmt: skip


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(StrifeError, match="cannot reach the Dask scheduler"):
        with batch.connect(scheduler="tcp://127.0.0.1:9"):
            pass


def test_todo_skips_stored_repeated_and_unreadable(tmp_path, settings):
    corpus, _ = write_corpus(tmp_path, 6)
    with open(corpus, "a", encoding="utf-8") as f:  # the first report once more
        f.write(json.dumps(generated_records(1)[0]) + "\n")
    db = str(tmp_path / "t.db")
    with Store(db) as store:
        first = next(a for a in _articles(corpus))
        store.write(Result(article=_cleaned(first)))
        summary = batch.BatchSummary()
        known: set[tuple[str, str]] = set()
        todo = list(batch._todo([str(corpus)], None, store, summary, known, chunk=3))
        assert len(todo) == 5  # 6 reports, one stored already, one repeated
        assert (summary.read, summary.unchanged, summary.failed) == (9, 2, 2)
        assert len(store.errors()) == 2
        # read again (a resumed job): the unreadable lines are not recorded twice
        again = batch.BatchSummary()
        list(batch._todo([str(corpus)], None, store, again, known, chunk=4))
        assert len(store.errors()) == 2 and again.failed == 2


def _articles(path: Path) -> list[Article]:
    from strife import ingest

    return [a for a in ingest.read_paths([str(path)]) if isinstance(a, Article)]


def _cleaned(a: Article) -> Article:
    a.text = a.raw
    return a


# ------------------------------------------------------------------ with workers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("batch-corpus")
    path, _ = write_corpus(folder, 40)
    return [str(SAMPLES), str(path)]


@pytest.fixture(scope="module")
def run_events(corpus, settings, tmp_path_factory) -> list[dict]:
    """The events `strife run` stores for the corpus: what every batch must give."""
    db = str(tmp_path_factory.mktemp("run") / "run.db")
    summary = pipeline.run(corpus, db, published="2026-03-02", settings=settings)
    assert summary.new == 13 + 40
    rows = event_rows(db)
    assert len(rows) > 40
    return rows


@pytest.mark.slow
def test_batch_gives_the_same_events_as_run(corpus, run_events, db_url, settings):
    """strife run, strife batch on SQLite and strife batch on PostgreSQL agree. On
    SQLite the workers are those of a cluster started apart (--scheduler), which
    are sent only the settings that decide the output."""
    from distributed import LocalCluster

    if db_url.startswith("postgresql"):
        summary = batch.run(corpus, db_url, published="2026-03-02", settings=settings,
                            workers=2, partition_size=7)  # fmt: skip
    else:
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
            summary = batch.run(corpus, db_url, published="2026-03-02", settings=settings,
                                scheduler=cluster.scheduler_address, partition_size=7)  # fmt: skip
    assert (summary.new, summary.unchanged, summary.failed) == (53, 0, 2)
    assert summary.workers == 2 and all(m > 0 for m in summary.worker_peak_mb.values())
    assert any("invalid JSON" in e for e in summary.errors)
    assert event_rows(db_url) == run_events
    with Store(db_url) as s:
        assert s.counts()["articles"] == 53
        assert sum("invalid JSON" in e["message"] for e in s.errors()) == 1
    again = batch.run(corpus, db_url, published="2026-03-02", settings=settings, workers=1)
    assert (again.new, again.unchanged, again.events) == (0, 53, 0)
    assert event_rows(db_url) == run_events


@pytest.mark.slow
def test_killed_job_resumes_and_stores_each_article_once(tmp_path, settings):
    """`strife batch` killed with SIGKILL (with its workers, as when a machine fails),
    then started again: every article stored exactly once, events as in a clean run."""
    path, n = write_corpus(tmp_path, 300)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "strife.cli", "batch", str(path), "--db", str(db),
           "--workers", "2", "--partition-size", "10", "--quiet"]  # fmt: skip
    job = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=os.environ.copy())  # fmt: skip
    stored = 0
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and job.poll() is None:
            stored = _count(db)
            if stored >= 30:
                break
            time.sleep(0.05)
    finally:
        os.killpg(job.pid, signal.SIGKILL)  # the job and its Dask workers
        job.wait()
    out = job.stdout.read().decode() if job.stdout else ""
    assert 30 <= stored < n, f"stored {stored} before the kill\n{out}"
    after_kill = _count(db)
    assert after_kill < n
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"{n - after_kill} new, {after_kill} already stored" in res.stdout
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    n_events, distinct = con.execute(
        "SELECT count(*), count(DISTINCT article_id || '/' || seq) FROM events"
    ).fetchone()
    errors = [r[0] for r in con.execute("SELECT message FROM doc_errors")]
    con.close()
    assert len(ids) == len(set(ids)) == n
    assert n_events == distinct
    assert sum("invalid JSON" in m for m in errors) == 1  # recorded once, not per attempt
    clean = str(tmp_path / "clean.db")
    pipeline.run([str(path)], clean, settings=settings)
    assert event_rows(str(db)) == event_rows(clean)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or busy
        return 0
