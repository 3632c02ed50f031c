"""Counting people in text: numbers, number words, vague amounts and qualifiers.

``number(text)`` reads one number ("12", "1,200", "twenty-five", "TWO"); ``people(token)``
counts the people a noun phrase names, summing conjuncts ("two officers and three
crew members" = 5) and reading qualifiers ("at least 12" is a low bound).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token
from text_to_num import text2num

from .records import Count

# Vague amounts, coded as fixed figures so that analysts can defend them and datasets
# stay comparable (the conventions event coders already use): "dozens" is 12, "scores"
# 20, "hundreds" 100, "thousands" 1000. "several", "a few", "many" give no best figure,
# only a low bound: the text does not say how many.
VAGUE: dict[str, int] = {
    "dozens": 12, "dozen": 12, "a dozen": 12, "scores": 20, "a score": 20,
    "hundreds": 100, "a hundred": 100, "thousands": 1000, "a couple": 2, "couple": 2,
    "several": 3, "a few": 2, "few": 2, "many": 3, "numerous": 3,
}  # fmt: skip
NO_BEST = {"several", "a few", "few", "many", "numerous"}
LOWER_BOUND = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than",
               "in excess of", "a minimum of")  # fmt: skip
UPPER_BOUND = ("up to", "as many as", "at most", "fewer than", "less than", "no more than",
               "nearly", "almost")  # fmt: skip
ZERO_WORDS = {"no", "none", "nobody", "zero", "noone"}
_NUM_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "a",
}  # fmt: skip
PERSON_NOUNS = {
    "person", "people", "civilian", "soldier", "troop", "officer", "policeman", "policemen",
    "police", "policewoman", "man", "men", "woman", "women", "child", "children", "boy", "girl",
    "member", "fighter", "militant", "rebel", "insurgent", "guerrilla", "guerrillas", "gunman",
    "gunmen", "villager", "resident", "student", "worker", "farmer", "peasant", "journalist",
    "pilot", "crew", "crewman", "passenger", "protester", "demonstrator", "worshipper",
    "pilgrim", "teacher", "doctor", "nurse", "aid", "official", "guard", "bodyguard",
    "recruit", "cadet", "commander", "leader", "attacker", "assailant", "bomber", "terrorist",
    "jihadist", "militiaman", "militiamen", "paramilitary", "agent", "employee", "judge",
    "priest", "mayor", "councillor", "councilor", "politician", "minister", "diplomat",
    "victim", "casualty", "infant", "baby", "family", "relative", "son", "daughter", "wife",
    "husband", "brother", "sister", "father", "mother", "tourist", "refugee", "migrant",
    "prisoner", "detainee", "hostage", "shepherd", "fisherman", "fishermen", "trader",
    "merchant", "driver", "engineer", "contractor", "marine", "paratrooper", "sailor",
    "airman", "serviceman", "servicemen", "personnel", "staff", "adult", "teenager",
    "youth", "elder", "mourner", "voter", "candidate", "activist", "inmate", "miner",
    "labourer", "laborer", "individual", "national", "citizen", "local", "bystander",
    "patient", "pupil", "other", "security", "jesuit", "nun", "monk", "cleric", "imam",
    "sheikh", "chief", "peacekeeper", "conscript", "volunteer", "sniper", "operative",
    "professor", "lawyer", "businessman", "businessmen", "senator", "congressman", "deputy",
    "governor", "prefect", "secretary", "director", "bishop", "archbishop", "pedestrian",
    "prosecutor", "attorney", "magistrate", "ambassador", "consul", "president", "manager",
    "owner", "landowner", "rancher", "industrialist", "banker", "photographer", "reporter",
    "cameraman", "editor", "writer", "unionist", "councilman", "alderman", "colonel",
    "captain", "lieutenant", "sergeant", "corporal", "major", "general", "catechist",
    "missionary", "pastor", "seminarian", "lecturer", "scientist", "clerk", "survivor", "spokesman", "spokeswoman", "sheriff", "constable", "ranger",
    "watchman", "mechanic", "vendor", "shopkeeper", "pharmacist", "physician",
    "surgeon", "midwife", "herder", "hunter", "tribesman", "tribesmen", "chieftain",
    "settler", "preacher", "convert", "muslim", "moslem", "christian", "hindu", "buddhist",
    "aide", "associate", "supporter", "follower", "cadre", "medic",
}  # fmt: skip


# people each person has one of: "the wives of the two mayors" are two
ONE_EACH = {"wife", "husband", "widow", "widower", "spouse", "mother", "father"}


@dataclass(slots=True)
class Figure:
    """One stated figure: a value and whether it is a low or high bound."""

    value: int
    low: bool = False  # "at least 12": a lower bound
    high: bool = False  # "up to 12": an upper bound
    vague: bool = False  # "several": a lower bound that is never a best figure
    implicit: bool = False  # no number written: "a soldier", "the mayor", a named victim
    extra: bool = False  # adds to the toll: "was also killed", "two more engineers", "3 others"


def number(text: str) -> int | None:
    """The integer a number expression states, or None ("12", "1,200", "TWENTY-FIVE")."""
    t = text.strip().lower().replace("\u2013", "-")
    if not t:
        return None
    digits = t.replace(",", "").replace(" ", "")
    if re.fullmatch(r"\d+", digits):
        return int(digits) if len(digits) < 9 else None
    if t in VAGUE:
        return VAGUE[t]
    if t in ("a", "an", "one", "single", "lone"):
        return 1
    words = re.findall(r"[a-z]+", t)
    if not words or not all(w in _NUM_WORDS or w == "and" for w in words):
        return None
    try:
        return int(text2num(" ".join(w for w in words if w != "a") or "one", "en"))
    except ValueError:
        return None


def _qualifier(tok: Token) -> tuple[bool, bool]:
    """(low, high): is the number at ``tok`` a lower or upper bound?"""
    doc = tok.doc
    left = doc[max(tok.i - 3, 0) : tok.i].text.lower()
    low = any(left.endswith(q) for q in LOWER_BOUND)
    high = any(left.endswith(q) for q in UPPER_BOUND)
    return low, high


def figure_at(tok: Token) -> Figure | None:
    """The figure a number token (or the start of a number phrase) states."""
    # a number phrase: "twenty - five", "1,200", "two hundred": take the maximal run
    doc = tok.doc
    start = tok.i
    while (
        start > 0
        and (doc[start - 1].like_num or doc[start - 1].text == "-")
        and (doc[start - 1].pos_ == "NUM" or doc[start - 1].text == "-")
    ):
        start -= 1
    end = tok.i + 1
    while (
        end < len(doc)
        and (doc[end].pos_ == "NUM" or doc[end].text == "-")
        and (doc[end].like_num or doc[end].text == "-")
    ):
        end += 1
    phrase = doc[start:end].text
    value = number(phrase)
    vague = phrase.lower() in NO_BEST
    if value is None:
        value = number(tok.text)
        vague = tok.lower_ in NO_BEST
    if value is None:
        return None
    low, high = _qualifier(doc[start])
    return Figure(value, low=low or vague, high=high, vague=vague)


def _noun_figure(noun: Token) -> Figure | None:
    """The figure a person noun carries: "12 people", "a soldier", "dozens of people"."""
    for child in noun.children:
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod")):
            fig = figure_at(child)
            if fig:
                return fig
        if child.lower_ == "both" and child.dep_ in ("det", "predet", "preconj", "amod"):
            return Figure(2)  # "both policemen died"
        if child.dep_ == "compound" and child.i < noun.i:
            # "Nine Bangladesh soldiers": the number hangs on a modifier before the noun
            first = child.left_edge
            if first.like_num and first.dep_ in ("nummod", "compound") and first.pos_ == "NUM":
                fig = figure_at(first)
                if fig:
                    return fig
    # "dozens of people", "hundreds of civilians": the noun is the pobj of "of"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in VAGUE:
        v = head.head
        return Figure(VAGUE[v.lower_], low=v.lower_ in NO_BEST, vague=v.lower_ in NO_BEST)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.like_num:
        return figure_at(head.head)
    if noun.tag_ == "NNS" and noun.lemma_.lower() in ONE_EACH:
        # "the wives of the two mayors", "the widows of three soldiers": one each
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    fig = people(g) if g.dep_ == "pobj" else None
                    if fig is not None and fig.value >= 2:
                        return fig
    if (
        noun.lemma_.lower() in PERSON_NOUNS
        or noun.ent_type_ == "PERSON"
        or _name_head(noun)
        or _described_as_person(noun)
        or named_person(noun)
        or _justice_of_the_peace(noun)
    ):
        if (noun.tag_ in ("NN", "NNP") or _full_name(noun)) and noun.lower_ not in ("people", "police", "crew",
                                                               "personnel", "staff"):  # fmt: skip
            # a singular person: "a soldier was killed", "the mayor was shot", "Vargas was
            # murdered"
            return Figure(1, implicit=True)
    return None


def _name_head(noun: Token) -> bool:
    """The last word of a name the tagger split: "peasants Victor Manuel Vasquez", where
    "Manuel" is tagged PERSON and "Vasquez" a common noun."""
    return noun.tag_ in ("NN", "NNP") and noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == noun.i - 1
        and c.lower_ not in PERSON_NOUNS  # "Rebel commander": a re-cased word, not a name
        for c in noun.children
    )


def _described_as_person(noun: Token) -> bool:
    """A word the tagger missed as a name, described by a person noun in apposition: "the
    death of Bernardo Jaramillo, a presidential candidate"."""
    return noun.tag_ in ("NN", "NNP") and any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lemma_.lower() in PERSON_NOUNS
        for c in noun.children
    )


def _justice_of_the_peace(noun: Token) -> bool:
    """ "the justice of the peace was also murdered": a magistrate, not the abstract noun."""
    return noun.lower_ == "justice" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "peace" for g in c.children)
        for c in noun.children
    )


def _full_name(tok: Token) -> bool:
    """The last word of a PERSON name of several words ("Mario Flores", tagged plural)."""
    return tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I" and tok.i + 1 < len(tok.doc) and \
        tok.doc[tok.i + 1].ent_iob_ != "I"  # fmt: skip


NOT_PERSON_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                   "DATE", "TIME", "MONEY", "QUANTITY", "WEAPON", "MILITARY_PLATFORM",
                   "LANGUAGE"}  # fmt: skip


def named_person(tok: Token) -> bool:
    """A singular proper name that is not a place, group or thing: a person's name.

    (spaCy often misses PERSON in re-cased wire copy: "the murder of jecar neghme".)"""
    return (
        tok.pos_ == "PROPN"
        and tok.tag_ == "NNP"
        and tok.ent_type_ not in NOT_PERSON_ENTS
        and not (tok.text.isupper() and len(tok.text) <= 6)  # acronyms: FMLN, ELN
        and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    )


def heads(noun: Token) -> list[Token]:
    """The head nouns of the people a phrase lists: its conjuncts, and a list parsed as an
    apposition ("a professor, a policeman, and a pedestrian")."""
    out = [noun, *[c for c in noun.conjuncts if c.i > noun.i]]
    numbered = any(
        c.dep_ == "nummod"  # "three workers"; "three bank workers" hangs it on "bank"
        or c.dep_ == "compound" and c.i < noun.i and c.left_edge.like_num
        for c in noun.children
    )
    # but "Carlos Pizarro, political leader and former guerrilla commander" is one man: a
    # list after a name describes the named person
    named = noun.ent_type_ == "PERSON" or named_person(noun) or _name_head(noun)
    for c in noun.children:
        if not numbered and not named and c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children):
            out += [c, *[g for g in c.conjuncts if g.i > c.i]]
        elif not numbered and not named and c.dep_ == "appos" and _bare_person(c) and \
                _bare_person(noun) and c.i == noun.i + 2:  # fmt: skip
            out.append(c)  # a headline's list: "kill rebel commander, associate"
    return out


def _bare_person(noun: Token) -> bool:
    """A singular person noun with no determiner or other words of its own but compounds."""
    return noun.lemma_.lower() in PERSON_NOUNS and noun.tag_ == "NN" and all(
        c.dep_ in ("compound", "amod", "punct", "appos") or c.dep_ == "prep" and c.lower_ != "of"
        for c in noun.children
    )


GROUP_WORDS = frozenset(("people", "person", "victim", "individual"))  # say nothing of who


def people(noun: Token) -> Figure | None:
    """Count the people a noun phrase names, summing its conjuncts.

    "two officers and three crew members" -> 5; "at least 12 people" -> 12 (low);
    a bare number ("killed 12") counts itself."""
    figs = []
    for head in heads(noun):
        fig = figure_at(head) if head.like_num or head.lower_ in VAGUE else _noun_figure(head)
        if fig is not None:
            figs.append(fig)
    if not figs:
        return None
    if (
        len(figs) > 1
        and noun.lemma_.lower() in GROUP_WORDS
        and noun.i + 1 < len(noun.doc)
        and noun.doc[noun.i + 1].text == ","
        and sum(f.value for f in figs[1:]) == figs[0].value
    ):
        figs = figs[:1]  # "three people, two traders and a boy": the list says who the three were
    return Figure(
        sum(f.value for f in figs),
        low=any(f.low for f in figs),
        high=any(f.high for f in figs),
        vague=all(f.vague for f in figs),
        implicit=all(f.implicit for f in figs),
    )


def merge(figures: list[Figure]) -> Count:
    """Several figures for one toll, as an analyst codes them.

    Figures with a number written ("12 people", "at least 12") come first: best = the
    most conservative credible one, the smallest exact figure, else the smallest bound
    ("at least 12" -> 12); vague words ("several") give no best. Without any, figures
    read from singular nouns and names ("a soldier", "Vargas was murdered") give the
    largest of them; figures said to come on top ("the judge was also murdered", "two
    more", "three others") are added to the written one (each sentence names some of the victims). A zero ("no one was
    hurt") counts only when no figure says someone was (it is mostly about others:
    "no one else"). low = the smallest figure that is not an upper bound; high = the
    largest figure that is not a lower bound (none when every figure is "at least")."""
    if not figures:
        return Count()
    positive = [f for f in figures if f.value > 0]
    written = [f for f in positive if not f.implicit and not f.extra]
    extra = sum(f.value for f in positive if f.extra) if written else 0
    written = written or [f for f in positive if not f.implicit]
    if written:
        figures = written
    elif positive:
        best = max(f.value for f in positive)
        return Count(best=best, low=best, high=best)
    exact = [f.value for f in figures if not (f.low or f.high or f.vague)]
    bounded = [f.value for f in figures if not f.vague]
    best = min(exact) if exact else (min(bounded) if bounded else None)
    lows = [f.value + extra for f in figures if not f.high]
    highs = [f.value + extra for f in figures if not f.low]
    return Count(best=None if best is None else best + extra, low=min(lows) if lows else None,
                 high=max(highs) if highs else None)  # fmt: skip
