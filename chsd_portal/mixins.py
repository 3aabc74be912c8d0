"""Shared view mixins: role checks that answer 403 to signed-in users and send visitors to login."""

from django.contrib.auth.mixins import UserPassesTestMixin

from . import roles


class RoleRequiredMixin(UserPassesTestMixin):
    """Allow users holding any of `allowed_roles`."""

    allowed_roles: tuple[str, ...] = ()

    def test_func(self):
        return any(roles.has_role(self.request.user, role) for role in self.allowed_roles)


class StaffRequiredMixin(RoleRequiredMixin):
    allowed_roles = (roles.STAFF, roles.ADMIN)


class AdminRequiredMixin(RoleRequiredMixin):
    allowed_roles = (roles.ADMIN,)
