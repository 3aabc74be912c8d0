from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AlbumQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Album.Status.PUBLISHED)

    def visible_to(self, user):
        """Who sees what: everyone the published albums; a mentor also the drafts of the sites
        assigned to them; programme staff and admins everything."""
        from chsd_portal import roles
        from sites.permissions import mentor_site_ids

        if roles.is_staff_member(user):
            return self.all()
        site_ids = mentor_site_ids(user)
        if site_ids:
            return self.filter(Q(status=Album.Status.PUBLISHED) | Q(site_id__in=site_ids))
        return self.published()


class Album(models.Model):
    """รูปกิจกรรม: an album of one activity (seeds 003 and 004), optionally tied to a site, one of
    its workshops, a project, a meeting article; its photos are gallery.Photo."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("album title"), max_length=300)
    date = models.DateField(_("activity date"))
    description = models.TextField(_("description"), blank=True)
    site = models.ForeignKey(
        "sites.Site",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="albums",
        verbose_name=_("site"),
    )
    workshop = models.ForeignKey(
        "meetings.Workshop",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="albums",
        verbose_name=_("workshop"),
    )
    project = models.ForeignKey(
        "programmes.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="albums",
        verbose_name=_("project"),
    )
    article = models.ForeignKey(
        "meetings.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="albums",
        verbose_name=_("meeting article"),
    )
    cover = models.ForeignKey(
        "gallery.Photo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover photo"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    originals_downloadable = models.BooleanField(
        _("everyone may download the original files"),
        default=False,
        help_text=_("Otherwise only staff may download the originals; everyone sees the resized photos."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = _("album")
        verbose_name_plural = _("albums")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["draft", "published"]), name="album_status_known"),
            # A workshop belongs to a site: an album tied to a workshop is tied to its site too
            # (album_save fills it in; the form refuses a different one).
            models.CheckConstraint(
                condition=Q(workshop__isnull=True) | Q(site__isnull=False), name="album_workshop_has_site"
            ),
        ]
        indexes = [models.Index(fields=["status", "-date"], name="album_status_date")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("gallery:album-detail", args=[self.pk])
