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

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import actors, counts, dates, lexicon
from .records import SUB_TO_TYPE, Actor, Article, Count, Event, Span

# --------------------------------------------------------------- trigger lexicon
# lemma -> trigger class. Classes are turned into sub-event types by ``_classify``.
TRIGGERS: dict[str, str] = {
    # remote violence
    "airstrike": "air", "air strike": "air", "airstrikes": "air", "air raid": "air",
    "airraid": "air", "bombing raid": "air", "drone strike": "air", "strafe": "air",
    "shell": "shelling", "shelling": "shelling", "bombard": "shelling",
    "bombardment": "shelling", "barrage": "shelling", "mortar": "shelling",
    "rocket": "shelling", "missile": "shelling", "artillery": "shelling",
    "bomb": "bomb", "bombing": "bomb", "explosion": "bomb", "explode": "bomb",
    "blast": "bomb", "detonate": "bomb", "detonation": "bomb", "ied": "bomb",
    "landmine": "bomb", "car bomb": "bomb", "dynamite": "bomb", "bomber": "bomb",
    "grenade": "grenade",
    # battles
    "clash": "clash", "fight": "clash", "fighting": "clash", "battle": "clash",
    "firefight": "clash", "gunfight": "clash", "skirmish": "clash", "ambush": "clash",
    "combat": "clash", "offensive": "clash", "gunbattle": "clash", "shootout": "clash",
    "engage": "clash", "confrontation": "clash", "crossfire": "clash",
    "recapture": "regain", "retake": "regain", "regain": "regain", "liberate": "regain",
    "capture": "capture", "seize": "capture", "overrun": "capture", "takeover": "capture",
    # violence (type decided by the targets)
    "attack": "attack", "assault": "attack", "raid": "raid", "storm": "attack",
    "strike": "strike", "hit": "strike", "target": "strike", "gunfire": "attack",
    "shooting": "attack", "shoot": "shoot", "fire": "fire", "stab": "attack",
    "stabbing": "attack", "massacre": "kill", "kill": "kill", "killing": "kill",
    "murder": "kill", "slay": "kill", "execute": "kill", "execution": "kill",
    "behead": "kill", "assassinate": "kill", "assassination": "kill", "slaughter": "kill",
    "lynch": "mob", "die": "die", "dead": "die", "death": "die", "toll": "die",
    "wound": "wound", "injure": "wound", "hurt": "wound", "injury": "wound",
    "maim": "wound", "burn": "arson", "torch": "arson", "arson": "arson",
    "set fire": "arson", "destroy": "destroy", "raze": "destroy", "demolish": "destroy",
    "sabotage": "destroy", "dynamite attack": "bomb",
    # against civilians
    "kidnap": "abduct", "kidnapping": "abduct", "abduct": "abduct", "abduction": "abduct",
    "hostage": "abduct", "kidnapper": "abduct", "rape": "sexual", "gang-rape": "sexual",
    # strategic
    "arrest": "arrest", "detain": "arrest", "detention": "arrest", "apprehend": "arrest",
    "jail": "arrest", "imprison": "arrest", "custody": "arrest", "capture_person": "arrest",
    "loot": "loot", "looting": "loot", "ransack": "loot", "plunder": "loot",
    "ceasefire": "agreement", "truce": "agreement", "intercept": "disrupt",
    "defuse": "disrupt", "shoot down": "down", "down": "down",
    # demonstrations
    "protest": "protest", "demonstrate": "protest", "demonstration": "protest",
    "rally": "protest", "march": "protest", "protester": "protest", "sit-in": "protest",
    "demonstrator": "protest", "picket": "protest", "riot": "riot", "rioting": "riot",
    "rioter": "riot", "mob": "mob", "unrest": "riot",
}  # fmt: skip

# sub-event type of each class when the context adds nothing
CLASS_SUB: dict[str, str] = {
    "air": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "bomb": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "clash": "Armed clash",
    "regain": "Government regains territory",
    "capture": "Non-state actor overtakes territory",
    "attack": "Attack",
    "raid": "Attack",
    "strike": "Attack",
    "shoot": "Attack",
    "fire": "Armed clash",
    "kill": "Attack",
    "die": "Attack",
    "wound": "Attack",
    "mob": "Mob violence",
    "arson": "Looting/property destruction",
    "destroy": "Looting/property destruction",
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "arrest": "Arrests",
    "loot": "Looting/property destruction",
    "agreement": "Agreement",
    "disrupt": "Disrupted weapons use",
    "down": "Armed clash",
    "protest": "Peaceful protest",
    "riot": "Violent demonstration",
}
# classes that only say someone died or was hurt: they type an event only when
# nothing more specific is in the sentence
GENERIC = {"die", "wound", "kill", "attack", "strike", "shoot", "fire", "raid"}
# higher wins when one sentence holds several triggers
PRIORITY = {
    "Suicide bomb": 95, "Chemical weapon": 94, "Air/drone strike": 90,
    "Shelling/artillery/missile attack": 85, "Remote explosive/landmine/IED": 84,
    "Grenade": 83, "Abduction/forced disappearance": 80, "Sexual violence": 79,
    "Excessive force against protesters": 78, "Protest with intervention": 77,
    "Violent demonstration": 76, "Mob violence": 75, "Peaceful protest": 70,
    "Government regains territory": 68, "Non-state actor overtakes territory": 67,
    "Armed clash": 60, "Attack": 55, "Disrupted weapons use": 50, "Arrests": 45,
    "Looting/property destruction": 40, "Agreement": 30,
    "Headquarters or base established": 20, "Change to group/activity": 15,
    "Non-violent transfer of territory": 15, "Other": 10,
}  # fmt: skip

ARMED = {
    "soldier", "troop", "army", "military", "militant", "rebel", "insurgent", "fighter",
    "guerrilla", "guerrillas", "police", "policeman", "policemen", "officer", "gunman",
    "gunmen", "militia", "militiaman", "jihadist", "combatant", "terrorist", "force",
    "forces", "marine", "paratrooper", "patrol", "convoy", "checkpoint", "base",
    "garrison", "post", "outpost", "battalion", "brigade", "unit", "commando", "sniper",
    "personnel", "guard", "serviceman", "servicemen", "mercenary", "regiment",
    "platoon", "squad", "tank", "helicopter", "aircraft", "jet", "warplane", "pilot",
}  # fmt: skip
CIVILIAN = {
    "civilian", "villager", "resident", "child", "children", "woman", "women", "student",
    "peasant", "farmer", "worker", "journalist", "teacher", "worshipper", "pilgrim",
    "passenger", "shopper", "market", "school", "hospital", "mosque", "church", "village",
    "family", "man", "men", "boy", "girl", "people", "person", "refugee", "priest",
    "jesuit", "nun", "doctor", "nurse", "patient", "wedding", "funeral", "camp",
    "home", "house", "mayor", "judge", "politician", "official", "diplomat", "tourist",
    "aid", "employee", "trader", "merchant", "driver", "shepherd", "fisherman", "leader",
}  # fmt: skip
NOT_VIOLENT_CAUSE = {
    "earthquake", "quake", "storm", "flood", "flooding", "crash", "accident", "tornado",
    "hurricane", "cyclone", "typhoon", "landslide", "avalanche", "heatwave", "heat",
    "disease", "virus", "outbreak", "cancer", "tsunami", "collision", "derailment",
    "eruption", "mudslide", "lightning", "illness", "infection", "stroke", "overdose",
    "drowning", "pneumonia", "covid", "ebola", "cholera", "malaria", "famine",
    "starvation", "wildfire", "blaze", "fire", "cardiac", "attack_heart", "pandemic",
    "epidemic", "flu", "influenza", "aids", "hiv", "tuberculosis", "surgery", "age",
    "injury_sport", "car", "plane", "train", "bus", "road", "traffic", "motorcycle",
}  # fmt: skip
SPORT = {"match", "game", "goal", "league", "cup", "season", "coach", "team", "player",
         "tournament", "championship", "striker", "score", "inning", "touchdown", "quarter",
         "playoff", "fans", "stadium", "olympic", "olympics", "medal", "champion", "title",
         "boxing", "bout", "fighter_ufc", "ufc", "nba", "nfl", "fifa", "uefa", "premier",
         "basketball", "football", "soccer", "tennis", "cricket", "rugby", "hockey", "golf",
         "race", "lap", "film", "movie", "album", "song", "show", "episode", "novel",
         "heart", "stock", "shares", "market_stock", "price", "prices", "sales", "profit"}  # fmt: skip
FUTURE_HEADS = {"threaten", "plan", "vow", "warn", "intend", "prepare", "want", "seek",
                "try", "attempt", "fear", "aim", "hope", "pledge", "promise", "urge",
                "call", "consider", "propose", "risk", "prevent", "avoid", "stop", "deny_",
                "order", "allow"}  # fmt: skip
HEDGE_ADVERBS = {"allegedly", "purportedly", "supposedly", "possibly", "apparently",
                 "reportedly", "presumably", "perhaps", "maybe", "probably"}  # fmt: skip
HEDGE_ADJECTIVES = {"alleged", "suspected", "possible", "apparent", "unconfirmed",
                    "purported", "presumed", "probable", "likely"}  # fmt: skip
HEDGE_HEADS = {"deny", "allege", "suspect", "rumor", "rumour", "accuse", "speculate",
               "doubt", "dispute", "believe", "suggest"}  # fmt: skip
REPORTING = {"say", "tell", "report", "claim", "announce", "confirm", "state", "add",
             "accuse", "allege", "declare", "insist", "note", "explain", "quote",
             "acknowledge", "admit", "warn", "write", "post", "tweet", "indicate"}  # fmt: skip
BACKGROUND = re.compile(
    r"\b(in the past (several|few|two|three|\w+) (months|years|weeks)|over the past (several |few )?"
    r"(months|years)|last year|previous(ly)?|each time|other incidents|since (the start|the "
    r"beginning|19\d\d|20\d\d)|in recent (months|years)|anniversary|years? ago|months ago|"
    r"(earlier|last) (this )?year|in (19|20)\d\d)\b",
    re.I,
)
PERSON_DEP_SUBJ = ("nsubj", "nsubjpass")


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


def _orig(doc: Doc) -> str:
    return doc.user_data.get("text", doc.text)


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(_orig(doc)[start:end], start, end)


# --------------------------------------------------------------- trigger finding
def _trigger_class(tok: Token) -> tuple[str, int] | None:
    """The trigger class of ``tok`` and the end of the trigger's token span."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    low = tok.lower_
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.pos_ in ("PROPN",) and not tok.is_upper:
        return None  # names ("Battle Creek", "Fort Hood") are not events
    if nxt is not None:
        two = f"{lemma} {nxt.lemma_.lower()}"
        if two in ("shoot down", "gun down", "set fire", "open fire", "air strike", "air raid",
                   "car bomb", "drone strike", "bring down"):  # fmt: skip
            cls = {"shoot down": "down", "bring down": "down", "gun down": "kill",
                   "set fire": "arson", "open fire": "attack"}.get(two) or TRIGGERS[two]  # fmt: skip
            return cls, tok.i + 2
    if lemma in ("air", "drone", "aerial") and nxt is not None and nxt.lemma_.lower() in (
        "strike", "raid", "attack", "bombardment", "bombing"):  # fmt: skip
        return "air", tok.i + 2
    cls = TRIGGERS.get(lemma) or TRIGGERS.get(low)
    if cls is None:
        return None
    if tok.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN") and not (tok.is_upper and tok.pos_ in ("X", "ADV")):
        return None
    return cls, tok.i + 1


def _is_real(tok: Token, cls: str) -> bool:
    """Did the triggered event happen (as far as the sentence tells)?"""
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    if any(c.dep_ == "neg" for c in children) and cls not in ("die", "wound"):
        return False
    if any(c.lower_ in ("will", "would", "shall") and c.dep_ == "aux" for c in children):
        return False
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and head.lemma_.lower() in FUTURE_HEADS:
        return False
    if tok.dep_ == "pobj" and head.head.lemma_.lower() in FUTURE_HEADS:
        return False
    if any(c.lower_ == "if" and c.dep_ == "mark" for c in children):
        return False
    # words that are triggers only in some senses
    if lemma == "fire" and not (
        any(c.lower_ in ("at", "on", "into", "upon") for c in children)
        or any(c.dep_ in ("dobj",) and c.lemma_.lower() in ("shot", "round", "rocket", "missile",
               "shell", "mortar", "bullet", "grenade", "weapon", "gun") for c in children)
        or tok.pos_ == "VERB" and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in children)
    ):  # fmt: skip
        return False
    if lemma == "strike" and tok.pos_ == "NOUN":
        mods = {c.lemma_.lower() for c in children}
        if not mods & {"air", "drone", "missile", "rocket", "aerial", "artillery", "military"}:
            return False
    if lemma in ("strike", "hit", "target") and tok.pos_ == "VERB":
        subj = [c for c in children if c.dep_ in ("nsubj", "agent")]
        objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(c.ent_type_ in ("WEAPON", "MILITARY_PLATFORM") or c.lemma_.lower() in (
            "bomb", "missile", "rocket", "shell", "drone", "airstrike", "strike", "warplane",
            "jet", "aircraft", "helicopter", "mortar", "artillery", "gunman", "militant",
            "rebel", "attacker", "force", "troop", "army", "plane", "explosion", "blast")
            for c in subj + [a.children.__next__() for a in subj if a.dep_ == "agent"
                             and list(a.children)]):  # fmt: skip
            return False
        if lemma == "target" and not objs:
            return False
    if lemma in ("shoot", "shooting") and tok.pos_ == "VERB":
        if not any(c.dep_ in ("dobj", "nsubjpass", "prep", "acomp", "oprd", "advmod", "prt")
                   for c in children):
            return False
    if lemma in ("capture", "seize") and tok.pos_ == "VERB":
        objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs or not any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in (
            "town", "city", "village", "base", "territory", "area", "district", "airport",
            "hill", "position", "control", "border", "crossing", "province", "region")
            for o in objs):  # fmt: skip
            return False
    if lemma in ("march", "rally") and tok.pos_ != "NOUN" and tok.pos_ != "VERB":
        return False
    if lemma == "march" and tok.ent_type_ == "DATE":
        return False
    if lemma in ("rocket", "missile", "mortar", "artillery", "bomb", "grenade", "dynamite"):
        # a weapon word is a trigger when it is used ("a rocket hit", "mortar fire"),
        # not when it is only mentioned ("missile programme")
        if tok.pos_ == "NOUN" and not (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.head.lemma_.lower() in ("hit", "strike", "land", "explode", "kill",
                                            "wound", "destroy", "damage", "fall", "slam",
                                            "injure", "detonate", "go", "rain", "tear")
            or any(c.lemma_.lower() in ("attack", "fire", "strike", "barrage", "explosion")
                   for c in tok.head.children if c.i == tok.i) or tok.head.lemma_.lower() in (
                "attack", "fire", "strike", "barrage", "explosion", "blast", "shelling")
            or tok.pos_ == "VERB"
        ):  # fmt: skip
            return False
    if lemma in ("die", "dead", "death", "kill", "toll", "wound", "injure", "hurt", "injury"):
        window = tok.sent
        words = {t.lemma_.lower() for t in window}
        if words & NOT_VIOLENT_CAUSE and not words & {"attack", "bomb", "gunman", "shoot",
                                                       "militant", "rebel", "explosion",
                                                       "blast", "airstrike", "shell", "troop",
                                                       "soldier", "clash", "fighting"}:  # fmt: skip
            return False
    if lemma == "attack" and tok.sent is not None:
        mods = {c.lemma_.lower() for c in children}
        if mods & {"heart", "panic", "anxiety", "asthma", "cyber", "verbal", "personal"}:
            return False
    if lemma in ("fight", "fighting", "battle", "combat", "offensive"):
        mods = {c.lemma_.lower() for c in children} | {tok.head.lemma_.lower()}
        if mods & {"against", "legal", "court", "political", "election", "fire", "cancer",
                   "disease", "corruption", "poverty", "climate", "title", "custody", "bout"}:
            return False
    return True


def _sport_or_business(doc: Doc) -> bool:
    """Articles about sport, culture or markets use war words as metaphors."""
    words = [t.lemma_.lower() for t in doc if t.is_alpha]
    if not words:
        return False
    hits = sum(1 for w in words if w in SPORT)
    return hits / len(words) > 0.02 and hits >= 5


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
                sub = "Suicide bomb" if cls in ("bomb", "attack", "kill", "die", "wound") or \
                    "bomber" in words or "vest" in words else sub
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
            sub = "Mob violence" if words & {"lynch", "mob", "vigilante"} else "Violent demonstration"
        elif cls == "capture":
            sub = _territory_sub(tok)
        score = _rank(sub, cls)
        if best is None or score > best[0]:
            best = (score, tok, end, cls, sub)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def _rank(sub: str, cls: str) -> int:
    """How strongly a trigger types its event: a word that only says someone was hurt or
    attacked ranks below any word that names the kind of event (an arrest, a protest)."""
    return PRIORITY.get(sub, 0) - (30 if cls in GENERIC else 0)


def _platform_is_target(tok: Token) -> bool:
    return any(t.ent_type_ == "MILITARY_PLATFORM" for c in _targets(tok) for t in c.subtree)


def _platform_is_agent(sent: SpacySpan) -> bool:
    """An aircraft or drone that acts ("warplanes struck"), not one that is hit."""
    for tok in sent:
        if tok.ent_type_ != "MILITARY_PLATFORM" and tok.lemma_.lower() not in (
            "warplane", "jet", "aircraft", "drone", "helicopter", "plane", "gunship", "air"):
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
            g for c in tok.children if c.dep_ == "prep" for g in c.children]
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
        words & {"police", "troop", "soldier", "force", "security"} or "live" in words)
    if lethal:
        return "Excessive force against protesters"
    if words & {"stone", "rock", "molotov", "torch", "loot", "vandalize", "smash", "riot",
                "burn", "petrol", "brick"} or "set fire" in lower:  # fmt: skip
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
_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "case", "flat", "npadvmod"}


def _phrase(tok: Token) -> SpacySpan:
    """The name a noun token stands for: its entity, or the noun with its modifiers."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end and ent.label_ not in ("CARDINAL", "DATE", "TIME",
                                                                      "QUANTITY", "ORDINAL"):  # fmt: skip
                return ent
    left = tok.i
    for c in sorted(tok.lefts, key=lambda c: -c.i):
        if c.dep_ in _PHRASE_DEPS and c.i == left - 1 or (
            c.dep_ in _PHRASE_DEPS and all(t.dep_ in _PHRASE_DEPS | {"punct", "hyph"} or t.is_punct
                                           for t in tok.doc[c.i:left])):  # fmt: skip
            left = c.i
    while left < tok.i and (tok.doc[left].is_punct or tok.doc[left].like_num):
        left += 1
    right = tok.i + 1
    # "Military Forces of Russia", "Army of Conquest": keep an "of"-name
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj and (pobj[0].ent_type_ in ("GPE", "ORG", "NORP") or pobj[0].pos_ == "PROPN"):
                right = pobj[0].i + 1
    return tok.doc[left:right]


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
            if head.lemma_.lower() in same or head.ent_type_ == tok.ent_type_ == "MILITARY_PLATFORM":
                return t.text
    return None


def _actor(tok: Token, country_hint: str | None) -> Actor | None:
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
    if resolved.type == "unknown":
        nat = _nationality_in(tok)
        if nat and nat not in text:
            alt = actors.resolve(f"{nat} {tok.text}", country_hint=country_hint)
            if alt.type != "unknown":
                return Actor(alt.name, text, alt.type, alt.country)
        if tok.ent_type_ == "MILITARY_PLATFORM":
            return None  # an aircraft of no known side says nothing about who acted
    return resolved


def _agent_of(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _subject_of(tok: Token) -> Token | None:
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ == "nsubj":
                return c
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head != cur:
            cur = cur.head
        else:
            break
    return None


def _actors(trigger: Token, cls: str, hint: str | None) -> tuple[Actor | None, Actor | None]:
    """actor1 (who acted) and actor2 (who it was done to) from the trigger's syntax."""
    a1_tok: Token | None = None
    a2_tok: Token | None = None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or (
        # headline style: "Russian helicopter shot down over Idlib" (no auxiliary)
        trigger.tag_ in ("VBN", "VBD") and trigger.dep_ == "ROOT"
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
                        a2_tok = next((g for g in c.children if g.dep_ == "pobj"), None)
                        break
        if trigger.dep_ in ("acl", "amod") and a2_tok is None:
            a2_tok = trigger.head
    else:
        for c in trigger.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "NORP", "GPE")):
                a1_tok = c
            elif c.dep_ == "prep" and c.lower_ == "by":
                a1_tok = next((g for g in c.children if g.dep_ == "pobj"), a1_tok)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "with", "between"):
                a2_tok = next((g for g in c.children if g.dep_ == "pobj"), a2_tok)
        if a1_tok is None and trigger.dep_ in ("dobj",) and trigger.head.lemma_.lower() in (
            "launch", "carry", "conduct", "stage", "mount", "claim", "commit", "perpetrate"):
            a1_tok = _subject_of(trigger.head)
        if a1_tok is None and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
            obj = next((c for c in trigger.head.children if c.dep_ == "dobj"), None)
            a2_tok = a2_tok or obj
    if a2_tok is not None and a2_tok.like_num:
        a2_tok = next((c for c in a2_tok.children if c.dep_ == "prep"), None) and None
    a1 = _actor(a1_tok, hint) if a1_tok is not None else None
    a2 = _actor(a2_tok, hint) if a2_tok is not None else None
    if a1 and a2 and a1.name == a2.name and a1.text == a2.text:
        a2 = None
    return a1, a2


# --------------------------------------------------------------- tolls
DEATH = {"kill", "die", "slay", "murder", "massacre", "execute", "behead", "assassinate",
         "perish", "slaughter", "lynch"}  # fmt: skip
INJURY = {"wound", "injure", "hurt", "maim"}
ZERO = re.compile(
    r"\b(no one|nobody|no-one|none of)\b[^.;]{0,40}\b(killed|died|dead|hurt|injured|wounded|harmed)"
    r"|\bno (deaths|fatalities|casualties|victims|injuries|one was)\b"
    r"|\bwithout (causing )?(any )?(casualties|victims|injuries)\b"
    r"|\b(caused|causing|there were|reported|resulted in) (only )?(no|zero) (casualties|deaths|"
    r"fatalities|victims|injuries)\b",
    re.I,
)


def _tolls(sent: SpacySpan) -> tuple[list[counts.Figure], list[counts.Figure]]:
    """Death and injury figures stated in one sentence."""
    deaths: list[counts.Figure] = []
    hurt: list[counts.Figure] = []
    seen: set[int] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        kind = "d" if lemma in DEATH else "i" if lemma in INJURY else None
        if lemma in ("dead", "death", "fatality", "toll", "body", "corpse") or (
            lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children)):
            kind = "d"
        if lemma in ("injured", "wounded", "injury") or tok.lower_ in ("injured", "wounded"):
            kind = "i"
        if kind is None:
            continue
        fig = _figure_for(tok, lemma, seen)
        if fig is not None:
            (deaths if kind == "d" else hurt).append(fig)
    if ZERO.search(sent.text):
        m = ZERO.search(sent.text)
        said = m.group(0).lower() if m else ""
        if any(w in said for w in ("killed", "died", "dead", "deaths", "fatalities", "casualties",
                                   "victims", "hurt", "harmed", "no one was")):  # fmt: skip
            if not deaths:
                deaths.append(counts.Figure(0))
        if any(w in said for w in ("hurt", "injured", "wounded", "injuries", "casualties",
                                   "harmed", "victims")):  # fmt: skip
            if not hurt:
                hurt.append(counts.Figure(0))
    return deaths, hurt


def _figure_for(tok: Token, lemma: str, seen: set[int]) -> counts.Figure | None:
    """The count of people a death or injury word applies to."""
    candidates: list[Token] = []
    deps = {c.dep_: c for c in tok.children}
    passive = "nsubjpass" in deps or "auxpass" in deps
    if tok.pos_ == "VERB" and not passive and lemma not in ("die", "perish"):
        if "dobj" in deps:
            candidates.append(deps["dobj"])
        for c in tok.children:  # "WOUNDED 12": a bare number hangs on the verb
            if c.like_num and c.dep_ in ("npadvmod", "advmod", "dobj", "attr"):
                candidates.append(c)
    else:
        for d in ("nsubjpass", "nsubj"):
            if d in deps:
                candidates.append(deps[d])
        if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM",
                                                                      "PRON"):  # fmt: skip
            candidates.append(tok.head)
        if tok.dep_ == "relcl":  # "... people who were killed"
            candidates.append(tok.head)
    for c in tok.children:
        if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod", "npadvmod")):
            candidates.append(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "at"):  # "deaths of 12", "rose to 15"
            candidates.extend(g for g in c.children if g.dep_ == "pobj")
    if lemma == "toll":  # "the toll rose to 15", "the death toll stands at 15"
        head = tok.head
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                candidates.extend(g for g in c.children if g.dep_ == "pobj")
            if c.dep_ == "attr" and c.like_num:
                candidates.append(c)
    if lemma == "dead" and tok.i > 0:  # "leaving 12 dead", "12 dead"
        prev = tok.doc[tok.i - 1]
        if prev.like_num:
            candidates.append(prev)
    for cand in candidates:
        if cand.i in seen:
            continue
        if cand.lower_ in ("no", "none", "nobody", "noone") or any(
            c.lower_ == "no" and c.dep_ == "det" for c in cand.children):
            seen.add(cand.i)
            return counts.Figure(0)
        fig = counts.people(cand)
        if fig is not None:
            seen.update(t.i for t in [cand, *cand.conjuncts])
            return fig
    return None


# --------------------------------------------------------------- dates, hedges, sources
def _date_in(sents: list[SpacySpan], trigger: Token, published: str | None) -> tuple[str | None, int]:
    doc = trigger.doc
    text = _orig(doc)
    for i, sent in enumerate(sents):
        found: list[tuple[int, str]] = []
        for ent in sent.ents:
            if ent.label_ in ("DATE", "TIME"):
                found.append((ent.start_char, text[ent.start_char : ent.end_char]))
        for s, e in dates.cue_spans(sent.text):
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
        if t.i != trigger.i and t.lemma_.lower() in HEDGE_HEADS:
            return True
    sent = trigger.sent.text.lower()
    return "unconfirmed" in sent or "could not be independently verified" in sent or \
        "could not be verified" in sent


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
                rank = 0 if subj.ent_type_ in ("ORG", "NORP", "GPE") or subj.lemma_.lower() in (
                    "ministry", "army", "military", "police", "government", "kremlin",
                    "spokesman", "spokesperson", "official", "agency", "office") else 1
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
def _places(sent: SpacySpan) -> set[str]:
    return {e.text.lower() for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")}


def _anchored(sent: SpacySpan, tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    labels = {e.label_ for e in sent.ents}
    if labels & {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORG", "NORP", "WEAPON"}:
        return True
    return dates.has_cue(sent.text)


def _candidates(doc: Doc, published: str | None) -> list[_Candidate]:
    out = []
    for sent in doc.sents:
        if BACKGROUND.search(sent.text):
            continue
        found = []
        for tok in sent:
            hit = _trigger_class(tok)
            if hit and _is_real(tok, hit[0]):
                found.append((tok, hit[1], hit[0]))
        if not found:
            continue
        trig, end, cls, sub = _classify(found, sent)
        if trig.lemma_.lower() in ("hostage",) and trig.dep_ not in ("dobj", "attr", "nsubjpass", "pobj"):
            pass
        cand = _Candidate(sent, trig, end, cls, sub, _anchored(sent, trig), _places(sent))
        cand.date = _date_in([sent], trig, published)[0]
        deaths, hurt = _tolls(sent)
        cand.full = bool(cand.date or deaths or hurt)
        cand.sents = [sent]
        cand.strong = [cand.anchored]
        out.append(cand)
    return out


def _family(sub: str) -> str:
    return SUB_TO_TYPE[sub]


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if b.sent.start - a.sents[-1].end > 400:  # tokens: far apart in a long article
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.places and b.places and not (a.places & b.places) and a.full and b.full:
        return False  # two full reports (each with its own toll or date) in different places
    if b.cls in GENERIC or a.cls in GENERIC:
        return _family(a.sub) not in ("Protests", "Strategic developments") or _family(b.sub) == _family(a.sub) or b.cls in ("die", "wound")
    return _family(a.sub) == _family(b.sub)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    merged: list[_Candidate] = []
    for c in cands:
        prev = merged[-1] if merged else None
        if prev is not None and _compatible(prev, c):
            prev.sents.append(c.sent)
            prev.strong.append(c.anchored)
            prev.places |= c.places
            prev.full = prev.full or c.full
            prev.date = prev.date or c.date
            if _rank(c.sub, c.cls) > _rank(prev.sub, prev.cls):
                prev.trigger, prev.trigger_end, prev.cls, prev.sub = c.trigger, c.trigger_end, c.cls, c.sub
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
    for cand in _merge(_candidates(doc, published)):
        trig = cand.trigger
        hint = None
        a1, a2 = _actors(trig, cand.cls, hint)
        for sent, strong in zip(cand.sents, cand.strong, strict=True):
            # fill missing actors from the event's other triggers, in text order
            if (a1 and a2) or not strong:
                continue
            for tok in sent:
                hit = _trigger_class(tok) if tok.i != trig.i else None
                if hit and _is_real(tok, hit[0]):
                    b1, b2 = _actors(tok, hit[0], hint)
                    a1, a2 = a1 or b1, a2 or b2
        if SUB_TO_TYPE[cand.sub] in ("Protests", "Riots"):
            a1, a2 = _crowd_actors(cand, a1, a2)
        if a1 is None and SUB_TO_TYPE[cand.sub] in ("Battles", "Explosions/Remote violence",
                                                    "Violence against civilians"):  # fmt: skip
            a1 = Actor("Unidentified Armed Group", "", "unknown", None)
        death_figs: list[counts.Figure] = []
        hurt_figs: list[counts.Figure] = []
        for sent, strong in zip(cand.sents, cand.strong, strict=True):
            if not strong:
                continue
            d, h = _tolls(sent)
            death_figs += d
            hurt_figs += h
        date, precision = _date_in(cand.sents, trig, published)
        weapons, platforms = [], []
        for sent, strong in zip(cand.sents, cand.strong, strict=True):
            if not strong:
                continue  # context sentences add evidence, not arguments
            for ent in sent.ents:
                if ent.label_ in ("WEAPON", "MILITARY_PLATFORM"):
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
        ev.confidence = _confidence(ev, trig)
        if ev.event_type != "Strategic developments" or ev.fatalities.best is None:
            events.append(ev)
    return events


CROWD = {"protester": "protesters", "demonstrator": "protesters", "marcher": "protesters",
         "rioter": "rioters", "mob": "rioters", "crowd": "protesters", "youth": "rioters"}  # fmt: skip
POLICE = {"police", "policeman", "policemen", "riot", "security", "troop", "soldier", "force"}


def _crowd_actors(cand: _Candidate, a1: Actor | None, a2: Actor | None) -> tuple[Actor | None, Actor | None]:
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


def _specific(names: list[str]) -> list[str]:
    """Drop generic names ("weapon", "helicopter") when a specific one is also named."""
    cats = _categories()
    specific = {cats.get(n) for n in names if n != n.lower()}  # generic canonicals are lower case
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


__all__ = ["extract_events", "Count"]
