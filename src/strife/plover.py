"""The PLOVER event and mode of an event, beside its event_type / sub_event_type.

PLOVER (the Political Language Ontology for Verifiable Event Records of the Open Event
Data Alliance) codes an event as one of sixteen event classes (AGREE ... ASSAULT) with
an optional mode saying how it was done ("ASSAULT / aerial", "PROTEST / riot",
"COERCE / arrest"). strife derives both from what it already coded, so they need no
storage of their own and every interface shows them the same way:

- the sub_event_type gives the class, and the mode where the type says it (an
  air/drone strike is aerial, an abduction abduct, an arrest arrest);
- otherwise the mode of an ASSAULT comes from the arms the event names, through the
  weapon lexicon's categories (a rifle: firearms; an IED, a mortar: explosives; a
  chemical agent: CBRN; a knife: primitive), and a drone among the platforms makes a
  strike a drone strike;
- a sub_event_type PLOVER has no class for ("Other", a change to a group) gives none.

The table below is strife's own reading of the two schemes; docs/events.md lists it.
"""

from __future__ import annotations

from functools import cache

# sub_event_type -> (PLOVER event, mode or None: the mode then comes from the arms)
SUB_EVENT: dict[str, tuple[str | None, str | None]] = {
    "Armed clash": ("ASSAULT", None),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Chemical weapon": ("ASSAULT", "CBRN"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "explosives"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosives"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demonstrate"),
    "Protest with intervention": ("PROTEST", "demonstrate"),
    "Excessive force against protesters": ("ASSAULT", None),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": (None, None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("RETREAT", None),
    "Other": (None, None),
}

# weapon lexicon category -> ASSAULT mode (data/weapons.tsv); the first one an event's
# arms give, in this order, is its mode: a bomb thrown by gunmen is an explosives attack
CATEGORY_MODE: tuple[tuple[str, str], ...] = (
    ("chemical", "CBRN"),
    ("drone", "drone"),
    ("aircraft", "aerial"),
    ("helicopter", "aerial"),
    ("missile", "explosives"),
    ("rocket_system", "explosives"),
    ("artillery", "explosives"),
    ("explosive", "explosives"),
    ("ied", "explosives"),
    ("landmine", "explosives"),
    ("grenade", "explosives"),
    ("atgm", "explosives"),
    ("manpads", "explosives"),
    ("small_arms", "firearms"),
    ("armour", "firearms"),
    ("vessel", "firearms"),
)
# arms of the "generic" category that are no firearm or bomb ("knife", "machete")
PRIMITIVE = frozenset({"knife", "machete", "axe", "stones", "stone", "club", "sword", "arson"})


@cache
def _categories() -> dict[str, str]:
    from .lexicon import weapon_entries

    return {e.canonical: e.category for e in weapon_entries()}


def plover(sub_event_type: str, weapons: list[str], platforms: list[str]) -> tuple[str | None, str | None]:
    """The PLOVER event and mode of an event with this sub_event_type and these
    canonical weapons and platforms; (None, None) where PLOVER has no class for it."""
    event, mode = SUB_EVENT.get(sub_event_type, (None, None))
    if event is None:
        return None, None
    cats = _categories()
    arms = [cats.get(w, "") for w in (*weapons, *platforms)]
    if mode == "aerial" and "drone" in arms:
        return event, "drone"  # "a drone strike"
    if mode is None and event == "ASSAULT":
        mode = next((m for c, m in CATEGORY_MODE if c in arms), None)
        if mode is None and any(w.lower() in PRIMITIVE for w in weapons):
            mode = "primitive"
    return event, mode
