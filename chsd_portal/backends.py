"""Authentication backend that loads the user and their roles in one query.

Every signed-in request reads the user; nearly every page then asks for the user's roles
(menu entries, edit buttons, permission checks). Reading both together saves a query on each
of those requests, and the roles are read afresh on every request, so a role taken away
applies at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg


class RoleAwareModelBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = User._default_manager.annotate(
                role_list=ArrayAgg("groups__name", distinct=True, default=[])
            ).get(pk=user_id)
        except User.DoesNotExist:
            return None
        user._role_names = {name for name in user.role_list if name}
        return user if self.user_can_authenticate(user) else None
