"""Stage 1, ingest: paths in, ``Article`` records out.

``read_paths`` turns files, folders and stdin into ``Article`` records (``raw`` set,
``text`` left for the clean stage). A document that cannot be read becomes an
``InputError`` in the stream, naming it; the others go on. It never raises for a
bad document.

Formats (chosen by extension; stdin and unknown extensions are sniffed):

* ``.txt``: plain text, the whole file is one article.
* ``.html`` / ``.htm``: a web page; title, author, date, URL and site name come
  from the page (``trafilatura.extract_metadata``).
* ``.json``: one object or a list of objects; ``.jsonl``: one object a line.
  Fields: ``text`` (or ``html`` for a raw page), ``id``, ``published``, ``url``,
  ``title``, ``source``, ``author``; other fields are ignored.

Ids: a record's ``id`` is the article id; otherwise the id is ``content_id(raw)``,
so the same document always gets the same id.

Origins (``Article.origin``, and the name an ``InputError`` carries): ``path`` for
a file, ``path:LINE`` for a JSONL line (1-based), ``path[INDEX]`` for an object in
a JSON list (0-based), ``<stdin>`` / ``<stdin>:LINE`` for standard input.

Dates: ``published`` is normalised to YYYY-MM-DD (full ISO datetimes are accepted
and cut to their date, as written, without time-zone conversion). A document's own
date wins; the ``published`` argument (the CLI's ``--published``) fills in only
where the document has none. A date that cannot be read is dropped and noted in
``article.errors``; the document is kept.

Text decoding: UTF-8 (a byte-order mark is removed), then cp1252 with a note in
``article.errors``; a file that is neither is an ``InputError``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from strife.errors import InputError, UsageError
from strife.records import Article

TEXT_EXTENSIONS = frozenset({".txt"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

# Record fields copied onto the Article as strings (besides text/html/id/published).
_META_FIELDS = ("url", "title", "source", "author")

# YYYY-MM-DD, optionally followed by a time ("T10:00:00Z", " 10:00"). Checked before
# datetime.fromisoformat, which on its own also takes "20160802" and "2016-W31".
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S.*)?", re.ASCII)

_ENCODING_HINT = "save the file as UTF-8"


# --------------------------------------------------------------------------- dates


def parse_date(value: str) -> str | None:
    """``value`` as YYYY-MM-DD, or None when it is not an ISO date or datetime.

    >>> parse_date("2016-08-02T09:30:00+03:00")
    '2016-08-02'
    >>> parse_date("2 August 2016") is None
    True
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _set_published(article: Article, value: Any) -> None:
    """Set ``article.published`` from the document's own date ``value``, if readable."""
    if value is None or value == "":
        return
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed:
        article.published = parsed
    else:
        article.errors.append(
            f"{article.origin}: publication date {value!r} is not a date as YYYY-MM-DD; "
            "it was ignored"
        )


def _check_published(published: str | None) -> str | None:
    if published is None:
        return None
    parsed = parse_date(published)
    if parsed is None:
        raise UsageError(
            f"published must be a date as YYYY-MM-DD (or an ISO datetime), got {published!r}"
        )
    return parsed


# --------------------------------------------------------------------------- articles


def article_from_text(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    origin: str = "<api>",
) -> Article:
    """One plain-text article, as the Python API (``strife.extract``) builds it.

    An unreadable ``published`` is dropped and noted in ``article.errors``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    article = Article(raw=text, id=str(id) if id not in (None, "") else "", origin=origin)
    article.url = url or None
    article.title = title or None
    _set_published(article, published)
    if not text.strip():
        article.errors.append(f"{origin}: the text is empty")
    article.ensure_id()
    return article


def _html_metadata(article: Article) -> None:
    """Fill the Article's empty metadata fields from its HTML page."""
    try:
        import trafilatura

        meta = trafilatura.extract_metadata(
            article.raw,
            default_url=article.url,
            # extensive=False: only dates the page states (meta tags, JSON-LD, URL,
            # <time>); the extensive search also guesses from any date in the page
            # (copyright years, "related" teasers), and no date beats a wrong one.
            extensive=False,
        )
    except Exception as exc:  # trafilatura/lxml on a broken page
        article.errors.append(
            f"{article.origin}: could not read the page's metadata: {type(exc).__name__}: {exc}"
        )
        return
    found = {
        "title": meta.title,
        "author": meta.author,
        "url": meta.url,
        "source": meta.sitename or meta.hostname,
    }
    for name, value in found.items():
        if getattr(article, name) is None and value:
            setattr(article, name, str(value).strip() or None)
    if article.published is None and meta.date:
        article.published = parse_date(meta.date)


def _article(
    raw: str,
    origin: str,
    content_type: str,
    published: str | None,
    record: dict[str, Any] | None = None,
    notes: Iterable[str] = (),
) -> Article:
    record = record or {}
    rid = record.get("id")
    article = Article(
        raw=raw,
        id=str(rid) if rid not in (None, "") else "",
        content_type=content_type,
        origin=origin,
    )
    article.errors.extend(notes)
    for name in _META_FIELDS:
        value = record.get(name)
        if value is not None and str(value).strip():
            setattr(article, name, str(value).strip())
    own_date = record.get("published")
    # The record's date and the page's date come before the CLI's --published.
    _set_published(article, own_date)
    if content_type == "html":
        _html_metadata(article)
    if article.published is None:
        article.published = published
    article.ensure_id()
    return article


def _from_record(
    record: Any, origin: str, published: str | None, notes: Iterable[str] = ()
) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(
            origin,
            f"expected a JSON object, found {type(record).__name__}",
            'each record is an object like {"text": "..."}',
        )
    if "html" in record and record["html"] is not None:
        raw, content_type, key = record["html"], "html", "html"
    elif "text" in record and record["text"] is not None:
        raw, content_type, key = record["text"], "text", "text"
    else:
        return InputError(
            origin, "record has no 'text' field", 'give the article as {"text": "..."}'
        )
    if not isinstance(raw, str):
        return InputError(origin, f"'{key}' is a {type(raw).__name__}, not a string")
    if not raw.strip():
        return InputError(origin, f"'{key}' is empty")
    return _article(raw, origin, content_type, published, record, notes)


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes, origin: str) -> tuple[str, list[str]] | InputError:
    """Text and notes, or an InputError when the bytes are neither UTF-8 nor cp1252."""
    try:
        return data.decode("utf-8-sig"), []  # plain UTF-8, minus a byte-order mark
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        return InputError(
            origin,
            f"cannot decode the file: not UTF-8 or cp1252 (byte {exc.start})",
            _ENCODING_HINT,
        )
    return text, [f"{origin}: not valid UTF-8; read as cp1252 (Windows-1252)"]


# --------------------------------------------------------------------------- formats


def _read_jsonl(
    text: str, origin: str, published: str | None, notes: list[str]
) -> Iterator[Article | InputError]:
    # Split on "\n" only: str.splitlines also splits on U+2028, U+0085 and others,
    # which JSON allows unescaped inside a string.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _from_record(record, where, published, notes)


def _read_json(
    text: str, origin: str, published: str | None, notes: list[str]
) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(
            origin,
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            "a .json file holds one object or a list of objects; use .jsonl for one a line",
        )
        return
    if isinstance(data, list):
        if not data:
            yield InputError(origin, "the JSON list is empty")
        for index, record in enumerate(data):
            yield _from_record(record, f"{origin}[{index}]", published, notes)
    else:
        yield _from_record(data, origin, published, notes)


def _read_single(
    text: str, origin: str, content_type: str, published: str | None, notes: list[str]
) -> Iterator[Article | InputError]:
    if not text.strip():
        yield InputError(origin, "the document is empty")
        return
    yield _article(text, origin, content_type, published, notes=notes)


def _sniff(text: str) -> str:
    """The format of text whose name says nothing: 'json', 'jsonl', 'html' or 'text'."""
    head = text.lstrip()
    if head.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return "jsonl" if head.startswith("{") else "text"
        if isinstance(data, dict) and "\n" not in text.strip():
            return "jsonl"  # one record on one line: origin "<stdin>:1" like any JSONL
        return "json" if isinstance(data, dict | list) else "text"
    if head.startswith("<"):
        return "html"
    return "text"


def _read_text_as(
    text: str, origin: str, kind: str, published: str | None, notes: list[str]
) -> Iterator[Article | InputError]:
    if kind == "jsonl":
        yield from _read_jsonl(text, origin, published, notes)
    elif kind == "json":
        yield from _read_json(text, origin, published, notes)
    else:
        yield from _read_single(text, origin, kind, published, notes)


def _kind_of(path: Path) -> str | None:
    ext = path.suffix.lower()
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    return None


def _read_file(path: Path, published: str | None) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read the file: {exc.strerror or exc}")
        return
    decoded = _decode(data, origin)
    if isinstance(decoded, InputError):
        yield decoded
        return
    text, notes = decoded
    # A file named on the command line with an unknown extension is sniffed.
    kind = _kind_of(path) or _sniff(text)
    yield from _read_text_as(text, origin, kind, published, notes)


def _walk(folder: Path) -> Iterator[Path]:
    """Files with a known extension under ``folder``, sorted, hidden ones skipped."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() in KNOWN_EXTENSIONS:
                yield path


def _read_folder(folder: Path, published: str | None) -> Iterator[Article | InputError]:
    found = False
    for path in _walk(folder):
        found = True
        yield from _read_file(path, published)
    if not found:
        yield InputError(
            str(folder),
            "the folder holds no documents",
            "strife reads .txt, .html, .htm, .json and .jsonl files",
        )


def _read_stdin(published: str | None) -> Iterator[Article | InputError]:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    except (OSError, ValueError) as exc:
        yield InputError(STDIN_ORIGIN, f"cannot read standard input: {exc}")
        return
    decoded = _decode(data, STDIN_ORIGIN)
    if isinstance(decoded, InputError):
        yield decoded
        return
    text, notes = decoded
    yield from _read_text_as(text, STDIN_ORIGIN, _sniff(text), published, notes)


def _read_paths(paths: Sequence[str], published: str | None) -> Iterator[Article | InputError]:
    for name in paths:
        if name == STDIN:
            yield from _read_stdin(published)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, published)
        elif path.exists():
            yield from _read_file(path, published)
        else:
            yield InputError(name, "no such file or folder")


def read_paths(
    paths: Sequence[str], published: str | None = None
) -> Iterator[Article | InputError]:
    """Articles from files, folders (recursive, sorted) and ``-`` (stdin), in order.

    ``published`` (the CLI's ``--published``, YYYY-MM-DD) is the date of documents
    that carry none of their own. Bad documents come out as ``InputError`` values;
    only an unreadable ``published`` argument raises (``ValueError``), at the call.
    """
    if isinstance(paths, str):
        paths = [paths]
    return _read_paths(list(paths), _check_published(published))
