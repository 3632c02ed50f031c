"""nlp: re-casing of Title Case headlines before parsing (same length, names kept)."""

from __future__ import annotations

import pytest
import spacy

from strife import nlp as strife_nlp


@pytest.fixture(scope="module")
def nlp(settings) -> spacy.language.Language:
    return strife_nlp.load(settings)


def recased(text: str, nlp: spacy.language.Language) -> str:
    span = strife_nlp.title_line(text)
    assert span is not None, text
    out = strife_nlp.recase_title(text, span, nlp)
    assert len(out) == len(text)
    return out


@pytest.mark.parametrize(
    "line",
    [
        "Three Guards Wounded as Gunmen Storm Checkpoint Outside Mosul",
        "Rebels Ambush Army Convoy Between Two Villages",
        "Village Headman Shot Dead by Unknown Attackers: Police",
    ],
)
def test_title_case_lines_are_recognised(line: str) -> None:
    assert strife_nlp.title_line(line) == (0, len(line))
    assert strife_nlp.title_line(line + "\nThe body of the article, in ordinary case.") == (0, len(line))


@pytest.mark.parametrize(
    "text",
    [
        "Radio Free Asia: Karen villager killed as soldiers shell farms in Hpapun",
        "Gunmen killed two guards near Mosul on Monday, police said.",
        "THREE GUARDS WOUNDED AS GUNMEN STORM CHECKPOINT",  # all caps: the other re-casing
        "Bomber Kills Six",  # too few capitalised words of 4+ letters
        "An ordinary first line.\nThree Guards Wounded as Gunmen Storm Checkpoint Outside Mosul",
    ],
)
def test_other_lines_are_no_title_case(text: str) -> None:
    assert strife_nlp.title_line(text) is None


def test_ordinary_words_are_lowered_and_names_kept(nlp) -> None:
    assert recased("Two Soldiers Killed in Ambush Near Kandahar", nlp) == (
        "two soldiers killed in ambush near Kandahar"
    )
    assert recased("Rebels Ambush Army Convoy in Northern Helmand Province", nlp) == (
        "rebels ambush army convoy in Northern Helmand Province"
    )
    # acronyms, a place of several words, a month before a year, a demonym's plural
    assert recased("Settlers Attack Olive Groves in West Bank, Say Palestinians", nlp) == (
        "settlers attack olive groves in West Bank, say Palestinians"
    )
    assert recased("Clashes Between IS and SDF Fighters Continue in March 2019", nlp) == (
        "clashes between IS and SDF fighters continue in March 2019"
    )
    # a people's army is "Chadian army" (the country stays a place); a group's is kept
    assert recased("Chadian Army Shells Villages Held by Baloch Liberation Army", nlp) == (
        "Chadian army shells villages held by Baloch Liberation Army"
    )


def test_places_that_are_common_words_peoples_and_initials(nlp) -> None:
    # "Nice" is a city only after a locative preposition; "Car" is no name though "CAR" is
    assert recased("Car Bomb Wounds Four Shoppers in Nice", nlp) == "car bomb wounds four shoppers in Nice"
    assert recased("Nice Weather Brings Crowds to Beaches", nlp).startswith("nice weather brings crowds")
    # a people no country names; initials
    assert recased("Turkey Shells Kurdish Positions in Northern Syria", nlp) == (
        "Turkey shells Kurdish positions in Northern Syria"
    )
    assert recased("Gunman Kills L. A. Deputy on Patrol", nlp) == "gunman kills L. A. deputy on patrol"


def test_unknown_words_and_person_names_keep_their_capital(nlp) -> None:
    # "Qorvath" is no English word; "Smith" is also a common noun but the tagger reads
    # the lower-cased line's "john smith" as a name
    assert recased("Gunmen Kill Qorvath Elder John Smith Near Market", nlp) == (
        "gunmen kill Qorvath elder John Smith near market"
    )


def test_the_article_body_decides_first(nlp) -> None:
    # the body writes "Patrol" capitalised (a unit's name) and "convoy" in lower case
    text = (
        "Blast Hits Patrol Convoy Near Border Post\n"
        "A roadside bomb hit a convoy of the Northern Patrol on Monday. The Patrol lost two trucks."
    )
    assert recased(text, nlp).startswith("blast hits Patrol convoy near border post\n")
    # "Prime Minister" written so in the body keeps both capitals
    text = "Prime Minister Condemns Attack on Market\nThe Prime Minister spoke on Monday."
    assert recased(text, nlp).startswith("Prime Minister condemns attack on market\n")


def test_parse_recases_title_lines_and_keeps_the_original_text(nlp, settings) -> None:
    text = "Two Soldiers Killed in Ambush Near Kandahar\nThe attack happened at night."
    doc = next(strife_nlp.parse([text], settings))
    assert strife_nlp.original_text(doc) == text
    assert doc.text.startswith("two soldiers killed in ambush near Kandahar")
    killed = next(t for t in doc if t.lower_ == "killed")
    assert killed.pos_ == "VERB"
    assert ("Kandahar", "GPE") in [(e.text, e.label) for e in strife_nlp.entities(doc)]
    # text that is not Title Case is parsed as it is
    plain = "Gunmen killed two guards near Mosul."
    assert next(strife_nlp.parse([plain], settings)).text == plain


def test_lowered_first_word_is_no_proper_noun(settings) -> None:
    # the tagger reads a lower-cased first word as a name ("landmine/NNP"); the re-cased
    # word is an ordinary one, so it is tagged as a common noun
    doc = next(strife_nlp.parse(["Landmine Victims Struggle Without Clinics"], settings))
    assert (doc[0].pos_, doc[0].lemma_) == ("NOUN", "landmine")
    assert (doc[1].pos_, doc[1].lemma_) == ("NOUN", "victim")
    doc = next(strife_nlp.parse(["\n  Landmine Victims Struggle Without Clinics\nNo clinic is open."], settings))
    assert [t.pos_ for t in doc[1:3]] == ["NOUN", "NOUN"]


def test_title_case_headline_gives_toll_and_victims(extract) -> None:
    r = extract("Two Soldiers Killed in Ambush Near Kandahar", published="2020-01-01").to_dict()
    ev = r["events"][0]
    assert ev["fatalities"]["best"] == 2
    assert ev["actor2"]["text"] == "Two Soldiers"  # cut from the original text
    assert ev["location"]["country"] == "AF"
