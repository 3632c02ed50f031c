"""strife: news articles in, a geocoded, source-traced database of conflict events out.

>>> import strife
>>> result = strife.extract("Gunmen killed two soldiers in Mosul on Monday.", published="2024-05-07")
>>> result.to_dict()["events"][0]["sub_event_type"]
'Armed clash'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .records import Actor, Article, Count, Event, Place, Result, Span, Toponym
from .settings import Settings

try:
    __version__ = version("strife")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def extract(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Result:
    """The conflict events, entities and places of one text.

    ``published`` (YYYY-MM-DD) anchors relative dates ("on Monday"). The result's
    ``to_dict()`` is the output contract's JSON form (docs/output.md)."""
    from .pipeline import extract as _extract

    return _extract(text, published=published, url=url, title=title, settings=settings)


__all__ = ["extract", "Settings", "Result", "Article", "Event", "Actor", "Place", "Toponym",
           "Span", "Count", "__version__"]  # fmt: skip
