"""PLOVER event and mode beside the event type (strife.plover)."""

from __future__ import annotations

from strife.plover import SUB_EVENT, plover
from strife.records import EVENT_TYPES, Event, Span


def test_every_sub_event_type_has_a_plover_reading() -> None:
    subs = {s for subs in EVENT_TYPES.values() for s in subs}
    assert subs == set(SUB_EVENT)


def test_the_type_gives_the_mode_where_it_says_it() -> None:
    assert plover("Air/drone strike", ["bomb"], ["Su-25"]) == ("ASSAULT", "aerial")
    assert plover("Abduction/forced disappearance", [], []) == ("ASSAULT", "abduct")
    assert plover("Arrests", [], []) == ("COERCE", "arrest")
    assert plover("Violent demonstration", [], []) == ("PROTEST", "riot")
    assert plover("Other", ["firearm"], []) == (None, None)


def test_the_arms_give_the_mode_of_an_assault() -> None:
    assert plover("Armed clash", ["AK-47"], []) == ("ASSAULT", "firearms")
    assert plover("Attack", ["firearm", "bomb"], []) == ("ASSAULT", "explosives")
    assert plover("Attack", ["machete"], []) == ("ASSAULT", "primitive")
    assert plover("Armed clash", [], []) == ("ASSAULT", None)
    assert plover("Air/drone strike", [], ["Bayraktar TB2"])[1] == "drone"


def test_the_plover_fields_are_in_every_event_output() -> None:
    from strife.export import FLAT_FIELDS, flat_event

    ev = Event("Violence against civilians", "Attack", Span("shot", 0, 4), weapons=["firearm"])
    d = ev.to_dict()
    assert (d["plover_event"], d["plover_mode"]) == ("ASSAULT", "firearms")
    assert Event.from_dict(d).to_dict() == d
    assert {"plover_event", "plover_mode"} <= set(FLAT_FIELDS)
    assert flat_event(ev)["plover_mode"] == "firearms"
