"""Factories for frameworks, activities and indicator measurements (the guide pages)."""

import datetime as dt
from decimal import Decimal

import factory

from programmes.models import Activity, Framework, IndicatorMeasurement
from tests.factories import IndicatorFactory, ProgrammeFactory


class HomeProgrammeFactory(ProgrammeFactory):
    on_home_page = True


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    programme = factory.SubFactory(HomeProgrammeFactory)
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

    indicator = factory.SubFactory(IndicatorFactory, programme=factory.SubFactory(HomeProgrammeFactory))
    measured_on = factory.Sequence(lambda n: dt.date(2018, 1, 1) + dt.timedelta(days=30 * n))
    value = Decimal("10")
    note = ""
