"""Reads of the geography reference data, each one query, in Thai dictionary order."""

from __future__ import annotations

from ..models import District, Subdistrict


def _options(queryset) -> list[dict]:
    return [
        {"id": pk, "name": name, "code": code}
        for pk, name, code in queryset.order_by("sort_name", "name_th").values_list("pk", "name_th", "code")
    ]


def district_options(*, province_id: int) -> list[dict]:
    """The districts of one province as `{"id", "name", "code"}` dicts; empty for an unknown id."""
    return _options(District.objects.filter(province_id=province_id))


def subdistrict_options(*, district_id: int) -> list[dict]:
    """The sub-districts of one district as `{"id", "name", "code"}` dicts; empty for an unknown id."""
    return _options(Subdistrict.objects.filter(district_id=district_id))
