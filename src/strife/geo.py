"""Geocoding: find the place names in an article, resolve them, and place its events.

``geocode(doc, events, article, gazetteer)`` works in four steps:

1. Recognise toponyms: spaCy GPE/LOC/FAC entities; NORP demonyms ("Russian" ->
   Russia); "X province/governorate/oblast..." phrases; the dateline ("KABUL —",
   "SAN SALVADOR, 20 NOV 89 (RADIO ...) --"); and capitalised (or, in ALL-CAPS
   texts, any) token sequences that match a strong gazetteer name where NER missed
   them or called them ORG/PERSON after a locative preposition.
2. Resolve each name among its gazetteer candidates: containment ("Idlib, Syria",
   "Springfield, Ill."), the countries the article names most, the subdivisions it
   names, nearness to the other places, then feature type and population (country >
   first-level subdivision > big city > small town). One name keeps one sense per
   article unless a container says otherwise. A name that resolves to nothing is
   kept with null coordinates.
3. Place each event: the toponym tied to its trigger by the parse ("over Idlib
   province", "near Mosul"), else the nearest toponym in its sentence, in its
   evidence, the dateline, the article's main place; else the country of its actors
   or of the article (``geo_precision`` 3).
4. Return the toponyms (offsets into ``article.text``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from strife import geo_actors, geo_events, geo_filters
from strife.gazetteer import ABBR, ALT, DEMONYM, NAME, Candidate, Gazetteer, haversine_km, normalize
from strife.records import ARMED_TYPES, Article, Event, Place, Toponym

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities NER may give to a place name; taken as places only after a locative preposition.
MISLABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
ADMIN_DESIGNATORS = {
    "province": 1,
    "governorate": 1,
    "oblast": 1,
    "state": 1,
    "region": 1,
    "prefecture": 1,
    "department": 1,
    "division": 1,
    "district": 2,
    "county": 2,
    "sub-district": 2,
    "subdistrict": 2,
    "upazila": 2,
    "tehsil": 2,
    "township": 3,
    "states": 1,
    "municipality": 2,
    "raion": 2,
    "parish": 2,
    "canton": 2,
}
# "Agua Grande village", "Kfraya village": the name is a town's, never a district's.
TOWN_DESIGNATORS = frozenset(("village", "hamlet"))
TOWN_LEVEL = 4
# Designators after which an unknown capitalised word is still listed as a place.
TRUE_DESIGNATORS = frozenset(
    "province governorate oblast district county township upazila sub-district tehsil raion".split()
)
FACILITY_WORDS = frozenset(
    "air base airbase airfield airport camp refugee crossing border dam port naval facility".split()
)
LOCATIVE_PREPS = frozenset(
    "in at near over outside from to into across around inside towards toward through "
    "of on off along between within throughout".split()
)
NEAR_WORDS = frozenset(
    "near outside outskirts around close nearby vicinity edge north south east west "
    "northeast northwest southeast southwest northern southern eastern western "
    "north-east north-west south-east south-west km kilometres kilometers miles "
    "suburb suburbs part parts area areas countryside".split()
)
CONNECTORS = frozenset(
    {"of", "de", "del", "la", "el", "al", "-", "on", "upon", "am", "an", "da", "do", "du"}
)
# A bare capitalised word taken from the gazetteer without NER's help must name a
# country, first-level subdivision, curated place or a town this large: 50k kept
# "Mobile"/"Reading"-like words out on the dev texts while still catching state capitals.
SCAN_MIN_POPULATION = 50_000
LOCATIVE_MIN_POPULATION = 5_000  # ... or this large after "in"/"near"/"to"
# Words that are capitalised at sentence start or in headlines and also name places.
STOP_NAMES = frozenset(
    "a an the this that these those he she it we they i you his her its our their my "
    "mr mrs ms dr sir president minister police army government monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december god lord new old north south east west central "
    "university hospital church city state county province district region street road "
    "but and or if as so not no yes all one two three many some more most can will states".split()
)
# Dateline-shaped openings that name no place ("CLANDESTINE, 7 FEB 89 (RADIO ...) --").
NOT_DATELINE_PLACES = frozenset(
    "clandestine no city no place undated update analysis breaking exclusive editorial "
    "opinion correction commentary".split(" ")
) | {"no city", "no place"}
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.\- ]{1,40}?[A-Z.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,25}?))?"
    r"(?:,\s*(?:\d{1,2}\s+[A-Z]{3,9}\.?\s+\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"(?:,\s*(?:Reuters?|REUTERS?|AFP|AP|UPI|Xinhua|XINHUA|PTI|IANS|dpa|DPA|EFE|ANSA)\b)?"
    r"\s*(?:\([^)\n]{1,80}\)\s*)?(?:--|—|–|-|:)(?:\s|(?=\())"
)
# after a headline, only the dash forms ("TORRINGTON — Mayor ...")
LATER_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.\- ]{1,40}?[A-Z.])(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,25}?))?"
    r"\s*(?:--|—|–)\s"
)
HEADLINE_END = re.compile(r"[a-z][.!?]\s+(?=[A-Z]{3,}[A-Z'.\- ]*(?:,[^\n]{1,25}?)?\s*(?:--|—|–)\s)")


@dataclass(eq=False)
class _Mention:
    start: int
    end: int
    text: str
    cands: list[Candidate]
    source: str  # ner, norp, scan, dateline
    admin_level: int = 0  # 1/2 when followed by "province"/"district"...
    container: _Mention | None = None
    contained: bool = False  # this mention is the container of another
    pick: Candidate | None = None
    score: float = 0.0
    tokens: tuple[int, int] = (0, 0)  # token range in the doc
    alternatives: list[Candidate] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalize(self.text)


# ----------------------------------------------------------------------------- public


def geocode(doc: Doc, events: list[Event], article: Article, gazetteer: Gazetteer) -> list[Toponym]:
    """Recognise and resolve the article's toponyms and set ``event.location`` for each event.

    ``doc`` must be the spaCy Doc of ``article.text``. Returns every toponym found, in
    text order, resolved where possible (lat/lon null where not).
    """
    text = article.text
    mentions = _recognise(doc, text, gazetteer)
    actor_ctx = geo_actors.actor_countries(events)
    _resolve(mentions, text, actor_ctx)
    toponyms = [Toponym(m.text, m.start, m.end, _place(m.pick, m.text)) for m in mentions]
    if events:
        ctx = _country_context(mentions) + _scaled(actor_ctx)
        ctx = geo_events.as_modifiers(ctx, doc, mentions)
        main = ctx.most_common(1)[0][0] if ctx else None
        named = geo_actors.named_actors(doc, text, events)
        if main is None:  # no country named: the armed groups the article names say whose
            groups = geo_actors.group_countries(named)
            main = groups.most_common(1)[0][0] if groups else None
        regions = geo_actors.article_regions(named, text, gazetteer, main)
        for ev in events:
            ev.location = geo_events.event_place(ev, doc, mentions, gazetteer, regions, main)
    return toponyms


def _designator_at(doc: Doc, i: int) -> int:
    """The level a designator word at ``doc[i]`` gives the name before it ("Karak
    district" 2, "Agua Grande village" a town), 0 when there is none."""
    if i >= len(doc):
        return 0
    word = doc[i].lower_
    return ADMIN_DESIGNATORS.get(word) or (TOWN_LEVEL if word in TOWN_DESIGNATORS else 0)


def _scaled(actor_ctx: Counter[str]) -> Counter[str]:
    """Actors' countries as context: a country whose actors act counts like one name."""
    return Counter({k: min(1.0, 0.5 * v) for k, v in actor_ctx.items()})


# ----------------------------------------------------------------------------- recognition


def _is_upper_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _capitalised(tok: Token, upper_text: bool) -> bool:
    t = tok.text
    if not t[:1].isalpha():
        return False
    if upper_text:
        return t.isupper() or t[:1].isupper()
    return t[:1].isupper() and not (t.isupper() and len(t) > 4 and tok.ent_type_ == "")


def _lookup_strong(
    gz: Gazetteer, span_text: str, upper_text: bool, after_comma: bool, in_ner: bool
) -> list[Candidate]:
    """Candidates for a span found by scanning, if it is a strong enough name."""
    cands = gz.lookup(span_text)
    if not cands:
        return []
    out = []
    for c in cands:
        if c.match == ABBR:
            if c.mode == "after_comma" and not after_comma:
                continue
            if c.mode == "exact" and c.spelling != span_text:
                continue
            if c.spelling != span_text and not (upper_text and c.mode != "exact"):
                # "US" but not "us"; "Ky." but not "KY." unless the text is all caps
                if c.spelling.replace(".", "") != span_text.replace(".", ""):
                    continue
            out.append(c)
        elif c.match == DEMONYM:
            out.append(c)
        elif c.geonameid is None:  # the project's curated places: strong by choice
            out.append(c)
        elif c.match == NAME or in_ner:
            kind = c.kind
            if kind in ("country", "admin1"):
                out.append(c)
            elif kind == "city" and c.population >= SCAN_MIN_POPULATION:
                out.append(c)
            elif kind == "admin2" and normalize(span_text).endswith(
                (" county", " parish", " district")
            ):
                out.append(c)
            elif in_ner or after_comma:
                out.append(c)
    return out


EDGE_WORDS = frozenset(
    "north south east west northern southern eastern western central far upper lower greater "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    "downtown rural metro inner outer mid n. s. e. w. ne. nw. se. sw.".split()
)
TAIL_WORDS = frozenset(
    "valley area region basin coast city county district province borough".split()
)
MUNICIPAL_WORDS = frozenset("city town village county municipality borough township".split())


def _inner_name(doc: Doc, s: int, e: int, gz: Gazetteer, upper: bool) -> list[Candidate]:
    """Candidates for "Far North Queensland", "Western Canada", "Peace River Valley":
    the name left after cutting direction words in front and area words behind."""
    while s < e - 1 and doc[s].lower_ in EDGE_WORDS:
        s += 1
        cands = gz.lookup(doc[s:e].text)
        if cands:
            return cands
    while e > s + 1 and doc[e - 1].lower_ in TAIL_WORDS:
        e -= 1
        cands = gz.lookup(doc[s:e].text)
        if cands:
            return cands
    # "U.S. District Court": a strong name at the start
    for k in range(e - 1, s, -1):
        if doc[k].text in ("'s", "’s"):
            continue  # "St. Michael's Hospital" is no Saint Michael parish
        cands = _lookup_strong(gz, doc[s:k].text, upper, False, False)
        if cands:
            outer = _named_container(doc, k, e, gz)
            if outer:
                # "San Carlos de Guatemala": a San Carlos inside Guatemala, else Guatemala
                inside = [c for c in gz.lookup(doc[s:k].text) if _within(c, outer)]
                return inside or outer
            return cands
    return []


def _named_container(doc: Doc, k: int, e: int, gz: Gazetteer) -> list[Candidate]:
    """The country or subdivision named by "de Guatemala" / "of Antioquia" at doc[k:e]."""
    if e - k < 2 or doc[k].lower_ not in ("de", "del", "of"):
        return []
    return [
        c
        for c in gz.lookup(doc[k + 1 : e].text)
        if c.kind in ("country", "admin1") and c.match in (NAME, ABBR)
    ]


def _within(c: Candidate, outer: list[Candidate]) -> bool:
    return any(
        c.id != o.id and c.country == o.country and (o.kind == "country" or c.admin1 == o.admin1)
        for o in outer
    )


def _trim(span: Span) -> tuple[int, int]:
    """Token range of an entity without a leading "the" and a trailing "'s"."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’") or doc[e - 1].is_punct):
        e -= 1
    return s, e


def _locative(doc: Doc, s: int) -> bool:
    """The token range starting at ``s`` follows a locative preposition or "town of"."""
    i = s - 1
    while i >= 0 and doc[i].lower_ in (
        "the",
        "a",
        "an",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
    ):
        i -= 1
    if i < 0:
        return False
    w = doc[i].lower_
    if w in LOCATIVE_PREPS and w != "of":
        return True
    if (
        w == "of"
        and i > 0
        and doc[i - 1].lower_
        in (
            "town",
            "towns",
            "city",
            "cities",
            "village",
            "villages",
            "province",
            "region",
            "capital",
            "district",
            "outskirts",
            "suburbs",
            "governorate",
            "state",
            "county",
            "north",
            "south",
            "east",
            "west",
            "port",
            "area",
        )
    ):
        return True
    return False


# Place words that are also ordinary words once case is lost (ALL-CAPS text).
# A direction word alone is not a place ("Northern" is no Ugandan region in "northern
# Shan State"), only with a designator ("Northern Province").
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west".split()
)
HYPHENATED = re.compile(
    r"^([A-Z][\w.]*?)-(?i:led|based|backed|born|funded|brokered|sponsored|trained|owned|run|"
    r"made|bound|controlled|held|allied|wide)$"
)
# "Central American", "South African", "Latin American": a compound demonym
DEMONYM_PREFIXES = frozenset(
    "central latin north south east west northeast northwest southeast southwest".split()
)
UPPER_AMBIGUOUS = frozenset(
    "us man mir most buy male split nice reading unity lakes central free rivers plateau "
    "delta coast mafia peace independence liberty victoria".split()
)
US_NOUNS = frozenset(
    "embassy government army troops officials official president forces congress ambassador "
    "citizens citizen aid military state department administration senate navy marines "
    "intervention imperialism advisers advisors".split()
)


def _upper_filter(
    doc: Doc, s: int, e: int, cands: list[Candidate], level: int, after_comma: bool
) -> list[Candidate] | None:
    """ALL-CAPS text: NER and the scan see every word as a name, so keep a span only if
    its position says place (after a locative preposition, before "province", in
    "X, Y"), or it is a strong name: a country, a first-level subdivision or curated
    place by its own name, or a city of 100,000+. None = not a place."""
    words = doc[s:e]
    key = normalize(words.text)
    if key == "us":  # "U.S." keeps its dots; a bare "US" is the pronoun unless "THE US ..."
        nxt = doc[e].lower_ if e < len(doc) else ""
        ok = "." in words.text or (s > 0 and doc[s - 1].lower_ == "the") or nxt in US_NOUNS
        return cands if ok else None
    if key in UPPER_AMBIGUOUS:
        return cands if level or (_locative(doc, s) and doc[s - 1].lower_ != "to") else None
    if level or after_comma:
        return cands
    if _locative(doc, s):  # "IN ACAJUTLA": any place by its own name
        named = [c for c in cands if c.match != ALT or c.geonameid is None]
        return named or None
    strong = [
        c
        for c in cands
        if c.match == DEMONYM
        or c.geonameid is None
        or c.match in (NAME, ABBR)
        and (
            c.kind == "country"
            or c.kind == "admin1"
            and normalize(c.name) == key
            or c.kind == "city"
            and c.population >= 100_000
        )
    ]
    return strong or None


_NO_PLACE = Candidate(-1, None, "", None, None, None, None, None, "", "", 0)  # placeholder


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    return list({c.id: c for c in cands}.values())


def _acronym_like(doc: Doc, s: int, e: int, upper: bool) -> bool:
    """One ALL-CAPS word of up to five letters in ordinary text: an acronym ("LIB",
    "KIA"), a place only as a listed abbreviation ("UAE", "DRC")."""
    return not upper and e - s == 1 and doc[s].text.isupper() and 2 <= len(doc[s].text) <= 5


def _hyphen_partner(doc: Doc, i: int, gz: Gazetteer) -> bool:
    """doc[i] is joined by a hyphen ("Middlesex-London") to a state or a big city."""
    for j, h in ((i + 2, i + 1), (i - 2, i - 1)):
        if not (0 <= j < len(doc)) or doc[h].text != "-" or doc[h].whitespace_:
            continue
        if doc[min(i, j)].whitespace_:
            continue
        w = doc[j]
        if (
            w.is_alpha
            and w.text[:1].isupper()
            and any(
                c.match == NAME
                and (c.kind == "admin1" or c.kind == "city" and c.population >= 100_000)
                for c in gz.lookup(w.text)
            )
        ):
            return True
    return False


def _armed_group(text: str, ent: Span) -> bool:
    return _names_armed_group(text[ent.start_char : ent.end_char])


@functools.lru_cache(maxsize=4096)
def _names_armed_group(mention: str) -> bool:
    """Is this mention a known armed group? (cached: the scan asks once per token)"""
    from strife import actors  # the actor dictionary (someone else's module)

    hit = actors.lookup(mention)
    return hit is not None and hit.type in ARMED_TYPES


# Words after a town's name in the name of its institutions ("Bantam Superior Court",
# "Brant OPP", "Enfield Council"): the town's name stays a place there.
INSTITUTION_WORDS = frozenset(
    "superior court council police county city regional municipal fire mayor district "
    "provincial magistrates crown public school schools hospital".split()
)


def _name_goes_on(doc: Doc, e: int, inside: list[str]) -> bool:
    """The capitalised words after doc[:e] continue a person's or organisation's name
    ("Paris Hilton"), not an institution of the place ("Bantam Superior Court")."""
    if e >= len(doc) or not inside[e] or not doc[e].text[:1].isupper():
        return False
    nxt = doc[e]
    return not (nxt.lower_ in INSTITUTION_WORDS or nxt.text.isupper() and len(nxt.text) <= 5)


def _subdivisions(gz: Gazetteer, name: str) -> list[Candidate]:
    return [c for c in gz.lookup(name) if c.kind in ("admin1", "admin2") and c.match == NAME]


def _bare_designator(doc: Doc, s: int, e: int, upper: bool) -> bool:
    """The designator "Canton" in "Galera Quemada Canton": the designator of a name before it, not
    the place (Guangzhou) it also names."""
    return (
        e - s == 1
        and doc[s].lower_ in ADMIN_DESIGNATORS
        and s > 0
        and doc[s - 1].is_alpha
        and _capitalised(doc[s - 1], upper)
        and doc[s - 1].lower_ not in STOP_NAMES
        and not doc[s].is_sent_start
    )


def _extend(doc: Doc, s: int, e: int, gz: Gazetteer, upper: bool) -> int:
    """An entity NER cut short ("Hill" of "Hill Tracts"): take up to two more
    capitalised words when the longer name is a curated place or a country/subdivision."""
    for extra in (2, 1):
        if e + extra > len(doc):
            continue
        words = doc[e : e + extra]
        if not all((upper or _capitalised(t, upper)) and t.is_alpha for t in words):
            continue
        if words[0].lower_ in ADMIN_DESIGNATORS:
            continue  # the designator is read below ("U.S. District Court" is no district)
        longer = gz.lookup(doc[s : e + extra].text)
        if any(c.geonameid is None or c.kind in ("country", "admin1") for c in longer):
            return e + extra
        if longer and extra == 1 and doc[e - 1].text in ("St.", "Ste.", "Mt.", "Ft.", "Pt."):
            return e + 1  # "Fort St." + "John": no name ends in "St."
    return e


def _recognise(doc: Doc, text: str, gz: Gazetteer) -> list[_Mention]:
    upper = _is_upper_text(text[:3000])
    taken = [False] * len(doc)
    mentions: list[_Mention] = []
    blocked = [False] * len(doc)  # tokens of multi-word PERSON names and titles of works
    inside: list[str] = [""] * len(doc)  # tokens inside ORG/PERSON/... entities
    ent_first = [0] * len(doc)  # first token of the entity a token lies in
    ent_end = [0] * len(doc)  # and its end

    def add(
        s: int, e: int, cands: list[Candidate], source: str, admin_level: int = 0
    ) -> _Mention | None:
        if s >= e or any(taken[s:e]):
            return None
        if not admin_level and all(t.lower_ in DIRECTIONS for t in doc[s:e]):
            return None
        if (
            cands
            and s > 0
            and all(c.match == DEMONYM for c in cands)
            and doc[s - 1].lower_ in DEMONYM_PREFIXES
            and _capitalised(doc[s - 1], upper)
            and not taken[s - 1]
        ):
            # "Central American University": no American place; "Latin American": a region
            longer = [c for c in gz.lookup(doc[s - 1 : e].text) if c.match == DEMONYM]
            if longer:
                cands, s = longer, s - 1
            elif any(c.kind == "country" for c in cands):
                return None
        span = doc[s:e]
        if admin_level == TOWN_LEVEL:  # "Agua Grande village": a town, not a district
            cands = [c for c in cands if c.kind in ("city", "facility") or c.geonameid is None]
        if source != "dateline":
            if geo_filters.not_a_place(doc, s, e, text, upper, cands):
                return None
            kept = geo_filters.plausible(
                cands, text[span.start_char : span.end_char], text, span.end_char, upper
            )
            if cands and not kept:
                return None
            cands = kept
        m = _Mention(
            span.start_char,
            span.end_char,
            text[span.start_char : span.end_char],  # the original, never the re-cased copy
            cands,
            source,
            admin_level,
            tokens=(s, e),
        )
        for i in range(s, e):
            taken[i] = True
        mentions.append(m)
        return m

    # dateline first: it is a place by position even when NER calls it ORG
    dm = DATELINE.match(text)
    if dm is None and not upper:
        # a headline first: "Mason charged with assault. BANTAM — A Danbury mason ..."
        hm = HEADLINE_END.search(text[:300])
        if hm is not None:
            dm = LATER_DATELINE.match(text, hm.end())  # an upper-case place only
    if dm and dm.group("place").strip():
        ps, pe = dm.span("place")
        span = doc.char_span(ps, pe, alignment_mode="expand")
        if span is not None and len(span) <= 5:
            cands = gz.lookup(span.text)
            cands = [c for c in cands if c.match != DEMONYM]
            if cands or normalize(span.text) not in NOT_DATELINE_PLACES:
                add(span.start, span.end, cands, "dateline")
            if dm.group("region"):
                rs, re_ = dm.span("region")
                rspan = doc.char_span(rs, re_, alignment_mode="expand")
                if rspan is not None and len(rspan) <= 4:
                    rc = _lookup_strong(gz, rspan.text, upper, True, True)
                    if rc:
                        add(rspan.start, rspan.end, rc, "dateline")
                    elif rspan.text != text[rs:re_] and not any(taken[rspan.start : rspan.end]):
                        # "LOUISVILLE, KY--(Marketwire": the state glued to what follows
                        rc = _lookup_strong(gz, text[rs:re_], upper, True, True)
                        if rc:
                            mentions.append(
                                _Mention(rs, re_, text[rs:re_], rc, "dateline",
                                         tokens=(rspan.start, rspan.end))
                            )  # fmt: skip
                            for k in range(rspan.start, rspan.end):
                                taken[k] = True

    for ent in doc.ents:
        if ent.label_ in ("PERSON", "PRODUCT") and len(ent) > 1 or ent.label_ == "WORK_OF_ART":
            for i in range(ent.start, ent.end):
                blocked[i] = True
        elif ent.label_ in MISLABELS and ent.label_ != "NORP":
            for i in range(ent.start, ent.end):
                inside[i] = ent.label_
                ent_first[i] = ent.start
                ent_end[i] = ent.end
        s, e = _trim(ent)
        if s >= e:
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELS and ent.label_ != "NORP"):
            # split "Idlib, Syria" and "Springfield, Ill." that NER tagged as one
            parts: list[tuple[int, int]] = []
            cur = s
            # "the towns of Haris and Varzaqan" (one ORG): two names, unless the whole is
            # one ("Bosnia and Herzegovina")
            seps = (",", "and") if _locative(doc, s) and not gz.lookup(doc[s:e].text) else (",",)
            for i in range(s, e):
                if doc[i].text in seps:
                    parts.append((cur, i))
                    cur = i + 1
            parts.append((cur, e))
            for ps, pe in parts:
                if ps >= pe:
                    continue
                if _bare_designator(doc, ps, pe, upper):
                    continue
                level = 0
                municipal = False
                if (
                    pe - ps > 2
                    and doc[ps].lower_ in MUNICIPAL_WORDS
                    and doc[ps + 1].lower_ == "of"
                    and doc[ps + 2].text[:1].isupper()
                ):
                    # "the City of Montreal", "County of Brant": the place is the name
                    level = 2 if doc[ps].lower_ == "county" else 0
                    municipal = True
                    ps += 2
                pe = _extend(doc, ps, pe, gz, upper)  # "Hill" + "Tracts"
                stext = doc[ps:pe].text
                bare = pe
                last = doc[pe - 1].lower_
                if last in ADMIN_DESIGNATORS and pe - ps > 1:
                    level = ADMIN_DESIGNATORS[last]
                    bare = pe - 1
                elif (after := _designator_at(doc, pe)) and not any(
                    c.kind == "country" for c in gz.lookup(stext)
                ):  # "U.S. District Court" is no district; "a Nigeria village" is in Nigeria
                    level = after
                    pe += 1
                    stext = doc[ps:pe].text
                cands = gz.lookup(stext)
                if municipal:  # "the City of Turkey" is a town, not the country
                    cands = [c for c in cands if c.kind != "country"]
                if level and not cands or level == 3:  # "Kutkai township": the town
                    cands = _dedupe(cands + gz.lookup(doc[ps:bare].text))
                elif level in (1, 2):  # "Karak district": Jordan's Karak, or Pakistan's
                    cands = _dedupe(cands + _subdivisions(gz, doc[ps:bare].text))
                if _acronym_like(doc, ps, bare, upper):  # "LIB 543" is no island
                    cands = [c for c in cands if c.match in (ABBR, DEMONYM) or c.kind == "country"]
                    if not cands:
                        continue
                if ent.label_ in PLACE_LABELS and not cands:
                    cands = _inner_name(doc, ps, pe, gz, upper)
                if ent.label_ in PLACE_LABELS:
                    cands = [c for c in cands if c.match != DEMONYM]
                    if ent.label_ == "FAC" and not cands:
                        continue
                    after_comma = ps > 0 and doc[ps - 1].text == ","
                    if ps != s:  # second part of "X, Y": abbreviations allowed
                        after_comma = True
                    if upper:
                        kept = _upper_filter(doc, ps, pe, cands, level, after_comma)
                        if kept is None:
                            continue
                        cands = kept
                    cands = [
                        c
                        for c in cands
                        if c.match != ABBR or _lookup_strong(gz, stext, upper, after_comma, True)
                    ]
                    add(ps, pe, cands, "ner", level)
                else:
                    # ORG/PERSON...: a place only after a locative word, with strong candidates
                    if (
                        (
                            level
                            or _locative(doc, ps)
                            or ps != s
                            and doc[ps - 1].lower_ == "and"
                            and _locative(doc, s)
                        )
                        and ent.label_ != "PERSON"
                        or (
                            ent.label_ == "PERSON"
                            and _locative(doc, ps)
                            and doc[ps - 1].lower_ not in ("of", "to", "by", "from", "with")
                        )
                    ):
                        strong = _lookup_strong(gz, stext, upper, False, True)
                        if level in (1, 2):
                            strong = _dedupe(strong + _subdivisions(gz, doc[ps:bare].text))
                        strong = [c for c in strong if c.match != DEMONYM]
                        if strong and upper:
                            strong = _upper_filter(doc, ps, pe, strong, level, False) or []
                        if strong:
                            for i in range(ps, pe):
                                blocked[i] = False
                            add(ps, pe, strong, "ner", level)
        elif ent.label_ == "NORP":
            cands = [c for c in gz.lookup(doc[s:e].text) if c.match == DEMONYM]
            nxt = doc[e].lower_ if e < len(doc) else ""
            if nxt in ADMIN_DESIGNATORS or (_locative(doc, s) and not cands):
                # "Kachin State", "in Kachin": the people's name as their region's
                level = ADMIN_DESIGNATORS.get(nxt, 0)
                named = [c for c in gz.lookup(doc[s:e].text) if c.match == NAME]
                named = [c for c in named if c.kind in ("admin1", "region", "country")]
                if named:
                    add(s, e + (1 if level else 0), named, "ner", level)
                    continue
            if cands:
                add(s, e, cands, "norp")

    # "U.S.-led", "Syria-based": a country or state glued to a participle in one token
    for i, tok in enumerate(doc):
        hm = HYPHENATED.match(tok.text)
        if hm is None or taken[i]:
            continue
        cands = [
            c
            for c in gz.lookup(hm.group(1))
            if c.kind in ("country", "admin1") and c.match in (NAME, ABBR)
        ]
        if cands:
            end = tok.idx + len(hm.group(1))
            mentions.append(
                _Mention(tok.idx, end, text[tok.idx : end], cands, "scan", tokens=(i, i + 1))
            )
            taken[i] = True

    # scan capitalised sequences NER missed
    n = len(doc)
    i = 0
    while i < n:
        if taken[i] or blocked[i] or not _capitalised(doc[i], upper) or doc[i].lower_ in STOP_NAMES:
            i += 1
            continue
        found = False
        for length in range(min(5, n - i), 0, -1):
            e = i + length
            if any(taken[i:e]) or any(blocked[i:e]):
                continue
            last = doc[e - 1]
            if not _capitalised(last, upper) and last.text not in (".",):
                continue
            if any(
                not (_capitalised(t, upper) or t.lower_ in CONNECTORS or t.text in (".", "'s"))
                for t in doc[i:e]
            ):
                continue
            span = doc[i:e]
            stext = span.text
            after_comma = i > 1 and doc[i - 1].text == "," and taken[i - 2]
            if length == 1 and doc[i].is_sent_start and not upper and doc[i].pos_ not in ("PROPN",):
                continue
            cands = _lookup_strong(gz, stext, upper, after_comma, False)
            if not cands and length == 1 and _hyphen_partner(doc, i, gz):
                # "Middlesex-London EMS", "Kitchener-Waterloo": a place joined to a place
                cands = [
                    c
                    for c in gz.lookup(stext)
                    if c.kind in ("admin1", "admin2") or c.kind == "city" and c.match == NAME
                ]
            if not cands and not upper and _locative(doc, i) and not inside[i]:
                # "rape and loot on Rohingya in Maungdaw": after a locative preposition
                # a district, or a town of some size, by its own name
                cands = [
                    c
                    for c in gz.lookup(stext)
                    if c.match in (NAME, ALT)
                    and (c.kind == "admin2" or c.kind == "city" and c.match == NAME
                         and c.population >= LOCATIVE_MIN_POPULATION)
                ]  # fmt: skip
            if (
                e < n
                and doc[e].lower_ in TRUE_DESIGNATORS
                and length <= 2
                and not inside[i]
                and not _acronym_like(doc, i, e, upper)
            ):
                # "Kutkai township", "Paletwa township": the designator makes it a place
                cands = _dedupe(cands + gz.lookup(stext)) or [_NO_PLACE]
            if cands and _acronym_like(doc, i, e, upper):
                cands = [c for c in cands if c.match in (ABBR, DEMONYM) or c.kind == "country"]
            if cands and upper:
                cands = _upper_filter(doc, i, e, cands, 0, after_comma) or []
            if cands and upper and inside[i] == "PERSON" and not _locative(doc, i):
                cands = []
            if (
                cands
                and upper
                and inside[i] == "ORG"
                and i > ent_first[i]
                and e < n
                and inside[e] == "ORG"
                and ent_first[e] == ent_first[i]
                and doc[i - 1].is_alpha
                and doc[i - 1].text[:1].isupper()
                and doc[i - 1].lower_ not in geo_filters.NAME_PREFIXES
            ):
                # "Manuel Rodriguez Patriotic Front": a name in the middle of an
                # organisation's name, after another name, is a place only if strong
                cands = [
                    c for c in cands if c.kind in geo_filters.STRONG_KINDS or c.geonameid is None
                ]
            if (
                cands
                and inside[i] == "ORG"
                and ent_end[i] - ent_first[i] > e - i
                and _armed_group(text, doc[ent_first[i] : ent_end[i]])
            ):
                # "Manuel Rodriguez Patriotic Front": a town's name inside a group's name
                # is the group's; its region or country still places it ("Kachin ...")
                cands = [c for c in cands if c.kind in ("country", "admin1", "region")]
            if cands and inside[i] in ("PERSON", "PRODUCT"):
                # a one-word PERSON that is a country, state, big city or curated place
                # ("Edmonton said", "while Heathrow and Gatwick reported")
                cands = [
                    c
                    for c in cands
                    if c.kind in ("country", "admin1")
                    or c.population >= 100_000
                    or c.geonameid is None
                ]
            if not cands or _bare_designator(doc, i, e, upper):
                continue
            # "Khmeimim air base", "Zaatari camp": take the facility word along
            for extra in (3, 2, 1):
                if e + extra <= n and all(t.lower_ in FACILITY_WORDS for t in doc[e : e + extra]):
                    longer = gz.lookup(doc[i : e + extra].text)
                    if longer and any(c.geonameid is None for c in longer):
                        cands, e = longer, e + extra
                        break
            level = _designator_at(doc, e)
            if level and any(c.kind == "country" for c in cands):
                level = 0
            elif level:
                e += 1
            src = "norp" if all(c.match == DEMONYM for c in cands) else "scan"
            if src == "scan":
                # strength decided recognition; resolution may still pick a small namesake
                strong_ids = {c.id for c in cands}
                cands = cands + [
                    c
                    for c in gz.lookup(stext)
                    if c.id not in strong_ids and c.match in (NAME, ALT) and c.kind != "country"
                ]
            add(i, e, [c for c in cands if c is not _NO_PLACE], src, level)
            i = e
            found = True
            break
        if not found:
            i += 1
    # "of Hugo, Oklahoma": a town named before its state or country, whatever NER said
    for b in list(mentions):
        bs = b.tokens[0]
        outer = [c for c in b.cands if c.kind == "admin1" and c.match in (NAME, ABBR)]
        if not outer or bs < 2 or doc[bs - 1].text != ",":
            continue
        j = bs - 1
        for k in range(max(0, j - 3), j):
            run = doc[k:j]
            if any(taken[k:j]) or not all(t.is_alpha and t.text[:1].isupper() for t in run):
                continue
            towns = [
                c
                for c in gz.lookup(run.text)
                if c.kind in ("city", "admin2") and c.match == NAME and _within(c, outer)
            ]
            if towns and add(k, j, towns, "scan") is not None:
                break
    if not upper:
        # one sense per discourse: a name the article uses as a place is a place in its
        # other capitalised uses too ("born in Churchill, Man." ... "a Churchill doctor";
        # "BANTAM —" ... "Bantam Superior Court")
        known = {
            m.key: m
            for m in mentions
            if m.cands and m.source in ("ner", "scan", "dateline") and m.container is None
        }
        n = len(doc)
        for i in range(n):
            if taken[i] or blocked[i] or inside[i] == "PERSON" or not _capitalised(doc[i], upper):
                continue
            for length in (3, 2, 1):
                e = i + length
                if e > n or any(taken[i:e]) or any(blocked[i:e]):
                    continue
                m = known.get(normalize(doc[i:e].text))
                if (
                    m is not None
                    and doc[e - 1].text[:1].isupper()
                    and not _name_goes_on(doc, e, inside)
                ):
                    add(i, e, list(m.cands), m.source if m.source != "dateline" else "scan")
                    break
    if upper:  # the re-casing may have lower-cased a nationality ("TWO BANGLADESHIS SHOT")
        for i, tok in enumerate(doc):
            if taken[i] or blocked[i] or not tok.is_alpha or len(tok) < 4 or tok.text[:1].isupper():
                continue
            cands = [c for c in gz.lookup(tok.text) if c.match == DEMONYM]
            if cands:
                add(i, i + 1, cands, "norp")
    mentions.sort(key=lambda m: m.start)
    return mentions


# ----------------------------------------------------------------------------- resolution


# Evidence weights, in the units of _base_score (13 per tenfold population).
CONTEXT_WEIGHT = 60.0  # the article's main country; 45 left London, Ont. in England
ADMIN1_WEIGHT = 25.0  # the candidate lies in a subdivision the article names
DATELINE_WEIGHT = 2.0  # the dateline's country, in names: it counts as two more mentions
WEAK_POPULATION = geo_filters.WEAK_POPULATION
DEMONYM_WEIGHT = 0.5  # a nationality adjective points at its country half as much as its name
NEAR_WEIGHT = 30.0  # within 150 km of another place the article names (half within 500 km)
COHERENCE_WEIGHT = 30.0  # per other name nearer in that country than at home (two at most)
KIND_BASE = {
    "country": 100.0,
    "admin1": 62.0,
    "admin2": 30.0,
    "region": 70.0,
    "water": 70.0,
    "facility": 66.0,
}


def _base_score(c: Candidate, m: _Mention) -> float:
    kind = c.kind
    if kind == "city":
        s = 13.0 * math.log10(c.population + 10)
        if c.feature_code == "PPLC":
            s += 30.0
        if c.population >= 1_000_000:
            s += 15.0  # world cities: "New York" is the city
    elif kind == "admin1":
        s = KIND_BASE["admin1"] + 5.0 * math.log10(c.population + 10)
    elif kind == "admin2":
        s = KIND_BASE["admin2"] + 5.0 * math.log10(c.population + 10)
    elif kind == "country":
        s = KIND_BASE["country"] + 2.0 * math.log10(c.population + 10)
    else:
        s = KIND_BASE[kind]
    if c.match == ALT:
        s -= 12.0 if c.population > 100_000 or kind != "city" else 20.0
    if m.admin_level == TOWN_LEVEL:
        pass  # only towns are left ("X village")
    elif m.admin_level == 3:  # "X township": the township or the town it is named after
        s += 10.0 if kind in ("admin2", "city") else -30.0
    elif m.admin_level:
        want = "admin1" if m.admin_level == 1 else "admin2"
        if kind == want:
            s += 60.0
        elif kind in ("admin1", "admin2"):
            s += 40.0
        else:
            s -= 30.0
    return s


def _country_context(mentions: list[_Mention]) -> Counter[str]:
    """How strongly the article points at each country: countries and demonyms named,
    and names whose candidates all lie in one country."""
    ctx: Counter[str] = Counter()
    for m in mentions:
        if not m.cands:
            continue
        top = m.cands[0]
        countries = {c.country for c in m.cands if c.country}
        if m.source == "dateline" and top.country:
            ctx[top.country] += DATELINE_WEIGHT  # where the reporter filed from
        elif top.kind == "country" and top.match in (NAME, ABBR) and top.country:
            ctx[top.country] += 1.0
        elif top.match == DEMONYM and top.country:
            ctx[top.country] += DEMONYM_WEIGHT  # "Spanish Jesuits": people, not a place
        elif len(countries) == 1:
            ctx[countries.pop()] += 1.0
        elif top.kind == "admin1" and top.match in (NAME, ABBR) and top.country:
            ctx[top.country] += 0.7
    return ctx


def _apply_containers(mentions: list[_Mention], text: str) -> None:
    """'Idlib, Syria', 'Louisville, Ky.': the second name contains the first."""
    for j, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
        nxt = mentions[j + 2] if j + 2 < len(mentions) else None
        between = text[a.end : b.start]
        if between in ("'s ", "’s ") and a.cands and b.source != "norp":
            _possessive(a, b)
            continue
        if between.strip() != "," or not a.cands or not b.cands:
            continue
        if any(c.kind == "country" and c.match in (NAME, ABBR) for c in a.cands) and all(
            c.kind == "country" for c in b.cands
        ):
            continue  # "in Russia, U.S. officials said": a list, not "Lebanon, Pa."
        inner = []
        outer_ok = []
        for bc in b.cands:
            if bc.kind not in ("country", "admin1", "admin2"):
                continue
            for ac in a.cands:
                if ac.id == bc.id:
                    continue
                if (
                    bc.kind == "country"
                    and ac.country == bc.country
                    or bc.kind == "admin1"
                    and (ac.country == bc.country and ac.admin1 == bc.admin1)
                    or bc.kind == "admin2"
                    and ac.country == bc.country
                    and ac.admin2 == bc.admin2
                ):
                    inner.append(ac)
                    outer_ok.append(bc)
        if inner:
            a.cands = list(dict.fromkeys(inner))
            b.cands = list(dict.fromkeys(outer_ok))
            a.container = b
            b.contained = True
        elif not any(c.kind == "country" for c in a.cands) and _plain_container(b, nxt, text):
            # "Santa Fe, Antioquia Department" with no Santa Fe known there: somewhere in
            # that department, not a namesake abroad
            a.cands = [c for c in b.cands if c.kind in ("country", "admin1", "admin2")]
            a.container = b
            b.contained = True


def _possessive(a: _Mention, b: _Mention) -> None:
    """ "Giza's Haram district", "Cairo's Abbasiya neighbourhood", "Myanmar's Kokang
    region": the second place lies in the first one's country; with no sense there,
    it is somewhere in the first place."""
    outer = [
        c
        for c in a.cands
        if c.kind in ("country", "admin1", "admin2", "city") and c.match in (NAME, ABBR)
    ]
    if not outer or any(c.kind == "country" for c in b.cands):
        return
    countries = {c.country for c in outer}
    inner = [c for c in b.cands if c.country in countries]
    if inner:
        b.cands = inner
    else:
        b.cands = list(outer)
        b.container = a
        a.contained = True


def _plain_container(b: _Mention, nxt: _Mention | None, text: str) -> bool:
    """The second name of "X, Y" is surely X's container, not the next item of a list:
    a subdivision named with its designator ("Antioquia Department") or by a postal
    abbreviation ("Man.", "Ky."), and no list goes on after it ("X, Y and Z")."""
    if b.text.lower().endswith(("states", "provinces", "regions", "districts")):
        return False  # "in Kachin, Shan states": a list
    if not b.cands or not (
        b.admin_level in (1, 2)
        or all(c.match == ABBR and c.kind in ("admin1", "country") for c in b.cands)
    ):
        return False
    if nxt is not None:
        gap = text[b.end : nxt.start].strip().lower()
        if gap in (",", "and", "or", "&", ", and", ", or"):
            return False
    return True


def _resolve(mentions: list[_Mention], text: str, actor_ctx: Counter[str] | None = None) -> None:
    """Pick one candidate per mention; see the module docstring for the evidence used."""
    if not mentions:
        return
    upper = _is_upper_text(text[:3000])
    _apply_containers(mentions, text)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.cands:
            groups[m.key if not m.container else f"{m.key}@{id(m)}"].append(m)
    # pass 0: context from what is unambiguous; later passes: from the picks themselves
    extra = _scaled(actor_ctx or Counter())
    ctx = _country_context(mentions) + extra
    admin1s: set[tuple[str | None, str | None]] = {
        (c.country, c.admin1)
        for m in mentions
        for c in m.cands[:1]
        if c.kind == "admin1" and c.match in (NAME, ABBR)
    }
    anchors: list[tuple[float, float, str]] = []
    own: dict[str, tuple[str, float]] = {}  # each name's own share of the context
    home = {
        key: max(
            (c for m in g for c in m.cands), key=lambda c: max(_base_score(c, m) for m in g)
        ).country
        for key, g in groups.items()
    }
    coherent = geo_filters.coherence(groups, home)
    picked: dict[str, str | None] = {}
    for _ in range(3):
        top = max(ctx.values()) if ctx else 1.0
        for key, group in groups.items():
            near = [(a, b) for a, b, k in anchors if k != key]
            # places settled in their own name's home country: firm ground for a namesake
            settled = [(a, b) for a, b, k in anchors if k != key and picked.get(k) == home[k]]
            _pick(group, ctx, top, admin1s, near, upper, own.get(key), coherent.get(key), settled)
        ctx = Counter(extra)
        admin1s = set()
        anchors = []
        own = {}
        for key, group in groups.items():
            c = group[0].pick
            if c is None:
                continue
            if c.country:
                w = len(group) ** 0.5
                if any(m.source == "dateline" for m in group):
                    w += DATELINE_WEIGHT
                ctx[c.country] += w
                own[key] = (c.country, w)
            if c.kind == "admin1":
                admin1s.add((c.country, c.admin1))
            elif c.kind in ("city", "admin2", "facility") and c.lat is not None:
                anchors.append((c.lat, c.lon, key))
                picked[key] = c.country
                if c.admin1:
                    admin1s.add((c.country, c.admin1))
    _follow_named_regions(mentions)


def _follow_named_regions(mentions: list[_Mention]) -> None:
    """A bare name the article also calls "X province" means the province: in "shot down
    over Idlib ... over Idlib province" both are the governorate, not the city."""
    regions = {
        (m.pick.country, normalize(m.pick.name)): m.pick
        for m in mentions
        if m.admin_level == 1 and m.pick is not None and m.pick.kind == "admin1"
    }
    if not regions:
        return
    for m in mentions:
        c = m.pick
        if m.admin_level == 0 and c is not None and c.kind == "city":
            region = regions.get((c.country, m.key)) or regions.get((c.country, normalize(c.name)))
            if region is not None:
                m.pick = region


def _near_anchor(c: Candidate, anchors: list[tuple[float, float]]) -> bool:
    return (
        c.lat is not None
        and c.kind in ("city", "admin2", "facility")
        and min(haversine_km(c.lat, c.lon, a, b) for a, b in anchors) < 150
    )


def _pick(
    group: list[_Mention],
    ctx: Counter[str],
    top: float,
    admin1s: set[tuple[str | None, str | None]],
    anchors: list[tuple[float, float]],
    upper: bool = False,
    own: tuple[str, float] | None = None,
    fit: dict[str, int] | None = None,
    settled: list[tuple[float, float]] | None = None,
) -> None:
    cands = list({c.id: c for m in group for c in m.cands}.values())
    name_cities = {(c.country, c.admin1) for c in cands if c.kind == "city" and c.match == NAME}
    dateline = any(m.source == "dateline" for m in group)
    countries = any(c.kind == "country" and c.match in (NAME, ABBR) for c in cands)
    curated = any(c.geonameid is None and c.match == NAME for c in cands)
    if own is not None and ctx.get(own[0], 0.0) - own[1] <= 1e-9:
        if any(
            c.country != own[0]
            and (settled and _near_anchor(c, settled) or fit and c.country in fit)
            for c in cands
        ):
            # "Paris" beside "County of Brant": its own earlier pick (France) is the only
            # vote for France, while a sense in another country lies by a place settled
            # at home or by names that have senses there: the own vote does not count
            ctx = +Counter({k: v - (own[1] if k == own[0] else 0.0) for k, v in ctx.items()})
            top = max(ctx.values()) if ctx else 1.0
    best, best_s = None, -1e9
    for c in cands:
        s = max(_base_score(c, m) for m in group)
        if curated and c.match == ALT:
            s -= 30.0  # "White House": the curated building, not Casablanca translated
        if c.kind == "admin1" and c.match == ALT and (c.country, c.name) in name_cities:
            s -= 20.0  # "Aleppo": the city called so, not the governorate also called so
        if dateline and c.kind == "city":
            s += 40.0  # a dateline names a town
        if c.kind == "city" and c.population < 100_000 and c.match == NAME and countries:
            s -= 40.0  # "Russia": the country, not the Ohio village of that name
        if c.country and ctx:
            s += CONTEXT_WEIGHT * ctx.get(c.country, 0.0) / top
        if c.kind != "country" and (c.country, c.admin1) in admin1s:
            s += ADMIN1_WEIGHT
        if anchors and c.lat is not None and c.kind in ("city", "admin2", "facility"):
            d = min(haversine_km(c.lat, c.lon, a, b) for a, b in anchors)
            s += NEAR_WEIGHT if d < 150 else NEAR_WEIGHT / 2 if d < 500 else 0.0
        if fit and c.country in fit:
            s += COHERENCE_WEIGHT * min(fit[c.country], 2)
        if s > best_s:
            best, best_s = c, s
    if (
        best is not None
        and ctx
        and best.match == ALT
        and best.kind == "city"
        and best.population < WEAK_POPULATION
        and not ctx.get(best.country or "", 0.0)
    ):
        best = None  # a small town by another name, in a country the article never names
    elif best is not None and geo_filters.unsupported(best, group, ctx, top, upper, own):
        best = None
    for m in group:
        m.pick, m.score = best, best_s


# ----------------------------------------------------------------------------- places


def _precision(c: Candidate) -> int:
    return 1 if c.kind in ("city", "facility") else 3


def _place(c: Candidate | None, text: str, precision: int | None = None) -> Place:
    if c is None:
        return Place(name=text, lat=None, lon=None, geo_precision=3)
    return Place(
        name=c.name,
        admin1=c.admin1 if c.kind not in ("country",) else None,
        admin2=c.admin2,
        country=c.country,
        lat=round(c.lat, 5) if c.lat is not None else None,
        lon=round(c.lon, 5) if c.lon is not None else None,
        geo_precision=precision if precision is not None else _precision(c),
        geonameid=c.geonameid,
    )
