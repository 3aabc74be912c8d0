"""The programme's three tambons of seed 000 (เกาะขวาง, ตะกาดเง้า, ท่าโสม), their mentors and
capacity report ครั้งที่ 1 with its key organisations, read from demo/sites.json. Idempotent: a site or report already there
is left as it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import CapacityComponent, CapacityReport, KeyOrganisation, Site, Subdistrict
from ..services.capacity import capacity_report_save
from ..services.sites import site_save

DATA = Path(__file__).with_name("sites.json")


@transaction.atomic
def load_demo_sites(*, password=None, stdout=None) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    users = {user.username: user for user in get_user_model().objects.all()}
    components = list(CapacityComponent.objects.filter(is_active=True).order_by("order", "pk"))
    created = 0
    for row in data["sites"]:
        subdistrict = Subdistrict.objects.get(code=row["code"])
        site = Site.objects.filter(subdistrict=subdistrict).first()
        if site is None:
            site = site_save(
                site=Site(subdistrict=subdistrict, story=row["story"], status=Site.Status.ACTIVE),
                mentors=[users[name] for name in row["mentors"] if name in users],
            )
            created += 1
        if not CapacityReport.objects.filter(site=site).exists():
            report_row = row["report"]
            report = CapacityReport(
                site=site,
                author=users.get(row["mentors"][0]),
                report_date=dt.date.fromisoformat(report_row["date"]),
                **{key: report_row[key] for key in ("social_capital", "strengths", "gaps", "plan")},
            )
            capacity_report_save(
                report=report,
                scores=[
                    {"component": component, "score": score, "narrative": narrative}
                    for component, (score, narrative) in zip(components, report_row["scores"], strict=False)
                ],
                submit=True,
            )
            report.submitted_at = timezone.make_aware(dt.datetime.combine(report.report_date, dt.time(16, 0)))
            report.save(update_fields=["submitted_at"])
            for organisation in report_row["key_organisations"]:
                KeyOrganisation.objects.create(report=report, **organisation)
    if stdout is not None:
        stdout.write(f"sites: {created} created")
