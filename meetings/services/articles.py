"""Writes for articles: saving one (its body rendered and sanitised, its new pictures stored and
placed in the body), deleting one, uploading a picture, counting a read, and the categories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import ProtectedError

from ..images import check_image, resized_copies
from ..models import Article, ArticleImage, ArticleReadCount, ArticleReader, Category
from ..text.markdown import image_keys, render_body


class CategoryInUse(Exception):
    """A category that still holds articles cannot be deleted."""


def image_upload(*, upload, uploaded_by=None) -> ArticleImage:
    """Store a picture (checked again from its content) with its resized copies. Files are written
    under a random folder; the names never come from the uploader."""
    checked = check_image(upload)
    copies = resized_copies(upload)
    image = ArticleImage(
        original_name=(upload.name or "")[:200],
        original_bytes=upload.size,
        original_width=checked.width,
        original_height=checked.height,
        width=copies["large"][1],
        height=copies["large"][2],
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
    )
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[checked.format]
    image.original.save(f"original.{extension}", upload, save=False)
    image.large.save("large.jpg", ContentFile(copies["large"][0]), save=False)
    image.small.save("small.jpg", ContentFile(copies["small"][0]), save=False)
    image.save()
    return image


def image_markdown(image: ArticleImage, alt: str = "") -> str:
    """How the body refers to the picture: ![description](its address)."""
    alt = (alt or "").replace("[", "(").replace("]", ")").replace("\n", " ").strip()
    return f"![{alt}]({image.url('large')})"


@transaction.atomic
def article_save(*, article: Article, new_images: Iterable = (), uploaded_by=None) -> Article:
    """Save the article: pictures uploaded with the form go at the end of the body, then the body
    is rendered to sanitised HTML (sizes for the portal's pictures), the first picture becomes the
    cover, and the pictures it shows are tied to it. All or nothing."""
    for upload in new_images:
        image = image_upload(upload=upload, uploaded_by=uploaded_by)
        article.body = f"{article.body.rstrip()}\n\n{image_markdown(image)}\n"
    keys = image_keys(article.body)
    images = {image.key.hex: image for image in ArticleImage.objects.filter(key__in=keys)} if keys else {}
    article.body_html = render_body(
        article.body, images={key: (image.width, image.height) for key, image in images.items()}
    )
    article.cover = next((images[key] for key in keys if key in images), None)
    article.save()
    ArticleImage.objects.filter(pk__in=[image.pk for image in images.values()], article__isnull=True).update(
        article=article
    )
    return article


@transaction.atomic
def article_delete(*, article: Article) -> None:
    """Delete the article; its pictures stay (another article may show them), unlinked."""
    article.delete()


# One statement: remember the browser for the day and, only if it was not counted yet today, add
# one to the article's count. Concurrent readers never lose a count (the upsert is atomic) and
# the article's own row is never touched.
_RECORD_READ = f"""
WITH counted AS (
    INSERT INTO {ArticleReader._meta.db_table} (article_id, reader, day) VALUES (%(article)s, %(reader)s, %(day)s)
    ON CONFLICT (article_id, reader) DO UPDATE SET day = EXCLUDED.day
        WHERE {ArticleReader._meta.db_table}.day < EXCLUDED.day
    RETURNING 1
)
INSERT INTO {ArticleReadCount._meta.db_table} (article_id, count)
SELECT %(article)s, 1 FROM counted
ON CONFLICT (article_id) DO UPDATE SET count = {ArticleReadCount._meta.db_table}.count + 1
RETURNING count
"""


def article_record_read(*, article_id: int, reader: str, day: dt.date) -> int | None:
    """Count one read of a published article by the browser `reader` on `day`: the new count, or
    None when that browser was already counted that day.

    As the board's view count does, the commit does not wait for the disk (synchronous_commit
    off, for this transaction only): a crash may forget the last moment's reads, nothing else."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        cursor.execute(_RECORD_READ, {"article": article_id, "reader": reader, "day": day})
        row = cursor.fetchone()
    return row[0] if row else None


def article_set_read_count(*, article: Article, count: int) -> None:
    """Set อ่าน N outright (the demo carries seed 002's count over from the old site)."""
    ArticleReadCount.objects.update_or_create(article=article, defaults={"count": count})


@transaction.atomic
def category_save(*, category: Category) -> Category:
    category.save()
    return category


@transaction.atomic
def category_delete(*, category: Category) -> None:
    """Delete an empty category; one with articles raises CategoryInUse (the database refuses too)."""
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError as error:
        raise CategoryInUse(category.name) from error
