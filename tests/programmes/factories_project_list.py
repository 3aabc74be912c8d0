"""Factories for the project list's tests: projects, their periods and locations, provinces."""

import datetime as dt
from decimal import Decimal

import factory

from programmes.models import Project
from programmes.services.projects import budget_shares
from sites.models import Province
from tests.programmes.factories import BudgetPeriodFactory, ProjectFactory, ProjectLocationFactory


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"{n % 100:02d}")
    name_th = factory.Sequence(lambda n: f"จังหวัดทดสอบ{n}")


class ListProjectFactory(ProjectFactory):
    """A published project of 1 Dec 2017 - 31 Dec 2018 with a budget of 300,000.00."""

    name = factory.Sequence(lambda n: f"โครงการพัฒนาระบบสุขภาพชุมชนตำบลตัวอย่าง {n}")
    code = factory.Sequence(lambda n: f"61-ค-{n:04d}")
    organisation = "สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์"
    start_date = dt.date(2017, 12, 1)
    end_date = dt.date(2018, 12, 31)
    budget = Decimal("300000.00")


class ListPeriodFactory(BudgetPeriodFactory):
    project = factory.SubFactory(ListProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = dt.date(2018, 1, 1)
    end_date = dt.date(2018, 12, 31)
    amount = Decimal("100000.00")


class ListLocationFactory(ProjectLocationFactory):
    project = factory.SubFactory(ListProjectFactory)
    province = factory.SubFactory(ProvinceFactory)


def project_with_periods(periods: int = 3, **kwargs) -> Project:
    """A project whose periods split its dates without overlapping and add up to its budget,
    so it carries no warning."""
    project = ListProjectFactory(**kwargs)
    days = (project.end_date - project.start_date).days + 1
    amounts = budget_shares(project.budget, periods)
    start = project.start_date
    for number in range(1, periods + 1):
        last = number == periods
        end = project.end_date if last else start + dt.timedelta(days=days // periods - 1)
        ListPeriodFactory(
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
