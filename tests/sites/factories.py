"""factory_boy factories for sites: places (codes with a letter, so they never clash with the real
geography a test may also load), sites with mentors, capacity components, reports and scores.

- `SiteFactory(mentors=[user, ...])` assigns mentors; `SiteFactory(no_point=True)` has no
  coordinates.
- `CapacityReportFactory(submitted=True)` is submitted; `ComponentScoreFactory` scores one
  component of a report.
"""

import datetime as dt
import importlib
from decimal import Decimal

import factory
from django.utils import timezone

from sites.models import (
    CapacityComponent,
    CapacityReport,
    ComponentScore,
    District,
    Province,
    Site,
    Subdistrict,
)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"{chr(65 + n // 10 % 26)}{n % 10}")
    name_th = factory.Sequence(lambda n: f"จังหวัดทดสอบ {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    code = factory.Sequence(lambda n: f"D{n:03d}")
    province = factory.SubFactory(ProvinceFactory)
    name_th = factory.Sequence(lambda n: f"อำเภอทดสอบ {n}")


class SubdistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subdistrict

    code = factory.Sequence(lambda n: f"S{n:05d}")
    district = factory.SubFactory(DistrictFactory)
    name_th = factory.Sequence(lambda n: f"ตำบลทดสอบ {n}")
    latitude = Decimal("12.610000")
    longitude = Decimal("102.100000")


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        skip_postgeneration_save = True

    class Params:
        no_point = factory.Trait(latitude=None, longitude=None)

    subdistrict = factory.SubFactory(SubdistrictFactory)
    story = "ชุมชนเกษตรกรรมริมแม่น้ำ"
    latitude = Decimal("12.610000")
    longitude = Decimal("102.100000")
    status = Site.Status.ACTIVE

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentors.set(extracted)


class CapacityComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapacityComponent

    name = factory.Sequence(lambda n: f"ระบบทดสอบ {n}")
    order = factory.Sequence(lambda n: 100 + n)
    level_1 = "ยังไม่มี"
    level_2 = "เริ่มมี"
    level_3 = "มีบางส่วน"
    level_4 = "มีและใช้ต่อเนื่อง"
    level_5 = "เป็นแบบอย่าง"


class CapacityReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapacityReport

    class Params:
        submitted = factory.Trait(
            status=CapacityReport.Status.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )

    site = factory.SubFactory(SiteFactory)
    number = factory.Sequence(lambda n: n + 1)
    report_date = dt.date(2018, 2, 20)
    strengths = "อสม. เข้มแข็ง"


class ComponentScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComponentScore

    report = factory.SubFactory(CapacityReportFactory)
    component = factory.SubFactory(CapacityComponentFactory)
    score = 3
    narrative = "มีฐานข้อมูลของตำบล"


def ensure_capacity_components() -> list[CapacityComponent]:
    """The five components the migration adds, added again when a transactional test's flush
    has emptied the table; returns the active components in order."""
    from django.apps import apps

    importlib.import_module("sites.migrations.0004_capacity_components").add_components(apps, None)
    return list(CapacityComponent.objects.filter(is_active=True).order_by("order", "pk"))
