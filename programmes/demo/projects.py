"""Demo projects: project 60-ข-087 exactly as seed 001 shows it (with its budget warning), and a
few projects of the home-page programme in its tambons เกาะขวาง, ตะกาดเง้า and ท่าโสม, all read
from projects.json beside this module.

Idempotent: a project whose code exists is left as it is (staff may have edited it since).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from sites.models import Province, Subdistrict

from ..models import (
    BudgetPeriod,
    ProblemSituation,
    Programme,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)
from ..selectors.programme import home_programme

BANGKOK = ZoneInfo("Asia/Bangkok")
DATA = json.loads((Path(__file__).resolve().parent / "projects.json").read_text(encoding="utf-8"))
SEED_CODE = DATA["seed_project"]["code"]


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _bangkok(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


def _location(province_name: str, subdistrict_name: str, area_type: str) -> ProjectLocation | None:
    """A location found by Thai names, or None when the geography is not loaded."""
    if subdistrict_name:
        subdistrict = (
            Subdistrict.objects.select_related("district__province")
            .filter(name_th=subdistrict_name, district__province__name_th=province_name)
            .first()
        )
        if subdistrict is None:
            return None
        return ProjectLocation(
            province=subdistrict.district.province,
            district=subdistrict.district,
            subdistrict=subdistrict,
            area_type=area_type,
        )
    province = Province.objects.filter(name_th=province_name).first()
    if province is None:
        return None
    return ProjectLocation(province=province, area_type=area_type)


def _create_periods(project: Project, periods: list[dict]) -> None:
    """A project's budget periods; a period without its own report window reports over itself.
    One create() each, not bulk_create, so each period gets its history record."""
    for period in periods:
        BudgetPeriod.objects.create(
            project=project,
            number=period["number"],
            start_date=_d(period["start"]),
            end_date=_d(period["end"]),
            report_start=_d(period.get("report_start", period["start"])),
            report_end=_d(period.get("report_end", period["end"])),
            amount=Decimal(period["amount"]),
        )


def _load_seed_project() -> Project | None:
    seed = DATA["seed_project"]
    if Project.objects.filter(code=seed["code"]).exists():
        return None
    programme, _created = Programme.objects.get_or_create(
        name=seed["programme"], defaults={"on_home_page": False}
    )
    project = Project.objects.create(
        programme=programme,
        code=seed["code"],
        name=seed["name"],
        organisation=seed["organisation"],
        start_date=_d(seed["start"]),
        end_date=_d(seed["end"]),
        budget=Decimal(seed["budget"]),
        lead_name=seed["lead_name"],
        area=seed["area"],
        rationale="\n".join(seed["rationale"]),
        status=Project.Status.PUBLISHED,
    )
    location = _location(seed["province"], "", "")
    if location is not None:
        location.project = project
        location.save()
    _create_periods(project, seed["periods"])
    for position, objective in enumerate(seed["objectives"], start=1):
        ProjectObjective.objects.create(
            project=project,
            position=position,
            objective=objective["objective"],
            indicators="\n".join(objective["indicators"]),
        )
    # auto_now_add ignores a given value: set when it entered the system afterwards.
    Project.objects.filter(pk=project.pk).update(created_at=_bangkok(seed["created"]))
    return project


def _load_home_project(spec: dict, programme: Programme, users: dict) -> Project | None:
    """One project of the home programme; its report windows are its periods themselves."""
    if Project.objects.filter(code=spec["code"]).exists():
        return None
    latitude, longitude = spec["coordinates"] or (None, None)
    tambons = spec["tambons"]
    project = Project.objects.create(
        programme=programme,
        code=spec["code"],
        name=spec["name"],
        organisation=spec["organisation"],
        responsible_organisation=spec["organisation"],
        start_date=_d(spec["start"]),
        end_date=_d(spec["end"]),
        approved_on=_d(spec["start"]) - dt.timedelta(days=14),
        funding_source=spec["funding_source"],
        budget=Decimal(spec["budget"]),
        lead_name=spec["lead_name"],
        mentor=users.get(spec["mentor"]),
        area=" ".join(
            f"ตำบล{t['subdistrict']}" if t["subdistrict"] else f"จังหวัด{t['province']}" for t in tambons
        ),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        rationale="\n".join(problem["description"] for problem in spec["problems"]),
        status=spec["status"],
    )
    for tambon in tambons:
        location = _location(tambon["province"], tambon["subdistrict"], tambon["area_type"])
        if location is not None:
            location.project = project
            location.save()
    _create_periods(project, spec["periods"])
    for position, objective in enumerate(spec["objectives"], start=1):
        ProjectObjective.objects.create(project=project, position=position, **objective)
    for group in spec["target_groups"]:
        TargetGroup.objects.create(project=project, **group)
    for position, problem in enumerate(spec["problems"], start=1):
        ProblemSituation.objects.create(project=project, position=position, **problem)
    Project.objects.filter(pk=project.pk).update(created_at=_bangkok(spec["created"]))
    return project


def load_demo_projects(*, password: str, stdout=None) -> None:
    """Project 60-ข-087 of seed 001, and the home-page programme's projects (one a draft)."""
    _load_seed_project()
    programme = home_programme()
    if programme is None:
        return
    specs = DATA["home_projects"]
    wanted = {spec["mentor"] for spec in specs if spec["mentor"]}
    users = {user.username: user for user in get_user_model().objects.filter(username__in=wanted)}
    for spec in specs:
        _load_home_project(spec, programme, users)
