"""The two albums of seeds 003 and 004 (demo/albums.json: titles, dates, descriptions and each
photo's pixel size as the seeds list them), with photos drawn to exactly those sizes and put
through the real ingest. The first is tied to เกาะขวาง, the second to project 60-ข-087.
Idempotent: an album's photos are found by their content, so a second run adds nothing."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from programmes.models import Project
from sites.models import Site

from ..models import Album
from ..services.albums import album_save
from ..services.ingest import photo_ingest
from .drawing import photo_bytes

DATA = Path(__file__).with_name("albums.json")
SEED_PROJECT = "60-ข-087"


@lru_cache(maxsize=128)
def _drawn(width: int, height: int, seed: int, taken: dt.datetime) -> bytes:
    """Drawn once per process: the test suite loads the demo several times."""
    return photo_bytes(width, height, seed=seed, taken=taken)


def load_demo_albums(*, password=None, stdout=None) -> None:
    staff = get_user_model().objects.filter(username="staff").first()
    added = 0
    for number, row in enumerate(json.loads(DATA.read_text(encoding="utf-8"))["albums"]):
        date = dt.date.fromisoformat(row["date"])
        album = Album.objects.filter(title=row["title"]).first()
        if album is None:
            album = album_save(
                album=Album(
                    title=row["title"],
                    date=date,
                    description=row["description"],
                    status=Album.Status.PUBLISHED,
                    site=Site.objects.filter(subdistrict__code=row["site"]).first()
                    if row.get("site")
                    else None,
                    project=Project.objects.filter(code=SEED_PROJECT).first() if number == 1 else None,
                ),
                user=staff,
            )
        if album.photos.count() >= len(row["photos"]):
            continue
        taken = dt.datetime.combine(date, dt.time(9, 0))
        for index, (width, height) in enumerate(row["photos"]):
            data = _drawn(
                width, height, int(row["seed"]) * 1000 + index, taken + dt.timedelta(minutes=7 * index)
            )
            name = f"photo-{row['seed']}-{index + 1:02d}.jpg"
            result = photo_ingest(
                album=album,
                upload=SimpleUploadedFile(name, data, content_type="image/jpeg"),
                name=name,
                uploaded_by=staff,
            )
            added += not result.duplicate
    if stdout is not None:
        stdout.write(f"albums: {added} photos added\n")
