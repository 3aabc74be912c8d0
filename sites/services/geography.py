"""Writes for the geography reference data: loading GeoThai and the sub-district centroids."""

from __future__ import annotations

import csv
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import geothai
from django.db import transaction
from django.db.models import Count, Q

from ..collation import thai_sort_key
from ..models import District, Province, Subdistrict

CENTROIDS_CSV = Path(__file__).resolve().parent.parent / "data" / "thai_address_data.csv"

# Thailand's extent, with a margin: a centroid outside it is a data error, not a place.
_LATITUDES = (Decimal("5.0"), Decimal("21.0"))
_LONGITUDES = (Decimal("97.0"), Decimal("106.0"))
_NAME_PREFIXES = ("จังหวัด", "อำเภอ", "เขต", "ตำบล", "แขวง")


@dataclass(frozen=True)
class GeographyLoadResult:
    provinces: int
    districts: int
    subdistricts: int
    with_coordinates: int
    already_loaded: bool
    seconds: float

    def summary(self) -> str:
        counts = (
            f"{self.provinces:,} provinces, {self.districts:,} districts, "
            f"{self.subdistricts:,} sub-districts ({self.with_coordinates:,} with approximate coordinates)"
        )
        if self.already_loaded:
            return f"geography: already loaded, {counts}; checked in {self.seconds:.2f} s (--force reloads)"
        return f"geography: loaded {counts} in {self.seconds:.2f} s"


@dataclass(frozen=True)
class _GeoThaiData:
    provinces: tuple
    districts: tuple
    subdistricts: tuple


@lru_cache(maxsize=1)
def _geothai_data() -> _GeoThaiData:
    """Every area from GeoThai's public API (it lists districts per province, and so on)."""
    provinces = tuple(geothai.provinces())
    districts = tuple(d for p in provinces for d in geothai.districts(p.code))
    subdistricts = tuple(s for d in districts for s in geothai.subdistricts(d.code))
    return _GeoThaiData(provinces, districts, subdistricts)


def _name_key(name: str) -> str:
    name = "".join(unicodedata.normalize("NFC", name).split()).replace("-", "")
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def _coordinate(text: str, bounds: tuple[Decimal, Decimal]) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None  # the file writes "null" where it has no point
    return value if bounds[0] <= value <= bounds[1] else None


@lru_cache(maxsize=1)
def _centroids() -> dict[tuple[str, str, str], tuple[Decimal, Decimal]]:
    """(province, district, sub-district) name keys -> (latitude, longitude), from the vendored CSV."""
    centroids = {}
    with CENTROIDS_CSV.open(encoding="utf-8", newline="") as csv_file:
        for row in csv.DictReader(csv_file):
            latitude = _coordinate(row["latitude"], _LATITUDES)
            longitude = _coordinate(row["longitude"], _LONGITUDES)
            if latitude is None or longitude is None:
                continue
            key = (_name_key(row["province"]), _name_key(row["district"]), _name_key(row["subdistrict"]))
            centroids[key] = (latitude, longitude)
    return centroids


@dataclass(frozen=True)
class _PreparedRows:
    provinces: list[dict]
    districts: list[tuple[str, dict]]  # (province code, field values)
    subdistricts: list[tuple[str, dict]]  # (district code, field values)
    with_coordinates: int


@lru_cache(maxsize=1)
def _prepared_rows() -> _PreparedRows:
    """Field values for every area, computed once per process (the test fixture loads often)."""
    data = _geothai_data()
    centroids = _centroids()
    province_keys = {p.code: _name_key(p.name_th) for p in data.provinces}
    district_keys = {d.code: _name_key(d.name_th) for d in data.districts}

    def names(area) -> dict:
        return {
            "code": area.code,
            "name_th": area.name_th,
            "name_en": area.name_en,
            "sort_name": thai_sort_key(area.name_th),
        }

    subdistricts = []
    with_coordinates = 0
    for s in data.subdistricts:
        key = (province_keys[s.province_code], district_keys[s.district_code], _name_key(s.name_th))
        latitude, longitude = centroids.get(key, (None, None))
        with_coordinates += latitude is not None
        row = names(s) | {
            "postal_code": s.postal_codes[0] if s.postal_codes else "",
            "latitude": latitude,
            "longitude": longitude,
        }
        subdistricts.append((s.district_code, row))
    return _PreparedRows(
        provinces=[names(p) for p in data.provinces],
        districts=[(d.province_code, names(d)) for d in data.districts],
        subdistricts=subdistricts,
        with_coordinates=with_coordinates,
    )


def geography_counts() -> dict[str, int]:
    """What is stored now (three count queries)."""
    counts = Subdistrict.objects.aggregate(
        subdistricts=Count("pk"), with_coordinates=Count("pk", filter=Q(latitude__isnull=False))
    )
    counts["provinces"] = Province.objects.count()
    counts["districts"] = District.objects.count()
    return counts


def geography_is_loaded(counts: dict[str, int] | None = None) -> bool:
    """True when the tables hold as many areas as GeoThai lists (a quick check, no row compared)."""
    data = _geothai_data()
    counts = counts if counts is not None else geography_counts()
    return (
        counts["provinces"] >= len(data.provinces)
        and counts["districts"] >= len(data.districts)
        and counts["subdistricts"] >= len(data.subdistricts)
    )


def geography_load(*, force: bool = False) -> GeographyLoadResult:
    """Load GeoThai's provinces, districts and sub-districts, with approximate centroids.

    Rows are upserted by official code, so running it again changes nothing and a newer GeoThai
    renames areas in place. Without `force`, a count check skips the work when all is loaded.
    Areas that GeoThai no longer lists are kept: other tables may point at them.
    """
    started = time.perf_counter()
    if not force:
        counts = geography_counts()
        if geography_is_loaded(counts):
            return GeographyLoadResult(
                provinces=counts["provinces"],
                districts=counts["districts"],
                subdistricts=counts["subdistricts"],
                with_coordinates=counts["with_coordinates"],
                already_loaded=True,
                seconds=time.perf_counter() - started,
            )

    with transaction.atomic():
        rows = _upsert(_prepared_rows())
    return GeographyLoadResult(
        provinces=len(rows.provinces),
        districts=len(rows.districts),
        subdistricts=len(rows.subdistricts),
        with_coordinates=rows.with_coordinates,
        already_loaded=False,
        seconds=time.perf_counter() - started,
    )


def _upsert(rows: _PreparedRows) -> _PreparedRows:
    Province.objects.bulk_create(
        [Province(**row) for row in rows.provinces],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_th", "name_en", "sort_name"],
    )
    province_ids = dict(Province.objects.values_list("code", "pk"))
    District.objects.bulk_create(
        [District(province_id=province_ids[parent], **row) for parent, row in rows.districts],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["province", "name_th", "name_en", "sort_name"],
    )
    district_ids = dict(District.objects.values_list("code", "pk"))
    Subdistrict.objects.bulk_create(
        [Subdistrict(district_id=district_ids[parent], **row) for parent, row in rows.subdistricts],
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "district",
            "name_th",
            "name_en",
            "sort_name",
            "postal_code",
            "latitude",
            "longitude",
        ],
    )
    return rows
