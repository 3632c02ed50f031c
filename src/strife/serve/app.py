"""The FastAPI app: REST API under /api, OpenAPI at /docs, the desk at /.

Reads go through ``strife.query.Reader``; the one write (POST /api/articles)
runs ``pipeline.process`` and ``Store.write``, and needs the ``api_token``
setting. Every response carries a Content-Security-Policy that allows only this
server's own scripts, styles and data: article text is shown as text by the UI,
and the policy stops anything that slipped through from running.
"""

from __future__ import annotations

import io
import ipaddress
import json
import secrets
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from strife import __version__
from strife.errors import StrifeError
from strife.export import write_events
from strife.query import SORTS, EventFilter, Reader, prepare
from strife.records import Event
from strife.settings import Settings
from strife.store import Store

__all__ = ["create_app", "serve"]

STATIC = Path(__file__).parent / "static"
PAGE_MAX = 1000  # events per JSON page: the table shows 100; more is an export
EXPORT_MAX = 100_000  # events per CSV/GeoJSON export or map request
EXPORT_DEFAULT = 10_000
POINTS_DEFAULT = 20_000  # map points; leaflet.markercluster stays smooth well past this

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: security headers on every response, request bodies capped
    at ``max_bytes`` (by Content-Length, and by counting a body sent without
    one), and, when serving on a loopback address, only loopback Host headers
    (a web page elsewhere cannot reach the API through DNS rebinding)."""

    def __init__(self, app: ASGIApp, max_bytes: int, hosts: set[str] | None) -> None:
        self.app, self.max_bytes, self.hosts = app, max_bytes, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").rsplit(":", 1)[0].strip("[]")
            if host not in self.hosts:
                await _plain(send, 400, f"Host {host!r} is not served here; open 127.0.0.1")
                return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _plain(send, 413, self._too_large())
            return
        seen = 0
        started = False

        async def counted() -> MutableMapping[str, Any]:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return msg

        async def secured(msg: MutableMapping[str, Any]) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
                msg["headers"] = [
                    *(h for h in msg.get("headers", []) if h[0] not in dict(SECURITY_HEADERS)),
                    *SECURITY_HEADERS,
                ]
            await send(msg)

        try:
            await self.app(scope, counted, secured)
        except _TooLarge:
            if not started:
                await _plain(send, 413, self._too_large())

    def _too_large(self) -> str:
        return (
            f"request body larger than {self.max_bytes} bytes; send fewer articles per "
            "request or raise the max_request_bytes setting (STRIFE_MAX_REQUEST_BYTES)"
        )


async def _plain(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# ------------------------------------------------------------------------ params


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for x in values or [] for v in x.split(",") if v.strip()]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(
            400, f"bbox {value!r}: give west,south,east,north in degrees, e.g. 35.5,32,42.5,37.5"
        ) from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise HTTPException(
            400,
            f"bbox {value!r}: longitudes must be in -180..180, latitudes -90..90, south <= north",
        )
    return w, s, e, n


def event_filter(
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees, e.g. 35.5,32,42.5,37.5")
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="ISO 3166-1 alpha-2 code(s); repeat or comma-separate")
    ] = None,
    admin1: Annotated[str | None, Query(description="First-level region, any case")] = None,
    since: Annotated[
        str | None, Query(description="Earliest date, YYYY-MM-DD (or YYYY-MM, YYYY)")
    ] = None,
    until: Annotated[str | None, Query(description="Latest date, inclusive")] = None,
    type: Annotated[
        list[str] | None, Query(description="Event type(s), e.g. Battles; repeat or comma-separate")
    ] = None,
    sub_type: Annotated[
        list[str] | None, Query(description="Sub-event type(s), e.g. Air/drone strike")
    ] = None,
    actor: Annotated[
        str | None, Query(description="Part of an actor's name or text, any case")
    ] = None,
    min_fatalities: Annotated[
        int | None, Query(ge=0, description="fatalities.best at least")
    ] = None,
    hedged: Annotated[
        bool | None, Query(description="true: only hedged; false: only unhedged")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, description="Words in the evidence (or article) text, all required"),
    ] = None,
    search_in: Annotated[str, Query(pattern="^(evidence|article)$")] = "evidence",
    article_id: Annotated[str | None, Query()] = None,
    incident_id: Annotated[str | None, Query()] = None,
) -> EventFilter:
    return EventFilter(
        bbox=_bbox(bbox),
        country=_split(country),
        admin1=admin1,
        since=since or None,
        until=until or None,
        event_type=_split(type),
        sub_event_type=_split(sub_type),
        actor=actor,
        min_fatalities=min_fatalities,
        hedged=hedged,
        q=q,
        search_in=search_in,
        article_id=article_id,
        incident_id=incident_id,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def _event_dict(e: Event) -> dict[str, Any]:
    return e.to_dict(with_article_id=True)


def _export(events: list[Event], fmt: str, total: int) -> Response:
    buf = io.StringIO()
    write_events(events, fmt, buf)
    media = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json"}[fmt]
    return Response(
        buf.getvalue(),
        media_type=media,
        headers={
            "content-disposition": f'attachment; filename="strife-events.{fmt}"',
            "x-total-count": str(total),
        },
    )


# ---------------------------------------------------------------------------- app


def create_app(
    db: str | None = None,
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    allowed_hosts: set[str] | None = None,
) -> FastAPI:
    """The app over the database ``db`` (default: the ``db`` setting), or over an
    open ``store`` (the tests). ``allowed_hosts``: Host header names accepted
    (None = any)."""
    settings = settings or Settings()
    store = store or Store(db or settings.db)
    reader = Reader(store, prepare(store))
    write_lock = threading.Lock()  # one pipeline run at a time: spaCy and memory

    app = FastAPI(
        title="strife",
        version=__version__,
        summary="Conflict events extracted from news, each field traced to its source sentence.",
        description="The output contract is docs/output.md; the desk (browser UI) is at /.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store, app.state.reader = store, reader

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
            got = (
                f" (got {err['input']!r:.60})"
                if "input" in err and err["input"] is not None
                else ""
            )
            problems.append(f"{where}: {err.get('msg', 'invalid')}{got}")
        return JSONResponse(
            {"detail": "; ".join(problems), "errors": jsonable_encoder(exc.errors())},
            status_code=422,
        )

    @app.exception_handler(ValueError)
    async def _bad_value(_req: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StrifeError)
    async def _strife_error(_req: Request, exc: StrifeError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    # -- events
    @app.get("/api/events", tags=["events"])
    def list_events(
        f: Filters,
        sort: Annotated[
            str, Query(description=f"One of {', '.join(SORTS)}; prefix - for descending")
        ] = "-date",
        limit: Annotated[int | None, Query(ge=0, description="Page size")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        format: Annotated[str, Query(pattern="^(json|csv|geojson)$")] = "json",
    ) -> Any:
        """Stored events matching every filter given, sorted and paged.

        JSON: `{"total", "limit", "offset", "events": [contract events with article_id]}`.
        CSV and GeoJSON: the flat columns of `strife events` (docs/database.md)."""
        cap = PAGE_MAX if format == "json" else EXPORT_MAX
        if limit is None:
            limit = 100 if format == "json" else EXPORT_DEFAULT
        if limit > cap:
            raise HTTPException(
                400, f"limit {limit} is above {cap} for format={format}; page with offset"
            )
        total, found = reader.events(f, sort=sort, limit=limit, offset=offset)
        if format != "json":
            return _export(found, format, total)
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "events": [_event_dict(e) for e in found],
        }

    @app.get("/api/events/points", tags=["events"])
    def event_points(
        f: Filters, limit: Annotated[int, Query(ge=0, le=EXPORT_MAX)] = POINTS_DEFAULT
    ) -> dict[str, Any]:
        """Compact map points of the matching events that have coordinates, deadliest
        first: `rows` of `[id, lat, lon, event_type, fatalities_best, date, location_name]`."""
        total, rows = reader.points(f, limit=limit)
        return {
            "total": total,
            "fields": [
                "id",
                "lat",
                "lon",
                "event_type",
                "fatalities_best",
                "date",
                "location_name",
            ],
            "rows": rows,
        }

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its evidence, its article and, when it is linked to an
        incident, the other reports of that incident with their articles."""
        e = reader.event(event_id)
        if e is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        reports = [e]
        if e.incident_id:
            _, others = reader.events(
                EventFilter(incident_id=e.incident_id), sort="date", limit=200
            )
            reports += [o for o in others if o.id != e.id]
        sources: dict[str, dict[str, Any]] = {}
        for r in reports:
            aid = r.article_id or ""
            if aid not in sources:
                art = reader.article(aid)
                if art is None:
                    continue
                sources[aid] = {"article": {**art.to_dict(), "origin": art.origin}, "events": []}
            sources[aid]["events"].append(_event_dict(r))
        return {"event": _event_dict(e), "sources": list(sources.values())}

    @app.get("/api/timeline", tags=["events"])
    def timeline(
        f: Filters, interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day"
    ) -> dict[str, Any]:
        """Events and fatalities (sum of fatalities.best) per day, week (from Monday)
        or month, for the matching dated events."""
        return {"interval": interval, "periods": reader.timeline(f, interval)}

    @app.get("/api/meta", tags=["meta"])
    def meta() -> dict[str, Any]:
        """What the database holds: counts, countries, date range, the event types,
        the search mode (fts5 or like) and whether writes are enabled."""
        return {
            **reader.facets(),
            "incidents": reader.has_incidents(),
            "writable": bool(settings.api_token),
            "version": __version__,
        }

    # -- articles
    @app.get("/api/articles", tags=["articles"])
    def list_articles(
        q: Annotated[
            str | None, Query(max_length=500, description="Words in the title or text")
        ] = None,
        source: Annotated[str | None, Query(description="Part of the outlet name")] = None,
        limit: Annotated[int, Query(ge=0, le=PAGE_MAX)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Stored articles (without their text), newest first, with their number of events."""
        total, rows = reader.articles(q=q, source=source, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "articles": rows}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article with its clean text and its events (offsets point into `text`)."""
        art = reader.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        _, evs = reader.events(EventFilter(article_id=article_id), sort="date", limit=PAGE_MAX)
        evs.sort(key=lambda e: e.trigger.start)
        return {
            "article": {**art.to_dict(), "origin": art.origin},
            "events": [_event_dict(e) for e in evs],
        }

    def _check_token(request: Request) -> None:
        if not settings.api_token:
            raise HTTPException(
                403,
                "writes are disabled: this server has no API token. Start it with "
                "STRIFE_API_TOKEN=<a long random string> strife serve ..., then send "
                "'Authorization: Bearer <token>'",
            )
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        given = given or request.headers.get("x-strife-token", "")
        if not given or not secrets.compare_digest(given.encode(), settings.api_token.encode()):
            raise HTTPException(
                401,
                "missing or wrong API token: send 'Authorization: Bearer <token>' with the "
                "token the server was started with (setting api_token)",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @app.post(
        "/api/articles",
        tags=["articles"],
        status_code=201,
        dependencies=[Depends(_check_token)],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/ArticleIn"},
                                {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/ArticleIn"},
                                },
                            ]
                        }
                    },
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            }
        },
    )
    async def post_articles(
        request: Request,
        published: Annotated[
            str | None, Query(description="Publication date for articles that carry none")
        ] = None,
    ) -> dict[str, Any]:
        """Run the pipeline on articles and store the results. Body: plain text,
        an HTML page, or contract input JSON (one object or a list of objects with
        `text` or `html` and optionally `id`, `published`, `url`, `title`,
        `source`, `author`). Needs the API token. An article already stored is
        reported with `new: false` and not changed."""
        kind = _kind(request.headers.get("content-type", ""))
        body = await request.body()
        try:
            raw = body.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPException(400, "the request body is not UTF-8 text") from None
        if not raw.strip():
            raise HTTPException(400, "the request body is empty: send the article text")
        if kind == "json":
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise HTTPException(400, f"the body is not valid JSON: {exc}") from None
            if not isinstance(data, dict | list) or not data:
                raise HTTPException(400, 'send one object {"text": "..."} or a list of them')
        return await run_in_threadpool(_ingest_and_store, raw, kind, published)

    def _ingest_and_store(raw: str, kind: str, published: str | None) -> dict[str, Any]:
        from strife import ingest, pipeline

        try:
            published = ingest._check_published(published)
        except StrifeError as exc:
            raise HTTPException(400, str(exc)) from None
        items = list(ingest._read_text_as(raw, "<api>", kind, published, []))
        bad = [str(x) for x in items if isinstance(x, Exception)]
        if bad:
            raise HTTPException(400, "; ".join(bad))
        out = []
        with write_lock:
            todo = []
            for art in items:
                if store.has_article(art.ensure_id()):
                    out.append({"article_id": art.id, "new": False, "events": [], "errors": []})
                else:
                    todo.append(art)
            for result in pipeline.process(todo, settings):
                try:
                    new = store.write(result)
                except StrifeError as exc:
                    raise HTTPException(400, str(exc)) from None
                out.append(
                    {
                        "article_id": result.article.id,
                        "new": new,
                        "events": [e.id for e in result.events],
                        "errors": list(result.errors),
                    }
                )
        return {"stored": out}

    # -- incidents
    @app.get("/api/incidents", tags=["incidents"])
    def list_incidents(
        country: Annotated[str | None, Query(description="ISO2 code(s), comma-separated")] = None,
        since: Annotated[str | None, Query(description="Earliest incident date")] = None,
        until: Annotated[str | None, Query(description="Latest incident date, inclusive")] = None,
        type: Annotated[list[str] | None, Query(description="Event or sub-event type(s)")] = None,
        limit: Annotated[int, Query(ge=0, le=PAGE_MAX)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Incidents (reports of one event linked across articles) with their number
        of reports. Empty, with a `detail` note, in a database whose reports have
        not been linked (no incidents table)."""
        found = reader.incidents(
            limit=limit, offset=offset, country=country, since=since, until=until,
            event_type=_split(type),
        )  # fmt: skip
        if found is None:
            return {
                "total": 0,
                "limit": limit,
                "offset": offset,
                "incidents": [],
                "detail": "this database has no incidents table: reports have not been linked "
                "into incidents by this strife version",
            }
        total, rows = found
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "incidents": jsonable_encoder(rows),
        }

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def get_incident(incident_id: str) -> dict[str, Any]:
        """One incident and its reports (events, with evidence)."""
        found = reader.incident(incident_id)
        if found is False:
            raise HTTPException(
                404,
                "this database has no incidents table: reports have not been linked into "
                "incidents by this strife version",
            )
        if found is None:
            raise HTTPException(404, f"no incident with id {incident_id!r}")
        row, reports = found
        return {"incident": jsonable_encoder(row), "events": [_event_dict(e) for e in reports]}

    # -- docs and the desk
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse((STATIC / "docs.html").read_text(encoding="utf-8"))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_schemas(app)
    app.add_middleware(Guard, max_bytes=settings.max_request_bytes_int, hosts=allowed_hosts)
    return app


def _kind(content_type: str) -> str:
    ct = content_type.split(";")[0].strip().lower()
    if ct in ("application/json", ""):
        return "json" if ct else "text"
    if ct in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct == "text/plain":
        return "text"
    raise HTTPException(
        415,
        f"content type {ct!r} is not read: send text/plain, text/html or application/json",
    )


def _add_schemas(app: FastAPI) -> None:
    """The ArticleIn schema the POST body refers to (the body is read by hand, so
    that text, HTML and JSON share one route)."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base()
        schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = {
            "type": "object",
            "properties": {
                k: {"type": "string"}
                for k in ("text", "html", "id", "published", "url", "title", "source", "author")
            },
            "description": "Contract input: `text` (or `html`) required; `published` YYYY-MM-DD.",
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: str, host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None
) -> None:
    """Run the app with uvicorn until Ctrl-C (the ``strife serve`` command)."""
    import uvicorn

    hosts = {"127.0.0.1", "localhost", "::1", host} if _loopback(host) else None
    app = create_app(db, settings, allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    print(
        f"strife desk on http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; Ctrl-C stops)",
        flush=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
