"""Weapons an event carries: from its sentences, the sentence after, and "shot"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_weapon_in_the_trigger_less_sentence_after_the_event(extract) -> None:
    text = ("Militants bombed the central bus depot in Karvella on Monday, killing six people. "
            "Investigators said that about 200 kg of explosives had been used.")  # fmt: skip
    ev = extract(text, published="2021-03-02").events[0]
    assert "explosives" in ev.weapons


def test_weapons_seized_or_hypothetical_in_the_next_sentence_do_not_count(extract) -> None:
    text = ("Gunmen attacked a police post in Marova on Monday, killing two officers. "
            "Troops later seized several grenades at a farm nearby.")  # fmt: skip
    ev = extract(text, published="2021-03-02").events[0]
    assert "grenade" not in ev.weapons
    text = ("Gunmen attacked a police post in Marova on Monday, killing two officers. "
            "Officials fear the group could soon use mortars in the town.")  # fmt: skip
    ev = extract(text, published="2021-03-02").events[0]
    assert "mortar" not in ev.weapons
    text = ("A blast tore through a bus in Marova on Monday, killing two passengers. "
            "Bomb squad experts examined the wreck to learn its cause.")  # fmt: skip
    ev = extract(text, published="2021-03-02").events[0]
    assert "bomb" not in ev.weapons


def test_shot_dead_means_a_firearm(extract) -> None:
    text = "Unknown assailants shot dead a village chief in Teral district on Sunday."
    ev = extract(text, published="2021-03-02").events[0]
    assert ev.weapons == ["firearm"]


def test_shot_with_a_named_arm_or_shot_down_adds_no_firearm(extract) -> None:
    text = "Police shot protesters with rubber bullets in Teral on Sunday, wounding nine."
    ev = extract(text, published="2021-03-02").events[0]
    assert "firearm" not in ev.weapons
    text = "Rebels shot down an army helicopter near Teral on Sunday, killing its crew."
    ev = extract(text, published="2021-03-02").events[0]
    assert "firearm" not in ev.weapons


def test_a_named_filler_keeps_the_bomb_it_filled(extract) -> None:
    text = ("Unknown men set off a bomb outside a bank in Marova on Monday, wounding two guards. "
            "The bomb was made of ANFO and a slow fuse, police said.")  # fmt: skip
    ev = extract(text, published="2021-03-02").events[0]
    assert "bomb" in ev.weapons and "ANFO" in ev.weapons


def test_no_firearm_is_inferred_in_a_disaster_report(extract) -> None:
    text = ("Earthquake hits film set in Nepal\nThe earthquake struck during the shooting of a "
            "film near Pokhara on Monday, killing 12 crew members.")  # fmt: skip
    assert extract(text, published="2021-03-02").events == []
