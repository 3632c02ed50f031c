"""The store: schema, migrations, the one writer path, filters and round trips.

Records are built by hand; no spaCy. Every test that takes ``store`` or ``db_url``
runs twice: on a SQLite file and on PostgreSQL (the database named by STRIFE_TEST_PG,
emptied first; see tests/conftest.py). Tests of SQLite itself (WAL, the sqlite3
module) use a SQLite file only."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, create_engine, inspect

from conftest import pg_url, reset_database
from strife.errors import DatabaseError
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
from strife.store import LATEST, MIGRATIONS, Store, migrate, to_url

TEXT = "Russian forces shelled Kharkiv on Monday, killing two civilians, officials said."


def emptied_store(url: str) -> Store:
    """A store on ``url`` with every row deleted (faster than a new schema per example)."""
    s = Store(url)
    with s._write() as conn:
        md = MetaData()
        md.reflect(conn)
        for table in reversed(md.sorted_tables):
            if table.name != "schema_migrations":
                conn.execute(table.delete())
    return s


def sa_url(url: str) -> str:
    """``url`` as create_engine takes it (the Store maps postgresql:// to psycopg itself)."""
    return to_url(url).replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


def make_event(article_id: str = "a1", start: int = 15, **kw) -> Event:
    e = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger=Span("shelled", start, start + 7),
        evidence=[Span(TEXT[:64], 0, 64), Span("officials said", 65, 79)],
        date="2024-03-04",
        time_precision=1,
        actor1=Actor("Military Forces of Russia", "Russian forces", "state_forces", "RU"),
        actor2=Actor("Civilians (Ukraine)", "civilians", "civilians", "UA"),
        location=Place("Kharkiv", "Kharkiv Oblast", None, "UA", 49.98, 36.25, 1, 706483),
        fatalities=Count(2, 2, 2),
        injured=Count(),
        weapons=["artillery"],
        platforms=[],
        hedged=False,
        attributed_to="officials",
        confidence=0.8,
    )
    for k, v in kw.items():
        setattr(e, k, v)
    if not e.id:
        e.assign_id(article_id)
    return e


def make_result(article_id: str = "a1", events: list[Event] | None = None, **art) -> Result:
    a = Article(raw=TEXT, id=article_id, text=TEXT, published="2024-03-05", origin="t.txt")
    for k, v in art.items():
        setattr(a, k, v)
    evs = [make_event(article_id)] if events is None else events
    return Result(
        article=a,
        events=evs,
        entities=[Entity("Kharkiv", "GPE", 23, 30), Entity("Monday", "DATE", 34, 40)],
        toponyms=[Toponym("Kharkiv", 23, 30, Place("Kharkiv", country="UA", lat=49.98, lon=36.25))],
        errors=["date: weekday resolved against publication date"],
    )


def written(e: Event, article_id: str) -> Event:
    """What the store should give back for an event: its contract form, with article_id."""
    back = Event.from_dict(e.to_dict())
    back.article_id = article_id
    return back


# ------------------------------------------------------------------- schema


def test_tables_and_version(store):
    assert store.schema_version == LATEST == MIGRATIONS[-1][0]
    assert {
        "articles",
        "events",
        "evidence",
        "toponyms",
        "entities",
        "doc_errors",
        "schema_migrations",
    } <= set(store.tables())
    assert store.counts() == {"articles": 0, "events": 0, "errors": 0}


def test_to_url():
    assert to_url(":memory:") == "sqlite://"
    assert to_url("data/x.db") == "sqlite:///data/x.db"
    assert to_url("postgresql://u@h/db") == "postgresql://u@h/db"


def test_file_database_uses_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "s.db"
    with Store(str(path)) as s:
        s.write(make_result())
        with s._read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # plain SQL works on the file without strife
    con = sqlite3.connect(path)
    row = con.execute(
        "SELECT e.sub_event_type, e.fatalities_best, a.published FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.country = 'UA'"
    ).fetchone()
    con.close()
    assert row == ("Shelling/artillery/missile attack", 2, "2024-03-05")
    with Store(str(path)) as again:  # reopening applies nothing new and keeps the data
        assert again.counts()["events"] == 1
        assert again.schema_version == LATEST


def test_bad_url_is_a_database_error(tmp_path):
    with pytest.raises(DatabaseError, match="cannot open"):
        Store(str(tmp_path / "missing-folder" / "x.db"))
    with pytest.raises(DatabaseError):
        Store("nosuchdialect://x")


def test_migration_from_version_1(db_url):
    engine = create_engine(sa_url(db_url))
    with engine.begin() as conn:
        assert migrate(conn, target=1) == [1]
        cols = {c["name"] for c in inspect(conn).get_columns("events")}
        assert "incident_id" not in cols
        conn.exec_driver_sql(
            "INSERT INTO articles (id, text, ingested_at) VALUES ('old', 'Shots fired.', 'x')"
        )
        conn.exec_driver_sql(
            "INSERT INTO events (id, article_id, seq, event_type, sub_event_type, weapons, "
            "platforms, hedged, trigger_text, trigger_start, trigger_end, confidence) "
            "VALUES ('e1', 'old', 0, 'Battles', 'Armed clash', '[]', '[]', FALSE, 'Shots', 0, 5, 0.5)"
        )
    engine.dispose()
    with Store(db_url) as s:
        assert s.schema_version == LATEST
        with s._read() as conn:
            insp = inspect(conn)
            assert "incident_id" in {c["name"] for c in insp.get_columns("events")}
            names = {ix["name"] for ix in insp.get_indexes("events")}
            versions = conn.exec_driver_sql(
                "SELECT version, name FROM schema_migrations ORDER BY version"
            ).all()
        assert {"ix_events_date", "ix_events_country", "ix_events_incident_id"} <= names
        assert [v for v, _ in versions] == [m[0] for m in MIGRATIONS]
        (old,) = s.events()
        assert (old.id, old.article_id, old.incident_id, old.trigger.text) == (
            "e1",
            "old",
            None,
            "Shots",
        )


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', 'x')", (LATEST + 1,))
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="newer"):
        Store(str(path))


# ------------------------------------------------------------------- writing


def test_write_and_read_back(store):
    r = make_result()
    assert store.write(r) is True
    assert store.has_article("a1") and not store.has_article("nope")
    assert store.counts() == {"articles": 1, "events": 1, "errors": 1}
    back = store.results("a1")
    assert back is not None
    assert back.article.text == TEXT and back.article.origin == "t.txt"
    assert back.article.published == "2024-03-05"
    assert back.events == [written(r.events[0], "a1")]
    assert back.entities == r.entities
    assert back.toponyms == r.toponyms
    assert back.errors == r.errors
    assert store.article("a1") == back.article
    assert store.article("nope") is None and store.results("nope") is None


def test_write_is_idempotent(store):
    r = make_result()
    assert store.write(r) is True
    assert store.write(r) is False
    changed = make_result(events=[make_event(start=40)])  # same id, different content
    assert store.write(changed) is False
    assert store.counts() == {"articles": 1, "events": 1, "errors": 1}
    with store._read() as conn:
        for table in ("evidence", "toponyms", "entities"):
            n = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            assert n == {"evidence": 2, "toponyms": 1, "entities": 2}[table]


def test_events_keep_their_order(store):
    evs = [make_event(start=s) for s in (60, 15, 40)]
    store.write(make_result(events=evs))
    assert [e.trigger.start for e in store.results("a1").events] == [60, 15, 40]
    # the listing orders by date, article, trigger offset
    assert [e.trigger.start for e in store.events()] == [15, 40, 60]


def test_event_without_id_gets_one(store):
    e = make_event()
    e.id = ""
    store.write(make_result(events=[e]))
    (back,) = store.events()
    assert back.id and e.id == ""  # the caller's record is not changed


def test_write_many(store):
    rs = [make_result(f"a{i}", events=[make_event(f"a{i}")]) for i in range(250)]
    assert store.write_many(rs) == (250, 0)
    assert store.write_many(iter(rs[:10] + [make_result("new")])) == (1, 10)
    assert store.counts()["articles"] == 251


@pytest.mark.parametrize(
    "field, value",
    [
        ("fatalities", Count(best=10**12)),
        ("fatalities", Count(best="many")),  # type: ignore[arg-type]
        ("date", "last Monday"),
        ("date", "2024-02-30"),
        ("confidence", float("nan")),
        ("confidence", 7.0),
        ("location", Place("Nowhere", lat=123.0, lon=0.0)),
        ("weapons", [None]),
        ("trigger", None),
        ("evidence", [Span("x", -1, 2)]),
        ("attributed_to", "nul\x00byte"),
        ("hedged", "yes"),
    ],
)
def test_bad_event_fails_alone(store, field, value):
    store.write(make_result("good1"))
    bad = make_result("bad", events=[make_event("bad"), make_event("bad", start=40)])
    setattr(bad.events[1], field, value)
    with pytest.raises(DatabaseError, match="bad"):
        store.write(bad)
    assert not store.has_article("bad")
    store.write_many([make_result("good2"), bad, make_result("good3")])
    assert [store.has_article(a) for a in ("good1", "good2", "bad", "good3")] == [
        True,
        True,
        False,
        True,
    ]
    (err,) = [e for e in store.errors() if "store failed" in e["message"]]
    assert err["article_id"] == "bad" and err["origin"] == "t.txt"
    assert store.counts() == {"articles": 3, "events": 3, "errors": 4}


def test_database_level_failure_rolls_back_the_document(store):
    """A failure only the database sees (an event id already used by another
    article) rolls back that whole document, in write and in write_many."""
    store.write(make_result("a1"))
    clash = make_result("a2", events=[make_event("a2"), make_event("a1")])
    with pytest.raises(DatabaseError, match="a2"):
        store.write(clash)
    assert not store.has_article("a2")
    assert store.write_many([clash, make_result("a3")]) == (1, 0)
    assert not store.has_article("a2") and store.has_article("a3")
    assert store.counts()["events"] == 2


def test_duplicate_event_ids_in_one_document(store):
    with pytest.raises(DatabaseError, match="share the id"):
        store.write(make_result(events=[make_event(), make_event()]))


def test_article_without_id(store):
    with pytest.raises(DatabaseError, match="ensure_id"):
        store.write(make_result(""))


def test_record_error(store):
    store.record_error("feed.xml", "feed.xml: ingest failed: timeout")
    store.record_error("x.html", "clean failed", article_id="x1")
    errs = store.errors()
    assert [(e["origin"], e["article_id"]) for e in errs] == [("feed.xml", None), ("x.html", "x1")]
    assert all(e["created_at"] and e["id"] for e in errs)
    assert store.counts()["errors"] == 2


# ------------------------------------------------------------------- filters


@pytest.fixture
def filled(store):
    rows = [
        ("k1", "2024-03-04", "UA", "Shelling/artillery/missile attack"),
        ("k2", "2024-03-10", "UA", "Armed clash"),
        ("k3", "2024-04-01", "SY", "Air/drone strike"),
        ("k4", None, "SY", "Peaceful protest"),
        ("k5", "2023-12-31", None, "Armed clash"),
    ]
    for aid, day, cc, sub in rows:
        loc = Place("X", country=cc) if cc else None
        e = make_event(aid, date=day, location=loc, sub_event_type=sub, event_type=SUB_TO_TYPE[sub])
        store.write(make_result(aid, events=[e]))
    return store


def ids(events: list[Event]) -> list[str]:
    return [e.article_id for e in events]


def test_filters(filled):
    assert ids(filled.events()) == ["k5", "k1", "k2", "k3", "k4"]  # undated last
    assert ids(filled.events(country="ua")) == ["k1", "k2"]
    assert ids(filled.events(country="SY")) == ["k3", "k4"]
    assert ids(filled.events(since="2024-03-05")) == ["k2", "k3"]
    assert ids(filled.events(until="2024-03-10")) == ["k5", "k1", "k2"]
    assert ids(filled.events(since="2024-03", until="2024-03")) == ["k1", "k2"]
    assert ids(filled.events(since="2024")) == ["k1", "k2", "k3"]
    assert ids(filled.events(event_type="battles")) == ["k5", "k2"]
    assert ids(filled.events(event_type="ARMED CLASH")) == ["k5", "k2"]
    assert ids(filled.events(event_type="explosions/remote violence")) == ["k1", "k3"]
    assert ids(filled.events(event_type="no such type")) == []
    assert ids(filled.events(country="UA", event_type="Battles", since="2024-01-01")) == ["k2"]
    assert ids(filled.events(limit=2)) == ["k5", "k1"]
    assert filled.events(limit=0) == []


def test_unlisted_type_matches_case_insensitively(store):
    e = make_event(event_type="Custom type", sub_event_type="Custom sub")
    store.write(make_result(events=[e]))
    assert len(store.events(event_type="custom SUB")) == 1
    assert len(store.events(event_type="CUSTOM TYPE")) == 1


def test_bad_filters(filled):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        filled.events(since="March 2024")
    with pytest.raises(ValueError):
        filled.events(limit=-1)


def test_events_come_with_evidence_in_order(filled):
    for e in filled.events():
        assert [s.start for s in e.evidence] == [0, 65]
        assert e.article_id


# ------------------------------------------------------------------- round trip

_text = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30)
_opt_text = st.none() | _text
_offset = st.integers(0, 2**31 - 1)
_count = st.none() | st.integers(0, 10**6)
_span = st.builds(Span, _text, _offset, _offset)
_place = st.builds(
    Place,
    name=_text,
    admin1=_opt_text,
    admin2=_opt_text,
    country=st.none() | st.sampled_from(["UA", "SY", "ML"]),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    geo_precision=st.integers(1, 3),
    geonameid=st.none() | st.integers(1, 13_000_000),
)
_actor = st.builds(
    Actor,
    name=_text,
    text=_text,
    type=st.sampled_from(["state_forces", "unknown"]),
    country=_opt_text,
)
_event = st.builds(
    Event,
    event_type=_text,
    sub_event_type=_text,
    trigger=_span,
    evidence=st.lists(_span, max_size=3),
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    time_precision=st.integers(1, 3),
    actor1=st.none() | _actor,
    actor2=st.none() | _actor,
    location=st.none() | _place,
    fatalities=st.builds(Count, _count, _count, _count),
    injured=st.builds(Count, _count, _count, _count),
    weapons=st.lists(_text, max_size=3),
    platforms=st.lists(_text, max_size=3),
    hedged=st.booleans(),
    attributed_to=_opt_text,
    confidence=st.floats(0, 1),
    incident_id=_opt_text,
)


@settings(
    max_examples=60,
    deadline=None,
    # the database is emptied at the start of every example, not once per test
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    events=st.lists(_event, max_size=4),
    text=_text,
    title=_opt_text,
    entities=st.lists(st.builds(Entity, _text, _text, _offset, _offset), max_size=3),
    toponyms=st.lists(st.builds(Toponym, _text, _offset, _offset, _place), max_size=3),
)
def test_round_trip(db_url, events, text, title, entities, toponyms):
    for i, e in enumerate(events):
        e.id = f"ev{i}"
    art = Article(raw=text, id="doc", text=text, title=title, published=None)
    r = Result(article=art, events=events, entities=entities, toponyms=toponyms)
    with emptied_store(db_url) as s:
        assert s.write(r)
        back = s.results("doc")
        assert back.events == [written(e, "doc") for e in events]
        assert [Event.from_dict(e.to_dict(with_article_id=True)) for e in back.events] == (
            back.events
        )
        assert back.entities == entities
        assert back.toponyms == toponyms
        assert (back.article.text, back.article.title) == (text, title)
        listed = {e.id: e for e in s.events()}
        assert listed == {e.id: e for e in back.events}


def test_two_writers_on_one_database(db_url):
    """Writers queue (on SQLite: its write lock, BEGIN IMMEDIATE) instead of failing."""
    import threading

    path = db_url
    Store(path).close()
    failures = []

    def work(prefix: str) -> None:
        try:
            with Store(path) as s:
                for i in range(30):
                    s.write(make_result(f"{prefix}{i}", events=[make_event(f"{prefix}{i}")]))
        except Exception as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in "xyz"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with Store(path) as s:
        assert s.counts()["articles"] == 90


def test_write_many_keeps_what_it_took_when_the_input_fails(store):
    def results():
        yield make_result("p1")
        yield make_result("p2")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.write_many(results())
    assert store.has_article("p1") and store.has_article("p2")


def test_stored_names_the_ids_already_there(store):
    store.write_many([make_result(f"s{i}", events=[make_event(f"s{i}")]) for i in range(3)])
    assert store.stored([]) == set()
    assert store.stored(iter(["s0", "s2", "nope", "s0"])) == {"s0", "s2"}
    many = [f"x{i}" for i in range(1200)] + ["s1"]  # more ids than one IN (...) list
    assert store.stored(many) == {"s1"}


def test_plain_postgresql_url_uses_psycopg():
    """postgresql://... (no driver named) works: strife maps it to psycopg 3."""
    url = pg_url()
    reset_database(url)
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert plain.startswith("postgresql://")
    with Store(plain) as s:
        assert s.write(make_result())
        assert s.counts()["events"] == 1
        with s._read() as conn:
            assert conn.dialect.driver == "psycopg"
