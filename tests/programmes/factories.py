"""factory_boy factories for programmes: programmes and their lists, frameworks, activities,
measurements, projects and their lists, warning reviews, and provinces to place projects in.

The variants the test modules need are traits, not subclasses:

- `ProgrammeFactory(home=True)`: the programme on the home page (the guide's pages read it).
- `ProjectFactory(list_page=True)`: a published project of 1 Dec 2017 - 31 Dec 2018 with a
  budget of 300,000.00 and an organisation, as the project list shows it; `BudgetPeriodFactory`
  and `ProjectLocationFactory` take the same trait (a year's period of 100,000.00; a province
  of its own).
- `ProjectFactory(warning_checks=True)`: the same dates and budget, no periods, coded 60-ข-…;
  `BudgetPeriodFactory(warning_checks=True)` is its first third (100,000.00, 1 Dec - 31 Mar).
"""

import datetime as dt
from decimal import Decimal

import factory

from programmes.models import (
    Activity,
    Approach,
    BudgetPeriod,
    Framework,
    Indicator,
    IndicatorMeasurement,
    Outcome,
    ProblemSituation,
    Programme,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
    WarningReview,
)
from programmes.services.projects import budget_shares
from sites.models import Province
from tests.factories import UserFactory

# --- The programme and its lists ---------------------------------------------------------------


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    class Params:
        home = factory.Trait(on_home_page=True)

    name = factory.Sequence(lambda n: f"แผนงานพัฒนาระบบสุขภาพชุมชน {n}")
    objective = "เพื่อสนับสนุนองค์กร ภาคี เครือข่ายในการพัฒนาระบบสุขภาพชุมชน"
    goal_quantitative = "ไม่น้อยกว่าร้อยละ 10 ของจำนวนตำบลทั้งหมด"
    goal_qualitative = "เกิดชุดความรู้สำคัญ"
    on_home_page = False


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    programme = factory.SubFactory(ProgrammeFactory)
    position = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"ตัวชี้วัดที่ {n + 1}")


class ApproachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Approach

    programme = factory.SubFactory(ProgrammeFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"แนวทางที่ {n + 1}")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    programme = factory.SubFactory(ProgrammeFactory)
    path = factory.Sequence(lambda n: [n + 1])
    text = factory.Sequence(lambda n: f"ผลลัพธ์ที่ {n + 1}")


# --- The guide: frameworks, activity plans, measurements ---------------------------------------


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    programme = factory.SubFactory(ProgrammeFactory, home=True)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"การสร้างกลไกการดูแลสุขภาพ {n + 1}")
    body = "ผลักดันให้เกิดกระบวนการในการสร้างกลไกและระบบสุขภาพกลุ่มประชากรสำคัญในชุมชน"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    framework = factory.SubFactory(FrameworkFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"ประชุมเชิงปฏิบัติการครั้งที่ {n + 1}")
    start_date = dt.date(2017, 10, 1)
    end_date = dt.date(2017, 12, 31)
    responsible = "ทีมพี่เลี้ยง"
    budget = Decimal("10000.00")
    status = Activity.Status.PLANNED


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorMeasurement

    indicator = factory.SubFactory(
        IndicatorFactory, programme=factory.SubFactory(ProgrammeFactory, home=True)
    )
    measured_on = factory.Sequence(lambda n: dt.date(2018, 1, 1) + dt.timedelta(days=30 * n))
    value = Decimal("10")
    note = ""


# --- Projects and their lists -----------------------------------------------------------------


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"{n % 100:02d}")
    name_th = factory.Sequence(lambda n: f"จังหวัดทดสอบ{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    class Params:
        list_page = factory.Trait(
            name=factory.Sequence(lambda n: f"โครงการพัฒนาระบบสุขภาพชุมชนตำบลตัวอย่าง {n}"),
            code=factory.Sequence(lambda n: f"61-ค-{n:04d}"),
            organisation="สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์",
            start_date=dt.date(2017, 12, 1),
            end_date=dt.date(2018, 12, 31),
            budget=Decimal("300000.00"),
        )
        warning_checks = factory.Trait(
            name=factory.Sequence(lambda n: f"โครงการพัฒนาระบบสุขภาพชุมชนตำบลทดสอบ {n}"),
            code=factory.Sequence(lambda n: f"60-ข-{n:04d}"),
            start_date=dt.date(2017, 12, 1),
            end_date=dt.date(2018, 12, 31),
            budget=Decimal("300000.00"),
        )

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"โครงการพัฒนาระบบสุขภาพชุมชน {n}")
    code = factory.Sequence(lambda n: f"61-ค-{n + 100:03d}")
    start_date = dt.date(2018, 1, 1)
    end_date = dt.date(2018, 12, 31)
    budget = Decimal("100000.00")
    status = Project.Status.PUBLISHED


class BudgetPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetPeriod

    class Params:
        list_page = factory.Trait(
            project=factory.SubFactory(ProjectFactory, list_page=True),
            end_date=dt.date(2018, 12, 31),
            amount=Decimal("100000.00"),
        )
        warning_checks = factory.Trait(
            project=factory.SubFactory(ProjectFactory, warning_checks=True),
            start_date=dt.date(2017, 12, 1),
            end_date=dt.date(2018, 3, 31),
            report_start=None,
            report_end=None,
            amount=Decimal("100000.00"),
        )

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = dt.date(2018, 1, 1)
    end_date = dt.date(2018, 6, 30)
    amount = Decimal("0.00")


class ProblemSituationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProblemSituation

    project = factory.SubFactory(ProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"สถานการณ์ปัญหาที่ {n + 1}")
    size = "ร้อยละ 30"


class ProjectObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectObjective

    project = factory.SubFactory(ProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    objective = factory.Sequence(lambda n: f"วัตถุประสงค์ที่ {n + 1}")
    indicators = "-ตัวชี้วัด"
    problem_size = "10 คน"
    target_one_year = "20 คน"


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"กลุ่มเป้าหมาย {n + 1}")
    planned = 10
    actual = 8


class ProjectLocationFactory(factory.django.DjangoModelFactory):
    """Needs the `geography` fixture: takes the first province unless given one (or, with
    `list_page=True`, a province of its own)."""

    class Meta:
        model = ProjectLocation

    class Params:
        list_page = factory.Trait(
            project=factory.SubFactory(ProjectFactory, list_page=True),
            province=factory.SubFactory(ProvinceFactory),
        )

    project = factory.SubFactory(ProjectFactory)
    province = factory.LazyFunction(lambda: Province.objects.order_by("code").first())
    area_type = ProjectLocation.AreaType.RURAL


class WarningReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WarningReview

    project = factory.SubFactory(ProjectFactory, warning_checks=True)
    kind = WarningReview.Kind.BUDGET_MISMATCH
    fingerprint = "stale"
    note = "ตรวจสอบกับเอกสารแล้ว"
    reviewed_by = factory.SubFactory(UserFactory, role="admin")


# --- Projects with periods, built in one call ---------------------------------------------------


def project_with_periods(periods: int = 3, **kwargs) -> Project:
    """A project whose periods split its dates without overlapping and add up to its budget,
    so it carries no warning."""
    project = ProjectFactory(list_page=True, **kwargs)
    days = (project.end_date - project.start_date).days + 1
    amounts = budget_shares(project.budget, periods)
    start = project.start_date
    for number in range(1, periods + 1):
        last = number == periods
        end = project.end_date if last else start + dt.timedelta(days=days // periods - 1)
        BudgetPeriodFactory(
            list_page=True,
            project=project,
            number=number,
            start_date=start,
            end_date=end,
            report_start=end,
            report_end=end + dt.timedelta(days=30),
            amount=amounts[number - 1],
        )
        start = end + dt.timedelta(days=1)
    return project


def project_with_clean_periods(**kwargs) -> Project:
    """A project whose three periods fit its dates, touch without overlapping and add up."""
    project = ProjectFactory(warning_checks=True, **kwargs)
    for number, (start, end) in enumerate(
        [
            (dt.date(2017, 12, 1), dt.date(2018, 3, 31)),
            (dt.date(2018, 4, 1), dt.date(2018, 8, 31)),
            (dt.date(2018, 9, 1), dt.date(2018, 12, 31)),
        ],
        start=1,
    ):
        BudgetPeriodFactory(
            warning_checks=True,
            project=project,
            number=number,
            start_date=start,
            end_date=end,
            report_start=end,
            report_end=end + dt.timedelta(days=30),
            amount=project.budget / 3,
        )
    return project


def bulk_projects(count: int, *, programme=None, prefix: str = "B", mismatch_every: int = 1) -> list[Project]:
    """`count` projects with three clean periods each, made in two INSERTs (for the size
    tests); every `mismatch_every`-th one has its last period 1,000.00 short of the budget."""
    programme = programme or ProgrammeFactory()
    projects = Project.objects.bulk_create(
        Project(
            programme=programme,
            name=f"โครงการทดสอบจำนวนมาก {prefix}{n:05d}",
            code=f"{prefix}{n:05d}",
            start_date=dt.date(2017, 12, 1),
            end_date=dt.date(2018, 12, 31),
            budget=Decimal("300000.00"),
            status=Project.Status.PUBLISHED,
        )
        for n in range(count)
    )
    bounds = [
        (dt.date(2017, 12, 1), dt.date(2018, 3, 31)),
        (dt.date(2018, 4, 1), dt.date(2018, 8, 31)),
        (dt.date(2018, 9, 1), dt.date(2018, 12, 31)),
    ]
    BudgetPeriod.objects.bulk_create(
        BudgetPeriod(
            project=project,
            number=number,
            start_date=start,
            end_date=end,
            amount=Decimal("99000.00")
            if number == 3 and index % mismatch_every == 0
            else Decimal("100000.00"),
        )
        for index, project in enumerate(projects)
        for number, (start, end) in enumerate(bounds, start=1)
    )
    return projects
