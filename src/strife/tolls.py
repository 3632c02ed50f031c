"""Death and injury tolls stated in a sentence.

``tolls(sentence)`` returns the death and injury figures one sentence states:
"killed five soldiers and wounded 12" -> [5], [12]; "the murder of Jecar Neghme" ->
[1] (a named victim); "Two officers were shot to death" -> [2]; "there were no
victims" -> [0]. Figures are read from the syntax around death and injury words
(objects of active verbs, subjects of passive ones, "of"-objects and possessors of
nouns) and counted by ``counts.people``.
"""

from __future__ import annotations

import difflib
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import counts

DEATH = {"kill", "die", "slay", "murder", "massacre", "execute", "behead", "assassinate",
         "perish", "slaughter", "lynch", "killing", "assassination", "slaying", "execution",
         "homicide"}  # fmt: skip
INJURY = {"wound", "injure", "hurt", "maim"}
# "shot to death", "stabbed to death": the verb then names a death
TO_DEATH = {"shoot", "stab", "beat", "hack", "burn", "club", "bludgeon", "stone", "torture",
            "strangle", "machete", "gun", "kick", "starve", "batter", "choke", "crush"}  # fmt: skip
_HARM = r"(killed|died|dead|hurt|injured|wounded|harmed|injuries|casualties|victims)"
ZERO = re.compile(
    r"\b(no one|nobody|no-one|none of (the|them|those))\b[^.;]{0,40}\b"
    + _HARM
    + r"|\b(no|zero)(?! (fewer|less|more)\b) ([a-z]+ ){0,2}(deaths|fatalities|casualties|victims"
    r"|injuries|one was|loss of life|dead|injured)\b"
    r"|\bwithout (causing |leaving |any |reports of )*(casualties|victims|injuries|deaths|"
    r"fatalities|loss of life|injuring|hurting|harming)\b"
    r"|\b(did|does) not (cause|leave|result in|produce) (any )?(casualties|deaths|fatalities|"
    r"victims|injuries)\b"
    r"|\b(unharmed|unhurt|unscathed|uninjured|escaped injury)\b",
    re.I,
)


def zero_statement(text: str) -> bool:
    """Does ``text`` say that nobody was killed or hurt ("there were no victims")?"""
    return bool(ZERO.search(text))


def tolls(sent: SpacySpan) -> tuple[list[counts.Figure], list[counts.Figure]]:
    """Death and injury figures stated in one sentence."""
    deaths: list[counts.Figure] = []
    hurt: list[counts.Figure] = []
    seen: set[int] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        kind = "d" if lemma in DEATH else "i" if lemma in INJURY else None
        if lemma in ("dead", "death", "fatality", "toll", "body", "corpse") or (
            lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children)
        ) or (lemma in TO_DEATH and _to_death(tok)):  # fmt: skip
            kind = "d"
        if lemma in ("injured", "wounded", "injury") or tok.lower_ in ("injured", "wounded"):
            kind = "i"
        if kind is None or (lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to"
                            and not any(c.dep_ in ("det", "poss") for c in tok.children)):
            continue  # "shot to death", "sentenced to death"; not "linked to the death of X"
        fig = _figure_for(tok, lemma, seen)
        if fig is not None:
            (deaths if kind == "d" else hurt).append(fig)
    m = ZERO.search(sent.text)
    if m:
        # nobody hurt means nobody died; "no deaths" says nothing of the injured
        if not deaths:
            deaths.append(counts.Figure(0))
        if not hurt and not re.search(
            r"kill|die|dead|death|fatalit|loss of life", m.group(0).lower()
        ):
            hurt.append(counts.Figure(0))
    return deaths, hurt


def _on_top(tok: Token, noun: Token) -> bool:
    """The figure adds to one given before: "was also killed", "two more", "three others"."""
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children):
        return True
    words = {noun.lower_, *(t.lower_ for t in noun.children)}
    nums = [c for c in noun.children if c.like_num]
    words |= {t.lower_ for c in nums for t in c.children}
    if any(t.lower_ == "than" for c in nums for t in c.children) or any(
        t.lower_ == "than" for t in noun.children
    ):
        words.discard("more")  # "more than ten soldiers" is a bound, not "ten more soldiers"
    return bool(words & {"more", "other", "others", "another", "additional"})


PERIOD_TOTAL = re.compile(
    r"\b(this|that|last|the past) (week|month|year)\b|\bso far\b|\bsince\b|\bover the\b"
    r"|\b(during|in) (january|february|march|april|may|june|july|august|september|october"
    r"|november|december|1[89]\d\d|20\d\d)\b|\b(acts|attacks|incidents|actions)\b",
    re.I,
)


def _period_total(cand: Token) -> bool:
    """ "a total of six engineers have been murdered this week": a running total over a
    period, not the toll of the event the sentence reports."""
    doc = cand.doc
    left = cand.left_edge.i
    before = doc[max(left - 3, 0) : left + 3].text.lower()
    if "total of" in before:
        return bool(PERIOD_TOTAL.search(cand.sent.text))
    # "403 people were killed in November as a result of violent acts": a month's count
    # over many acts (a day given, "on 4 November", is one event's date)
    text = cand.sent.text
    return bool(MONTH_PERIOD.search(text) and MANY_EVENTS.search(text))


MONTH_PERIOD = re.compile(
    r"\b(in|during) (the (month|course) of )?(january|february|march|april|may|june|july"
    r"|august|september|october|november|december|1[89]\d\d|20\d\d)\b(?! \d)",
    re.I,
)
MANY_EVENTS = re.compile(r"\b(acts|attacks|incidents|actions|operations)\b", re.I)


def _all_of(noun: Token) -> bool:
    """ "all the passengers", "all of the crew": everyone of a group, no number given."""
    if noun.lower_ == "all":
        return True
    return noun.tag_ in ("NNS", "NNPS") and any(
        c.lower_ == "all" and c.dep_ in ("predet", "det", "amod") for c in noun.children
    )


NEAR = 25  # sentences: a short wire story


def _stated_elsewhere(noun: Token) -> counts.Figure | None:
    """ "all the passengers died" with "the 106 passengers aboard" nearby: the group's size
    is written in a sentence close by (nearest first, up to 25 sentences either way; the same noun,
    allowing for a typo in wire copy: "passangers")."""
    if noun.lower_ == "all":  # "all of the passengers"
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if not of:
            return None
        noun = of[0]
        if any(c.dep_ == "nummod" for c in noun.children):  # "all of the 12 passengers"
            return counts.people(noun)
    word = noun.lemma_.lower()
    doc = noun.doc
    sents = list(doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= noun.i < s.end), None)
    if here is None:
        return None
    near = range(max(here - NEAR, 0), min(here + NEAR + 1, len(sents)))
    for n in sorted(near, key=lambda k: abs(k - here)):
        for tok in sents[n]:
            if tok.i == noun.i or tok.tag_ not in ("NNS", "NNPS"):
                continue
            if difflib.SequenceMatcher(None, tok.lemma_.lower(), word).ratio() < 0.85:
                continue
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            fig = counts.figure_at(nums[0]) if nums else None
            if fig is not None and not fig.vague:
                return fig
    return None


def _to_death(tok: Token) -> bool:
    return any(c.dep_ in ("prep", "advmod") and c.lower_ == "to" and any(
        g.lemma_.lower() == "death" for g in c.children) for c in tok.children)  # fmt: skip


YEAR_TOTAL = re.compile(
    r"(so far )?(this|that) year|so far( this (year|month))?|(in|over|during) the (past|last) "
    r"(year|(\w+ )?(months|years))"
)


def _running_total(tok: Token) -> bool:
    """ "178 troops killed by the rebels this year", "have killed 40 so far": the death word
    counts a period's dead, not one event's (the article may still report an event)."""
    for c in tok.children:
        if c.dep_ in ("npadvmod", "advmod", "prep"):
            phrase = " ".join(t.lower_ for t in c.subtree)
            if YEAR_TOTAL.fullmatch(phrase):
                return True
    return False


def _headline_passive(tok: Token) -> bool:
    """ "Party activist killed as opposition men torch shop", "strike turns violent, one
    killed": a past participle with a subject, no object and no auxiliary, as headlines
    write the passive."""
    if tok.tag_ not in ("VBN", "VBD") or tok.lower_ not in ("killed", "injured", "wounded",
                                                            "hurt", "murdered", "slain"):
        return False
    children = list(tok.children)
    if any(c.dep_ in ("dobj", "aux", "auxpass", "dative", "xcomp", "attr")
           or c.dep_ == "ccomp" and c.i > tok.i for c in children):  # fmt: skip
        return False
    subj = [c for c in children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].lower_ not in ("who", "that", "which") and \
        subj[0].pos_ != "PRON"  # fmt: skip


def _before_bracket(cand: Token) -> Token:
    """ "JAIME ESTEVEZ, A MEMBER OF THE ... MOVEMENT [MPTL] WAS TAKEN ... TO BE MURDERED":
    a bracketed insertion can cut a sentence in two, leaving the acronym in brackets as the
    subject; the victim is the head of the verbless piece before it."""
    doc = cand.doc
    sent = cand.sent
    if not (cand.i - 1 == sent.start and doc[sent.start].text == "["
            and cand.i + 1 < len(doc) and doc[cand.i + 1].text == "]"):  # fmt: skip
        return cand
    if sent.start == 0:
        return cand
    before = doc[sent.start - 1].sent
    if any(t.pos_ in ("VERB", "AUX") for t in before) or before.root.pos_ not in ("NOUN", "PROPN"):
        return cand
    return before.root


def _counted_after(verb: Token) -> list[Token]:
    """ "killing at least 20 civilians and burning granaries, an official and residents
    said": the counted noun right after an active verb the parser left without an object
    (it made the victims the subject of "said")."""
    for t in verb.doc[verb.i + 1 : min(verb.i + 6, verb.sent.end)]:
        if t.pos_ in ("NOUN", "PROPN"):  # the number, not the noun and its misparsed conjuncts
            return [c for c in t.children if c.dep_ == "nummod" and verb.i < c.i < t.i][:1]
        if not (t.like_num or t.dep_ in ("advmod", "quantmod", "nummod", "det", "amod")):
            return []
    return []


def _figure_for(tok: Token, lemma: str, seen: set[int],
                found: list[Token] | None = None) -> counts.Figure | None:  # fmt: skip
    """The count of people a death or injury word applies to."""
    if _running_total(tok):
        return None
    candidates: list[Token] = []
    deps = {c.dep_: c for c in tok.children}
    # "the assassinated Carlos Pizarro", "people killed in the blast": passive participles
    # (an "acl" with an object of its own is an active verb the parser hung on a noun: "a
    # fire-bomb attack on a bank killed three people" read as "riots [...] killed")
    passive = "nsubjpass" in deps or "auxpass" in deps or (
        tok.dep_ in ("amod", "acl") and not (tok.dep_ == "acl" and "dobj" in deps))
    if tok.pos_ == "VERB" and not passive and _headline_passive(tok):
        passive = True  # "One killed, two injured in bomb attack": a headline's "was" left out
    # a title-case headline's verb the tagger took for a name ("Ambush Kills Dozens of
    # Troops"): triggers.py restored its lemma; its object is the victim
    title_verb = tok.pos_ == "PROPN" and tok.lemma_.lower() != tok.lower_ and "dobj" in deps
    if (tok.pos_ == "VERB" or title_verb) and not passive and lemma not in ("die", "perish"):
        # every object: the parser can split one ("kill policeman in hill tracts")
        candidates.extend(c for c in tok.children if c.dep_ == "dobj")
        for c in tok.children:  # "WOUNDED 12": a bare number hangs on the verb
            if c.like_num and c.dep_ in ("npadvmod", "advmod", "dobj", "attr"):
                candidates.append(c)
        if not candidates:
            candidates.extend(_counted_after(tok))
    else:
        for d in ("nsubjpass", "nsubj"):
            if d in deps:
                candidates.append(deps[d])
        if "nsubjpass" not in deps and "auxpass" in deps and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            # "X was taken to the jail to be murdered": the infinitive's victim is the
            # subject of the verb it hangs on (the parser may hang it on the place)
            verb = tok.head
            for _ in range(3):
                if verb.pos_ == "VERB" or verb.head is verb:
                    break
                verb = verb.head
            candidates.extend(c for c in verb.children if c.dep_ == "nsubjpass")
        if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM",
                                                                      "PRON"):  # fmt: skip
            candidates.append(tok.head)
        if lemma in ("die", "perish") and not candidates and tok.dep_ == "conj":
            # a parse that loses the subject ("... because all the passengers going to
            # Cali died"): the "all"-group just before the verb
            group = [t for t in tok.sent if t.i < tok.i and _all_of(t) and t.lower_ != "all"]
            candidates.extend(group[-1:])
    for c in tok.children:
        if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod", "npadvmod")):
            candidates.append(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "at"):  # "deaths of 12", "rose to 15"
            candidates.extend(g for g in c.children if g.dep_ == "pobj")
        if c.dep_ == "poss" and tok.pos_ == "NOUN":  # "the six Jesuits' slaying"
            candidates.append(c)
    if tok.pos_ == "NOUN" and not candidates:
        # "the assassination on 15 September of Eduardo Lopez": the parser hangs the
        # "of" on the date
        for c in tok.doc[tok.i + 1 : min(tok.i + 7, tok.sent.end)]:
            if c.lower_ == "of" and c.head.ent_type_ == "DATE" and c.head.i > tok.i:
                candidates.extend(g for g in c.children if g.dep_ == "pobj" and not g.like_num)
                break
    if tok.pos_ == "NOUN" and tok.dep_ == "conj" and not candidates:
        # "the kidnapping and assassination of a student": the "of" hangs on the first noun
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
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
    if lemma == "dead" and tok.dep_ in ("oprd", "acomp"):
        # "left three people dead", "five villagers were found dead": the verb's object
        # (or passive subject) is who died
        candidates.extend(c for c in tok.head.children
                          if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i)  # fmt: skip
    candidates = [_before_bracket(c) for c in candidates]
    for cand in candidates:
        if cand.i in seen:
            continue
        if _period_total(cand):
            seen.add(cand.i)
            continue
        if cand.lower_ == "total":  # "a total of 12 soldiers were killed": the event's toll
            of = [g for c in cand.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            if of:
                seen.add(cand.i)
                cand = of[0]
        if cand.lower_ in ("no", "none", "nobody", "noone") or any(
            c.lower_ == "no" and c.dep_ == "det" for c in cand.children
        ):
            seen.add(cand.i)
            return counts.Figure(0)
        fig = counts.people(cand)
        if fig is None and _all_of(cand):
            fig = _stated_elsewhere(cand)
        if fig is not None:
            fig.extra = _on_top(tok, cand)
            seen.update(t.i for t in [cand, *cand.conjuncts])
            if found is not None:
                found.append(cand)
            return fig
    return None


# verbs of an attack on people that do not say whether they died
ATTACK_VERBS = {"shoot", "gun", "machinegun", "stab", "attack", "ambush", "fire", "hack"}


def _person_words(noun: Token) -> set[str]:
    """The person nouns of a victim phrase and its list members ("professor Herminio
    Parra" -> {"professor"}; "a civil guard and a pedestrian" -> {"guard", "pedestrian"})."""
    words = set()
    for head in counts.heads(noun):
        for t in (head, *(c for c in head.children if c.dep_ == "compound")):
            if t.lemma_.lower() in counts.PERSON_NOUNS:
                words.add(t.lemma_.lower())
    return words


def summary_victims(sents: list[SpacySpan]) -> set[str]:
    """Person nouns of summary tolls: a sentence saying several people of different kinds
    were killed ("Terrorists killed a university professor, a policeman, and a
    pedestrian")."""
    out: set[str] = set()
    for sent in sents:
        seen: set[int] = set()
        for tok in sent:
            if tok.lemma_.lower() not in DEATH:
                continue
            found: list[Token] = []
            _figure_for(tok, tok.lemma_.lower(), seen, found)
            for noun in found:
                if len(counts.heads(noun)) >= 2:
                    out |= _person_words(noun)
    return out


def detail_toll(sents: list[SpacySpan], summary: set[str]) -> counts.Figure | None:
    """The toll of a detail sentence that says only how people were attacked ("professor
    Herminio Parra was shot", "machinegunned a civil guard and a pedestrian") when a summary
    sentence of the same article says such people were killed: the victims named are
    its dead. None when the sentence says anyone was hurt, or names no such victim."""
    if not summary:
        return None
    for sent in sents:
        for tok in sent:
            word = "machinegun" if tok.lower_.startswith("machinegun") else tok.lemma_.lower()
            if word not in ATTACK_VERBS or tok.pos_ != "VERB":
                continue
            for c in tok.children:
                if c.dep_ not in ("dobj", "nsubjpass"):
                    continue
                if _person_words(c) & summary:
                    return counts.people(c)
    return None
