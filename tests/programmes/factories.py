"""Factories for projects and the lists under them."""

import datetime as dt
from decimal import Decimal

import factory

from programmes.models import (
    BudgetPeriod,
    ProblemSituation,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)
from sites.models import Province
from tests.factories import ProgrammeFactory


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

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
    """Needs the `geography` fixture: takes the first province unless given one."""

    class Meta:
        model = ProjectLocation

    project = factory.SubFactory(ProjectFactory)
    province = factory.LazyFunction(lambda: Province.objects.order_by("code").first())
    area_type = ProjectLocation.AreaType.RURAL
