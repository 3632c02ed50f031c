"""Read-side queries for the REST API and the analyst desk.

Filters, sorting, pagination, a timeline and full-text search over the tables
``store.py`` writes, in SQLAlchemy Core (the same code on SQLite and PostgreSQL).
``EventFilter`` holds every filter; ``Reader`` runs the queries on a ``Store``.

Full-text search: on SQLite with FTS5, two FTS5 tables kept in step with
``evidence`` and ``articles`` by triggers (``prepare``, run once when the API
starts); elsewhere (PostgreSQL, SQLite without FTS5) a case-insensitive LIKE
on the same columns, every word required. The read-side indexes are created by
``prepare`` too (``CREATE INDEX IF NOT EXISTS``), so a database written by any
strife version gets them when it is served.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    MetaData,
    Table,
    and_,
    func,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from strife.records import EVENT_TYPES, SUB_TO_TYPE, Article, Event
from strife.store import Store, _bound, articles, events, evidence

__all__ = ["SORTS", "EventFilter", "Reader", "prepare"]

log = logging.getLogger(__name__)

# Read-side indexes, found with benchmarks/bench_api.py over 100k events: each one
# turns a filter or sort that scanned the table into an index range.
INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_q_events_date_id", "events", ("date", "id")),  # default sort, date range + paging
    ("ix_q_events_country_date", "events", ("country", "date")),  # country + date range
    ("ix_q_events_type_date", "events", ("event_type", "date")),  # type + date range
    ("ix_q_events_fatalities", "events", ("fatalities_best",)),  # min fatalities, sort
    ("ix_q_events_hedged_date", "events", ("hedged", "date", "id")),  # hedged: 140 -> 15 ms
    ("ix_q_events_lat_lon", "events", ("lat", "lon")),  # bbox
    ("ix_q_articles_published", "articles", ("published",)),  # article list
)

# FTS5 tables of their own (not external-content ones: VACUUM may renumber the
# rowids of tables without an INTEGER PRIMARY KEY, which would break the link).
# name: (source table, FTS columns, the same from a source row, key column, source key)
_FTS: dict[str, tuple[str, str, str, str, str]] = {
    "strife_evidence_fts": (
        "evidence",
        "text, event_id",
        "{r}.text, {r}.event_id",
        "event_id",
        "event_id",
    ),
    "strife_articles_fts": (
        "articles",
        "title, text, article_id",
        "coalesce({r}.title, ''), {r}.text, {r}.id",
        "article_id",
        "id",
    ),
}
_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"  # Mosul = Mosul, Qāmishlī = Qamishli

SORTS: dict[str, Any] = {
    "date": events.c.date,
    "fatalities": events.c.fatalities_best,
    "injured": events.c.injured_best,
    "country": events.c.country,
    "admin1": events.c.admin1,
    "location": events.c.location_name,
    "type": events.c.event_type,
    "sub_type": events.c.sub_event_type,
    "actor1": events.c.actor1_name,
    "confidence": events.c.confidence,
}
MAX_TERMS = 12  # words in one search; more is a paste, not a query


def _fts_available(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp._strife_fts_probe USING fts5(x)")
        conn.exec_driver_sql("DROP TABLE temp._strife_fts_probe")
        return True
    except SQLAlchemyError:
        return False


def _create_fts(conn: Connection) -> None:
    """The FTS5 tables and their triggers; filled from the tables when new or out of step."""
    names = set(inspect(conn).get_table_names())
    for fts, (table, cols, vals, key, src_key) in _FTS.items():
        if fts not in names:
            *indexed, unindexed = cols.split(", ")
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {fts} USING fts5("
                f"{', '.join(indexed)}, {unindexed} UNINDEXED, {_TOKENIZE})"
            )
        new, old = vals.format(r="new"), f"old.{src_key}"
        for when, body in (
            ("INSERT", f"INSERT INTO {fts}({cols}) VALUES ({new});"),
            ("DELETE", f"DELETE FROM {fts} WHERE {key} = {old};"),
            (
                "UPDATE",
                f"DELETE FROM {fts} WHERE {key} = {old}; INSERT INTO {fts}({cols}) VALUES ({new});",
            ),
        ):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {fts}_{when.lower()} AFTER {when} ON {table} "
                f"BEGIN {body} END"
            )
        rows = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
        if rows != conn.exec_driver_sql(f"SELECT count(*) FROM {fts}").scalar():
            conn.exec_driver_sql(f"DELETE FROM {fts}")
            conn.exec_driver_sql(
                f"INSERT INTO {fts}({cols}) SELECT {vals.format(r=table)} FROM {table}"
            )


def prepare(store: Store) -> str:
    """Create the read-side indexes and (on SQLite with FTS5) the search tables.
    Returns the search mode, ``"fts5"`` or ``"like"``. A database that cannot be
    written (read-only file) is served as it is, with LIKE search."""
    try:
        with store._write() as conn:
            for name, table, cols in INDEXES:
                conn.exec_driver_sql(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(cols)})"
                )
            if _fts_available(conn):
                _create_fts(conn)
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("ANALYZE")
                return "fts5"
    except SQLAlchemyError as exc:
        log.warning("read-side indexes not created (%s); search falls back to LIKE", exc)
    return "like"


# ---------------------------------------------------------------------- filters


def _words(q: str) -> list[str]:
    return re.findall(r"[\w'*-]+", q, re.UNICODE)[:MAX_TERMS]


def _fts_query(q: str) -> str | None:
    """User words to an FTS5 query: each word a quoted phrase (so no FTS syntax
    leaks through), all required; a trailing * keeps its prefix meaning."""
    parts = []
    for w in _words(q):
        prefix = w.endswith("*")
        w = w.strip("*'-")
        if w:
            parts.append('"' + w.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts) or None


def _icontains(col: Any, value: str, dialect: str) -> Any:
    """``col`` contains ``value``, any case. SQLite's LIKE already ignores ASCII case
    (and its lower() knows no other letters), so lower() there only costs time
    (actor filter over 100k events: 92 -> 38 ms); elsewhere ILIKE."""
    if dialect == "sqlite":
        return col.contains(value, autoescape=True)
    return col.icontains(value, autoescape=True)


def _like(col: Any, q: str, dialect: str) -> Any:
    terms = [w.strip("*") for w in _words(q) if w.strip("*")]
    if not terms:
        return None
    return and_(*(_icontains(col, t, dialect) for t in terms))


def canonical_types(values: Sequence[str]) -> tuple[list[str], list[str]]:
    """Names given for type/sub_type, any case, to (event types, sub-event types).
    Raises ValueError naming an unknown one."""
    types, subs = [], []
    lower_t = {t.lower(): t for t in EVENT_TYPES}
    lower_s = {s.lower(): s for s in SUB_TO_TYPE}
    for v in values:
        k = v.strip().lower()
        if k in lower_t:
            types.append(lower_t[k])
        elif k in lower_s:
            subs.append(lower_s[k])
        elif k:
            raise ValueError(
                f"unknown event type or sub-event type {v!r}: use one of the names in "
                "docs/output.md, e.g. 'Battles' or 'Air/drone strike'"
            )
    return types, subs


@dataclass
class EventFilter:
    """Every filter of the events endpoint; None (or empty) = not filtered."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    country: list[str] = field(default_factory=list)  # ISO2 codes
    admin1: str | None = None
    since: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY, inclusive
    until: str | None = None
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    actor: str | None = None  # part of actor1/actor2 name or text, any case
    min_fatalities: int | None = None
    hedged: bool | None = None
    q: str | None = None  # words in the evidence sentences (or the article: search_in)
    search_in: str = "evidence"  # "evidence" or "article"
    article_id: str | None = None
    incident_id: str | None = None

    def conditions(self, fts: bool, dialect: str = "sqlite") -> list[Any]:
        """The WHERE clauses; ``fts``: the FTS5 tables exist; ``dialect``: the
        database's SQLAlchemy dialect name."""
        c = events.c
        out: list[Any] = []
        if self.bbox is not None:
            w, s, e, n = self.bbox
            out += [c.lat >= s, c.lat <= n]
            # a box across the antimeridian has west > east
            out.append(and_(c.lon >= w, c.lon <= e) if w <= e else or_(c.lon >= w, c.lon <= e))
        if self.country:
            out.append(c.country.in_([x.strip().upper() for x in self.country]))
        if self.admin1:
            out.append(func.lower(c.admin1) == self.admin1.strip().lower())
        if self.since:
            out.append(c.date >= _bound(self.since, upper=False))
        if self.until:
            out.append(c.date <= _bound(self.until, upper=True))
        types, subs = canonical_types([*self.event_type, *self.sub_event_type])
        if types and subs:
            out.append(or_(c.event_type.in_(types), c.sub_event_type.in_(subs)))
        elif types:
            out.append(c.event_type.in_(types))
        elif subs:
            out.append(c.sub_event_type.in_(subs))
        if self.actor and self.actor.strip():
            a = self.actor.strip().lower()
            cols = (c.actor1_name, c.actor1_text, c.actor2_name, c.actor2_text)
            out.append(or_(*(_icontains(col, a, dialect) for col in cols)))
        if self.min_fatalities is not None:
            out.append(c.fatalities_best >= self.min_fatalities)
        if self.hedged is not None:
            out.append(c.hedged.is_(True) if self.hedged else c.hedged.is_(False))
        if self.article_id:
            out.append(c.article_id == self.article_id)
        if self.incident_id:
            out.append(c.incident_id == self.incident_id)
        if self.q and self.q.strip():
            out.append(self._search(fts, dialect))
        return out

    def _search(self, fts: bool, dialect: str) -> Any:
        q = self.q or ""
        if self.search_in == "article":
            if fts and (m := _fts_query(q)):
                sub = text(
                    "SELECT article_id FROM strife_articles_fts WHERE strife_articles_fts MATCH :q"
                ).bindparams(q=m)
                return events.c.article_id.in_(sub)
            cond = _like(articles.c.text, q, dialect)
            hit = select(articles.c.id).where(
                or_(cond, _like(articles.c.title, q, dialect)) if cond is not None else False
            )
            return events.c.article_id.in_(hit)
        if fts and (m := _fts_query(q)):
            sub = text(
                "SELECT event_id FROM strife_evidence_fts WHERE strife_evidence_fts MATCH :q"
            ).bindparams(q=m)
            return events.c.id.in_(sub)
        cond = _like(evidence.c.text, q, dialect)
        return events.c.id.in_(
            select(evidence.c.event_id).where(cond if cond is not None else False)
        )


# ------------------------------------------------------------------------ reader


def _order(conn: Connection, sort: str) -> list[Any]:
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in SORTS:
        raise ValueError(
            f"cannot sort by {key!r}: use one of {', '.join(SORTS)} (- for descending)"
        )
    col = SORTS[key]
    if conn.dialect.name == "sqlite":
        # SQLite puts NULL first ascending and last descending; descending needs no
        # help, so the index on (date, id) serves the default sort.
        first = [col.desc()] if desc else [col.is_(None), col]
    else:
        first = [(col.desc() if desc else col.asc()).nulls_last()]
    return [*first, events.c.id.desc() if desc else events.c.id]


def _week(d: str) -> str:
    day = date.fromisoformat(d)
    return (day - timedelta(days=day.weekday())).isoformat()


class Reader:
    """The read queries of the API over one Store."""

    def __init__(self, store: Store, search: str = "like") -> None:
        self.store = store
        self.fts = search == "fts5"

    # -- events
    def events(
        self, f: EventFilter, *, sort: str = "-date", limit: int = 100, offset: int = 0
    ) -> tuple[int, list[Event]]:
        """(total matching, one page of events with their evidence)."""
        with self.store._read() as conn:
            conds = f.conditions(self.fts, conn.dialect.name)
            total = conn.scalar(select(func.count()).select_from(events).where(*conds)) or 0
            q = select(events).where(*conds).order_by(*_order(conn, sort))
            rows = list(conn.execute(q.limit(limit).offset(offset)).mappings())
            return total, self.store._with_evidence(conn, rows)

    def points(self, f: EventFilter, *, limit: int) -> tuple[int, list[list[Any]]]:
        """Map points of the matching events with coordinates: (total, rows of
        [id, lat, lon, event_type, fatalities_best, date, location_name])."""
        c = events.c
        with self.store._read() as conn:
            conds = [
                *f.conditions(self.fts, conn.dialect.name),
                c.lat.is_not(None),
                c.lon.is_not(None),
            ]
            total = conn.scalar(select(func.count()).select_from(events).where(*conds)) or 0
            q = (
                select(c.id, c.lat, c.lon, c.event_type, c.fatalities_best, c.date, c.location_name)
                .where(*conds)
                # no id tie-break: the fatalities index alone gives the order (134 -> 60 ms)
                .order_by(*_order(conn, "-fatalities")[:-1])
                .limit(limit)
            )
            return total, [list(r) for r in conn.execute(q)]

    def event(self, event_id: str) -> Event | None:
        with self.store._read() as conn:
            rows = list(conn.execute(select(events).where(events.c.id == event_id)).mappings())
            found = self.store._with_evidence(conn, rows)
        return found[0] if found else None

    def events_by_id(self, ids: Sequence[str]) -> list[Event]:
        with self.store._read() as conn:
            q = (
                select(events)
                .where(events.c.id.in_(list(ids)))
                .order_by(events.c.date, events.c.id)
            )
            rows = list(conn.execute(q).mappings())
            return self.store._with_evidence(conn, rows)

    def timeline(self, f: EventFilter, interval: str = "day") -> list[dict[str, Any]]:
        """Events and fatalities per day, week (starting Monday) or month; undated
        events are left out. Grouped by day in SQL, then bucketed here."""
        if interval not in ("day", "week", "month"):
            raise ValueError(f"interval must be day, week or month, not {interval!r}")
        c = events.c
        buckets: dict[str, list[int]] = {}
        with self.store._read() as conn:
            q = (
                select(c.date, func.count(), func.sum(c.fatalities_best))
                .where(*f.conditions(self.fts, conn.dialect.name), c.date.is_not(None))
                .group_by(c.date)
                .order_by(c.date)
            )
            for d, n, dead in conn.execute(q):
                key = d if interval == "day" else _week(d) if interval == "week" else d[:7]
                b = buckets.setdefault(key, [0, 0])
                b[0] += n
                b[1] += dead or 0
        return [{"period": k, "events": n, "fatalities": dead} for k, (n, dead) in buckets.items()]

    def facets(self) -> dict[str, Any]:
        """What the filter panel offers: countries, types, date range, counts."""
        c = events.c
        with self.store._read() as conn:
            countries = [
                {"country": k, "events": n}
                for k, n in conn.execute(
                    select(c.country, func.count())
                    .where(c.country.is_not(None))
                    .group_by(c.country)
                    .order_by(func.count().desc())
                )
            ]
            lo, hi = conn.execute(select(func.min(c.date), func.max(c.date))).one()
            n_events = conn.scalar(select(func.count()).select_from(events)) or 0
            n_articles = conn.scalar(select(func.count()).select_from(articles)) or 0
        return {
            "events": n_events,
            "articles": n_articles,
            "countries": countries,
            "event_types": {t: list(s) for t, s in EVENT_TYPES.items()},
            "date_min": lo,
            "date_max": hi,
            "search": "fts5" if self.fts else "like",
        }

    # -- articles
    def articles(
        self,
        *,
        q: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[int, list[dict[str, Any]]]:
        a = articles.c
        n_events = (
            select(func.count())
            .select_from(events)
            .where(events.c.article_id == a.id)
            .scalar_subquery()
        )
        conds: list[Any] = []
        if source:
            conds.append(a.source.icontains(source, autoescape=True))
        if q and q.strip():
            if self.fts and (m := _fts_query(q)):
                conds.append(
                    a.id.in_(
                        text(
                            "SELECT article_id FROM strife_articles_fts "
                            "WHERE strife_articles_fts MATCH :q"
                        ).bindparams(q=m)
                    )
                )
            elif (cond := _like(a.text, q, "")) is not None:
                conds.append(or_(cond, _like(a.title, q, "")))
        cols = [a.id, a.url, a.title, a.source, a.author, a.published, a.origin, a.ingested_at]
        with self.store._read() as conn:
            total = conn.scalar(select(func.count()).select_from(articles).where(*conds)) or 0
            pub = (
                [a.published.desc()]
                if conn.dialect.name == "sqlite"
                else [a.published.desc().nulls_last()]
            )
            stmt = (
                select(*cols, n_events.label("events"))
                .where(*conds)
                .order_by(*pub, a.id)
                .limit(limit)
                .offset(offset)
            )
            return total, [dict(r) for r in conn.execute(stmt).mappings()]

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    # -- incidents (tables added by the link stage; absent in older databases)
    def _incidents_table(self, conn: Connection) -> Table | None:
        if "incidents" not in inspect(conn).get_table_names():
            return None
        return Table("incidents", MetaData(), autoload_with=conn)

    def has_incidents(self) -> bool:
        with self.store._read() as conn:
            return self._incidents_table(conn) is not None

    def incidents(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_type: Sequence[str] = (),
    ) -> tuple[int, list[dict[str, Any]]] | None:
        """Incidents, newest first, with their number of reports, or None when the
        database has no incidents table (reports not linked by this strife
        version). Filters apply where the incidents table has the column."""
        with self.store._read() as conn:
            t = self._incidents_table(conn)
            if t is None:
                return None
            key = t.c.id if "id" in t.c else list(t.primary_key.columns)[0]
            cols: list[Any] = [t]
            if "reports" not in t.c:
                cols.append(
                    select(func.count())
                    .select_from(events)
                    .where(events.c.incident_id == key)
                    .scalar_subquery()
                    .label("reports")
                )
            conds = []
            if country and "country" in t.c:
                conds.append(t.c.country.in_([x.strip().upper() for x in country.split(",")]))
            if "date" in t.c:
                if since:
                    conds.append(t.c.date >= _bound(since, upper=False))
                if until:
                    conds.append(t.c.date <= _bound(until, upper=True))
            types, subs = canonical_types(list(event_type))
            if types and "event_type" in t.c:
                conds.append(t.c.event_type.in_(types))
            if subs and "sub_event_type" in t.c:
                conds.append(t.c.sub_event_type.in_(subs))
            order = [t.c.date.desc()] if "date" in t.c else []
            total = conn.scalar(select(func.count()).select_from(t).where(*conds)) or 0
            stmt = select(*cols).where(*conds).order_by(*order, key).limit(limit).offset(offset)
            return total, [dict(r) for r in conn.execute(stmt).mappings()]

    def incident(self, incident_id: str) -> tuple[dict[str, Any], list[Event]] | None | bool:
        """(incident row, its reports); None when not found; False when there is
        no incidents table."""
        with self.store._read() as conn:
            t = self._incidents_table(conn)
            if t is None:
                return False
            key = t.c.id if "id" in t.c else list(t.primary_key.columns)[0]
            row = conn.execute(select(t).where(key == incident_id)).mappings().first()
            if row is None:
                return None
            q = (
                select(events)
                .where(events.c.incident_id == incident_id)
                .order_by(events.c.date, events.c.id)
            )
            rows = list(conn.execute(q).mappings())
            return dict(row), self.store._with_evidence(conn, rows)
