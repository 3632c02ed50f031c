"""The weapons and platforms lexicon: data integrity, canonical(), ruler patterns."""

from __future__ import annotations

import re

import pytest
import spacy

from strife import lexicon
from strife.lexicon import CATEGORIES, LABELS, LexEntry, canonical, ruler_patterns, weapon_entries


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipe = spacy.blank("en")
    ruler = pipe.add_pipe("entity_ruler")
    ruler.add_patterns(ruler_patterns())
    return pipe


def ents(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_at_least_200_entries_with_valid_labels_and_categories() -> None:
    entries = weapon_entries()
    assert len(entries) >= 200
    assert all(isinstance(e, LexEntry) for e in entries)
    assert {e.label for e in entries} == set(LABELS)
    assert {e.category for e in entries} <= set(CATEGORIES)
    names = [e.canonical for e in entries]
    assert len(names) == len(set(names)), "canonical names must be unique"
    assert all(e.canonical in e.aliases for e in entries)


def test_entries_are_cached() -> None:
    assert lexicon._load() is lexicon._load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mi8", ("Mi-8", "MILITARY_PLATFORM")),
        ("Mi 8", ("Mi-8", "MILITARY_PLATFORM")),
        ("MI-8 HELICOPTER", ("Mi-8", "MILITARY_PLATFORM")),
        ("Russian Mi-8 helicopter", ("Mi-8", "MILITARY_PLATFORM")),
        ("MANPADs", ("MANPADS", "WEAPON")),
        ("man-portable air-defence system", ("MANPADS", "WEAPON")),
        ("T-72 tanks", ("T-72", "MILITARY_PLATFORM")),
        ("Bayraktar TB2", ("Bayraktar TB2", "MILITARY_PLATFORM")),
        ("Shahed drones", ("Shahed-136", "MILITARY_PLATFORM")),
        ("HIMARS", ("HIMARS", "WEAPON")),
        ("Grad rockets", ("Grad", "WEAPON")),
        ("Kalashnikovs", ("AK-47", "WEAPON")),
        ("VBIEDs", ("car bomb", "WEAPON")),
        ("TRUCK-BOMB", ("car bomb", "WEAPON")),
        ("barrel bombs", ("barrel bomb", "WEAPON")),
        ("DYNAMITE", ("dynamite", "WEAPON")),
        ("MACHINEGUNS", ("machine gun", "WEAPON")),
        ("gunship", ("helicopter", "MILITARY_PLATFORM")),
        ("fighter jets", ("warplane", "MILITARY_PLATFORM")),
        ("firearms", ("firearm", "WEAPON")),
        ("explosive devices", ("explosive device", "WEAPON")),
        ("Claymore mine", ("Claymore mine", "WEAPON")),
        ("landmines", ("landmine", "WEAPON")),
        ("Akıncı", ("Bayraktar Akinci", "MILITARY_PLATFORM")),
    ],
)
def test_canonical(text: str, expected: tuple[str, str]) -> None:
    assert canonical(text) == expected


@pytest.mark.parametrize("text", ["", "the weather", "peace talks", "Kyiv"])
def test_canonical_none(text: str) -> None:
    assert canonical(text) is None


def test_patterns_have_id_label_and_lower_tokens() -> None:
    patterns = ruler_patterns()
    assert len(patterns) > 1000
    for p in patterns[:500]:
        assert p["label"] in LABELS
        assert p["id"]
        assert isinstance(p["pattern"], list)
    tokenizer = spacy.blank("en").tokenizer
    mi8 = [p["pattern"] for p in patterns if p["id"] == "Mi-8"]
    # patterns follow spaCy's own tokenizer, whatever it does with hyphens
    for alias in ("Mi-8", "Mi 8", "Mi8"):
        tokens = [{"LOWER": t.text.lower()} for t in tokenizer(alias)]
        assert any(p[: len(tokens)] == tokens for p in mi8), alias


def test_ruler_tags_mixed_case_text(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "A Russian Mi-8 helicopter was shot down with MANPADS near a T-72 tank.")
    assert ("Mi-8 helicopter", "MILITARY_PLATFORM", "Mi-8") in found
    assert ("MANPADS", "WEAPON", "MANPADS") in found
    assert ("T-72 tank", "MILITARY_PLATFORM", "T-72") in found


def test_ruler_tags_all_caps_text(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "TERRORISTS USED DYNAMITE AND MACHINEGUNS AND A CAR BOMB AGAINST THE POST.")
    assert ("DYNAMITE", "WEAPON", "dynamite") in found
    assert ("MACHINEGUNS", "WEAPON", "machine gun") in found
    assert ("CAR BOMB", "WEAPON", "car bomb") in found


def test_ruler_plurals_and_ship_names(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "Two Su-25s, several barrel bombs and USS Hopper (DDG 70) were seen.")
    labels = {t: lab for t, lab, _ in found}
    assert labels.get("Su-25s") == "MILITARY_PLATFORM"
    assert labels.get("barrel bombs") == "WEAPON"
    assert labels.get("USS Hopper") == "MILITARY_PLATFORM"
    assert labels.get("DDG 70") == "MILITARY_PLATFORM"


def test_ambiguous_aliases_are_lookup_only(nlp: spacy.language.Language) -> None:
    # "~" aliases: canonical() knows them, the ruler does not tag them
    assert canonical("Hind") == ("Mi-24", "MILITARY_PLATFORM")
    assert ents(nlp, "The Hind of the forest. A friend of mine. A tornado hit the town.") == []
    assert not any(t == "axes" for t, _, _ in ents(nlp, "the axes of advance"))


def test_no_single_letter_space_variants(nlp: spacy.language.Language) -> None:
    assert ents(nlp, "a 10-year-old girl") == []
    assert ents(nlp, "They met at 3 p.m. AT 3 PM.") == []
    assert canonical("AT-3") == ("Malyutka", "WEAPON")


def test_data_file_format() -> None:
    from importlib import resources

    text = resources.files("strife").joinpath("data/weapons.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[^\t]+\t[A-Z_]+\t[a-z_]+\t[^\t]+", line), line


def test_ammonium_nitrate_is_not_anfo() -> None:
    # ANFO is ammonium nitrate *and fuel oil*; the plain salt and other home-made
    # explosives keep their own names
    assert canonical("ammonium nitrate") == ("ammonium nitrate", "WEAPON")
    assert canonical("two tonnes of ammonium nitrate fertiliser") == ("ammonium nitrate", "WEAPON")
    assert canonical("ammonium nitrate fuel oil") == ("ANFO", "WEAPON")
    assert canonical("nitromethane") == ("nitromethane", "WEAPON")
    assert canonical("WMD") == ("weapon of mass destruction", "WEAPON")


def test_ship_with_pennant_number_is_one_platform(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "The task force includes HMS Dauntless (D 33) and HMS Albion (L14).")
    assert ("HMS Dauntless (D 33)", "MILITARY_PLATFORM", "warship") in found
    assert ("HMS Albion (L14)", "MILITARY_PLATFORM", "warship") in found
    # a pennant number alone, without a ship, is not tagged
    assert ents(nlp, "See table (D 33) below.") == []


# ---- military strikes: WEAPON entities in the output, never an event's weapon
def _strikes(settings, text: str) -> list[str]:  # noqa: ANN001
    from strife import nlp as strife_nlp

    doc = next(strife_nlp.parse([text], settings))
    return [e.text for e in strife_nlp.entities(doc) if e.label == "WEAPON"]


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("Allied jets conducted 12 strikes against rebel positions on Tuesday.", "strikes"),
        ("Outside Kandor, one strike destroyed a militia bunker.", "strike"),
        ("Near the river, three strikes engaged two enemy units.", "strikes"),
        ("A French strike on Sunday hit a convoy of four trucks.", "strike"),
        ("The navy carried out an air strike on the island's radar site.", "air strike"),
        ("The strikes were conducted by aircraft from two carriers.", "strikes"),
        # "drone" stays a MILITARY_PLATFORM of its own
        ("A drone strike killed three fighters in the valley.", "strike"),
        ("Russian warplanes launched dozens of strikes on the town.", "strikes"),
        ("Israeli strikes killed 20 people overnight.", "strikes"),
    ],
)
def test_military_strikes_are_weapon_entities(settings, text: str, strike: str) -> None:  # noqa: ANN001
    assert strike in _strikes(settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers launched a strike over unpaid wages.",
        "The unions called a general strike for Friday.",
        "Thousands of teachers went on strike in the capital.",
        "The prisoner has been on a hunger strike for three weeks.",
        "A lightning strike killed two farmers in the field.",
        "The batter took a called third strike to end the inning.",
        "His strike from 25 yards hit the post in the second half.",
        "The two parties tried to strike a deal before the vote.",
        "The court may strike down the law next month.",
        "Strike action closed the port for a week.",
        "The strike hit flights across the region on Monday.",
        "Several nations have conducted strikes in the region since 2014.",
        "The Lufthansa strike hit flights across the country.",
        "Bus drivers launched a two-day strike on Monday.",
        "Airport staff began a 48-hour strike at dawn.",
        "A wave of strikes hit the country's ports last spring.",
    ],
)
def test_other_strikes_are_not_weapons(settings, text: str) -> None:  # noqa: ANN001
    assert not any("strike" in w.lower() for w in _strikes(settings, text))


def test_strikes_stay_out_of_doc_ents_and_event_weapons(settings, extract) -> None:  # noqa: ANN001
    from strife import nlp as strife_nlp

    text = "On Monday, one strike destroyed a rebel tank near Kandor, killing four fighters."
    doc = next(strife_nlp.parse([text], settings))
    assert not any("strike" in e.text for e in doc.ents)
    res = extract(text)
    assert any(e.text == "strike" and e.label == "WEAPON" for e in res.entities)
    assert all("strike" not in w for ev in res.events for w in ev.weapons)
