"""Roles are Django groups. The groups are created by a migration; each app grants its own
permissions to them by calling `grant()` from its `ready()`, and the grants are applied after
every `migrate` (when the permissions themselves exist)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

MEMBER = "member"
MENTOR = "mentor"
STAFF = "staff"
ADMIN = "admin"

ROLE_LABELS = {
    MEMBER: _("community member"),
    MENTOR: _("mentor"),
    STAFF: _("programme staff"),
    ADMIN: _("administrator"),
}
ALL_ROLES = list(ROLE_LABELS)

_grants: dict[str, set[str]] = defaultdict(set)


def grant(role: str, *permissions: str) -> None:
    """Give a role permissions named "app_label.codename" (applied by `sync_role_permissions`)."""
    if role not in ROLE_LABELS:
        raise ValueError(f"unknown role {role!r}")
    _grants[role].update(permissions)


def sync_role_permissions(sender, **kwargs) -> None:
    """post_migrate: make each role's group hold exactly the permissions the apps grant it.

    Django sends post_migrate once per app, each app creating its own permissions; the sync
    runs once, after the last app, when every permission exists."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label != last_app.label:
        return
    by_name = {
        f"{permission.content_type.app_label}.{permission.codename}": permission
        for permission in Permission.objects.select_related("content_type")
    }
    for role in ALL_ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set([by_name[name] for name in _grants.get(role, ()) if name in by_name])


def has_role(user, role: str) -> bool:
    """Whether the user holds the role (superusers hold every role)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return role in cache


def is_admin(user) -> bool:
    return has_role(user, ADMIN)


def is_staff_member(user) -> bool:
    """Programme staff or admin: those who edit programme content."""
    return has_role(user, STAFF) or has_role(user, ADMIN)
