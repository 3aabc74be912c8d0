"""The cache the board's rate limits count in when no Redis or Memcached is at hand: Django's
DatabaseCache, made safe for counting from many processes and servers at once.

Why not plain DatabaseCache: django-ratelimit needs a cache that every process shares and that
increments atomically, and its documentation says Django's database backend does not (its
incr() reads the value, adds one in Python and writes it back, so two workers that read 4 at
the same instant both write 5 and a burst slips past the limit). Its incr() also rewrites the
expiry with the default timeout, ending a ten-minute window after five, and past MAX_ENTRIES
it evicts live rows, which resets their counts during a flood from many addresses.

This backend changes exactly those three things and keeps everything else (the table made by
`createcachetable`, `add`, `get`, the pickled values), so django-ratelimit counts in it as it
would in Redis. Redis or Memcached remain the better choice where they exist (README)."""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone


class RateLimitDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        """Add `delta` under a row lock (SELECT … FOR UPDATE): concurrent increments of one key
        wait for each other, so none is lost. The expiry is left as `add` set it."""
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"SELECT value, expires FROM {table} WHERE cache_key = %s FOR UPDATE", [key])
            row = cursor.fetchone()
            if row is None or row[1] < timezone.now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [encoded, key])
        return value

    def _cull(self, db, cursor, now, num):
        """Only expired counters go: a live one evicted early would let its address post again."""
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        cursor.execute(
            f"DELETE FROM {table} WHERE expires < %s", [connection.ops.adapt_datetimefield_value(now)]
        )
