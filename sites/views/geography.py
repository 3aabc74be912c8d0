"""JSON lists for the chained province → district → sub-district selects (static/js/geo-select.js)."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..selectors import geography as selectors

# Reference data changes once a year at most; browsers and proxies may keep a list for a day.
CACHE_SECONDS = 60 * 60 * 24
_MAX_ID_DIGITS = 18  # anything longer cannot be a bigint primary key


def _parent_id(request, name: str) -> int | None:
    raw = request.GET.get(name, "")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > _MAX_ID_DIGITS or int(raw) < 1:
        return None
    return int(raw)


def _options_response(request, parent: str, selector, selector_arg: str) -> JsonResponse:
    parent_id = _parent_id(request, parent)
    if parent_id is None:
        message = _("Give the %(parameter)s as a whole number, for example ?%(parameter)s=1.") % {
            "parameter": parent
        }
        return JsonResponse({"error": message}, status=400)
    response = JsonResponse(selector(**{selector_arg: parent_id}), safe=False)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_GET
def district_options(request):
    """`?province=<id>` → `[{"id", "name", "code"}, …]`, the province's districts in Thai order."""
    return _options_response(request, "province", selectors.district_options, "province_id")


@require_GET
def subdistrict_options(request):
    """`?district=<id>` → `[{"id", "name", "code"}, …]`, the district's sub-districts in Thai order."""
    return _options_response(request, "district", selectors.subdistrict_options, "district_id")
