"""Actor dictionary and normalisation: lookup, resolve, nationality, ruler patterns."""

from __future__ import annotations

import re

import pytest
import spacy

from strife import actors
from strife.actors import (
    actor_entries,
    lookup,
    nationality_country,
    resolve,
    ruler_patterns,
)
from strife.records import ACTOR_TYPES, Actor

HTS = "Hayat Tahrir al-Sham"
FMLN = "Farabundo Marti National Liberation Front (FMLN)"
ELN = "National Liberation Army (ELN)"


def test_dictionary_size_types_and_countries() -> None:
    entries = actor_entries()
    assert len(entries) >= 300
    for e in entries:
        assert e.type in ACTOR_TYPES, e
        assert e.country is None or re.fullmatch(r"[A-Z]{2}", e.country), e
        assert e.name and all(isinstance(a, str) and a for a in e.aliases)
    names = [e.name for e in entries]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "text",
    [
        "Jabhat al-Nusra",
        "al-Nusra Front",
        "Jabhat an-Nusra",
        "Jabhat Fateh al-Sham",
        "JFS",
        "Hay'at Tahrir al-Sham",
        "Hay’at Tahrir al-Sham",
        "HTS",
        "hayat tahrir al sham",
        "HAYAT TAHRIR AL-SHAM",
    ],
)
def test_hts_renaming_chain(text: str) -> None:
    actor = lookup(text)
    assert actor is not None
    assert (actor.name, actor.type, actor.country) == (HTS, "rebel_group", "SY")
    assert actor.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Da'esh",
        "Da’esh",
        "Daesh",
        "DAESH",
        "ISIS",
        "ISIL",
        "Islamic State",
        "the Islamic State",
        "IS",
    ],
)
def test_islamic_state_variants(text: str) -> None:
    actor = lookup(text)
    assert actor is not None and actor.name == "Islamic State (IS)"


def test_acronyms_are_case_sensitive() -> None:
    assert lookup("is") is None
    assert lookup("let") is None
    assert lookup("LeT").name == "Lashkar-e-Taiba"
    assert lookup("JEM").name == "Justice and Equality Movement"
    assert lookup("JeM").name == "Jaish-e-Mohammed"


def test_possessive_determiner_accents_and_fuzzy() -> None:
    assert lookup("the Taliban's").name == "Taliban"
    assert lookup("Al Qaeda").name == "al-Qaeda"
    assert lookup("Medellín Cartel").name == lookup("Medellin cartel").name
    assert lookup("Hayat Tahrir al-Shaam").name == HTS  # near miss
    assert lookup("Nigerien army").country == "NE"  # not fuzzed into Nigeria
    assert lookup("Nigerian army").country == "NG"


@pytest.mark.parametrize(
    ("text", "name", "type_", "country"),
    [
        ("FMLN", "Farabundo Marti National Liberation Front (FMLN)", "rebel_group", "SV"),
        ("SENDERO LUMINOSO", "Shining Path", "rebel_group", "PE"),
        (
            "Manuel Rodriguez Patriotic Front",
            "Manuel Rodriguez Patriotic Front",
            "rebel_group",
            "CL",
        ),
        ("Tatmadaw", "Military Forces of Myanmar", "state_forces", "MM"),
        ("Arakan Army", "United League of Arakan / Arakan Army (ULA/AA)", "rebel_group", "MM"),
        ("ARSA", "Arakan Rohingya Salvation Army (ARSA)", "rebel_group", "MM"),
        (
            "KIA",
            "Kachin Independence Organisation / Kachin Independence Army (KIO/KIA)",
            "rebel_group",
            "MM",
        ),
        ("Syrian Arab Army", "Military Forces of Syria", "state_forces", "SY"),
        ("AMISOM", "AUSSOM", "external_other", "SO"),
        ("Houthi rebels", "Houthis", "rebel_group", "YE"),
        ("Hizbullah", "Hezbollah", "political_militia", "LB"),
    ],
)
def test_named_actors(text: str, name: str, type_: str, country: str) -> None:
    actor = lookup(text)
    assert actor == Actor(name=name, text=text, type=type_, country=country)


def test_lookup_unknown_is_none() -> None:
    assert lookup("the village council of Springfield") is None
    assert lookup("") is None


@pytest.mark.parametrize(
    ("text", "hint", "name", "type_", "country"),
    [
        ("Russian helicopter", None, "Military Forces of Russia", "state_forces", "RU"),
        ("Russian Mi-8 helicopter", None, "Military Forces of Russia", "state_forces", "RU"),
        ("Russian military", None, "Military Forces of Russia", "state_forces", "RU"),
        ("Salvadoran soldiers", None, "Military Forces of El Salvador", "state_forces", "SV"),
        ("Syrian regime forces", None, "Military Forces of Syria", "state_forces", "SY"),
        ("Burmese troops", None, "Military Forces of Myanmar", "state_forces", "MM"),
        ("U.S. warplanes", None, "Military Forces of the United States", "state_forces", "US"),
        ("Iraqi police", None, "Police Forces of Iraq", "state_forces", "IQ"),
        ("the army", "CO", "Military Forces of Colombia", "state_forces", "CO"),
        ("gunmen", None, "Unidentified Armed Group", "political_militia", None),
        ("unknown gunmen", "NG", "Unidentified Armed Group (Nigeria)", "political_militia", "NG"),
        ("rebels", "SY", "Unidentified Armed Group (Syria)", "rebel_group", "SY"),
        ("GUERRILLAS", "SV", "Unidentified Armed Group (El Salvador)", "rebel_group", "SV"),
        ("protesters", None, "Protesters", "protesters", None),
        ("demonstrators", "SD", "Protesters (Sudan)", "protesters", "SD"),
        ("rioters", None, "Rioters", "rioters", None),
        ("villagers", "ML", "Civilians (Mali)", "civilians", "ML"),
        ("Syrian civilians", None, "Civilians (Syria)", "civilians", "SY"),
        ("journalists", None, "Civilians", "civilians", None),
    ],
)
def test_resolve(text: str, hint: str | None, name: str, type_: str, country: str | None) -> None:
    assert resolve(text, hint) == Actor(name=name, text=text, type=type_, country=country)


def test_resolve_unknown_stays_unknown() -> None:
    assert resolve("the committee") == Actor("the committee", "the committee", "unknown", None)
    # another capitalised word: not assumed to be the hint country's forces
    assert resolve("Kurdish forces", "SY").type == "unknown"
    # "Russian-backed" does not make separatists Russian forces
    actor = resolve("Russian-backed separatists", "UA")
    assert (actor.type, actor.country) == ("rebel_group", "UA")


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Russian", "RU"),
        ("Syrian", "SY"),
        ("Iraqi", "IQ"),
        ("Ukrainian", "UA"),
        ("Israeli", "IL"),
        ("Salvadoran", "SV"),
        ("Colombian", "CO"),
        ("Peruvian", "PE"),
        ("Guatemalan", "GT"),
        ("Honduran", "HN"),
        ("Burmese", "MM"),
        ("Myanmar", "MM"),
        ("Syrians", "SY"),
        ("U.S.", "US"),
        ("US", "US"),
        ("us", None),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Martian", None),
    ],
)
def test_nationality_country(word: str, iso: str | None) -> None:
    assert nationality_country(word) == iso


def test_ruler_patterns_compile_and_match_upper_case() -> None:
    patterns = ruler_patterns()
    assert all(p["label"] == "ORG" and p["id"] for p in patterns)
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    doc = nlp("FMLN GUERRILLAS AND THE SHINING PATH ATTACKED. HAYAT TAHRIR AL-SHAM TOO.")
    found = {(e.text, e.ent_id_) for e in doc.ents}
    assert ("FMLN GUERRILLAS", FMLN) in found  # an alias of its own
    assert ("SHINING PATH", "Shining Path") in found
    assert ("HAYAT TAHRIR AL-SHAM", HTS) in found
    # common words and two-letter acronyms are not patterns
    assert {(e.text, e.ent_id_) for e in nlp("THE FMLN ATTACKED.").ents} == {("FMLN", FMLN)}
    doc = nlp("It is what it is, let us see the army.")
    assert not doc.ents


def test_resolve_finds_named_actor_inside_longer_mention() -> None:
    actor = resolve("NELSON MANDELA CELL OF THE ELN")
    assert (actor.name, actor.type, actor.country) == (ELN, "rebel_group", "CO")
    assert resolve("Wagner Group fighters").name == "Wagner Group"
    # ambiguous aliases only match a whole mention
    assert resolve("Shane Smith").type == "unknown"
    assert lookup("Shane").name == "Oromo Liberation Army"


def test_localise_places_unnamed_actors_in_the_event_country() -> None:
    from strife.actors import localise
    from strife.records import Actor

    soldiers = Actor("soldiers", "soldiers", "unknown", None)
    assert localise(soldiers, "SO").name == "Military Forces of Somalia"
    unnamed = Actor("Unidentified Armed Group", "", "unknown", None)
    placed = localise(unnamed, "SY")
    assert placed.country == "SY" and placed.name == "Unidentified Armed Group (Syria)"
    shabaab = Actor("al-Shabaab", "Al-Shabaab", "rebel_group", "SO")
    assert localise(shabaab, "KE") is shabaab
    assert localise(None, "SY") is None
    assert localise(soldiers, None) is soldiers


@pytest.mark.parametrize(
    ("mention", "acronyms"),
    [
        ("KIA", {"KIO", "KIA"}),
        ("TNLA", {"PSLF", "TNLA"}),
        ("KNLA", {"KNU", "KNLA"}),
        ("SSA-N", {"SSPP"}),
        ("SSA-S", {"RCSS"}),
        ("Shanti Bahini", {"JSS", "SB"}),
        ("Arakan Army", {"ULA", "AA"}),
        ("Kokang army", {"MNDAA"}),
    ],
)
def test_canonical_names_carry_the_political_wing(mention: str, acronyms: set[str]) -> None:
    actor = actors.lookup(mention)
    assert actor is not None
    assert all(a in actor.name for a in acronyms)


def test_state_force_without_country_is_placed_later() -> None:
    from strife.actors import localise, state_force

    troops = state_force("Govt Troops")
    assert troops is not None and troops.name == "Military Forces" and troops.country is None
    assert localise(troops, "TH").name == "Military Forces of Thailand"
    assert state_force("the government").name == "Government"
    assert state_force("Karen farmers") is None
    # a capitalised force noun in a headline keeps the mention plain
    assert resolve("Govt Troops", country_hint="TH").name == "Military Forces of Thailand"
    assert resolve("Kurdish forces", country_hint="SY").country != "SY"


@pytest.mark.parametrize(
    "headline",
    [
        "Clashes Reported Between Govt Troops, KNLA in Hpapun District of Myanmar",
        "Fighting reported between government and Kachin army in northern Myanmar",
    ],
)
def test_headline_battle_names_the_government_side(extract, headline: str) -> None:  # noqa: ANN001
    ev = extract(headline, published="2016-03-01").events[0]
    names = {a.name for a in (ev.actor1, ev.actor2) if a is not None}
    assert any(n.endswith("of Myanmar") for n in names), names


@pytest.mark.parametrize(
    ("mention", "iso"),
    [("three Afghans", "AF"), ("SYRIANS", "SY"), ("Christian convert", None), ("SETTLERS", None),
     ("a Hindu preacher", None)],
)  # fmt: skip
def test_people_named_by_nationality_or_faith_are_civilians(mention: str, iso: str | None) -> None:
    actor = resolve(mention)
    assert actor.type == "civilians" and actor.country == iso, actor
    # country names, armed men of a faith and plain adjectives are not
    assert resolve("Philippines").type == "unknown"
    assert resolve("Muslim rebels").type == "rebel_group"
    assert resolve("Chinese").type == "unknown"


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        ("IS claims attack on Sufi shrine in Pakistan", "IS"),
        ("Arakan Army claimed ambush that killed six in Myanmar", "Arakan Army"),
    ],
)
def test_headline_claimant_is_the_perpetrator(extract, headline: str, text: str) -> None:  # noqa: ANN001
    ev = extract(headline, published="2016-03-01").events[0]
    assert ev.actor1 is not None and ev.actor1.text == text, ev.actor1
    assert not ev.actor1.name.startswith("Unidentified")


def test_unnamed_victims_of_violence_against_civilians(extract) -> None:  # noqa: ANN001
    ev = extract("Gunmen kill seven in northern Nigeria village", published="2016-03-01").events[0]
    assert ev.event_type == "Violence against civilians"
    assert ev.actor2 is not None and ev.actor2.type == "civilians" and ev.actor2.text == ""
    assert ev.actor2.name == "Civilians (Nigeria)"


@pytest.mark.parametrize(
    ("mention", "words"),
    [("ELN", "National Liberation Army"), ("EPL", "Popular Liberation Army"),
     ("FARC", "Revolutionary Armed Forces"), ("MRTA", "Tupac Amaru"), ("IS", "Islamic State")],
)  # fmt: skip
def test_canonical_names_give_the_full_name_and_the_acronym(mention: str, words: str) -> None:
    actor = lookup(mention)
    assert actor is not None and words in actor.name and f"({mention})" in actor.name


@pytest.mark.parametrize(
    ("mention", "name"),
    [("the Provisional IRA's", "Provisional Irish Republican Army (IRA)"),
     ("ETA", "Basque Homeland and Freedom (ETA)"), ("UVF", "Ulster Volunteer Force (UVF)"),
     ("Brigate Rosse", "Red Brigades")],
)  # fmt: skip
def test_european_armed_groups(mention: str, name: str) -> None:
    actor = lookup(mention)
    assert actor is not None and actor.name == name
    assert resolve("RAF jets").country == "GB"  # the Royal Air Force, not the Red Army Faction


def test_named_group_right_before_a_noun_trigger(extract) -> None:  # noqa: ANN001
    ev = extract("Nine soldiers were killed in IS attacks near Palmyra, Syria.",
                 published="2016-03-01").events[0]  # fmt: skip
    assert ev.actor1 is not None and ev.actor1.text == "IS"
    assert ev.actor1.name == "Islamic State (IS)"


def test_possessor_of_a_murder_is_its_victim(extract) -> None:  # noqa: ANN001
    ev = extract("The bishop condemned the nuns' murder in Cuscatlan, El Salvador.",
                 published="1990-03-01").events[0]  # fmt: skip
    assert ev.actor2 is not None and ev.actor2.text == "nuns"
    assert ev.actor1 is None or ev.actor1.text != "nuns"
    # an armed possessor is still the author
    ev = extract("The army's shelling of Tamsa, Syria killed four.",
                 published="2016-03-01").events[0]  # fmt: skip
    assert ev.actor1 is not None and ev.actor1.type == "state_forces"


def test_victim_or_number_is_not_also_the_author() -> None:
    from strife.actor_syntax import same_person

    victim = Actor("Julio Mendez Arias", "Colonel Julio Mendez Arias", "unknown", None)
    assert same_person(Actor("MENDEZ", "MENDEZ", "unknown", None), victim)
    assert same_person(Actor("THREE", "THREE", "unknown", None), None)
    assert not same_person(Actor("FARC", "FARC", "rebel_group", "CO"), victim)
    assert not same_person(Actor("Ortega", "Ortega", "unknown", None), victim)


def test_people_hurt_outrank_a_building_as_actor2(extract) -> None:  # noqa: ANN001
    ev = extract("A bomb damaged the facilities of the Hotel Miramar in Lima, Peru, killing two "
                 "guests.", published="1990-03-01").events[0]  # fmt: skip
    assert ev.actor2 is not None and "guests" in ev.actor2.text


def test_group_named_after_a_nationality_and_army_is_the_group(extract) -> None:  # noqa: ANN001
    ev = extract("BOGOTA, 3 MAY 89 -- A REPORTER WAS KIDNAPPED YESTERDAY BY COLOMBIAN ARMY OF "
                 "NATIONAL LIBERATION GUERRILLAS IN ARAUCA.", published="1989-05-03").events[0]  # fmt: skip
    assert ev.actor1 is not None and ev.actor1.type == "rebel_group", ev.actor1


def test_relative_clause_victim_is_the_noun_it_describes(extract) -> None:  # noqa: ANN001
    ev = extract("The embassy confirmed the release of engineer Tomas Varga, who was kidnapped by "
                 "ELN guerrillas in Arauca, Colombia.", published="1989-05-03").events[0]  # fmt: skip
    assert ev.actor2 is not None and "Tomas Varga" in ev.actor2.text, ev.actor2


def test_targets_of_violence_against_civilians_are_named_civilians(extract) -> None:  # noqa: ANN001
    ev = extract("Gunmen shot dead a ruling party official in Kushtia, Bangladesh.",
                 published="2016-03-01").events[0]  # fmt: skip
    assert ev.event_type == "Violence against civilians"
    assert ev.actor2 is not None and "official" in ev.actor2.text
    assert ev.actor2.name == "Civilians (Bangladesh)" and ev.actor2.type == "civilians"


def test_localise_names_generic_actors_for_their_country() -> None:
    from strife.actors import localise

    placed = localise(Actor("Civilians", "the Sufi shrine", "civilians", None), "PK")
    assert (placed.name, placed.text, placed.country) == (
        "Civilians (Pakistan)",
        "the Sufi shrine",
        "PK",
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "X is responsible for the killing"
        ("Gunmen killed four teachers in a village near Cali, Colombia, on Monday. The "
         "governor said that the ELN is responsible for the killing of the teachers.",
         "National Liberation Army"),
        # "the soldiers accused of murdering", "X ordered the assassination"
        ("Six priests were killed at the university in San Salvador on 16 November. The court "
         "said the soldiers accused of murdering the priests will be tried.", "Military Forces"),
        ("A car bomb killed seven policemen in Medellin, Colombia, on Tuesday. Police said the "
         "Medellin Cartel ordered the assassination of the policemen.", "Medellin Cartel"),
        # "the attack was carried out by X"
        ("A car bomb exploded outside a police station in Bilbao, Spain, on Friday. The "
         "attack is believed to have been carried out by ETA.", "ETA"),
    ],
)
def test_claimed_or_blamed_group_is_the_perpetrator(extract, text: str, name: str) -> None:  # noqa: ANN001
    ev = extract(text, published="1990-03-03").events[0]
    assert ev.actor1 is not None and name in ev.actor1.name, ev.actor1


def test_responsible_for_something_else_blames_nobody(extract) -> None:  # noqa: ANN001
    ev = extract("A bomb exploded in a market in Lima, Peru, on Monday. The police are "
                 "responsible for security in the city.", published="1990-03-03").events[0]  # fmt: skip
    assert ev.actor1 is not None and ev.actor1.name.startswith("Unidentified"), ev.actor1


def test_headline_claimant_before_a_date_word(settings) -> None:  # noqa: ANN001
    from strife import nlp
    from strife.event_actors import surface_claimant

    text = "Guerrillas of the MRTA today claimed attack on a police post in Peru"
    sent = next(iter(next(nlp.parse([text], settings)).sents))
    found = surface_claimant(sent, text)
    assert found is not None and found.text.endswith("MRTA"), found


def test_claimant_description_names_the_group(settings) -> None:  # noqa: ANN001
    from strife import events, nlp

    doc = next(nlp.parse(["In a communique sent to local radio stations, the leftist guerrilla "
                          "group National Liberation Army (ELN) today claimed responsibility "
                          "for the bombing."], settings))  # fmt: skip
    found = events._claimants(list(doc.sents))
    assert found and found[0].name == "National Liberation Army (ELN)", found


def test_actor_text_keeps_the_count_written_before_it(extract) -> None:  # noqa: ANN001
    ev = extract("A suicide bomber killed six Dutch soldiers near Kunduz, Afghanistan, on "
                 "Monday.", published="2012-03-01").events[0]  # fmt: skip
    assert ev.actor2 is not None and ev.actor2.text.startswith("six "), ev.actor2


def test_counted_guerrillas_still_stand_for_the_named_group(extract) -> None:  # noqa: ANN001
    ev = extract("SAN SALVADOR, 3 MAR 90 -- ABOUT 50 GUERRILLAS ATTACKED A NATIONAL GUARD POST "
                 "IN CHALATENANGO, EL SALVADOR, TODAY. THE FMLN HAS WAGED WAR SINCE 1980.",
                 published="1990-03-03").events[0]  # fmt: skip
    assert ev.actor1 is not None and "FMLN" in ev.actor1.name, ev.actor1


def test_people_listed_in_a_toll_are_not_its_perpetrators(extract) -> None:  # noqa: ANN001
    ev = extract("The minister said that 210 people were killed in May in Peru, including 80 "
                 "civilians and 95 presumed terrorists.", published="1990-06-03").events[0]  # fmt: skip
    assert ev.actor1 is None or "terrorists" not in ev.actor1.text, ev.actor1


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Unions condemned the kidnapping and assassination on 15 September of Eduardo Lopez, "
         "a student, in Guatemala City.", "Eduardo Lopez"),
        ("The bishop deplored the killing of six of their members, including the rector Juan "
         "Perez and two women, in San Salvador.", "Juan Perez"),
    ],
)
def test_victims_written_after_a_date_or_a_count(extract, text: str, victim: str) -> None:  # noqa: ANN001
    ev = extract(text, published="1990-03-03").events[0]
    assert ev.actor2 is not None and victim in ev.actor2.text, ev.actor2


def test_central_american_is_no_nationality() -> None:
    found = resolve("Central American University students", "SV")
    assert found.country == "SV", found


def test_victim_named_by_surname_takes_the_full_mention(extract) -> None:  # noqa: ANN001
    text = ("BOGOTA, 3 MAR 90 -- SENATOR MANUEL ORTEGA VARGAS SPOKE IN CALI ON MONDAY. "
            "ORTEGA VARGAS WAS ASSASSINATED TODAY IN BOGOTA, COLOMBIA.")  # fmt: skip
    ev = extract(text, published="1990-03-03").events[0]
    assert ev.actor2 is not None and ev.actor2.text == "SENATOR MANUEL ORTEGA VARGAS", ev.actor2


def test_two_people_of_one_surname_keep_the_written_surname(extract) -> None:  # noqa: ANN001
    text = ("BOGOTA, 3 MAR 90 -- SENATOR MANUEL ORTEGA SPOKE IN CALI ON MONDAY WITH JUDGE PEDRO "
            "ORTEGA. ORTEGA WAS ASSASSINATED TODAY IN BOGOTA, COLOMBIA.")  # fmt: skip
    ev = extract(text, published="1990-03-03").events[0]
    assert ev.actor2 is not None and ev.actor2.text == "ORTEGA", ev.actor2


def test_claimed_attack_keeps_the_mention_its_sentence_gives(extract) -> None:  # noqa: ANN001
    text = ("A suicide bomber blew himself up near a police station in Kunduz, Afghanistan, on "
            "Monday, killing four policemen. The Taliban claimed responsibility for the attack.")  # fmt: skip
    ev = extract(text, published="2015-03-03").events[0]
    assert ev.actor1 is not None and ev.actor1.name == "Taliban", ev.actor1
    assert "bomber" in ev.actor1.text, ev.actor1


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Gunmen kidnapped the brother-in-law of the mayor in Cali, Colombia.",
         "brother-in-law of the mayor"),
        ("Rebels shot dead a 15-year-old girl in Kachin, Myanmar.", "15-year-old girl"),
    ],
)
def test_hyphenated_words_stay_whole(extract, text: str, victim: str) -> None:  # noqa: ANN001
    ev = extract(text, published="2015-03-03").events[0]
    assert ev.actor2 is not None and ev.actor2.text == victim, ev.actor2


def test_gerund_event_is_no_actor_and_a_bare_acronym_is_a_side(settings) -> None:  # noqa: ANN001
    from strife import event_actors, nlp
    from strife.nlp import original_text
    from strife.triggers import trigger_class

    doc = next(nlp.parse(["KNU and Govt militia fighting kills three near Myawaddy"], settings))
    fighting = next(t for t in doc if t.lower_ == "fighting")
    assert event_actors.is_non_actor(fighting, trigger_class)
    sides = event_actors.sides_named(list(doc.sents), original_text(doc))
    assert any("KNU" in a.name for a in sides), sides


# --------------------------------------------- actors are people (actor_syntax.names_people)
@pytest.mark.parametrize(
    ("word", "people"),
    [
        ("villagers", True), ("bodyguards", True), ("aide", True), ("editor", True),
        ("passengers", True), ("crowd", True), ("government", True), ("family", True),
        ("gunmen", True), ("policewomen", True), ("loyalists", True), ("journalist", True),
        ("civilians", True), ("detainees", True), ("co-workers", True),
        ("brothers-in-law", True), ("12-year-olds", True), ("witnesses", True),
        ("windows", False), ("institutions", False), ("offices", False), ("flares", False),
        ("fronts", False), ("report", False), ("attempt", False), ("towers", False),
        ("talisman", False), ("median", False), ("coffee", False), ("checklist", False),
        ("corpses", False), ("excerpts", False),
    ],
)  # fmt: skip
def test_person_nouns_list_and_suffixes(word: str, people: bool) -> None:
    from strife.actor_syntax import person_noun

    assert person_noun(word) is people


def _token(settings, text: str, word: str):  # noqa: ANN001, ANN202
    from strife import nlp

    doc = next(nlp.parse([text], settings))
    return next(t for t in doc if t.lower_ == word.lower())


@pytest.mark.parametrize(
    ("text", "word", "people"),
    [
        ("The blast shattered the windows of the consulate.", "windows", False),
        ("Clashes are taking place in the north.", "place", False),
        ("The attack on the party headquarters was condemned.", "headquarters", False),
        ("Seven of these bombs exploded in the capital.", "Seven", False),
        ("Three of the villagers were wounded in the raid.", "Three", True),
        ("Dozens of students were arrested in the capital.", "Dozens", True),
        ("Soldiers detained the Minister of Finance.", "Minister", True),
        ("GUERRILLAS KIDNAPPED JARAMILLO IN THE CAPITAL YESTERDAY.", "JARAMILLO", True),
        ("Gunmen killed Herminio Parra in his home.", "Parra", True),
        ("Police arrested a suspected carjacker near the station.", "carjacker", True),
        ("Rebels bombed a branch of the Andean Power Company.", "Company", False),
    ],
)  # fmt: skip
def test_names_people(settings, text: str, word: str, people: bool) -> None:  # noqa: ANN001
    from strife.actor_syntax import names_people

    assert names_people(_token(settings, text, word)) is people


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("Seven of the bombs exploded in Bogota, Colombia, on Friday.", ("bombs",)),
        ("The shock wave destroyed three houses in Soacha, Colombia, after a car bomb exploded.",
         ("shock wave", "houses")),
        ("Fighting flares between the army and the KIA in Kachin, Myanmar.", ("flares",)),
    ],
)  # fmt: skip
def test_things_are_no_actors(extract, text: str, things: tuple[str, ...]) -> None:  # noqa: ANN001
    evs = extract(text, published="1990-01-10").events
    assert evs
    for ev in evs:
        for actor in (ev.actor1, ev.actor2):
            assert actor is None or not any(t in actor.text for t in things), actor


def test_all_caps_name_stays_a_victim(extract) -> None:  # noqa: ANN001
    ev = extract("GUERRILLAS KIDNAPPED JARAMILLO AND HIS DRIVER IN MEDELLIN, COLOMBIA, YESTERDAY.",
                 published="1990-01-10").events[0]  # fmt: skip
    assert ev.actor2 is not None and "JARAMILLO" in ev.actor2.text


def test_plain_men_who_planted_a_bomb_take_the_claimant(extract) -> None:  # noqa: ANN001
    text = ("Two men planted a bomb at a bank in Lima, Peru. The Shining Path claimed "
            "responsibility for the attack.")  # fmt: skip
    ev = extract(text, published="1990-01-10").events[0]
    assert ev.actor1 is not None and ev.actor1.name == "Shining Path", ev.actor1
    assert ev.actor1.text == "Two men"


def test_attack_aimed_at_and_people_of_a_deed(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actor, _actors

    bombings = _token(settings, "Bombings targeted at the army rose sharply.", "bombings")
    assert _actors(bombings, "bomb", None)[1].text == "army"
    attacks = _token(settings, "Attacks targeting police officers rose sharply.", "attacks")
    assert _actors(attacks, "attack", None)[1].text == "police officers"
    seizure = _token(settings, "The commission denounced the seizure of Pedro Gomez and Luis "
                     "Vega.", "seizure")  # fmt: skip
    found = _actor(seizure, None)
    assert found is not None and found.text.startswith("Pedro Gomez"), found


def test_fighting_an_illness_is_figurative(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import figurative

    assert figurative(_token(settings, "She battled mental illness for years.", "battled"))
    assert figurative(_token(settings, "Doctors used the drug to combat the symptoms of the "
                             "disease.", "combat"))  # fmt: skip
    assert not figurative(_token(settings, "Troops battled rebels near Goma.", "battled"))


@pytest.mark.parametrize(
    ("text", "word", "described"),
    [
        ("Gunmen killed five people, including a judge and two policemen, in Cali.", "people",
         "five people, including a judge and two policemen"),
        ("They attacked the homes of union leaders such as Ana Ruiz and Luis Mora.", "leaders",
         "union leaders such as Ana Ruiz and Luis Mora"),
    ],
)  # fmt: skip
def test_description_keeps_who_the_people_were(settings, text: str, word: str,  # noqa: ANN001
                                               described: str) -> None:  # fmt: skip
    from strife.actor_syntax import _described

    assert _described(_token(settings, text, word)) == described


def test_device_object_gives_way_to_the_people_of_the_conjoined_verb(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = "Two rebels shot a policeman and a driver and detonated a car bomb in the town."
    victims = _actors(_token(settings, text, "detonated"), "bomb", None)[1]
    assert victims is not None and victims.text == "policeman and a driver", victims


def test_agent_of_a_deed_verb_did_the_attack(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = "The killing was planned and carried out by the Red Hand Commando."
    author = _actors(_token(settings, text, "killing"), "kill", None)[0]
    assert author is not None and "Red Hand Commando" in author.text, author
    text = "The attack was condemned by the mayor of the town."
    author = _actors(_token(settings, text, "attack"), "attack", None)[0]
    assert author is None or "mayor" not in author.text, author


def test_who_died_in_a_battle_with_someone_was_a_side(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = "Twelve soldiers were killed in a gun battle with the rebels."
    side, other = _actors(_token(settings, text, "battle"), "clash", None)
    assert side is not None and side.text == "Twelve soldiers", side
    assert other is not None and other.text == "rebels", other
    text = "Two civilians were killed in a gun battle with the rebels."
    side = _actors(_token(settings, text, "battle"), "clash", None)[0]
    assert side is None or "civilians" not in side.text, side


def test_people_held_as_hostages_and_attacks_conducted_by(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = "Three tourists were taken hostage by the gunmen near the border."
    author, victims = _actors(_token(settings, text, "hostage"), "abduct", None)
    assert victims is not None and victims.text == "Three tourists", victims
    assert author is not None and author.text == "gunmen", author
    text = "The rebels took a group of nurses as hostages."
    victims = _actors(_token(settings, text, "hostages"), "abduct", None)[1]
    assert victims is not None and "nurses" in victims.text, victims
    text = "In what the minister called an attack, two people were hurt."
    author = _actors(_token(settings, text, "attack"), "attack", None)[0]
    assert author is None or "minister" not in author.text, author
    text = "Attacks conducted by an extremist group killed four."
    author = _actors(_token(settings, text, "attacks"), "attack", None)[0]
    assert author is not None and "extremist group" in author.text, author


def test_a_headline_clause_is_no_apposition_of_the_victims(settings) -> None:  # noqa: ANN001
    from strife import events, nlp
    from strife.ingest import article_from_text

    text = "Four Villagers Killed in Fresh Fighting in Southern Kachin State: KIA"
    art = article_from_text(text, published=None, id="h")
    evs = events.extract_events(next(nlp.parse([text], settings)), art)
    victims = [e.actor2 for e in evs if e.actor2 is not None]
    assert victims and all(v.text == "Four Villagers" for v in victims), victims
    text = "Carlos Ruiz, a local judge, was killed by gunmen."
    art = article_from_text(text, published=None, id="a")
    evs = events.extract_events(next(nlp.parse([text], settings)), art)
    assert evs[0].actor2 is not None and evs[0].actor2.text == "Carlos Ruiz, a local judge"


def test_who_is_laying_or_shelling_as_a_participle_acted(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = "Government troops shelling the villages near the river."
    author = _actors(_token(settings, text, "shelling"), "shell", None)[0]
    assert author is not None and author.text == "Government troops", author
    text = "Rebel fighters laying mines on the road."
    author = _actors(_token(settings, text, "mines"), "mine", None)[0]
    assert author is not None and "Rebel fighters" in author.text, author


def test_a_quoted_name_before_the_noun_is_kept_whole(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    text = 'Last year the "Islamic State" militant group attacked the town, killing nine.'
    author = _actors(_token(settings, text, "attacked"), "attack", None)[0]
    assert author is not None and author.name.startswith("Islamic State"), author
    assert author.text == '"Islamic State" militant group', author


def test_a_name_never_runs_across_a_line_break(settings) -> None:  # noqa: ANN001
    from spacy.tokens import Span as SpacySpan

    from strife import nlp
    from strife.actor_syntax import _phrase

    doc = nlp.load(settings).make_doc("Workplace Violence Committee\nSep 10 gunmen fired")
    doc.ents = [SpacySpan(doc, 0, 5, label="ORG")]  # the tagger's span over the break
    assert _phrase(doc[1]).text == "Workplace Violence Committee"
    long_doc = nlp.load(settings).make_doc("Feud With Staff Before Shooting; Risk Factors Of Violence")
    long_doc.ents = [SpacySpan(long_doc, 0, len(long_doc), label="ORG")]
    assert ";" not in _phrase(long_doc[7]).text


def test_a_speaker_is_not_the_doer_of_a_deed_joined_to_his_words(settings) -> None:  # noqa: ANN001
    from spacy.tokens import Doc

    from strife import nlp
    from strife.actor_syntax import _subject_of

    def parsed(verb: str) -> Doc:  # the parser's reading of "X <verb> ... [and] killed guards"
        words = ["The", "minister", verb, "and", "killed", "guards"]
        lemmas = ["the", "minister", verb[:-1] if verb.endswith("ed") else verb, "and", "kill", "guard"]
        return Doc(nlp.load(settings).vocab, words=words, heads=[1, 2, 2, 2, 2, 4],
                   deps=["det", "nsubj", "ROOT", "cc", "conj", "dobj"], lemmas=lemmas)  # fmt: skip

    assert _subject_of(parsed("denounced")[4]) is None
    subject = _subject_of(parsed("stormed")[4])
    assert subject is not None and subject.text == "minister"


def test_fighter_jets_are_aircraft_not_fighters(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actors

    assert actors.resolve("fighter jets").type == "unknown"
    assert actors.resolve("Two fighter jets").name != "Unidentified Armed Group"
    assert actors.resolve("foreign fighters").name == "Unidentified Armed Group"
    text = "Two fighter jets dropped bombs on the village."
    author = _actors(_token(settings, text, "bombs"), "bomb", None)[0]
    assert author is None or author.type != "political_militia", author


def test_a_named_neighbourhood_is_a_place_not_people(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import names_people

    text = "Artillery fire hit the Taiz neighbourhood of Al-Rawdah on Tuesday."
    assert not names_people(_token(settings, text, "neighbourhood"))


def test_members_of_a_force_are_that_force(settings) -> None:  # noqa: ANN001
    from strife.actor_syntax import _actor

    text = "Nine members of the security forces were wounded in the clashes."
    actor = _actor(_token(settings, text, "members"), None)
    assert actor is not None and actor.type == "state_forces", actor
    assert actor.text == "Nine members of the security forces"
    placed = actors.localise(actor, "IQ")
    assert placed is not None and placed.name == "Military Forces of Iraq", placed
    text = "Gunmen shot dead two members of a local family."
    victims = _actor(_token(settings, text, "members"), None)
    assert victims is None or victims.type != "state_forces", victims
