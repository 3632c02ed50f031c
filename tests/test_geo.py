"""geocode(): toponym recognition, resolution and event places on real spaCy parses."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from strife.gazetteer import Gazetteer, haversine_km
from strife.geo import geocode
from strife.records import Actor, Article, Event, Span, Toponym
from strife.settings import Settings
from test_gazetteer import gazetteer_path, gz  # noqa: F401 - session fixtures

pytestmark = pytest.mark.slow
SEED = Path("/work/shared/seed/helicopter-idlib.txt")


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load(Settings().spacy_model)


def run(nlp, gz: Gazetteer, text: str, events: list[Event] | None = None) -> list[Toponym]:  # noqa: F811
    art = Article(raw=text, id="t", text=text)
    tops = geocode(nlp(text), events or [], art, gz)
    for t in tops:
        assert text[t.start : t.end] == t.text
    return tops


def named(tops: list[Toponym], text: str) -> Toponym:
    hits = [t for t in tops if t.text == text]
    assert hits, f"{text!r} not among {[t.text for t in tops]}"
    return hits[0]


def near(t: Toponym, lat: float, lon: float, km: float = 30) -> bool:
    return t.place.lat is not None and haversine_km(t.place.lat, t.place.lon, lat, lon) <= km


def event(text: str, trigger: str) -> Event:
    i = text.index(trigger)
    sent = Span(text, 0, len(text))
    return Event(
        "Explosions/Remote violence", "Air/drone strike", Span(trigger, i, i + len(trigger)), [sent]
    )


def test_seed_article_places(nlp, gz: Gazetteer) -> None:  # noqa: F811
    if not SEED.exists():
        pytest.skip(f"seed article {SEED} not present (it is someone else's text, not shipped)")
    text = SEED.read_text(encoding="utf-8")
    tops = run(nlp, gz, text)
    idlib = named(tops, "Idlib")
    assert idlib.place.country == "SY" and near(idlib, 35.9, 36.6, 60)
    aleppo = named(tops, "Aleppo")
    assert aleppo.place.country == "SY" and near(aleppo, 36.20, 37.16)
    syria = named(tops, "Syria")
    assert syria.place.country == "SY" and syria.place.geo_precision == 3
    base = [t for t in tops if "Hemeimim" in t.text][0]
    assert near(base, 35.40, 35.95, 5)
    russian = named(tops, "Russian")
    assert russian.place.country == "RU"
    countries = {t.place.country for t in tops if t.text in ("Idlib", "Aleppo", "Syria", "Syrian")}
    assert countries == {"SY"}


def test_air_base_and_latakia(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Russian jets took off from the Khmeimim air base near Latakia on Tuesday."
    tops = run(nlp, gz, text)
    lat = named(tops, "Latakia")
    assert lat.place.country == "SY" and near(lat, 35.53, 35.79)
    base = [t for t in tops if "Khmeimim" in t.text][0]
    assert base.place.country == "SY" and near(base, 35.40, 35.95, 5)


def test_demonym_russian_is_russia_not_a_texas_town(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(nlp, gz, "A Russian delegation met Canadian officials in Geneva on Monday.")
    ru = named(tops, "Russian")
    assert ru.place.country == "RU" and ru.place.name == "Russia"
    ca = named(tops, "Canadian")
    assert ca.place.country == "CA" and near(ca, 60.10867, -113.64258, 1)  # GeoNames' country point
    assert named(tops, "Geneva").place.country == "CH"


def test_containment_picks_the_contained_place(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(
        nlp, gz, "She grew up in Paris, Texas, and later moved to Springfield, Ill., for work."
    )
    paris = named(tops, "Paris")
    assert paris.place.country == "US" and paris.place.admin1 == "Texas"
    spring = named(tops, "Springfield")
    assert spring.place.admin1 == "Illinois" and near(spring, 39.80, -89.64)
    tops = run(nlp, gz, "Shelling hit Saraqib, Syria, overnight.")
    assert named(tops, "Saraqib").place.country == "SY"


def test_bare_name_uses_article_context(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "The governor of Texas spoke in Austin. Officials in Dallas and Houston said the storm "
        "would reach Paris by night."
    )
    assert named(run(nlp, gz, text), "Paris").place.country == "US"
    assert (
        named(
            run(nlp, gz, "Protesters marched in Paris against the French government."), "Paris"
        ).place.country
        == "FR"
    )


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("KABUL — Taliban fighters attacked a checkpoint on Sunday.", "KABUL", "AF"),
        ("BAGHDAD (Reuters) - A car bomb exploded near a market.", "BAGHDAD", "IQ"),
        (
            "SAN SALVADOR, 20 NOV 89 (RADIO VENCEREMOS) -- THE FMLN ATTACKED AN ARMY POST.",
            "SAN SALVADOR",
            "SV",
        ),
    ],
)
def test_dateline(nlp, gz: Gazetteer, text: str, place: str, country: str) -> None:  # noqa: F811
    t = named(run(nlp, gz, text), place)
    assert t.place.country == country and t.place.geo_precision == 1


def test_upper_case_text(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "GUERRILLAS ATTACKED A POLICE STATION IN USULUTAN DEPARTMENT AND IN SAN MIGUEL, EL SALVADOR."
    tops = run(nlp, gz, text)
    assert any(t.place.country == "SV" and "USULUTAN" in t.text for t in tops)
    assert named(tops, "EL SALVADOR").place.country == "SV"


def test_unresolvable_name_is_kept_with_null_coordinates(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(nlp, gz, "QWERTZBURG — Clashes were reported overnight.")
    t = named(tops, "QWERTZBURG")
    assert t.place.lat is None and t.place.lon is None and t.place.geonameid is None


def test_event_over_province_is_precision_3(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "The helicopter was shot down over Idlib province on Monday, the ministry said."
    ev = event(text, "shot down")
    run(nlp, gz, text, [ev])
    assert ev.location is not None
    assert ev.location.country == "SY" and ev.location.geo_precision == 3
    assert ev.location.admin1 == "Idlib"


def test_event_near_town_is_precision_2_and_in_town_1(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "A roadside bomb exploded near Mosul on Sunday."
    ev = event(text, "exploded")
    run(nlp, gz, text, [ev])
    assert (
        ev.location is not None and ev.location.country == "IQ" and ev.location.geo_precision == 2
    )
    text = "Two people were killed when an airstrike hit a market in Aleppo and Turkey protested."
    ev = event(text, "airstrike")
    run(nlp, gz, text, [ev])
    assert ev.location.name == "Aleppo" and ev.location.geo_precision == 1


def test_event_without_a_place_takes_the_actor_country(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Soldiers clash with rebels, several dead"
    ev = event(text, "clash")
    ev.actor1 = Actor(
        name="Military Forces of Myanmar", text="Soldiers", type="state_forces", country="MM"
    )
    run(nlp, gz, text, [ev])
    assert (
        ev.location is not None and ev.location.country == "MM" and ev.location.geo_precision == 3
    )
    assert ev.location.lat is not None


def test_headline_township_and_actor_region(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "KIA forces and government troops clashed in Kutkai township"
    ev = event(text, "clashed")
    tops = run(nlp, gz, text, [ev])
    assert named(tops, "Kutkai township").place.country == "MM"
    assert ev.location.name == "Kutkai" and ev.location.geo_precision == 2
    # no place in the headline: where the group operates (data/geo/actor_regions.tsv)
    text = "Kachin rebels ambush army convoy, four soldiers dead"
    ev = event(text, "ambush")
    ev.actor1 = Actor(name="Kachin Independence Army", text="Kachin rebels", type="rebel_group",
                      country="MM")  # fmt: skip
    run(nlp, gz, text, [ev])
    assert ev.location.admin1 == "Kachin" and ev.location.geo_precision == 3
    # only the country near the trigger: the group's region inside it
    text = "Myanmar says 126 soldiers have been killed in fight with Kokang army"
    ev = event(text, "killed")
    run(nlp, gz, text, [ev])
    assert ev.location.name == "Kokang" and ev.location.country == "MM"


def test_place_inside_the_country_beats_the_country(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "At least 16 killed in clashes in Myanmar's Kokang region"
    ev = event(text, "clashes")
    run(nlp, gz, text, [ev])
    assert ev.location.name == "Kokang" and ev.location.geo_precision == 3


def test_acronyms_are_no_places_in_ordinary_text(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "KNU forces and Myanmar army LIB 543 clashed in Papun township"
    tops = run(nlp, gz, text)
    assert not [t for t in tops if t.text == "LIB"]
    assert named(tops, "Papun township").place.country == "MM"


def test_all_caps_us_pronoun_and_surnames(nlp, gz: Gazetteer) -> None:  # noqa: F811
    from strife import nlp as strife_nlp

    text = (
        "SAN SALVADOR, 26 JUN 89 (RADIO CADENA YSU) -- [TEXT] THE REBELS TOLD US THAT "
        "COLONEL RIVERA ATTACKED THE TOWN. THE US EMBASSY CONDEMNED THE ATTACK IN USULUTAN."
    )
    doc = next(strife_nlp.parse([text]))
    tops = geocode(doc, [], Article(raw=text, id="t", text=text), gz)
    for t in tops:
        assert text[t.start : t.end] == t.text  # cut from the original, not the re-cased copy
    us = [t for t in tops if t.text == "US"]
    assert len(us) == 1 and us[0].start == text.index("US EMBASSY")
    assert not [t for t in tops if t.text == "RIVERA"]
    assert named(tops, "SAN SALVADOR").place.country == "SV"


def test_unknown_town_before_a_designator_is_listed(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(nlp, gz, "Arakan army and government forces clashed in Qwertzwa township")
    t = [t for t in tops if t.text.startswith("Qwertzwa")]
    assert t and t[0].place.lat is None


def test_country_abbreviations_and_demonyms_before_nouns(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "The UK's regulator met in Newcastle. A strike at UK airports is planned. "
        "The city adopted a Swedish road model policy on Uruguay Avenue."
    )
    tops = run(nlp, gz, text)
    assert all(t.place.country == "GB" for t in tops if t.text == "UK")
    assert len([t for t in tops if t.text == "UK"]) == 2
    assert named(tops, "Swedish").place.country == "SE"
    assert not [t for t in tops if t.text == "Uruguay"]  # a street, not the country


def test_all_caps_speaker_tags_and_titled_names_are_no_places(nlp, gz: Gazetteer) -> None:  # noqa: F811
    from strife import nlp as strife_nlp

    text = (
        "SAN SALVADOR, 26 JUN 89 (RADIO CADENA YSU) -- [TEXT] THE SALVADORAN ARMY SAID "
        "COLONEL RENE EMILIO PONCE VISITED SAN MIGUEL IN EL SALVADOR.\n"
        "[PONCE] WE WILL DEFEAT THE FMLN IN EL SALVADOR."
    )
    doc = next(strife_nlp.parse([text]))
    tops = geocode(doc, [], Article(raw=text, id="t", text=text), gz)
    assert all(t.place.lat is None for t in tops if t.text == "PONCE")  # not Ponce, PR
    assert named(tops, "SAN MIGUEL").place.country == "SV"


def test_country_as_adjective_does_not_place_the_event(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "BOGOTA, 13 FEB 90 (RADIO CADENA NACIONAL) -- [TEXT] THE POLICE HAVE NO CLUES "
        "REGARDING THE TWO U.S. CITIZENS WHO WERE KIDNAPPED BY GUERRILLAS. THE U.S. "
        "EMBASSY AND THE U.S. GOVERNMENT ASKED FOR THEIR RELEASE."
    )
    from strife import nlp as strife_nlp

    doc = next(strife_nlp.parse([text]))
    ev = event(text, "KIDNAPPED")
    geocode(doc, [ev], Article(raw=text, id="t", text=text), gz)
    assert ev.location is not None and ev.location.country == "CO"


def test_nearby_towns_settle_the_country(nlp, gz: Gazetteer) -> None:  # noqa: F811
    # "St. Thomas" alone is the Jamaican parish; "London" has a sense 25 km from
    # St. Thomas, Ontario, and none near Jamaica: the nearby-towns signal picks Canada.
    text = "The bus runs between London and St. Thomas twice a day, the transit agency said."
    assert named(run(nlp, gz, text), "St. Thomas").place.country == "CA"


def _upper_run(gz: Gazetteer, text: str, events: list[Event] | None = None) -> list[Toponym]:  # noqa: F811
    from strife import nlp as strife_nlp

    doc = next(strife_nlp.parse([text]))
    return geocode(doc, events or [], Article(raw=text, id="t", text=text), gz)


def test_a_speakers_place_does_not_place_the_event(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "The mayor's brother was kidnapped in Peru, according to family sources in Quito."
    ev = event(text, "kidnapped")
    run(nlp, gz, text, [ev])
    assert ev.location is not None and ev.location.country == "PE"


def test_the_neighbour_across_the_border_is_not_the_place(gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "CARACAS (VENEZUELA), 27 OCT 89 (DPA) -- [TEXT] FIVE SOLDIERS WERE KILLED AT THE "
        "BORDER WITH COLOMBIA, THE ARMY SAID. VENEZUELA PROTESTED."
    )
    ev = event(text, "KILLED")
    _upper_run(gz, text, [ev])
    assert ev.location is not None and ev.location.country == "VE"


def test_designators_and_villages(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Guerrillas blew up a power pole at Quemado Canton, Ilobasco jurisdiction."
    tops = run(nlp, gz, text)
    assert all(t.place.country != "CN" for t in tops)  # "Canton" is no Guangzhou here
    text = "Rebels in Chile reported the occupation of Agua Grande village last May."
    tops = run(nlp, gz, text)
    assert all(t.place.country != "ST" for t in tops)  # a village, not a district abroad
    tops = run(nlp, gz, "Gunmen kill seven in a northern Nigeria village.")
    assert [t.place.country for t in tops] == ["NG"]  # a village in Nigeria, not one named so


def test_named_containers(gz: Gazetteer, nlp) -> None:  # noqa: F811
    text = "THE STUDENTS OF THE UNIVERSITY OF SAN CARLOS DE GUATEMALA WERE THREATENED."
    tops = _upper_run(gz, text)
    assert any(t.place.country == "GT" for t in tops)
    assert all(t.place.country in ("GT", None) for t in tops)
    # no Santa Fe in Antioquia: somewhere in the department, not Argentina
    tops = run(nlp, gz, "A checkpoint was bombed in Santa Fe, Antioquia Department, at dawn.")
    assert named(tops, "Santa Fe").place.country == "CO"
    # a list of states is no container
    tops = run(nlp, gz, "Myanmar army air strikes reported in Kachin, Shan states")
    assert named(tops, "Kachin").place.admin1 == "Kachin"


def test_compound_demonym_and_armed_groups_country(gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "CLANDESTINE, 22 JUL 89 (RADIO VENCEREMOS) -- [COMMUNIQUE] [FARABUNDO MARTI "
        "NATIONAL LIBERATION FRONT] [TEXT] THE BOMB ATTACK ON THE CENTRAL AMERICAN "
        "UNIVERSITY WAS PART OF THE POLICY OF TERROR, THE FMLN STATES."
    )
    ev = event(text, "BOMB ATTACK")
    tops = _upper_run(gz, text, [ev])
    assert all(t.place.country != "US" for t in tops)
    assert ev.location is not None and ev.location.country == "SV"


def test_names_inside_other_words(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "Turkey is a partner in the U.S.-led campaign. U.S. District Judge Ann Roe in "
        "Cincinnati ruled. The City of Montreal adopted the plan, homes near Fort St. John "
        "were flooded, and a detective from Enfield Borough said Leonard of Ada, Oklahoma, "
        "was injured."
    )
    tops = run(nlp, gz, text)
    us = [t for t in tops if t.text == "U.S."]
    assert len(us) == 2 and all(t.place.country == "US" for t in us)
    assert named(tops, "Montreal").place.country == "CA"
    assert named(tops, "Fort St. John").place.country == "CA"
    assert named(tops, "Enfield Borough").place.lat is not None
    assert named(tops, "Ada").place.admin1 == "Oklahoma"


def test_possessives_districts_and_facilities(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(nlp, gz, "Two bombs killed six officers in Giza's Haram district on Friday.")
    assert named(tops, "Haram district").place.country == "EG"  # not Haram, Norway
    tops = run(nlp, gz, "The church lies in Cairo's Abbasiya neighbourhood.")
    assert named(tops, "Abbasiya").place.country == "EG"
    text = (
        "Egyptian police said bombs exploded in Cairo and Giza, and a third in the Haram district."
    )
    assert named(run(nlp, gz, text), "Haram district").place.country != "NO"
    text = "A fire broke out in the Karak district, a statement by Jordan's police said."
    assert named(run(nlp, gz, text), "Karak district").place.country == "JO"
    tops = run(nlp, gz, "Soldiers looted homes of Rohingya in Maungdaw, villagers said.")
    assert named(tops, "Maungdaw").place.country == "MM"


def test_curated_facilities_and_saints(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "It has more to do with who is in the White House than who rules in Havana."
    assert named(run(nlp, gz, text), "White House").place.country == "US"
    text = (
        "A London airport diverted flights on Saturday while Heathrow and Gatwick reported delays."
    )
    assert named(run(nlp, gz, text), "Heathrow").place.country == "GB"
    text = "Both women were taken to St. Michael's Hospital, where one of them died."
    assert all(t.place.country != "BB" for t in run(nlp, gz, text))
    text = "The bombing in Kayseri, an industrial hub in Central Anatolia, killed 13 soldiers."
    assert any(t.place.country == "TR" and "Anatolia" in t.text for t in run(nlp, gz, text))


def test_own_vote_yields_to_nearby_places(nlp, gz: Gazetteer) -> None:  # noqa: F811
    # "Paris" alone is France; beside the County of Brant (Ontario) it is Paris, Ont.
    text = (
        "Two cars collided on a rural road in Paris on Sunday. Firefighters and officers "
        "of the County of Brant police responded."
    )
    assert named(run(nlp, gz, text), "Paris").place.country == "CA"
    text = (
        "London police say a man was stabbed downtown. London officers arrested two men. "
        "The victim was taken to hospital in St. Thomas. London has seen three stabbings "
        "this year, and London police ask for tips."
    )
    tops = run(nlp, gz, text)
    assert all(t.place.country == "CA" for t in tops if t.text == "London")


def test_datelines_after_a_headline_and_glued_states(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Mayor to offer plan against drugs. TORRINGTON — The mayor will speak on Tuesday."
    assert named(run(nlp, gz, text), "TORRINGTON").place.country == "US"
    text = "LOUISVILLE, KY--(Marketwire - December 23, 2010) - The company said on Thursday."
    assert named(run(nlp, gz, text), "KY").place.admin1 == "Kentucky"


def test_a_town_inside_an_armed_groups_name_is_no_place(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Santiago police said the Manuel Rodriguez Patriotic Front claimed the attack."
    assert not [t for t in run(nlp, gz, text) if "Rodriguez" in t.text]


def test_a_place_hyphenated_to_a_big_city(nlp, gz: Gazetteer) -> None:  # noqa: F811
    tops = run(nlp, gz, "Paramedics of Middlesex-London EMS were called to the scene.")
    assert named(tops, "Middlesex").place.lat is not None
    tops = run(nlp, gz, "The Mercedes-Benz plant hired 300 workers.")
    assert not [t for t in tops if t.text == "Benz"]


def test_landmarks(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "A gunman opened fire near the Champs-Elysees, and the Kremlin condemned the attack."
    tops = run(nlp, gz, text)
    assert named(tops, "Champs-Elysees").place.country == "FR"
    assert any(t.place.country == "RU" and "Kremlin" in t.text for t in tops)


def test_two_towns_in_one_entity(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = "Iran said the towns of Haris and Varzaqan in East Azerbaijan province were hit."
    tops = run(nlp, gz, text)
    assert named(tops, "Haris").place.country == "IR"
    assert named(tops, "Varzaqan").place.country == "IR"
    tops = run(nlp, gz, "Floods hit towns in Bosnia and Herzegovina on Monday.")
    assert named(tops, "Bosnia and Herzegovina").place.country == "BA"


def test_one_sense_per_discourse(nlp, gz: Gazetteer) -> None:  # noqa: F811
    text = (
        "The girl was born in Churchill, Man. last year. A Churchill doctor inserted a "
        "breathing tube before she was flown out."
    )
    tops = [t for t in run(nlp, gz, text) if t.text == "Churchill"]
    assert len(tops) == 2 and all(t.place.country == "CA" for t in tops)
    text = "Mason charged. BANTAM — A Danbury mason was arraigned in Bantam Superior Court."
    tops = [t for t in run(nlp, gz, text) if t.text.lower() == "bantam"]
    assert len(tops) == 2 and all(t.place.country == "US" for t in tops)
