"""What the search tests build: documents written straight into the index (for ranking and
page tests that need no app's content), and the reads the tests repeat."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser

from chsd_portal.search.models import SearchDocument
from chsd_portal.search.registry import Document, Source
from chsd_portal.search.selectors import search as selectors
from chsd_portal.search.services.index import _row, _write

TEST_SOURCE = Source(kind="tests.page", label="หน้าทดสอบ", model=SearchDocument, build=lambda obj: None)


def indexed(key, title, body="", *, date: dt.date | None = None, public=True, reader_ids=(), kind=None):
    """A document of the test kind (or `kind`), indexed as any source's would be."""
    source = (
        TEST_SOURCE
        if kind is None
        else Source(kind=kind, label=kind, model=SearchDocument, build=lambda o: None)
    )
    _write(
        [
            _row(
                source,
                key,
                Document(
                    title=title, url=f"/t/{key}/", body=body, date=date, public=public, reader_ids=reader_ids
                ),
            )
        ]
    )
    return SearchDocument.objects.get(kind=source.kind, object_key=str(key))


def found(query: str, user=None, kind=None) -> list[tuple[str, str]]:
    """(kind, title) of every document `query` finds for `user` (a visitor by default), best first."""
    parsed = selectors.Query.parse(query)
    if parsed is None:
        return []
    return list(selectors.ranked(user or AnonymousUser(), parsed, kind).values_list("kind", "title"))


def found_titles(query: str, user=None) -> list[str]:
    return [title for _kind, title in found(query, user)]
