"""Who acted and who suffered, from the syntax around a trigger (used by ``events.py``).

``actors_of(trigger, cls, hint)`` gives actor1 (active subject, passive "by"-agent,
possessor of a noun trigger) and actor2 (object, passive subject); ``actor(tok)``
turns a noun into an actor whose text is the whole description as written (the noun
with its apposition, "of"-complement or conjuncts, at most 12 words), normalised by
``actors.py``.

A phrase becomes an actor only when it can refer to people (``names_people``): a
named or typed actor, a person, organisation or nationality entity, a country, a
name, or a common noun whose head names people or a group (``data/people_nouns.txt``
or a person suffix: "gunmen", "loyalists", "civilians", "detainees"). A thing
("the windows", "a section of the pipeline", "the shock wave") is no actor, and the
slot stays open for another trigger's actor.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import actors, event_actors
from .lexicon import canonical as weapon_canonical
from .nlp import known_word
from .nlp import original_text as _orig
from .records import Actor
from .triggers import REPORTING
from .triggers import trigger_class as _trigger_class

_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "case", "flat", "npadvmod"}
QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _phrase(tok: Token) -> SpacySpan:
    """The name a noun token stands for: its entity, or the noun with its modifiers."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end and ent.label_ not in ("CARDINAL", "DATE", "TIME",
                                                                      "QUANTITY", "ORDINAL"):  # fmt: skip
                line = _own_line(ent, tok)
                if len(line) <= 10 and not any(t.text == ";" for t in line):
                    return line
                break  # a headline the tagger read as one long name: the noun itself
    left = tok.i
    for c in sorted(tok.lefts, key=lambda c: -c.i):
        if c.dep_ in _PHRASE_DEPS and c.i == left - 1 or (
            c.dep_ in _PHRASE_DEPS and all(t.dep_ in _PHRASE_DEPS | {"punct", "hyph"} or t.is_punct
                                           for t in tok.doc[c.i:left])):  # fmt: skip
            left = c.i
    doc = tok.doc
    # 'the "Islamic State" militant group': a quoted name modifying the noun, whole
    first = doc[left]
    if first.dep_ in ("compound", "nmod") and first.left_edge.i < left and any(
        t.text in QUOTES for t in doc[first.left_edge.i - 1 : first.i + 2]
    ):
        left = first.left_edge.i
    while left < tok.i and (doc[left].is_punct or doc[left].like_num):
        left += 1
    if left > 0 and doc[left - 1].text in QUOTES and any(
        t.text in QUOTES for t in doc[left : tok.i]
    ):
        left -= 1  # keep the opening quote of a quoted name
    # "brother-in-law", "commander-in-chief": the whole hyphenated word, not its last part
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 1].whitespace_ and (
        not doc[left - 2].whitespace_ and (doc[left - 2].is_alpha or doc[left - 2].like_num)
    ):
        left -= 2
    right = tok.i + 1
    while (right + 1 < len(doc) and doc[right].text == "-" and not doc[right - 1].whitespace_
           and not doc[right].whitespace_ and doc[right + 1].is_alpha):  # fmt: skip
        right += 2
    # "Military Forces of Russia", "Army of Conquest": keep an "of"-name
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj and (pobj[0].ent_type_ in ("GPE", "ORG", "NORP") or pobj[0].pos_ == "PROPN"):
                right = pobj[0].i + 1
    return tok.doc[left:right]


def _own_line(span: SpacySpan, tok: Token) -> SpacySpan:
    """The part of an entity on the token's own line: the tagger sometimes runs a name
    across a line break ("... Workplace Violence\nSep 10")."""
    if "\n" not in span.text:
        return span
    start, end = span.start, span.end
    for t in span:
        if "\n" in t.text or "\n" in t.whitespace_:
            if t.i < tok.i:
                start = t.i + 1
            elif t.i >= tok.i:
                end = t.i + (0 if "\n" in t.text else 1)
                break
    return tok.doc[start:end]


def _nationality_in(tok: Token) -> str | None:
    """A nationality word in the noun's phrase, else the one the sentence applies to
    the same kind of thing ("a Russian Mi8 helicopter ... the Mi8 helicopter")."""
    for t in tok.subtree:
        if t.ent_type_ in ("NORP", "GPE") and actors.nationality_country(t.text):
            return t.text
    same = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ == "compound")}
    for t in tok.sent:
        if t.dep_ == "amod" and t.head.i != tok.i and actors.nationality_country(t.text):
            head = t.head
            if (
                head.lemma_.lower() in same
                or head.ent_type_ == tok.ent_type_ == "MILITARY_PLATFORM"
            ):
                return t.text
    return None


def _actor(tok: Token, country_hint: str | None, wide: bool = True) -> Actor | None:
    """The actor a noun names, its text widened to the whole description as written."""
    actor = _actor_core(tok, country_hint)
    owner = _people_of(tok) if actor is None else None
    if owner is not None:
        # "the seizure of X, Y and Z": the people, described as far as the deed's phrase goes
        actor = _actor_core(owner, country_hint)
        if actor is not None and actor.text and wide:
            start, end = _described_span(owner)
            text = _span_text(tok.doc, start, max(end, _described_span(tok)[1]))
            if text and actor.text in text:
                actor = Actor(actor.name, text, actor.type, actor.country)
        return actor
    if actor is not None and actor.type == "unknown" and _forms(tok.lower_) & _PARTITIVE:
        whole = _whole_of(tok, country_hint)  # "twelve members of the security forces"
        if whole is not None:
            text = _described(tok) if wide else None
            return Actor(whole.name, text or actor.text, whole.type, whole.country)
    if actor is not None and actor.text and wide:
        wide = _described(tok)
        if wide and len(wide) > len(actor.text) and actor.text in wide:
            named = actors.resolve(wide) if actor.type == "state_forces" else None
            if (
                named is not None
                and named.type in ("rebel_group", "political_militia")
                and not named.name.startswith("Unidentified")  # a named group only
            ):
                # "Colombian Army of National Liberation guerrillas": the group, not the army
                return Actor(named.name, wide, named.type, named.country)
            actor = Actor(actor.name, wide, actor.type, actor.country)
    return actor


# nouns for a part of a group: "members of the security forces", "a unit of the army"
# words that name a unit of a force or group: "the Nelson Mandela cell", "the 4th Brigade"
UNIT_NOUNS = {"cell", "front", "command", "commando", "column", "brigade", "battalion", "unit",
              "squad", "detachment", "company", "platoon", "division", "regiment", "wing"}  # fmt: skip
_PARTITIVE = UNIT_NOUNS | {"member", "element", "remnant", "faction", "contingent", "section"}


def _whole_of(tok: Token, country_hint: str | None) -> Actor | None:
    """The typed actor the "of"-complement of a part names, or None."""
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            found = _actor_core(pobj, country_hint) if pobj is not None else None
            if found is not None and found.type == "unknown":
                found = actors.state_force(found.text)  # placed later (actors.localise)
            if found is not None and found.type != "unknown":
                return found
    return None


def _np_end(tok: Token) -> int:
    """Token index after a noun's phrase and its "of"-complement ("secretary of the embassy")."""
    end = _phrase(tok).end
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                end = max(end, _phrase(pobj).end)
    return end


def _described(tok: Token) -> str | None:
    """ "Carlos Soto Sedice, Pisco deputy prefect", "a civil guard and a pedestrian": the
    noun with its apposition or its conjuncts, at most 12 words. A person's name keeps
    the title written before it ("National Fire Department Director Colonel Roberto
    Rivera"), which the name entity leaves out."""
    span = _described_span(tok)
    return _span_text(tok.doc, *span) if span else None


def _span_text(doc, start: int, end: int) -> str | None:  # noqa: ANN001 - a spaCy Doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start > 12 or end <= start:
        return None
    return _orig(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]


def _described_span(tok: Token) -> tuple[int, int]:
    """Token start and end of the noun's description (see ``_described``)."""
    start = _phrase(tok).start
    for c in tok.lefts:  # "six NATO soldiers", "at least 30 guerrillas": the count as written
        if c.dep_ == "nummod" and c.i < start and c.like_num and all(
            t.head.i == tok.i or t.head.i > t.i for t in tok.doc[c.i + 1 : start]
        ):
            first = c.left_edge.i  # "at least 30", "more than two dozen"; not "Reuter - Five"
            ok = c.i - first <= 3 and not any(t.is_punct for t in tok.doc[first : c.i])
            start = first if ok else c.i
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        for c in sorted(tok.lefts, key=lambda c: -c.i):
            if c.dep_ in ("compound", "amod", "nmod") and c.right_edge.i == start - 1:
                start = c.left_edge.i
    end = _np_end(tok)
    for c in tok.rights:
        if c.dep_ == "appos" and not all(t.is_punct for t in tok.doc[end : c.left_edge.i]):
            continue  # "Two civilians killed in clashes in Shan State: TNLA" is no apposition
        if c.dep_ == "appos" or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
            end = max(end, _np_end(c))
            for g in c.conjuncts:
                if g.i > c.i and g.pos_ in ("NOUN", "PROPN"):
                    end = max(end, _np_end(g))
        if c.dep_ == "prep" and c.i <= end + 1 and (
            c.lower_ == "including" or (c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))
        ):
            # "five people, including a judge and two policemen", "leaders such as X": who
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                end = max(end, _described_span(pobj)[1])
    return start, end


@cache
def _people_nouns() -> frozenset[str]:
    text = resources.files("strife").joinpath("data/people_nouns.txt").read_text("utf-8")
    return frozenset(
        w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


# words with a person suffix (-man, -ist, -ian, -ee) that name things
_SUFFIX_THINGS = {
    "ottoman", "talisman", "specimen", "abdomen", "regimen", "acumen", "stamen", "omen",
    "dolmen", "hymen", "caiman", "cayman", "semen", "lumen", "bitumen", "albumen", "foramen",
    "germen", "amen", "rumen", "cerumen", "nomen", "cognomen", "ramen", "median",
    "meridian", "amphibian", "reptilian", "gentian", "valerian", "schist", "coffee",
    "toffee", "jamboree", "decree", "degree", "pedigree", "filigree", "fricassee", "marquee",
    "dungaree", "chimpanzee", "manatee", "jubilee", "guarantee", "banshee", "chickadee",
    "frisbee", "squeegee", "matinee", "soiree", "negligee", "entree", "bungee", "lychee",
    "settee", "goatee", "toupee", "tepee", "puree", "melee", "levee", "rupee", "bootee",
}  # fmt: skip
_PERSON_SUFFIXES = ("man", "woman", "person", "people")
# words of count and share: "dozens of villagers", "a number of banks", "the rest"
_QUANTITY_NOUNS = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand",
                   "thousands", "number", "total", "handful", "couple", "majority", "rest",
                   "minority", "lot", "lots", "most", "many", "some", "few", "several", "all",
                   "each", "none", "million", "millions", "pair"}  # fmt: skip
# words for places, buildings and things ("American University", "Party Headquarters",
# "Camp Shorabak", "blew up a bridge", "the windows"): a thing or a place, not people
THING_NOUNS = {"pole", "pylon", "substation", "vehicle", "home", "facility", "installation",
               "line", "warehouse", "depot", "branch", "residence", "wall", "roof", "floor",
               "premises", "window", "capital", "soil", "institution","university", "college", "school", "academy", "institute", "hospital",
                "clinic", "headquarters", "office", "offices", "building", "tower", "towers",
                "house", "hall", "palace", "embassy", "consulate", "station", "stn", "airport",
                "port", "harbour", "harbor", "bridge", "dam", "pipeline", "terminal", "plant",
                "factory", "mill", "mine", "refinery", "bank", "hotel", "inn", "cafe", "café",
                "restaurant", "bar", "club", "store", "shop", "market", "mall", "centre",
                "center", "stadium", "square", "street", "avenue", "road", "highway", "park",
                "camp", "base", "barracks", "prison", "jail", "church", "cathedral", "mosque",
                "temple", "synagogue", "shrine", "monument", "museum", "library", "theatre",
                "theater", "cinema", "acropolis", "river", "lake", "mountain", "valley",
                "province", "district", "city", "town", "village", "county", "region", "state",
                "neighbourhood", "neighborhood", "suburb", "quarter", "area", "zone",
                "island", "border", "checkpoint", "compound", "complex", "ship", "vessel",
                "plane", "aircraft", "bus", "train", "truck", "car", "ad", "footage", "video",
                "report", "shooting", "attack", "bombing", "law", "act", "plan",
                "agreement", "accord", "treaty", "enterprise", "company", "corporation",
                "firm"}  # fmt: skip
_NAMELESS_LABELS = ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE",
                    "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME")  # fmt: skip


def thing_noun(word: str) -> bool:
    """Does the noun (singular or plural) name a thing or a place (``THING_NOUNS``)?"""
    return bool(_forms(word) & THING_NOUNS)


def _forms(word: str) -> set[str]:
    """The word and the singulars it may be the plural of."""
    w = word.lower().strip(".'’")
    out = {w}
    if w.endswith("men"):
        out.add(w[:-3] + "man")
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


def person_noun(word: str) -> bool:
    """Does the common noun ``word`` (singular or plural) name a person or a group of
    people? The list in ``data/people_nouns.txt``, then the person suffixes -man/-men,
    -woman, -person, -people, -ist, -ian and -ee with exceptions for things
    ("talisman", "median", "coffee"); a hyphenated word by its last part
    ("co-workers") or, for kin, its first ("brothers-in-law")."""
    forms = _forms(word)
    if "corpse" in forms:
        return False  # not the "corps" its plural looks like
    if forms & _people_nouns():
        return True
    w = min(forms, key=len)
    if "-" in w.strip("-"):
        parts = [p for p in w.split("-") if p]
        if w.endswith(("year-old", "years-old")) or word.lower().endswith("year-olds"):
            return True  # "a 15-year-old", "two 12-year-olds"
        if person_noun(parts[-1]) or (parts[-1] == "law" and person_noun(parts[0])):
            return True
        return False
    if not w.isalpha() or forms & _SUFFIX_THINGS:
        return False
    for f in forms:
        if any(f.endswith(x) and len(f) > len(x) + 1 for x in _PERSON_SUFFIXES):
            return True
        if f.endswith("list") and f[-5] not in "aeiou":
            continue  # "checklist", "playlist"; not "journalist", "loyalist"
        if len(f) >= 6 and f.endswith(("ist", "ian", "ee")) and not f.endswith(
            ("sist", "xist", "wrist", "twist", "heist")
        ):
            return True
    return False


def _person_elsewhere(tok: Token) -> bool:
    """The word is part of a person's name elsewhere in the article ("Kathina", tagged
    a place here, in "Kathina Thomas")."""
    low = tok.lower_
    return any(e.label_ == "PERSON" and any(t.lower_ == low for t in e) for e in tok.doc.ents)


def _head_word(tok: Token) -> str:
    """The whole hyphenated word a noun ends ("co-workers", "brother-in-law")."""
    doc = tok.doc
    left = tok.i
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 1].whitespace_ and (
        not doc[left - 2].whitespace_ and doc[left - 2].is_alpha
    ):
        left -= 2
    right = tok.i + 1
    while (right + 1 < len(doc) and doc[right].text == "-" and not doc[right - 1].whitespace_
           and not doc[right].whitespace_ and doc[right + 1].is_alpha):  # fmt: skip
        right += 2
    return "".join(t.text for t in doc[left:right])


def names_people(tok: Token) -> bool:
    """Can the phrase headed by ``tok`` refer to people or a group of people? A person,
    organisation or nationality entity (not one headed by a building: "American
    University"), a name, a count ("three", "dozens of villagers", not "seven of these
    bombs"), or a common noun that names people (``person_noun``). A word the
    English lexicon does not know is taken for a name (re-cased wire copy writes
    "JARAMILLO" in lower case for the parser). Places, things, events and pronouns are
    not."""
    ent = tok.ent_type_ if tok.ent_iob_ != "O" else ""
    word = _head_word(tok)
    low = word.lower()
    if ent in ("PERSON", "NORP"):
        return True
    if tok.pos_ == "NOUN" and thing_noun(low):
        return False  # "the Taiz neighbourhood", "the bank": a place or a thing
    if any(c.dep_ == "appos" and names_people(c) for c in tok.children):
        return True  # "DELGADO PARKER, A FORMER ADVISER"
    if any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children):
        return True  # "ORTEGA VARGAS": a surname the tagger left out of the name
    if tok.like_num or low in _QUANTITY_NOUNS or ent == "CARDINAL":
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        return pobj is None or names_people(pobj)
    if (person_noun(word) or person_noun(tok.text)) and tok.pos_ in ("NOUN", "PROPN", "ADJ",
                                                                      "X", "VERB"):  # fmt: skip
        return True
    if ent == "ORG" or (tok.pos_ == "PROPN" and ent not in _NAMELESS_LABELS):
        return not thing_noun(low)
    if ent in ("GPE", "LOC") and tok.pos_ == "PROPN":
        return _person_elsewhere(tok)
    if ent or tok.pos_ not in ("NOUN", "PROPN", "VERB", "X"):
        return False
    # a word no English lexicon lists: a name the re-casing lower-cased ("jaramillo"); not
    # a place word the lexicon spells otherwise ("neighbourhood")
    return (low.isalpha() and len(low) > 2 and not known_word(low)
            and not thing_noun(low))  # fmt: skip


# what a verb of fighting takes on in words: an illness, a social ill, a problem
_FIGURATIVE_OBJECTS = {"symptom", "disease", "illness", "virus", "infection", "epidemic",
                       "pandemic", "outbreak", "cancer", "fever", "pain", "poverty", "hunger",
                       "corruption", "inflation", "unemployment", "problem", "obesity",
                       "addiction", "pollution"}  # fmt: skip


def figurative(trigger: Token) -> bool:
    """A verb of fighting whose object is an illness or a problem ("a medicine used to
    combat the symptoms of the disease", "she battled mental illness"): the verb hurts
    no one, so no other trigger's actors are its victims or authors (``events.py``)."""
    if trigger.pos_ != "VERB":
        return False
    for c in trigger.children:
        if c.dep_ == "dobj" and not names_people(c):
            words = {c.lemma_.lower()} | {g.lemma_.lower() for p in c.children
                                          if p.dep_ == "prep" and p.lower_ == "of"
                                          for g in p.children if g.dep_ == "pobj"}  # fmt: skip
            return bool(words & _FIGURATIVE_OBJECTS)
    return False


def _people_of(tok: Token) -> Token | None:
    """ "the seizure of X", "the residence of Colonel Y", "the headquarters of the 1st
    brigade": the people the "of"-object of a thing or deed names."""
    if tok.pos_ != "NOUN" or names_people(tok) or event_actors.is_non_actor(tok, _trigger_class):
        return None
    end = _phrase(tok).end
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i <= end:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and names_people(pobj) and pobj.ent_type_ != "ORG":
                return pobj  # not "the branch of the energy company": its property
    return None


def _actor_core(tok: Token, country_hint: str | None) -> Actor | None:
    if event_actors.is_non_actor(tok, _trigger_class):
        return None
    if tok.lower_ in ("who", "which", "that", "he", "she", "they", "it", "we", "i", "you",
                      "them", "him", "her", "this", "these", "those", "one", "someone",
                      "all", "others", "both", "some", "many", "most", "himself", "herself",
                      "themselves", "itself", "us", "me", "anyone", "everyone"):  # fmt: skip
        return None
    if tok.ent_type_ == "WEAPON":
        return None  # "shot down by ground fire": an instrument, not an actor
    if tok.like_num and tok.dep_ != "nsubj":
        return None
    span = _phrase(tok)
    text = _orig(tok.doc)[span.start_char : span.end_char]
    if not text.strip():
        return None
    found = actors.lookup(text)
    if found:
        return found
    resolved = actors.resolve(text, country_hint=country_hint)
    iso = actors.nationality_country(text) if tok.ent_type_ == "GPE" else None
    if resolved.type == "unknown" and iso and actors.country_name(iso):
        # a country acting ("Myanmar attack on separatists", "Bangladesh arrests an
        # editor"): its state forces, as conflict analysts code it
        return Actor(f"Military Forces of {actors.country_name(iso)}", text, "state_forces", iso)
    if resolved.type == "unknown":
        nat = _nationality_in(tok)
        if nat and nat not in text:
            alt = actors.resolve(f"{nat} {tok.text}", country_hint=country_hint)
            if alt.type != "unknown":
                return Actor(alt.name, text, alt.type, alt.country)
        if tok.ent_type_ == "MILITARY_PLATFORM":
            return None  # an aircraft of no known side says nothing about who acted
        force = actors.state_force(text)
        if not names_people(tok) and (force is None or force.name.startswith("Government")):
            # "the windows", "a section of the pipeline", "the shock wave", "government
            # revenue"; not "army positions" or "a police station", a force placed later
            # (pipeline: actors.localise)
            return None
    return resolved


def _agent_of(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


# verbs of speaking and judging: who does them speaks about a deed, not does it
_SPEAKER_VERBS = REPORTING | {"denounce", "condemn", "deplore", "criticise", "criticize",
                              "call", "describe", "praise", "vow", "urge", "blame"}  # fmt: skip


def _subject_of(tok: Token) -> Token | None:
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ == "nsubj":
                return c
        if (
            cur.dep_ == "acl"
            and cur.tag_ == "VBG"
            and cur.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "dobj" for c in cur.children)
        ):
            return cur.head  # "Burma army laying landmines", "troops shelling the town"
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head != cur:
            if cur.dep_ == "conj" and cur.head.lemma_.lower() in _SPEAKER_VERBS:
                return None  # "the minister denounced ... [and] killed": a misparse
            cur = cur.head
        else:
            break
    return None


def _relative(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in ("who", "whom", "which", "that")


def _instrument(tok: Token) -> bool:
    """A weapon or device, never an actor ("the bomb that exploded")."""
    return (
        tok.ent_type_ in ("WEAPON", "MILITARY_PLATFORM") or weapon_canonical(tok.text) is not None
    )


def _named_modifier(trigger: Token) -> Token | None:
    """ "IS attacks", "ISIS bombing": the word right before a noun trigger when it is a
    named armed group, also when the parser reads it as something else ("IS" as a verb)."""
    if trigger.i == trigger.sent.start:
        return None
    prev = trigger.doc[trigger.i - 1]
    if prev.is_punct or prev.is_space or prev.whitespace_ == "" or prev.head.i == trigger.i:
        return None  # a real modifier was seen above; glued tokens are not words
    found = actors.lookup(prev.text)
    if found is not None and found.type in ("rebel_group", "political_militia", "identity_militia"):
        return prev
    return None


def _actors(trigger: Token, cls: str, hint: str | None) -> tuple[Actor | None, Actor | None]:
    """actor1 (who acted) and actor2 (who it was done to) from the trigger's syntax."""
    a1_tok: Token | None = None
    a2_tok: Token | None = None
    deed = False  # actor1 is a plain "man" or "individuals" who planted or threw the device
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or (
        # headline style: "Russian helicopter shot down over Idlib" (no auxiliary)
        trigger.tag_ in ("VBN", "VBD")
        and trigger.dep_ == "ROOT"
        and not any(c.dep_ in ("dobj", "aux", "ccomp", "xcomp") for c in trigger.children)
        and cls in ("down", "kill", "shoot", "attack", "abduct", "arrest", "wound", "strike")
    )
    if passive and trigger.dep_ == "ROOT":
        a2 = next((c for c in trigger.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if a2 is not None and a2.dep_ == "nsubj":
            a1_tok = _agent_of(trigger)
            return (_actor(a1_tok, hint) if a1_tok is not None else None), _actor(a2, hint)
    if trigger.pos_ == "VERB" or trigger.tag_.startswith("VB"):
        if passive or cls in ("die",):
            a2_tok = next((c for c in trigger.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            a1_tok = _agent_of(trigger)
        else:
            a1_tok = _subject_of(trigger)
            a2_tok = next((c for c in trigger.children if c.dep_ == "dobj"), None)
            if a2_tok is None:
                for c in trigger.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "at"):
                        a2_tok = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_
                                       not in ("DATE", "TIME", "GPE", "LOC")), None)  # fmt: skip
                        break
        if not passive and (a2_tok is None or _instrument(a2_tok)):
            # "machinegunned a guard and a pedestrian and detonated a car bomb": the
            # people the conjoined verb names, not the device
            a2_tok = _conjunct_object(trigger) or a2_tok
        if trigger.dep_ in ("acl", "amod") and a2_tok is None:
            a2_tok = trigger.head
        if trigger.dep_ == "relcl" and not _instrument(trigger.head):
            # "Carlos Marcelo, who was kidnapped by ...": the noun; not "a device that exploded"
            a1_tok = trigger.head if _relative(a1_tok) else a1_tok
            a2_tok = trigger.head if _relative(a2_tok) else a2_tok
    else:
        for c in trigger.children:
            if c.dep_ == "poss" and _victim_of(trigger, c, hint):
                a2_tok = c  # "the Jesuits' murder", "Pizarro's assassination"
            elif (
                c.dep_ == "poss"
                or (
                    c.dep_ == "compound"
                    and c.ent_type_ in ("ORG", "NORP", "GPE")
                    # "Russian airstrike", not a headline's last word glued to the next line
                    and not any(t.is_space or t.is_punct for t in trigger.doc[c.i : trigger.i])
                )
            ):
                a1_tok = c
            elif c.dep_ == "prep" and c.lower_ == "by":
                a1_tok = next((g for g in c.children if g.dep_ == "pobj"), a1_tok)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "with", "between"):
                a2_tok = next((g for g in c.children if g.dep_ == "pobj"), a2_tok)
            elif c.dep_ == "acl" and c.lemma_.lower() in _AIM_VERBS and a2_tok is None:
                a2_tok = _aimed_at(c)  # "bombings targeted at the army", "attacks targeting police"
        if a1_tok is None:
            a1_tok = _named_modifier(trigger)
        if a1_tok is None and trigger.dep_ == "nsubjpass":
            a1_tok = _deed_agent(trigger.head)  # "the kidnapping was carried out by the army"
        if a1_tok is None:  # "armed attacks conducted by an extremist group"
            a1_tok = next((a for c in trigger.children if c.dep_ == "acl"
                           for a in [_deed_agent(c)] if a is not None), None)  # fmt: skip
        if a2_tok is None:
            held = _held_as(trigger)  # "held hostage", "took a group of students as hostages"
            if held is not None:
                verb, a2_tok = held
                a1_tok = a1_tok or _agent_of(verb) or next(
                    (c for c in verb.children if c.dep_ == "nsubj" and not _relative(c)), None)
        if a1_tok is None and cls == "clash" and a2_tok is not None and a2_tok.head.lower_ in (
            "with", "against"
        ):
            a1_tok = _fighter(trigger, hint)  # "Tamerlan was killed in a gun battle with police"
        if a1_tok is None and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _DEED_VERBS:
            a1_tok = _subject_of(trigger.head)
            deed = a1_tok is not None and a1_tok.lower_ in event_actors.PERP_HEADS
        if a1_tok is None and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
            obj = next((c for c in trigger.head.children if c.dep_ == "dobj"), None)
            a2_tok = a2_tok or obj
    if trigger.pos_ != "VERB" and not trigger.tag_.startswith("VB") and a2_tok is None:
        a2_tok = _shared_victim(trigger)
    if a2_tok is not None and a2_tok.like_num:
        # "the killing of six of their members, including the rector X and two women": the
        # people it names; a bare count names nobody
        a2_tok = _included(a2_tok) or _included(trigger)
    wide = True
    if cls == "clash":  # "MNDAA and Myanmar forces clashed", "clashes between army and KIA"
        between = a2_tok is not None and a2_tok.head.lower_ == "between"
        first = a2_tok if between and a1_tok is None else a1_tok
        other = (
            next((c for c in first.conjuncts if c.i > first.i), None) if first is not None else None
        )
        if other is not None and (a2_tok is None or between):
            a1_tok, a2_tok, wide = first, other, False
    a1 = _actor(a1_tok, hint, wide) if a1_tok is not None else None
    if deed and a1 is not None and a1.type == "unknown":
        # "two individuals placed a bomb": unnamed attackers, as conflict analysts code them
        a1 = Actor("Unidentified Armed Group", a1.text, "political_militia", None)
    a2 = _actor(a2_tok, hint, wide) if a2_tok is not None else None
    if a1 and a2 and a1.name == a2.name and a1.text == a2.text:
        a2 = None
    return a1, a2


# verbs whose subject did the deed their object names: "launched an attack", "planted a
# bomb", "hurled a grenade"
# verbs whose object is a device the subject planted or threw ("unidentified persons
# placed 11 bombs", "the bomb was planted by urban guerrillas")
PLACE_VERBS = {"plant", "place", "set", "leave", "hurl", "throw", "lob", "detonate", "toss"}
_DEED_VERBS = {"launch", "carry", "conduct", "stage", "mount", "claim", "commit", "perpetrate",
               "fire", "explode", "drop", "lay"} | (PLACE_VERBS - {"leave"})  # fmt: skip
# verbs whose passive agent did the deed their subject names: "the kidnapping was planned
# and carried out by the army", "a wave of violence caused by X" (not "the attack was
# condemned by the government")
BY_AGENT_VERBS = {"carry", "perpetrate", "commit", "plan", "order", "claim", "stage", "conduct",
                  "launch", "mastermind", "organize", "organise", "execute", "mount",
                  "cause"}  # fmt: skip


def _fighter(battle: Token, hint: str | None) -> Token | None:
    """The subject of the verb a battle noun is the setting of: one side of it ("two
    soldiers died in a clash with rebels"); not civilians caught in it."""
    head = battle.head
    if battle.dep_ != "pobj" or head.lower_ not in ("in", "during") or head.head.pos_ != "VERB":
        return None
    subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _relative(subj):
        return None
    found = _actor_core(subj, hint)
    return subj if found is not None and found.type != "civilians" else None


_HOLD_VERBS = {"hold", "take", "keep", "seize", "detain", "capture", "grab"}


def _held_as(noun: Token) -> tuple[Token, Token] | None:
    """The verb and the people a noun says were held or taken as it: "three tourists were
    taken hostage" (the passive subject), "took a group of students as hostages" (the
    object); a relative pronoun stands for its noun ("people who are being held
    hostage")."""
    if noun.dep_ == "oprd":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
    else:
        return None
    if verb.lemma_.lower() not in _HOLD_VERBS:
        return None  # not "what the president called an attack"
    held = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if held is not None and _relative(held) and verb.dep_ == "relcl":
        held = verb.head
    return (verb, held) if held is not None and not _relative(held) else None


def _deed_agent(verb: Token) -> Token | None:
    """The "by"-agent of a deed verb (or of its conjunct: "planned and carried out by")."""
    for v in (verb, *verb.conjuncts):
        if v.lemma_.lower() in BY_AGENT_VERBS:
            agent = _agent_of(v)
            if agent is not None:
                return agent
    return None


# "attacks targeting police", "bombings aimed at the army", "raids directed against rebels"
_AIM_VERBS = {"target", "aim", "direct"}


def _aimed_at(verb: Token) -> Token | None:
    """What the participle after an attack noun says the attack was aimed at."""
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
        if c.dep_ == "prep" and c.lower_ in ("at", "against", "on"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _conjunct_object(verb: Token) -> Token | None:
    """The people a verb conjoined with this one takes as its object."""
    for other in verb.conjuncts:
        if other.pos_ != "VERB":
            continue
        obj = next((c for c in other.children if c.dep_ == "dobj"), None)
        if obj is not None and not _instrument(obj) and names_people(obj):
            return obj
    return None


def _included(tok: Token) -> Token | None:
    """The first person or group an "including" phrase under the word names."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "including":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _shared_victim(trigger: Token) -> Token | None:
    """The "of"-object of a noun trigger written after its conjunct or a date: "the
    kidnapping and assassination of X", "the murder on 15 September of X" (the parser
    hangs "of X" on the other noun or on the date)."""
    for other in trigger.conjuncts:
        for c in other.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "against"):
                found = next((g for g in c.children if g.dep_ == "pobj"), None)
                if found is not None and found.ent_type_ not in ("DATE", "TIME", "GPE", "LOC"):
                    return found
    sent_end = trigger.sent.end
    for tok in trigger.doc[trigger.i + 1 : min(trigger.i + 10, sent_end)]:
        if tok.lower_ == "of" and tok.head.ent_type_ in ("DATE", "TIME"):
            return next((g for g in tok.children if g.dep_ == "pobj"), None)
        if not (tok.ent_type_ in ("DATE", "TIME") or tok.dep_ in ("cc", "conj", "det", "prep")
                or tok.lower_ in ("on", "in")):  # fmt: skip
            break
    return None


# noun triggers whose possessor is who suffered it: "Pizarro's assassination"
_PATIENT_NOUNS = {"murder", "murders", "killing", "killings", "assassination", "death", "deaths",
                  "kidnapping", "kidnaping", "kidnappings", "abduction", "abductions", "arrest",
                  "arrests", "execution", "executions", "detention", "capture", "disappearance",
                  "torture", "release", "rescue"}  # fmt: skip


def _victim_of(trigger: Token, poss: Token, hint: str | None) -> bool:
    """Is the possessor of this noun trigger its victim, not its author? Only for nouns
    of what is done to people, and only for a possessor that is no armed actor."""
    if trigger.lower_ not in _PATIENT_NOUNS:
        return False
    if poss.lower_ in ("his", "her", "their", "its", "my", "our", "your"):
        return False
    found = _actor_core(poss, hint)
    return found is not None and found.type in ("unknown", "civilians")


def same_person(a1: Actor | None, a2: Actor | None) -> bool:
    """actor1 only repeats actor2 ("RIVERA" beside "Colonel Roberto Rivera Escobar") or
    is a bare number ("three", "12"): it names no author."""
    if a1 is None or a1.type not in ("unknown", "civilians"):
        return False
    if all(w.isdigit() or w.lower() in _NUMBER_WORDS for w in a1.text.split()) and a1.text:
        return True
    if a2 is None or not a1.text or not a2.text:
        return False
    return a1.text.lower() in a2.text.lower() or a2.text.lower() in a1.text.lower()


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "dozens", "scores", "hundreds", "thousands", "several"}  # fmt: skip
