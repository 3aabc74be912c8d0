"""The gallery's share of `make bench`: the time to ingest 30 photos of 2000×1500 (content checks,
EXIF orientation, 8 derivatives each, private original, rows) as a ratio to Pillow merely
decoding the same 30 files in the same run; the album it fills is the one whose page
`bench/run.py` then drives (visitor).

Prints one JSON line: {"album": pk, "decode_s", "ingest_s", "ratio"}.
Run through `bench/run.py` (it points Django at the separate `chsd_bench` database and at
media folders of its own).
"""

import datetime as dt
import io
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chsd_portal.settings.prod")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from gallery.demo.drawing import photo_bytes  # noqa: E402
from gallery.models import Album  # noqa: E402
from gallery.services.delete import album_delete  # noqa: E402
from gallery.services.ingest import photo_ingest  # noqa: E402

TITLE = "bench: 30 photos of 2000×1500"
COUNT, WIDTH, HEIGHT = 30, 2000, 1500


def main() -> None:
    for old in Album.objects.filter(title=TITLE):
        album_delete(album=old)
    files = [
        photo_bytes(WIDTH, HEIGHT, seed=seed, taken=dt.datetime(2021, 4, 5, 9, seed)) for seed in range(COUNT)
    ]

    started = time.perf_counter()
    for data in files:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    decode = time.perf_counter() - started

    album = Album.objects.create(title=TITLE, date=dt.date(2021, 4, 5), status=Album.Status.PUBLISHED)
    started = time.perf_counter()
    for number, data in enumerate(files):
        name = f"bench-{number:02d}.jpg"
        photo_ingest(album=album, upload=SimpleUploadedFile(name, data, content_type="image/jpeg"), name=name)
    ingest = time.perf_counter() - started
    print(json.dumps({"album": album.pk, "decode_s": decode, "ingest_s": ingest, "ratio": ingest / decode}))


if __name__ == "__main__":
    main()
