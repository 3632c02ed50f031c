"""The REST API, in-process (FastAPI's TestClient) over an in-memory database of
records built by hand; one test runs the pipeline through POST /api/articles."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from conftest import ROOT
from strife.query import EventFilter, Reader, prepare
from strife.records import Actor, Article, Count, Event, Place, Result, Span
from strife.serve import create_app
from strife.settings import Settings
from strife.store import Store

TOKEN = "test-token-0123456789"

# (article id, published, text, [(trigger, sub-event type, date, place, fatalities, hedged, actor1)])
ARTICLES = [
    (
        "kharkiv",
        "2024-03-05",
        "Russian forces shelled Kharkiv on Monday, killing two civilians, officials said. "
        "A helicopter was seen over the city.",
        [
            (
                "shelled",
                "Shelling/artillery/missile attack",
                "2024-03-04",
                "kharkiv",
                2,
                False,
                "Military Forces of Russia",
            )
        ],
    ),
    (
        "idlib",
        "2024-03-10",
        "An air strike hit a market in Idlib on Saturday, killing nine people. "
        "Rebels clashed with troops near Saraqib the same day; three fighters died, the group claimed.",
        [
            (
                "air strike",
                "Air/drone strike",
                "2024-03-09",
                "idlib",
                9,
                False,
                "Military Forces of Syria",
            ),
            ("clashed", "Armed clash", "2024-03-09", "saraqib", 3, True, "Hayat Tahrir al-Sham"),
        ],
    ),
    (
        "xss",
        "2024-04-20",
        'Protesters gathered in Baghdad <script>alert("x")</script> and '
        "<img src=x onerror=alert(1)> chanted slogans; nobody was hurt.",
        [("gathered", "Peaceful protest", "2024-04-20", "baghdad", 0, False, "Protesters (Iraq)")],
    ),
    (
        "undated",
        None,
        "Gunmen abducted a teacher somewhere in the north, residents said.",
        [
            (
                "abducted",
                "Abduction/forced disappearance",
                None,
                None,
                None,
                True,
                "Unidentified Armed Group",
            )
        ],
    ),
]
PLACES = {
    "kharkiv": Place("Kharkiv", "Kharkiv Oblast", None, "UA", 49.98, 36.25, 1, 706483),
    "idlib": Place("Idlib", "Idlib", None, "SY", 35.93, 36.63, 1, 169388),
    "saraqib": Place("Saraqib", "Idlib", None, "SY", 35.86, 36.8, 2, 169113),
    "baghdad": Place("Baghdad", "Baghdad", None, "IQ", 33.34, 44.4, 1, 98182),
}
SUB_TO_TYPE = {
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Peaceful protest": "Protests",
    "Abduction/forced disappearance": "Violence against civilians",
}


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(".", at)
    return start, (end + 1 if end >= 0 else len(text))


def results() -> list[Result]:
    out = []
    for aid, published, body, evs in ARTICLES:
        title = f"Report {aid}" + (" <img src=x onerror=alert(2)>" if aid == "xss" else "")
        url = "javascript:alert(3)" if aid == "xss" else f"https://example.org/{aid}"
        art = Article(raw=body, id=aid, text=body, published=published, title=title,
                      source="Test Wire", url=url)  # fmt: skip
        events = []
        for trig, sub, date, place, dead, hedged, actor in evs:
            t = body.index(trig)
            s, e = _sentence(body, t)
            ev = Event(
                event_type=SUB_TO_TYPE[sub],
                sub_event_type=sub,
                trigger=Span(trig, t, t + len(trig)),
                evidence=[Span(body[s:e], s, e)],
                date=date,
                time_precision=1 if date else 3,
                actor1=Actor(actor, actor.split()[0], "state_forces"),
                location=PLACES.get(place) if place else None,
                fatalities=Count(dead, dead, dead),
                hedged=hedged,
                confidence=0.7,
            )
            ev.assign_id(aid)
            events.append(ev)
        out.append(Result(article=art, events=events))
    return out


@pytest.fixture
def store():
    with Store(":memory:") as s:
        s.write_many(results())
        yield s


@pytest.fixture
def client(store):
    app = create_app(store=store, settings=Settings(api_token=TOKEN))
    with TestClient(app) as c:
        yield c


def ids(resp) -> list[str]:  # noqa: ANN001
    assert resp.status_code == 200, resp.text
    return [e["article_id"] + ":" + e["trigger"]["text"] for e in resp.json()["events"]]


# ---------------------------------------------------------------------- events


def test_events_default_sort_and_paging(client):
    r = client.get("/api/events")
    body = r.json()
    assert body["total"] == 5 and body["limit"] == 100 and body["offset"] == 0
    dates = [e["date"] for e in body["events"]]
    assert dates == ["2024-04-20", "2024-03-09", "2024-03-09", "2024-03-04", None]  # undated last
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and [e["date"] for e in page["events"]] == dates[2:4]
    first = body["events"][0]
    assert first["article_id"] == "xss" and first["evidence"][0]["text"].startswith("Protesters")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "sy"}, {"idlib:air strike", "idlib:clashed"}),
        ({"country": "UA,IQ"}, {"kharkiv:shelled", "xss:gathered"}),
        ({"type": "battles"}, {"idlib:clashed"}),
        ({"sub_type": "Air/drone strike"}, {"idlib:air strike"}),
        ({"type": "Protests", "sub_type": "Armed clash"}, {"xss:gathered", "idlib:clashed"}),
        ({"since": "2024-03-05", "until": "2024-03"}, {"idlib:air strike", "idlib:clashed"}),
        ({"since": "2024-04"}, {"xss:gathered"}),
        ({"bbox": "35,35,37,37"}, {"idlib:air strike", "idlib:clashed"}),
        ({"bbox": "36.7,35,40,37"}, {"idlib:clashed"}),
        ({"admin1": "IDLIB"}, {"idlib:air strike", "idlib:clashed"}),
        ({"actor": "russia"}, {"kharkiv:shelled"}),
        ({"min_fatalities": 3}, {"idlib:air strike", "idlib:clashed"}),
        (
            {"min_fatalities": 0},
            {"idlib:air strike", "idlib:clashed", "kharkiv:shelled", "xss:gathered"},
        ),
        ({"hedged": "true"}, {"idlib:clashed", "undated:abducted"}),
        ({"hedged": "false", "country": "SY"}, {"idlib:air strike"}),
        ({"q": "market"}, {"idlib:air strike"}),
        ({"q": "killing"}, {"kharkiv:shelled", "idlib:air strike"}),
        ({"q": "helicopter"}, set()),  # not in any evidence sentence
        ({"q": "helicopter", "search_in": "article"}, {"kharkiv:shelled"}),
        ({"q": "fight*"}, {"idlib:clashed"}),
        ({"q": '"unbalanced AND ( quote'}, set()),  # FTS syntax is not passed through
        ({"article_id": "idlib"}, {"idlib:air strike", "idlib:clashed"}),
    ],
)
def test_event_filters(client, params, expected):
    assert set(ids(client.get("/api/events", params=params))) == expected


def test_like_search_matches_fts(store):
    fts, like = Reader(store, prepare(store)), Reader(store, "like")
    assert fts.fts and not like.fts
    for q, where in (("market", "evidence"), ("killing", "evidence"), ("helicopter", "article")):
        f = EventFilter(q=q, search_in=where)
        a = {e.id for e in fts.events(f)[1]}
        b = {e.id for e in like.events(f)[1]}
        assert a == b and a, q


def test_search_index_follows_new_writes(client, store):
    body = "Militants stormed a checkpoint near Kandahar, killing four policemen."
    art = Article(raw=body, id="late", text=body, published="2024-05-01")
    ev = Event("Battles", "Armed clash", Span("stormed", 10, 17), [Span(body, 0, len(body))])
    ev.assign_id("late")
    store.write(Result(article=art, events=[ev]))
    assert ids(client.get("/api/events", params={"q": "checkpoint"})) == ["late:stormed"]
    assert client.get("/api/articles", params={"q": "Kandahar"}).json()["total"] == 1


def test_sort(client):
    r = client.get("/api/events", params={"sort": "fatalities"}).json()
    assert [e["fatalities"]["best"] for e in r["events"]] == [0, 2, 3, 9, None]  # nulls last
    r = client.get("/api/events", params={"sort": "-fatalities"}).json()
    assert [e["fatalities"]["best"] for e in r["events"]] == [9, 3, 2, 0, None]
    r = client.get("/api/events", params={"sort": "country"}).json()
    assert [(e["location"] or {}).get("country") for e in r["events"]] == [
        "IQ",
        "SY",
        "SY",
        "UA",
        None,
    ]


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"min_fatalities": "abc"}, 422, "min_fatalities"),
        ({"min_fatalities": -1}, 422, "min_fatalities"),
        ({"type": "Skirmish"}, 400, "unknown event type"),
        ({"bbox": "1,2,3"}, 400, "west,south,east,north"),
        ({"bbox": "0,50,10,40"}, 400, "south <= north"),
        ({"sort": "colour"}, 400, "cannot sort by 'colour'"),
        ({"since": "March"}, 400, "YYYY-MM-DD"),
        ({"limit": 5000}, 400, "limit 5000 is above 1000"),
        ({"format": "xml"}, 422, "format"),
        ({"hedged": "maybe"}, 422, "hedged"),
    ],
)
def test_bad_parameters_say_what_is_wrong(client, params, status, says):
    r = client.get("/api/events", params=params)
    assert r.status_code == status, r.text
    assert says in r.json()["detail"]


def test_csv_and_geojson(client):
    r = client.get("/api/events", params={"format": "csv", "country": "SY"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-total-count"] == "2"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["trigger_text"] for row in rows} == {"air strike", "clashed"}
    g = client.get("/api/events", params={"format": "geojson"}).json()
    assert g["type"] == "FeatureCollection" and len(g["features"]) == 4
    assert g["skipped_without_coordinates"] == 1
    assert g["features"][0]["geometry"]["type"] == "Point"


def test_points(client):
    r = client.get("/api/events/points", params={"country": "SY"}).json()
    assert r["total"] == 2 and r["fields"][:3] == ["id", "lat", "lon"]
    assert [row[4] for row in r["rows"]] == [9, 3]  # deadliest first
    assert client.get("/api/events/points").json()["total"] == 4  # the undated one has no place


def test_one_event_with_its_article(client):
    eid = client.get("/api/events", params={"q": "market"}).json()["events"][0]["id"]
    r = client.get(f"/api/events/{eid}")
    assert r.status_code == 200
    body = r.json()
    ev, [src] = body["event"], body["sources"]
    text_ = src["article"]["text"]
    for span in ev["evidence"]:
        assert text_[span["start"] : span["end"]] == span["text"]
    assert src["article"]["id"] == "idlib" and src["events"][0]["id"] == eid
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and "no event with id 'nope'" in missing.json()["detail"]


def test_timeline(client):
    day = client.get("/api/timeline").json()
    assert day["periods"] == [
        {"period": "2024-03-04", "events": 1, "fatalities": 2},
        {"period": "2024-03-09", "events": 2, "fatalities": 12},
        {"period": "2024-04-20", "events": 1, "fatalities": 0},
    ]
    week = client.get("/api/timeline", params={"interval": "week"}).json()["periods"]
    assert [p["period"] for p in week] == ["2024-03-04", "2024-04-15"]  # Mondays
    assert week[0] == {"period": "2024-03-04", "events": 3, "fatalities": 14}
    month = client.get("/api/timeline", params={"interval": "month", "country": "SY"}).json()
    assert month["periods"] == [{"period": "2024-03", "events": 2, "fatalities": 12}]
    assert client.get("/api/timeline", params={"interval": "year"}).status_code == 422


def test_meta(client):
    m = client.get("/api/meta").json()
    assert m["events"] == 5 and m["articles"] == 4 and m["search"] == "fts5"
    assert m["date_min"] == "2024-03-04" and m["date_max"] == "2024-04-20"
    assert {c["country"] for c in m["countries"]} == {"UA", "SY", "IQ"}
    assert m["writable"] is True and isinstance(m["incidents"], bool)


# -------------------------------------------------------------------- articles


def test_articles(client):
    r = client.get("/api/articles").json()
    assert r["total"] == 4
    assert [a["id"] for a in r["articles"]][:3] == ["xss", "idlib", "kharkiv"]  # newest first
    assert next(a for a in r["articles"] if a["id"] == "idlib")["events"] == 2
    assert "text" not in r["articles"][0]
    assert client.get("/api/articles", params={"q": "helicopter"}).json()["total"] == 1
    one = client.get("/api/articles/idlib").json()
    assert one["article"]["text"].startswith("An air strike") and len(one["events"]) == 2
    assert client.get("/api/articles/nope").status_code == 404


# ------------------------------------------------------------------- incidents


def test_incidents_absent(store):
    with store._write() as conn:  # a database from before incidents (migration 4)
        conn.execute(text("DROP TABLE IF EXISTS incidents"))
    client = TestClient(create_app(store=store, settings=Settings()))
    r = client.get("/api/incidents")
    assert r.status_code == 200
    assert r.json()["incidents"] == [] and "no incidents table" in r.json()["detail"]
    r = client.get("/api/incidents/i1")
    assert r.status_code == 404 and "no incidents table" in r.json()["detail"]


def test_incidents_present(store):
    with store._write() as conn:  # any shape is read, by reflection
        conn.execute(text("DROP TABLE IF EXISTS incidents"))
        conn.execute(
            text("CREATE TABLE incidents (id TEXT PRIMARY KEY, date TEXT, fatalities_best INTEGER)")
        )
        conn.execute(text("INSERT INTO incidents VALUES ('i1', '2024-03-09', 9)"))
        conn.execute(
            text("UPDATE events SET incident_id = 'i1' WHERE article_id IN ('idlib', 'kharkiv')")
        )
    with TestClient(create_app(store=store, settings=Settings())) as c:
        r = c.get("/api/incidents").json()
        assert r["total"] == 1 and r["incidents"][0] == {
            "id": "i1", "date": "2024-03-09", "fatalities_best": 9, "reports": 3,
        }  # fmt: skip
        one = c.get("/api/incidents/i1").json()
        assert one["incident"]["id"] == "i1" and len(one["events"]) == 3
        assert c.get("/api/incidents/zz").json()["detail"] == "no incident with id 'zz'"
        eid = ids_of(c, {"q": "market"})[0]
        sources = c.get(f"/api/events/{eid}").json()["sources"]
        assert [s["article"]["id"] for s in sources] == ["idlib", "kharkiv"]  # own article first
        assert c.get("/api/meta").json()["incidents"] is True


def ids_of(c: TestClient, params: dict) -> list[str]:
    return [e["id"] for e in c.get("/api/events", params=params).json()["events"]]


# ---------------------------------------------------------------------- writes


def test_writes_need_a_configured_token(store):
    with TestClient(create_app(store=store, settings=Settings(api_token=""))) as c:
        r = c.post(
            "/api/articles", content="Gunmen killed two.", headers={"content-type": "text/plain"}
        )
    assert r.status_code == 403
    assert "STRIFE_API_TOKEN" in r.json()["detail"]


def test_writes_need_the_right_token(client):
    r = client.post("/api/articles", content="x", headers={"content-type": "text/plain"})
    assert r.status_code == 401 and "Bearer" in r.json()["detail"]
    r = client.post("/api/articles", content="x", headers={"authorization": "Bearer wrong"})
    assert r.status_code == 401


@pytest.mark.parametrize(
    ("body", "ctype", "status", "says"),
    [
        ("{not json", "application/json", 400, "not valid JSON"),
        ("[]", "application/json", 400, "send one object"),
        ('{"title": "no text"}', "application/json", 400, "no 'text' field"),
        ("   ", "text/plain", 400, "empty"),
        ("hello", "application/pdf", 415, "text/plain, text/html or application/json"),
    ],
)
def test_bad_posts(client, body, ctype, status, says):
    r = client.post(
        "/api/articles", content=body,
        headers={"content-type": ctype, "authorization": f"Bearer {TOKEN}"},
    )  # fmt: skip
    assert r.status_code == status, r.text
    assert says in r.json()["detail"]


def test_request_size_is_limited(store):
    app = create_app(store=store, settings=Settings(api_token=TOKEN, max_request_bytes="1000"))
    with TestClient(app) as c:
        auth = {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"}
        r = c.post("/api/articles", content="x" * 1001, headers=auth)
        assert r.status_code == 413 and "max_request_bytes" in r.json()["detail"]

        def chunks():  # noqa: ANN202 - no Content-Length: the body is counted as it comes
            for _ in range(5):
                yield b"y" * 400

        r = c.post("/api/articles", content=chunks(), headers=auth)
        assert r.status_code == 413


def test_bad_published_date(client):
    r = client.post(
        "/api/articles", params={"published": "yesterday"}, content="Gunmen killed two.",
        headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"},
    )  # fmt: skip
    assert r.status_code == 400 and "YYYY-MM-DD" in r.json()["detail"]


@pytest.mark.slow
def test_post_runs_the_pipeline_and_stores(settings):
    s = Settings(api_token=TOKEN, cache_dir=settings.cache_dir)
    with Store(":memory:") as st, TestClient(create_app(store=st, settings=s)) as c:
        auth = {"authorization": f"Bearer {TOKEN}"}
        r = c.post(
            "/api/articles",
            json=[
                {"id": "p1", "text": "Gunmen killed two soldiers in Mosul on Monday.", "published": "2024-05-07"},
                {"id": "p2", "html": "<html><body><p>Police arrested five protesters in Basra on Friday.</p></body></html>"},
            ],
            headers=auth,
        )  # fmt: skip
        assert r.status_code == 201, r.text
        stored = {x["article_id"]: x for x in r.json()["stored"]}
        assert stored["p1"]["new"] and stored["p1"]["events"]
        ev = c.get(f"/api/events/{stored['p1']['events'][0]}").json()["event"]
        assert ev["date"] == "2024-05-06" and ev["fatalities"]["best"] == 2
        r = c.post("/api/articles", params={"published": "2024-05-07"}, headers={**auth, "content-type": "text/plain"},
                   content="A car bomb exploded in Kirkuk on Sunday, killing three people.")  # fmt: skip
        assert r.status_code == 201 and r.json()["stored"][0]["new"]
        again = c.post("/api/articles", json={"id": "p1", "text": "anything"}, headers=auth)
        assert again.json()["stored"] == [
            {"article_id": "p1", "new": False, "events": [], "errors": []}
        ]
        assert c.get("/api/meta").json()["articles"] == 3


# ------------------------------------------------------------ pages and headers


def test_security_headers_and_pages(client):
    for path in ("/", "/docs", "/api/meta", "/static/desk.js", "/api/events/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
    page = client.get("/").text
    assert "<script src=" in page and "<script>" not in page and "style=" not in page
    for vendor in ("leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js",
                   "topojson-client/topojson-client.min.js", "world-atlas/countries-50m.json",
                   "swagger-ui-dist/swagger-ui-bundle.js"):  # fmt: skip
        assert client.get(f"/static/vendor/{vendor}").status_code == 200, vendor
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "ArticleIn" in spec["components"]["schemas"]


def test_ui_code_never_writes_html():
    js = (ROOT / "src" / "strife" / "serve" / "static" / "desk.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", js)


def test_only_local_host_names_when_bound_to_loopback(store):
    app = create_app(store=store, allowed_hosts={"127.0.0.1", "localhost"})
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/meta").status_code == 200
        r = c.get("/api/meta", headers={"host": "attacker.example"})
        assert r.status_code == 400 and "not served here" in r.json()["detail"]


def test_every_api_route_is_documented(client):
    doc = (ROOT / "docs" / "desk.md").read_text(encoding="utf-8")
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        for method in ops:
            assert f"{method.upper()} {path}" in doc, f"{method.upper()} {path}"


def test_incidents_of_the_store_schema(store):
    inc = getattr(__import__("strife.store", fromlist=["x"]), "incidents", None)
    if inc is None:
        pytest.skip("this store has no incidents table yet")
    row = {c.name: None for c in inc.c}
    row.update(id="i9", event_type="Battles", sub_event_type="Armed clash", date="2024-03-09",
               country="SY", hedged=False, reports=2, articles=1, stories=1, sources=1,
               updated_at="2024-03-10T00:00:00+00:00")  # fmt: skip
    with store._write() as conn:
        conn.execute(inc.insert().values(**{k: v for k, v in row.items() if k in inc.c}))
        conn.execute(text("UPDATE events SET incident_id = 'i9' WHERE article_id = 'idlib'"))
    with TestClient(create_app(store=store, settings=Settings())) as c:
        r = c.get("/api/incidents", params={"country": "sy", "type": "Battles"}).json()
        assert r["total"] == 1 and r["incidents"][0]["reports"] == 2
        assert c.get("/api/incidents", params={"since": "2024-04"}).json()["total"] == 0
        assert len(c.get("/api/incidents/i9").json()["events"]) == 2
