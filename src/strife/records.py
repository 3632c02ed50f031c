"""The records that pass between stages (contract: docs/output.md, version 1).

One record type per stage boundary: ``Article`` leaves ingest and clean, ``Event``
(with its ``Actor``, ``Place`` and ``Span`` parts) leaves events, geo and actors,
and ``Result`` is one document's whole output. ``to_dict`` gives the contract's
JSON form; ``from_dict`` reads it back (used by the store and the tests).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}

ACTOR_TYPES = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
    "unknown",
)
ARMED_TYPES = ACTOR_TYPES[:4]  # the armed ones: state forces, rebels, militias


def content_id(text: str, length: int = 16) -> str:
    """A stable id from text: the same article always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(slots=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Actor:
    name: str
    text: str
    type: str = "unknown"
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Place:
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 1
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Toponym:
    """A place name as written in the text, with its resolution (if any)."""

    text: str
    start: int
    end: int
    place: Place

    def to_dict(self) -> dict[str, Any]:
        return {**self.place.to_dict(), "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Count:
    best: int | None = None
    low: int | None = None
    high: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"best": self.best, "low": self.low, "high": self.high}


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    trigger: Span
    evidence: list[Span] = field(default_factory=list)
    date: str | None = None
    time_precision: int = 3
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    weapons: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    hedged: bool = False
    attributed_to: str | None = None
    confidence: float = 0.5
    id: str = ""
    incident_id: str | None = None
    article_id: str | None = None

    def assign_id(self, article_id: str) -> None:
        """Stable id: the same text and settings give the same event id."""
        key = f"{article_id}:{self.trigger.start}:{self.trigger.end}:{self.sub_event_type}"
        self.id = content_id(key)

    def plover(self) -> tuple[str | None, str | None]:
        """The PLOVER event and mode beside the event type (``plover.py``)."""
        from .plover import plover

        return plover(self.sub_event_type, self.weapons, self.platforms)

    def to_dict(self, with_article_id: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            **dict(zip(("plover_event", "plover_mode"), self.plover(), strict=True)),
            "date": self.date,
            "time_precision": self.time_precision,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "weapons": list(self.weapons),
            "platforms": list(self.platforms),
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
            "trigger": self.trigger.to_dict(),
            "evidence": [s.to_dict() for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "incident_id": self.incident_id,
        }
        if with_article_id:
            d["article_id"] = self.article_id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def actor(a: dict[str, Any] | None) -> Actor | None:
            return Actor(**a) if a else None

        return cls(
            id=d.get("id", ""),
            event_type=d["event_type"],
            sub_event_type=d["sub_event_type"],
            date=d.get("date"),
            time_precision=d.get("time_precision", 3),
            actor1=actor(d.get("actor1")),
            actor2=actor(d.get("actor2")),
            location=Place(**d["location"]) if d.get("location") else None,
            fatalities=Count(**d.get("fatalities", {})),
            injured=Count(**d.get("injured", {})),
            weapons=list(d.get("weapons", [])),
            platforms=list(d.get("platforms", [])),
            hedged=bool(d.get("hedged", False)),
            attributed_to=d.get("attributed_to"),
            trigger=Span(**d["trigger"]),
            evidence=[Span(**s) for s in d.get("evidence", [])],
            confidence=float(d.get("confidence", 0.5)),
            incident_id=d.get("incident_id"),
            article_id=d.get("article_id"),
        )


@dataclass(slots=True)
class Article:
    """One input document. ``raw`` is what was read; ``text`` is the clean text
    every offset points into (set by the clean stage)."""

    raw: str
    id: str = ""
    text: str = ""
    content_type: str = "text"  # "text" or "html"
    url: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str = "en"
    origin: str | None = None  # where it came from: a path, "<stdin>", "<api>"
    errors: list[str] = field(default_factory=list)

    def ensure_id(self) -> str:
        if not self.id:
            self.id = content_id(self.raw)
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass(slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Result:
    """One document's whole output: the contract's per-document object."""

    article: Article
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "entities": [e.to_dict() for e in self.entities],
            "toponyms": [t.to_dict() for t in self.toponyms],
            "errors": list(self.errors),
        }
