"""Actor slots of an event beyond the trigger's own syntax (used by ``events.py``).

* ``is_non_actor(tok)``: words that the parser hands over as a subject or object but
  that never name who acted or suffered: dates and weekdays ("clashed on Wednesday"),
  event nouns ("fierce fighting", "the attacks"), datelines ("KIRKUK, Iraq -").
* ``fill_sides``: a battle has two sides. When the syntax gives one side (or none, or
  a word that names nobody), the other sides the event's sentences name fill the empty
  slots: "TNLA 571 under brigade 1 and government forces LID 99 clashed" (the parser
  misses the coordination), "Clashes Reported Between Govt Troops, TNLA".
* ``surface_claimant``: "IS claims attack on mosque", "Arakan Army claims ambush": a
  named armed group right before "claims" + an attack noun, read from the words when
  the parser misreads a headline ("IS" as the verb "is").
* ``perpetrator_adjective``: the last resort for an attack whose perpetrator nothing
  names: "a terrorist attack" was carried out by terrorists.
* ``identified_as``: victims or suspects named later ("the victims were identified as
  David Lecky, ...") take the (first) name as their text.
* ``perpetrator_mention``: an attack whose perpetrator the syntax does not give takes
  the perpetrator noun its sentences use ("urban guerrillas", "uniformed men",
  "the terrorists"), so the actor text says what the report says.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from . import actors
from .nlp import original_text
from .records import ARMED_TYPES, Actor

TIME_WORDS = {"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "morning", "evening", "night",
              "afternoon", "week", "weekend", "month", "year", "day", "dawn", "midnight"}  # fmt: skip
# nouns that name who carried out an attack when no group is named
PERP_NOUNS = {"terrorist", "terrorists", "guerrilla", "guerrillas", "gunman", "gunmen",
              "assailant", "assailants", "attacker", "attackers", "assassin", "assassins",
              "rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
              "kidnapper", "kidnappers", "subversive", "subversives", "commando", "commandos",
              "hitman", "hitmen", "bomber", "bombers", "extremist", "extremists",
              "criminal", "criminals", "murderer", "murderers", "killer", "killers"}  # fmt: skip
# "uniformed men", "armed men", "hooded individuals"
PERP_MODIFIERS = {"armed", "uniformed", "hooded", "masked", "unidentified", "unknown",
                  "heavily"}  # fmt: skip
PERP_HEADS = {"man", "men", "individual", "individuals", "person", "persons", "people",
              "group", "youths"}  # fmt: skip


def is_non_actor(tok: Token, trigger_class: Callable[[Token], object]) -> bool:
    """``tok`` heads a phrase that names no actor (a time, an event, a dateline)."""
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in TIME_WORDS:
        return True
    if (
        (tok.pos_ == "NOUN" or tok.tag_ == "VBG")  # "militia fighting kills one"
        and trigger_class(tok) is not None
        and tok.lemma_.lower()
        not in ("bomber", "kidnapper", "rioter", "protester", "demonstrator", "mob")
    ):
        return True  # "fierce fighting", "the attacks", "renewed clashes"
    return _dateline(tok)


def _dateline(tok: Token) -> bool:
    """ "KIRKUK, Iraq —", "BOGOTA —": a place at the very start of a line, before a dash."""
    if tok.pos_ != "PROPN" and not tok.is_upper:
        return False
    doc = tok.doc
    i = tok.i
    while i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].text_with_ws:
        prev = doc[i - 1]
        if not (prev.pos_ == "PROPN" or prev.text in (",", "(", ")")):
            return False
        i -= 1
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 8:
        t = doc[j]
        if t.text in ("—", "–", "--", "-", "―"):
            return True
        # "DHAKA, Jan 10, Reuter -", "KIRKUK, Iraq (Reuters) -"
        if not (t.pos_ == "PROPN" or t.like_num or t.ent_type_ == "DATE"
                or t.text in (",", "(", ")", ".")):  # fmt: skip
            return False
        j += 1
    return False


def _mentions(sent: Span) -> list[Span]:
    spans = [e for e in sent.ents if e.label_ in ("ORG", "NORP", "PERSON", "GPE")]
    spans += list(sent.noun_chunks)
    # a name the parser left out of every chunk ("DKBA and Govt militia fighting")
    spans += [sent.doc[t.i : t.i + 1] for t in sent if t.pos_ == "PROPN" and t.is_upper]
    return sorted(spans, key=lambda s: (s.start, -len(s)))


def _side(span: Span, text: str) -> Actor | None:
    mention = text[span.start_char : span.end_char]
    found = actors.lookup(mention)
    if found is None:
        words = {t.lower_ for t in span}
        if not words & {"army", "troops", "troop", "military", "forces", "force", "soldiers",
                        "govt", "government", "tatmadaw", "police", "rebels", "insurgents"}:  # fmt: skip
            return None
        found = actors.resolve(mention)
        if found.type == "unknown" and words & {"government", "govt"}:
            # "Govt Troops", "government forces" with no country yet: the side is the
            # state, placed where the event happened later (pipeline: actors.localise)
            found = actors.state_force(mention) or found
    if found.type not in ARMED_TYPES or found.name.startswith("Unidentified Armed Group"):
        return None
    return found


def sides_named(sents: list[Span], text: str) -> list[Actor]:
    """Armed actors the sentences name (named groups, state forces), first mention first."""
    out: list[Actor] = []
    for sent in sents:
        for span in _mentions(sent):
            found = _side(span, text)
            if found is None:
                continue
            key = (found.name, found.country)
            if all((a.name, a.country) != key and a.text != found.text for a in out):
                out.append(found)
    return out


def _weak(actor: Actor | None) -> bool:
    return actor is None or actor.type == "unknown" or not actor.text


def fill_sides(
    a1: Actor | None, a2: Actor | None, sents: list[Span], text: str
) -> tuple[Actor | None, Actor | None]:
    """Both sides of a battle: empty or nameless slots take the other armed actors named."""
    if not (_weak(a1) or _weak(a2)):
        return a1, a2
    used = {a.name for a in (a1, a2) if not _weak(a)}
    pool = [s for s in sides_named(sents, text) if s.name not in used]
    if _weak(a1) and pool:
        a1 = pool.pop(0)
    if _weak(a2) and pool:
        a2 = pool.pop(0)
    return a1, a2


def _suffered(tok: Token) -> bool:
    """The noun is listed among those a toll counts: "403 people were killed, including
    165 presumed terrorists" (a guerrilla killed in a clash still names a side)."""
    return any(t.lower_ in ("including", "among") for t in tok.ancestors)


def _pursued(tok: Token) -> bool:
    """The noun (or the phrase it modifies) is what someone acts on, not who acted:
    "searching for the rebel column", "they fought the guerrillas", "clashes with
    rebels"; an agent ("killed by rebels") still names who acted."""
    head = tok.head if tok.dep_ in ("compound", "amod") else tok
    if head.dep_ == "dobj":
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        # "a group of rebels", "members of the guerrillas", "the risk of terrorists using
        # drones" (who would act); not "part of a rebel group"
        acting = any(c.dep_ == "acl" and c.tag_ == "VBG" for c in head.children)
        return head.head.head.lower_ not in PART_NOUNS and not acting
    return head.dep_ == "pobj" and head.head.lower_ != "by"


# nouns for a part of a band of attackers: "a group of rebels", "members of the guerrillas"
PART_NOUNS = {"group", "groups", "member", "members", "band", "bands", "unit", "units", "cell",
              "cells", "column", "columns", "commando", "commandos", "squad", "squads", "gang",
              "faction", "elements", "dozens", "hundreds", "scores"}  # fmt: skip


def perpetrator_mention(sents: list[Span], definite: bool = False) -> Token | None:
    """The first noun in the sentences that names attackers without naming a group; with
    ``definite``, only one that refers back to known attackers ("the attackers")."""
    for sent in sents:
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if definite and not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                    for c in tok.children):  # fmt: skip
                continue
            low = tok.lower_
            if _suffered(tok) or _pursued(tok):
                continue
            if low in PERP_NOUNS:
                return tok
            if low in PERP_HEADS and any(
                c.dep_ == "amod" and c.lower_ in PERP_MODIFIERS for c in tok.children
            ):
                return tok
    return None


# adjectives that say who carried out an attack when no one is named: "a terrorist
# attack", "the guerrilla ambush", "last night's terrorist acts"
PERP_ADJECTIVES = {"terrorist", "guerrilla", "subversive", "extremist", "rebel", "insurgent",
                   "militant"}  # fmt: skip


def perpetrator_adjective(sents: list[Span], is_attack: Callable[[Token], bool]) -> Token | None:
    """The first adjective in the sentences that says who carried out an attack noun it
    modifies ("a terrorist attack" names terrorists as its authors)."""
    for sent in sents:
        for tok in sent:
            if (tok.lower_ in PERP_ADJECTIVES and tok.dep_ in ("amod", "compound")
                    and tok.head.i > tok.i and is_attack(tok.head)):  # fmt: skip
                return tok
    return None


# nouns after "claims" that make it a claim of responsibility ("claims attack")
CLAIMED_NOUNS = {"attack", "attacks", "killing", "killings", "murder", "murders", "bombing",
                 "bombings", "blast", "blasts", "assassination", "ambush", "kidnapping",
                 "abduction", "beheading", "execution", "responsibility", "raid", "raids",
                 "shooting", "stabbing", "massacre", "explosion", "explosions"}  # fmt: skip
# words between a claimant and "claimed": "(MRTA) today claimed", "has also claimed"
CLAIM_FILLERS = {"has", "have", "had", "also", "reportedly", "allegedly", "today", "yesterday",
                 "later", "swiftly", "quickly", "subsequently", "since", "then"}  # fmt: skip
CLAIMANT_TYPES = ("rebel_group", "political_militia", "identity_militia")


def surface_claimant(sent: Span, text: str) -> Actor | None:
    """The named armed group in the (at most four) words before "claims/claimed <attack>"."""
    for tok in sent:
        if tok.lower_ not in ("claims", "claimed", "claim") or tok.i + 1 >= sent.end:
            continue
        nxt = tok.doc[tok.i + 1]
        if nxt.lower_ not in CLAIMED_NOUNS or (
            nxt.i + 1 < sent.end and tok.doc[nxt.i + 1].lower_ == "by"
        ):
            continue
        end = tok.i  # "(MRTA) today claimed", "has also claimed": skip to the name
        while end > sent.start and (tok.doc[end - 1].ent_type_ in ("DATE", "TIME")
                                    or tok.doc[end - 1].lower_ in CLAIM_FILLERS):  # fmt: skip
            end -= 1
        start = end
        while start > sent.start and end - start < 4 and (
            not tok.doc[start - 1].is_punct or tok.doc[start - 1].text in "()[]"
        ):
            start -= 1
        for i in range(start, end):  # longest mention first
            span = tok.doc[i:end]
            found = actors.lookup(text[span.start_char : span.end_char])
            if found is not None and found.type in CLAIMANT_TYPES:
                written = text[span.start_char : span.end_char].strip("()[] ")
                return Actor(found.name, written, found.type, found.country)
    return None


# words of a title written before a person's name ("Attorney General Roberto Garcia",
# "Senator Luis Carlos Galan"): the fuller mention keeps them
TITLE_WORDS = {"president", "vice", "senator", "mayor", "judge", "minister", "attorney",
               "general", "colonel", "col", "captain", "lieutenant", "sergeant", "governor",
               "deputy", "director", "bishop", "archbishop", "father", "msgr", "monsignor",
               "professor", "doctor", "dr", "journalist", "editor", "candidate", "leader",
               "commander", "chief", "businessman", "engineer", "priest", "pilot", "justice",
               "rector", "councilman", "congressman", "ambassador", "magistrate", "former",
               "presidential", "military", "police", "union", "party", "peasant", "student",
               "interior", "defense", "defence", "foreign", "of", "the", "peace",
               "prosecutor", "secretary", "auxiliary", "liberal", "conservative", "leftist",
               "rightist", "trade", "unionist", "labor", "labour", "newspaper"}  # fmt: skip


def _titled(span: Span) -> Span:
    """The person's name with the title words written right before it."""
    start = span.start
    while start > span.sent.start and span.doc[start - 1].lower_.strip(".") in TITLE_WORDS:
        start -= 1
    while start < span.start and span.doc[start].lower_ in ("of", "the"):
        start += 1
    return span.doc[start : span.end]


def _name_word(tok: Token) -> bool:
    return (tok.pos_ == "PROPN" and tok.lower_ not in TITLE_WORDS and tok.text[:1].isupper()
            and tok.is_alpha and tok.ent_type_ in ("", "PERSON"))  # fmt: skip


def fuller_victim(actor: Actor | None, doc, text: str) -> Actor | None:  # noqa: ANN001
    """A victim written by surname or by title only ("FERREYROS", "the attorney general")
    takes the article's fuller mention of the same person ("businessman Carlos Enrique
    Ferreyros", "Attorney General Roberto Garcia Alvarado") as its text, when the article
    names exactly one such person."""
    if actor is None or not actor.text or actor.type not in ("civilians", "unknown"):
        return actor
    words = actor.text.split()
    if len(words) > 3:
        return actor
    low = [w.lower().strip(".,") for w in words]
    n = len(low)
    found: list[Span] = []
    title = all(w in TITLE_WORDS for w in low)
    if not title and not all(w[:1].isupper() for w in words):
        return actor
    for i in range(len(doc) - n + 1):
        if [t.lower_.strip(".") for t in doc[i : i + n]] != low:
            continue
        if title:  # "ATTORNEY GENERAL ROBERTO GARCIA ALVARADO"
            end = i + n
            while end < min(i + n + 5, doc[i].sent.end) and _name_word(doc[end]):
                end += 1
            if end > i + n:
                found.append(doc[i:end])
        else:  # "CARLOS ENRIQUE FERREYROS" for "FERREYROS"
            start = i
            while start > max(i - 4, doc[i].sent.start) and _name_word(doc[start - 1]):
                start -= 1
            if start < i:
                found.append(_titled(doc[start : i + n]))
    names = {text[e.start_char : e.end_char].lower() for e in found}
    if len(names) != 1:
        return actor
    span = found[0]
    written = text[span.start_char : span.end_char]
    return Actor(actor.name, written, actor.type, actor.country)


# descriptions that say nothing about who someone is beyond being a person
PLAIN_PEOPLE = {"victim", "victims", "person", "persons", "people", "man", "men", "woman",
                "women", "individual", "individuals", "terrorist", "terrorists", "citizen",
                "citizens", "minor", "minors", "youth", "youths", "hostage", "hostages",
                "suspect", "suspects", "civilian", "civilians", "body", "bodies"}  # fmt: skip


def identified_as(actor: Actor | None, sents: list[Span]) -> Actor | None:
    """A described victim or suspect ("the victims", "a terrorist") that the sentences say
    was identified as someone takes that name (the first of several) as its text."""
    if actor is None or not actor.text or actor.type not in ("civilians", "unknown",
                                                              "political_militia", "rebel_group"):
        return actor
    words = actor.text.lower().split()
    if not words or len(words) > 4 or not actor.text.split()[-1].isalpha():
        return actor
    head = words[-1]
    if head not in PLAIN_PEOPLE:
        return actor  # "four engineers" says more than a name would
    for sent in sents:
        for tok in sent:
            if tok.lemma_.lower() != "identify" or tok.tag_ != "VBN":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
                subj = tok.head  # "the minor, who was identified as ..."
            if subj is None or not (subj.lower_ == head or (
                    actor.type == "civilians" and subj.lower_ in ("victim", "victims"))):
                continue
            as_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            name = next((g for g in as_.children if g.dep_ == "pobj"), None) if as_ else None
            orig = original_text(tok.doc)
            if name is None or not orig[name.idx : name.idx + 1].isupper():
                continue  # a name, as written (a report's capitals may have been recased)
            span = tok.doc[as_.i + 1 : name.i + 1]
            if any(t.is_punct for t in span) or len(span) > 6:
                continue
            written = orig[span.start_char : span.end_char]
            return Actor(actor.name, written, actor.type, actor.country)
    return actor
