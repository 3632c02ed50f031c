"""The whole flow, one stage after another.

1. ingest  (ingest.py)  files, folders, stdin, records -> Article(raw)
2. clean   (clean.py)   HTML to main text, boilerplate lines dropped -> Article(text)
3. nlp     (nlp.py)     one spaCy pipeline, nlp.pipe batches, WEAPON/MILITARY_PLATFORM rulers
4. events  (events.py)  triggers + dependency patterns -> [Event] with actors, tolls, dates
5. geo     (geo.py)     toponyms resolved against the offline gazetteer; event locations
6. actors  (actors.py)  actors without a country placed where their event happened
7. store   (store.py)   SQLite (default) or PostgreSQL; idempotent writes
8. link    (link.py, dedup.py)  near-duplicate articles (MinHash LSH) grouped into
                        stories; reports of one event across articles linked into
                        incidents with reconciled tolls, date and place; incremental

``process`` runs stages 2-6 over articles and yields one ``Result`` per article;
``extract`` does it for one text (the Python API); ``run`` adds ingest, store and
link (the ``strife run`` command). A document that fails in any stage yields a Result
with its error; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import actors, geo, ingest, link, nlp
from . import clean as clean_stage
from . import events as events_stage
from .errors import DatabaseError, InputError, doc_error
from .gazetteer import Gazetteer
from .records import Article, Result
from .settings import Settings
from .store import Store


def _prepare(article: Article, settings: Settings, do_clean: bool) -> Result:
    article.ensure_id()
    result = Result(article=article)
    try:
        clean_stage.clean(article, enabled=do_clean)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        result.errors.append(doc_error(article.origin or article.id, "clean", exc))
        article.text = article.raw if article.content_type == "text" else ""
    if len(article.text) > settings.max_chars_int:
        result.errors.append(
            f"{article.origin or article.id}: text has {len(article.text)} characters; only the "
            f"first {settings.max_chars_int} were read (setting max_chars)"
        )
        article.text = article.text[: settings.max_chars_int]
    return result


def _analyse(result: Result, doc, gazetteer: Gazetteer) -> Result:  # noqa: ANN001 - spaCy Doc
    article = result.article
    name = article.origin or article.id
    try:
        result.entities = nlp.entities(doc)
        result.events = events_stage.extract_events(doc, article)
    except Exception as exc:  # noqa: BLE001
        result.errors.append(doc_error(name, "events", exc))
        result.events = []
    try:
        result.toponyms = geo.geocode(doc, result.events, article, gazetteer)
    except Exception as exc:  # noqa: BLE001
        result.errors.append(doc_error(name, "geo", exc))
    for ev in result.events:
        country = ev.location.country if ev.location else None
        ev.actor1 = actors.localise(ev.actor1, country)
        ev.actor2 = actors.localise(ev.actor2, country)
        ev.assign_id(article.id)
        ev.article_id = article.id
    result.errors = article.errors + result.errors
    return result


def process(
    articles: Iterable[Article], settings: Settings | None = None, do_clean: bool = True
) -> Iterator[Result]:
    """Stages 2-6 over ``articles``, in order, batched through spaCy."""
    settings = settings or Settings()
    gazetteer = Gazetteer.open(settings)
    nlp.load(settings)
    batch: list[Result] = []
    for article in articles:
        batch.append(_prepare(article, settings, do_clean))
        if len(batch) >= settings.batch_size_int:
            yield from _run_batch(batch, settings, gazetteer)
            batch = []
    if batch:
        yield from _run_batch(batch, settings, gazetteer)


def _run_batch(batch: list[Result], settings: Settings, gazetteer: Gazetteer) -> Iterator[Result]:
    try:
        docs = list(nlp.parse((r.article.text for r in batch), settings))
    except Exception:  # noqa: BLE001 - find the document that breaks the batch
        docs = []
        for r in batch:
            try:
                docs.extend(nlp.parse([r.article.text], settings))
            except Exception as exc:  # noqa: BLE001
                r.errors.append(doc_error(r.article.origin or r.article.id, "nlp", exc))
                docs.append(None)
    for result, doc in zip(batch, docs, strict=True):
        if doc is None:
            result.errors = result.article.errors + result.errors
            yield result
        else:
            yield _analyse(result, doc, gazetteer)


def extract(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
    do_clean: bool = True,
) -> Result:
    """Events, entities and places of one text (the Python API).

    >>> r = extract("Gunmen killed two soldiers in Mosul on Monday.", published="2024-05-07")
    >>> r.events[0].fatalities.best
    2
    """
    article = ingest.article_from_text(text, published=published, url=url, title=title)
    return next(process([article], settings, do_clean=do_clean))


@dataclass
class RunSummary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    events: int = 0
    incidents: int = 0  # incidents written or changed by linking the new events
    errors: list[str] = field(default_factory=list)


def run(
    paths: Sequence[str],
    db: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> RunSummary:
    """Ingest ``paths``, extract, and store the results (the ``strife run`` command).

    Articles already in the database are skipped, so running the same input twice
    changes nothing. Bad documents are recorded in the ``doc_errors`` table and in
    the summary; the rest go on."""
    settings = settings or Settings()
    summary = RunSummary()
    with Store(db or settings.db) as store:

        def articles() -> Iterator[Article]:
            for item in ingest.read_paths(paths, published=published):
                summary.read += 1
                if isinstance(item, InputError):
                    summary.errors.append(str(item))
                    store.record_error(item.origin, str(item))
                    continue
                if store.has_article(item.ensure_id()):
                    summary.unchanged += 1
                    if on_progress:
                        on_progress(summary.read, None)
                    continue
                yield item

        for result in process(articles(), settings):
            name = result.article.origin or result.article.id
            try:
                stored = store.write(result)  # also stores the document's own errors
            except DatabaseError as exc:
                summary.errors.append(str(exc))
                store.record_error(name, str(exc), result.article.id)
                continue
            if stored:
                summary.new += 1
                summary.events += len(result.events)
            else:
                summary.unchanged += 1
            summary.errors.extend(result.errors)
            if on_progress:
                on_progress(summary.read, None)
        # stage 8: only the articles linking has not seen yet (the new ones, and
        # any stored before linking existed); the rest of the incidents stay as they are
        summary.incidents = link.link_store(store).incidents
    return summary
