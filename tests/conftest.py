"""Shared fixtures: settings that keep every file strife builds inside a test folder,
the spaCy pipeline and the gazetteer (each built or loaded once per session), and the
databases the storage tests run on.

``db_url`` runs a test on SQLite and on PostgreSQL. PostgreSQL is the database named by
the environment variable STRIFE_TEST_PG (an SQLAlchemy URL of a database the tests may
empty; ``. .ci/postgres.sh`` starts a throw-away server and sets it). Without it the
PostgreSQL runs are skipped, with the reason; with CI_REQUIRE_PG=1 (set by CI) they fail
instead, so a CI machine without PostgreSQL cannot pass by skipping."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strife.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "helicopter-idlib.txt"
SAMPLES = ROOT / "samples"
PG_ENV = "STRIFE_TEST_PG"
REQUIRE_PG_ENV = "CI_REQUIRE_PG"


def pg_url() -> str:
    """The test PostgreSQL URL; skips the test (fails it under CI_REQUIRE_PG=1) without one."""
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    if os.environ.get(REQUIRE_PG_ENV) == "1":
        pytest.fail(
            f"{REQUIRE_PG_ENV}=1 but {PG_ENV} is not set: PostgreSQL did not start "
            "(see .ci/postgres.sh)",
            pytrace=False,
        )
    pytest.skip(f"PostgreSQL not available: set {PG_ENV} (`. .ci/postgres.sh` starts one)")


def reset_database(url: str) -> None:
    """Empty the database at ``url``: a SQLite file is deleted, a server's tables dropped."""
    from sqlalchemy import MetaData, create_engine

    from strife.store import to_url

    full = to_url(url)
    if full.startswith("sqlite"):
        path = full.removeprefix("sqlite:///")
        if full != "sqlite://" and path:
            for suffix in ("", "-wal", "-shm"):
                Path(path + suffix).unlink(missing_ok=True)
        return
    engine = create_engine(full.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        md = MetaData()
        md.reflect(engine)
        md.drop_all(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, then the PostgreSQL test database."""
    if request.param == "sqlite":
        return str(tmp_path / "strife.db")
    url = pg_url()
    reset_database(url)
    return url


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
