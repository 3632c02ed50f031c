"""``strife explain``: an article in the terminal with each event's fields and the
spans they came from highlighted, so an analyst can check every figure at a glance."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import Event, Result

STYLES = {
    "evidence": "underline",
    "trigger": "bold white on red",
    "place": "bold green",
    "weapon": "bold yellow",
    "actor": "bold cyan",
    "number": "bold magenta",
}


def _find_all(text: str, needle: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    if not needle:
        return out
    i = text.find(needle, lo, hi)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle), hi)
    return out


def highlighted(result: Result) -> Text:
    """The article text with evidence, triggers, places, weapons, actors and counts marked."""
    text = result.article.text
    out = Text(text)
    for ev in result.events:
        for span in ev.evidence:
            out.stylize(STYLES["evidence"], span.start, span.end)
            for ent in result.entities:
                if span.start <= ent.start < span.end:
                    if ent.label in ("WEAPON", "MILITARY_PLATFORM"):
                        out.stylize(STYLES["weapon"], ent.start, ent.end)
                    elif ent.label == "CARDINAL":
                        out.stylize(STYLES["number"], ent.start, ent.end)
            for actor in (ev.actor1, ev.actor2):
                if actor and actor.text:
                    for s, e in _find_all(text, actor.text, span.start, span.end):
                        out.stylize(STYLES["actor"], s, e)
        out.stylize(STYLES["trigger"], ev.trigger.start, ev.trigger.end)
    for top in result.toponyms:
        out.stylize(STYLES["place"], top.start, top.end)
    return out


def _count(c) -> str:  # noqa: ANN001
    if c.best is None and c.low is None:
        return "-"
    parts = [str(c.best) if c.best is not None else "?"]
    if c.low != c.best or c.high != c.best:
        parts.append(f"(low {c.low}, high {c.high})")
    return " ".join(parts)


def event_table(ev: Event, n: int) -> Table:
    t = Table(title=f"event {n}: {ev.event_type} / {ev.sub_event_type}", show_header=False,
              title_justify="left", expand=False)  # fmt: skip
    t.add_column(style="bold")
    t.add_column()
    loc = ev.location
    rows = [
        ("PLOVER", " / ".join(x for x in ev.plover() if x) or "-"),
        ("trigger", f"{ev.trigger.text!r} at {ev.trigger.start}-{ev.trigger.end}"),
        ("date", f"{ev.date or '-'} (precision {ev.time_precision})"),
        ("actor1", f"{ev.actor1.name} [{ev.actor1.type}, {ev.actor1.country or '-'}] "
                   f"from {ev.actor1.text!r}" if ev.actor1 else "-"),
        ("actor2", f"{ev.actor2.name} [{ev.actor2.type}, {ev.actor2.country or '-'}] "
                   f"from {ev.actor2.text!r}" if ev.actor2 else "-"),
        ("location", f"{loc.name}, {loc.admin1 or '-'}, {loc.country or '-'} "
                     f"({loc.lat}, {loc.lon}) precision {loc.geo_precision}" if loc else "-"),
        ("fatalities", _count(ev.fatalities)),
        ("injured", _count(ev.injured)),
        ("weapons", ", ".join(ev.weapons) or "-"),
        ("platforms", ", ".join(ev.platforms) or "-"),
        ("hedged", "yes" if ev.hedged else "no"),
        ("attributed to", ev.attributed_to or "-"),
        ("evidence", "; ".join(f"{s.start}-{s.end}" for s in ev.evidence)),
        ("confidence", f"{ev.confidence:.2f}"),
    ]  # fmt: skip
    for k, v in rows:
        t.add_row(k, v)
    return t


def render(result: Result, console: Console | None = None) -> None:
    """Print one document: the highlighted text, then a table per event."""
    console = console or Console()
    a = result.article
    head = a.title or a.origin or a.id
    legend = Text("  ").join(Text(name, style=style) for name, style in STYLES.items())
    console.print(Panel(Group(highlighted(result), Text(""), legend),
                        title=f"{head} ({a.published or 'no date'})", title_align="left"))  # fmt: skip
    if not result.events:
        console.print("no events found")
    for i, ev in enumerate(result.events, 1):
        console.print(event_table(ev, i))
    for err in result.errors:
        console.print(f"[red]problem:[/red] {err}")
