"""Number reading, toll merging and date resolution (no spaCy model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strife import counts, dates


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,200", 1200), ("twenty-five", 25), ("TWO", 2), ("dozens", 12),
     ("hundreds", 100), ("a", 1), ("banana", None), ("", None)],
)  # fmt: skip
def test_number(text: str, value: int | None) -> None:
    assert counts.number(text) == value


def test_merge_is_conservative() -> None:
    c = counts.merge([counts.Figure(15), counts.Figure(10)])
    assert (c.best, c.low, c.high) == (10, 10, 15)
    c = counts.merge([counts.Figure(12, low=True)])
    assert (c.best, c.low, c.high) == (12, 12, None)
    c = counts.merge([counts.Figure(3, low=True, vague=True)])
    assert c.best is None and c.low == 3
    assert counts.merge([]).best is None


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=6))
def test_merge_bounds_hold(values: list[int]) -> None:
    c = counts.merge([counts.Figure(v) for v in values])
    assert c.low is not None and c.high is not None and c.best is not None
    assert c.low <= c.best <= c.high


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("Monday", "2016-08-02", ("2016-08-01", 1)),
        ("on Monday", "2016-08-01", ("2016-08-01", 1)),
        ("yesterday", "1989-11-20", ("1989-11-19", 1)),
        ("last night", "2020-05-10", ("2020-05-09", 1)),
        ("two days ago", "2020-05-10", ("2020-05-08", 1)),
        ("last week", "2020-05-10", ("2020-05-03", 2)),
        ("earlier this month", "2020-05-10", ("2020-05-01", 3)),
        ("20 NOV 89", None, ("1989-11-20", 1)),
        ("ON 18 NOVEMBER", "1989-11-20", ("1989-11-18", 1)),
        ("12 March", "2020-02-01", ("2019-03-12", 1)),
        ("Monday", None, (None, 3)),
    ],
)
def test_resolve(expr: str, published: str | None, expected: tuple) -> None:
    assert dates.resolve(expr, published) == expected


@given(st.text(max_size=60), st.dates().map(lambda d: d.isoformat()))
def test_resolve_never_crashes(expr: str, published: str) -> None:
    day, precision = dates.resolve(expr, published)
    assert precision in (1, 2, 3)
    assert day is None or len(day) == 10


def test_merge_prefers_written_figures_and_adds_extra_ones() -> None:
    # a figure with a number beats one read from a singular noun ("a policeman was shot")
    c = counts.merge([counts.Figure(5), counts.Figure(1, implicit=True)])
    assert c.best == 5
    # named victims only: each sentence names some of them, the largest count wins
    c = counts.merge([counts.Figure(1, implicit=True), counts.Figure(2, implicit=True)])
    assert c.best == 2
    # "four engineers were murdered ... a judge was also murdered"
    c = counts.merge([counts.Figure(4), counts.Figure(1, extra=True)])
    assert c.best == 5
    # "two more engineers" with nothing before it is just two
    assert counts.merge([counts.Figure(2, extra=True)]).best == 2
    # "no one else was hurt" does not undo a stated toll; alone it is a zero
    assert counts.merge([counts.Figure(3), counts.Figure(0)]).best == 3
    assert counts.merge([counts.Figure(0)]).best == 0


@pytest.mark.parametrize(
    ("text", "zero"),
    [("The damage was minor and there were no victims.", True),
     ("The bombs caused heavy damage but no fatalities.", True),
     ("The blast destroyed a wall but did not cause any injuries.", True),
     ("The hostages were released unharmed.", True),
     ("No one has claimed responsibility for the attack.", False),
     ("No fewer than 12 deaths were reported.", False)],
)  # fmt: skip
def test_zero_statements(text: str, zero: bool) -> None:
    from strife import tolls

    assert tolls.zero_statement(text) is zero


def test_a_count_right_after_a_verb_left_without_object_is_its_toll() -> None:
    from strife import ingest, pipeline
    from strife.settings import Settings

    # the parser reads "15 villagers and houses, a local official and residents" as the
    # subject of "said", leaving "killing" without an object
    text = ("Armed men on motorcycles attacked a village near Djibo in northern Burkina "
            "Faso's Sahel region on Friday night, killing at least 15 villagers and burning "
            "houses, a local official and residents said on Saturday.")  # fmt: skip
    art = ingest.article_from_text(text, published="2026-03-02", id="c")
    res = next(iter(pipeline.process([art], Settings(), do_clean=False)))
    tolls = [e.fatalities for e in res.events if e.fatalities.best is not None]
    assert tolls and tolls[0].best == 15 and tolls[0].low == 15, tolls
