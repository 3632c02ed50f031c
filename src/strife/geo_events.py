"""Event places: where an event happened, from the toponyms ``strife.geo`` resolved.

``event_place`` takes the toponym tied to the event's trigger by the parse ("shot down
over Idlib province", "near Mosul"), else the nearest in the trigger's sentence (a
place inside a country beats the country), in its evidence, the dateline; where that
is only a country or nothing, the region where the event's actors operate
(``strife.geo_actors``); else the actors' or the article's country. ``geo_precision``:
1 a town or facility, 2 near a town or a township, 3 a subdivision, region or country.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from strife.gazetteer import ABBR, NAME, Candidate, Gazetteer
from strife.records import Event, Place

if TYPE_CHECKING:
    from strife.geo import _Mention


def _geo():  # noqa: ANN202 - strife.geo imports this module
    from strife import geo

    return geo


def _near_modifier(doc: Doc, m: _Mention) -> bool:
    """'near Mosul', 'the outskirts of Aleppo', '20 km north of Kirkuk'."""
    s = m.tokens[0]
    window = [t.lower_ for t in doc[max(0, s - 4) : s]]
    return any(w in _geo().NEAR_WORDS for w in window)


# Words through which a place says where someone spoke or reported from, not where the
# event happened ("kidnapped in Colombia, according to family sources in Caracas").
SPEAKER_WORDS = frozenset(
    "according source sources official officials spokesman spokeswoman spokesperson "
    "reporter reporters correspondent correspondents diplomat diplomats embassy".split()
)


def _attached(trigger: Token, m: _Mention, doc: Doc) -> bool:
    """The mention hangs off the trigger (or its verb) through a preposition, not
    through a speaker ("sources in Caracas", "according to officials in Lima")."""
    root = doc[m.tokens[0] : m.tokens[1]].root
    targets = {trigger.i, trigger.head.i}
    if trigger.head.head is not None:
        targets.add(trigger.head.head.i)
    node = root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if head.lower_ in SPEAKER_WORDS and head.i not in targets:
            return False
        if head.i in targets and node.dep_ in (
            "prep",
            "pobj",
            "npadvmod",
            "advmod",
            "nmod",
            "compound",
            "appos",
        ):
            return True
        if (
            head.i in targets
            and node.dep_ in ("dobj", "nsubj", "nsubjpass")
            and root.ent_type_ in _geo().PLACE_LABELS
        ):
            return False
        node = head
    return False


def event_place(
    ev: Event,
    doc: Doc,
    mentions: list[_Mention],
    gz: Gazetteer,
    regions: dict[str, Candidate] | None = None,
    main: str | None = None,
) -> Place | None:
    """The event's own place from the text around its trigger; where that is only a
    country (or nothing), the region its actors operate in; else the country."""
    found = _event_mention(ev, doc, mentions, main)
    foreign = (
        found is not None
        and found.pick is not None
        and found.pick.kind == "country"
        and bool(main)
        and found.pick.country != main
    )
    if foreign and (
        # a foreign country merely named near the event ("A REPORT FROM SPAIN ... THE
        # KILLINGS"): the event is the article's, unless its actors or the parse say so
        found.pick.country not in _actor_countries(ev)
        and (_modifier(doc, found) or not _attached_to(ev, doc, found))
        # "soldiers were killed at the border with Colombia" in a Venezuelan report: the
        # neighbour is named as the other side of the border, not as the event's place
        or _across_border(doc, found)
    ):
        found = None
    own = found.pick if found is not None else None
    if own is not None and own.kind == "city" and own.population < _geo().WEAK_POPULATION:
        # a small namesake abroad ("Muse", Pennsylvania) where the event's own armed
        # group operates in another country: the group's region says more
        theirs = [
            regions[a.name]
            for a in (ev.actor1, ev.actor2)
            if a is not None and regions and a.name in regions
        ]
        if theirs and all(r.country != own.country for r in theirs):
            return _geo()._place(theirs[0], theirs[0].name, 3)
    if own is None or own.kind == "country":
        region = _actor_region(ev, regions or {}, own.country if own is not None else main)
        if region is not None:
            return _geo()._place(region, region.name, 3)
    if found is not None:
        c = found.pick
        assert c is not None
        if c.kind in ("city", "facility"):
            near = found.admin_level == 3 or _near_modifier(doc, found)
            return _geo()._place(c, found.text, 2 if near else 1)
        return _geo()._place(c, found.text, 3)
    # no place in the text near the event: the country of its actors, else the article's
    for actor in (ev.actor1, ev.actor2):
        if actor is not None and actor.country:
            c = gz.country(actor.country)
            if c is not None:
                return _geo()._place(c, c.name, 3)
    if main:
        c = gz.country(main)
        if c is not None:
            return _geo()._place(c, c.name, 3)
    return None


MAIN_DATELINE_WEIGHT = 2.0  # for the main country the dateline counts two names more


def as_modifiers(ctx: Counter[str], doc: Doc, mentions: list[_Mention]) -> Counter[str]:
    """The article's country context for its main country: a country used as an
    adjective ("U.S. citizens", "the U.S. Embassy") counts half (it says whose), the
    dateline's country two names more (a San Salvador interview that names the United
    States nine times is still about El Salvador)."""
    out = Counter(ctx)
    for m in mentions:
        if m.source == "dateline" and m.pick is not None and m.pick.country:
            out[m.pick.country] += MAIN_DATELINE_WEIGHT
        top = m.cands[0] if m.cands else None
        if (
            m.source != "dateline"
            and top is not None
            and top.kind == "country"
            and top.match in (NAME, ABBR)
            and _modifier(doc, m)
        ):
            out[top.country] -= 0.5
    return +out


def _across_border(doc: Doc, m: _Mention) -> bool:
    """'the border with Colombia', 'its frontier with Iraq': the other side."""
    s = m.tokens[0]
    before = [t.lower_ for t in doc[max(0, s - 2) : s]]
    return (
        len(before) == 2 and before[0] in ("border", "frontier", "borders") and before[1] == "with"
    )


def _actor_countries(ev: Event) -> set[str]:
    return {a.country for a in (ev.actor1, ev.actor2) if a is not None and a.country}


def _attached_to(ev: Event, doc: Doc, m: _Mention) -> bool:
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _attached(span.root, m, doc)


def _modifier(doc: Doc, m: _Mention) -> bool:
    """A country name used as an adjective ("U.S. citizens", "the U.S. Embassy"): it
    says whose, not where."""
    if m.pick is None or m.pick.kind != "country":
        return False
    e = m.tokens[1]
    if e >= len(doc):
        return False
    nxt = doc[e]
    return nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and nxt.lower_ not in _NOT_HEADS


_NOT_HEADS = frozenset("province state region department district city border".split())


def _actor_region(
    ev: Event, regions: dict[str, Candidate], country: str | None
) -> Candidate | None:
    """Where the event's actors operate (else the groups the article names), inside
    ``country`` when one is known."""
    own = [regions[a.name] for a in (ev.actor1, ev.actor2) if a is not None and a.name in regions]
    for c in own + list(regions.values()):
        if country is None or c.country == country:
            return c
    return None


def _event_mention(
    ev: Event, doc: Doc, mentions: list[_Mention], main: str | None = None
) -> _Mention | None:
    """The toponym that places the event: tied to its trigger by the parse, else the
    nearest in the trigger's sentence, in its evidence, the dateline."""
    places = [
        m for m in mentions if m.pick is not None and m.pick.lat is not None and m.source != "norp"
    ]
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is not None and len(span):
        trig = span.root
        sent = trig.sent
        in_sent = [m for m in places if sent.start_char <= m.start < sent.end_char]
        attached = [m for m in in_sent if _attached(trig, m, doc)]
        best = None
        if attached:
            # the most specific attached place ("near Saraqeb" over "Idlib province")
            attached.sort(
                key=lambda m: (
                    _geo()._precision(m.pick) if m.pick else 3,
                    abs(m.start - ev.trigger.start),
                )
            )
            best = attached[0]
        elif in_sent:
            in_sent.sort(
                key=lambda m: (
                    _modifier(doc, m),
                    abs(m.start - ev.trigger.start),
                    _geo()._precision(m.pick) if m.pick else 3,
                )
            )
            best = in_sent[0]
        if best is not None and best.pick is not None and best.pick.kind == "country":
            # "in Myanmar's Kokang region": a place inside the country says more
            inner = [
                m
                for m in in_sent
                if m.pick is not None
                and m.pick.kind != "country"
                and m.pick.country == best.pick.country
            ]
            if inner:
                inner.sort(key=lambda m: abs(m.start - ev.trigger.start))
                best = inner[0]
        if best is not None:
            return best
    for ev_span in ev.evidence:
        inside = [m for m in places if ev_span.start <= m.start < ev_span.end]
        if inside:
            inside.sort(key=lambda m: abs(m.start - ev.trigger.start))
            return inside[0]
    for m in places:
        if m.source == "dateline" and (main is None or m.pick.country == main):
            return m  # a dateline abroad ("SAN JOSE, COSTA RICA") is where the report was filed
    return None
