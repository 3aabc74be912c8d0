"""Users and roles for every app's tests (factory_boy). Each app's own factories are in
tests/<app>/factories.py (tests/programmes/factories.py, ...)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from chsd_portal import roles

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


ALL_ROLES = [None, roles.MEMBER, roles.MENTOR, roles.STAFF, roles.ADMIN]
