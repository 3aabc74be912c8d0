from axes.utils import reset as axes_reset
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
