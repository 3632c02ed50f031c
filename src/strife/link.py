"""Stage 8, link: reports of one real event, across articles, merged into incidents.

An *incident* is one real event; each of its *reports* is an event that strife
found in one article. Linking has four steps:

1. near-duplicates (``dedup.py``): wire copies and republished stories are found
   with MinHash LSH and grouped into stories;
2. blocking (``_Blocks``): each event is filed under its type family, country,
   a 2-degree grid cell and a date bucket sized by its ``time_precision``, and
   only events in neighbouring blocks are compared, so the cost grows with the
   number of events times the (small) number of neighbours, not its square;
3. scoring (``score_pair``): a pair that passes the gates (same family, dates
   within the window of their time precision, places within the distance their
   geo precision allows, same country) gets points for agreeing sub-type,
   date, place, actors, death toll, the wording of the evidence and the names
   the two articles share; a pair at ``LINK_THRESHOLD`` or more is a link, kept
   with its score and its reasons;
4. incidents (``cluster``): connected components of the links. Each is named
   by its smallest member event id (``incident_id``), so the same input in any
   order gives the same incidents, and a new article only joins or merges the
   incidents its events link to (``link_store``), without touching the rest.
   ``reconcile`` then fills each incident's fields from its reports: deaths
   low = lowest credible figure, high = highest, best = the lowest credible
   non-zero figure (the conservative rule); the earliest credible date; the
   most precise place; and every source with the figure it gave.

Scores are a sum of named parts so that every link can say why it was made.
The corpus scores and the scaling figures are in ``docs/incidents.md``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import TYPE_CHECKING, Any

from strife.dedup import components
from strife.records import Actor, Count, Event, Place, content_id

if TYPE_CHECKING:
    from strife.store import Store

__all__ = [
    "LINK_THRESHOLD",
    "Incident",
    "Link",
    "LinkItem",
    "LinkSummary",
    "Report",
    "cluster",
    "find_links",
    "incident_id",
    "link_store",
    "reconcile",
    "score_pair",
]

# ------------------------------------------------------------------ tuned constants

LINK_THRESHOLD = 2.6  # 2.2 let same-type riots in one capital two years apart link on
# place and type alone; 3.0 lost the ECB+ killings whose articles name the victim once
DATE_WINDOW = {1: 1, 2: 7, 3: 31}  # days two reports may differ, by the looser time_precision
# (1 day: "overnight" and time zones move a date by one; a week; a month)
NEAR_KM = {1: 25.0, 2: 60.0}  # km two places may be apart, by the looser geo_precision
# (a named town: its suburbs and the next village; "near X": the district around it)
CELL_DEG = 2.0  # blocking grid; 3x3 cells cover at least 2 degrees (~220 km) >= NEAR_KM
W_TYPE = {"sub": 1.0, "type": 0.6, "family": 0.3}  # same sub-type / type / family
W_DATE = 1.0  # same day; within the window of a coarser precision, less
DAY_APART = -0.25  # one day apart at precision 1: allowed ("overnight", time zones) but
# it takes more agreement: at +0.3 the next day's bombing in the same town linked
NAMES_OTHER_DAY = 0.5  # names count half when the dates differ: a governor or a
# spokesman is quoted on every event in his town
W_PLACE = 1.0  # same place; falls with distance; halved when a date is missing (two
# riots in one capital at unknown times say little: ECB+ Athens 2008 and 2010)
W_ACTOR = 0.8  # per side (actor1, actor2) naming the same specific actor
W_TOLL = 0.4  # the same death toll; very different tolls cost as much
W_WORDS = 1.5  # x Jaccard similarity of the evidence wording
W_NAMES = 3.0  # x cosine similarity of the names the two articles mention
NAMES_MASS = 4.0  # shared name weight for full credit: a person's first and last name
W_DUPLICATE = 2.0  # the two articles are near-duplicates (one story)
UNDATED_MIN_NAMES = 0.1  # an undated report links only when the two articles share
# names (people, organisations, facilities): nothing else places it in time
SAME_ARTICLE_MIN = 2.5  # two events of one article merge only on type, place and actors

FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "unrest",
    "Riots": "unrest",
}  # Strategic developments: each sub-type is its own family (an arrest is not the attack)

GENERIC_ACTORS = re.compile(
    r"^(unidentified|unknown|civilians|protesters|rioters|police forces|military forces|"
    r"government|militia)\b",
    re.I,
)
NAME_LABELS = {
    "PERSON": 2.0,
    "ORG": 1.0,
    "FAC": 1.5,
    "EVENT": 1.5,
    "NORP": 0.2,
    "GPE": 0.3,
    "LOC": 0.3,
}
# a victim's or a suspect's name says most about which event an article is about;
# countries and nationalities are shared by every report from one country
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
STOP = frozenset(
    """a about after against all also an and any are as at be been before being between both but
    by can could did do does during each for from had has have he her here him his how if in
    into is it its just more most no not now of on one only or other our out over said says
    she so some such than that the their them then there these they this those through to
    under up was we were what when where which while who whom why will with would you your
    mr mrs ms told according reported report reports news people police officials""".split()
)


def family(event_type: str, sub_event_type: str) -> str:
    return FAMILIES.get(event_type) or f"strategic:{sub_event_type}"


def _words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 2 and w not in STOP}


def names_vector(entities: Iterable[tuple[str, str]]) -> dict[str, float]:
    """An article's names as a weighted bag of words, from its (label, text) entities:
    weight = mean label weight x (1 + log of the times it is mentioned)."""
    counts: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    for label, text in entities:
        w = NAME_LABELS.get(label)
        if w is None:
            continue
        for tok in _words(text):
            counts[tok] += 1
            weight[tok] += w
    # the mean label weight: "Athens" tagged ORG once and GPE nine times is a place
    return {t: weight[t] / n * (1.0 + math.log(n)) for t, n in counts.items()}


def _cosine(a: Mapping[str, float], b: Mapping[str, float], na: float, nb: float) -> float:
    """Cosine similarity of two name vectors, scaled down when what they share
    weighs less than ``NAMES_MASS`` (two headlines that name only "Bangladesh"
    have a cosine of 1 and say nothing about being one event)."""
    if not a or not b or not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = mass = 0.0
    for k, v in a.items():
        w = b.get(k)
        if w is not None:
            dot += v * w
            mass += min(v, w)
    return dot / (na * nb) * min(1.0, mass / NAMES_MASS)


# ------------------------------------------------------------------------ records


@dataclass(slots=True)
class LinkItem:
    """What linking needs to know of one event (built by ``LinkItem.of``)."""

    event_id: str
    article_id: str
    family: str
    event_type: str
    sub_event_type: str
    day: int | None = None  # date as a proleptic ordinal
    time_precision: int = 3
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    place: str | None = None  # the location's name, lower case
    actors: tuple[str | None, str | None] = (None, None)  # canonical names, lower case
    fatalities: int | None = None
    words: frozenset[str] = frozenset()  # wording of trigger and evidence
    names: dict[str, float] = field(default_factory=dict)  # the article's names
    names_norm: float = 0.0
    duplicates: frozenset[str] = frozenset()  # ids of articles that are copies of this one

    @classmethod
    def of(
        cls,
        e: Event,
        names: dict[str, float] | None = None,
        duplicates: Iterable[str] = (),
    ) -> LinkItem:
        loc = e.location
        item = cls(
            event_id=e.id,
            article_id=e.article_id or "",
            family=family(e.event_type, e.sub_event_type),
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            day=_date.fromisoformat(e.date).toordinal() if e.date else None,
            time_precision=e.time_precision or 3,
            actors=tuple(a.name.lower() if a and a.name else None for a in (e.actor1, e.actor2)),  # type: ignore[arg-type]
            fatalities=e.fatalities.best,
            words=frozenset(_words(" ".join([e.trigger.text, *(s.text for s in e.evidence)]))),
            duplicates=frozenset(duplicates),
        )
        if loc is not None:
            item.country, item.admin1 = loc.country, loc.admin1
            item.lat, item.lon = loc.lat, loc.lon
            item.geo_precision, item.geonameid = loc.geo_precision, loc.geonameid
            item.place = loc.name.lower() if loc.name else None
        item.set_names(names or {})
        return item

    def set_names(self, names: dict[str, float]) -> None:
        self.names = names
        self.names_norm = math.sqrt(sum(v * v for v in names.values()))

    @property
    def fine_place(self) -> bool:
        """Coordinates of a town or a spot near one (geo_precision 1-2)."""
        return self.lat is not None and self.lon is not None and (self.geo_precision or 3) <= 2


@dataclass(frozen=True, slots=True)
class Link:
    """Two events reported as one incident (``a < b``), with the score and its reasons."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...]


# ------------------------------------------------------------------------ scoring


def _km(a: LinkItem, b: LinkItem) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def gate(a: LinkItem, b: LinkItem) -> bool:
    """Could these two be one event at all? Symmetric; checked before scoring."""
    if a.family != b.family or a.event_id == b.event_id:
        return False
    if a.article_id == b.article_id and a.sub_event_type != b.sub_event_type:
        return False
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > DATE_WINDOW[max(a.time_precision, b.time_precision)]:
            return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.fine_place and b.fine_place:
        if _km(a, b) > NEAR_KM[max(a.geo_precision or 1, b.geo_precision or 1)]:
            return False
    elif (
        a.admin1
        and b.admin1
        and a.admin1 != b.admin1
        and (a.geo_precision or 3) <= 3
        and (b.geo_precision or 3) <= 3
        and (a.fine_place or b.fine_place or a.geo_precision == b.geo_precision)
    ):
        return False  # two different provinces
    return True


def _date_part(a: LinkItem, b: LinkItem) -> tuple[float, str | None]:
    if a.day is None or b.day is None:
        return 0.0, None
    gap = abs(a.day - b.day)
    if gap == 0:
        return W_DATE, "same date"
    window = DATE_WINDOW[max(a.time_precision, b.time_precision)]
    if window == 1:
        return DAY_APART, "dates 1 day apart"
    return W_DATE * (1 - gap / (window + 1)), f"dates {gap} days apart"


def _place_part(a: LinkItem, b: LinkItem) -> tuple[float, str | None]:
    w = W_PLACE if a.day is not None and b.day is not None else W_PLACE / 2
    if a.fine_place and b.fine_place:
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return w, "same place"
        km = _km(a, b)
        limit = NEAR_KM[max(a.geo_precision or 1, b.geo_precision or 1)]
        return w * max(0.0, 1 - km / limit), f"places {km:.0f} km apart"
    if a.admin1 and a.admin1 == b.admin1:
        return 0.3 * w, f"same region ({a.admin1})"
    if a.country and a.country == b.country:
        return 0.1 * w, None
    return 0.0, None


def _actor_part(a: LinkItem, b: LinkItem) -> tuple[float, list[str]]:
    score, why = 0.0, []
    for x, y in zip(a.actors, b.actors, strict=True):
        if x and y and x == y:
            if GENERIC_ACTORS.match(x) or x in (a.place, b.place):
                score += 0.15 * W_ACTOR
            else:
                score += W_ACTOR
                why.append(f"same actor ({x})")
    return score, why


def _toll_part(a: LinkItem, b: LinkItem) -> tuple[float, str | None]:
    x, y = a.fatalities, b.fatalities
    if x is None or y is None:
        return 0.0, None
    if x == y:
        return W_TOLL, f"same death toll ({x})"
    lo, hi = sorted((x, y))
    if lo > 0 and lo / hi >= 0.5:
        return W_TOLL / 2, f"close death tolls ({lo} and {hi})"
    if lo / hi < 0.25 and hi - lo >= 3:
        return -W_TOLL, f"different death tolls ({lo} and {hi})"
    return 0.0, None


def score_pair(a: LinkItem, b: LinkItem) -> tuple[float, list[str]]:
    """The link score of two events that passed ``gate``, and its reasons."""
    reasons: list[str] = []
    if a.sub_event_type == b.sub_event_type:
        score = W_TYPE["sub"]
        reasons.append(f"same sub-event type ({a.sub_event_type})")
    elif a.event_type == b.event_type:
        score = W_TYPE["type"]
        reasons.append(f"same event type ({a.event_type})")
    else:
        score = W_TYPE["family"]
    for part in (_date_part(a, b), _place_part(a, b), _toll_part(a, b)):
        score += part[0]
        if part[1]:
            reasons.append(part[1])
    s, why = _actor_part(a, b)
    score += s
    reasons += why
    if a.words and b.words:
        jac = len(a.words & b.words) / len(a.words | b.words)
        if jac >= 0.05:
            score += W_WORDS * jac
            reasons.append(f"evidence wording {jac:.2f}")
    cos = 0.0
    if a.article_id != b.article_id:
        cos = _cosine(a.names, b.names, a.names_norm, b.names_norm)
        if cos >= 0.05:
            other_day = a.day is not None and b.day is not None and a.day != b.day
            score += W_NAMES * cos * (NAMES_OTHER_DAY if other_day else 1.0)
            shared = sorted(
                set(a.names) & set(b.names), key=lambda t: (-a.names[t] - b.names[t], t)
            )
            reasons.append(f"names shared {cos:.2f} ({', '.join(shared[:4])})")
        if b.article_id in a.duplicates:
            score += W_DUPLICATE
            reasons.append("near-duplicate articles")
        elif (a.day is None or b.day is None) and cos < UNDATED_MIN_NAMES:
            score = min(score, LINK_THRESHOLD - 0.001)
            reasons.append("undated, and the articles share no names")
        elif a.sub_event_type != b.sub_event_type and a.day != b.day and a.day and b.day:
            # two disagreements (a missile one day, a drone the next) make two events
            score = min(score, LINK_THRESHOLD - 0.001)
            reasons.append("another sub-event type on another day")
    return score, reasons


def _accept(a: LinkItem, b: LinkItem, score: float) -> bool:
    if a.article_id == b.article_id:
        return score >= max(SAME_ARTICLE_MIN, LINK_THRESHOLD)
    return score >= LINK_THRESHOLD


# ----------------------------------------------------------------------- blocking


class _Blocks:
    """Events filed by family -> country -> grid cell -> date bucket.

    Cells: ``CELL_DEG`` squares for places of precision 1-2, ``"*"`` for the rest
    (a region, a country or no coordinates). Date buckets: ``(p, day //
    DATE_WINDOW[p])`` for a date of precision p, ``"u"`` for no date. ``near``
    returns a superset of the events that can pass ``gate`` with an event, so
    blocking never loses a link (tests check this against all pairs)."""

    def __init__(self) -> None:
        self.tree: dict[str, dict[str, dict[Any, dict[Any, list[int]]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        )
        self.items: list[LinkItem] = []

    @staticmethod
    def _cell(it: LinkItem) -> Any:
        if it.fine_place:
            return (math.floor(it.lat / CELL_DEG), math.floor(it.lon / CELL_DEG))  # type: ignore[operator]
        return "*"

    @staticmethod
    def _bucket(it: LinkItem) -> Any:
        if it.day is None:
            return "u"
        p = it.time_precision
        return (p, it.day // DATE_WINDOW[p])

    def add(self, it: LinkItem) -> int:
        i = len(self.items)
        self.items.append(it)
        self.tree[it.family][it.country or ""][self._cell(it)][self._bucket(it)].append(i)
        return i

    def _buckets(self, it: LinkItem, times: dict[Any, list[int]]) -> Iterator[list[int]]:
        if it.day is None:
            yield from times.values()
            return
        if "u" in times:
            yield times["u"]
        for p in (1, 2, 3):
            window = DATE_WINDOW[max(p, it.time_precision)]
            size = DATE_WINDOW[p]
            for k in range((it.day - window) // size, (it.day + window) // size + 1):
                got = times.get((p, k))
                if got:
                    yield got

    def near(self, it: LinkItem) -> Iterator[int]:
        fam = self.tree.get(it.family)
        if not fam:
            return
        countries = [it.country, ""] if it.country else list(fam)
        for c in countries:
            cells = fam.get(c)
            if not cells:
                continue
            if self._cell(it) == "*":
                chosen = list(cells.values())
            else:
                cy, cx = self._cell(it)
                chosen = [
                    cells[k]
                    for k in ((cy + dy, cx + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
                    if k in cells
                ]
                if "*" in cells:
                    chosen.append(cells["*"])
            for times in chosen:
                for ids in self._buckets(it, times):
                    yield from ids


def find_links(items: Sequence[LinkItem], new: Iterable[str] | None = None) -> list[Link]:
    """Links among ``items``: every pair when ``new`` is None, else only pairs
    with at least one event id in ``new`` (the others were linked before)."""
    blocks = _Blocks()
    for it in items:
        blocks.add(it)
    fresh = None if new is None else set(new)
    links: list[Link] = []
    for i, a in enumerate(blocks.items):
        if fresh is not None and a.event_id not in fresh:
            continue
        for j in set(blocks.near(a)):
            b = blocks.items[j]
            if fresh is not None and b.event_id in fresh and b.event_id < a.event_id:
                continue  # two new events: scored once, from the smaller id
            if fresh is None and j <= i:
                continue
            if not gate(a, b):
                continue
            score, reasons = score_pair(a, b)
            if _accept(a, b, score):
                x, y = sorted((a.event_id, b.event_id))
                links.append(Link(x, y, round(score, 3), tuple(reasons)))
    links.sort(key=lambda lk: (lk.a, lk.b))
    return links


def candidate_pairs(items: Sequence[LinkItem], new: Iterable[str]) -> list[tuple[int, int]]:
    """Index pairs (new, other) that pass ``gate``: what ``link_store`` scores after it
    has loaded the wording and names of just these events."""
    blocks = _Blocks()
    for it in items:
        blocks.add(it)
    fresh = set(new)
    out = []
    for i, a in enumerate(blocks.items):
        if a.event_id not in fresh:
            continue
        for j in set(blocks.near(a)):
            b = blocks.items[j]
            if b.event_id in fresh and b.event_id < a.event_id:
                continue
            if gate(a, b):
                out.append((i, j))
    return out


# ------------------------------------------------------------------------ clusters


def incident_id(member_ids: Iterable[str]) -> str:
    """An incident's id: derived from its smallest member event id, so it does not
    depend on the order in which the reports arrived."""
    return content_id("incident:" + min(member_ids))


def cluster(event_ids: Iterable[str], links: Iterable[Link]) -> dict[str, str]:
    """Event id -> incident id: connected components of ``links`` over ``event_ids``
    (an event without links is an incident of one report), named from the smallest
    event id of each component."""
    roots = components(event_ids, ((lk.a, lk.b) for lk in links))
    return {e: incident_id([r]) for e, r in roots.items()}


# ---------------------------------------------------------------------- reconcile


@dataclass(slots=True)
class Report:
    """One report of an incident: an event and where it was published."""

    event_id: str
    article_id: str
    story_id: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    date: str | None = None
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    hedged: bool = False
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "story_id": self.story_id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "date": self.date,
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
        }


@dataclass(slots=True)
class Incident:
    """One real event, reconciled from its reports (see ``reconcile``)."""

    id: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    time_precision: int | None = None
    location: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    hedged: bool = False  # every report is hedged
    reports: list[Report] = field(default_factory=list)

    @property
    def n_articles(self) -> int:
        return len({r.article_id for r in self.reports})

    @property
    def n_stories(self) -> int:
        return len({r.story_id or r.article_id for r in self.reports})

    @property
    def n_sources(self) -> int:
        """Distinct outlets (an article without a source counts as its own)."""
        return len({r.source or f"article:{r.article_id}" for r in self.reports})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date,
            "time_precision": self.time_precision,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "hedged": self.hedged,
            "counts": {
                "reports": len(self.reports),
                "articles": self.n_articles,
                "stories": self.n_stories,
                "sources": self.n_sources,
            },
            "reports": [r.to_dict() for r in self.reports],
        }


def _counts(counts: list[Count]) -> Count:
    """low = lowest figure, high = highest, best = the lowest non-zero best (0 only
    when every report that gives a figure says nobody died)."""
    given = [c for c in counts if c.best is not None or c.low is not None or c.high is not None]
    if not given:
        return Count()
    lows = [c.low if c.low is not None else c.best for c in given]
    highs = [c.high if c.high is not None else c.best for c in given]
    bests = [c.best for c in given if c.best is not None]
    nonzero = [b for b in bests if b > 0]
    best = min(nonzero) if nonzero else (0 if bests else None)
    low = min((x for x in lows if x is not None), default=best)
    high = max((x for x in highs if x is not None), default=best)
    if best is not None:
        low = min(low, best) if low is not None else best
        high = max(high, best) if high is not None else best
    return Count(best=best, low=low, high=high)


def _most_common(values: Iterable[Any], key: Any = None) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], key(v) if key else str(v)))


def reconcile(
    iid: str, events: Sequence[Event], articles: Mapping[str, Mapping[str, Any]] | None = None
) -> Incident:
    """An incident from its reports. ``articles`` maps article id to its metadata
    (source, url, title, published, story_id).

    Credible reports are those not hedged (all of them when every one is hedged).
    Deaths and injured: see ``_counts``. Date: the earliest among the credible
    reports with the finest time precision. Place: the most precise (lowest
    geo_precision), then the one most reports give. Type and actors: what most
    reports say (ties: specific before unidentified, then by name)."""
    articles = articles or {}
    evs = sorted(events, key=lambda e: e.id)
    credible = [e for e in evs if not e.hedged] or evs
    dated = [e for e in credible if e.date]
    day, precision = None, None
    if dated:
        precision = min(e.time_precision for e in dated)
        day = min(e.date for e in dated if e.time_precision == precision)  # type: ignore[type-var]
    placed = [e.location for e in credible if e.location] or [e.location for e in evs if e.location]
    loc = None
    if placed:
        fine = min(p.geo_precision for p in placed)  # type: ignore[union-attr]
        names = Counter(p.name for p in placed if p.geo_precision == fine)  # type: ignore[union-attr]
        loc = min(
            (p for p in placed if p.geo_precision == fine),  # type: ignore[union-attr]
            key=lambda p: (-names[p.name], p.lat is None, p.name),  # type: ignore[union-attr]
        )
    sub = _most_common(e.sub_event_type for e in credible)
    etype = next(e.event_type for e in credible if e.sub_event_type == sub)

    def actor(n: str) -> Actor | None:
        acts = [getattr(e, n) for e in credible if getattr(e, n)]
        name = _most_common(
            (a.name for a in acts), key=lambda v: (bool(GENERIC_ACTORS.match(v)), v)
        )
        return next((a for a in acts if a.name == name), None)

    reports = []
    for e in evs:
        meta = articles.get(e.article_id or "", {})
        reports.append(
            Report(
                event_id=e.id,
                article_id=e.article_id or "",
                story_id=meta.get("story_id"),
                source=meta.get("source"),
                url=meta.get("url"),
                title=meta.get("title"),
                published=meta.get("published"),
                date=e.date,
                fatalities=e.fatalities,
                injured=e.injured,
                hedged=e.hedged,
                attributed_to=e.attributed_to,
            )
        )
    reports.sort(key=lambda r: (r.published or "9999", r.article_id, r.event_id))
    return Incident(
        id=iid,
        event_type=etype,
        sub_event_type=sub,
        date=day,
        time_precision=precision,
        location=loc,
        actor1=actor("actor1"),
        actor2=actor("actor2"),
        fatalities=_counts([e.fatalities for e in credible]),
        injured=_counts([e.injured for e in credible]),
        hedged=all(e.hedged for e in evs),
        reports=reports,
    )


# ------------------------------------------------------------------ the store path


@dataclass
class LinkSummary:
    events: int = 0  # new events linked
    links: int = 0  # new links stored
    duplicates: int = 0  # new near-duplicate article pairs
    incidents: int = 0  # incidents written (new or changed)


def link_store(store: Store, article_ids: Iterable[str] | None = None) -> LinkSummary:
    """Link the events of ``article_ids`` (default: every article whose events have
    no incident yet) into the stored incidents, and store the result.

    Only the new events are compared (with everything stored, through the blocks);
    an existing incident changes only when a new event links to it."""
    from strife import dedup

    summary = LinkSummary()
    new_articles = sorted(
        set(article_ids) if article_ids is not None else store.unlinked_articles()
    )
    if not new_articles:
        return summary
    # 1. near-duplicates and stories
    sigs = {aid: dedup.signature(text) for aid, text in store.article_texts(new_articles).items()}
    old_sigs = {k: dedup.from_bytes(v) for k, v in store.signatures().items() if k not in sigs}
    pairs = dedup.find_near_duplicates(sigs, old_sigs)
    summary.duplicates = len(pairs)
    # stories: the new articles, plus every story a new copy joins, regrouped
    old_story = store.story_of({x for p in pairs for x in (p.a, p.b)} - set(sigs))
    story_ids = set(old_story.values())
    members = set(sigs) | set(old_story) | set(store.story_members(story_ids)) | story_ids
    known = store.story_of(members - set(sigs))
    glue_dups = [
        dedup.NearDuplicate(*sorted((m, sid)), 1.0) for m, sid in known.items() if m != sid
    ]
    story_map = dedup.stories(members, [*pairs, *glue_dups])
    store.add_duplicates({k: dedup.to_bytes(v) for k, v in sigs.items()}, pairs, story_map)
    dup_of: dict[str, set[str]] = defaultdict(set)
    for a, b in store.duplicate_pairs(new_articles):
        dup_of[a].add(b)
        dup_of[b].add(a)
    # 2. blocking over every stored event; gates first, wording and names only for pairs
    rows = store.link_events()
    items = [LinkItem.of(e) for e in rows]
    new_set = {e.id for e in rows if e.article_id in set(new_articles)}
    summary.events = len(new_set)
    pairs_ij = candidate_pairs(items, new_set)
    need = {items[i].event_id for p in pairs_ij for i in p} | new_set
    need_articles = {it.article_id for it in items if it.event_id in need}
    full = {e.id: e for e in store.events_by_id(sorted(need))}
    names = {
        a: names_vector(ents) for a, ents in store.article_entities(sorted(need_articles)).items()
    }
    for more in store.duplicate_pairs(sorted(need_articles)):
        dup_of[more[0]].add(more[1])
        dup_of[more[1]].add(more[0])
    by_id: dict[str, LinkItem] = {}
    for eid in need:
        e = full[eid]
        by_id[eid] = LinkItem.of(
            e, names.get(e.article_id or "", {}), dup_of.get(e.article_id or "", ())
        )
    links = []
    for i, j in pairs_ij:
        a, b = by_id[items[i].event_id], by_id[items[j].event_id]
        score, reasons = score_pair(a, b)
        if _accept(a, b, score):
            x, y = sorted((a.event_id, b.event_id))
            links.append(Link(x, y, round(score, 3), tuple(reasons)))
    summary.links = len(links)
    # 3. incidents: the new events, plus every incident they link to, regrouped
    current = {e.id: e.incident_id for e in rows}
    touched = {
        current[x] for lk in links for x in (lk.a, lk.b) if current.get(x) and x not in new_set
    }
    members = set(new_set) | set(store.incident_members(sorted(touched)))
    glue = [Link(*sorted((m, root)), 0.0, ()) for m, root in _old_groups(members, current, new_set)]
    assign = cluster(members, [*links, *glue])
    events_all = {e.id: e for e in store.events_by_id(sorted(members - set(full)))} | full
    groups: dict[str, list[Event]] = defaultdict(list)
    for eid, iid in assign.items():
        groups[iid].append(events_all[eid])
    arts = store.article_meta(
        sorted({e.article_id for g in groups.values() for e in g if e.article_id})
    )
    incidents = [reconcile(iid, evs, arts) for iid, evs in sorted(groups.items())]
    summary.incidents = len(incidents)
    store.set_incidents(assign, incidents, links, drop=sorted(touched))
    return summary


def _old_groups(
    members: Iterable[str], current: Mapping[str, str | None], new: set[str]
) -> Iterator[tuple[str, str]]:
    """Keep the members of each touched incident together: (member, first member)."""
    first: dict[str, str] = {}
    for m in sorted(members):
        iid = current.get(m)
        if m in new or not iid:
            continue
        if iid in first:
            yield m, first[iid]
        else:
            first[iid] = m
