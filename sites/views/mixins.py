"""The site a page is about, read once from the URL's sub-district code, and the rule for who may
change what belongs to it (used by sites' and meetings' views alike)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property

from ..permissions import can_work_on
from ..selectors.sites import site_by_code


class SiteMixin:
    """`self.site`: the site whose code is in the URL (404 for an unknown one)."""

    @cached_property
    def site(self):
        return site_by_code(self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        context["can_work_on_site"] = can_work_on(self.request.user, self.site)
        return context


class SiteWorkMixin(LoginRequiredMixin, SiteMixin):
    """Views that change a site's reports or workshops: visitors go to sign in (and come back to
    the form), signed-in people who are neither staff nor the site's mentors get 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_work_on(request.user, self.site):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
