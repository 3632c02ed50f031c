"""When an event happened: date expressions resolved against the publication date.

``resolve(expression, published)`` gives ``(YYYY-MM-DD | None, time_precision)``:
1 = the day, 2 = the week, 3 = the month or vaguer. Weekdays ("on Monday") mean
the latest such day on or before publication; relative words ("yesterday", "last
night", "two days ago", "last week", "earlier this month") count back from it;
explicit dates ("12 March", "MARCH 12, 1989", "20 NOV 89") are read by dateparser
with the publication date as base. An expression that needs a publication date
and has none stays unresolved: strife does not guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SAME_DAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b")
_DAY_BEFORE = re.compile(r"\bday before yesterday\b")
_AGO = re.compile(r"\b(\w+|\d+) (day|week|month|year)s? ago\b")
_LAST_WEEK = re.compile(r"\b(last|past) week(end)?\b")
_THIS_WEEK = re.compile(r"\b(this|earlier this) week(end)?\b")
_THIS_MONTH = re.compile(r"\b(earlier|late|later) this month\b|\bthis month\b")
_LAST_MONTH = re.compile(r"\blast month\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_EXPLICIT_DAY = re.compile(
    r"\b(\d{1,2})(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(st|nd|rd|th)?\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
_MONTH_ONLY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "a": 1, "an": 1, "several": 3, "few": 3}  # fmt: skip


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@functools.cache
def _dateparser():  # imported lazily: dateparser takes ~0.5 s to import
    import dateparser

    return dateparser


def _explicit(expr: str, base: dt.date | None) -> tuple[dt.date | None, int]:
    """An explicit calendar date in ``expr``, with its precision."""
    m = _EXPLICIT_DAY.search(expr)
    year_m = _YEAR.search(expr)
    if not m:
        # two-digit years as in wire datelines: "20 NOV 89"
        m2 = re.search(
            r"\b(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (\d{2})\b", expr
        )
        if m2:
            yy = int(m2.group(3))
            year = 1900 + yy if yy > 30 else 2000 + yy
            try:
                return dt.date(year, MONTHS[m2.group(2)], int(m2.group(1))), 1
            except ValueError:
                return None, 3
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    if m:
        frag = m.group(0)
        if year_m and not re.search(r"\d{4}", frag):
            frag = f"{frag} {year_m.group(0)}"
        two_digit = re.search(r"\b(\d{1,2}) ([a-z]{3})[a-z]* (\d{2})\b", expr)
        if two_digit and not year_m:
            frag = two_digit.group(0)
        if not year_m and not base and not two_digit:
            return None, 1
        parsed = _dateparser().parse(frag, languages=["en"], settings=settings)
        if parsed:
            d = parsed.date()
            if base and not year_m and d > base:  # "12 March" said in February: last year's
                d = d.replace(year=d.year - 1)
            return d, 1
        return None, 1
    mm = _MONTH_ONLY.search(expr)
    if mm and (year_m or base):
        month = MONTHS[mm.group(1)[:3]]
        year = int(year_m.group(0)) if year_m else base.year  # type: ignore[union-attr]
        d = dt.date(year, month, 1)
        if base and not year_m and d > base:
            d = d.replace(year=year - 1)
        return d, 3
    if year_m:
        return dt.date(int(year_m.group(0)), 1, 1), 3
    return None, 3


def resolve(expression: str, published: str | dt.date | None) -> tuple[str | None, int]:
    """Resolve one date expression; see the module docstring."""
    base = published if isinstance(published, dt.date) else parse_iso(published)
    expr = " ".join(expression.lower().split())
    day: dt.date | None = None
    precision = 3
    if base is not None:
        if _DAY_BEFORE.search(expr):
            day, precision = base - dt.timedelta(days=2), 1
        elif _YESTERDAY.search(expr):
            day, precision = base - dt.timedelta(days=1), 1
        elif _SAME_DAY.search(expr):
            day, precision = base, 1
        elif m := _AGO.search(expr):
            n = _WORD_NUM.get(m.group(1), None)
            if n is None and m.group(1).isdigit():
                n = int(m.group(1))
            if n is not None:
                unit = m.group(2)
                days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
                day = base - dt.timedelta(days=days)
                precision = {"day": 1, "week": 2, "month": 3, "year": 3}[unit]
        elif _LAST_WEEK.search(expr):
            day, precision = base - dt.timedelta(days=7), 2
        elif _THIS_WEEK.search(expr):
            day, precision = base, 2
        elif _LAST_MONTH.search(expr):
            first = base.replace(day=1) - dt.timedelta(days=1)
            day, precision = first.replace(day=1), 3
        elif _THIS_MONTH.search(expr):
            day, precision = base.replace(day=1), 3
        elif (m := _WEEKDAY.search(expr)) and not _EXPLICIT_DAY.search(expr):
            back = (base.weekday() - WEEKDAYS.index(m.group(1))) % 7
            if "last" in expr.split() and back == 0:
                back = 7
            day, precision = base - dt.timedelta(days=back), 1
    if day is None:
        day, precision = _explicit(expr, base)
    return (day.isoformat() if day else None), precision


_CUE = re.compile(
    r"\b(today|tonight|yesterday|overnight|last night|this (morning|afternoon|evening|week|month)"
    r"|(last|past) (week|month)|ago|earlier this (week|month)|" + "|".join(WEEKDAYS) + r")\b"
)


def has_cue(text: str) -> bool:
    """Does ``text`` hold a relative date word that spaCy's NER may miss?"""
    return bool(_CUE.search(text.lower()))


def cue_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of relative date words in ``text``."""
    return [(m.start(), m.end()) for m in _CUE.finditer(text.lower())]
