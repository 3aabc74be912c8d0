"""News and meeting articles (ข่าว/ประชุม, seed 002): categories staff manage, articles written in
Markdown and stored beside their sanitised HTML, the images uploaded into them, and the read
count (one per browser per day, kept apart from the article's row)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Category(models.Model):
    """ประชุมทีมพี่เลี้ยง, ประชุมคณะกรรมการกำกับดูแลแผนงาน, ข่าวกิจกรรม …: managed by staff."""

    name = models.CharField(_("category name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    order = models.PositiveSmallIntegerField(
        _("order in lists"), default=0, help_text=_("Smaller numbers come first.")
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:article-category", args=[self.pk])


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What visitors may read."""
        return self.filter(status=Article.Status.PUBLISHED)

    def newest_first(self):
        return self.order_by("-date", "-pk")


class Article(models.Model):
    """One news item or meeting's minutes. `body` is what staff typed (Markdown); `body_html` is
    written from it by services/articles.py on every save, sanitised, and is all a reader gets."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    summary = models.TextField(
        _("short summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences, shown in lists and when the link is shared."),
    )
    body = models.TextField(_("body"), max_length=200_000)
    body_html = models.TextField(editable=False, default="")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    site = models.ForeignKey(
        "sites.Site",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("site"),
    )
    workshop = models.ForeignKey(
        "meetings.Workshop",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("workshop"),
    )
    project = models.ForeignKey(
        "programmes.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("project"),
    )
    # The first image of the body: the list's thumbnail and the picture a shared link shows.
    cover = models.ForeignKey(
        "meetings.ArticleImage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "body_html"])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="article_status_known"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
        ]
        indexes = [
            models.Index(fields=["status", "-date", "-id"], name="article_published_date"),
            models.Index(fields=["category", "-date", "-id"], name="article_category_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:article-detail", args=[self.pk])

    @property
    def read_count(self) -> int:
        """อ่าน N. Needs `select_related("read_counter")` to cost no query."""
        try:
            return self.read_counter.count
        except ArticleReadCount.DoesNotExist:
            return 0


def image_path(instance, filename: str) -> str:
    """A random folder per image: the stored name never comes from the uploader."""
    return f"articles/{instance.key.hex}/{filename}"


class ArticleImage(models.Model):
    """A picture uploaded into an article's body. The original is kept; readers get the resized
    copies (`large` in the body, `small` in lists), re-encoded, so no metadata is passed on."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="images"
    )
    original = models.FileField(_("original"), upload_to=image_path, max_length=200)
    large = models.FileField(upload_to=image_path, max_length=200)
    small = models.FileField(upload_to=image_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    original_bytes = models.PositiveIntegerField(_("size (bytes)"))
    original_width = models.PositiveIntegerField()
    original_height = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("article image")
        verbose_name_plural = _("article images")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(width__gte=1, height__gte=1), name="article_image_has_size"),
        ]

    def __str__(self):
        return self.original_name

    def url(self, size: str = "large") -> str:
        return reverse("meetings:article-image", args=[self.key.hex, size])

    @property
    def url_large(self) -> str:
        return self.url("large")

    @property
    def url_small(self) -> str:
        return self.url("small")


class ArticleReadCount(models.Model):
    """อ่าน N, in its own row so counting never locks or rewrites the article's row (nor bumps the
    cached pages' data version)."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="read_counter"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(count__gte=0), name="article_read_count_positive")]

    def __str__(self):
        return str(self.count)


class ArticleReader(models.Model):
    """The last day a browser (a random id in its cookie) was counted for an article: a browser is
    counted again only on a later day. One row per article and browser, updated in place."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    reader = models.CharField(max_length=32)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "reader"], name="article_reader_once")]

    def __str__(self):
        return f"{self.reader} {self.day}"
