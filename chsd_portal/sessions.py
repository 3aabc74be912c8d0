"""Database sessions, read with one plain query.

Every signed-in request reads its session. Django's own store builds that lookup through the
ORM, which costs several times the query itself on a small server; this store sends the same
SQL directly and is otherwise Django's database store (writes, expiry, clearsessions)."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        key = self.session_key
        if not key:
            self._session_key = None
            return None
        model = self.model
        database = router.db_for_read(model, instance=None)
        with connections[database].cursor() as cursor:
            cursor.execute(
                f'SELECT session_data FROM "{model._meta.db_table}" WHERE session_key = %s AND expire_date > %s',
                [key, timezone.now()],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=key, session_data=row[0])
