"""Stage 8, link: near-duplicates, link scores, blocking, incidents, reconciliation,
the incremental store path (order-independent) and the incident exports and command."""

from __future__ import annotations

import csv
import io
import itertools
import json
import random

import pytest
from click.testing import CliRunner

from strife import dedup, link
from strife.cli import main
from strife.export import FORMATS, INCIDENT_FIELDS, write_incidents
from strife.link import LinkItem
from strife.records import Actor, Article, Count, Entity, Event, Place, Result, Span
from strife.store import Store

AFGOYE = Place("Afgooye", "Lower Shabelle", None, "SO", 2.1381, 45.1212, 1, 65785)
BALCAD = Place("Balcad", "Middle Shabelle", None, "SO", 2.3590, 45.3866, 1, 64435)
MOSUL = Place("Mosul", "Nineveh", None, "IQ", 36.335, 43.119, 1, 99072)


def ev(
    aid: str,
    n: int = 0,
    *,
    sub: str = "Remote explosive/landmine/IED",
    typ: str = "Explosions/Remote violence",
    date: str | None = "2026-03-01",
    place: Place | None = AFGOYE,
    deaths: int | None = 4,
    text: str = "A roadside bomb hit an army convoy near Afgoye, killing soldiers.",
    hedged: bool = False,
    actor1: str | None = "Al-Shabaab",
) -> Event:
    e = Event(
        event_type=typ,
        sub_event_type=sub,
        trigger=Span("bomb", n, n + 4),
        evidence=[Span(text, 0, len(text))],
        date=date,
        time_precision=1,
        actor1=Actor(actor1, actor1, "rebel_group", "SO") if actor1 else None,
        location=place,
        fatalities=Count(deaths, deaths, deaths),
        hedged=hedged,
        article_id=aid,
    )
    e.assign_id(aid)
    return e


def result(aid: str, events: list[Event], names: list[str], source: str = "Outlet") -> Result:
    text = " ".join(s.text for e in events for s in e.evidence) or "nothing"
    art = Article(raw=text, id=aid, text=text, source=source, published="2026-03-02")
    ents = [Entity(n, "PERSON", 0, 1) for n in names]
    return Result(article=art, events=events, entities=ents)


# ------------------------------------------------------------------ near-duplicates


def test_wire_copy_is_a_near_duplicate_and_a_new_report_is_not() -> None:
    wire = (
        "MAIDUGURI, Nigeria - A suicide bomber killed 11 people at a crowded market in Maiduguri "
        "on Sunday, police said, in an attack that bore the hallmarks of Boko Haram. Police "
        "spokesman Daso Nahum said the bomber was a young woman."
    )
    copy = wire + " Reporting by Wire Agency."
    other = (
        "At least 14 people were killed when a female suicide bomber detonated explosives at "
        "the Monday Market in Maiduguri on Sunday, emergency workers said."
    )
    sigs = {k: dedup.signature(t) for k, t in (("a", wire), ("b", copy), ("c", other))}
    pairs = dedup.find_near_duplicates({"b": sigs["b"], "c": sigs["c"]}, {"a": sigs["a"]})
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]
    assert pairs[0].similarity >= dedup.NEAR_DUP_THRESHOLD
    assert dedup.stories(["a", "b", "c"], pairs) == {"a": "a", "b": "a", "c": "c"}
    assert dedup.from_bytes(dedup.to_bytes(sigs["a"])) == sigs["a"]


# ------------------------------------------------------------------------ scoring


def item(e: Event, names: list[str] = ()) -> LinkItem:  # type: ignore[assignment]
    return LinkItem.of(e, link.names_vector(("PERSON", n) for n in names))


def test_two_reports_of_one_bombing_link_with_reasons() -> None:
    a = item(ev("a1", deaths=4), ["Abdi Hassan Nur"])
    b = item(
        ev("a2", deaths=5, text="Four soldiers died when an IED hit a convoy near Afgoye."),
        ["Abdi Hassan Nur"],
    )
    assert link.gate(a, b)
    score, reasons = link.score_pair(a, b)
    assert score >= link.LINK_THRESHOLD
    assert "same date" in reasons and "same place" in reasons
    assert any(r.startswith("names shared") for r in reasons)


def test_next_day_look_alike_in_the_same_town_does_not_link() -> None:
    a = item(ev("a1", deaths=4), ["Abdi Hassan Nur"])
    b = item(ev("a2", date="2026-03-02", deaths=2, actor1=None,
                text="Two traders died when their minibus struck a landmine near Afgoye."),
             ["Halima Warsame"])  # fmt: skip
    assert link.gate(a, b)
    assert link.score_pair(a, b)[0] < link.LINK_THRESHOLD


def test_gates_country_distance_window_and_family() -> None:
    a = item(ev("a1"))
    assert not link.gate(a, item(ev("a2", place=MOSUL)))  # another country
    assert not link.gate(a, item(ev("a2", place=BALCAD)))  # 40 km apart, both towns
    assert not link.gate(a, item(ev("a2", date="2026-03-05")))  # 4 days, precision 1
    assert not link.gate(a, item(ev("a2", sub="Peaceful protest", typ="Protests")))
    assert link.gate(a, item(ev("a2", date=None)))  # no date: may still be the same


def test_undated_reports_need_shared_names() -> None:
    a = item(ev("a1", date=None), ["Jose Luis Orozco"])
    b = item(ev("a2", date=None), ["Jerry Ortiz"])
    score, reasons = link.score_pair(a, b)
    assert score < link.LINK_THRESHOLD and "undated, and the articles share no names" in reasons
    c = item(ev("a3", date=None), ["Jose Luis Orozco"])
    assert link.score_pair(a, c)[0] >= link.LINK_THRESHOLD


def test_blocking_finds_every_pair_that_all_pairs_would() -> None:
    rng = random.Random(3)
    places = [AFGOYE, BALCAD, MOSUL, None, Place("Somalia", None, None, "SO", 6.0, 47.0, 3)]
    items = []
    for k in range(160):
        e = ev(
            f"a{k}",
            k,
            date=rng.choice([None, "2026-03-01", "2026-03-02", "2026-03-06", "2026-03-20"]),
            place=rng.choice(places),
            deaths=rng.choice([None, 1, 4, 5]),
            sub=rng.choice(["Remote explosive/landmine/IED", "Air/drone strike"]),
        )
        e.time_precision = rng.choice([1, 2, 3])
        items.append(item(e, rng.sample(["Nur", "Warsame", "Orozco", "Ortiz"], 2)))
    brute = []
    for a, b in itertools.combinations(items, 2):
        if link.gate(a, b):
            s, r = link.score_pair(a, b)
            if link._accept(a, b, s):
                brute.append(tuple(sorted((a.event_id, b.event_id))))
    assert sorted((lk.a, lk.b) for lk in link.find_links(items)) == sorted(brute)
    assert brute  # the test means something


def test_clusters_are_connected_components_named_by_the_smallest_member() -> None:
    links = [link.Link("b", "c", 3.0, ()), link.Link("c", "d", 3.0, ())]
    got = link.cluster(["d", "c", "b", "a"], links)
    assert got["b"] == got["c"] == got["d"] == link.incident_id(["b"])
    assert got["a"] == link.incident_id(["a"]) != got["b"]


# ---------------------------------------------------------------------- reconcile


def test_reconcile_tolls_date_place_and_sources() -> None:
    near = Place("Afgooye", "Lower Shabelle", None, "SO", 2.14, 45.12, 2)
    region = Place("Lower Shabelle", "Lower Shabelle", None, "SO", 1.8, 44.5, 3)
    e1 = ev("a1", 1, deaths=4, date="2026-03-02", place=near)
    e2 = ev("a2", 2, deaths=6, date="2026-03-01", place=AFGOYE)
    e3 = ev("a3", 3, deaths=30, place=region, hedged=True)  # a hedged claim: not credible
    e4 = ev("a4", 4, deaths=0, date="2026-03-01", place=region)  # "nobody died", early on
    e4.time_precision = 2
    arts = {"a1": {"source": "Horn Daily"}, "a2": {"source": "Mogadishu Wire"}}
    inc = link.reconcile("i1", [e3, e1, e4, e2], arts)
    assert (inc.fatalities.low, inc.fatalities.best, inc.fatalities.high) == (0, 4, 6)
    assert inc.date == "2026-03-01" and inc.time_precision == 1
    assert inc.location == AFGOYE
    assert len(inc.reports) == 4 and inc.n_sources == 4 and not inc.hedged
    by = {r.article_id: r for r in inc.reports}
    assert by["a3"].fatalities.best == 30 and by["a3"].hedged
    assert by["a1"].source == "Horn Daily"


# -------------------------------------------------------------- the store, incremental


def corpus() -> list[Result]:
    same = "Abdi Hassan Nur"
    return [
        result("art-1", [ev("art-1", deaths=4)], [same], "Horn Daily"),
        result(
            "art-2",
            [ev("art-2", deaths=5, text="Five soldiers were killed near Afgoye by an IED.")],
            [same],
        ),
        result("art-3", [ev("art-3", deaths=4, hedged=True)], [same]),  # a hedged report
        result(
            "art-4",
            [
                ev(
                    "art-4",
                    date="2026-03-02",
                    deaths=2,
                    actor1=None,
                    text="Two traders died when a minibus hit a landmine near Afgoye.",
                )
            ],
            ["Halima Warsame"],
        ),  # fmt: skip
        result(
            "art-5",
            [
                ev(
                    "art-5",
                    place=MOSUL,
                    deaths=6,
                    actor1="Islamic State",
                    text="A car bomb killed six in a Mosul market.",
                )
            ],
            ["Falah al-Taie"],
        ),  # fmt: skip
    ]


def incidents_of(store: Store) -> tuple[dict[str, str], list[dict]]:
    assign = {e.id: e.incident_id or "" for e in store.events()}
    rows = [i.to_dict() for i in store.incidents()]
    return assign, rows


def test_incremental_linking_in_any_order_gives_the_same_incidents() -> None:
    with Store(":memory:") as batch:
        batch.write_many(corpus())
        link.link_store(batch)
        want_assign, want_rows = incidents_of(batch)
        assert len(batch.links_of(want_assign[corpus()[0].events[0].id])) >= 1
    groups = {}
    for eid, iid in want_assign.items():
        groups.setdefault(iid, set()).add(eid)
    ids = {r.article.id: r.events[0].id for r in corpus()}
    assert {ids["art-1"], ids["art-2"]} <= groups[want_assign[ids["art-1"]]]
    assert want_assign[ids["art-4"]] != want_assign[ids["art-1"]]
    assert want_assign[ids["art-5"]] != want_assign[ids["art-1"]]
    for order in ([4, 3, 2, 1, 0], [2, 0, 4, 1, 3]):
        with Store(":memory:") as store:
            for k in order:
                store.write(corpus()[k])
                link.link_store(store, [corpus()[k].article.id])  # one new article at a time
            got_assign, got_rows = incidents_of(store)
        assert got_assign == want_assign
        strip = [{k: v for k, v in r.items()} for r in got_rows]
        assert strip == want_rows


def test_incident_rows_and_exports(tmp_path) -> None:  # noqa: ANN001
    db = tmp_path / "x.db"
    with Store(str(db)) as store:
        store.write_many(corpus())
        summary = link.link_store(store)
        assert summary.events == 5 and summary.links >= 1
        assert {"incidents", "incident_links", "stories", "near_duplicates"} <= set(store.tables())
        found = store.incidents(min_reports=2)
        assert found and all(len(i.reports) >= 2 for i in found)
        assert store.incidents(country="IQ")[0].location.name == "Mosul"
        assert link.link_store(store).events == 0  # nothing new: nothing done
    for fmt in FORMATS:
        out = io.StringIO()
        write_incidents(found, fmt, out)
        text = out.getvalue()
        if fmt == "json":
            assert json.loads(text)[0]["reports"][0]["fatalities"]["best"] is not None
        elif fmt == "jsonl":
            assert len(text.splitlines()) == len(found)
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert tuple(rows[0]) == INCIDENT_FIELDS and rows[0]["fatalities_by_source"]
        elif fmt == "geojson":
            assert json.loads(text)["features"][0]["geometry"]["type"] == "Point"
    runner = CliRunner()
    res = runner.invoke(
        main, ["incidents", "--db", str(db), "--min-reports", "2", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["counts"]["reports"] >= 2
    res = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert all(x["incident_id"] and x["article_id"] for x in lines)
    assert "Example" in runner.invoke(main, ["incidents", "--help"]).output


def test_a_database_at_version_3_is_migrated(tmp_path) -> None:  # noqa: ANN001
    from sqlalchemy import create_engine

    from strife.store import migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    eng = create_engine(url)
    with eng.begin() as conn:
        assert migrate(conn, target=3) == [1, 2, 3]
    eng.dispose()
    with Store(str(tmp_path / "old.db")) as store:
        assert store.schema_version >= 4
        assert "incidents" in store.tables()


@pytest.mark.parametrize("n", [0, 1])
def test_reconcile_without_figures(n: int) -> None:
    evs = [ev(f"a{k}", deaths=None, date=None, place=None) for k in range(n + 1)]
    inc = link.reconcile("i", evs)
    assert inc.fatalities == Count() and inc.date is None and inc.location is None
