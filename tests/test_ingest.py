"""Ingest: files, folders and stdin in, Article records (or InputErrors) out."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strife.errors import InputError
from strife.ingest import article_from_text, parse_date, read_paths
from strife.records import Article, content_id

DATA = Path(__file__).parent / "data"

BODY = "Gunmen attacked a market in Gao on Monday, killing three traders, police said.\n"


def read_all(*paths: str | Path, published: str | None = None) -> list[Article | InputError]:
    return list(read_paths([str(p) for p in paths], published=published))


def articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-08-02", "2016-08-02"),
        (" 2016-08-02 ", "2016-08-02"),
        ("2016-08-02T09:30:00", "2016-08-02"),
        ("2016-08-02T09:30:00Z", "2016-08-02"),
        ("2016-08-01T23:30:00-05:00", "2016-08-01"),  # the date as written, no tz shift
        ("2016-08-02 09:30", "2016-08-02"),
        ("2016-02-30", None),
        ("2016-13-01", None),
        ("20160802", None),
        ("2 August 2016", None),
        ("2016-08-02garbage", None),
        ("2016-08-02Tnonsense", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


@given(st.dates(min_value=date(1, 1, 1)))
def test_parse_date_round_trips_every_iso_date(d: date) -> None:
    assert parse_date(d.isoformat()) == d.isoformat()


@given(
    st.datetimes(timezones=st.one_of(st.none(), st.timezones())),
)
def test_parse_date_keeps_the_written_date_of_a_datetime(dt: datetime) -> None:
    assert parse_date(dt.isoformat()) == dt.date().isoformat()


@given(st.text())
def test_parse_date_never_raises_and_returns_iso_or_none(value: str) -> None:
    result = parse_date(value)
    assert result is None or date.fromisoformat(result).isoformat() == result


# --------------------------------------------------------------------------- plain text


def test_txt_file_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "gao.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.raw == BODY
    assert article.text == ""  # set by the clean stage, not here
    assert article.content_type == "text"
    assert article.id == content_id(BODY)
    assert article.origin == str(path)
    assert article.published is None
    assert article.errors == []


def test_published_argument_dates_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "gao.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = read_all(path, published="2025-03-11T10:00:00Z")
    assert article.published == "2025-03-11"


def test_invalid_published_argument_raises_at_the_call() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_paths(["whatever.txt"], published="11/03/2025")


def test_byte_order_mark_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    [article] = read_all(path)
    assert article.raw == BODY
    assert article.errors == []


def test_cp1252_file_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Officials in Bogotá said the “ceasefire” held — for now.\n"
    path.write_bytes(text.encode("cp1252"))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.raw == text
    assert len(article.errors) == 1
    assert "cp1252" in article.errors[0] and str(path) in article.errors[0]


def test_undecodable_file_is_an_input_error_and_the_rest_go_on(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"caf\xc3 \x81\x8d\x90")  # not UTF-8; 0x81 is undefined in cp1252
    good = tmp_path / "b.txt"
    good.write_text(BODY, encoding="utf-8")
    items = read_all(bad, good)
    assert isinstance(items[0], InputError)
    assert items[0].origin == str(bad)
    assert "UTF-8" in str(items[0])
    assert isinstance(items[1], Article) and items[1].raw == BODY


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_file_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.origin == str(path)
    assert "empty" in str(err)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [err] = read_all(missing)
    assert isinstance(err, InputError)
    assert err.origin == str(missing)
    assert "no such file" in str(err)


def test_unreadable_file_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":  # chmod 0 is no test when running as root
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    article, err = read_all(tmp_path)  # sorted: good.txt, locked.txt
    assert isinstance(err, InputError)
    assert err.origin == str(locked)
    assert "cannot read the file: Permission denied" in str(err)
    assert isinstance(article, Article) and article.origin == str(good)


# --------------------------------------------------------------------------- JSON / JSONL


def test_json_object_fields_become_the_article(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "id": "wire-42",
        "text": BODY,
        "published": "2025-03-11T07:00:00+00:00",
        "url": "https://example.org/gao",
        "title": "Traders killed in Gao market attack",
        "source": "Example Wire",
        "author": "A. Reporter",
        "extra": "ignored",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = read_all(path, published="2000-01-01")
    assert isinstance(article, Article)
    assert article.id == "wire-42"
    assert article.raw == BODY
    assert article.published == "2025-03-11"  # the record's own date beats --published
    assert (article.url, article.title, article.source, article.author) == (
        "https://example.org/gao",
        "Traders killed in Gao market attack",
        "Example Wire",
        "A. Reporter",
    )
    assert article.origin == str(path)


def test_json_list_gives_indexed_origins_and_skips_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "First report."}, 7, {"text": "Third."}]), "utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert items[0].origin == f"{path}[0]"
    assert items[1].origin == f"{path}[1]"
    assert "object" in str(items[1])
    assert items[2].origin == f"{path}[2]"
    assert items[2].id == content_id("Third.")


def test_invalid_json_file_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.origin == str(path)
    assert "invalid JSON" in str(err)


def test_jsonl_bad_lines_are_named_by_line_and_the_rest_go_on(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"id": "a", "text": "Shelling hit Kharkiv on Sunday."}),
            "{not json",
            "",
            json.dumps({"id": "b", "title": "no text here"}),
            json.dumps({"id": "c", "text": "   "}),
            json.dumps({"id": "d", "text": 12}),
            json.dumps(["a", "list"]),
            json.dumps({"id": 7, "text": "Protesters marched in Bamako."}),
        ],
    )
    items = read_all(path)
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Article",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "Article",
    ]
    msgs = [str(i) for i in items]
    assert "invalid JSON" in msgs[1]
    assert "no 'text'" in msgs[2]
    assert "empty" in msgs[3]
    assert "not a string" in msgs[4]
    assert items[0].id == "a"
    assert items[-1].id == "7"


def test_published_argument_fills_only_records_without_a_date(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "dates.jsonl",
        [
            json.dumps({"id": "own", "text": "x", "published": "2024-05-01"}),
            json.dumps({"id": "none", "text": "y"}),
            json.dumps({"id": "bad", "text": "z", "published": "last Tuesday"}),
            json.dumps({"id": "num", "text": "w", "published": 20240501}),
        ],
    )
    by_id = {a.id: a for a in articles(read_all(path, published="2026-03-02"))}
    assert by_id["own"].published == "2024-05-01"
    assert by_id["none"].published == "2026-03-02"
    # A bad date is dropped (with a note); the document is kept and --published applies.
    for key in ("bad", "num"):
        assert by_id[key].published == "2026-03-02"
        assert len(by_id[key].errors) == 1
        assert "YYYY-MM-DD" in by_id[key].errors[0]
        assert f"{path}:" in by_id[key].errors[0]
    assert by_id["own"].errors == [] and by_id["none"].errors == []


def test_bad_date_without_fallback_leaves_published_empty(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [json.dumps({"text": "x", "published": "2024-02-30"})])
    [article] = read_all(path)
    assert article.published is None
    assert "2024-02-30" in article.errors[0]


def test_jsonl_html_record_reads_page_metadata_and_record_fields_win(tmp_path: Path) -> None:
    html = (DATA / "news-page.html").read_text(encoding="utf-8")
    path = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            json.dumps({"html": html}),
            json.dumps({"html": html, "title": "Own title", "published": "2025-04-01"}),
        ],
    )
    first, second = read_all(path, published="2000-01-01")
    assert first.content_type == "html" and first.raw == html
    assert first.title == "Army says five militants killed near Gao"
    assert first.published == "2025-03-11"
    assert first.author == "Mariam Traore"
    assert second.title == "Own title"
    assert second.published == "2025-04-01"
    assert second.author == "Mariam Traore"
    assert first.id == second.id == content_id(html)


# --------------------------------------------------------------------------- HTML


def test_html_file_metadata_is_read_from_the_page() -> None:
    [article] = read_all(DATA / "news-page.html", published="2000-01-01")
    assert isinstance(article, Article)
    assert article.content_type == "html"
    assert article.title == "Army says five militants killed near Gao"
    assert article.author == "Mariam Traore"
    assert article.published == "2025-03-11"  # the page's date, not --published
    assert article.url == "https://example.org/news/2025/03/gao-clash"
    assert article.source == "Sahel Daily Wire"
    assert article.errors == []


def test_html_without_a_date_takes_the_published_argument(tmp_path: Path) -> None:
    path = tmp_path / "nodate.htm"
    path.write_text(
        "<html><head><title>Flooding in Beledweyne</title></head><body>"
        "<p>The Shabelle river burst its banks near Beledweyne.</p></body></html>",
        encoding="utf-8",
    )
    [article] = read_all(path, published="2026-03-02")
    assert article.content_type == "html"
    assert article.title == "Flooding in Beledweyne"
    assert article.published == "2026-03-02"


# --------------------------------------------------------------------------- folders


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"text": "C"}) + "\n", "utf-8")
    (tmp_path / "sub" / "d.JSON").write_text(json.dumps({"text": "D"}), "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_text("in a hidden folder", encoding="utf-8")
    (tmp_path / "notes.md").write_text("unknown extension", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = read_all(tmp_path)
    assert all(isinstance(i, Article) for i in items)
    assert [i.raw for i in items] == ["A", "B", "C", "D"]
    assert items[2].origin == f"{tmp_path / 'sub' / 'c.jsonl'}:1"


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    [err] = read_all(tmp_path)
    assert isinstance(err, InputError)
    assert "no documents" in str(err)


def test_named_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text(BODY, encoding="utf-8")
    page = tmp_path / "page.xhtml"
    page.write_text("<html><body><p>Text.</p></body></html>", encoding="utf-8")
    [a, b] = read_all(md, page)
    assert a.content_type == "text" and a.raw == BODY
    assert b.content_type == "html"


# --------------------------------------------------------------------------- stdin


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "x", "text": "One."}), "oops", json.dumps({"text": "Two."})]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    items = list(read_paths(["-"]))
    assert [i.origin for i in items] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert isinstance(items[1], InputError)
    assert items[0].id == "x" and items[2].raw == "Two."


def test_stdin_single_line_record_is_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, json.dumps({"text": "One."}).encode())
    [item] = read_paths(["-"])
    assert item.origin == "<stdin>:1" and item.raw == "One."


def test_stdin_pretty_printed_json(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, json.dumps([{"text": "One."}, {"text": "Two."}], indent=2).encode())
    items = list(read_paths(["-"]))
    assert [i.raw for i in items] == ["One.", "Two."]
    assert items[1].origin == "<stdin>[1]"


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, (DATA / "news-page.html").read_bytes())
    [item] = read_paths(["-"])
    assert item.content_type == "html"
    assert item.title == "Army says five militants killed near Gao"
    assert item.origin == "<stdin>"


@pytest.mark.parametrize("text", [BODY, "[Reuters] Three killed in Kabul blast.\n"])
def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _stdin(monkeypatch, text.encode())
    [item] = read_paths(["-"], published="2025-01-02")
    assert item.content_type == "text"
    assert item.raw == text
    assert item.published == "2025-01-02"


# --------------------------------------------------------------------------- API helper


def test_article_from_text() -> None:
    article = article_from_text(
        BODY, published="2025-03-11", url="https://example.org/x", title="T"
    )
    assert article.raw == BODY
    assert article.id == content_id(BODY)
    assert article.published == "2025-03-11"
    assert (article.url, article.title, article.origin) == ("https://example.org/x", "T", "<api>")
    assert article.errors == []
    assert article_from_text(BODY, id="mine").id == "mine"


def test_article_from_text_drops_a_bad_date_with_a_note() -> None:
    article = article_from_text(BODY, published="March 11")
    assert article.published is None
    assert "March 11" in article.errors[0]


# --------------------------------------------------------------------------- round trip

_meta = st.one_of(st.none(), st.text(max_size=40))
_record = st.fixed_dictionaries(
    {"text": st.text(min_size=1).filter(str.strip)},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers()),
        "published": st.dates(min_value=date(1900, 1, 1)).map(date.isoformat),
        "url": _meta,
        "title": _meta,
        "source": _meta,
        "author": _meta,
    },
)


@settings(max_examples=60, deadline=None)
@given(records=st.lists(_record, min_size=1, max_size=5), ensure_ascii=st.booleans())
def test_jsonl_round_trips_ids_and_fields(records: list[dict], ensure_ascii: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in records),
            encoding="utf-8",
        )
        items = read_all(path, published="2026-03-02")
    assert len(items) == len(records)
    for lineno, (record, article) in enumerate(zip(records, items, strict=True), start=1):
        assert isinstance(article, Article), article
        assert article.origin == f"{path}:{lineno}"
        assert article.raw == record["text"]
        rid = record.get("id")
        assert article.id == (str(rid) if rid not in (None, "") else content_id(record["text"]))
        assert article.published == record.get("published", "2026-03-02")
        for name in ("url", "title", "source", "author"):
            value = record.get(name)
            assert getattr(article, name) == (value.strip() if value and value.strip() else None)
        assert article.errors == []


# --------------------------------------------------------------------------- samples

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FICTIONAL_NOTE = "Fictional sample text written for the strife project"


def test_every_sample_reads_cleanly_is_marked_fictional_and_dated() -> None:
    items = read_all(SAMPLES, published="2026-03-02")
    assert errors(items) == []
    docs = articles(items)
    assert len(docs) >= 12
    assert len({a.id for a in docs}) == len(docs)
    for article in docs:
        assert article.errors == [], article.origin
        assert article.published is not None
        if article.content_type == "html":
            assert "fictional sample" in article.raw
            assert article.title and article.published != "2026-03-02"
        elif article.origin.endswith(".txt"):
            assert FICTIONAL_NOTE in article.raw
            assert article.published == "2026-03-02"  # .txt samples take --published
        else:
            assert article.source == "strife sample (fictional)"
            assert article.title and article.published != "2026-03-02"
        assert 150 <= len(article.raw.split()) <= 600, article.origin
    kinds = {a.content_type for a in docs}
    assert kinds == {"text", "html"}
    assert any(":" in a.origin.rsplit("/", 1)[-1] for a in docs)  # a JSONL record
