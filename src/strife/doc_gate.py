"""Document-level realis: an article's events stand only if one of them is anchored.

Non-conflict news uses conflict words in passing: an obituary ("died on Friday"), a
quake report ("injuring five people"), business ("AMD in clash with Intel", "the
takeover"), culture ("fans attempting to form protests"), science ("was
demonstrated"). Each such mention can pass the sentence-level filters in
``triggers.is_real``, but a conflict report always has at least one event that is
anchored in violence: a trigger that names violence by itself (an airstrike, a
bombing, a killing, an abduction), a weapon or military platform used in it, or an
armed or crowd actor the text names (soldiers, rebels, police, protesters). An
article none of whose events is anchored this way reports no conflict event, and all
its events are dropped. A conflict article loses nothing: its weaker mentions ("two
more died in hospital") stay alongside the anchored event.
"""

from __future__ import annotations

import re

from .records import Event

# trigger classes (triggers.TRIGGERS) that name violence by themselves
STRONG_CLASSES = {"air", "shelling", "bomb", "grenade", "kill", "attack", "raid", "shoot",
                  "abduct", "sexual", "riot", "mob", "regain", "protest"}  # fmt: skip
# sub-event types that only context makes violent; they are anchored by their
# arguments (an armed or crowd actor the text names, a weapon)
# words in an event's evidence that say the deaths or the fighting were violence
VIOLENCE_CUES = re.compile(
    r"\b(violence|violent|clashes|fighting|gunbattles?|gunfights?|firefights?|militants?|rebels?|"
    r"insurgents?|troops|soldiers?|army|armies|militias?|gunmen|gunfire|guerrillas?|"
    r"terrorists?|jihadists?|airstrikes?|shelling|(?<!heart )(?<!panic )(?<!asthma )attacks?|"
    r"attacked)\b",
    re.I,
)
ARMED_WORDS = re.compile(
    r"\b(forces?|troops|army|military|soldiers?|police|policemen|rebels?|militants?|"
    r"guerrillas?|insurgents?|militias?|gunmen|fighters|govt|government forces)\b",
    re.I,
)
ANCHOR_ACTOR_TYPES = ("state_forces", "rebel_group", "political_militia", "identity_militia",
                      "protesters", "rioters")  # fmt: skip


# a lead that names a disaster: its deaths are the disaster's unless the text names arms,
# armed men or violence ("Powerful quake kills 10"; "It killed 612 people")
DISASTER = re.compile(
    r"\b(earthquakes?|quakes?|tremors?|floods?|flooding|tsunamis?|hurricanes?|typhoons?|"
    r"cyclones?|tornado(es)?|landslides?|mudslides?|avalanches?|eruptions?|wildfires?|"
    r"storms?|(plane|train|bus|car) crash(es)?|derailment|heatwave|epidemic|outbreak)\b",
    re.I,
)


def anchored(event: Event, cls: str, disaster: bool = False) -> bool:
    """Does this event show by itself that violence (or a protest) took place?"""
    # the bare word "weapon" is no arm used ("a potent weapon for AMD")
    weapons = [w for w in event.weapons if w.lower() not in ("weapon", "weapons", "arms")]
    if weapons or event.platforms and not disaster:  # rescue helicopters after a quake
        return True
    if cls in STRONG_CLASSES and not disaster:
        return True
    # (in a disaster report only armed actors or violence words below anchor)
    if not disaster and event.sub_event_type not in ("Peaceful protest", "Attack", "Armed clash", "Arrests",
                                    "Looting/property destruction", "Agreement", "Other",
                                    "Non-state actor overtakes territory",
                                    "Disrupted weapons use"):  # fmt: skip
        return True  # specific types: suicide bomb, excessive force, violent demonstration...
    for actor in (event.actor1, event.actor2):
        if (
            actor is not None
            and actor.text
            and (actor.type in ANCHOR_ACTOR_TYPES or ARMED_WORDS.search(actor.text))
        ):
            return True
    return any(VIOLENCE_CUES.search(e.text) for e in event.evidence)


def is_disaster(lead: str) -> bool:
    """Does the article's opening (headline and first lines) name a disaster?"""
    return bool(DISASTER.search(lead))


def keep(events: list[Event], classes: list[str], disaster: bool = False) -> list[Event]:
    """All the events when at least one is anchored, else none. In an article about a
    disaster (``is_disaster`` of its lead) a death word alone anchors nothing."""
    if any(anchored(ev, cls, disaster) for ev, cls in zip(events, classes, strict=True)):
        return events
    return []
