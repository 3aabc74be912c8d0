"""Authentication backend that loads the user and their roles in one query.

Every signed-in request reads the user; nearly every page then asks for the user's roles
(menu entries, edit buttons, permission checks). Reading both together saves a query on each
of those requests, and the roles are read afresh on every request, so a role taken away
applies at once. The query is written out because building the same annotation with the ORM
costs more time in Python than the saved round trip."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class RoleAwareModelBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        user_table = User._meta.db_table
        groups = User._meta.get_field("groups")
        through = groups.remote_field.through._meta
        group_table = groups.related_model._meta.db_table
        sql = (
            "SELECT u.*, coalesce(array_agg(g.name) FILTER (WHERE g.name IS NOT NULL), '{}') AS role_list "
            f'FROM "{user_table}" u '
            f'LEFT JOIN "{through.db_table}" ug ON ug."{groups.m2m_column_name()}" = u."{User._meta.pk.column}" '
            f'LEFT JOIN "{group_table}" g ON g.id = ug."{groups.m2m_reverse_name()}" '
            f'WHERE u."{User._meta.pk.column}" = %s GROUP BY u."{User._meta.pk.column}"'
        )
        found = list(User._default_manager.raw(sql, [user_id]))
        if not found:
            return None
        user = found[0]
        user._role_names = set(user.role_list)
        return user if self.user_can_authenticate(user) else None
