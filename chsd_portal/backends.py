"""Authentication backend that loads the user and their roles in one query.

Every signed-in request reads the user; nearly every page then asks for the user's roles
(menu entries, edit buttons, permission checks). Reading both together (the group names as
one array beside the user's row) saves a query on each of those requests, and the roles are
read afresh on every request, so a role taken away applies at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q


class RoleAwareModelBackend(ModelBackend):
    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.filter(pk=user_id)
            .annotate(role_list=ArrayAgg("groups__name", filter=Q(groups__isnull=False)))
            .first()
        )
        if user is None:
            return None
        user._role_names = set(user.role_list or ())
        return user if self.user_can_authenticate(user) else None
