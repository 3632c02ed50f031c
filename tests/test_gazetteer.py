"""The packed gazetteer: build, lookups, the project's tables and GeoNames dump import."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from strife import gazetteer as gzmod
from strife.gazetteer import Gazetteer, build, normalize
from strife.settings import Settings


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gazetteer built from the package data per test session."""
    return build(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", progress=False)


@pytest.fixture(scope="session")
def gz(gazetteer_path: Path) -> Gazetteer:
    return Gazetteer.open(Settings(gazetteer=str(gazetteer_path)))


def test_normalize_folds_case_accents_articles_and_dots() -> None:
    assert normalize("The Gaza Strip") == "gaza strip"
    assert normalize("U.S.") == "us"
    assert normalize("Ḩalab") == "halab"
    assert normalize("al-Hol") == "al hol"
    assert normalize("St. John's") == "saint johns"


def test_open_is_cached_per_path(gazetteer_path: Path) -> None:
    s = Settings(gazetteer=str(gazetteer_path))
    assert Gazetteer.open(s) is Gazetteer.open(s)


def test_country_points_are_geonames_points(gz: Gazetteer) -> None:
    ca = gz.country("CA")
    assert ca is not None and ca.feature_code == "PCLI"
    # GeoNames' point for Canada, not a polygon centroid
    assert (round(ca.lat, 2), round(ca.lon, 2)) == (60.11, -113.64)
    assert gz.country("sy").name == "Syria"


def test_cities_admin_and_alternate_names(gz: Gazetteer) -> None:
    aleppo = [c for c in gz.lookup("Aleppo") if c.kind == "city"][0]
    assert (
        aleppo.country == "SY" and abs(aleppo.lat - 36.20) < 0.1 and aleppo.population > 1_000_000
    )
    halab = gz.lookup("Halab")
    assert any(c.geonameid == aleppo.geonameid for c in halab)  # an alternate name
    idlib = gz.admin1("Idlib", "SY")
    assert idlib is not None and idlib.iso == "SY-ID" and idlib.kind == "admin1"
    assert gz.admin1("Idlib Governorate", "SY").id == idlib.id
    assert gz.by_iso("SY-ID").id == idlib.id
    assert any(c.kind == "admin1" for c in gz.lookup("Idlib province"))
    county = gz.lookup("Metcalfe County")
    assert county and county[0].kind == "admin2" and county[0].admin1 == "Kentucky"


def test_curated_facilities_and_arabic_article_variants(gz: Gazetteer) -> None:
    for name in ("Hmeimim Air Base", "Khmeimim", "Hemeimim Air Base"):
        c = gz.lookup(name)[0]
        assert c.country == "SY" and c.feature_code == "AIRB"
        assert abs(c.lat - 35.40) < 0.05 and abs(c.lon - 35.95) < 0.05
    assert gz.lookup("al-Hol camp")[0].name == gz.lookup("Hol camp")[0].name == "al-Hol camp"
    assert gz.lookup("Bab al-Hawa")[0].feature_code == "PSTB"
    assert gz.lookup("Gulf of Aden")[0].kind == "water"
    assert any(c.kind == "region" for c in gz.lookup("Middle East"))


def test_demonyms_and_abbreviations(gz: Gazetteer) -> None:
    russian = gz.lookup("Russian")
    assert russian[0].country == "RU" and russian[0].match == gzmod.DEMONYM
    assert gz.lookup("Canadian")[0].country == "CA"
    assert not any(c.match == gzmod.DEMONYM for c in gz.lookup("Kurdish"))
    us = gz.lookup("U.S.")[0]
    assert us.country == "US" and us.kind == "country"
    ky = gz.lookup("Ky.")[0]
    assert ky.iso == "US-KY" and ky.kind == "admin1"
    bc = gz.lookup("B.C.")[0]
    assert bc.iso == "CA-BC"
    assert [c for c in gz.lookup("KY") if c.match == gzmod.ABBR][0].mode == "after_comma"


def test_lookup_speed(gz: Gazetteer) -> None:
    names = ["Paris", "Idlib", "Springfield", "Xyzzyville", "Washington", "al-Bab"] * 50
    gz._cache.clear()
    t = time.perf_counter()
    for n in names[:6]:
        gz.lookup(n)
    cold = (time.perf_counter() - t) / 6
    assert cold < 0.01  # uncached, indexed SQLite
    t = time.perf_counter()
    for n in names:
        gz.lookup(n)
    assert (time.perf_counter() - t) / len(names) < 0.001


def _write(path: Path, rows: list[list[object]]) -> None:
    path.write_text("".join("\t".join(str(x) for x in r) + "\n" for r in rows), encoding="utf-8")


def _geonames_row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fcl: str,
    fcode: str,
    cc: str,
    a1: str,
    a2: str,
    pop: int,
) -> list[object]:
    # the 19 columns of allCountries.txt / citiesN.txt
    return [
        gid,
        name,
        name,
        alts,
        lat,
        lon,
        fcl,
        fcode,
        cc,
        "",
        a1,
        a2,
        "",
        "",
        pop,
        "",
        100,
        "Asia/Damascus",
        "2024-01-01",
    ]


def test_geonames_dump_import(tmp_path: Path) -> None:
    d = tmp_path / "geonames"
    d.mkdir()
    _write(
        d / "allCountries.txt",
        [
            _geonames_row(
                99000001,
                "Qaryat Tajriba",
                "Tajriba Village,Qaryat at Tajriba",
                35.1,
                36.9,
                "P",
                "PPL",
                "SY",
                "12",
                "169388",
                2300,
            ),
            _geonames_row(99000002, "Tiny Hamlet", "", 35.2, 36.8, "P", "PPL", "SY", "12", "", 40),
            _geonames_row(
                169387,
                "Idlib Governorate",
                "Muhafazat Idlib",
                35.75,
                36.67,
                "A",
                "ADM1",
                "SY",
                "12",
                "",
                1500000,
            ),
            _geonames_row(99000003, "Wadi Tajriba", "", 35.0, 37.0, "H", "WAD", "SY", "12", "", 0),
        ],
    )
    _write(d / "admin1CodesASCII.txt", [["SY.12", "Idlib", "Idlib", 169387]])
    _write(d / "admin2Codes.txt", [["SY.12.169388", "Idlib District", "Idlib District", 169388]])
    _write(
        d / "alternateNamesV2.txt",
        [
            [1, 99000001, "en", "Testhamlet of Tajriba", "", "", "", "", "", ""],
            [2, 99000001, "link", "https://example.org/x", "", "", "", "", "", ""],
        ],
    )
    path = build(tmp_path / "g.sqlite", geonames_dir=d, progress=False)
    gz = Gazetteer(path)
    town = gz.lookup("Qaryat Tajriba")[0]
    assert (town.geonameid, town.country, town.admin1, town.admin2) == (
        99000001,
        "SY",
        "Idlib",
        "Idlib District",
    )
    assert (town.lat, town.lon, town.population) == (35.1, 36.9, 2300)
    assert gz.lookup("Tajriba Village")[0].geonameid == 99000001  # alternatenames column
    assert gz.lookup("Testhamlet of Tajriba")[0].geonameid == 99000001  # alternateNamesV2
    assert gz.lookup("Tiny Hamlet") == []  # under 500 people
    assert gz.lookup("Wadi Tajriba") == []  # feature code not kept
    idlib = gz.admin1("Idlib", "SY")
    assert (idlib.lat, idlib.lon) == (35.75, 36.67)  # the dump's ADM1 point wins
    assert gz.country("SY") is not None  # package countries still there
    gz.close()


def test_dump_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(gzmod.GazetteerError, match="allCountries"):
        build(tmp_path / "x.sqlite", geonames_dir=tmp_path, progress=False)


def test_stale_file_is_rebuilt(tmp_path: Path) -> None:
    path = build(tmp_path / "g.sqlite", progress=False)
    gz = Gazetteer(path)
    assert gz.meta["fingerprint"] == gzmod.fingerprint()
    gz.close()
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'old' WHERE key = 'fingerprint'")
    db.commit()
    db.close()
    fresh = Gazetteer.open(Settings(gazetteer=str(path)))
    assert fresh.meta["fingerprint"] == gzmod.fingerprint()


def test_subdivision_aliases_and_conflict_regions(gz: Gazetteer) -> None:
    arakan = [c for c in gz.lookup("Arakan") if c.kind == "admin1"]
    assert arakan and arakan[0].iso == "MM-16"
    assert any(c.iso == "BD-B" for c in gz.lookup("Chittagong Division"))
    assert gz.lookup("Northern Shan State")[0].country == "MM"
    assert any(c.country == "GB" and c.kind == "facility" for c in gz.lookup("Heathrow"))


def test_actor_regions_table_is_consistent(gz: Gazetteer) -> None:
    from strife import actors, geo_actors

    names = {e.name for e in actors.actor_entries()}
    for row in geo_actors.rows():
        assert row.kind in ("actor", "phrase")
        if row.kind == "actor":
            assert row.key in names, f"actor_regions.tsv: {row.key!r} is no actor"
        assert geo_actors.region_candidate(gz, row) is not None, f"no region {row.region!r}"
