"""Trigger words and whether what they name happened.

``trigger_class(token)`` says whether a token names a conflict event and of which
class ("killed" -> kill, "airstrike" -> air, "protest" -> protest); ``is_real`` keeps
it only when the event happened as far as the sentence tells: not negated, not a
threat, plan, purpose or condition ("ready to attack", "sent to arrest them"), not
a metaphor ("fight against corruption", "protest note") and not an accident or a
disease. ``sport_or_business`` spots articles that use war words as metaphors.
The word lists here are the extractor's lexicon; events.py uses them to type events.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from . import actors, counts
from .records import ARMED_TYPES

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
    "mine": "bomb",
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
    "slaying": "kill", "explosive": "bomb", "homicide": "kill",
    "kidnap": "abduct", "kidnapping": "abduct", "abduct": "abduct", "abduction": "abduct",
    "hostage": "abduct", "kidnapper": "abduct", "rape": "sexual", "gang-rape": "sexual",
    # strategic
    "arrest": "arrest", "detain": "arrest", "detention": "arrest", "apprehend": "arrest",
    "jail": "arrest", "imprison": "arrest", "custody": "arrest", "capture_person": "arrest",
    "loot": "loot", "looting": "loot", "ransack": "loot", "plunder": "loot",
    "ceasefire": "agreement", "truce": "agreement", "intercept": "disrupt",
    "defuse": "disrupt", "deactivate": "disrupt", "shoot down": "down", "down": "down",
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
    r"(earlier|last) (this )?year|in (19|20)\d\d|"
    # totals over a period are not one event's toll
    r"per (day|week|month|year)|so far this (year|month)|during the month of|"
    r"over the (past|last) (\d+|\w+) (days|weeks|months|years)|since the \w+ (began|started)|"
    # a conflict's running total: "has killed thousands over the past decade"
    r"(over|in|during) the (past|last) (\w+ )?decades?|"
    # "tens of thousands killed" (not "tens of thousands flee", "... protested")
    r"(tens|hundreds) of thousands (of \w+ )?((have|had) )?(been )?(killed|dead|died|deaths|lives)|"
    r"(killed|claimed the lives of|deaths of) (more than |over |some |nearly |about )?"
    r"(tens|hundreds) of thousands|"
    r"the (conflict|war|insurgency|violence|fighting|uprising) (has|have) (killed|claimed|left)|"
    # habits, not events: "has often used women as suicide bombers", "regularly attacks convoys"
    r"(has|have|had) (often|regularly|frequently|repeatedly|routinely)|"
    r"(often|regularly|frequently|routinely|usually|typically) (uses?|used|attacks?|targets?|"
    r"carr(y|ies)|launch(es)?|kills?|kidnaps?|abducts?))\b",
    re.I,
)
# trigger words that, modifying a noun, name a thing rather than an event: "protest note",
# "riot police", "bomb squad", "arrest warrant", "combat troops" (event nouns such as
# "bombing" or "explosion" keep naming the event: "the explosion area")
THING_MODIFIERS = {"protest", "riot", "bomb", "fire", "rocket", "missile", "mortar", "artillery",
                   "grenade", "shell", "strike", "march", "rally", "arrest", "custody",
                   "detention", "jail", "combat", "battle", "raid"}  # fmt: skip
# people that are taken, not places: "captured" them is an abduction
PEOPLE = {"civilian", "villager", "peasant", "farmer", "student", "worker", "journalist",
          "teacher", "priest", "nun", "child", "woman", "man", "boy", "girl", "person",
          "people", "resident", "tourist", "engineer", "employee", "leader", "activist",
          "businessman", "hostage", "official", "mayor", "judge", "doctor", "nurse",
          "missionary", "minor", "family", "relative"}  # fmt: skip
# verbs whose "with"-object weapon was used: "caused damage with explosives", "blew up the
# poles with dynamite" (not "armed with", "found with", "arrested with")
DONE_WITH = {"attack", "destroy", "damage", "cause", "blow", "blast", "hit", "strike", "kill",
             "wound", "injure", "target", "bomb", "demolish", "raze", "assault", "ambush",
             "murder", "assassinate", "derail", "wreck"}  # fmt: skip
# verbs whose object weapon was used: "placed 11 bombs", "hurled a grenade"
USED_WITH = {"place", "plant", "detonate", "hurl", "throw", "launch", "fire", "drop", "lob",
             "explode", "set", "toss", "shoot", "rain"}  # fmt: skip
# a verb these govern still happened: "managed to kill", "began to shell"
REALIZED_HEADS = {"manage", "succeed", "begin", "start", "continue", "proceed", "go", "use",
                  "come", "return", "resume", "dare"}  # fmt: skip
# what is taken when territory is captured
TERRITORY = {"town", "city", "village", "base", "territory", "area", "district", "airport",
             "hill", "position", "control", "border", "crossing", "province", "region"}  # fmt: skip
# verbs whose object event did not happen as told: "faked a clash", "simulated an attack"
FEIGN_VERBS = {"fake", "feign", "simulate"}
# adjectives that make an event noun a prospect, not a fact: "an imminent attack"
PROSPECT_ADJECTIVES = {"imminent", "planned", "future", "potential", "impending", "threatened",
                       "feared", "upcoming", "expected", "eventual", "possible_"}  # fmt: skip


# --------------------------------------------------------------- trigger finding
def trigger_class(tok: Token) -> tuple[str, int] | None:
    """The trigger class of ``tok`` and the end of the trigger's token span."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    low = tok.lower_
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.pos_ in ("PROPN",) and not tok.is_upper:
        # names ("Battle Creek", "Fort Hood") are not events; but a title-case headline
        # makes the tagger read plain words as names ("Arakan Army Claims Ambush Kills
        # Dozens"): there an unambiguous violence word outside any entity is a trigger
        guess = _title_word(tok)
        if guess is None:
            return None
        tok.lemma_ = guess
        lemma = guess
    if nxt is not None:
        two = f"{lemma} {nxt.lemma_.lower()}"
        if two in ("shoot down", "gun down", "set fire", "open fire", "air strike", "air raid",
                   "car bomb", "drone strike", "bring down", "blow up"):  # fmt: skip
            cls = {"shoot down": "down", "bring down": "down", "gun down": "kill",
                   "set fire": "arson", "open fire": "attack",
                   "blow up": "bomb"}.get(two) or TRIGGERS[two]  # fmt: skip
            return cls, tok.i + 2
    if lemma in ("air", "drone", "aerial") and nxt is not None and nxt.lemma_.lower() in (
        "strike", "raid", "attack", "bombardment", "bombing"):  # fmt: skip
        return "air", tok.i + 2
    cls = TRIGGERS.get(lemma) or TRIGGERS.get(low)
    if cls is None and lemma == "take" and tok.pos_ == "VERB" and _taken_along(tok):
        return "abduct", tok.i + 1  # "fled, taking two engineers with them"
    if cls is None:
        return None
    if cls == "capture" and tok.pos_ == "VERB" and _person_taken(tok):
        cls = "abduct"  # "peasants were captured by troops", "seized two students"
    if tok.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN") and not (
        tok.is_upper and tok.pos_ in ("X", "ADV")
    ):
        return None
    return cls, tok.i + 1


# words that name violence in every sense, read as triggers in title-case headlines
TITLE_TRIGGERS = {"kill", "killing", "massacre", "murder", "assassinate", "assassination",
                  "ambush", "offensive", "clash", "airstrike", "shelling", "bombing",
                  "landmine", "kidnap", "kidnapping", "abduct", "abduction", "behead",
                  "gunbattle", "firefight", "gunfight", "skirmish", "slay", "slaying"}  # fmt: skip


def _title_case(sent) -> bool:  # noqa: ANN001 - a spaCy Span
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def _title_word(tok: Token) -> str | None:
    """The trigger lemma of a capitalised plain word in a title-case headline, or None."""
    # the tagger also reads such words as the start of a name ("Kills Six Medics")
    in_name = tok.ent_type_ == "ORG" and tok.ent_iob_ == "B"
    if tok.ent_type_ not in ("", "WEAPON") and not in_name:
        return None
    if not tok.is_alpha or not _title_case(tok.sent):
        return None
    low = tok.lower_
    forms = [low]
    if low.endswith("s"):
        forms += [low[:-1], low[:-2]]
    if low.endswith("ed"):
        forms += [low[:-2], low[:-1]]
    if low.endswith("ing"):
        forms += [low, low[:-3], low[:-3] + "e"]
    return next((f for f in forms if f in TITLE_TRIGGERS), None)


def _person_taken(tok: Token) -> bool:
    """The object of "captured"/"seized" is a person, not a place or a thing; also the noun
    a participle or relative clause describes ("the students captured on 2 February",
    "Bartolo Rodriguez, who was captured on 27 January")."""
    taken = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken:
        # "[name indistinct] captured on 2 February": a transcript's placeholder for a name
        taken = [c for c in tok.children if c.dep_ == "nsubj" and _name_placeholder(c)]
    if not taken:
        # "seized university students Hugo Martinez and Raul Ramirez" misread as a small
        # clause ("students [are] hugo"): its subject is who was taken
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
                words = list(c.subtree)
                stop = next((t.i for t in words if t.is_punct), words[-1].i + 1)
                taken += [t for t in words if t.i < stop and t.pos_ in ("NOUN", "PROPN")]
    if any(c.lower_ in ("who", "whom") for c in taken):
        return True  # "..., who was captured on 27 January"
    if tok.dep_ in ("relcl", "acl"):
        taken.append(tok.head)
    return any(_a_person(c) for c in taken)


def _taken_along(tok: Token) -> bool:
    """ "the attackers left, taking Heyndal and Teneda with them", "took the mayor with
    them": people taken along by those who leave are hostages."""
    along = any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.lower_ in ("them", "him", "her") for g in c.children) for c in tok.children)  # fmt: skip
    if not along:
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [c for o in objs for c in o.conjuncts]
    objs += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    return any(_a_person(o) or o.lemma_.lower() in counts.PERSON_NOUNS
               or o.pos_ == "PROPN" and o.ent_type_ not in counts.NOT_PERSON_ENTS
               for o in objs)  # fmt: skip


def _name_placeholder(noun: Token) -> bool:
    """ "[NAME INDISTINCT]", "[name withheld]": a transcript's stand-in for a person's name."""
    words = [t.lower_ for t in noun.subtree if t.is_alpha]
    return len(words) == 2 and words[0] == "name"


def _a_person(noun: Token) -> bool:
    if _name_placeholder(noun):
        return True
    if noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PEOPLE:
        return True
    # "university students Hugo Martinez", "peasants Bartolo Rodriguez": a name after a
    # person noun (the re-cased name is often not tagged PERSON)
    return noun.pos_ in ("PROPN", "NOUN") and any(
        c.dep_ == "compound" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in PEOPLE)
        for c in noun.children
    )


# verbs of taking someone somewhere: "was taken away to be shot"
LED_VERBS = {"take", "lead", "drag", "bring", "carry", "march", "haul", "frogmarch"}
DEATH_VERBS = {"kill", "murder", "execute", "shoot", "behead", "slay", "assassinate", "hang",
               "torture"}  # fmt: skip


def _led_to_death(tok: Token) -> bool:
    """ "was taken to the jail to be murdered", "were led away to be executed": a victim
    taken somewhere to be killed is reported killed (a purpose clause elsewhere is not)."""
    if tok.lemma_.lower() not in DEATH_VERBS or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    verb = tok.head
    for _ in range(3):  # the parser may hang the clause on the place: "to the jail"
        if verb.pos_ == "VERB" or verb.head is verb:
            break
        verb = verb.head
    return verb.lemma_.lower() in LED_VERBS and any(c.dep_ == "auxpass" for c in verb.children)


def _done_with(prep: Token) -> bool:
    """The verb a "with" phrase belongs to is a violent one, also when the parser hangs the
    phrase on the verb's object ("caused damage to the control room with explosives")."""
    cur = prep.head
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            return cur.lemma_.lower() in DONE_WITH
        if cur.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _infinitive(tok: Token) -> bool:
    """``tok`` is a verb in an infinitive ("to arrest them", "to be murdered"), or
    a conjunct of one ("to uncover the murderers, arrest them")."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    for t in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
    return False


def is_real(tok: Token, cls: str) -> bool:
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
    if _infinitive(tok) and head.lemma_.lower() not in REALIZED_HEADS and not _led_to_death(tok):
        return False  # purpose, plan or readiness: "sent to arrest them", "ready to attack"
    if any(c.dep_ == "amod" and c.lower_ in PROSPECT_ADJECTIVES for c in children):
        return False
    if tok.dep_ == "dobj" and head.lemma_.lower() in FEIGN_VERBS:
        return False  # "the troops faked a clash to murder those peasants"
    if tok.dep_ == "compound" and lemma in THING_MODIFIERS and tok.head.pos_ in ("NOUN", "PROPN") \
            and trigger_class(tok.head) is None:  # fmt: skip
        return False  # a modifier of a thing: "protest note", "bomb squad", "riot police"
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
        if not any(
            c.dep_ in ("dobj", "nsubjpass", "prep", "acomp", "oprd", "advmod", "prt")
            for c in children
        ):
            return False
    if lemma in ("capture", "seize") and tok.pos_ == "VERB" and cls != "abduct":
        objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs or not any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in
                               TERRITORY for o in objs):  # fmt: skip
            return False
    if lemma in ("capture", "seizure") and tok.pos_ == "NOUN" and cls == "capture":
        # "the capture of the town" (not "the selective capture and murder of leaders": a
        # person taken is no territory)
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if not any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in TERRITORY
                   for o in of):  # fmt: skip
            return False
    if lemma in ("march", "rally") and tok.pos_ != "NOUN" and tok.pos_ != "VERB":
        return False
    if lemma == "march" and tok.ent_type_ == "DATE":
        return False
    if (
        lemma == "demonstrate"
        and tok.pos_ == "VERB"
        and any(c.dep_ in ("dobj", "ccomp", "nsubjpass", "xcomp", "advcl") for c in children)
    ):
        return False  # "demonstrated how these features help", "was demonstrated"
    if lemma == "takeover" and not any(
        g.ent_type_ in ("GPE", "LOC", "FAC") or g.lemma_.lower() in ("town", "city", "village",
                                                                    "base", "territory", "area")
        for c in children if c.dep_ == "prep" for g in c.children
    ):  # fmt: skip
        return False  # a business takeover, not the taking of a place
    if _ruled_out(tok):
        return False  # "it was unlikely to have been an attack", "ruled out an attack"
    if cls == "disrupt" and not _munition_object(tok):
        return False  # "intercepted a boat" (and fired on it), "defused the crisis"
    if cls == "down" and lemma in ("bring", "down") and not _aircraft_object(tok):
        return False  # "brought down the government", "cables bring down phone lines"
    if cls == "down" and lemma == "shoot" and any(
        _abstract(c) for c in children if c.dep_ in ("dobj", "nsubjpass")
    ):
        return False  # "shot down the proposal"
    if lemma == "attack" and tok.pos_ == "VERB" and any(
        _abstract(c) for c in children if c.dep_ == "dobj"
    ):
        return False  # "attacks the power consumption problem", "attacked the budget"
    if tok.dep_ == "dobj" and head.lemma_.lower() in STAGE_VERBS and _infinitive(head) \
            and head.head.lemma_.lower() in FUTURE_HEADS:  # fmt: skip
        return False  # "attempting to form protests", "plans to stage attacks"
    if lemma == "mine" and tok.pos_ != "NOUN":
        return False  # "the company mined gold"
    if lemma in ("rocket", "missile", "mortar", "artillery", "bomb", "grenade", "dynamite",
                 "explosive", "mine"):  # fmt: skip
        # a weapon word is a trigger when it is used ("a rocket hit", "mortar fire"),
        # not when it is only mentioned ("missile programme")
        if tok.pos_ == "NOUN" and not (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.head.lemma_.lower() in ("hit", "strike", "land", "explode", "kill",
                                            "wound", "destroy", "damage", "fall", "slam",
                                            "injure", "detonate", "go", "rain", "tear")
            or any(c.lemma_.lower() in ("attack", "fire", "strike", "barrage", "explosion")
                   for c in tok.head.children if c.i == tok.i) or tok.head.lemma_.lower() in (
                "attack", "fire", "strike", "barrage", "explosion", "blast", "shelling",
                "casualty", "victim")  # "landmine casualties", "bomb victims"
            or tok.pos_ == "VERB"
            # the agent of a passive verb: "offices shaken by explosives", "destroyed by a bomb"
            or tok.dep_ == "pobj" and tok.head.dep_ == "agent"
            # what was done with it: "placed 11 bombs", "hurled a grenade", "fired rockets"
            or tok.dep_ == "dobj" and tok.head.lemma_.lower() in USED_WITH
            # the instrument of a violent verb: "caused damage with explosives"
            or tok.dep_ == "pobj" and tok.head.lower_ == "with" and _done_with(tok.head)
        ):  # fmt: skip
            return False
    if lemma in ("die", "dead", "death", "kill", "toll", "wound", "injure", "hurt", "injury",
                 "destroy", "damage", "raze", "demolish"):  # fmt: skip
        window = tok.sent
        words = {t.lemma_.lower() for t in window}
        if words & {"accident", "accidental", "accidentally"} and not words & {
            "attack", "bomb", "militant", "rebel", "gunman", "airstrike", "insurgent"}:  # fmt: skip
            return False  # "shot and killed his father in a hunting accident"
        if words & NOT_VIOLENT_CAUSE and not words & {"attack", "bomb", "gunman", "shoot",
                                                       "militant", "rebel", "explosion",
                                                       "blast", "airstrike", "shell", "troop",
                                                       "soldier", "clash", "fighting",
                                                       # weapons: "killed by artillery fire"
                                                       "artillery", "mortar", "rocket",
                                                       "missile", "grenade", "gunfire",
                                                       "sniper", "landmine", "insurgent",
                                                       "militia", "gunfight"}:  # fmt: skip
            return False
    if lemma == "attack" and tok.sent is not None:
        mods = {c.lemma_.lower() for c in children}
        if mods & {"heart", "panic", "anxiety", "asthma", "cyber", "verbal", "personal"}:
            return False
    if lemma in ("attack", "strike", "hit", "target", "raid", "assault") and _cyber(tok.sent):
        return False  # "attacking the servers", "a denial-of-service attack": no violence
    if lemma in ("fight", "fighting", "battle", "combat", "offensive"):
        mods = {c.lemma_.lower() for c in children} | {tok.head.lemma_.lower()}
        if "against" in mods and _against_armed(tok):
            mods.discard("against")  # "an offensive against the rebels", "KIA's brigade"
        if mods & {
            "against",
            "blaze",
            "wildfire",
            "flame",
            "crime",
            "inflation",
            "addiction",
            "relegation",
            "legal",
            "court",
            "political",
            "election",
            "fire",
            "cancer",
            "disease",
            "corruption",
            "poverty",
            "climate",
            "title",
            "custody",
            "bout",
        }:
            return False
    return True


CYBER = {"server", "servers", "website", "websites", "ddos", "hacker", "hackers", "malware",
         "ransomware", "phishing", "botnet", "spam", "spammer", "cyberattack", "firewall",
         "denial-of-service", "hack", "hacking", "computer", "computers", "network"}  # fmt: skip
PHYSICAL = {"kill", "killed", "dead", "bomb", "gunman", "gunmen", "shoot", "shot", "wound",
            "injure", "injured", "explosion", "blast", "troop", "soldier", "militant",
            "rebel", "police", "grenade", "knife", "stab", "rocket", "missile"}  # fmt: skip


def _cyber(sent) -> bool:  # noqa: ANN001 - a spaCy Span
    """The sentence is about an attack on computers, with no physical violence in it."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    cyber = bool(words & CYBER) or "denial of service" in sent.text.lower()
    return cyber and not words & PHYSICAL


# verbs that bring an event about: "to form protests", "to stage attacks" (not "to
# investigate the murder", whose object happened)
STAGE_VERBS = {"form", "stage", "launch", "carry", "commit", "hold", "organize", "organise",
               "mount", "conduct", "make", "unleash", "wage"}  # fmt: skip
AIRCRAFT = {"plane", "aircraft", "airplane", "airliner", "jet", "helicopter", "drone",
            "warplane", "fighter", "bomber", "chopper", "missile", "rocket", "balloon",
            "airship", "uav", "gunship"}  # fmt: skip
ABSTRACT = {"problem", "issue", "question", "challenge", "policy", "plan", "proposal",
            "decision", "budget", "bill", "law", "idea", "record", "claim", "statement",
            "remark", "comment", "report", "speech", "deal", "strategy", "approach", "market",
            "price", "cost", "economy", "reform", "program", "programme", "consumption",
            "credibility", "reputation", "motive", "character", "performance"}  # fmt: skip


UNLIKELY = {"unlikely", "doubtful", "improbable", "impossible"}


def _ruled_out(tok: Token) -> bool:
    """The sentence says the event was unlikely or ruled out: "a spokesman said it was
    unlikely to have been an attack", "police ruled out an attack"."""
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in UNLIKELY or cur.lemma_.lower() == "rule" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in cur.children
        ):
            return True
        if cur.pos_ == "VERB" and cur.lemma_.lower() not in ("be", "have"):
            return False
    return False


def _aircraft_object(tok: Token) -> bool:
    """ "shot down a helicopter", "brought down the drone": what fell flies."""
    verb = tok if tok.pos_ == "VERB" or tok.lemma_.lower() != "down" else tok.head
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        objs.append(verb.head)
    return any(
        o.ent_type_ == "MILITARY_PLATFORM" or o.lemma_.lower() in AIRCRAFT
        or any(t.lemma_.lower() in AIRCRAFT for t in o.children if t.dep_ == "compound")
        for o in objs
    ) or not objs  # no object to judge by: "the plane they shot down"


# what a disrupted weapons use stops: a munition, or a load of arms
MUNITIONS = {"bomb", "explosive", "explosives", "device", "ied", "mine", "landmine", "missile",
             "rocket", "shell", "projectile", "drone", "grenade", "mortar", "dynamite", "charge",
             "munition", "ammunition", "weapon", "arm", "arms", "shipment", "consignment",
             "cargo", "car bomb", "detonator", "fuse", "warhead", "kg", "kilogram", "pound"}  # fmt: skip


def _munition_object(tok: Token) -> bool:
    """ "intercepted a missile", "defused a bomb", "deactivated 20 kg of explosives", "a boat
    carrying arms was intercepted": what was stopped is a munition (not "a boat intercepted
    by a vessel which fired", "intercepted a phone conversation", "defused tension")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl", "amod"):
        objs.append(tok.head)  # "the bomb defused by the police", "a defused bomb"
    if tok.pos_ == "NOUN":  # "the interception of a missile"
        objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children]  # fmt: skip
    for obj in objs:
        for t in obj.subtree:
            if t.ent_type_ == "WEAPON" or t.lemma_.lower() in MUNITIONS:
                return True
    return False


def _abstract(noun: Token) -> bool:
    """An abstract thing, attacked in words: "the problem", "two-thirds of the problem"."""
    if noun.lemma_.lower() in ABSTRACT:
        return True
    return any(g.lemma_.lower() in ABSTRACT for c in noun.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)  # fmt: skip


def _against_armed(tok: Token) -> bool:
    """The "against" phrase of a fight names an armed side: "an offensive against the
    rebels", "fighting against KIA's brigade" (not "the fight against corruption")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"]
    if tok.head.lower_ == "against":
        preps.append(tok.head)
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for t in obj.subtree:
                if t.lemma_.lower() in ARMED or t.lower_ in ("rebels", "militants", "insurgents"):
                    return True
                if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
                    ent = next(e for e in t.doc.ents if e.start == t.i)
                    actor = actors.lookup(ent.text)
                    if actor is not None and actor.type in ARMED_TYPES:
                        return True
    return False




def sport_or_business(doc: Doc) -> bool:
    """Articles about sport, culture or markets use war words as metaphors."""
    words = [t.lemma_.lower() for t in doc if t.is_alpha]
    if not words:
        return False
    hits = sum(1 for w in words if w in SPORT)
    return hits / len(words) > 0.02 and hits >= 5
