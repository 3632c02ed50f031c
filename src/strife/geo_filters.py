"""Checks that keep place-named words out of the toponyms: ``strife.geo`` asks them.

``not_a_place``: a place name used otherwise (a street, a speaker tag, a name after a
title). ``plausible``: senses the spelling rules out. ``unsupported``: a weak namesake
abroad that nothing in the article supports.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from strife.gazetteer import ABBR, ALT, DEMONYM, NAME, Candidate, haversine_km

if TYPE_CHECKING:
    from strife.geo import _Mention

WEAK_POPULATION = 10_000

STREET_WORDS = frozenset("avenue street road boulevard ave blvd".split())
TITLES = frozenset(
    "colonel col general gen president minister mr mrs ms dr doctor captain capt major "
    "lieutenant lt sergeant sgt commander cmdr father bishop archbishop judge senator "
    "deputy mayor governor ambassador chief brother sister monsignor attorney lawyer".split()
)
STRONG_KINDS = ("country", "admin1")
# words before a name inside an ORG that belong to the place's name or the grammar
NAME_PREFIXES = frozenset(
    "the of de del la el in at and new greater great little upper lower fort port mount "
    "saint st san santa north south east west northern southern eastern western".split()
)


def not_a_place(doc: Doc, s: int, e: int, text: str, upper: bool, cands: list[Candidate]) -> bool:
    """Place-named words used otherwise: a street ("Uruguay Avenue"), a speaker tag at a
    line's start ("[PONCE] I DO NOT THINK SO"), a name after a title ("COLONEL RENE
    EMILIO PONCE", "Gen. Ortega"). Countries and first-level subdivisions by name stay
    for the last two ("President of Colombia" is no person)."""
    if (
        e < len(doc)
        and doc[e].lower_.rstrip(".") in STREET_WORDS
        and (upper or doc[e].text[:1].isupper())
        and not any(c.match == DEMONYM for c in cands)
    ):
        return True
    if any(c.kind in STRONG_KINDS and c.match != ALT for c in cands):
        return False
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        before = text[: start - 1].rstrip(" \t")
        if not before or before.endswith("\n"):
            return True
    i = s - 1
    while i >= 0 and s - i <= 3 and doc[i].is_alpha and doc[i].lower_ not in TITLES:
        if not upper and not doc[i].text[:1].isupper():
            return False
        i -= 1
    return i >= 0 and s - i <= 4 and doc[i].lower_.rstrip(".") in TITLES


def plausible(
    cands: list[Candidate], span_text: str, text: str, end: int, upper: bool
) -> list[Candidate]:
    """Drop senses the spelling rules out: a short word's alternate names ("Ama" is no
    name of Amman), and "La."/"Ky."-style abbreviations written without their dot."""
    out = []
    for c in cands:
        if (
            c.match == ALT
            and c.geonameid is not None
            and len(span_text) <= 3
            and c.kind not in STRONG_KINDS
        ):
            continue
        if (
            c.match == ABBR
            and not upper
            and c.spelling.endswith(".")
            and c.spelling.count(".") == 1
            and not span_text.endswith(".")
            and text[end : end + 1] != "."
        ):
            continue
        out.append(c)
    return out


def unsupported(
    c: Candidate,
    group: list[_Mention],
    ctx: Counter[str],
    top: float,
    upper: bool,
    own: tuple[str, float] | None = None,
) -> bool:
    """A namesake abroad that nothing in the article supports: the article points
    firmly at other countries (two names or more), never at this one, and the name
    is weak -- in ALL-CAPS text a single word (surnames: "RIVERA", "PONCE") or a town
    under 100,000; else a match by another name or a town under 10,000 -- and is no
    capital or city of a million.
    Positional evidence ("X, Y" containment, a dateline) keeps it."""
    if c.kind in ("country", "water", "region") or c.geonameid is None or not c.country:
        return False
    support = ctx.get(c.country, 0.0)
    if own is not None and own[0] == c.country:
        support -= own[1]  # the name's own earlier pick is no support ("RIVERA" x5)
    if top < 2.0 or support > 1e-9:
        return False
    if any(m.source == "dateline" or m.container is not None or m.contained for m in group):
        return False
    if c.feature_code == "PPLC" or c.population >= 1_000_000:
        return False
    if upper:
        return c.population < 100_000 or all(" " not in m.text.strip() for m in group)
    return (
        c.match == ALT
        or c.kind == "city"
        and c.population < WEAK_POPULATION
        or c.kind == "admin2"
        and c.population < 10 * WEAK_POPULATION  # "Haram district" is no Norwegian one
    )


NEAR_KM = 150.0
NEAR_KINDS = ("city", "admin2", "facility")


def coherence(
    groups: dict[str, list[_Mention]], home: dict[str, str | None]
) -> dict[str, dict[str, int]]:
    """The nearby-towns signal, for countries: for each name, the countries where one of
    its senses has more *other* names of the article within 150 km than any of its
    senses in ``home[name]`` (the country of the name's best sense alone), and by how
    many. Only a sense outside the other name's own home supports: "London" (home
    England) and "St. Thomas" (home Jamaica) both have a sense in Ontario: Canada, +1
    for each; "MADRID" and "BOGOTA" give nothing (Bogota's pick does that already).
    Only senses by their own name, of a town, district or facility, at least a
    hundredth the size of the name's biggest sense, count ("Paris" and "Moscow" are
    not the Idaho towns). The signal settles countries, not which of a country's many
    Newarks or Jacksons: every sense in the country gets the same support."""
    senses: dict[str, list[Candidate]] = {}
    for key, group in groups.items():
        cands = list({c.id: c for m in group for c in m.cands}.values())
        biggest = max((c.population for c in cands), default=0)
        senses[key] = [
            c
            for c in cands
            if c.kind in NEAR_KINDS
            and c.match == NAME
            and c.lat is not None
            and c.population * 100 >= biggest
        ]
    out: dict[str, dict[str, int]] = {}
    for key, cands in senses.items():
        name = key.split("@")[0]
        others = [(k, p) for k, p in senses.items() if k.split("@")[0] != name and p]
        at_home, away = 0, Counter[str]()
        for c in cands:
            if c.country == home.get(key):  # home senses: support from every sense
                n = sum(any(_near(c, o) for o in p) for _, p in others)
                at_home = max(at_home, n)
            elif c.country:  # elsewhere: only from senses away from the other's home
                n = sum(any(_near(c, o) for o in p if o.country != home.get(k)) for k, p in others)
                away[c.country] = max(away[c.country], n)
        won = {k: n - at_home for k, n in away.items() if n > at_home}
        if won:
            out[key] = won
    return out


def _near(a: Candidate, b: Candidate) -> bool:
    return haversine_km(a.lat, a.lon, b.lat, b.lon) < NEAR_KM
