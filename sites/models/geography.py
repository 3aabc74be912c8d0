from django.db import models
from django.utils.translation import gettext_lazy as _

from ..collation import thai_sort_key


class PlaceName(models.Model):
    """A place with a Thai name, listed in Thai dictionary order (see `sites.collation`)."""

    sort_name = models.CharField(_("sort key"), max_length=255, db_collation="C", editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name_th)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name_th" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)


class Province(PlaceName):
    """จังหวัด, with its official two-digit code (GeoThai)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_th = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["sort_name", "name_th"]

    def __str__(self):
        return self.name_th


class District(PlaceName):
    """อำเภอ/เขต, with its official four-digit code."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("province")
    )
    name_th = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["sort_name", "name_th"]

    def __str__(self):
        return self.name_th


class Subdistrict(PlaceName):
    """ตำบล/แขวง, with its official six-digit code and, where known, an approximate centroid."""

    code = models.CharField(_("code"), max_length=6, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="subdistricts", verbose_name=_("district")
    )
    name_th = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    latitude = models.DecimalField(
        _("latitude (approximate)"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude (approximate)"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        verbose_name = _("sub-district")
        verbose_name_plural = _("sub-districts")
        ordering = ["sort_name", "name_th"]

    def __str__(self):
        return self.name_th
