"""Where the armed groups an article names operate: a fallback place for its events.

Headlines seldom name the place ("KIA ambushes army convoy"). ``data/geo/
actor_regions.tsv`` says where a group operates (general knowledge: "the Kachin
Independence Army operates in Kachin State"). ``article_regions`` finds the groups
an article names, through its events' actors and its ORG/NORP/GPE/PERSON entities
looked up in the actor dictionary (``strife.actors.lookup``), and through phrase rows
("tribal rebels" in a Bangladeshi article), and resolves each group's region in the
gazetteer. ``actor_countries`` gives the countries of the events' actors, which
the geocoder counts as evidence for the article's country.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from strife.gazetteer import Candidate, Gazetteer
from strife.records import ARMED_TYPES

TABLE = Path(__file__).parent / "data" / "geo" / "actor_regions.tsv"
ACTOR_LABELS = ("ORG", "NORP", "GPE", "PERSON", "FAC", "LOC")
REGION_KINDS = ("admin1", "admin2", "region")
_GROUP = re.compile(
    r"\b((?:[A-Z][\w'’-]+ ){1,3}(?i:rebels|army|forces|militants|guerrillas|fighters|insurgents"
    r"|militia|militiamen))\b"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,6}(?:-[A-Z0-9]{1,3})?\b")


@dataclass(frozen=True)
class Row:
    kind: str  # actor | phrase
    key: str  # canonical actor name, or a lower-case phrase
    region: str  # gazetteer name
    country: str  # ISO 3166-1 alpha-2 of the region


@functools.cache
def rows() -> tuple[Row, ...]:
    with open(TABLE, encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return tuple(
            Row(r["kind"], r["key"], r["region"], r["region_country"])
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        )


@functools.cache
def _phrase_re() -> re.Pattern[str] | None:
    phrases = [r.key for r in rows() if r.kind == "phrase"]
    if not phrases:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def region_candidate(gz: Gazetteer, row: Row) -> Candidate | None:
    """The gazetteer place a row's region names, inside its country."""
    for c in gz.lookup(row.region):
        if c.country == row.country and c.kind in REGION_KINDS and c.lat is not None:
            return c
    return None


def actor_countries(events: list) -> Counter[str]:  # noqa: ANN001 - strife.records.Event
    """How many of the events' named actors belong to each country."""
    out: Counter[str] = Counter()
    for ev in events:
        for actor in (ev.actor1, ev.actor2):
            if actor is not None and actor.country and actor.type != "civilians":
                out[actor.country] += 1
    return out




def group_countries(named: list[str]) -> Counter[str]:
    """The countries of the armed groups among ``named`` (the canonical names the
    article names: a communique of the "Farabundo Marti National Liberation Front"
    that names no country is Salvadoran)."""
    from strife import actors

    out: Counter[str] = Counter()
    for name in named:
        hit = actors.lookup(name)
        if hit is not None and hit.country and hit.type in ARMED_TYPES:
            out[hit.country] += 1
    return out


def named_actors(doc: Doc, text: str, events: list) -> list[str]:  # noqa: ANN001
    """Canonical names of the actors the article names, in order of first mention."""
    from strife import actors  # the actor dictionary (someone else's module)

    names: dict[str, int] = {}
    for ev in events:
        for actor in (ev.actor1, ev.actor2):
            if actor is not None and actor.name:
                names.setdefault(actor.name, ev.trigger.start)
    spans = [
        (e.start_char, e.end_char) for e in doc.ents if e.label_ in ACTOR_LABELS and len(e) <= 8
    ]
    spans += [m.span(1) for m in _GROUP.finditer(text)]  # "Kachin rebels", "Arakan army"
    spans += [m.span() for m in _ACRONYM.finditer(text)]  # "TNLA", "MNDAA" untagged by NER
    for start, end in spans:
        hit = actors.lookup(text[start:end])
        if hit is not None:
            names.setdefault(hit.name, start)
    return [n for n, _ in sorted(names.items(), key=lambda kv: kv[1])]


def article_regions(
    named: list[str],
    text: str,
    gz: Gazetteer,
    main_country: str | None,
) -> dict[str, Candidate]:
    """Canonical actor name (or phrase) -> the region it operates in, for the groups
    among ``named`` (``named_actors``) and the region phrases of ``text``. A group with rows in several countries takes the row of the
    article's main country, else its first row."""
    by_actor: dict[str, list[Row]] = {}
    for r in rows():
        if r.kind == "actor":
            by_actor.setdefault(r.key, []).append(r)
    out: dict[str, Candidate] = {}
    for name in named:
        options = by_actor.get(name)
        if not options:
            continue
        row = next((r for r in options if r.country == main_country), options[0])
        c = region_candidate(gz, row)
        if c is not None:
            out[name] = c
    rx = _phrase_re()
    if rx is not None and main_country:
        for m in rx.finditer(text):
            phrase = m.group(1).lower()
            for r in rows():
                if r.kind == "phrase" and r.key == phrase and r.country == main_country:
                    c = region_candidate(gz, r)
                    if c is not None:
                        out.setdefault(phrase, c)
    return out
