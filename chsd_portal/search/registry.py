"""The search registry: each app tells search what it has to find, so search knows no app.

How an app registers a source (from its own ``registrations.py``, imported by ``ready()``)::

    from chsd_portal.search import registry

    def _article_document(article) -> registry.Document | None:
        return registry.Document(
            title=article.title,
            body=registry.join(article.summary, registry.plain_text(article.body_html)),
            url=article.get_absolute_url(),
            date=article.date,
            public=article.status == "published",  # else only staff (and reader_ids) find it
        )

    registry.register(
        registry.Source(
            kind="meetings.article",          # unique; stored in every row: never rename it
            label=_("meeting articles"),      # the kind's name on the results page (gettext_lazy)
            model=Article,
            build=_article_document,          # None: leave this object out of the index
            queryset=lambda: Article.objects.select_related("site"),  # what rebuilds read
            related={ArticleAttachment: lambda attachment: [attachment.article_id]},
            private_fields=("meetings.Article.editor_email",),
            order=40,
        )
    )

- ``build`` returns a ``Document``: plain text only (rich text through ``plain_text``), and never a
  private field. ``private_fields`` names them ("app.Model.field", the source's own model or a
  related one) and tests/search/test_registry.py checks that no demo value of one reaches
  the index: workshop participants' names, e-mails, phone numbers.
- ``public=False`` documents are found by programme staff and admins, plus the users whose ids
  are in ``reader_ids`` (a draft's mentors, its author).
- The index follows every save and delete at once, in the same transaction: registering
  connects ``post_save``/``post_delete`` of ``model`` and of every model in ``related`` (whose
  function returns the pks of ``model`` objects to index again), and ``m2m_changed`` when a
  key of ``related`` is a many-to-many ``through`` model (the function then gets the object
  that owns the field). Signals rather than calls in each service because content is written
  by many paths (services, Django admin, the history restore, demo loaders) and a missed
  call would leave the index wrong without anyone noticing.
- A write that skips the signals (``QuerySet.update``, ``bulk_create``) must call
  ``registry.changed(Model, pks)`` itself (qa_board's moderation does); ``manage.py
  rebuild_search_index`` rebuilds everything in bulk.
- ``build`` is called for one object (``queryset().get``) after a save and for all of them on a
  rebuild, so whatever it reads should come from ``queryset()``'s select/prefetch_related.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import nh3
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save


@dataclass(frozen=True)
class Document:
    """What a source makes of one object for the index."""

    title: str
    url: str
    body: str = ""
    date: datetime.date | datetime.datetime | None = None
    public: bool = True
    reader_ids: Iterable[int] = ()


@dataclass(frozen=True)
class Source:
    kind: str
    label: str
    model: type[models.Model]
    build: Callable[[models.Model], Document | None]
    queryset: Callable[[], models.QuerySet] | None = None
    related: Mapping[type[models.Model], Callable[[models.Model], Iterable]] = field(default_factory=dict)
    private_fields: tuple[str, ...] = ()
    order: int = 100

    def objects(self) -> models.QuerySet:
        return self.queryset() if self.queryset is not None else self.model._default_manager.all()


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    """Add `source` and connect the signals that keep its documents current."""
    _sources[source.kind] = source
    uid = f"search:{source.kind}"
    post_save.connect(_saved, sender=source.model, dispatch_uid=f"{uid}:save", weak=False)
    post_delete.connect(_deleted, sender=source.model, dispatch_uid=f"{uid}:delete", weak=False)
    for index, (model, parents) in enumerate(source.related.items()):
        handler = _related_handler(source, parents)
        if getattr(model._meta, "auto_created", False):
            m2m_changed.connect(
                _m2m_handler(source, model, parents),
                sender=model,
                dispatch_uid=f"{uid}:m2m:{index}",
                weak=False,
            )
        else:
            post_save.connect(handler, sender=model, dispatch_uid=f"{uid}:rel-save:{index}", weak=False)
            post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}:rel-delete:{index}", weak=False)


def sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def source(kind: str) -> Source | None:
    return _sources.get(kind)


def changed(model: type[models.Model], pks: Iterable) -> None:
    """Index again the objects of `model` with these pks, in every source of that model (for
    writes that skip the signals)."""
    from .services.index import index_pks

    pks = [pk for pk in pks if pk is not None]
    for item in sources():
        if item.model is model and pks:
            index_pks(item, pks)


def join(*parts: str | None) -> str:
    """Text parts as one body, a blank line between them, empty ones left out."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def plain_text(html: str) -> str:
    """Rich text as the words a reader sees (tags dropped, entities decoded)."""
    import html as html_module

    return html_module.unescape(nh3.clean(html or "", tags=set())).strip()


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .services.index import index_pks

    for item in sources():
        if item.model is sender:
            index_pks(item, [instance.pk])


def _deleted(sender, instance, **kwargs):
    from .services.index import remove

    for item in sources():
        if item.model is sender:
            remove(item, [instance.pk])


def _related_handler(source: Source, parents: Callable) -> Callable:
    def handler(sender, instance, raw=False, **kwargs):
        if raw:
            return
        from .services.index import index_pks

        index_pks(source, list(parents(instance)))

    return handler


def _m2m_handler(source: Source, through: type[models.Model], parents: Callable) -> Callable:
    # The model that declares the many-to-many field: what `parents` is given.
    owner = next(
        relation.related_model
        for relation in through._meta.fields
        if relation.is_relation
        and any(m2m.remote_field.through is through for m2m in relation.related_model._meta.many_to_many)
    )

    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        from .services.index import index_pks

        if isinstance(instance, owner):
            owners = [instance]
        elif pk_set:
            owners = list(owner._default_manager.filter(pk__in=pk_set))
        else:
            return
        for item in owners:
            index_pks(source, list(parents(item)))

    return handler
