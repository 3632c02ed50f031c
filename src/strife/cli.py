"""The ``strife`` command: each command parses its options and calls one function."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import StrifeError
from .settings import Settings

FORMATS_EVENTS = ["table", "csv", "json", "jsonl", "geojson"]


def _settings(db: str | None = None) -> Settings:
    s = Settings()
    if db:
        s.db = db
    return s


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="strife")
def main() -> None:
    """strife: news articles in, a geocoded, source-traced database of conflict events out.

    \b
    Example:
      strife run samples/ --db strife.db
      strife events --db strife.db --format table
    """


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one pretty object per document; jsonl: one line each.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--no-clean", is_flag=True,
              help="Keep plain text exactly as given (no boilerplate removal), so offsets match it.")
def extract(files: tuple[str, ...], fmt: str, published: str | None, no_clean: bool) -> None:
    """Extract events from FILES (files, folders, or - for stdin) and print contract JSON.

    \b
    Example:
      strife extract samples/drc-beni-clash.txt --published 2026-03-02
      strife extract --format jsonl --no-clean - < articles.jsonl > events.jsonl
    """
    from . import ingest, pipeline

    settings = _settings()
    bad = 0

    def articles():  # noqa: ANN202
        nonlocal bad
        for item in ingest.read_paths(list(files), published=published):
            if isinstance(item, Exception):
                bad += 1
                click.echo(f"error: {item}", err=True)
                continue
            yield item

    try:
        for result in pipeline.process(articles(), settings, do_clean=not no_clean):
            for err in result.errors:
                click.echo(f"warning: {err}", err=True)
            d = result.to_dict()
            if fmt == "jsonl":
                click.echo(json.dumps(d, ensure_ascii=False))
            else:
                click.echo(json.dumps(d, ensure_ascii=False, indent=2))
    except StrifeError as exc:
        _fail(exc)
    if bad:
        click.echo(f"{bad} document(s) could not be read (see the errors above)", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="SQLite file or database URL.  [default: strife.db]")
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run(paths: tuple[str, ...], db: str | None, published: str | None, quiet: bool) -> None:
    """Ingest PATHS, extract events and store them in the database.

    Running the same input twice changes nothing; bad documents are reported and
    recorded in the doc_errors table while the rest go on.

    \b
    Example:
      strife run samples/ --db strife.db
      strife run news/2026-03/ --db sqlite:///march.db --published 2026-03-31
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from . import pipeline

    settings = _settings(db)
    progress = Progress(
        TextColumn("[bold]strife run"), BarColumn(), TextColumn("{task.completed} documents"),
        TimeElapsedColumn(), disable=quiet, transient=False, console=_stderr_console(),
    )  # fmt: skip
    with progress:
        task = progress.add_task("run", total=None)
        try:
            summary = pipeline.run(
                list(paths), settings.db, published=published, settings=settings,
                on_progress=lambda done, _t: progress.update(task, completed=done),
            )  # fmt: skip
        except StrifeError as exc:
            _fail(exc)
            return
    for err in summary.errors:
        click.echo(f"warning: {err}", err=True)
    click.echo(
        f"{summary.read} document(s) read: {summary.new} new, {summary.unchanged} already stored, "
        f"{len(summary.errors)} problem(s); {summary.events} event(s) stored in {settings.db}; "
        f"{summary.incidents} incident(s) new or updated"
    )
    click.echo(f"See them with: strife events --db {settings.db} (incidents: strife incidents)")


def _stderr_console():  # noqa: ANN202
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@click.option("--db", help="SQLite file or database URL.  [default: strife.db]")
@click.option("--country", help="ISO 3166-1 alpha-2 code of the event location, e.g. SY.")
@click.option("--since", help="Earliest event date (YYYY-MM-DD), inclusive.")
@click.option("--until", help="Latest event date (YYYY-MM-DD), inclusive.")
@click.option("--type", "event_type", help="Event type or sub-event type, e.g. Battles or 'Air/drone strike'.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_EVENTS), default="table", show_default=True)
def events(db: str | None, country: str | None, since: str | None, until: str | None,
           event_type: str | None, limit: int | None, fmt: str) -> None:  # fmt: skip
    """List stored events, filtered, as a table, CSV, JSON, JSONL or GeoJSON.

    \b
    Example:
      strife events --db strife.db --country SY --since 2026-01-01 --format csv > syria.csv
      strife events --type "Air/drone strike" --format geojson > strikes.geojson
    """
    from .export import write_events
    from .store import Store

    settings = _settings(db)
    if not (settings.db.startswith(("sqlite", "postgres")) or Path(settings.db).exists()):
        _fail(StrifeError(f"no database at {settings.db}; create one with: strife run PATH --db {settings.db}"))
    try:
        with Store(settings.db) as store:
            found = store.events(country=country, since=since, until=until,
                                 event_type=event_type, limit=limit)  # fmt: skip
    except (StrifeError, ValueError) as exc:
        _fail(exc)
        return
    write_events(found, fmt, sys.stdout)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--no-clean", is_flag=True, help="Keep plain text exactly as given.")
def explain(files: tuple[str, ...], published: str | None, no_clean: bool) -> None:
    """Show each document with its events' fields and the spans they came from highlighted.

    \b
    Example:
      strife explain samples/somalia-afgoye-ied.txt --published 2026-03-02
    """
    from . import ingest, pipeline
    from .explain import render

    console = _stdout_console()
    try:
        for item in ingest.read_paths(list(files), published=published):
            if isinstance(item, Exception):
                click.echo(f"error: {item}", err=True)
                continue
            render(next(pipeline.process([item], _settings(), do_clean=not no_clean)), console)
    except StrifeError as exc:
        _fail(exc)


def _stdout_console():  # noqa: ANN202
    from rich.console import Console

    return Console(highlight=False)


@main.group()
def gazetteer() -> None:
    """Build or inspect the offline gazetteer.

    \b
    Example:
      strife gazetteer build
      strife gazetteer build --geonames ~/geonames/
    """


@gazetteer.command("build")
@click.option("--geonames", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with GeoNames dump files (allCountries.txt or citiesN.txt, "
                   "admin1CodesASCII.txt, admin2Codes.txt) to import for full coverage.")  # fmt: skip
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the gazetteer file.")
def gazetteer_build(geonames: Path | None, out: Path | None) -> None:
    """Pack the gazetteer into one SQLite file (done on first use otherwise).

    \b
    Example:
      strife gazetteer build --geonames ~/Downloads/geonames/
    """
    from . import gazetteer as gz

    path = out or _settings().gazetteer_path
    try:
        written = gz.build(path, geonames_dir=geonames, progress=True)
    except StrifeError as exc:
        _fail(exc)
        return
    click.echo(f"gazetteer written to {written} ({written.stat().st_size / 1e6:.1f} MB)")


@main.command("settings")
def settings_cmd() -> None:
    """Show every setting, its current value and what it does.

    \b
    Example:
      STRIFE_SPACY_MODEL=en_core_web_md strife settings
    """
    current = Settings()
    for name, default, help_ in Settings.describe():
        value = getattr(current, name)
        if name == "api_token" and value:
            value = "(set, not shown)"
        click.echo(f"{name} = {value!r}  (default {default!r}, env STRIFE_{name.upper()})")
        click.echo(f"    {help_}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="SQLite file or database URL (postgresql://user@host/strife).  [default: strife.db]")
@click.option("--workers", type=click.IntRange(min=0),
              help="Worker processes of a Dask cluster on this machine (0 = one per core).  [default: 0]")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://HOST:8786) to use instead.")
@click.option("--partition-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Articles per Dask task.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch(inputs: tuple[str, ...], db: str | None, workers: int | None, scheduler: str | None,
          partition_size: int, published: str | None, quiet: bool) -> None:  # fmt: skip
    """Like run, but on Dask workers: INPUTS split into partitions and processed in parallel.

    A cluster of one worker process per core is started on this machine, unless
    --scheduler names a running Dask scheduler. Resumable: started again after a
    crash or a kill, it processes only the articles not stored yet. Bad documents are
    recorded in the doc_errors table and reported at the end. See docs/scale.md.

    \b
    Example:
      strife batch news/ --db strife.db --workers 2
      strife batch archive/*.jsonl --db postgresql://strife@dbhost/strife --scheduler tcp://10.0.0.5:8786
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import batch as batch_mod

    settings = _settings(db)
    progress = Progress(
        TextColumn("[bold]strife batch"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
        TimeElapsedColumn(), disable=quiet, transient=False, console=_stderr_console(),
    )  # fmt: skip
    with progress:
        task = progress.add_task("batch", total=None)
        try:
            summary = batch_mod.run(
                list(inputs), settings.db, published=published, settings=settings,
                workers=workers, scheduler=scheduler, partition_size=partition_size,
                on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            )  # fmt: skip
        except StrifeError as exc:
            _fail(exc)
            return
    for err in summary.errors[: batch_mod.SHOWN_ERRORS]:
        click.echo(f"warning: {err}", err=True)
    if len(summary.errors) > batch_mod.SHOWN_ERRORS:
        click.echo(f"warning: ... and {len(summary.errors) - batch_mod.SHOWN_ERRORS} more "
                   "(all are in the doc_errors table)", err=True)  # fmt: skip
    rate = (summary.new + summary.failed) / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"{summary.read} document(s) read: {summary.new} new, {summary.unchanged} already stored, "
        f"{summary.failed} not stored, {len(summary.errors)} problem(s); {summary.events} event(s) "
        f"stored in {settings.db}, {summary.incidents} incident(s) linked"
    )
    peak = max(summary.worker_peak_mb.values(), default=0.0)
    click.echo(f"{summary.workers} worker(s), {summary.seconds:.1f} s, {rate:.1f} documents/s, "
               f"peak memory per worker {peak:.0f} MB")  # fmt: skip
    click.echo(f"See them with: strife events --db {settings.db}")



@main.command()
@click.option("--db", help="SQLite file or database URL.  [default: strife.db]")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the REST API (OpenAPI at /docs) and the analyst desk (map, timeline,
    filters, event table, evidence) in the browser, offline.

    Writes (POST /api/articles) need the api_token setting (STRIFE_API_TOKEN).

    \b
    Example:
      strife serve --db strife.db
      STRIFE_API_TOKEN=$(openssl rand -hex 16) strife serve --db strife.db --port 8080
    """
    from .serve import serve as run_server

    settings = _settings(db)
    if not (settings.db.startswith(("sqlite", "postgres")) or Path(settings.db).exists()):
        _fail(StrifeError(f"no database at {settings.db}; create one with: strife run PATH --db {settings.db}"))
    try:
        run_server(settings.db, host=host, port=port, settings=settings)
    except StrifeError as exc:
        _fail(exc)


@main.command()
@click.option("--db", help="SQLite file or database URL.  [default: strife.db]")
@click.option("--country", help="ISO 3166-1 alpha-2 code of the incident location, e.g. SY.")
@click.option("--since", help="Earliest incident date (YYYY-MM-DD), inclusive.")
@click.option("--until", help="Latest incident date (YYYY-MM-DD), inclusive.")
@click.option("--type", "event_type", help="Event type or sub-event type, e.g. Battles or 'Air/drone strike'.")
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only incidents with at least this many reports (2 = seen in more than one).")
@click.option("--limit", type=int, help="At most this many incidents.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_EVENTS), default="table", show_default=True)
def incidents(db: str | None, country: str | None, since: str | None, until: str | None,
              event_type: str | None, min_reports: int, limit: int | None, fmt: str) -> None:  # fmt: skip
    """List incidents: reports of one real event across articles, linked by strife run,
    with reconciled deaths (best, low, high), date and place, and every source.

    \b
    Example:
      strife incidents --db strife.db --min-reports 2
      strife incidents --country SO --since 2026-03 --format json > somalia.json
    """
    from .export import write_incidents
    from .store import Store

    settings = _settings(db)
    if not (settings.db.startswith(("sqlite", "postgres")) or Path(settings.db).exists()):
        _fail(StrifeError(f"no database at {settings.db}; create one with: strife run PATH --db {settings.db}"))
    try:
        with Store(settings.db) as store:
            found = store.incidents(country=country, since=since, until=until, event_type=event_type,
                                    min_reports=min_reports, limit=limit)  # fmt: skip
    except (StrifeError, ValueError) as exc:
        _fail(exc)
        return
    write_incidents(found, fmt, sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    main()
