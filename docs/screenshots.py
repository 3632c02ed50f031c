"""Re-make the desk screenshots in docs/img/ from the bundled samples.

    python docs/screenshots.py

Runs `strife run samples/` into a temporary database, serves it on 127.0.0.1 and
photographs the main screens in headless Chromium (Debian's `chromium`, driven by
Playwright for Python). Nothing is fetched from the network.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from strife import pipeline
    from strife.serve import create_app
    from strife.settings import Settings

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.db")
        pipeline.run([str(ROOT / "samples")], db, published="2026-03-02")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        app = create_app(db, Settings(), allowed_hosts={"127.0.0.1", "localhost"})
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(base)
            page.wait_for_selector("#events tbody tr")
            time.sleep(1.0)  # let the map draw its markers
            page.screenshot(path=str(IMG / "desk.png"))
            page.select_option("select[name=type]", "Explosions/Remote violence")
            time.sleep(1.0)
            page.screenshot(path=str(IMG / "desk-filtered.png"))
            page.locator("#events tbody tr").first.locator("a").click()
            page.wait_for_selector(".article-text mark.evidence")
            time.sleep(0.5)
            page.screenshot(path=str(IMG / "event.png"), full_page=True)
            page.goto(base + "docs")
            page.wait_for_selector(".swagger-ui")
            time.sleep(1.0)
            page.screenshot(path=str(IMG / "api-docs.png"))
            browser.close()
        server.should_exit = True
    print(f"screenshots written to {IMG}")


if __name__ == "__main__":
    main()
