"""The whole flow: ingest -> extract -> store, as `strife run` runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES
from strife import pipeline
from strife.records import Result
from strife.store import Store

pytestmark = pytest.mark.slow


def test_extract_gives_the_contract(extract) -> None:
    r = extract("Gunmen killed two soldiers in Mosul on Monday.", published="2024-05-07")
    d = r.to_dict()
    assert set(d) == {"article", "events", "entities", "toponyms", "errors"}
    ev = d["events"][0]
    for key in ("id", "event_type", "sub_event_type", "date", "time_precision", "actor1", "actor2",
                "location", "fatalities", "injured", "weapons", "platforms", "hedged",
                "attributed_to", "trigger", "evidence", "confidence"):  # fmt: skip
        assert key in ev
    text = d["article"]["text"]
    for span in [ev["trigger"], *ev["evidence"], *d["entities"], *d["toponyms"]]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert ev["location"]["country"] == "IQ"
    assert json.loads(json.dumps(d)) == d


def test_run_samples_twice_changes_nothing(tmp_path: Path, settings) -> None:
    db = str(tmp_path / "s.db")
    first = pipeline.run([str(SAMPLES)], db, published="2026-03-02", settings=settings)
    assert first.new >= 12 and first.events >= 10
    assert not [e for e in first.errors if "failed" in e], first.errors
    second = pipeline.run([str(SAMPLES)], db, published="2026-03-02", settings=settings)
    assert second.new == 0 and second.unchanged == first.new
    with Store(db) as store:
        assert store.counts()["events"] == first.events
        countries = {e.location.country for e in store.events() if e.location}
    assert {"CD", "SO", "NG", "IQ"} <= countries


def test_bad_documents_do_not_stop_a_batch(tmp_path: Path, settings) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed two soldiers in Mosul on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "Rebels shelled Goma."}\n{not json\n',
                                        encoding="utf-8")  # fmt: skip
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    db = str(tmp_path / "x.db")
    summary = pipeline.run([str(tmp_path)], db, published="2024-05-07", settings=settings)
    assert summary.new == 2  # good.txt and the first JSONL line
    assert any("bad.jsonl:2" in e for e in summary.errors)
    assert any("empty.txt" in e for e in summary.errors)
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        assert len(store.errors()) >= 2


def test_a_failing_stage_is_reported_and_the_rest_goes_on(monkeypatch, settings) -> None:
    from strife import events as events_stage
    from strife import ingest

    real = events_stage.extract_events

    def flaky(doc, article):  # noqa: ANN001, ANN202
        if "Goma" in article.text:
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(events_stage, "extract_events", flaky)
    arts = [ingest.article_from_text(t, published="2024-05-07") for t in
            ["Rebels shelled Goma on Monday.", "Gunmen killed two soldiers in Mosul on Monday."]]  # fmt: skip
    results: list[Result] = list(pipeline.process(arts, settings))
    assert "events failed: RuntimeError: boom" in results[0].errors[0]
    assert results[1].events and not results[1].errors


def test_long_documents_are_cut_with_a_note(settings) -> None:
    from dataclasses import replace

    small = replace(settings, max_chars="200")
    r = pipeline.extract("Gunmen killed two soldiers in Mosul. " * 20, settings=small)
    assert len(r.article.text) == 200
    assert any("max_chars" in e for e in r.errors)


def test_citation_marks_are_split_from_the_word_before() -> None:
    from strife import nlp

    doc = next(nlp.parse(["Coalition aircraft.[2] struck the depot in 2015[14], officials said."]))
    words = [t.text for t in doc]
    assert words[:4] == ["Coalition", "aircraft", ".", "[2]"]
    assert "2015" in words and "[14]" in words
    assert any(e.label_ == "MILITARY_PLATFORM" and e.text.endswith("aircraft") for e in doc.ents)
