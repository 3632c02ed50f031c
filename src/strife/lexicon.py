"""The weapons and military-platforms lexicon (data: ``data/weapons.tsv``).

Two uses: ``ruler_patterns()`` gives spaCy EntityRuler patterns that tag ``WEAPON``
and ``MILITARY_PLATFORM`` spans (with ``id`` = the canonical name), and
``canonical()`` maps any surface string ("MI-8 HELICOPTER", "Mi8", "MANPADs") to
its canonical name and label, which the events stage puts in ``Event.weapons`` and
``Event.platforms``.

Label policy (the re3d convention): ``WEAPON`` is arms and munitions *and the
systems that launch them* (rifles, mortars, howitzers, HIMARS, Grad, Tochka,
MANPADS, ATGMs, IEDs, bombs, chemical agents); ``MILITARY_PLATFORM`` is what
carries people or weapons: aircraft, helicopters, drones (loitering munitions
included), armoured vehicles and vessels. The data format and how to extend it are
in ``docs/lexicons.md``.

``strike_spans()`` finds military strikes in a parsed Doc ("one strike destroyed a
tank", "conducted 34 strikes"): ``WEAPON`` entities in the output only, never an
event's weapon (the ruler keeps them in ``doc.spans``, outside ``doc.ents``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

LABELS = ("WEAPON", "MILITARY_PLATFORM")
# named explosive fillers: they say what a bomb was made of, so naming one does not make
# the device ("bomb", "car bomb") a redundant generic name
FILLERS = frozenset({"TNT", "C-4", "ANFO"})  # canonical names; C-4 covers Semtex, RDX, PETN
CATEGORIES = (
    "small_arms",
    "manpads",
    "atgm",
    "artillery",
    "rocket_system",
    "missile",
    "drone",
    "aircraft",
    "helicopter",
    "armour",
    "vessel",
    "ied",
    "explosive",
    "chemical",
    "grenade",
    "landmine",
    "generic",
)

# Head nouns that may follow a named model inside one span: "Mi-8 helicopter",
# "T-72 tanks", "Grad rockets", "Kornet missile". Generic entries do not take them.
CATEGORY_HEADS: dict[str, tuple[str, ...]] = {
    "helicopter": ("helicopter", "gunship", "chopper", "attack helicopter", "transport helicopter"),
    "aircraft": ("jet", "fighter", "fighter jet", "aircraft", "warplane", "bomber", "plane"),
    "drone": ("drone", "uav", "aircraft", "loitering munition", "kamikaze drone"),
    "armour": ("tank", "vehicle", "armoured vehicle", "armored vehicle", "apc", "ifv"),
    "vessel": ("ship", "frigate", "destroyer", "vessel", "boat", "warship"),
    "missile": ("missile", "system", "launcher", "battery", "rocket"),
    "rocket_system": ("rocket", "launcher", "system", "mlrs", "missile", "rocket launcher"),
    "artillery": ("howitzer", "gun", "system", "piece", "shell", "round", "cannon"),
    "atgm": ("missile", "launcher", "system", "round", "rocket"),
    "manpads": ("missile", "launcher", "system"),
    "small_arms": ("rifle", "gun", "pistol", "machine gun", "assault rifle"),
    "grenade": ("grenade", "launcher"),
    "landmine": ("mine", "landmine"),
}

# Ship-name prefixes ("USS Hopper", "HMS Ocean", "FS Forbin") and US hull codes
# ("DDG 70"): tagged by shape, since no list of ship names could be complete.
SHIP_PREFIXES = (
    "USS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "FS", "RFS", "TCG", "ROKS", "HNLMS",
    "KRI", "BNS", "PNS", "ESPS", "FGS", "NRP", "HDMS", "HNoMS", "HSwMS", "USNS", "ARA",
    "BAP", "ARC", "IRIS",
)  # fmt: skip
HULL_CODES = ("DDG", "CVN", "CG", "FFG", "LHD", "LHA", "LPD", "LSD", "SSN", "SSGN", "SSBN", "LCS")

# English words that start hyphenated model names ("AT-3", "IS-2"): no space variant
_WORD_PREFIXES = {
    "at", "an", "as", "is", "in", "on", "of", "to", "or", "it", "be", "by", "he", "me", "we",
    "no", "so", "up", "us", "do", "go", "am", "my", "if", "pt", "ms", "mk",
}  # fmt: skip

# irregular plurals; None = no plural ("axes" is mostly "axes of advance")
_IRREGULAR: dict[str, str | None] = {"knife": "knives", "ax": None, "axe": None, "man": "men"}


@dataclass(frozen=True)
class LexEntry:
    canonical: str
    label: str
    category: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class _Alias:
    text: str
    mode: str  # "" case-insensitive, "~" lookup only, "=" case-sensitive


def fold(text: str) -> str:
    """Lower case without accents: "Akıncı" -> "akinci"."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _key(text: str) -> str:
    """Case, accent, hyphen and space-insensitive key: "MI-8" and "Mi 8" -> "mi8"."""
    return "".join(re.findall(r"[a-z0-9]+", fold(text)))


def _plural(word: str) -> str | None:
    """English plural of an alias's last word; None where it would not help."""
    low = word.lower()
    if low in _IRREGULAR:
        plural = _IRREGULAR[low]
        return None if plural is None else word[: -len(low)] + plural
    if not low or not low[-1].isalnum() or low.endswith("s"):
        return None
    if low.endswith(("x", "ch", "sh", "z")):
        return word + "es"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.isupper() and len(word) > 1:
        return word + "s"
    return word + "s"


def _variants(alias: str) -> set[str]:
    """Surface forms of one alias: as written, hyphen/space/joined forms, plurals."""
    forms = {alias}
    if "-" in alias:
        forms.add(alias.replace("-", ""))
        # "Mi 8" but not "A 10", "F 16", "AT 3": "a 10-year-old", "at 3 p.m."
        prefix = alias.split("-", 1)[0].lower()
        if len(prefix) > 1 and prefix not in _WORD_PREFIXES:
            forms.add(alias.replace("-", " "))
    words = alias.split()
    if len(words) == 2 and "-" not in alias and not any(ch.isdigit() for ch in alias):
        forms |= {"-".join(words), "".join(words)}
    for form in list(forms):
        head, _, last = form.rpartition(" ")
        plural = _plural(last)
        if plural:
            forms.add(f"{head} {plural}".strip())
    return forms


def _parse_aliases(field: str) -> list[_Alias]:
    out = []
    for raw in field.split("|"):
        raw = raw.strip()
        if not raw:
            continue
        mode = raw[0] if raw[0] in "~=" else ""
        out.append(_Alias(raw[len(mode) :].strip(), mode))
    return out


@cache
def _load() -> tuple[tuple[LexEntry, ...], dict[str, tuple[_Alias, ...]]]:
    text = resources.files("strife").joinpath("data/weapons.tsv").read_text("utf-8")
    entries: list[LexEntry] = []
    modes: dict[str, tuple[_Alias, ...]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ValueError(f"weapons.tsv line {n}: expected 4 tab-separated columns: {line!r}")
        canon, label, category, field = (c.strip() for c in cols)
        if label not in LABELS or category not in CATEGORIES:
            raise ValueError(f"weapons.tsv line {n}: unknown label or category: {line!r}")
        aliases = _parse_aliases(field)
        if not any(a.text == canon for a in aliases):
            aliases.insert(0, _Alias(canon, ""))
        entries.append(LexEntry(canon, label, category, tuple(a.text for a in aliases)))
        modes[canon] = tuple(aliases)
    return tuple(entries), modes


def weapon_entries() -> list[LexEntry]:
    """Every lexicon entry, in file order (loaded once)."""
    return list(_load()[0])


def _is_generic(entry: LexEntry) -> bool:
    """Plain-noun canonicals ("helicopter", "bomb") rank below named models ("Mi-8")."""
    return entry.canonical == entry.canonical.lower()


@cache
def _index() -> dict[str, LexEntry]:
    """Key -> entry for every alias variant; the first entry in the file wins a clash,
    and a named model's aliases win over a generic entry's."""
    index: dict[str, LexEntry] = {}
    entries, modes = _load()
    for entry in sorted(entries, key=_is_generic):
        for alias in modes[entry.canonical]:
            for form in _variants(alias.text):
                index.setdefault(_key(form), entry)
        if not _is_generic(entry):
            for alias in modes[entry.canonical]:
                for head in CATEGORY_HEADS.get(entry.category, ()):
                    for form in _variants(f"{alias.text} {head}"):
                        index.setdefault(_key(form), entry)
    return index


def canonical(text: str) -> tuple[str, str] | None:
    """(canonical name, label) for a surface string, or None.

    Case-, accent-, hyphen- and space-insensitive and plural-tolerant. When the whole
    string is not an alias, the longest run of words that is wins, a named model over a
    generic word: "Russian Mi-8 helicopter" -> ("Mi-8", "MILITARY_PLATFORM").
    """
    index = _index()
    words = [w for w in re.split(r"[\s,;/()]+", text.strip()) if _key(w)]
    best: tuple[int, bool, int] | None = None
    found: LexEntry | None = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            entry = _lookup_key(index, _key(" ".join(words[i:j])))
            if entry is None:
                continue
            rank = (j - i, not _is_generic(entry), -i)
            if best is None or rank > best:
                best, found = rank, entry
            break
    return (found.canonical, found.label) if found else None


def _lookup_key(index: dict[str, LexEntry], key: str) -> LexEntry | None:
    if not key:
        return None
    if key in index:
        return index[key]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            hit = index.get(key[: -len(suffix)] + repl)
            if hit:
                return hit
    return None


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


def _token_pattern(form: str, mode: str) -> list[dict]:
    tokens = [t.text for t in _tokenizer()(form)]
    if mode == "=":
        return [{"ORTH": t} for t in tokens]
    return [{"LOWER": fold(t)} for t in tokens]


@cache
def _patterns() -> tuple[dict, ...]:
    entries, modes = _load()
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []

    def add(pattern: list[dict], entry: LexEntry) -> None:
        key = (repr(pattern), entry.label)
        if key not in seen:
            seen.add(key)
            out.append({"label": entry.label, "pattern": pattern, "id": entry.canonical})

    for entry in entries:
        heads = sorted(
            {
                fold(f)
                for h in CATEGORY_HEADS.get(entry.category, ())
                if " " not in h
                for f in (h, _plural(h))
                if f
            }
        )
        for alias in modes[entry.canonical]:
            if alias.mode == "~":
                continue
            forms = _variants(alias.text)
            if alias.mode == "=":
                forms = {f for f in forms if f == alias.text} | {alias.text.upper()}
            for form in sorted(forms):
                pattern = _token_pattern(form, alias.mode)
                if heads and not _is_generic(entry):
                    # an optional head noun: the ruler keeps the longest match
                    pattern.append({"LOWER": {"IN": heads}, "OP": "?"})
                add(pattern, entry)
    ship = {"label": "MILITARY_PLATFORM", "id": "warship"}
    out.append(
        {**ship, "pattern": [{"ORTH": {"IN": list(SHIP_PREFIXES)}}, {"IS_TITLE": True, "OP": "+"}]}
    )
    out.append({**ship, "pattern": [{"ORTH": {"IN": list(HULL_CODES)}}, {"IS_DIGIT": True}]})
    # a named ship with its pennant number: "HMS Ocean (L 12)", "HMS Daring (D32)"; US
    # hull codes ("USS Hopper (DDG 70)") are tagged apart, above
    for pennant in (
        [{"TEXT": {"REGEX": r"^[A-Z]{1,3}$", "NOT_IN": list(HULL_CODES)}}, {"IS_DIGIT": True}],
        [{"TEXT": {"REGEX": r"^[A-Z]{1,3}-?\d{1,4}$"}}],
    ):
        out.append(
            {
                **ship,
                "pattern": [
                    {"ORTH": {"IN": list(SHIP_PREFIXES)}},
                    {"IS_TITLE": True, "OP": "+"},
                    {"ORTH": "("},
                    *pennant,
                    {"ORTH": ")"},
                ],
            }
        )
    return tuple(out)


def ruler_patterns() -> list[dict]:
    """spaCy EntityRuler patterns for every alias that is not lookup-only.

    Token patterns built with spaCy's own tokenizer, so "Mi-8" is ["mi", "-", "8"];
    ``LOWER`` matching, so ALL-CAPS text ("DYNAMITE") matches too; plurals and
    model + head-noun spans ("T-72 tanks") included; ``id`` is the canonical name.
    """
    return [dict(p) for p in _patterns()]


# ---- military strikes: a WEAPON entity only (the munition delivered), never an event's arm
STRIKE_NOUNS = frozenset({"strike", "strikes", "airstrike", "airstrikes"})
# modifiers that make "strike" military: "air strike", "drone strikes", "a precision strike"
STRIKE_MODIFIERS = frozenset({
    "air", "drone", "missile", "rocket", "aerial", "naval", "precision", "coalition", "military",
    "cruise", "uav", "surgical", "retaliatory", "pre-emptive", "preemptive", "bombing", "artillery",
})  # fmt: skip
# verbs whose object (or passive subject) is a military strike: "conducted 34 strikes",
# "carried out an air strike", "the strikes were conducted"
STRIKE_DONE_BY = frozenset({"conduct", "carry", "launch", "mount", "execute"})
# verbs whose subject is a military strike: "one strike destroyed a tank"; the ambiguous ones
# ("the strike hit flights") need a count, a military modifier or a name ("a U.S. strike")
STRIKE_DESTROYS = frozenset({
    "destroy", "engage", "level", "flatten", "demolish", "obliterate", "neutralize",
    "neutralise", "eliminate",
})  # fmt: skip
STRIKE_HITS = frozenset({"hit", "kill", "target", "damage", "wound"})
# quantity nouns a strike may hang from: "dozens of strikes", "a wave of air strikes"
STRIKE_AMOUNTS = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "wave", "series", "barrage"}
)
_DURATION = re.compile(
    r"^\d+-(hour|day|week|month)$|^(one|two|three|four|five|six|seven)-(hour|day|week)$"
)
# modifiers of a non-military strike: "general strike", "hunger strike", "lightning strike"
NOT_MILITARY_MODIFIERS = frozenset({
    "general", "hunger", "lightning", "labour", "labor", "wildcat", "sympathy", "rent",
    "student", "students", "teacher", "teachers", "worker", "workers", "union", "national",
    "nationwide", "indefinite", "bowling", "penalty", "free-kick", "bird", "tax", "pay",
    "doctors", "nurses", "transport", "rail", "port", "miners", "truckers", "sit-down",
})  # fmt: skip
# words in the sentence that make "strike" a labour, hunger, weather or sports strike
NOT_MILITARY = frozenset({
    "worker", "workers", "union", "unions", "employee", "employees", "wage", "wages", "pay",
    "picket", "pickets", "picketing", "walkout", "walkouts", "hunger", "lightning", "thunder",
    "thunderstorm", "drivers", "strikers", "batter", "pitcher", "inning", "innings", "bowler", "bowling",
    "goalkeeper", "salary", "salaries", "pension", "pensions", "unionised", "unionized",
    "teachers", "nurses", "doctors", "miners", "dockers", "students", "staff",
})  # fmt: skip


def strike_spans(doc, taken: frozenset[int] | set[int] = frozenset()) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]  # noqa: ANN001
    """Token ranges of military strikes that act as a delivered munition, in a parsed Doc.

    A noun "strike(s)"/"airstrike(s)" counts when it is the subject of a verb of
    damage ("one strike destroyed a tank", "a U.S. strike hit two vehicles") or what
    is carried out ("conducted 34 strikes", "the strikes were conducted", "launched
    dozens of strikes"); with "hit", "kill", "target" only when said military by a
    count, a modifier or a state's name ("the strike hit flights" may be a walkout);
    not a bare
    generic plural ("nations that have conducted strikes"), not a strike only named
    ("precision airstrikes will aid"; re3d and WikiEvents leave those out), and never
    in a sentence with labour, weather or sports words ("general strike", "went on
    strike", "hunger strike", "lightning strike", "a 48-hour strike") nor the verb
    ("to strike a deal").
    Tokens in ``taken`` (already tagged: "artillery strike", "strike aircraft") are
    left alone. A military modifier just before the noun joins the span ("air strikes").
    """
    out = []
    for tok in doc:
        if tok.lower_ not in STRIKE_NOUNS or tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        if tok.dep_ == "compound" or (tok.i > 0 and doc[tok.i - 1].lower_ == "on"):
            continue  # "strike missions", "went on strike"
        mods = [
            c
            for c in tok.children
            if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod", "nummod")
        ]
        if {t.lower_ for t in tok.sent} & NOT_MILITARY or any(
            m.lower_ in NOT_MILITARY_MODIFIERS or _DURATION.search(m.lower_) for m in mods
        ):
            continue  # "a general strike", "a 48-hour strike"
        frame = tok
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lower_ in STRIKE_AMOUNTS
        ):
            frame = tok.head.head  # "launched dozens of strikes", "a wave of strikes hit"
        head = frame.head.lemma_.lower()
        if frame is not tok and frame.dep_ in ("dobj", "nsubjpass", "nsubj"):
            ok = (
                head in STRIKE_DONE_BY
                or head in STRIKE_DESTROYS
                or (head in STRIKE_HITS and _military(tok, mods))
            )
        elif tok.dep_ in ("dobj", "nsubjpass") and head in STRIKE_DONE_BY:
            # "conducted strikes in Syria": a bare plural speaks of strikes in general
            ok = (
                tok.dep_ == "nsubjpass"
                or tok.tag_ != "NNS"
                or any(
                    c.dep_ in ("det", "nummod", "amod", "compound", "poss") for c in tok.children
                )
            )
        elif tok.dep_ == "nsubj" and head in STRIKE_DESTROYS:
            ok = True
        elif tok.dep_ == "nsubj" and head in STRIKE_HITS:
            ok = _military(tok, mods)
        else:
            ok = False
        if not ok:
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].lower_ in STRIKE_MODIFIERS
            and doc[start - 1].head.i == tok.i
        ):
            if start - 1 in taken:
                break
            start -= 1
        out.append((start, tok.i + 1))
    return out


def _is_name(tok) -> bool:  # type: ignore[no-untyped-def]  # noqa: ANN001
    """A state or force named before a noun: "U.S.", "French", "Israeli", "NATO"."""
    if "." in tok.text or (tok.is_upper and len(tok.text) > 1):
        return True  # "U.S.", "UK", "NATO"; a title-case name may be a firm's ("Lufthansa")
    return tok.pos_ == "ADJ" and tok.is_title


def _military(tok, mods: list) -> bool:  # type: ignore[no-untyped-def]  # noqa: ANN001
    """A strike said military by its word or a modifier: "airstrikes", "two strikes",
    "drone strike", "a U.S. strike", "Israeli strikes"."""
    return tok.lower_.startswith("air") or any(
        m.dep_ == "nummod" or m.lower_ in STRIKE_MODIFIERS or _is_name(m) for m in mods
    )
