"""Writes to the search index: one object after a save, a whole source on a rebuild. Only this
module writes SearchDocument rows."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from ...thai import format_date
from .. import text
from ..models import SearchDocument
from ..models.document import Visibility
from ..registry import Document, Source, sources

BATCH = 500
UPDATED_FIELDS = ["title", "body", "url", "date", "visibility", "reader_ids", "words", "title_grams", "grams"]


def _row(source: Source, key, document: Document) -> SearchDocument:
    date = document.date
    if isinstance(date, datetime.datetime):
        date = timezone.localtime(date).date() if timezone.is_aware(date) else date.date()
    title = (document.title or "").strip()
    body = (document.body or "").strip()
    # The date as pages write it (5 เมษายน 2564), found but never shown in a snippet.
    dated = format_date(date, long=True) if date else ""
    return SearchDocument(
        kind=source.kind,
        object_key=str(key),
        title=title,
        body=body,
        url=document.url,
        date=date,
        visibility=Visibility.PUBLISHED if document.public else Visibility.STAFF,
        reader_ids=sorted({int(pk) for pk in document.reader_ids if pk is not None}),
        words=text.word_vector(title, f"{body}\n{dated}"),
        title_grams=text.gram_vector([("A", title)]),
        grams=text.gram_vector([("A", title), ("B", body), ("C", dated)]),
    )


def _write(rows: list[SearchDocument]) -> None:
    if rows:
        SearchDocument.objects.bulk_create(
            rows,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["kind", "object_key"],
            update_fields=[*UPDATED_FIELDS, "indexed_at"],
        )


def _documents(source: Source, objects: Iterable) -> tuple[list[SearchDocument], list[str]]:
    rows, gone = [], []
    for obj in objects:
        # Titles worded with gettext are indexed in the portal's language, whoever saved.
        with translation.override(settings.LANGUAGE_CODE):
            document = source.build(obj)
        if document is None:
            gone.append(str(obj.pk))
        else:
            rows.append(_row(source, obj.pk, document))
    return rows, gone


def index_pks(source: Source, pks: list) -> None:
    """Index these objects of `source` again (after a save); those gone or built as None leave."""
    pks = list(dict.fromkeys(pk for pk in pks if pk is not None))
    if not pks:
        return
    with transaction.atomic():
        found = list(source.objects().filter(pk__in=pks))
        rows, gone = _documents(source, found)
        found_keys = {str(obj.pk) for obj in found}
        gone += [str(pk) for pk in pks if str(pk) not in found_keys]
        _write(rows)
        if gone:
            SearchDocument.objects.filter(kind=source.kind, object_key__in=gone).delete()


def remove(source: Source, pks: list) -> None:
    SearchDocument.objects.filter(kind=source.kind, object_key__in=[str(pk) for pk in pks]).delete()


def rebuild(kinds: Iterable[str] | None = None, *, stdout=None) -> dict[str, tuple[int, float]]:
    """Build the index of every source (or of `kinds`) from scratch, in batches: {kind: (rows, seconds)}."""
    report = {}
    wanted = set(kinds) if kinds else None
    for source in sources():
        if wanted is not None and source.kind not in wanted:
            continue
        started = time.perf_counter()
        count = 0
        with transaction.atomic():
            SearchDocument.objects.filter(kind=source.kind).delete()
            batch = []
            for obj in source.objects().iterator(chunk_size=BATCH):
                batch.append(obj)
                if len(batch) >= BATCH:
                    rows, _gone = _documents(source, batch)
                    _write(rows)
                    count += len(rows)
                    batch = []
            rows, _gone = _documents(source, batch)
            _write(rows)
            count += len(rows)
        report[source.kind] = (count, time.perf_counter() - started)
        if stdout is not None:
            stdout.write(f"{source.kind}: {count} ({report[source.kind][1]:.1f} s)\n")
    return report


def rebuild_demo_index(password=None, stdout=None, **kwargs) -> None:
    """The demo loader: the whole index, after every other loader (some write in bulk)."""
    rebuild(stdout=stdout)
