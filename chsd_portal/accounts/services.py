from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from chsd_portal import roles


@transaction.atomic
def member_sign_up(*, form) -> object:
    """Create the account from a valid sign-up form and make it a community member."""
    user = form.save()
    user.groups.add(Group.objects.get(name=roles.MEMBER))
    return user


def account_unlock(*, username: str) -> int:
    """Forget the failed sign-ins for a username, so a lockout ends now (after a password reset,
    the owner has proved they hold the account's e-mail). Returns how many records were removed."""
    return axes_reset(username=username)


def user_with_role(*, username: str, role: str, password: str, **fields):
    """Create or update a user holding exactly one role (used by demo data and tests)."""
    user, _created = get_user_model().objects.update_or_create(username=username, defaults=fields)
    user.set_password(password)
    user.save()
    user.groups.set([Group.objects.get(name=role)])
    return user
