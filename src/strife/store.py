"""Stage 7, store: results into a database a person can query with plain SQL.

One class, ``Store``, over SQLAlchemy Core: SQLite by default (WAL journal,
foreign keys on) and PostgreSQL with the same code. One writer path
(``_insert``), one transaction per document, idempotent: an article id that is
already stored is skipped, so feeding the same documents twice changes nothing.

The schema is built by small named migration steps (``MIGRATIONS``), applied in
order when a database is opened and recorded in ``schema_migrations``; a new
step is a function appended to that list, never an edit of an old one.
The tables and example queries are in ``docs/database.md``.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from strife.errors import DatabaseError, doc_error
from strife.records import (
    SUB_TO_TYPE,
    Actor,
    Article,
    Count,
    Entity,
    Event,
    Place,
    Result,
    Span,
    Toponym,
)

__all__ = ["MIGRATIONS", "Store", "migrate", "to_url"]

BATCH_SIZE = 100  # documents per transaction in write_many: fewer commits (each one an fsync)
# without holding the write lock for long
_CHUNK = 500  # ids per IN (...) list; SQLite builds before 3.32 allow only 999 parameters
_INT_MAX = 2**31 - 1  # PostgreSQL INTEGER; a count or offset above it is a bug upstream

# --------------------------------------------------------------------------- schema


def _actor_place_count_columns(code_type: type = String) -> list[Column]:
    """The columns events and incidents share: both actors, the place, both counts.
    (Actor type and country codes are String in events, Text in incidents, as first made.)"""
    cols = [
        Column(f"{n}_{k}", code_type if k in ("type", "country") else Text)
        for n in ("actor1", "actor2")
        for k in ("name", "text", "type", "country")
    ]
    cols += [
        Column("location_name", Text),
        Column("admin1", Text),
        Column("admin2", Text),
        Column("country", String),
        Column("lat", Float),
        Column("lon", Float),
        Column("geo_precision", Integer),
        Column("geonameid", Integer),
    ]
    cols += [Column(f"{n}_{k}", Integer) for n in ("fatalities", "injured")
             for k in ("best", "low", "high")]  # fmt: skip
    return cols


def _define(md: MetaData, *, version: int) -> dict[str, Table]:
    """The tables as they stand after migration ``version`` (columns only; indexes
    are added by their own steps). Old steps call this with their own version so
    that an old database is rebuilt exactly as it was."""
    articles = Table(
        "articles",
        md,
        Column("id", String, primary_key=True),
        Column("url", Text),
        Column("title", Text),
        Column("source", Text),
        Column("author", Text),
        Column("published", String(10)),  # YYYY-MM-DD: text sorts and compares as dates
        Column("language", String),
        Column("text", Text, nullable=False),
        Column("origin", Text),
        Column("ingested_at", String(32), nullable=False),  # ISO 8601, UTC
    )
    event_cols = [
        Column("id", String, primary_key=True),
        Column("article_id", String, ForeignKey("articles.id"), nullable=False),
        Column("seq", Integer, nullable=False),  # order of the event in its article
        Column("event_type", String, nullable=False),
        Column("sub_event_type", String, nullable=False),
        Column("date", String(10)),
        Column("time_precision", Integer),
    ]
    event_cols += _actor_place_count_columns()
    event_cols += [
        Column("weapons", Text, nullable=False),  # JSON array of strings
        Column("platforms", Text, nullable=False),  # JSON array of strings
        Column("hedged", Boolean, nullable=False),
        Column("attributed_to", Text),
        Column("trigger_text", Text, nullable=False),
        Column("trigger_start", Integer, nullable=False),
        Column("trigger_end", Integer, nullable=False),
        Column("confidence", Float, nullable=False),
    ]
    if version >= 3:
        event_cols.append(Column("incident_id", String))
    events = Table("events", md, *event_cols)

    def spans(name: str, parent: str, *extra: Column) -> Table:
        return Table(
            name,
            md,
            Column(f"{parent}_id", String, ForeignKey(f"{parent}s.id"), primary_key=True),
            Column("seq", Integer, primary_key=True),
            Column("text", Text, nullable=False),
            Column("start", Integer, nullable=False),
            Column("end", Integer, nullable=False),
            *extra,
        )

    evidence = spans("evidence", "event")
    toponyms = spans(
        "toponyms",
        "article",
        Column("name", Text, nullable=False),
        Column("admin1", Text),
        Column("admin2", Text),
        Column("country", String),
        Column("lat", Float),
        Column("lon", Float),
        Column("geonameid", Integer),
        Column("geo_precision", Integer),
    )
    entities = spans("entities", "article", Column("label", String, nullable=False))
    doc_errors = Table(
        "doc_errors",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("origin", Text, nullable=False),
        Column("article_id", String),  # no foreign key: the article may never have been stored
        Column("message", Text, nullable=False),
        Column("created_at", String(32), nullable=False),
    )
    tables = [articles, events, evidence, toponyms, entities, doc_errors]
    if version >= 4:
        tables += _define_incidents(md)
    return {t.name: t for t in tables}


def _define_incidents(md: MetaData) -> list[Table]:
    """Migration 4: incidents, the links between reports, near-duplicates and stories."""
    inc_cols = [
        Column("id", String, primary_key=True),
        Column("event_type", String, nullable=False),
        Column("sub_event_type", String, nullable=False),
        Column("date", String(10)),
        Column("time_precision", Integer),
    ]
    inc_cols += _actor_place_count_columns(code_type=Text)
    inc_cols += [
        Column("hedged", Boolean, nullable=False),
        Column("reports", Integer, nullable=False),
        Column("articles", Integer, nullable=False),
        Column("stories", Integer, nullable=False),
        Column("sources", Integer, nullable=False),
        Column("updated_at", String(32), nullable=False),
    ]
    incidents = Table("incidents", md, *inc_cols)
    incident_links = Table(
        "incident_links",
        md,
        Column("event_a", String, ForeignKey("events.id"), primary_key=True),
        Column("event_b", String, ForeignKey("events.id"), primary_key=True),
        Column("score", Float, nullable=False),
        Column("reasons", Text, nullable=False),  # JSON array of strings
    )
    article_signatures = Table(
        "article_signatures",
        md,
        Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
        Column("minhash", LargeBinary, nullable=False),
    )
    near_duplicates = Table(
        "near_duplicates",
        md,
        Column("article_a", String, ForeignKey("articles.id"), primary_key=True),
        Column("article_b", String, ForeignKey("articles.id"), primary_key=True),
        Column("similarity", Float, nullable=False),
    )
    stories = Table(
        "stories",
        md,
        Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
        Column("story_id", String, nullable=False),
    )
    return [incidents, incident_links, article_signatures, near_duplicates, stories]


_META = MetaData()
_T = _define(_META, version=10**6)  # the current shape, used by every query
articles, events, evidence, toponyms, entities, doc_errors = (
    _T[n] for n in ("articles", "events", "evidence", "toponyms", "entities", "doc_errors")
)
incidents, incident_links, article_signatures, near_duplicates, stories = (
    _T[n]
    for n in ("incidents", "incident_links", "article_signatures", "near_duplicates", "stories")
)
schema_migrations = Table(
    "schema_migrations",
    MetaData(),
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

# ----------------------------------------------------------------------- migrations


def _m1_create_tables(conn: Connection) -> None:
    md = MetaData()
    _define(md, version=1)
    md.create_all(conn)


def _m2_filter_indexes(conn: Connection) -> None:
    t = _define(MetaData(), version=2)
    for name, table, cols in (
        ("ix_events_date", "events", ("date",)),
        ("ix_events_country", "events", ("country",)),
        ("ix_events_event_type", "events", ("event_type",)),
        ("ix_events_sub_event_type", "events", ("sub_event_type",)),
        ("ix_events_article_id", "events", ("article_id", "seq")),
        ("ix_doc_errors_article_id", "doc_errors", ("article_id",)),
    ):
        Index(name, *(t[table].c[c] for c in cols)).create(conn)


def _m3_incident_id(conn: Connection) -> None:
    coltype = String().compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN incident_id {coltype}")
    t = _define(MetaData(), version=3)
    Index("ix_events_incident_id", t["events"].c.incident_id).create(conn)


def _m4_incidents(conn: Connection) -> None:
    md = MetaData()
    t = _define(md, version=4)
    for name in ("incidents", "incident_links", "article_signatures", "near_duplicates", "stories"):
        t[name].create(conn)
    for name, table, cols in (
        ("ix_incidents_date", "incidents", ("date",)),
        ("ix_incidents_country", "incidents", ("country",)),
        ("ix_incidents_event_type", "incidents", ("event_type",)),
        ("ix_incidents_sub_event_type", "incidents", ("sub_event_type",)),
        ("ix_incident_links_event_b", "incident_links", ("event_b",)),
        ("ix_near_duplicates_article_b", "near_duplicates", ("article_b",)),
        ("ix_stories_story_id", "stories", ("story_id",)),
    ):
        Index(name, *(t[table].c[c] for c in cols)).create(conn)


Migration = tuple[int, str, Callable[[Connection], None]]
MIGRATIONS: list[Migration] = [
    (1, "create tables", _m1_create_tables),
    (2, "indexes for the event filters", _m2_filter_indexes),
    (3, "events.incident_id for linked reports", _m3_incident_id),
    (4, "incidents, incident links, near-duplicate articles and stories", _m4_incidents),
]
LATEST = MIGRATIONS[-1][0]


def migrate(conn: Connection, target: int | None = None) -> list[int]:
    """Apply the missing migration steps up to ``target`` (default: all), in
    order, inside the caller's transaction. Returns the versions applied."""
    schema_migrations.create(conn, checkfirst=True)
    done = set(conn.scalars(select(schema_migrations.c.version)))
    if done and max(done) > LATEST:
        raise DatabaseError(
            f"the database schema is at version {max(done)}, newer than this strife "
            f"knows ({LATEST}); upgrade strife to use it"
        )
    applied = []
    for version, name, step in MIGRATIONS:
        if version in done or (target is not None and version > target):
            continue
        step(conn)
        conn.execute(
            insert(schema_migrations).values(version=version, name=name, applied_at=_now())
        )
        applied.append(version)
    return applied


# ------------------------------------------------------------------------ opening


def to_url(db: str) -> str:
    """``Settings.db`` to an SQLAlchemy URL: a plain path becomes ``sqlite:///path``,
    ``:memory:`` an in-memory SQLite database, a URL is passed through."""
    if db == ":memory:":
        return "sqlite://"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _engine(db: str) -> Engine:
    url = make_url(to_url(db))
    if url.drivername in ("postgresql", "postgres"):
        # a plain postgresql:// URL means psycopg 3, the driver strife installs
        # (SQLAlchemy's own default, psycopg2, is not a dependency)
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    memory = url.database in (None, "", ":memory:")
    if memory:
        # One connection shared by every thread (the Store serialises access), so
        # the database lives as long as the Store.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url, connect_args={"timeout": 30})  # wait for a busy writer

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, says when a transaction begins, so
        # DDL and SAVEPOINT take part in transactions (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cur.execute("PRAGMA journal_mode = WAL")  # readers do not block the writer
            cur.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, far fewer fsyncs
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the write lock at BEGIN, so two writers queue instead of
        # one failing with "database is locked" when it upgrades a read lock.
        write = conn.get_execution_options().get("strife_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


# ---------------------------------------------------------------- checking records


class _Bad(ValueError):
    """A field a database cannot hold faithfully; becomes a DatabaseError."""


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _str(v: Any, what: str, *, null: bool = True) -> str | None:
    if v is None and null:
        return None
    if not isinstance(v, str):
        raise _Bad(f"{what} must be a string{' or null' if null else ''}, not {v!r:.80}")
    if "\x00" in v:
        raise _Bad(f"{what} contains a NUL character, which PostgreSQL cannot store")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _Bad(f"{what} is not valid Unicode ({exc.reason})") from None
    return v


def _int(v: Any, what: str, *, null: bool = True, lo: int = 0, hi: int = _INT_MAX) -> int | None:
    if v is None and null:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise _Bad(f"{what} must be an integer{' or null' if null else ''}, not {v!r:.80}")
    if not lo <= v <= hi:
        raise _Bad(f"{what} = {v} is outside {lo}..{hi}")
    return v


def _float(v: Any, what: str, *, null: bool = True, lo: float, hi: float) -> float | None:
    if v is None and null:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise _Bad(f"{what} must be a number{' or null' if null else ''}, not {v!r:.80}")
    if not (math.isfinite(v) and lo <= v <= hi):
        raise _Bad(f"{what} = {v} is outside {lo}..{hi}")
    return float(v)


def _date(v: Any, what: str) -> str | None:
    if v is None:
        return None
    if isinstance(v, str) and _DATE.fullmatch(v):
        try:
            date.fromisoformat(v)
            return v
        except ValueError:
            pass
    raise _Bad(f"{what} must be a date YYYY-MM-DD or null, not {v!r:.80}")


def _strings(v: Any, what: str) -> str:
    if not isinstance(v, list | tuple):
        raise _Bad(f"{what} must be a list of strings, not {v!r:.80}")
    return json.dumps([_str(s, f"{what} item", null=False) for s in v], ensure_ascii=False)


def _place_cols(p: dict[str, Any] | None, what: str) -> dict[str, Any]:
    p = p or {}
    present = bool(p)
    return {
        "name": _str(p.get("name"), f"{what}.name", null=not present),
        "admin1": _str(p.get("admin1"), f"{what}.admin1"),
        "admin2": _str(p.get("admin2"), f"{what}.admin2"),
        "country": _str(p.get("country"), f"{what}.country"),
        "lat": _float(p.get("lat"), f"{what}.lat", lo=-90, hi=90),
        "lon": _float(p.get("lon"), f"{what}.lon", lo=-180, hi=180),
        "geo_precision": _int(p.get("geo_precision"), f"{what}.geo_precision", lo=1, hi=3),
        "geonameid": _int(p.get("geonameid"), f"{what}.geonameid"),
    }


def _span_cols(s: dict[str, Any], what: str) -> dict[str, Any]:
    return {
        "text": _str(s.get("text"), f"{what}.text", null=False),
        "start": _int(s.get("start"), f"{what}.start", null=False),
        "end": _int(s.get("end"), f"{what}.end", null=False),
    }


def _event_row(e: Event, article_id: str, seq: int) -> tuple[dict[str, Any], list[dict]]:
    if not e.id:
        e = replace(e)
        e.assign_id(article_id)
    d = e.to_dict()
    w = f"event {seq} ({d['id']})"
    row: dict[str, Any] = {
        "id": _str(d["id"], f"{w} id", null=False),
        "article_id": article_id,
        "seq": seq,
        "event_type": _str(d["event_type"], f"{w} event_type", null=False),
        "sub_event_type": _str(d["sub_event_type"], f"{w} sub_event_type", null=False),
        "date": _date(d["date"], f"{w} date"),
        "time_precision": _int(d["time_precision"], f"{w} time_precision", lo=1, hi=3),
    }
    for n in ("actor1", "actor2"):
        a = d[n] or {}
        row[f"{n}_name"] = _str(a.get("name"), f"{w} {n}.name", null=not a)
        row[f"{n}_text"] = _str(a.get("text"), f"{w} {n}.text")
        row[f"{n}_type"] = _str(a.get("type"), f"{w} {n}.type")
        row[f"{n}_country"] = _str(a.get("country"), f"{w} {n}.country")
    loc = _place_cols(d["location"], f"{w} location")
    row["location_name"] = loc.pop("name")
    row.update(loc)
    for n in ("fatalities", "injured"):
        for k in ("best", "low", "high"):
            row[f"{n}_{k}"] = _int(d[n][k], f"{w} {n}.{k}")
    trig = _span_cols(d["trigger"], f"{w} trigger")
    row.update(
        weapons=_strings(d["weapons"], f"{w} weapons"),
        platforms=_strings(d["platforms"], f"{w} platforms"),
        hedged=d["hedged"],
        attributed_to=_str(d["attributed_to"], f"{w} attributed_to"),
        trigger_text=trig["text"],
        trigger_start=trig["start"],
        trigger_end=trig["end"],
        confidence=_float(d["confidence"], f"{w} confidence", null=False, lo=0, hi=1),
        incident_id=_str(d["incident_id"], f"{w} incident_id"),
    )
    if not isinstance(row["hedged"], bool):
        raise _Bad(f"{w} hedged must be true or false, not {row['hedged']!r:.80}")
    ev = [
        {"event_id": row["id"], "seq": i, **_span_cols(s, f"{w} evidence {i}")}
        for i, s in enumerate(d["evidence"])
    ]
    return row, ev


def _rows(result: Result) -> dict[str, list[dict[str, Any]]]:
    """Check one result and turn it into table rows; raises DatabaseError naming
    the article and the field when something cannot be stored faithfully."""
    a = result.article
    aid = a.id if isinstance(a.id, str) and a.id else "(no id)"
    try:
        _str(a.id, "article id", null=False)
        if not a.id:
            raise _Bad("article id is empty (call Article.ensure_id() first)")
        art = {
            "id": a.id,
            "url": _str(a.url, "url"),
            "title": _str(a.title, "title"),
            "source": _str(a.source, "source"),
            "author": _str(a.author, "author"),
            "published": _date(a.published, "published"),
            "language": _str(a.language, "language"),
            "text": _str(a.text, "text", null=False),
            "origin": _str(a.origin, "origin"),
            "ingested_at": _now(),
        }
        evs, spans = [], []
        for i, e in enumerate(result.events):
            row, ev = _event_row(e, a.id, i)
            evs.append(row)
            spans += ev
        ids = [r["id"] for r in evs]
        if len(set(ids)) != len(ids):
            dup = next(x for x in ids if ids.count(x) > 1)
            raise _Bad(f"two events share the id {dup} (same trigger and sub-event type)")
        tops = []
        for i, t in enumerate(result.toponyms):
            w = f"toponym {i}"
            place = _place_cols(t.place.to_dict(), w)
            tops.append({"article_id": a.id, "seq": i, **_span_cols(t.to_dict(), w), **place})
        ents = [
            {
                "article_id": a.id,
                "seq": i,
                **_span_cols(x.to_dict(), f"entity {i}"),
                "label": _str(x.label, f"entity {i} label", null=False),
            }
            for i, x in enumerate(result.entities)
        ]
        origin = _str(a.origin, "origin") or "<unknown>"
        errs = [
            {
                "origin": origin,
                "article_id": a.id,
                "message": _str(m, "error message", null=False),
                "created_at": art["ingested_at"],
            }
            for m in result.errors
        ]
    except (_Bad, TypeError, AttributeError, KeyError) as exc:
        raise DatabaseError(f"article {aid}: not stored: {exc}") from exc
    return {
        "articles": [art],
        "events": evs,
        "evidence": spans,
        "toponyms": tops,
        "entities": ents,
        "doc_errors": errs,
    }


# ------------------------------------------------------------------- reading rows


def _actor(r: Any, n: str) -> Actor | None:
    if r[f"{n}_name"] is None:
        return None
    return Actor(
        name=r[f"{n}_name"], text=r[f"{n}_text"], type=r[f"{n}_type"], country=r[f"{n}_country"]
    )


def _place(r: Any, name: str | None) -> Place | None:
    if name is None:
        return None
    return Place(
        name=name,
        admin1=r["admin1"],
        admin2=r["admin2"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        geo_precision=r["geo_precision"],
        geonameid=r["geonameid"],
    )


def _event(r: Any, spans: list[Span]) -> Event:
    return Event(
        id=r["id"],
        article_id=r["article_id"],
        event_type=r["event_type"],
        sub_event_type=r["sub_event_type"],
        date=r["date"],
        time_precision=r["time_precision"],
        actor1=_actor(r, "actor1"),
        actor2=_actor(r, "actor2"),
        location=_place(r, r["location_name"]),
        fatalities=Count(r["fatalities_best"], r["fatalities_low"], r["fatalities_high"]),
        injured=Count(r["injured_best"], r["injured_low"], r["injured_high"]),
        weapons=json.loads(r["weapons"]),
        platforms=json.loads(r["platforms"]),
        hedged=bool(r["hedged"]),
        attributed_to=r["attributed_to"],
        trigger=Span(r["trigger_text"], r["trigger_start"], r["trigger_end"]),
        evidence=spans,
        confidence=r["confidence"],
        incident_id=r["incident_id"],
    )


def _bound(value: str, *, upper: bool) -> str:
    """since/until as a YYYY-MM-DD bound: YYYY and YYYY-MM cover the whole year or
    month (text comparison, so 'YYYY-MM-31' is a fine upper bound for any month)."""
    if re.fullmatch(r"\d{4}", value):
        return value + ("-12-31" if upper else "-01-01")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value + ("-31" if upper else "-01")
    if _DATE.fullmatch(value):
        return value
    raise ValueError(f"date filter {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY)")


def _type_filter(value: str, table: Table | None = None) -> Any:
    """event_type or sub_event_type, case-insensitive; a known name is compared
    exactly so the indexes are used. ``table``: events (default) or incidents."""
    t = events if table is None else table
    low = value.strip().lower()
    for sub, typ in SUB_TO_TYPE.items():
        if low == sub.lower():
            return t.c.sub_event_type == sub
        if low == typ.lower():
            return t.c.event_type == typ
    return or_(func.lower(t.c.event_type) == low, func.lower(t.c.sub_event_type) == low)


def _incident_row(i: Any) -> dict[str, Any]:
    """A ``link.Incident`` as an ``incidents`` row (checked like an event row)."""
    w = f"incident {i.id}"
    row: dict[str, Any] = {
        "id": _str(i.id, f"{w} id", null=False),
        "event_type": _str(i.event_type, f"{w} event_type", null=False),
        "sub_event_type": _str(i.sub_event_type, f"{w} sub_event_type", null=False),
        "date": _date(i.date, f"{w} date"),
        "time_precision": _int(i.time_precision, f"{w} time_precision", lo=1, hi=3),
    }
    for n in ("actor1", "actor2"):
        a = getattr(i, n)
        for k in ("name", "text", "type", "country"):
            row[f"{n}_{k}"] = _str(getattr(a, k) if a else None, f"{w} {n}.{k}")
    loc = _place_cols(i.location.to_dict() if i.location else None, f"{w} location")
    row["location_name"] = loc.pop("name")
    row.update(loc)
    for n in ("fatalities", "injured"):
        for k in ("best", "low", "high"):
            row[f"{n}_{k}"] = _int(getattr(getattr(i, n), k), f"{w} {n}.{k}")
    row.update(
        hedged=bool(i.hedged),
        reports=len(i.reports),
        articles=i.n_articles,
        stories=i.n_stories,
        sources=i.n_sources,
        updated_at=_now(),
    )
    return row


def _failed(result: Result, exc: SQLAlchemyError) -> DatabaseError:
    """A document the database refused (its transaction is rolled back)."""
    return DatabaseError(
        f"article {result.article.id}: not stored: {getattr(exc, 'orig', None) or exc}"
    )


# ------------------------------------------------------------------------- Store


class Store:
    """The strife database. ``Store("strife.db")``, ``Store(":memory:")`` or any
    SQLAlchemy URL (``postgresql+psycopg://user@host/strife``). Opening it applies
    any missing migrations. Use as a context manager or call ``close()``."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self._engine = _engine(url)
        except (ArgumentError, ImportError) as exc:
            raise DatabaseError(
                f"database {url!r}: {exc}. Give a file path or an SQLAlchemy URL "
                "(setting db, environment STRIFE_DB)"
            ) from exc
        shared = isinstance(self._engine.pool, StaticPool)
        self._lock: Any = threading.RLock() if shared else nullcontext()
        try:
            with self._write() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            where = self._engine.url.render_as_string(hide_password=True)
            raise DatabaseError(
                f"cannot open the database {where}: {getattr(exc, 'orig', None) or exc}. Check that the "
                "folder exists and is writable, or the server is up (setting db, STRIFE_DB)"
            ) from exc

    # -- lifecycle
    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._engine.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock, self._engine.connect() as conn:
            conn.execution_options(strife_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._lock, self._engine.connect() as conn:
            yield conn

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return conn.scalar(select(func.max(schema_migrations.c.version))) or 0

    # -- writing
    def write(self, result: Result) -> bool:
        """Store one document in one transaction. Returns False (and changes
        nothing) when its article id is already stored. Raises DatabaseError when
        a field cannot be stored; nothing of that document is written then."""
        rows = _rows(result)
        try:
            with self._write() as conn:
                return self._insert(conn, rows)
        except SQLAlchemyError as exc:
            raise _failed(result, exc) from exc

    def write_many(self, results: Iterable[Result]) -> tuple[int, int]:
        """Store many documents, ``BATCH_SIZE`` to a transaction. Returns (new,
        skipped): skipped ones were already stored. A document that cannot be
        stored is rolled back alone, recorded in ``errors()`` and counted in
        neither; the others are kept. If ``results`` itself raises (or Ctrl-C),
        the documents already taken from it are stored before the error goes on."""
        new = skipped = 0
        it = iter(results)
        while True:
            batch: list[Result] = []
            stop: BaseException | None = None
            try:
                batch.extend(islice(it, BATCH_SIZE))
            except BaseException as exc:  # re-raised below, after the batch is stored
                stop = exc
            if batch:
                n, k = self._write_batch(batch)
                new, skipped = new + n, skipped + k
            if stop is not None:
                raise stop
            if len(batch) < BATCH_SIZE:
                return new, skipped

    def _write_batch(self, batch: list[Result]) -> tuple[int, int]:
        new = skipped = 0
        with self._write() as conn:
            for result in batch:
                origin = result.article.origin or result.article.id or "document"
                try:
                    rows = _rows(result)
                    with conn.begin_nested():  # a savepoint: a failure undoes this document only
                        stored = self._insert(conn, rows)
                except (DatabaseError, SQLAlchemyError) as exc:
                    why = exc if isinstance(exc, DatabaseError) else _failed(result, exc)
                    msg = doc_error(origin, "store", why)
                    self._error(conn, origin, msg, result.article.id or None)
                    continue
                new += stored
                skipped += not stored
        return new, skipped

    def _insert(self, conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> bool:
        """The one writer path: the article row first; if it was already there
        nothing else is written."""
        art = rows["articles"][0]
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            if name == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as dialect_insert
            else:
                from sqlalchemy.dialects.postgresql import insert as dialect_insert
            stmt = dialect_insert(articles).values(art).on_conflict_do_nothing()
            # rowcount of an INSERT is only kept when asked for (psycopg gives -1)
            if conn.execute(stmt.execution_options(preserve_rowcount=True)).rowcount == 0:
                return False
        else:
            if conn.scalar(select(articles.c.id).where(articles.c.id == art["id"])):
                return False
            conn.execute(insert(articles).values(art))
        for table in ("events", "evidence", "toponyms", "entities", "doc_errors"):
            if rows[table]:
                conn.execute(insert(_T[table]), rows[table])
        return True

    def _error(self, conn: Connection, origin: str, message: str, article_id: str | None) -> None:
        conn.execute(
            insert(doc_errors).values(
                origin=origin, article_id=article_id, message=message, created_at=_now()
            )
        )

    def record_error(self, origin: str, message: str, article_id: str | None = None) -> None:
        """Note a problem met with one input (shown by ``errors()``)."""
        with self._write() as conn:
            self._error(conn, origin, message, article_id)

    # -- reading
    def errors(self) -> list[dict[str, Any]]:
        """Recorded problems, oldest first: id, origin, article_id, message, created_at."""
        with self._read() as conn:
            rows = conn.execute(select(doc_errors).order_by(doc_errors.c.id)).mappings()
            return [dict(r) for r in rows]

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            q = select(articles.c.id).where(articles.c.id == article_id)
            return conn.scalar(q) is not None

    def stored(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` already stored (one query per 500 ids): how
        ``strife batch`` skips finished work when it is started again."""
        found: set[str] = set()
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                found.update(conn.scalars(select(articles.c.id).where(articles.c.id.in_(ids))))
        return found

    def counts(self) -> dict[str, int]:
        """Rows in the main tables: articles, events, errors."""
        with self._read() as conn:
            return {
                name: conn.scalar(select(func.count()).select_from(t)) or 0
                for name, t in (("articles", articles), ("events", events), ("errors", doc_errors))
            }

    def events(
        self,
        *,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events, ordered by date (undated last), article, trigger offset.

        ``country``: the event location's ISO 3166-1 alpha-2 code, any case (names
        are not matched). ``since``/``until``: inclusive bounds, YYYY-MM-DD, YYYY-MM
        or YYYY; undated events are left out when either is given. ``event_type``:
        an event type or a sub-event type, any case."""
        q = select(events)
        if country is not None:
            q = q.where(events.c.country == country.strip().upper())
        if since is not None:
            q = q.where(events.c.date >= _bound(since, upper=False))
        if until is not None:
            q = q.where(events.c.date <= _bound(until, upper=True))
        if event_type is not None:
            q = q.where(_type_filter(event_type))
        q = q.order_by(
            events.c.date.is_(None),
            events.c.date,
            events.c.article_id,
            events.c.trigger_start,
            events.c.seq,
        )
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be 0 or more, not {limit}")
            q = q.limit(limit)
        with self._read() as conn:
            rows = list(conn.execute(q).mappings())
            return self._with_evidence(conn, rows)

    def _with_evidence(self, conn: Connection, rows: Sequence[Any]) -> list[Event]:
        spans: dict[str, list[Span]] = {r["id"]: [] for r in rows}
        for ids in _chunks(spans, _CHUNK):
            q = (
                select(evidence)
                .where(evidence.c.event_id.in_(ids))
                .order_by(evidence.c.event_id, evidence.c.seq)
            )
            for s in conn.execute(q).mappings():
                spans[s["event_id"]].append(Span(s["text"], s["start"], s["end"]))
        return [_event(r, spans[r["id"]]) for r in rows]

    def article(self, article_id: str) -> Article | None:
        """The stored article; ``raw`` is its clean text (the raw input is not kept)."""
        with self._read() as conn:
            return self._article(conn, article_id)

    def _article(self, conn: Connection, article_id: str) -> Article | None:
        r = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if r is None:
            return None
        return Article(
            raw=r["text"],
            id=r["id"],
            text=r["text"],
            url=r["url"],
            title=r["title"],
            source=r["source"],
            author=r["author"],
            published=r["published"],
            language=r["language"],
            origin=r["origin"],
        )

    def results(self, article_id: str) -> Result | None:
        """One stored document's whole output, as it was written."""
        with self._read() as conn:
            art = self._article(conn, article_id)
            if art is None:
                return None
            evq = select(events).where(events.c.article_id == article_id).order_by(events.c.seq)
            evs = self._with_evidence(conn, list(conn.execute(evq).mappings()))
            tq = select(toponyms).where(toponyms.c.article_id == article_id)
            tops = [
                Toponym(t["text"], t["start"], t["end"], _place(t, t["name"]))  # type: ignore[arg-type]
                for t in conn.execute(tq.order_by(toponyms.c.seq)).mappings()
            ]
            eq = select(entities).where(entities.c.article_id == article_id)
            ents = [
                Entity(x["text"], x["label"], x["start"], x["end"])
                for x in conn.execute(eq.order_by(entities.c.seq)).mappings()
            ]
            mq = select(doc_errors.c.message).where(doc_errors.c.article_id == article_id)
            errs = list(conn.scalars(mq.order_by(doc_errors.c.id)))
        return Result(article=art, events=evs, entities=ents, toponyms=tops, errors=errs)

    def tables(self) -> list[str]:
        """Names of the tables in the database (for checks and docs)."""
        with self._read() as conn:
            return sorted(inspect(conn).get_table_names())

    # -- linking (stage 8, link.py): near-duplicates, stories, links, incidents
    def unlinked_articles(self) -> list[str]:
        """Articles that linking has not seen yet (no MinHash signature stored)."""
        with self._read() as conn:
            seen = select(article_signatures.c.article_id)
            q = select(articles.c.id).where(articles.c.id.not_in(seen)).order_by(articles.c.id)
            return list(conn.scalars(q))

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                q = select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids))
                out.update((r[0], r[1]) for r in conn.execute(q))
        return out

    def signatures(self) -> dict[str, bytes]:
        """Every stored MinHash signature, by article id."""
        with self._read() as conn:
            q = select(article_signatures.c.article_id, article_signatures.c.minhash)
            return {r[0]: bytes(r[1]) for r in conn.execute(q)}

    def duplicate_pairs(self, article_ids: Iterable[str]) -> list[tuple[str, str]]:
        """Near-duplicate pairs (a < b) that involve any of ``article_ids``."""
        out: set[tuple[str, str]] = set()
        nd = near_duplicates
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                q = select(nd.c.article_a, nd.c.article_b).where(
                    or_(nd.c.article_a.in_(ids), nd.c.article_b.in_(ids))
                )
                out.update((r[0], r[1]) for r in conn.execute(q))
        return sorted(out)

    def story_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Article id -> story id, for the articles that have one."""
        out: dict[str, str] = {}
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                q = select(stories.c.article_id, stories.c.story_id).where(
                    stories.c.article_id.in_(ids)
                )
                out.update((r[0], r[1]) for r in conn.execute(q))
        return out

    def story_members(self, story_ids: Iterable[str]) -> list[str]:
        with self._read() as conn:
            out: list[str] = []
            for ids in _chunks(dict.fromkeys(story_ids), _CHUNK):
                q = select(stories.c.article_id).where(stories.c.story_id.in_(ids))
                out += conn.scalars(q)
        return sorted(set(out))

    def add_duplicates(
        self,
        signatures: dict[str, bytes],
        pairs: Iterable[Any],
        story_ids: dict[str, str],
    ) -> None:
        """Store new MinHash signatures, near-duplicate pairs (``.a``, ``.b``,
        ``.similarity``) and the story of each article given, in one transaction."""
        with self._write() as conn:
            rows = [{"article_id": k, "minhash": v} for k, v in sorted(signatures.items())]
            if rows:
                conn.execute(insert(article_signatures), rows)
            prs = [{"article_a": p.a, "article_b": p.b, "similarity": p.similarity} for p in pairs]
            if prs:
                conn.execute(insert(near_duplicates), prs)
            for ids in _chunks(sorted(story_ids), _CHUNK):
                conn.execute(delete(stories).where(stories.c.article_id.in_(ids)))
            rows = [{"article_id": k, "story_id": v} for k, v in sorted(story_ids.items())]
            if rows:
                conn.execute(insert(stories), rows)

    def link_events(self) -> list[Event]:
        """Every stored event without its evidence: what blocking needs."""
        with self._read() as conn:
            rows = conn.execute(select(events).order_by(events.c.id)).mappings()
            return [_event(r, []) for r in rows]

    def events_by_id(self, event_ids: Iterable[str]) -> list[Event]:
        """Stored events with their evidence, in id order."""
        out: list[Event] = []
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(event_ids), _CHUNK):
                rows = list(conn.execute(select(events).where(events.c.id.in_(ids))).mappings())
                out += self._with_evidence(conn, rows)
        return sorted(out, key=lambda e: e.id)

    def article_entities(self, article_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Article id -> its (label, text) entities, in text order."""
        out: dict[str, list[tuple[str, str]]] = {}
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                q = (
                    select(entities.c.article_id, entities.c.label, entities.c.text)
                    .where(entities.c.article_id.in_(ids))
                    .order_by(entities.c.article_id, entities.c.seq)
                )
                for aid, label, text in conn.execute(q):
                    out.setdefault(aid, []).append((label, text))
        return out

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Article id -> source, url, title, published and story_id."""
        out: dict[str, dict[str, Any]] = {}
        a = articles
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(article_ids), _CHUNK):
                q = (
                    select(
                        a.c.id, a.c.source, a.c.url, a.c.title, a.c.published, stories.c.story_id
                    )
                    .select_from(a.outerjoin(stories, stories.c.article_id == a.c.id))
                    .where(a.c.id.in_(ids))
                )
                for r in conn.execute(q).mappings():
                    out[r["id"]] = {
                        k: r[k] for k in ("source", "url", "title", "published", "story_id")
                    }
        return out

    def incident_members(self, incident_ids: Iterable[str]) -> list[str]:
        """Event ids of the given incidents."""
        out: list[str] = []
        with self._read() as conn:
            for ids in _chunks(dict.fromkeys(incident_ids), _CHUNK):
                out += conn.scalars(select(events.c.id).where(events.c.incident_id.in_(ids)))
        return sorted(out)

    def set_incidents(
        self,
        assignment: dict[str, str],
        found: Sequence[Any],
        links: Sequence[Any],
        drop: Iterable[str] = (),
    ) -> None:
        """One transaction: incidents ``drop`` and those in ``found`` are replaced by
        ``found`` (``link.Incident`` records), ``links`` (``link.Link``) are added and
        each event in ``assignment`` gets its incident id."""
        rows = [_incident_row(i) for i in found]
        with self._write() as conn:
            gone = sorted(set(drop) | {r["id"] for r in rows})
            for ids in _chunks(gone, _CHUNK):
                conn.execute(delete(incidents).where(incidents.c.id.in_(ids)))
            if rows:
                conn.execute(insert(incidents), rows)
            lrows = [
                {
                    "event_a": lk.a,
                    "event_b": lk.b,
                    "score": float(lk.score),
                    "reasons": json.dumps(list(lk.reasons), ensure_ascii=False),
                }
                for lk in links
            ]
            if lrows:
                conn.execute(insert(incident_links), lrows)
            upd = (
                update(events)
                .where(events.c.id == bindparam("eid"))
                .values(incident_id=bindparam("iid"))
            )
            pairs = [{"eid": e, "iid": i} for e, i in sorted(assignment.items())]
            for chunk in _chunks(pairs, _CHUNK):
                conn.execute(upd, chunk)

    def incidents(
        self,
        *,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        min_reports: int = 1,
        limit: int | None = None,
    ) -> list[Any]:
        """Stored incidents (``link.Incident`` with their reports), by date (undated
        last), then id. Filters as in ``events``; ``min_reports``: at least this
        many reports (2 = only incidents seen in more than one report)."""
        from strife.link import Incident, Report  # link imports store lazily: no cycle

        t = incidents
        q = select(t).where(t.c.reports >= min_reports)
        if country is not None:
            q = q.where(t.c.country == country.strip().upper())
        if since is not None:
            q = q.where(t.c.date >= _bound(since, upper=False))
        if until is not None:
            q = q.where(t.c.date <= _bound(until, upper=True))
        if event_type is not None:
            q = q.where(_type_filter(event_type, t))
        q = q.order_by(t.c.date.is_(None), t.c.date, t.c.id)
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be 0 or more, not {limit}")
            q = q.limit(limit)
        with self._read() as conn:
            rows = list(conn.execute(q).mappings())
            reports: dict[str, list[Report]] = {r["id"]: [] for r in rows}
            e, a = events, articles
            for ids in _chunks(reports, _CHUNK):
                rq = (
                    select(
                        e.c.id,
                        e.c.article_id,
                        e.c.incident_id,
                        e.c.date,
                        e.c.hedged,
                        e.c.attributed_to,
                        a.c.source,
                        a.c.url,
                        a.c.title,
                        a.c.published,
                        stories.c.story_id,
                        *(
                            e.c[f"{n}_{k}"]
                            for n in ("fatalities", "injured")
                            for k in ("best", "low", "high")
                        ),
                    )  # fmt: skip
                    .select_from(
                        e.join(a, a.c.id == e.c.article_id).outerjoin(
                            stories, stories.c.article_id == a.c.id
                        )
                    )
                    .where(e.c.incident_id.in_(ids))
                )
                for r in conn.execute(rq).mappings():
                    reports[r["incident_id"]].append(
                        Report(
                            event_id=r["id"],
                            article_id=r["article_id"],
                            story_id=r["story_id"],
                            source=r["source"],
                            url=r["url"],
                            title=r["title"],
                            published=r["published"],
                            date=r["date"],
                            fatalities=Count(
                                r["fatalities_best"], r["fatalities_low"], r["fatalities_high"]
                            ),
                            injured=Count(r["injured_best"], r["injured_low"], r["injured_high"]),
                            hedged=bool(r["hedged"]),
                            attributed_to=r["attributed_to"],
                        )
                    )
        out = []
        for r in rows:
            reps = sorted(
                reports[r["id"]], key=lambda x: (x.published or "9999", x.article_id, x.event_id)
            )
            out.append(
                Incident(
                    id=r["id"],
                    event_type=r["event_type"],
                    sub_event_type=r["sub_event_type"],
                    date=r["date"],
                    time_precision=r["time_precision"],
                    location=_place(r, r["location_name"]),
                    actor1=_actor(r, "actor1"),
                    actor2=_actor(r, "actor2"),
                    fatalities=Count(
                        r["fatalities_best"], r["fatalities_low"], r["fatalities_high"]
                    ),
                    injured=Count(r["injured_best"], r["injured_low"], r["injured_high"]),
                    hedged=bool(r["hedged"]),
                    reports=reps,
                )
            )
        return out

    def links_of(self, incident_id: str) -> list[dict[str, Any]]:
        """The links between one incident's reports: event_a, event_b, score, reasons."""
        with self._read() as conn:
            members = select(events.c.id).where(events.c.incident_id == incident_id)
            q = (
                select(incident_links)
                .where(incident_links.c.event_a.in_(members))
                .order_by(incident_links.c.event_a, incident_links.c.event_b)
            )
            return [
                {**dict(r), "reasons": json.loads(r["reasons"])} for r in conn.execute(q).mappings()
            ]
