"""Workshops ปฏิบัติการที่ 1–3 of each demo site, as a mentor logged them (demo/workshops.json).
Idempotent: a site that already has workshops is left as it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from sites.models import Site

from ..models import Workshop
from ..services.workshops import workshop_save

DATA = Path(__file__).with_name("workshops.json")


@transaction.atomic
def load_demo_workshops(*, password=None, stdout=None) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))["workshops"]
    sites = Site.objects.with_place().prefetch_related("mentors").filter(subdistrict__code__in=list(data))
    created = 0
    for site in sites:
        if site.workshops.exists():
            continue
        mentors = list(site.mentors.all())
        rows = data[site.code]
        for index, row in enumerate(rows):
            following = rows[index + 1]["date"] if index + 1 < len(rows) else None
            workshop = Workshop(
                site=site,
                author=mentors[0] if mentors else None,
                date=dt.date.fromisoformat(row["date"]),
                next_date=dt.date.fromisoformat(following) if following else None,
                **{key: row[key] for key in ("place", "agenda", "minutes", "outcomes", "next_steps")},
            )
            workshop_save(workshop=workshop, mentors_present=mentors, counts=row["attendance"])
            created += 1
    if stdout is not None:
        stdout.write(f"workshops: {created} created")
