"""Event extraction on short texts written for these tests, and on the reference article."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def only_event(result):  # noqa: ANN001, ANN201
    assert len(result.events) == 1, [e.to_dict() for e in result.events]
    return result.events[0]


def test_reference_article_gives_one_event_with_its_fields(extract, seed_text) -> None:
    result = extract(seed_text, published="2016-08-02")
    ev = only_event(result)
    assert ev.event_type == "Battles"
    assert ev.date == "2016-08-01" and ev.time_precision == 1
    assert ev.fatalities.best == 5
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Russia"
    assert ev.actor2.type == "state_forces" and ev.actor2.country == "RU"
    # the text does not say who fired: Jaish al-Fateh only holds the province
    assert ev.actor1 is None or "Fateh" not in ev.actor1.name
    assert "Mi-8" in ev.platforms
    assert "MANPADS" in ev.weapons
    assert ev.location is not None and ev.location.country == "SY"
    assert ev.location.admin1 and "Idlib" in ev.location.admin1
    assert ev.location.geo_precision == 3
    assert ev.attributed_to and "Kremlin" in ev.attributed_to
    text = result.article.text
    for span in [ev.trigger, *ev.evidence]:
        assert text[span.start : span.end] == span.text
    assert all(e.fatalities.best is None for e in result.events[1:])


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("Two military officers and three crew members were killed when rebels shot down "
         "their helicopter.", 5, 5, 5),
        ("At least 12 people were killed when a car bomb exploded in Mogadishu.", 12, 12, None),
        ("Gunmen killed twenty-five villagers in an attack on Monday.", 25, 25, 25),
        ("A soldier was killed when militants attacked a checkpoint near Kandahar.", 1, 1, 1),
        ("Police said 10 people died in the attack, but residents said 15 were killed.", 10, 10, 15),
        ("Militants stormed the village, but no one was killed.", 0, 0, 0),
    ],
)
def test_death_tolls(extract, text: str, best: int, low: int, high: int | None) -> None:
    ev = extract(text, published="2024-05-07").events[0]
    assert (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (best, low, high)


def test_injured_counted_apart_from_dead(extract) -> None:
    ev = only_event(extract("GUERRILLAS KILLED FIVE SOLDIERS AND WOUNDED 12 IN AN AMBUSH NEAR "
                            "SAN MIGUEL YESTERDAY.", published="1989-11-20"))  # fmt: skip
    assert ev.fatalities.best == 5 and ev.injured.best == 12
    assert ev.date == "1989-11-19"
    assert ev.actor1 is not None and ev.actor1.text.lower() == "guerrillas"


@pytest.mark.parametrize(
    ("text", "event_type", "sub"),
    [
        ("Warplanes struck a market in Maarat al-Numan on Sunday, killing 9 civilians.",
         "Explosions/Remote violence", "Air/drone strike"),
        ("A roadside bomb hit an army convoy near Afgoye, killing two soldiers.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a mosque in Kabul, killing 20 worshippers.",
         "Explosions/Remote violence", "Suicide bomb"),
        ("Artillery shelling of Kupiansk killed two civilians on Tuesday.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Gunmen kidnapped two engineers near Saravena on Friday.",
         "Violence against civilians", "Abduction/forced disappearance"),
        ("Soldiers clashed with ADF rebels near Beni on Saturday, leaving 14 dead.",
         "Battles", "Armed clash"),
        ("Police arrested seven suspected militants in raids near Hawija.",
         "Strategic developments", "Arrests"),
        ("Thousands of teachers marched peacefully through Bogota on Wednesday to demand higher "
         "pay.", "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse protesters in Nairobi.", "Protests",
         "Protest with intervention"),
        ("Rioters torched the provincial council building in Nasiriyah and threw stones at "
         "police.", "Riots", "Violent demonstration"),
    ],
)
def test_event_types(extract, text: str, event_type: str, sub: str) -> None:
    events = extract(text, published="2024-05-07").events
    assert events, text
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub)


@pytest.mark.parametrize(
    "text",
    [
        "The city council approved a new budget for schools and roads on Tuesday.",
        "An earthquake killed 30 people in the mountains on Monday.",
        "The striker scored twice as the home team won the cup final in front of 60,000 fans, "
        "and the coach praised the attack. The league title race goes on; the team plays again "
        "next week in the season's last match.",
        "Rebels threatened to attack the town if the army does not withdraw.",
    ],
)
def test_no_event(extract, text: str) -> None:
    assert extract(text, published="2024-05-07").events == []


def test_hedged_and_attributed(extract) -> None:
    ev = only_event(extract("The militia allegedly killed three farmers near Jos on Monday, "
                            "according to Amnesty International.", published="2024-05-07"))  # fmt: skip
    assert ev.hedged is True
    assert ev.attributed_to == "Amnesty International"
    plain = only_event(extract("The militia killed three farmers near Jos on Monday.",
                               published="2024-05-07"))  # fmt: skip
    assert plain.hedged is False


def test_passive_agent_is_actor1(extract) -> None:
    ev = only_event(extract("Three policemen were killed by al-Shabaab fighters in Mogadishu.",
                            published="2024-05-07"))  # fmt: skip
    assert ev.actor1 is not None and "Shabaab" in ev.actor1.name
    assert ev.fatalities.best == 3


def test_background_mention_is_not_a_new_event(extract) -> None:
    text = ("A drone strike killed four fighters near Marib on Monday. "
            "In the past several months there have been at least three other strikes in which "
            "two people were killed each time.")  # fmt: skip
    ev = only_event(extract(text, published="2024-05-07"))
    assert ev.fatalities.best == 4


def test_sentences_about_one_event_are_merged(extract) -> None:
    text = ("A car bomb exploded near a checkpoint in Baghdad on Monday, killing seven people. "
            "The blast also wounded 20 others, police said. "
            "No group has claimed the bombing.")  # fmt: skip
    ev = only_event(extract(text, published="2024-05-07"))
    assert len(ev.evidence) >= 2
    assert ev.fatalities.best == 7 and ev.injured.best == 20


def test_event_ids_are_stable(extract) -> None:
    text = "Gunmen killed two soldiers in Mosul on Monday."
    a = extract(text, published="2024-05-07").events[0].id
    b = extract(text, published="2024-05-07").events[0].id
    assert a and a == b


def test_date_without_publication_date_stays_null(extract) -> None:
    ev = only_event(extract("Gunmen killed two soldiers in Mosul on Monday."))
    assert ev.date is None
