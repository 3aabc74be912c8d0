"""Factories for projects, budget periods and warning reviews (the warnings' tests)."""

import datetime as dt
from decimal import Decimal

import factory

from programmes.models import BudgetPeriod, Project, WarningReview
from tests.factories import ProgrammeFactory, UserFactory
from tests.programmes import factories as factories_projects


class ProjectFactory(factories_projects.ProjectFactory):
    """A project of 1 Dec 2017 - 31 Dec 2018 with a budget of 300,000.00 and no periods."""

    name = factory.Sequence(lambda n: f"โครงการพัฒนาระบบสุขภาพชุมชนตำบลทดสอบ {n}")
    code = factory.Sequence(lambda n: f"60-ข-{n:04d}")
    start_date = dt.date(2017, 12, 1)
    end_date = dt.date(2018, 12, 31)
    budget = Decimal("300000.00")


class BudgetPeriodFactory(factories_projects.BudgetPeriodFactory):
    project = factory.SubFactory(ProjectFactory)
    start_date = dt.date(2017, 12, 1)
    end_date = dt.date(2018, 3, 31)
    report_start = None
    report_end = None
    amount = Decimal("100000.00")


def project_with_clean_periods(**kwargs) -> Project:
    """A project whose three periods fit its dates, touch without overlapping and add up."""
    project = ProjectFactory(**kwargs)
    for number, (start, end) in enumerate(
        [
            (dt.date(2017, 12, 1), dt.date(2018, 3, 31)),
            (dt.date(2018, 4, 1), dt.date(2018, 8, 31)),
            (dt.date(2018, 9, 1), dt.date(2018, 12, 31)),
        ],
        start=1,
    ):
        BudgetPeriodFactory(
            project=project,
            number=number,
            start_date=start,
            end_date=end,
            report_start=end,
            report_end=end + dt.timedelta(days=30),
            amount=project.budget / 3,
        )
    return project


class WarningReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WarningReview

    project = factory.SubFactory(ProjectFactory)
    kind = WarningReview.Kind.BUDGET_MISMATCH
    fingerprint = "stale"
    note = "ตรวจสอบกับเอกสารแล้ว"
    reviewed_by = factory.SubFactory(UserFactory, role="admin")


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
