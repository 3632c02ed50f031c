"""Shared fixtures: settings that keep every file strife builds inside a test folder,
the spaCy pipeline and the gazetteer (each built or loaded once per session)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strife.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "helicopter-idlib.txt"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the gazetteer once per session in a temporary folder, never in ~/.cache."""
    cache = tmp_path_factory.mktemp("strife-cache")
    os.environ["STRIFE_CACHE_DIR"] = str(cache)
    return cache


@pytest.fixture(scope="session")
def settings(_isolated_cache: Path) -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extract(settings: Settings):  # noqa: ANN201
    """strife.extract bound to the test settings."""
    from strife.pipeline import extract as _extract

    def run(text: str, published: str | None = None, **kw):  # noqa: ANN003, ANN202
        return _extract(text, published=published, settings=settings, **kw)

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("reference article not available: ../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")
