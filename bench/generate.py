"""Generate the benchmark's data set: 10,000 projects with about 3 periods, 3 objectives and
2 locations each, under a few programmes, about one in ten with a budget warning; and 100 sites
with 20 workshops each (2,000), 3 attendance rows per workshop.

Run through `bench/run.py` (it points Django at the separate `chsd_bench` database).
"""

import datetime as dt
import os
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chsd_portal.settings.prod")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from meetings.models import Attendance, Workshop  # noqa: E402
from programmes.models import (  # noqa: E402
    BudgetPeriod,
    Programme,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)
from programmes.services.projects import budget_shares  # noqa: E402
from sites.models import Site, Subdistrict  # noqa: E402

PROJECTS = int(os.environ.get("BENCH_PROJECTS", "10000"))
SITES, WORKSHOPS_PER_SITE = 100, 20
WORDS = [
    "โครงการ", "สนับสนุน", "การปฏิรูป", "ระบบสร้างเสริมสุขภาพ", "ชุมชน", "ท้องถิ่น", "ผู้สูงอายุ",
    "เด็กและเยาวชน", "กองทุนหลักประกันสุขภาพ", "อาสาสมัคร", "การเฝ้าระวังโรค", "ตำบล", "เครือข่าย",
    "พัฒนาศักยภาพ", "แผนสุขภาพ", "ธรรมนูญสุขภาพ", "ผู้ป่วยเรื้อรัง", "อาหารปลอดภัย", "ภาคใต้ตอนบน",
]  # fmt: skip
ORGANISATIONS = [
    "สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ (สนส. ม.อ.)",
    "วิทยาลัยพยาบาลพระปกเกล้า จันทบุรี",
    "สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 11",
    "องค์การบริหารส่วนตำบลเกาะขวาง",
    "โรงพยาบาลส่งเสริมสุขภาพตำบลท่าโสม",
]


@transaction.atomic
def generate_sites() -> None:
    """100 sites on the first sub-districts with coordinates, each with 20 workshops."""
    if Site.objects.count() >= SITES:
        print(f"sites present: {Site.objects.count():,}")
        return
    subdistricts = Subdistrict.objects.exclude(latitude=None).exclude(site__isnull=False).order_by("code")
    sites = Site.objects.bulk_create(
        [
            Site(subdistrict=sub, latitude=sub.latitude, longitude=sub.longitude, story="ชุมชนเกษตรกรรม")
            for sub in subdistricts[: SITES - Site.objects.count()]
        ]
    )
    start = dt.date(2018, 1, 1)
    workshops = Workshop.objects.bulk_create(
        [
            Workshop(site=site, number=n, date=start + dt.timedelta(days=14 * n), place="ห้องประชุม อบต.")
            for site in sites
            for n in range(1, WORKSHOPS_PER_SITE + 1)
        ],
        batch_size=5000,
    )
    Attendance.objects.bulk_create(
        [
            Attendance(workshop=workshop, organisation_type=kind, count=count)
            for workshop in workshops
            for kind, count in (("lao", 4), ("pcu", 3), ("volunteers", 9))
        ],
        batch_size=5000,
    )
    print(f"generated {len(sites):,} sites, {len(workshops):,} workshops")


def main() -> None:
    generate_sites()
    if Project.objects.count() >= PROJECTS:
        print(f"data set present: {Project.objects.count():,} projects")
        return
    rng = random.Random(20261122)
    subdistricts = list(
        Subdistrict.objects.select_related("district").values_list(
            "id", "district_id", "district__province_id"
        )
    )
    if not subdistricts:
        raise SystemExit("load the geography first: manage.py load_geography")
    with transaction.atomic():
        programmes = [Programme.objects.get_or_create(name=f"แผนงานทดสอบสมรรถนะ {n}")[0] for n in range(1, 5)]
        projects = []
        for n in range(PROJECTS):
            start = dt.date(2016, 10, 1) + dt.timedelta(days=rng.randrange(0, 365 * 8))
            projects.append(
                Project(
                    programme=rng.choice(programmes),
                    name=" ".join(rng.sample(WORDS, 5)) + f" {n}",
                    organisation=rng.choice(ORGANISATIONS),
                    code=f"B{n:05d}-{rng.choice('กขคง')}",
                    start_date=start,
                    end_date=start + dt.timedelta(days=rng.randrange(180, 720)),
                    budget=Decimal(rng.randrange(50, 2000) * 1000),
                    lead_name="นายทดสอบ สมรรถนะ",
                    area="จังหวัดจันทบุรี",
                    rationale="ความสำคัญของโครงการ " * 40,
                    status=Project.Status.PUBLISHED if rng.random() < 0.95 else Project.Status.DRAFT,
                )
            )
        Project.objects.bulk_create(projects, batch_size=2000)
        periods, objectives, locations, groups = [], [], [], []
        for project in projects:
            count = rng.choice((2, 3, 3, 4))
            span = (project.end_date - project.start_date).days // count
            amounts = budget_shares(project.budget, count)
            if rng.random() < 0.1:
                amounts[-1] = Decimal(0)  # about one in ten gets a budget warning
            for k in range(count):
                start = project.start_date + dt.timedelta(days=span * k)
                end = project.end_date if k == count - 1 else start + dt.timedelta(days=span - 1)
                periods.append(
                    BudgetPeriod(
                        project=project,
                        number=k + 1,
                        start_date=start,
                        end_date=end,
                        report_start=start,
                        report_end=end + dt.timedelta(days=30),
                        amount=amounts[k],
                    )
                )
            for k in range(3):
                objectives.append(
                    ProjectObjective(
                        project=project,
                        position=k + 1,
                        objective=f"เพื่อพัฒนากลไกคณะทำงานระดับตำบล ข้อ {k + 1}",
                        problem_size="ร้อยละ 30",
                        target_one_year="ร้อยละ 50",
                    )
                )
            for _ in range(2):
                sub, district, province = rng.choice(subdistricts)
                locations.append(
                    ProjectLocation(
                        project=project, province_id=province, district_id=district, subdistrict_id=sub
                    )
                )
            groups.append(
                TargetGroup(project=project, name="แกนนำชุมชน", planned=50, actual=rng.randrange(0, 60))
            )
        BudgetPeriod.objects.bulk_create(periods, batch_size=5000)
        ProjectObjective.objects.bulk_create(objectives, batch_size=5000)
        ProjectLocation.objects.bulk_create(locations, batch_size=5000)
        TargetGroup.objects.bulk_create(groups, batch_size=5000)
    print(
        f"generated {len(projects):,} projects, {len(periods):,} periods, "
        f"{len(objectives):,} objectives, {len(locations):,} locations"
    )


if __name__ == "__main__":
    main()
