"""Exports: every format is parsed back and checked against the events written."""

from __future__ import annotations

import csv
import io
import json

import pytest

from strife.export import FLAT_FIELDS, FORMATS, flat_event, write_events
from strife.records import Actor, Count, Event, Place, Span


def make_events() -> list[Event]:
    e1 = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger=Span("shelled", 15, 22),
        evidence=[
            Span("Russian forces shelled Kharkiv, killing two.", 0, 45),
            Span("said", 50, 54),
        ],
        date="2024-03-04",
        time_precision=1,
        actor1=Actor("Military Forces of Russia", "Russian forces", "state_forces", "RU"),
        actor2=Actor("Civilians (Ukraine)", "civilians", "civilians", "UA"),
        location=Place("Kharkiv", "Kharkiv Oblast", None, "UA", 49.98, 36.25, 1, 706483),
        fatalities=Count(2, 2, 3),
        weapons=["artillery", "MLRS"],
        platforms=['BM-21 "Grad"'],
        hedged=True,
        attributed_to="officials",
        confidence=0.8,
        id="e1",
        article_id="a1",
    )
    e2 = Event(  # no place, no actors, no counts, awkward text
        event_type="Protests",
        sub_event_type="Peaceful protest",
        trigger=Span('marched, "peacefully"\nin Bamako', 0, 30),
        id="e2",
        article_id="a2",
    )
    e3 = Event(  # a place without coordinates
        event_type="Battles",
        sub_event_type="Armed clash",
        trigger=Span("clashed", 3, 10),
        location=Place("Somewhere", country="ML"),
        id="e3",
        article_id="a2",
    )
    return [e1, e2, e3]


def export(fmt: str, events: list[Event] | None = None) -> str:
    out = io.StringIO()
    write_events(make_events() if events is None else events, fmt, out)
    return out.getvalue()


def test_csv_parses_back():
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    assert len(rows) == 3
    assert tuple(rows[0]) == FLAT_FIELDS
    r = rows[0]
    assert (r["id"], r["article_id"], r["country"]) == ("e1", "a1", "UA")
    assert (float(r["lat"]), float(r["lon"])) == (49.98, 36.25)
    assert r["fatalities_best"] == "2" and r["injured_best"] == ""
    assert r["weapons"] == "artillery; MLRS" and r["platforms"] == 'BM-21 "Grad"'
    assert r["evidence"] == "Russian forces shelled Kharkiv, killing two. | said"
    assert r["actor1_name"] == "Military Forces of Russia" and r["hedged"] == "True"
    assert rows[1]["trigger_text"] == 'marched, "peacefully"\nin Bamako'
    assert rows[1]["lat"] == "" and rows[1]["actor1_name"] == ""


def test_json_is_contract_events():
    data = json.loads(export("json"))
    assert [Event.from_dict(d) for d in data] == make_events()
    assert all("article_id" in d for d in data)


def test_jsonl_is_score_event_lines():
    lines = export("jsonl").splitlines()
    assert len(lines) == 3
    docs = [json.loads(x) for x in lines]
    # score.py rule R0: an event line has article_id and no "article"
    assert all("article" not in d and isinstance(d["article_id"], str) for d in docs)
    assert [Event.from_dict(d) for d in docs] == make_events()


def test_geojson_structure():
    doc = json.loads(export("geojson"))
    assert doc["type"] == "FeatureCollection"
    assert doc["skipped_without_coordinates"] == 2
    (f,) = doc["features"]
    assert f["type"] == "Feature" and f["id"] == "e1"
    assert f["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}  # lon, lat
    assert set(f["properties"]) == set(FLAT_FIELDS)
    assert f["properties"] == json.loads(json.dumps(flat_event(make_events()[0])))


def test_table_is_plain_text_off_a_tty():
    text = export("table")
    assert "\x1b[" not in text  # no colour codes in a file or a pipe
    assert "2024-03-04" in text and "Kharkiv" in text and "2 (2-3)" in text
    assert "Military Forces of Russia" in text and "a1" in text
    assert "Protests / Peaceful protest" in text
    assert text.rstrip().endswith("3 events")
    assert max(len(line) for line in text.splitlines()) <= 160


def test_table_keeps_square_brackets():
    e = make_events()[1]
    e.location = Place("[bold]Gao[/bold]")
    assert "[bold]Gao[/bold]" in export("table", [e])


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty(fmt):
    text = export(fmt, [])
    if fmt == "json":
        assert json.loads(text) == []
    elif fmt == "geojson":
        assert json.loads(text)["features"] == []
    elif fmt == "csv":
        assert text.strip() == ",".join(FLAT_FIELDS)
    elif fmt == "table":
        assert "0 events" in text
    else:
        assert text == ""


def test_unknown_format():
    with pytest.raises(ValueError, match="table, csv, json, jsonl, geojson"):
        export("parquet")


def test_store_to_export(tmp_path):
    """Events read back from the store export like the ones written."""
    from strife.records import Article, Result
    from strife.store import Store

    evs = make_events()
    with Store(":memory:") as s:
        for aid in ("a1", "a2"):
            mine = [e for e in evs if e.article_id == aid]
            s.write(Result(Article(raw="t", id=aid, text="t"), events=mine))
        stored = s.events()
    assert {e.id for e in stored} == {"e1", "e2", "e3"}
    by_id = {e.id: e for e in stored}
    assert all(flat_event(by_id[e.id]) == flat_event(e) for e in evs)
