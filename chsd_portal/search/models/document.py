from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLISHED = "published", _("published")
    # Staff and admins, and the users in reader_ids (e.g. a draft's mentors).
    STAFF = "staff", _("staff only")


class SearchDocument(models.Model):
    """One searchable thing (a project, a question with its answers, …) as its source built it
    (chsd_portal/search/registry.py). Rows are written only by services/index.py."""

    kind = models.CharField(_("kind"), max_length=50)
    object_key = models.CharField(max_length=100)
    title = models.TextField(_("title"))
    # Plain text, as shown in a result's snippet; never holds a source's private fields.
    body = models.TextField(_("content"), blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.PUBLISHED)
    reader_ids = ArrayField(models.IntegerField(), default=list, blank=True)
    # Segmented words (title A, body B): ranks whole-word matches (text.word_vector).
    words = SearchVectorField()
    # Character trigrams with positions (text.gram_vector): finds any substring.
    title_grams = SearchVectorField()
    grams = SearchVectorField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_key"], name="search_document_unique_object"),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="search_document_visibility_known"
            ),
        ]
        indexes = [
            GinIndex(fields=["grams"], name="search_document_grams"),
            GinIndex(fields=["title_grams"], name="search_document_title_grams"),
            GinIndex(fields=["words"], name="search_document_words"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_key}"
