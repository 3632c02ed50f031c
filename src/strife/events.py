"""Stage 4, events: triggers and dependency patterns to coded events.

``extract_events(doc, article)`` reads a parsed article and returns its events:

1. Triggers: words whose lemma names a conflict event ("killed", "airstrike",
   "kidnapped", "protest"), kept only when they happened (not negated, not a
   threat or a plan, not an accident or a disease) and not a background mention
   ("in the past several months", "last year's attack").
2. One candidate per sentence, typed by its most specific trigger and refined by
   its context: the weapons and platforms named, the targets (civilians or armed
   men), suicide and chemical cues, police action at a protest.
3. Candidates about the same event merged: consecutive sentences whose types
   agree and whose places and dates do not conflict become one event with
   several evidence spans; a sentence with nothing of its own (no actor, toll,
   place or date) only adds evidence to the event before it.
4. Arguments from the syntax: actor1/actor2 (active subject, passive "by"-agent,
   object), fatalities and injured (conjuncts summed, bounds kept, a toll stated
   twice counted once), the date (resolved against the publication date),
   weapons and platforms, hedging and attribution.

Locations are set later by the geo stage from the triggers and evidence here.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import actor_syntax, actors, counts, dates, doc_gate, event_actors, lexicon
from .actor_syntax import _actor, _actors, _agent_of, _instrument, _phrase, _subject_of, same_person
from .nlp import original_text as _orig
from .records import SUB_TO_TYPE, Actor, Article, Count, Event, Span
from .tolls import detail_toll, summary_victims, zero_statement
from .tolls import tolls as _tolls
from .triggers import (
    ARMED,
    BACKGROUND,
    CIVILIAN,
    CLASS_SUB,
    GENERIC,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_HEADS,
    PRIORITY,
    REPORTING,
)
from .triggers import is_real as _is_real
from .triggers import sport_or_business as _sport_or_business
from .triggers import trigger_class as _trigger_class

PERSON_DEP_SUBJ = ("nsubj", "nsubjpass")
LEAD_CHARS = 200  # the headline and first lines: what the article is about


@dataclass
class _Candidate:
    """One sentence's event before merging."""

    sent: SpacySpan
    trigger: Token
    trigger_end: int  # token index (exclusive) for multi-word triggers
    cls: str
    sub: str
    anchored: bool
    places: set[str] = field(default_factory=set)
    date: str | None = None
    full: bool = False  # the sentence gives its own toll or date
    sents: list[SpacySpan] = field(default_factory=list)
    strong: list[bool] = field(default_factory=list)  # per sentence: anchored (not only context)
    idx: int = 0  # sentence number of the last sentence
    toll_only: bool = False  # no trigger, only a toll statement ("there were no victims")
    listed: bool = False  # another act listed in the sentence of the candidate before
    deaths: list[counts.Figure] = field(default_factory=list)  # the death figures stated


def _span(doc: Doc, start: int, end: int) -> Span:
    """The span of the original text, without leading or trailing whitespace."""
    text = _orig(doc)
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    while start < end - 1 and text[start].isspace():
        start += 1
    return Span(text[start:end], start, end)


# --------------------------------------------------------------- classification
@functools.cache
def _categories() -> dict[str, str]:
    return {e.canonical: e.category for e in lexicon.weapon_entries()}


def _weapon_categories(sent: SpacySpan) -> set[str]:
    cats = set()
    for ent in sent.ents:
        if ent.label_ in ("WEAPON", "MILITARY_PLATFORM"):
            name = ent.ent_id_ or (lexicon.canonical(ent.text) or ("", ""))[0]
            if name in _categories():
                cats.add(_categories()[name])
    return cats


def _targets(tok: Token) -> list[Token]:
    """Nouns an event is done to: objects, passive subjects, "on"/"against" objects."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "of"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)
    return out


def _is_armed(tok: Token) -> bool:
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in
             ("compound", "amod"))}  # fmt: skip
    found = actors.lookup(tok.text)
    if found and found.type in ("state_forces", "rebel_group", "political_militia",
                                "identity_militia"):  # fmt: skip
        return True
    return bool(words & ARMED)


def _is_civilian(tok: Token) -> bool:
    return tok.lemma_.lower() in CIVILIAN or tok.ent_type_ == "PERSON"


def _classify(cands: list[tuple[Token, int, str]], sent: SpacySpan) -> tuple[Token, int, str, str]:
    """Pick the sentence's main trigger and its sub-event type."""
    words = {t.lemma_.lower() for t in sent}
    lower = sent.text.lower()
    cats = _weapon_categories(sent)
    best: tuple[int, Token, int, str, str] | None = None
    for tok, end, cls in cands:
        sub = CLASS_SUB[cls]
        if cls in ("bomb", "attack", "kill", "die", "wound", "strike", "shoot", "fire",
                   "shelling", "air", "clash", "down"):  # fmt: skip
            if "suicide" in words or "self-immolat" in lower:
                sub = (
                    "Suicide bomb"
                    if cls in ("bomb", "attack", "kill", "die", "wound")
                    or "bomber" in words
                    or "vest" in words
                    else sub
                )
            elif "chemical" in words or words & {"sarin", "chlorine", "mustard", "nerve"} and \
                    "gas" in words:  # fmt: skip
                sub = "Chemical weapon"
            elif cls == "down" or (cls in ("strike", "attack") and _platform_is_target(tok)):
                sub = "Armed clash"
            elif cls == "air" or (cls in GENERIC | {"bomb"} and cats & {"aircraft", "drone"} and
                                  _platform_is_agent(sent)):  # fmt: skip
                sub = "Air/drone strike"
            elif cls == "shelling" or (cls in GENERIC and cats & {"artillery", "rocket_system",
                                                                   "missile"}):  # fmt: skip
                sub = "Shelling/artillery/missile attack"
            elif cls == "bomb" or (cls in GENERIC and cats & {"ied", "explosive", "landmine"}):
                sub = "Remote explosive/landmine/IED"
            elif cats & {"grenade"} and cls in GENERIC:
                sub = "Grenade"
            elif cls in GENERIC | {"clash"}:
                sub = _violence_sub(tok, sent)
        elif cls == "protest":
            sub = _protest_sub(sent)
        elif cls in ("riot", "mob"):
            sub = (
                "Mob violence" if words & {"lynch", "mob", "vigilante"} else "Violent demonstration"
            )
        elif cls == "capture":
            sub = _territory_sub(tok)
        score = _rank(sub, cls)
        if best is None or score > best[0]:
            best = (score, tok, end, cls, sub)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def _rank(sub: str, cls: str) -> int:
    """How strongly a trigger types its event: a word that only says someone was hurt or
    attacked ranks below any word that names the kind of event (a protest, a bombing);
    a killing still outranks an arrest or looting in the same sentence."""
    return PRIORITY.get(sub, 0) - (5 if cls == "kill" else 30 if cls in GENERIC else 0)


def _platform_is_target(tok: Token) -> bool:
    return any(t.ent_type_ == "MILITARY_PLATFORM" for c in _targets(tok) for t in c.subtree)


def _platform_is_agent(sent: SpacySpan) -> bool:
    """An aircraft or drone that acts ("warplanes struck"), not one that is hit."""
    for tok in sent:
        if tok.ent_type_ != "MILITARY_PLATFORM" and tok.lemma_.lower() not in (
            "warplane",
            "jet",
            "aircraft",
            "drone",
            "helicopter",
            "plane",
            "gunship",
            "air",
        ):
            continue
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("nsubj", "agent", "pobj", "compound", "npadvmod") and \
                    cur.dep_ != "nsubjpass":  # fmt: skip
                if cur.dep_ == "pobj" and cur.head.lower_ not in ("by", "from", "with"):
                    break
                if cur.dep_ in ("nsubj", "agent") or cur.head.lower_ in ("by", "from", "with"):
                    return True
            if cur.dep_ == "nsubjpass" or cur.head == cur:
                break
            cur = cur.head
    return False


def _violence_sub(tok: Token, sent: SpacySpan) -> str:
    targets = _targets(tok)
    if tok.lemma_.lower() in ("die", "dead", "death", "toll"):
        targets = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] + [
            g for c in tok.children if c.dep_ == "prep" for g in c.children
        ]
    subj = [c for c in tok.children if c.dep_ in ("nsubj",)]
    if any(_is_armed(t) for t in targets) or (
        any(_is_armed(s) for s in subj) and tok.lemma_.lower() in ("clash", "fight", "battle",
                                                                   "engage", "ambush")):  # fmt: skip
        return "Armed clash"
    if tok.lemma_.lower() in ("clash", "fight", "fighting", "battle", "firefight", "gunfight",
                              "skirmish", "ambush", "combat", "gunbattle", "shootout",
                              "offensive", "engage", "confrontation", "crossfire", "fire"):  # fmt: skip
        return "Armed clash"
    if any(_is_civilian(t) for t in targets):
        return "Attack"
    words = {t.lemma_.lower() for t in sent}
    if words & {"soldier", "troop", "army", "police", "policeman", "militant", "rebel",
                "guerrilla", "insurgent", "fighter"} and words & {"clash", "fight", "battle",
                                                                   "ambush", "fighting"}:  # fmt: skip
        return "Armed clash"
    return "Attack"


def _protest_sub(sent: SpacySpan) -> str:
    words = {t.lemma_.lower() for t in sent}
    lower = sent.text.lower()
    lethal = words & {"kill", "dead", "die", "death"} and (
        words & {"police", "troop", "soldier", "force", "security"} or "live" in words
    )
    if lethal:
        return "Excessive force against protesters"
    if (
        words
        & {
            "stone",
            "rock",
            "molotov",
            "torch",
            "loot",
            "vandalize",
            "smash",
            "riot",
            "burn",
            "petrol",
            "brick",
            "clash",
            "skirmish",
            "scuffle",
        }
        or "set fire" in lower
    ):
        # protesters who clash with the police riot (ACLED: violent demonstration)
        return "Violent demonstration"
    if words & {"disperse", "arrest", "detain", "baton", "water", "rubber", "teargas"} or \
            "tear gas" in lower:  # fmt: skip
        return "Protest with intervention"
    return "Peaceful protest"


def _territory_sub(tok: Token) -> str:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
    for s in subj:
        a = actors.resolve(_phrase(s).text)
        if a.type == "state_forces":
            return "Government regains territory"
    return "Non-state actor overtakes territory"


# --------------------------------------------------------------- arguments
# --------------------------------------------------------------- tolls
# --------------------------------------------------------------- dates, hedges, sources
def _date_in(
    sents: list[SpacySpan], trigger: Token, published: str | None
) -> tuple[str | None, int]:
    doc = trigger.doc
    text = _orig(doc)
    for i, sent in enumerate(sents):
        found: list[tuple[int, str]] = []
        report = []
        for ent in sent.ents:
            if ent.label_ in ("DATE", "TIME"):
                if _report_date(ent.root, trigger):
                    report.append((ent.start_char, ent.end_char))
                    continue  # "in a statement released today": when it was said
                found.append((ent.start_char, text[ent.start_char : ent.end_char]))
        for s, e in dates.cue_spans(sent.text):
            if any(a <= sent.start_char + s < b for a, b in report):
                continue
            found.append((sent.start_char + s, sent.text[s:e]))
        # nearest to the trigger first, in the trigger's own sentence
        found.sort(key=lambda f: abs(f[0] - trigger.idx) if i == 0 else f[0])
        for _, expr in found:
            low = expr.lower()
            if re.search(r"\b(years?|months?)[- ]old\b|\bhours?\b|\bminutes?\b|\bdecades?\b", low):
                continue
            if re.fullmatch(r"\W*(the )?(past|last|next|coming) (several |few )?(days|weeks|months|years)\W*",
                            low):  # fmt: skip
                continue
            day, precision = dates.resolve(expr, published)
            if day:
                return day, precision
    return None, 3


def _report_date(tok: Token, trigger: Token) -> bool:
    """Is the date at ``tok`` that of a statement about the event ("in a statement released
    today", "said on Monday")?"""
    if any(t.i == trigger.i for t in tok.subtree) or (
        trigger.dep_ in ("relcl", "acl") and trigger.head.lemma_.lower() in TIME_NOUNS
    ):
        return False  # "issued on 18 August, the same day Galan was assassinated"
    head = tok.head
    if head.pos_ == "ADP":  # "released on Tuesday"
        head = head.head
    return head is not trigger and head.lemma_.lower() in REPORT_VERBS


REPORT_VERBS = {"release", "issue", "publish", "broadcast"}
TIME_NOUNS = {"day", "date", "time", "night", "morning", "afternoon", "evening", "week"}


def _lead_date(
    cand: _Candidate,
    sents: list[SpacySpan],
    sent_no: dict[int, int],
    prev: _Candidate | None,
    prev_date: tuple[str | None, int],
    published: str | None,
) -> tuple[str | None, int]:
    """The date of an event whose sentences give none: the sentence right before it in
    the same paragraph tells when ("This morning, insurgents derailed a train. [...] the
    train was derailed by a Claymore mine"); when that sentence belongs to the event
    before, that event's date ("... attacked the substation. They caused damage with
    explosives")."""
    before = _lead_sents(cand, sents, sent_no)
    for sent in before:
        if prev is not None and any(s.start == sent.start for s in prev.sents):
            return prev_date
    if not before or any(BACKGROUND.search(s.text) for s in before):
        return None, 3
    return _date_in(before, before[0].root, published)


def _lead_sents(
    cand: _Candidate, sents: list[SpacySpan], sent_no: dict[int, int]
) -> list[SpacySpan]:
    """The sentence right before the event in the same paragraph, with the fragments a
    bracketed insertion split off it ("FENADESAL [Salvadoran National Railroad] spokesmen
    said ..."); none when the event opens with "Elsewhere", "Meanwhile"."""
    n = sent_no.get(cand.sents[0].start)
    if not n or NEW_INCIDENT.match(cand.sents[0].text):
        return []
    text = _orig(cand.sents[0].doc)
    # the sentence before, with the fragments a bracketed insertion split off it
    # ("FENADESAL [Salvadoran National Railroad] spokesmen said ...")
    before: list[SpacySpan] = []
    for k in range(n - 1, max(n - 4, -1), -1):
        end = sents[k].start_char + len(sents[k].text.rstrip())
        if "\n\n" in text[end : (before or cand.sents)[0].start_char]:
            break  # a new paragraph
        before.insert(0, sents[k])
        head = sents[k].text[:1] in "[(" or sents[k].text[:1].islower()
        if not head and re.search(r"[.!?][\"')\]]*\s*$", sents[k].text):
            break  # a whole sentence, not a piece of one
    return before


def _follow_sents(
    cand: _Candidate, sents: list[SpacySpan], taken: dict[int, _Candidate]
) -> list[SpacySpan]:
    """The (at most two) sentences right after the event's last one, in its paragraph,
    up to one that tells another event or opens a new incident ("Meanwhile, ...")."""
    out: list[SpacySpan] = []
    text = _orig(cand.sents[0].doc)
    for k in range(cand.idx + 1, min(cand.idx + 3, len(sents))):
        end = sents[k - 1].start_char + len(sents[k - 1].text.rstrip())
        if "\n\n" in text[end : sents[k].start_char] or NEW_INCIDENT.match(sents[k].text):
            break
        if taken.get(k, cand) is not cand:
            break
        out.append(sents[k])
    return out


def _told_again(cand: _Candidate, sents: list[SpacySpan]) -> list[SpacySpan]:
    """Other sentences of the article that name the event again with a definite noun of
    its kind ("the fighting", "the massacre", "this attack"), not another one ("another
    attack", "a new attack")."""
    own = {s.start for s in cand.sents}
    out = []
    for sent in sents:
        if sent.start in own:
            continue
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.i == cand.trigger.i:
                continue
            hit = _trigger_class(tok)
            if hit is None or hit[0] != cand.cls:
                continue
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
            if dets & {"the", "this", "that"} and not dets & {"another", "other", "new",
                                                              "previous", "last", "earlier"}:
                out.append(sent)
                break
    return out


def _hedged(trigger: Token) -> bool:
    toks = [trigger, *trigger.ancestors]
    for t in toks[:4]:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "advmod" and low in HEDGE_ADVERBS - {"reportedly"}:
                return True
            if c.dep_ == "amod" and low in HEDGE_ADJECTIVES:
                return True
            if c.dep_ == "aux" and low in ("may", "might", "could") and t.i == trigger.i:
                return True
            if (
                t.i == trigger.i
                and c.dep_ in ("nsubj", "nsubjpass")
                and _trigger_class(c) is not None
                and any(g.dep_ == "amod" and g.lower_ in HEDGE_ADJECTIVES for g in c.children)
            ):
                return True  # "the possible attack killed three soldiers"
        if t.i != trigger.i and t.lemma_.lower() in HEDGE_HEADS:
            return True
    sent = trigger.sent.text.lower()
    return (
        "unconfirmed" in sent
        or "could not be independently verified" in sent
        or "could not be verified" in sent
    )


def _source_phrase(tok: Token) -> str:
    span = _phrase(tok)
    # "Dmitry Peskov, a spokesperson for ...": the name alone
    return _orig(tok.doc)[span.start_char : span.end_char]


def _attribution(sents: list[SpacySpan]) -> str | None:
    """Who the text says reported or claimed the event: organisations before people."""
    found: list[tuple[int, str]] = []
    for sent in sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in REPORTING and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
                if subj is None or subj.lower_ in ("it", "they", "he", "she", "we", "i", "you",
                                                   "which", "who", "that"):  # fmt: skip
                    continue
                rank = (
                    0
                    if subj.ent_type_ in ("ORG", "NORP", "GPE")
                    or subj.lemma_.lower()
                    in (
                        "ministry",
                        "army",
                        "military",
                        "police",
                        "government",
                        "kremlin",
                        "spokesman",
                        "spokesperson",
                        "official",
                        "agency",
                        "office",
                    )
                    else 1
                )
                found.append((rank, _source_phrase(subj)))
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and \
                    tok.doc[tok.i + 1].lower_ == "to":  # fmt: skip
                pobj = next((g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    found.append((0 if pobj.ent_type_ in ("ORG", "NORP") else 1,
                                  _source_phrase(pobj)))  # fmt: skip
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    name = found[0][1].strip()
    return re.sub(r"^(the|a|an)\s+", "", name, flags=re.I) if len(name) > 1 else None


# --------------------------------------------------------------- assembling
# titles the tagger takes for places when a sentence is cut after them ("... AND MR.")
TITLE_ABBREVIATIONS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "msgr", "msgr."}


def _places(sent: SpacySpan) -> set[str]:
    return {e.text.lower() for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")
            and e.text.lower() not in TITLE_ABBREVIATIONS}  # fmt: skip


def _anchored(sent: SpacySpan, tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    labels = {e.label_ for e in sent.ents}
    if labels & {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORG", "NORP", "WEAPON"}:
        return True
    return dates.has_cue(sent.text)


def _candidates(doc: Doc, published: str | None) -> list[_Candidate]:
    out = []
    for n, sent in enumerate(doc.sents):
        if BACKGROUND.search(sent.text):
            continue
        found = []
        for tok in sent:
            hit = _trigger_class(tok)
            if hit and _is_real(tok, hit[0]):
                found.append((tok, hit[1], hit[0]))
        if not found:
            if zero_statement(sent.text):  # "There were no casualties.": joins the event before
                cand = _Candidate(sent, sent.root, sent.root.i + 1, "die", "Attack", False, set(),
                                  idx=n, toll_only=True)  # fmt: skip
                cand.sents, cand.strong = [sent], [True]
                out.append(cand)
            continue
        deaths, hurt = _tolls(sent)
        parts = [found] if deaths or hurt else _dated_apart(found)
        if len(parts) == 1 and not (deaths or hurt):
            parts = _listed_apart(found)
        for k, part in enumerate(parts):
            trig, end, cls, sub = _classify(part, _part_span(sent, parts, k))
            # a sentence with a verb trigger of its own is anchored, also when a noun trigger
            # types it ("Soldiers kill rebel commander in jungle fight")
            anchored = _anchored(sent, trig) or any(t.pos_ == "VERB" for t, _, _ in found)
            cand = _Candidate(sent, trig, end, cls, sub, anchored, _places(sent), idx=n)
            cand.date = _date_in([sent], trig, published)[0]
            cand.deaths = deaths
            cand.full = bool(cand.date or deaths or hurt)
            cand.sents = [sent]
            cand.strong = [cand.anchored]
            cand.listed = k > 0 and len(parts) > 1
            out.append(cand)
    return out


def _part_span(sent: SpacySpan, parts: list, k: int) -> SpacySpan:
    """The words of the k-th act a sentence lists, for typing it: from its first word to
    the next act's ("bomb attacks on the residences of A" is a bombing, "an attack on a
    relative of D" is not)."""
    if len(parts) == 1:
        return sent
    doc = sent.doc
    start = sent.start if k == 0 else min(t.left_edge.i for t, _, _ in parts[k])
    end = sent.end if k == len(parts) - 1 else min(t.left_edge.i for t, _, _ in parts[k + 1])
    return doc[start:end] if end > start else sent


def _listed_apart(found: list[tuple[Token, int, str]]) -> list[list[tuple[Token, int, str]]]:
    """A list of attacks on different targets ("bomb attacks on the residences of A and B,
    an attack on the residence of C, and an attack on a relative of D") gives one candidate
    per attack (the words typing each go with it: "bomb attacks"); an umbrella noun without
    a target ("there have been attacks") is dropped."""
    targeted = []
    for f in found:
        tok = f[0]
        if tok.pos_ != "NOUN" or f[2] not in ("attack", "bomb", "kill", "abduct", "grenade"):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("on", "against") and
               any(g.dep_ == "pobj" for g in c.children) for c in tok.children):  # fmt: skip
            targeted.append(f)
    if len(targeted) < 2:
        return [found]
    ids = {f[0].i for f in targeted}
    if not any(f[0].dep_ in ("conj", "appos") and (f[0].head.i in ids or any(
            c.i in ids for c in f[0].children if c.dep_ in ("conj", "appos"))) for f in targeted):
        return [found]  # fmt: skip
    parts = []
    for f in targeted:
        own = [g for g in found if g is f or g[0].head.i == f[0].i and g[0].dep_ == "compound"]
        parts.append(own)
    return parts


def _own_date(tok: Token) -> str | None:
    """The date a trigger verb carries itself: "captured on 27 January"."""
    for c in tok.children:
        if c.dep_ in ("prep", "npadvmod") and c.i > tok.i:
            words = [t.text.lower() for t in c.subtree if t.ent_type_ == "DATE"]
            if words:
                return " ".join(words)
    return None


def _dated_apart(found: list[tuple[Token, int, str]]) -> list[list[tuple[Token, int, str]]]:
    """A sentence that tells two acts on different days ("Bartolo Rodriguez, who was
    captured on 27 January, and [name] captured on 2 February") gives one candidate per
    act; otherwise the sentence's triggers stay together."""
    dated = [(f, _own_date(f[0])) for f in found if f[0].pos_ == "VERB"]
    dated = [(f, d) for f, d in dated if d]
    if len({d for _, d in dated}) < 2:
        return [found]
    return [[f] for f, _ in dated]


def _family(sub: str) -> str:
    return SUB_TO_TYPE[sub]


# a sentence that opens with these reports another incident
NEW_INCIDENT = re.compile(
    r"\W*(elsewhere|separately|in (an)?other (incident|attack|development)s?|in a separate "
    r"(incident|attack)|meanwhile)\b",
    re.I,
)
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if b.toll_only:
        return b.idx - a.idx <= 2  # a toll statement right after the event
    if b.listed:
        return False  # "an attack on A, and an attack on B": two acts
    if NEW_INCIDENT.match(b.sent.text):
        return False  # "Elsewhere, ...", "In another incident, ..."
    if b.sent.start - a.sents[-1].end > 400:  # tokens: far apart in a long article
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.places and b.places and not (a.places & b.places) and a.full and b.full:
        return False  # two full reports (each with its own toll or date) in different places
    if b.date and not a.date and b.idx - a.idx > 2 and _other_victims(a, b):
        # a dated killing of other victims told three or more sentences after an undated
        # one is another ("the assassination of five students [...] the assassination on
        # 15 September of Eduardo Lopez"; but not "the massacre of 14 fishermen, including
        # two Colombians [...] the murder of A and B on 29 October")
        return False
    if _abduction_apart(a, b):
        return False
    fa, fb = _family(a.sub), _family(b.sub)
    if fa == fb:
        return True
    if "Strategic developments" in (fa, fb):
        # an arrest after a killing is an event of its own; damage done by the blast is not
        # ("the shock wave destroyed a wall"; not "a count of destroying records")
        other, blast = (a, fb) if fa == "Strategic developments" else (b, fa)
        return (other.cls in ("destroy", "arson") and blast == "Explosions/Remote violence"
                and other.trigger.tag_ != "VBG" and b.idx - a.idx <= 2)  # fmt: skip
    if b.cls in GENERIC or a.cls in GENERIC:
        return fa in VIOLENT or b.cls in ("die", "wound")
    return False


HARM_CLASSES = ("kill", "die", "wound", "attack", "fire", "shoot")
# nouns that, with "the"/"this", name the act told before ("killed in the attack")
SAME_ACT_NOUNS = {"attack", "raid", "kidnapping", "abduction", "ambush", "assault", "shooting",
                  "operation", "incident", "action"}  # fmt: skip


def _abduction_apart(a: _Candidate, b: _Candidate) -> bool:
    """An abduction and a killing or shooting told in sentences of their own, the second
    naming its victims or its toll, are two acts ("Torres was killed. [...] The attackers
    left taking Heyndal and Teneda with them"): each is coded as an event (a sentence that
    tells both stays one)."""
    if b.trigger.pos_ != "VERB" or not (_victim_named(b.trigger) or b.deaths):
        return False
    if any(t.lemma_.lower() in SAME_ACT_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
           for t in b.sent):  # fmt: skip
        return False  # "Three guards were killed in the attack": the act told before
    return (a.cls == "abduct" and b.cls in HARM_CLASSES) or (
        b.cls == "abduct" and a.cls in HARM_CLASSES)  # fmt: skip


def _victim_named(verb: Token) -> bool:
    """The verb's victim is a person the text names or describes ("Sipi Mayor Manuel Cruz
    was wounded", "taking Heyndal and Teneda with them"), not "us" or "the people"."""
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    victims += [c for v in victims for c in v.conjuncts]
    # "taking heyndal and teneda": the parser can hang the second name on the verb
    victims += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    return any(
        v.pos_ == "PROPN" and v.ent_type_ not in counts.NOT_PERSON_ENTS
        or v.ent_type_ == "PERSON"
        or v.lemma_.lower() in counts.PERSON_NOUNS and v.lemma_.lower() not in GENERIC_PEOPLE
        for v in victims
    )


GENERIC_PEOPLE = {"people", "person", "civilian", "individual", "other"}


def _other_victims(a: _Candidate, b: _Candidate) -> bool:
    """Do both state a death toll, and is b's neither a's nor a part a's sentences single
    out ("14 fishermen, including two Colombians")?"""
    da, db = counts.merge(a.deaths).best, counts.merge(b.deaths).best
    if not (da and db) or da == db:
        return False
    parts = {counts.number(m) for s in a.sents for m in INCLUDING.findall(s.text)}
    return db not in parts


INCLUDING = re.compile(r"\bincluding (?:at least )?([\w,-]+)", re.I)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    merged: list[_Candidate] = []
    for c in cands:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and len(merged) > 1
            and _family(prev.sub) == "Strategic developments"
            and (c.toll_only or _family(c.sub) in VIOLENT)
            and not _compatible(prev, c)
        ):
            # an arrest told between an attack and its aftermath ("a second bomber was
            # arrested. We have recovered 12 bodies"): the aftermath joins the attack
            before = merged[-2]
            if _family(before.sub) in VIOLENT and c.idx - before.idx <= 3:
                prev = before
        if prev is not None and _compatible(prev, c):
            prev.sents.append(c.sent)
            prev.strong.append(c.anchored or c.toll_only)
            prev.idx = c.idx
            if c.toll_only:
                continue
            prev.places |= c.places
            prev.full = prev.full or c.full
            prev.date = prev.date or c.date
            prev.deaths = prev.deaths + c.deaths
            keep = _family(prev.sub) in VIOLENT and _family(c.sub) not in VIOLENT
            if _rank(c.sub, c.cls) > _rank(prev.sub, prev.cls) and not keep:
                prev.trigger, prev.trigger_end, prev.cls, prev.sub = (
                    c.trigger,
                    c.trigger_end,
                    c.cls,
                    c.sub,
                )
            prev.anchored = prev.anchored or c.anchored
            continue
        if not c.anchored:
            continue  # nothing of its own and nothing to attach to
        merged.append(c)
    return merged


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """All events the article reports, in text order (see the module docstring)."""
    if _sport_or_business(doc):
        return []
    published = article.published
    events = []
    classes: list[str] = []  # each event's trigger class, for the document-level gate
    groups = _named_groups(doc)
    doc_claim = _doc_claimant(doc)
    all_sents = list(doc.sents)
    sent_no = {s.start: n for n, s in enumerate(all_sents)}
    summary = summary_victims([s for s in all_sents if not BACKGROUND.search(s.text)])
    prev_cand: _Candidate | None = None
    prev_date: tuple[str | None, int] = (None, 3)
    built: list[_Candidate] = []  # each event's candidate, for the same-deaths pass
    disaster = doc_gate.is_disaster(_orig(doc)[:LEAD_CHARS])
    cands = _merge(_candidates(doc, published))
    taken = {sent_no[s.start]: c for c in cands for s in c.sents}  # sentence -> its event
    for cand in cands:
        trig = cand.trigger
        hint = None
        a1, a2 = _actors(trig, cand.cls, hint)
        if _no_agent(a1):  # "the bomb destroyed ...": the device did not act
            a1, a2 = None, a2 or (a1 if a1.type == "civilians" else None)
        a1 = a1 or _by_agent(trig, hint)
        violent = SUB_TO_TYPE[cand.sub] in VIOLENT
        for sent, strong in zip(cand.sents, cand.strong, strict=True):
            # fill missing actors from the event's other triggers, in text order
            if not strong or actor_syntax.figurative(trig):  # "combat the disease"
                continue
            for tok in sent:
                a1 = a1 or _placer(tok, hint)  # "unidentified persons placed 11 bombs"
                hit = _trigger_class(tok) if tok.i != trig.i else None
                if hit and _is_real(tok, hit[0]):
                    b1, b2 = _actors(tok, hit[0], hint)
                    b1 = b1 or _by_agent(tok, hint)
                    if a1 is not None and b1 is not None and _unit_of(b1, a1):
                        a1 = b1  # "guerrillas of the ELN" ... "the Nelson Mandela cell of the ELN"
                    if violent and SUB_TO_TYPE[CLASS_SUB[hit[0]]] not in VIOLENT:
                        # "the intelligence service intercepted a call", "police arrested
                        # two men": who did that did not do the attack, nor suffer it
                        b1 = b2 = None
                    a1, a2 = a1 or (None if _no_agent(b1) else b1), a2 or b2
                elif hit and (hit[0] == cand.cls or tok.lemma_ == trig.lemma_):
                    # the same deed told again with its agent, in a clause the parser
                    # garbled ("Rodriguez, who was captured on 27 January, and [name]
                    # captured on 2 February by troops of the 6th Brigade")
                    a1 = a1 or _by_agent(tok, hint)
        if same_person(a1, a2):
            a1 = None  # "PIZARRO WAS KILLED": the victim is not also the author
        if a2 is not None and _is_thing(a2):
            # a bridge or a pylon is the physical target; the people hurt are the victims
            a2 = _human_target(cand, trig, hint) or a2
        if SUB_TO_TYPE[cand.sub] == "Battles":
            strong_sents = [s for s, st in zip(cand.sents, cand.strong, strict=True) if st]
            a1, a2 = event_actors.fill_sides(a1, a2, strong_sents, _orig(doc))
        if SUB_TO_TYPE[cand.sub] in ("Protests", "Riots"):
            a1, a2 = _crowd_actors(cand, a1, a2)
        if (SUB_TO_TYPE[cand.sub] == "Violence against civilians" and a1 is not None
                and a1.type == "civilians" and (a2 is None or not a2.text)):  # fmt: skip
            a1, a2 = None, a1  # "the six Jesuits' slaying": the civilians are its victims
        if SUB_TO_TYPE[cand.sub] == "Violence against civilians" and a2 is None:
            a2 = Actor("Civilians", "", "civilians", None)  # unnamed victims ("kill seven")
        elif SUB_TO_TYPE[cand.sub] == "Violence against civilians" and a2.type == "unknown":
            a2 = Actor("Civilians", a2.text, "civilians", None)  # "a preacher", "the mosque"
        # "the victims were identified as David Lecky ...", "a terrorist arrested by the
        # police has been identified as Ana Ruiz": the name says who they are
        told = [all_sents[k] for k in range(sent_no[cand.sents[0].start], cand.idx + 1)
                if taken.get(k, cand) is cand]  # its sentences and those between them
        a2 = event_actors.identified_as(a2, told + _follow_sents(cand, all_sents, taken))
        if SUB_TO_TYPE[cand.sub] in VIOLENT:
            a2 = event_actors.fuller_victim(a2, doc, _orig(doc))  # "FERREYROS": the full name
            a1 = _perpetrator(cand, a1, a2, groups, doc_claim)
            if a1.name.startswith("Unidentified Armed Group") and not a1.text:
                # "This morning, insurgents derailed a train. [...] derailed by a mine"
                lead = _lead_sents(cand, all_sents, sent_no)
                if lead and not (prev_cand and any(s.start == x.start for s in prev_cand.sents
                                                   for x in lead)):  # fmt: skip
                    a1 = _perpetrator(dataclasses.replace(cand, sents=lead + cand.sents), None,
                                      a2, groups, doc_claim)  # fmt: skip
            if a1.name.startswith("Unidentified Armed Group") and not a1.text:
                # "Torres was killed. The attackers, who wore uniforms, ...": the attackers
                # the next sentences speak of are this event's
                follow = _follow_sents(cand, all_sents, taken)
                perp = event_actors.perpetrator_mention(follow, definite=True)
                found = _actor(perp, None) if perp is not None else None
                if found is not None and found.type not in ("unknown", "civilians"):
                    a1 = _perpetrator(cand, found, a2, groups, doc_claim)
            if a1.name.startswith("Unidentified Armed Group") and not a1.text:
                # "a terrorist attack", "last night's terrorist acts": terrorists did it
                adj = event_actors.perpetrator_adjective(cand.sents, _attack_word)
                if adj is not None:
                    found = actors.resolve(_orig(doc)[adj.idx : adj.idx + len(adj.text)])
                    a1 = _perpetrator(cand, found, a2, groups, doc_claim)
            if a1.name.startswith("Unidentified Armed Group") and not a1.text:
                # "Heavy fighting broke out [...]" ... "The fighting is centred in X, where
                # the rebels blew up poles": the article's other words for the same deed
                again = _told_again(cand, all_sents)
                perp = event_actors.perpetrator_mention(again)
                found = _actor(perp, None) if perp is not None else None
                if found is not None and found.type not in ("unknown", "civilians"):
                    a1 = _perpetrator(cand, found, a2, groups, doc_claim)
        death_figs: list[counts.Figure] = []
        hurt_figs: list[counts.Figure] = []
        for sent, strong in zip(cand.sents, cand.strong, strict=True):
            if not strong:
                continue
            d, h = _tolls(sent)
            death_figs += d
            hurt_figs += h
        if not death_figs and not hurt_figs and SUB_TO_TYPE[cand.sub] in VIOLENT:
            # "killed a professor, a policeman, and a pedestrian" told in detail elsewhere:
            # "professor Herminio Parra was shot"
            strong_sents = [s for s, st in zip(cand.sents, cand.strong, strict=True) if st]
            fig = detail_toll(strong_sents, summary)
            if fig is not None:
                death_figs.append(fig)
        date, precision = _date_in(cand.sents, trig, published)
        if date is None:
            date, precision = _lead_date(cand, all_sents, sent_no, prev_cand, prev_date, published)
        prev_cand, prev_date = cand, (date, precision)
        weapons, platforms = [], []
        # context sentences add evidence, not arguments; a trigger-less sentence right
        # after a strong one adds its arms ("It was found that 500 kg of explosives
        # had been used.")
        arg_sents = [s for s, strong in zip(cand.sents, cand.strong, strict=True) if strong]
        followers = _weapon_followers(arg_sents, cand.sents, all_sents, sent_no)
        for sent in arg_sents + followers:
            for ent in sent.ents:
                if ent.label_ in ("WEAPON", "MILITARY_PLATFORM"):
                    if sent in followers and not _used_there(ent):
                        continue
                    name = ent.ent_id_ or _orig(doc)[ent.start_char : ent.end_char]
                    bucket = weapons if ent.label_ == "WEAPON" else platforms
                    if name not in bucket:
                        bucket.append(name)
        weapons = _specific(weapons)
        platforms = _specific(platforms)
        t_start = trig.idx
        t_end = doc[cand.trigger_end - 1].idx + len(doc[cand.trigger_end - 1].text)
        ev = Event(
            event_type=SUB_TO_TYPE[cand.sub],
            sub_event_type=cand.sub,
            trigger=_span(doc, t_start, t_end),
            evidence=[_span(doc, s.start_char, s.end_char) for s in cand.sents],
            date=date,
            time_precision=precision if date else 3,
            actor1=a1,
            actor2=a2,
            fatalities=counts.merge(death_figs),
            injured=counts.merge(hurt_figs),
            weapons=weapons,
            platforms=platforms,
            hedged=_hedged(trig),
            attributed_to=_attribution(cand.sents),
            article_id=article.id,
        )
        if not weapons and _shot(arg_sents) and doc_gate.anchored(ev, cand.cls, disaster):
            # "gunmen shot him": a firearm, though unnamed (only where the event stands on
            # its own: "shot his father in a hunting accident" is no conflict event)
            ev.weapons = ["firearm"]
        ev.confidence = _confidence(ev, trig)
        if ev.event_type == "Strategic developments":
            ev.fatalities = Count()  # deaths belong to a violent event, never to an arrest
        events.append(ev)
        classes.append(cand.cls)
        built.append(cand)
    events, classes = _same_deaths(events, classes, built)
    return doc_gate.keep(events, classes, disaster)


# ------------------------------------------------------- the same deaths told twice
TOLL_FAMILIES = (*VIOLENT, "Riots", "Protests")
# target nouns that name one place of an attack ("the bank", "a bus"); wider words
# ("the city", "the road") tie nothing
TARGET_NOUNS = {"bridge", "pylon", "tower", "building", "office", "substation", "pipeline",
                "station", "plant", "bus", "train", "house", "home", "church", "bank",
                "headquarters", "embassy", "shop", "store", "factory", "warehouse", "dam",
                "depot", "branch", "residence", "hotel", "restaurant", "market", "mill", "inn",
                "mosque", "temple", "school", "hospital", "consulate", "cafe", "bar", "club",
                "checkpoint", "barracks", "base", "airport", "stadium", "synagogue", "university",
                "prison", "jail", "courthouse", "ministry", "parliament"}  # fmt: skip
OTHER_ONE = {"another", "other", "second", "third", "separate", "different", "new"}


def _same_deaths(
    events: list[Event], classes: list[str], cands: list[_Candidate]
) -> tuple[list[Event], list[str]]:
    """One article that tells the same deaths as two events of different kinds ("3 dead
    after protesters torch bank" [...] "a petrol bomb hurled at the bank killed three" [...]
    "the death of those three people") gives one event: the later one joins the nearest
    earlier one with the same toll, no conflicting place or date, and a tie beyond the
    equal number (the same target or victims, or a toll told as already known)."""
    kept: list[int] = []
    for j, ev in enumerate(events):
        into = None
        if ev.fatalities.best and ev.event_type in TOLL_FAMILIES:
            into = next((i for i in reversed(kept) if _restates(events[i], cands[i], ev, cands[j])),
                        None)  # fmt: skip
        if into is None:
            kept.append(j)
            continue
        if _absorb(events[into], ev, cands[into], cands[j]):
            classes[into] = classes[j]
    return [events[i] for i in kept], [classes[i] for i in kept]


def _restates(a: Event, ca: _Candidate, b: Event, cb: _Candidate) -> bool:
    if a.fatalities.best != b.fatalities.best or a.event_type not in TOLL_FAMILIES:
        return False
    if NEW_INCIDENT.match(cb.sents[0].text):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    pa, pb = _towns(ca), _towns(cb)
    if pa and pb and not (pa & pb):
        return False  # towns or countries that differ (a street or a building may be in either)
    # a bare death report ("the attacks left two dead") told in detail in the next sentence
    detail = ca.cls in GENERIC and cb.cls not in GENERIC and cb.sents[0].start == ca.sents[-1].end
    # "were killed in the fire-bomb attack": a definite noun for an attack of the kind told
    noun = cb.trigger
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "the fire-bomb attack"
        noun = noun.head
    definite = (a.sub_event_type == b.sub_event_type and noun.pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                        for c in noun.children))  # fmt: skip
    return (detail or definite or _same_victims(a.actor2, b.actor2)
            or bool(_targets_named(ca) & _targets_named(cb)) or _known_toll(cb, b.fatalities.best))


def _towns(cand: _Candidate) -> set[str]:
    """The towns and countries named (a lower-case "beach" the tagger took for one in a
    re-cased all-caps text is no name)."""
    return {e.text.lower() for s in cand.sents for e in s.ents
            if e.label_ == "GPE" and any(ch.isupper() for ch in e.text)}  # fmt: skip


def _same_victims(a: Actor | None, b: Actor | None) -> bool:
    """The same named or described victims ("Mayor Juan Perez", "the mayor Perez")."""
    if a is None or b is None or not a.text or not b.text:
        return False
    ta, tb = a.text.lower(), b.text.lower()
    words = set(re.findall(r"[a-z]+", ta)) - GENERIC_VICTIMS
    if not words or any(w.isdigit() or w in OTHER_ONE for w in ta.split() + tb.split()):
        return False
    return ta in tb or tb in ta


GENERIC_VICTIMS = {"people", "person", "persons", "civilians", "civilian", "the", "a", "an",
                   "some", "several", "many", "men", "man", "women", "woman", "others", "few",
                   "of", "and", "them", "they", "him", "her", "those", "these", "victims"}  # fmt: skip


def _targets_named(cand: _Candidate) -> set[str]:
    """The target nouns of the event's own sentences, except "another bank"."""
    out = set()
    for sent, strong in zip(cand.sents, cand.strong, strict=True):
        if not strong:
            continue
        for tok in sent:
            lem = tok.lemma_.lower()
            if lem in TARGET_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
                if not any(c.lower_ in OTHER_ONE for c in tok.children):
                    out.add(lem)
    return out


def _known_toll(cand: _Candidate, n: int) -> bool:
    """A toll told as already known: "the death of those three people", "the two
    victims", "the deaths of the three"."""
    for sent in cand.sents:
        for tok in sent:
            if tok.like_num and counts.number(tok.text) == n:
                head = tok.head
                dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")} | {
                    c.lower_ for c in tok.children if c.dep_ == "det"}
                if dets & {"the", "those", "these", "all", "both"} and head.lemma_.lower() != "of":
                    return True
                if (head.lower_ == "of" and head.head.lemma_.lower() in ("death", "killing",
                                                                        "murder", "loss")):  # fmt: skip
                    return True
    return False


def _absorb(a: Event, b: Event, ca: _Candidate, cb: _Candidate) -> bool:
    """b joins a: all its evidence, the more specific type of the two, the arguments a
    lacks. True when b's type wins."""
    spans = {(s.start, s.end) for s in a.evidence}
    a.evidence = sorted(a.evidence + [s for s in b.evidence if (s.start, s.end) not in spans],
                        key=lambda s: s.start)  # fmt: skip
    win = _rank(cb.sub, cb.cls) > _rank(ca.sub, ca.cls)
    if win:
        a.event_type, a.sub_event_type, a.trigger = b.event_type, b.sub_event_type, b.trigger
        ca.sub, ca.cls = cb.sub, cb.cls
        a.actor1, a.actor2 = b.actor1 or a.actor1, b.actor2 or a.actor2
    for f in ("actor1", "actor2", "attributed_to"):
        if getattr(a, f) is None:
            setattr(a, f, getattr(b, f))
    if a.date is None:
        a.date, a.time_precision = b.date, b.time_precision
    ca.sents, ca.strong = ca.sents + cb.sents, ca.strong + cb.strong
    ca.places |= cb.places
    if a.injured.best is None:
        a.injured = b.injured
    a.weapons = _specific(a.weapons + [w for w in b.weapons if w not in a.weapons])
    a.platforms = _specific(a.platforms + [p for p in b.platforms if p not in a.platforms])
    a.hedged = a.hedged and b.hedged
    a.confidence = max(a.confidence, b.confidence)
    return win


# subjects that name what did the harm, not who did it: "the bomb destroyed", "the shock
# wave shattered", "the attempt damaged", "the victims of the crash"
NO_AGENT = {"bomb", "bombs", "device", "devices", "package", "packages", "charge", "charges",
            "explosive", "explosives", "dynamite", "grenade", "grenades", "wave", "blast",
            "blasts", "explosion", "explosions", "attempt", "violence", "shell", "shells",
            "rocket", "rockets", "missile", "missiles", "victim", "victims", "fire", "impact",
            "bullet", "bullets", "corpse", "corpses", "body", "bodies"}  # fmt: skip


def _no_agent(actor: Actor | None) -> bool:
    """The actor names a thing or the harm itself ("the bomb", "the shock wave", "the
    victims"): it cannot be who acted."""
    if actor is None or not actor.text or actor.type not in ("unknown", "civilians"):
        return False
    words = re.findall(r"[a-z]+", actor.text.lower().split(" of ")[0])
    return bool(words) and (words[-1] in NO_AGENT or _is_thing(actor))


def _placer(tok: Token, hint: str | None) -> Actor | None:
    """Who planted, placed or threw the device the word names ("unidentified individuals
    planted a bomb"), when the words are the event's: the device is its means."""
    if not _instrument(tok):
        return None
    who = None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in actor_syntax.PLACE_VERBS:
        who = _subject_of(tok.head)
    elif tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in actor_syntax.PLACE_VERBS:
        who = _agent_of(tok.head)  # "the bomb was planted by urban guerrillas"
    else:  # "a bomb placed by urban guerrillas"
        placed = next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and c.lemma_.lower() in actor_syntax.PLACE_VERBS), None)  # fmt: skip
        who = _agent_of(placed) if placed is not None else None
    found = _actor(who, hint) if who is not None else None
    if found is None or _no_agent(found):
        return None
    if found.type == "unknown":  # "an individual placed a bomb": an unnamed attacker
        return Actor("Unidentified Armed Group", found.text, "unknown", found.country)
    return found


def _unit_of(b: Actor, a: Actor) -> bool:
    """b names a unit of the group a names in plainer words ("the Ernesto Guevara front
    of the ELN" for "ELN guerrillas")."""
    def units(x: Actor) -> bool:
        return bool(set(re.findall(r"[a-z]+", x.text.lower())) & actor_syntax.UNIT_NOUNS)

    return (b.name == a.name and a.type in ARMED_GROUP_TYPES and not a.name.startswith(
        "Unidentified") and units(b) and not units(a))  # fmt: skip


def _by_agent(tok: Token, hint: str | None) -> Actor | None:
    """The "by" agent of a participle trigger the parser read as active ("[name
    indistinct] captured on 2 February by troops of the 6th Brigade")."""
    if tok.tag_ != "VBN":
        return None
    who = _agent_of(tok)
    found = _actor(who, hint) if who is not None else None
    return None if found is None or _no_agent(found) else found


def _attack_word(tok: Token) -> bool:
    """An attack noun: "attack", "bombing", "acts", "action", "escalation"."""
    return tok.pos_ == "NOUN" and tok.lower_ in ATTACK_NOUNS | {"action", "actions", "escalation",
                                                                "ambush", "ambushes", "offensive"}


def _is_thing(actor: Actor) -> bool:
    if actor.type != "unknown" or not actor.text:
        return False
    words = re.findall(r"[a-z]+", actor.text.lower().split(" of ")[0])
    return bool(words) and actor_syntax.thing_noun(words[-1])


def _human_target(cand: _Candidate, trig: Token, hint) -> Actor | None:  # noqa: ANN001
    """actor2 of the event's other triggers when it names people, not a thing."""
    for sent, strong in zip(cand.sents, cand.strong, strict=True):
        if not strong:
            continue
        for tok in sent:
            hit = _trigger_class(tok) if tok.i != trig.i else None
            if hit and _is_real(tok, hit[0]):
                b2 = _actors(tok, hit[0], hint)[1]
                if b2 is not None and b2.text and not _is_thing(b2):
                    return b2
    return None


ARMED_GROUP_TYPES = ("rebel_group", "political_militia", "identity_militia")
# plain words for an armed group: they stand for the group the article names, when it names one
GROUP_WORDS = {"guerrilla", "guerrillas", "rebel", "rebels", "insurgent", "insurgents",
               "terrorist", "terrorists", "subversive", "subversives", "militant", "militants",
               "extremist", "extremists", "commando", "commandos", "urban", "the", "presumed",
               "suspected", "armed", "leftist", "maoist", "group", "members", "member", "of"}  # fmt: skip
# the count written with them: "about 50 guerrillas", "three terrorists"
GROUP_WORDS |= {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
                "dozen", "dozens", "several", "about", "some", "around", "nearly", "least",
                "at", "more", "than", "over", "up", "to", "approximately", "scores"}  # fmt: skip


def _named_groups(span) -> list[Actor]:  # noqa: ANN001 - a spaCy Doc or Span
    """The armed groups (rebels, militias) named in a text, first mention first."""
    out: list[Actor] = []
    mentions = [e for e in span.ents if e.label_ in ("ORG", "NORP", "PERSON", "GPE", "FAC")]
    mentions += [c for c in span.noun_chunks if any(t.pos_ == "PROPN" or t.is_upper for t in c)]
    for m in sorted(mentions, key=lambda m: m.start):
        found = actors.lookup(_orig(m.doc)[m.start_char : m.end_char])
        if found and found.type in ARMED_GROUP_TYPES and all(a.name != found.name for a in out):
            out.append(found)
    return out


def _perpetrator(
    cand: _Candidate,
    a1: Actor | None,
    a2: Actor | None,
    groups: list[Actor],
    doc_claim: Actor | None = None,
) -> Actor:
    """actor1 of a violent event: who the syntax names; else who claimed it or was blamed
    for it; a plain "guerrillas" or "terrorists" stands for the one armed group the event
    (or else the article) names; else an unidentified armed group."""
    if a1 is None or a1.name.startswith("Unidentified Armed Group") or a1.type in (
        "civilians", "unknown"
    ):  # "four unidentified civilians kidnapped ...": the claim names who they were
        claimed = _claimant(cand.sents)
        if claimed is not None:
            # the group that claimed it; the text keeps what the event's sentence says
            # ("a suicide bomber" for the Taliban)
            if claimed.name.startswith("Unidentified"):
                # "carried out by uniformed men": that is the mention, unless the event's
                # own words name the attackers ("two men placed the bomb")
                return a1 if a1 is not None and a1.text else claimed
            text = a1.text if a1 is not None else ""
            if not text:
                perp = event_actors.perpetrator_mention(cand.sents)
                found = _actor(perp, None) if perp is not None else None
                if found is not None and found.type not in ("unknown", "civilians"):
                    text = found.text
            return Actor(claimed.name, text or claimed.text, claimed.type, claimed.country)
    if a1 is None or (a1.name.startswith("Unidentified Armed Group") and not a1.text):
        perp = event_actors.perpetrator_mention(cand.sents)
        found = _actor(perp, None) if perp is not None else None
        if found is not None and found.type != "unknown" and found.type != "civilians":
            a1 = found
    if a1 is not None and not a1.name.startswith("Unidentified Armed Group"):
        return a1
    words = set(re.findall(r"[a-z]+", a1.text.lower())) if a1 else set()
    if a1 is not None and words and words <= GROUP_WORDS:
        local = [g for s in cand.sents for g in _named_groups(s)]
        names = {g.name for g in local} - {a2.name if a2 else ""}
        pool = [g for g in local if g.name in names] or (groups if len(groups) == 1 else [])
        if len({g.name for g in pool}) == 1:
            g = pool[0]
            return Actor(g.name, a1.text, g.type, g.country)
    if doc_claim is not None and (a1 is None or a1.name.startswith("Unidentified Armed Group")):
        # the group the article says claimed its attacks; the text keeps what this event says
        text = a1.text if a1 is not None else ""
        return Actor(doc_claim.name, text or doc_claim.text, doc_claim.type, doc_claim.country)
    return a1 or Actor("Unidentified Armed Group", "", "unknown", None)


def _claimant(sents) -> Actor | None:  # noqa: ANN001 - spaCy sentence spans
    """ "The FMLN claimed responsibility for the attack", "police blamed the blast on the
    ELN", "the attack was attributed to the Shining Path"."""
    found = _claimants(sents)
    return found[0] if found else None


def _doc_claimant(doc: Doc) -> Actor | None:
    """The one group the article says claimed (or was blamed for) its attacks; None when
    it names none or several."""
    found = _claimants(list(doc.sents))
    return found[0] if len({a.name for a in found}) == 1 else None


def _claimants(sents) -> list[Actor]:  # noqa: ANN001 - spaCy sentence spans
    out = []
    for sent in sents:
        before = len(out)
        for tok in sent:
            lemma = tok.lemma_.lower()
            who = None
            if lemma == "claim" and any(c.lemma_.lower() in ("responsibility", "authorship")
                                        for c in tok.children):  # fmt: skip
                who = next((c for c in tok.children if c.dep_ == "nsubj"), None) or _agent_of(tok)
                if who is None and tok.dep_ in ("acl", "relcl"):
                    who = _signer(tok.head)  # "a note signed by the FPMR claiming responsibility"
            elif lemma in ("blame", "attribute", "trace"):
                prep = "on" if lemma == "blame" else "to"
                who = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == prep
                            for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
                if who is not None and who.lower_ in ("action", "actions", "acts", "attacks"):
                    # "the violence can be traced to actions by the Shining Path"
                    who = next((g for c in who.children if c.dep_ == "prep"
                                and c.lower_ in ("by", "of") for g in c.children
                                if g.dep_ == "pobj"), None)  # fmt: skip
                elif lemma == "trace":
                    who = None  # "traced to the capital": only a deed leads to its authors
            elif lemma == "responsible":
                who = _held_responsible(tok)
            elif lemma in ORDER_VERBS and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lower_ in ATTACK_NOUNS for c in tok.children
            ):  # "Escobar ordered the assassination of ..."
                who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            elif lemma in ACCUSE_VERBS and _of_attack_deed(tok):
                # "the soldiers accused of murdering the priests"
                who = _accused(tok)
            elif lemma in ("find", "leave", "discover") and tok.pos_ == "VERB":
                # "a flag of the FPMR was found at the scene", "they left leaflets from X"
                left = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")
                             and c.lower_ in SIGNED_NOUNS), None)  # fmt: skip
                who = _signer(left, of=True) if left is not None else None
            elif lemma in actor_syntax.BY_AGENT_VERBS and tok.tag_ == "VBN" and (
                _of_attack(tok.head) or _subjectless_after_attack(tok)
            ):
                who = _agent_of(tok)  # "the attack was carried out by the army"
            if who is not None:
                found = _claimant_actor(who)
                if found is not None and (found.type != "unknown" or (
                        lemma in ORDER_VERBS | ACCUSE_VERBS and _named_person(who))):
                    out.append(found)  # a group or a force; or who ordered it ("Escobar")
        if len(out) == before:  # "IS claims attack on ...": a headline the parser misreads
            found = event_actors.surface_claimant(sent, _orig(sent.doc))
            out += [found] if found is not None else []
    return out


# what an attack can be called when blame is laid for it
ATTACK_NOUNS = event_actors.CLAIMED_NOUNS | {"act", "acts", "crime", "crimes", "murdering",
                                              "killing", "deaths", "death", "assassinations",
                                              "kidnappings", "violence", "massacres"}  # fmt: skip


ORDER_VERBS = {"order", "plan", "mastermind", "organize", "organise"}
ACCUSE_VERBS = {"accuse", "suspect", "charge", "convict"}
ATTACK_VERBS = {"kill", "murder", "assassinate", "attack", "bomb", "kidnap", "abduct",
                "massacre", "execute", "shoot"}  # fmt: skip


# what a group leaves or sends to sign an attack: "a communique signed by", "leaflets of"
SIGNED_NOUNS = {"document", "documents", "communique", "communiques", "note", "notes", "letter",
                "letters", "leaflet", "leaflets", "pamphlet", "pamphlets", "message", "messages",
                "statement", "flyer", "flyers", "banner", "banners", "flag", "flags"}  # fmt: skip


def _named_person(tok: Token) -> bool:
    """The word names someone ("Pablo Escobar", "the cartel boss"), not a pronoun or a
    relative word; a report's recased capitals leave names as common nouns."""
    return tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ not in ("DATE", "TIME", "GPE")


def _signer(tok: Token, of: bool = False) -> Token | None:
    """Who signed the document the word names: "a note signed by X", "leaflets from X";
    with ``of``, also "leaflets of X" (found at the scene)."""
    if tok.lower_ not in SIGNED_NOUNS:
        return None
    preps = ("from", "by", "of") if of else ("from", "by")
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("sign", "issue", "send"):
            who = _agent_of(c)
            if who is not None:
                return who
        if c.dep_ == "prep" and c.lower_ in preps:
            who = next((g for g in c.children if g.dep_ == "pobj"), None)
            if who is not None:
                return who
    return None


def _of_attack_deed(tok: Token) -> bool:
    """ "accused of murdering the priests", "suspected of the bombing"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.lower_ in ATTACK_NOUNS or (g.pos_ == "VERB" and g.lemma_.lower() in ATTACK_VERBS):
                    return True
    return False


def _accused(tok: Token) -> Token | None:
    """Who "accuse" points at: "X was accused of", "they accused X of", "X accused of"."""
    deps = {c.dep_: c for c in reversed(list(tok.children))}
    if "nsubjpass" in deps or "dobj" in deps:
        return deps.get("nsubjpass") or deps.get("dobj")
    if tok.dep_ == "acl":
        return tok.head
    return deps.get("nsubj") if tok.tag_ == "VBN" else None  # a participle misread


def _of_attack(tok: Token) -> bool:
    """The word is an attack ("the kidnapping", "this terrorist attack"), or a verb whose
    subject is one ("the kidnapping was planned")."""
    if tok.lower_ in ATTACK_NOUNS:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ATTACK_NOUNS
           for g in c.children) for c in tok.children):  # fmt: skip
        return True  # "a wave of violence", "the series of attacks"
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ATTACK_NOUNS
               for c in tok.children)  # fmt: skip


def _subjectless_after_attack(tok: Token) -> bool:
    """ "the kidnapping of 12 students, 5 of whom were found murdered, "was planned and
    carried out by the army": the parser lost the passive's subject; the attack noun
    that is a subject earlier in the sentence is it."""
    verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    if any(c.dep_ in ("nsubj", "nsubjpass") for v in verbs for c in v.children):
        return False
    if not any(c.dep_ == "auxpass" for v in verbs for c in v.children):
        return False
    return any(t.lower_ in ATTACK_NOUNS and t.dep_ in ("nsubj", "nsubjpass")
               for t in tok.doc[tok.sent.start : tok.i])  # fmt: skip


def _held_responsible(tok: Token) -> Token | None:
    """ "X is responsible for the killing", "we hold X responsible for this attack": X,
    when what they answer for is an attack (not "responsible for security")."""
    pobj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
    if pobj is None or not _of_attack(pobj):
        return None
    head = tok.head
    if head.lemma_.lower() == "hold":
        return next((c for c in head.children if c.dep_ == "dobj"), None) or next(
            (c for c in tok.children if c.dep_ == "nsubj"), None)
    if head.lemma_.lower() == "be" or tok.dep_ == "ROOT":
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _first_named(sub: SpacySpan) -> Actor | None:
    """A coordinated description names its first group with the words they share: one
    mention for one actor ("the rebel groups Shining Path and the MRTA" -> "the rebel
    groups Shining Path"); None when it is not coordinated."""
    text = _orig(sub.doc)
    if not any(t.dep_ == "cc" or t.text == "," for t in sub):
        return None
    start = sub.start
    for i in range(sub.start, sub.end + 1):
        if i == sub.end or sub.doc[i].dep_ == "cc" or sub.doc[i].text == ",":
            if i > start:
                part = text[sub.doc[start].idx : sub.doc[i - 1].idx + len(sub.doc[i - 1].text)]
                named = actors.resolve(part)
                if named.type in ARMED_GROUP_TYPES and not named.name.startswith("Unidentified"):
                    return Actor(named.name, part.strip(), named.type, named.country)
            start = i + 1
    return None


def _claimant_actor(who: Token) -> Actor | None:
    """The claimant's actor; a named group its whole description gives ("the Peruvian
    guerrilla movement Tupac Amaru Revolutionary Movement (MRTA)") comes first."""
    found = _actor(who, None)
    if found is not None and found.type in ARMED_GROUP_TYPES and not found.name.startswith(
            "Unidentified"):  # fmt: skip
        return found
    left, right = who.left_edge.i, who.right_edge.i + 1
    if right - left <= 15:
        sub = who.doc[left:right]
        text = _orig(who.doc)[sub.start_char : sub.end_char]
        named = actors.resolve(text)
        if named.type in ARMED_GROUP_TYPES and not named.name.startswith("Unidentified"):
            return _first_named(sub) or Actor(named.name, named.text, named.type, named.country)
    if found is not None and found.type == "unknown":
        return actors.state_force(found.text) or found  # "the army": placed later
    return found


CROWD = {"protester": "protesters", "demonstrator": "protesters", "marcher": "protesters",
         "rioter": "rioters", "mob": "rioters", "crowd": "protesters", "youth": "rioters"}  # fmt: skip
POLICE = {"police", "policeman", "policemen", "riot", "security", "troop", "soldier", "force"}


def _crowd_actors(
    cand: _Candidate, a1: Actor | None, a2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """Protests and riots: the crowd acts; the police who intervene are the other side."""
    crowd = police = None
    for sent in cand.sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if crowd is None and lemma in CROWD:
                crowd = tok
            if police is None and lemma in POLICE and tok.pos_ in ("NOUN", "PROPN"):
                police = tok
    kind = "rioters" if SUB_TO_TYPE[cand.sub] == "Riots" else "protesters"
    if a1 is None or a1.type not in ("protesters", "rioters"):
        if crowd is not None:
            found = actors.resolve(_orig(crowd.doc)[crowd.idx : crowd.idx + len(crowd.text)])
            if found.type in ("protesters", "rioters"):
                a2 = a2 if a2 is None or a2.name != found.name else None
                a1 = Actor(found.name, found.text, kind, found.country)
        elif a1 is None:
            a1 = Actor(kind.capitalize(), "", kind, None)
    if a2 is None and police is not None and cand.sub != "Peaceful protest":
        a2 = _actor(police, None)
    return a1, a2


def _weapon_followers(
    strong: list[SpacySpan], ev_sents: list[SpacySpan], sents: list[SpacySpan],
    sent_no: dict[int, int],
) -> list[SpacySpan]:  # fmt: skip
    """Sentences right after a strong sentence that are not in the event, report no
    event of their own and do not open another incident: they go on about this one."""
    starts = {s.start for s in ev_sents}
    out = []
    for sent in strong:
        n = sent_no.get(sent.start)
        if n is None or n + 1 >= len(sents):
            continue
        nxt = sents[n + 1]
        if nxt.start in starts or NEW_INCIDENT.match(nxt.text) or BACKGROUND.search(nxt.text):
            continue
        if any(t.tag_ == "MD" for t in nxt):
            continue  # "could be used to carry grenades": not what happened
        if any((hit := _trigger_class(t)) and _is_real(t, hit[0]) for t in nxt):
            continue
        out.append(nxt)
    return out


# weapons seized, handed over or found were not used in the event
NOT_USED = {"seize", "confiscate", "recover", "find", "discover", "capture", "hand", "surrender",
            "display", "smuggle", "sell", "buy", "supply", "deliver", "store", "ban"}  # fmt: skip


def _used_there(ent: SpacySpan) -> bool:
    """A weapon named in a follower sentence counts unless it is the bare word
    "weapons", a modifier of another noun ("bomb squad", "mortar team") or was seized,
    handed over or found rather than used."""
    if ent.ent_id_ == "weapon":
        return False
    if ent.root.dep_ in ("compound", "amod", "nmod") and not ent.root.head.ent_type_:
        return False
    return not any(a.lemma_.lower() in NOT_USED for a in list(ent.root.ancestors)[:3])


def _shot(sents: list[SpacySpan]) -> bool:
    """Someone was shot ("gunmen shot him", "the shooting", "opened fire on", "gunned
    down"), not a plane shot down nor a photo shoot ("shots of her")."""
    for sent in sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            parts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
            if any((c.dep_ == "dobj" and c.ent_type_ == "WEAPON") or c.lower_ == "with"
                   for c in tok.children):  # fmt: skip
                continue  # "shot a rocket at", "shot with rubber bullets": the arm is named
            if lemma in ("shoot", "shooting") and "down" not in parts:
                if tok.pos_ == "VERB" or lemma == "shooting":
                    return True
            elif lemma == "gun" and tok.pos_ == "VERB" and "down" in parts:
                return True
            elif lemma == "open" and any(c.lower_ == "fire" and c.dep_ == "dobj"
                                         for c in tok.children):  # fmt: skip
                return True
    return False


def _specific(names: list[str]) -> list[str]:
    """Drop generic names ("weapon", "helicopter") when a specific one is also named."""
    cats = _categories()
    # generic canonicals are lower case; a filler (ANFO) names a bomb's charge, not the bomb
    specific = {cats.get(n) for n in names if n != n.lower() and n not in lexicon.FILLERS}
    kept = [n for n in names if n != n.lower() or cats.get(n) not in specific]
    return [n for n in kept if n != "weapon"] or kept


def _confidence(ev: Event, trig: Token) -> float:
    score = 0.45 + (0.1 if trig.pos_ == "VERB" else 0.0)
    score += 0.1 if ev.actor1 and ev.actor1.type != "unknown" else 0.0
    score += 0.05 if ev.actor2 else 0.0
    score += 0.1 if ev.fatalities.best is not None else 0.0
    score += 0.05 if ev.date else 0.0
    score += 0.05 if ev.weapons or ev.platforms else 0.0
    score -= 0.15 if ev.hedged else 0.0
    return max(0.05, min(score, 0.95))


__all__ = ["extract_events"]
