"""Photos drawn with Pillow for the demo albums, the tests and the benchmark: a sky and ground,
shapes, and grain, so they encode to sizes like real photos' (a flat picture would make every
byte budget pass for nothing). The same seed always draws the same picture."""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw

EXIF_IFD = 0x8769


def draw_photo(width: int, height: int, *, seed: int = 0, grain: int = 28) -> Image.Image:
    rng = random.Random(seed)
    sky = tuple(rng.randint(90, 200) for _ in range(3))
    ground = tuple(rng.randint(40, 150) for _ in range(3))
    gradient = Image.new("RGB", (1, 2))
    gradient.putpixel((0, 0), sky)
    gradient.putpixel((0, 1), ground)
    image = gradient.resize((width, height), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(image)
    for _ in range(24):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        w, h = rng.randint(width // 40, width // 8), rng.randint(height // 20, height // 4)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    if grain:
        size = (max(1, width // 2), max(1, height // 2))
        # Seeded (Image.effect_noise is not), so the same seed gives the same bytes.
        noise = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
        noise = noise.point([max(0, min(255, 128 + (v - 128) * grain // 64)) for v in range(256)])
        noise = noise.resize((width, height))
        image = Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.18)
    return image


def photo_bytes(
    width: int,
    height: int,
    *,
    seed: int = 0,
    fmt: str = "JPEG",
    taken: dt.datetime | None = None,
    orientation: int | None = None,
    gps: bool = False,
    grain: int = 28,
    quality: int = 85,
) -> bytes:
    """A drawn photo encoded as a camera would write it, with EXIF when asked."""
    image = draw_photo(width, height, seed=seed, grain=grain)
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(EXIF_IFD)[36867] = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[306] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if orientation is not None:
        exif[274] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (12.0, 36.0, 36.0), 3: "E", 4: (102.0, 6.0, 0.0)}
    out = io.BytesIO()
    options = {"quality": quality} if fmt in ("JPEG", "WEBP") else {}
    if len(exif):
        options["exif"] = exif.tobytes()
    image.save(out, fmt, **options)
    return out.getvalue()
