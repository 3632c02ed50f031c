"""The desk in a real headless Chromium (Playwright for Python) against a uvicorn
server on 127.0.0.1 started here: loading, filtering, the timeline brush, the
event page's highlighted evidence, and article text that tries to run script.

One browser and one server for the module. Skipped only when Chromium is not
installed (CI's .ci/run installs it: apt-get install chromium)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; CI installs it)"
)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from strife.serve import create_app  # noqa: E402
from strife.settings import Settings  # noqa: E402
from strife.store import Store  # noqa: E402
from test_api import results  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("ui") / "ui.db"
    with Store(str(db)) as st:
        st.write_many(results())
    app = create_app(str(db), Settings(), allowed_hosts={"127.0.0.1", "localhost"})
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))

    def on_dialog(d):  # noqa: ANN001, ANN202
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    # Anything but this server is an error: the desk must work offline.
    pg.route(lambda url: not url.startswith(server), lambda route: route.abort())
    pg.goto(server)
    pg.wait_for_selector("body[data-state=ready]")
    pg.wait_for_selector("body[data-basemap=ready]")
    yield pg
    ctx.close()


ROWS = "#events tbody tr"


def test_desk_loads_map_timeline_and_table(page: Page):
    expect(page.locator(ROWS)).to_have_count(5)
    assert page.get_attribute("body", "data-points") == "4"  # the undated one has no place
    assert page.locator("#map canvas").count() >= 1  # basemap and markers
    assert page.locator("#timeline rect.bar").count() == 3
    expect(page.locator("#summary")).to_contain_text("5 events from 4 articles")
    assert page.locator("#events tbody tr").first.locator("td").first.inner_text() == "2024-04-20"
    assert page.problems == []  # type: ignore[attr-defined]


def test_filters_narrow_map_and_table(page: Page):
    page.select_option("select[name=country]", "SY")
    expect(page.locator(ROWS)).to_have_count(2)
    expect(page.locator("body")).to_have_attribute("data-points", "2")
    assert "country=SY" in page.url
    page.fill("input[name=q]", "market")
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("Air/drone strike")
    page.click("#reset")
    expect(page.locator(ROWS)).to_have_count(5)
    page.select_option("select[name=hedged]", "true")
    expect(page.locator(ROWS)).to_have_count(2)
    page.click("th[data-sort=fatalities]")  # sorting by a column header
    expect(page.locator("th.sorted")).to_have_text("Killed")
    assert page.problems == []  # type: ignore[attr-defined]


def test_timeline_brush_filters_map_and_table(page: Page):
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # the days run 2024-03-04 .. 2024-04-20: the first quarter holds the March events
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, y, steps=5)
    page.mouse.up()
    expect(page.locator(ROWS)).to_have_count(3)
    expect(page.locator("body")).to_have_attribute("data-points", "3")
    assert "since=2024-03-04" in page.url
    expect(page.locator("input[name=since]")).to_have_value("2024-03-04")
    page.click("#clear-brush")
    expect(page.locator(ROWS)).to_have_count(5)


def test_event_page_highlights_the_evidence(page: Page):
    page.fill("input[name=q]", "market")
    expect(page.locator(ROWS)).to_have_count(1)
    page.locator(ROWS).first.locator("a").click()
    page.wait_for_selector(".source mark.evidence")
    src = page.locator(".source")
    expect(src).to_have_count(1)
    evidence = "".join(page.locator(".article-text mark.evidence").all_inner_texts())
    assert evidence == "An air strike hit a market in Idlib on Saturday, killing nine people."
    assert page.locator(".article-text mark.trigger").inner_text() == "air strike"
    fields = page.locator("dl.fields").inner_text()
    for value in (
        "Air/drone strike",
        "Military Forces of Syria",
        "35.93, 36.63",
        "best 9",
        "0.7",
        "169388",
    ):
        assert value in fields, value
    page.click("text=back to events")
    expect(page.locator(ROWS)).to_have_count(1)  # the filters are kept
    assert page.problems == []  # type: ignore[attr-defined]


def test_article_markup_renders_as_inert_text(page: Page, server: str):
    page.fill("input[name=q]", "slogans")
    expect(page.locator(ROWS)).to_have_count(1)
    page.locator(ROWS).first.locator("a").click()
    page.wait_for_selector(".source mark.evidence")
    text = page.locator(".article-text").inner_text()
    assert '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert "onerror=alert(2)" in page.locator(".source h2").inner_text()
    assert page.locator(".source img, .source script, #event img").count() == 0
    assert page.locator(".source a[href^=javascript]").count() == 0  # javascript: URL dropped
    page.wait_for_timeout(200)
    assert page.dialogs == []  # type: ignore[attr-defined]
    # the same through the map popup and the table
    page.goto(server + "#/?country=IQ")
    expect(page.locator(ROWS)).to_have_count(1)
    assert page.dialogs == [] and page.problems == []  # type: ignore[attr-defined]
