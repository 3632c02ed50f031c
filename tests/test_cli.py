"""The command line, run as a user runs it (click's runner, in-process)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from strife import __version__
from strife.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    res = CliRunner().invoke(main, ["run", str(SAMPLES), "--db", str(path), "--published",
                                    "2026-03-02", "--quiet"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "new" in res.output and "event(s) stored" in res.output
    return str(path)


def test_version() -> None:
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and __version__ in res.output


def test_every_command_has_an_example_in_its_help() -> None:
    runner = CliRunner()
    for cmd in (["extract"], ["run"], ["events"], ["explain"], ["gazetteer"],
                ["gazetteer", "build"], ["settings"]):  # fmt: skip
        res = runner.invoke(main, [*cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output, cmd


def test_extract_jsonl_from_stdin_keeps_text_with_no_clean() -> None:
    text = "Photo Credit: AFP\nGunmen killed two soldiers in Mosul on Monday."
    line = json.dumps({"id": "doc-1", "text": text, "published": "2024-05-07"})
    res = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--no-clean", "-"], input=line + "\n")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[0])
    assert out["article"]["id"] == "doc-1" and out["article"]["text"] == text
    assert out["events"][0]["fatalities"]["best"] == 2


def test_extract_file_with_published(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Rebels killed three villagers near Beni on Monday.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f), "--published", "2024-05-07"])
    assert res.exit_code == 0, res.output
    ev = json.loads(res.stdout)["events"][0]
    assert ev["date"] == "2024-05-06"


def test_bad_published_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Rebels killed three villagers near Beni.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f), "--published", "last Tuesday"])
    assert res.exit_code != 0
    assert "YYYY-MM-DD" in res.output and "Traceback" not in res.output


def test_events_formats(db: str) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["events", "--db", db])
    assert table.exit_code == 0 and "Battles" in table.output
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["events", "--db", db, "--format", "csv"]).stdout)))
    assert rows and "article_id" in rows[0]
    gj = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "geojson"]).stdout)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lines = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert all("article_id" in json.loads(x) for x in lines)
    ng = json.loads(runner.invoke(main, ["events", "--db", db, "--country", "NG", "--format", "json"]).stdout)
    assert ng and all(e["location"]["country"] == "NG" for e in ng)
    strikes = json.loads(runner.invoke(main, ["events", "--db", db, "--type", "Explosions/Remote violence",
                                              "--format", "json"]).stdout)  # fmt: skip
    assert strikes and all(e["event_type"] == "Explosions/Remote violence" for e in strikes)


def test_events_without_database_says_what_to_do(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "nope.db")])
    assert res.exit_code != 0 and "strife run" in res.output


def test_settings_lists_every_setting() -> None:
    res = CliRunner().invoke(main, ["settings"])
    assert res.exit_code == 0
    for name in ("spacy_model", "db", "cache_dir", "gazetteer", "batch_size", "max_chars"):
        assert name in res.output


def test_explain_shows_fields_and_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Rebels killed three villagers near Beni on Monday.", encoding="utf-8")
    res = CliRunner().invoke(main, ["explain", str(f), "--published", "2024-05-07"])
    assert res.exit_code == 0, res.output
    assert "Rebels killed three villagers" in res.output
    assert "fatalities" in res.output and "2024-05-06" in res.output
