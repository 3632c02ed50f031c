"""Scale: stages 1-7 over a large corpus on a Dask cluster (the ``strife batch`` command).

1. ingest  (this process)   inputs read lazily; articles already stored are skipped
2. split   (this process)   the rest cut into partitions of ``partition_size`` articles
3. process (Dask workers)   ``pipeline.process`` (stages 2-6) on each partition; spaCy
                            and the gazetteer are loaded once per worker process
                            (``StrifeWorker``, a worker plugin, and the per-process
                            caches in nlp.py and gazetteer.py)
4. store   (this process)   each finished partition written with ``Store.write_many``
                            (one writer; 100 documents to a transaction)
5. link    (this process)   ``link.link_store``, as ``strife run`` does: the articles
                            not linked yet joined into incidents, once, at the end

The cluster is a ``LocalCluster`` (one single-threaded worker process per core) unless
a scheduler address is given. Workers only compute: they never open the database, so
SQLite works as well as PostgreSQL and the database need only be reachable from here.

Resumable: a document is done when its article row is stored, and it is stored in the
same transaction as its events, toponyms, entities and errors. A job that is killed
(even with SIGKILL) loses at most the transactions that were open, and when it is
started again on the same inputs it skips every stored article, so each article ends
up stored exactly once. Per-document problems go to the ``doc_errors`` table and into
the summary, and the batch goes on.
"""

from __future__ import annotations

import logging
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from . import ingest, link, nlp, pipeline
from .errors import InputError, StrifeError, UsageError
from .gazetteer import Gazetteer
from .records import Article, Result
from .settings import Settings
from .store import Store

__all__ = ["BatchSummary", "StrifeWorker", "process_partition", "run"]

PARTITION_SIZE = 50  # articles per task: 1-3 s of work for one core on news-length
# articles, far above Dask's ~1 ms per task, and little to redo after a kill
IN_FLIGHT = 2  # partitions queued per worker thread: a worker always has the next one
# while the client writes, and the client never holds more than a few partitions of text
SHIPPED = ("spacy_model", "batch_size", "max_chars")  # settings that decide the output;
# on a remote cluster only these go to the workers, whose paths (cache_dir, gazetteer)
# are their own (environment STRIFE_CACHE_DIR, STRIFE_GAZETTEER on each node)
CONNECT_TIMEOUT = "30s"  # to reach a scheduler; a cluster's scheduler answers in well under 1 s
SHOWN_ERRORS = 20  # problems printed by the CLI; all of them are in doc_errors


@dataclass
class BatchSummary:
    read: int = 0  # documents read from the inputs (including unreadable ones)
    new: int = 0  # articles stored by this run
    unchanged: int = 0  # already stored (by an earlier run, or a duplicate input)
    events: int = 0  # events stored by this run
    incidents: int = 0  # incidents written or changed by linking the new events
    failed: int = 0  # documents not stored (unreadable, refused by the database, lost)
    errors: list[str] = field(default_factory=list)
    workers: int = 0
    seconds: float = 0.0
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    worker_cpu_s: dict[str, float] = field(default_factory=dict)  # each worker's CPU time
    # spent after it had loaded the models: the processing itself, for sizing


# ------------------------------------------------------------------- worker side


def _worker_settings(options: dict[str, str]) -> Settings:
    settings = Settings()  # this process's environment, then the client's choices
    for name, value in options.items():
        setattr(settings, name, value)
    return settings


class StrifeWorker(WorkerPlugin):
    """Worker plugin: loads the spaCy pipeline and the gazetteer when a worker starts,
    so every partition finds them ready (and a missing model fails the job at once)."""

    name = "strife"

    def __init__(self, options: dict[str, str]) -> None:
        self.options = options

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the plugin interface
        settings = _worker_settings(self.options)
        nlp.load(settings)
        Gazetteer.open(settings)


def process_partition(
    articles: list[Article], options: dict[str, str], do_clean: bool = True
) -> list[Result]:
    """Stages 2-6 over one partition, on a worker (the models are cached per process)."""
    return list(pipeline.process(articles, _worker_settings(options), do_clean=do_clean))


def cpu_seconds() -> float:
    """CPU time used by this process so far (user + system), in seconds."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def peak_memory_mb() -> float:
    """Peak resident memory of this process, in MB (run on each worker at the end)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


# ------------------------------------------------------------------- client side


@contextmanager
def connect(workers: int = 0, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: on the scheduler at ``scheduler`` (tcp://host:8786), else on a
    LocalCluster of ``workers`` single-threaded processes (0 = one per core)."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise StrifeError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}. Start one with "
                "'dask scheduler' and workers with 'dask worker ADDRESS' (docs/scale.md), "
                "or leave out --scheduler to run on this machine"
            ) from exc
        with client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    # one thread per worker: spaCy holds the GIL for most of its work, so processes
    # (not threads) are what use more cores
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _todo(
    paths: Sequence[str],
    published: str | None,
    store: Store,
    summary: BatchSummary,
    known_errors: set[tuple[str, str]],
    chunk: int,
) -> Iterator[Article]:
    """Articles still to process: unreadable inputs are recorded, stored articles and
    repeats of one already queued are skipped (checked ``chunk`` ids at a time)."""
    queued: set[str] = set()
    items = ingest.read_paths(paths, published=published)
    while block := list(islice(items, chunk)):
        arts: list[Article] = []
        for item in block:
            summary.read += 1
            if isinstance(item, InputError):
                summary.failed += 1
                summary.errors.append(str(item))
                if (item.origin, str(item)) not in known_errors:  # not again on a resume
                    store.record_error(item.origin, str(item))
                    known_errors.add((item.origin, str(item)))
            else:
                arts.append(item)
        done = store.stored(a.ensure_id() for a in arts)
        for a in arts:
            if a.id in done or a.id in queued:
                summary.unchanged += 1
            else:
                queued.add(a.id)
                yield a


def run(
    paths: Sequence[str],
    db: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = PARTITION_SIZE,
    do_clean: bool = True,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> BatchSummary:
    """Ingest ``paths``, process them on a Dask cluster, store the results in ``db``.

    ``workers``: processes of the LocalCluster (default: setting ``workers``; 0 = one
    per core); ``scheduler``: the address of a running Dask scheduler to use instead
    (default: setting ``scheduler``). ``on_progress(done, total)`` is called as
    partitions are stored; ``total`` is None until every input has been read.
    Running it again on the same inputs processes only what is not stored yet."""
    settings = settings or Settings()
    if scheduler and workers:
        raise UsageError(
            "give either --workers (a cluster on this machine) or --scheduler, not both"
        )
    if not scheduler and not workers:  # an explicit --workers wins over STRIFE_SCHEDULER
        scheduler = settings.scheduler or None
    if workers is None:
        workers = 0 if scheduler else settings.workers_int
    if partition_size < 1:
        raise UsageError(f"partition size must be 1 or more, not {partition_size}")
    started = time.perf_counter()
    summary = BatchSummary()
    with Store(db or settings.db) as store:
        if not scheduler:  # build the gazetteer once here, not in every worker at once
            Gazetteer.open(settings)
        known = {(e["origin"], e["message"]) for e in store.errors()}
        events_before = store.counts()["events"]
        with connect(workers or 0, scheduler) as client:
            local = scheduler is None
            options = {f: getattr(settings, f) for f in (SHIPPED if not local else _all_fields())}
            client.register_plugin(StrifeWorker(options), name="strife")
            cpu_at_start = client.run(cpu_seconds)
            threads = sum(client.nthreads().values()) or 1
            summary.workers = len(client.nthreads())
            parts = _partitions(
                _todo(paths, published, store, summary, known, partition_size), partition_size
            )
            queued = done = 0
            pending: dict[str, list[Article]] = {}
            finished = as_completed()
            reading = True

            def submit() -> None:
                nonlocal reading, queued
                part = next(parts, None) if reading else None
                if part is None:
                    reading = False
                    return
                fut = client.submit(process_partition, part, options, do_clean, pure=False)
                pending[fut.key] = part
                queued += len(part)
                finished.add(fut)

            for _ in range(max(2, IN_FLIGHT * threads)):
                submit()
            if on_progress:
                on_progress(0, None if reading else queued)
            for fut in finished:
                part = pending.pop(fut.key)
                try:
                    results = fut.result()
                except (KilledWorker, FutureCancelledError) as exc:
                    # a worker died on this partition again and again (out of memory?):
                    # note each document; they are retried when the job is run again
                    for a in part:
                        msg = (
                            f"{a.origin or a.id}: not processed: a Dask worker died on its "
                            f"partition ({type(exc).__name__}); run again, with a smaller "
                            "--partition-size or more memory per worker"
                        )
                        summary.errors.append(msg)
                        store.record_error(a.origin or a.id, msg, a.id)
                    summary.failed += len(part)
                    results = []
                del fut
                _store(store, results, summary)
                done += len(part)
                submit()
                if on_progress:
                    on_progress(done, None if reading else queued)
            summary.worker_peak_mb = client.run(peak_memory_mb)
            summary.worker_cpu_s = {
                w: cpu - cpu_at_start.get(w, 0.0) for w, cpu in client.run(cpu_seconds).items()
            }
        summary.events = store.counts()["events"] - events_before
        # stage 8, as in `strife run`: every article not linked yet, which after a
        # kill includes those stored by the killed run
        summary.incidents = link.link_store(store).incidents
    summary.seconds = time.perf_counter() - started
    return summary


def _all_fields() -> tuple[str, ...]:
    return tuple(asdict(Settings()))


def _partitions(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while part := list(islice(articles, size)):
        yield part


def _store(store: Store, results: list[Result], summary: BatchSummary) -> None:
    if not results:
        return
    new, skipped = store.write_many(results)
    summary.new += new
    summary.unchanged += skipped
    for r in results:
        summary.errors.extend(r.errors)
    if new + skipped < len(results):  # refused by the database; write_many recorded why
        kept = store.stored(r.article.id for r in results)
        for r in results:
            if r.article.id not in kept:
                summary.failed += 1
                summary.errors.append(
                    f"{r.article.origin or r.article.id}: not stored (see the doc_errors table)"
                )
