"""Exports: stored events and incidents out as a terminal table, CSV, JSON, JSON Lines or GeoJSON.

Two public functions, ``write_events(events, fmt, out)`` and
``write_incidents(incidents, fmt, out)``. Every format speaks the output contract
(docs/output.md): ``json`` and ``jsonl`` carry contract events with their
``article_id`` and ``incident_id`` (incidents: the reconciled fields and every
report with the figure its source gave, docs/incidents.md); ``csv`` and
``geojson`` carry the flat fields, named like the columns of the ``events`` (or
``incidents``) table, so a CSV column, a GeoJSON property and an SQL column with
the same name mean the same thing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, TextIO

from strife.records import Event

__all__ = [
    "FLAT_FIELDS",
    "FORMATS",
    "INCIDENT_FIELDS",
    "flat_event",
    "flat_incident",
    "write_events",
    "write_incidents",
]

LIST_SEP = "; "  # weapons, platforms: "MANPADS; Mi-8"
EVIDENCE_SEP = " | "  # evidence sentences, in text order

FLAT_FIELDS: tuple[str, ...] = (
    "id",
    "article_id",
    "event_type",
    "sub_event_type",
    "plover_event",
    "plover_mode",
    "date",
    "time_precision",
    *(f"{a}_{k}" for a in ("actor1", "actor2") for k in ("name", "text", "type", "country")),
    "location_name",
    "admin1",
    "admin2",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "geonameid",
    *(f"{n}_{k}" for n in ("fatalities", "injured") for k in ("best", "low", "high")),
    "weapons",
    "platforms",
    "hedged",
    "attributed_to",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "evidence",
    "confidence",
    "incident_id",
)


def flat_event(e: Event) -> dict[str, Any]:
    """One event as flat fields (``FLAT_FIELDS``): nested parts become prefixed
    columns, lists are joined with ``LIST_SEP``, evidence texts with ``EVIDENCE_SEP``."""
    d = e.to_dict(with_article_id=True)
    row: dict[str, Any] = {
        k: d[k]
        for k in (
            "id",
            "article_id",
            "event_type",
            "sub_event_type",
            "plover_event",
            "plover_mode",
            "date",
            "time_precision",
        )
    }
    for a in ("actor1", "actor2"):
        actor = d[a] or {}
        for k in ("name", "text", "type", "country"):
            row[f"{a}_{k}"] = actor.get(k)
    loc = d["location"] or {}
    row["location_name"] = loc.get("name")
    for k in ("admin1", "admin2", "country", "lat", "lon", "geo_precision", "geonameid"):
        row[k] = loc.get(k)
    for n in ("fatalities", "injured"):
        for k in ("best", "low", "high"):
            row[f"{n}_{k}"] = d[n][k]
    row.update(
        weapons=LIST_SEP.join(d["weapons"]),
        platforms=LIST_SEP.join(d["platforms"]),
        hedged=d["hedged"],
        attributed_to=d["attributed_to"],
        trigger_text=d["trigger"]["text"],
        trigger_start=d["trigger"]["start"],
        trigger_end=d["trigger"]["end"],
        evidence=EVIDENCE_SEP.join(s["text"] for s in d["evidence"]),
        confidence=d["confidence"],
        incident_id=d["incident_id"],
    )
    return row


def _csv(events: list[Event], out: TextIO) -> None:
    w = csv.DictWriter(out, fieldnames=FLAT_FIELDS, lineterminator="\n")
    w.writeheader()
    for e in events:
        w.writerow(flat_event(e))


def _json(events: list[Event], out: TextIO) -> None:
    json.dump([e.to_dict(with_article_id=True) for e in events], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _jsonl(events: list[Event], out: TextIO) -> None:
    # One contract event a line with its article_id: the "event line" form that
    # shared/eval/score.py groups back into documents (its rule R0).
    for e in events:
        out.write(json.dumps(e.to_dict(with_article_id=True), ensure_ascii=False))
        out.write("\n")


def _feature_collection(items: list[Any], flat: Callable[[Any], dict], out: TextIO) -> None:
    """A GeoJSON FeatureCollection of events or incidents, one Point each."""
    features, skipped = [], 0
    for item in items:
        loc = item.location
        if loc is None or loc.lat is None or loc.lon is None:
            skipped += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": item.id,
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": flat(item),
            }
        )
    doc = {
        "type": "FeatureCollection",
        "features": features,
        # a foreign member (RFC 7946, 6.1): what the map cannot show
        "skipped_without_coordinates": skipped,
    }
    json.dump(doc, out, ensure_ascii=False)
    out.write("\n")


def _geojson(events: list[Event], out: TextIO) -> None:
    _feature_collection(events, flat_event, out)


def _deaths(e: Event) -> str:
    f = e.fatalities
    if f.best is None and f.low is None and f.high is None:
        return ""
    best = "?" if f.best is None else str(f.best)
    if (f.low, f.high) in ((None, None), (f.best, f.best)):
        return best
    low = "?" if f.low is None else f.low
    high = "?" if f.high is None else f.high
    return f"{best} ({low}-{high})"


def _actors(e: Event) -> str:
    a1 = e.actor1.name if e.actor1 else ""
    a2 = e.actor2.name if e.actor2 else ""
    if a1 and a2:
        return f"{a1} -> {a2}"
    return a1 or (f"-> {a2}" if a2 else "")


def _place(e: Event) -> str:
    loc = e.location
    if loc is None:
        return ""
    return ", ".join(p for p in (loc.name, loc.admin1) if p)


NO_TTY_WIDTH = 160  # columns when the output is a file or a pipe (rich would use 80)


def _table(events: list[Event], out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    tty = out.isatty() if hasattr(out, "isatty") else False
    console = Console(
        file=out,
        width=None if tty else NO_TTY_WIDTH,
        force_terminal=tty,
        no_color=not tty,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    table = Table(box=box.SIMPLE_HEAD if tty else box.ASCII2, show_edge=False, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("type / sub-type")
    table.add_column("actors")
    table.add_column("place")
    table.add_column("cc", no_wrap=True)
    table.add_column("killed", justify="right", no_wrap=True)
    table.add_column("article", no_wrap=True)
    for e in events:
        table.add_row(
            e.date or "-",
            f"{e.event_type} / {e.sub_event_type}" + (" (hedged)" if e.hedged else ""),
            _actors(e),
            _place(e),
            (e.location.country if e.location else None) or "",
            _deaths(e),
            e.article_id or "",
        )
    if events:
        console.print(table)
    console.print(f"{len(events)} event{'s' if len(events) != 1 else ''}")


_WRITERS: dict[str, Callable[[list[Event], TextIO], None]] = {
    "table": _table,
    "csv": _csv,
    "json": _json,
    "jsonl": _jsonl,
    "geojson": _geojson,
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def write_events(events: list[Event], fmt: str, out: TextIO) -> None:
    """Write ``events`` to ``out`` in format ``fmt`` (one of ``FORMATS``)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    writer(list(events), out)


# ------------------------------------------------------------------------ incidents

INCIDENT_FIELDS: tuple[str, ...] = (
    "id",
    "event_type",
    "sub_event_type",
    "date",
    "time_precision",
    *(f"{a}_{k}" for a in ("actor1", "actor2") for k in ("name", "text", "type", "country")),
    "location_name",
    "admin1",
    "admin2",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "geonameid",
    *(f"{n}_{k}" for n in ("fatalities", "injured") for k in ("best", "low", "high")),
    "hedged",
    "reports",
    "articles",
    "stories",
    "sources",
    "source_names",
    "fatalities_by_source",
    "article_ids",
    "event_ids",
)


def _outlet(r: Any) -> str:
    return r.source or r.article_id


def flat_incident(i: Any) -> dict[str, Any]:
    """One ``link.Incident`` as flat fields (``INCIDENT_FIELDS``), named like the
    columns of the ``incidents`` table, plus ``source_names`` (outlets, ``; ``),
    ``fatalities_by_source`` (``outlet: best``, ``; ``), ``article_ids`` and ``event_ids``."""
    d = i.to_dict()
    row: dict[str, Any] = {
        k: d[k] for k in ("id", "event_type", "sub_event_type", "date", "time_precision")
    }
    for a in ("actor1", "actor2"):
        actor = d[a] or {}
        for k in ("name", "text", "type", "country"):
            row[f"{a}_{k}"] = actor.get(k)
    loc = d["location"] or {}
    row["location_name"] = loc.get("name")
    for k in ("admin1", "admin2", "country", "lat", "lon", "geo_precision", "geonameid"):
        row[k] = loc.get(k)
    for n in ("fatalities", "injured"):
        for k in ("best", "low", "high"):
            row[f"{n}_{k}"] = d[n][k]
    reps = i.reports
    row.update(
        hedged=d["hedged"],
        **d["counts"],
        source_names=LIST_SEP.join(dict.fromkeys(_outlet(r) for r in reps)),
        fatalities_by_source=LIST_SEP.join(
            f"{_outlet(r)}: {r.fatalities.best}" for r in reps if r.fatalities.best is not None
        ),
        article_ids=LIST_SEP.join(dict.fromkeys(r.article_id for r in reps)),
        event_ids=LIST_SEP.join(r.event_id for r in reps),
    )
    return row


def _inc_table(found: list[Any], out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    tty = out.isatty() if hasattr(out, "isatty") else False
    console = Console(
        file=out, width=None if tty else NO_TTY_WIDTH, force_terminal=tty, no_color=not tty,
        highlight=False, emoji=False, markup=False, soft_wrap=False,
    )  # fmt: skip
    table = Table(box=box.SIMPLE_HEAD if tty else box.ASCII2, show_edge=False, pad_edge=False)
    for name, kw in (
        ("date", {"no_wrap": True}),
        ("type / sub-type", {}),
        ("actors", {}),
        ("place", {}),
        ("cc", {"no_wrap": True}),
        ("killed", {"justify": "right", "no_wrap": True}),
        ("reports", {"justify": "right", "no_wrap": True}),
        ("sources", {}),
        ("incident", {"no_wrap": True}),
    ):
        table.add_column(name, **kw)
    for i in found:
        outlets = list(dict.fromkeys(_outlet(r) for r in i.reports))
        shown = ", ".join(outlets[:3]) + (f" +{len(outlets) - 3}" if len(outlets) > 3 else "")
        table.add_row(
            i.date or "-",
            f"{i.event_type} / {i.sub_event_type}" + (" (hedged)" if i.hedged else ""),
            _actors(i),
            _place(i),
            (i.location.country if i.location else None) or "",
            _deaths(i),
            str(len(i.reports)),
            shown,
            i.id,
        )
    if found:
        console.print(table)
    console.print(f"{len(found)} incident{'s' if len(found) != 1 else ''}")


def _inc_csv(found: list[Any], out: TextIO) -> None:
    w = csv.DictWriter(out, fieldnames=INCIDENT_FIELDS, lineterminator="\n")
    w.writeheader()
    for i in found:
        w.writerow(flat_incident(i))


def _inc_json(found: list[Any], out: TextIO) -> None:
    json.dump([i.to_dict() for i in found], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _inc_jsonl(found: list[Any], out: TextIO) -> None:
    for i in found:
        out.write(json.dumps(i.to_dict(), ensure_ascii=False))
        out.write("\n")


def _inc_geojson(found: list[Any], out: TextIO) -> None:
    _feature_collection(found, flat_incident, out)


_INCIDENT_WRITERS: dict[str, Callable[[list[Any], TextIO], None]] = {
    "table": _inc_table,
    "csv": _inc_csv,
    "json": _inc_json,
    "jsonl": _inc_jsonl,
    "geojson": _inc_geojson,
}


def write_incidents(found: list[Any], fmt: str, out: TextIO) -> None:
    """Write incidents (``link.Incident``) to ``out`` in format ``fmt`` (one of ``FORMATS``):
    json/jsonl carry every report with the figure its source gave; csv/geojson the
    flat fields (``INCIDENT_FIELDS``)."""
    writer = _INCIDENT_WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    writer(list(found), out)
