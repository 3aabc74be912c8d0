"""factory_boy factories shared by every test module."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from chsd_portal import roles
from programmes.models import Approach, Indicator, Outcome, Programme

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "ทดสอบ"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role="staff") puts the user in that role's group."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


def user_in_role(role: str | None, **kwargs):
    """A user holding `role`, or an anonymous-equivalent None for visitors."""
    if role is None:
        return None
    return UserFactory(role=role, **kwargs)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

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


ALL_ROLES = [None, roles.MEMBER, roles.MENTOR, roles.STAFF, roles.ADMIN]
