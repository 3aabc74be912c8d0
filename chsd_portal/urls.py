"""Root URLs. Apps are included by dotted path, so this module imports none of them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

handler400 = "chsd_portal.views.bad_request"
handler403 = "chsd_portal.views.permission_denied"
handler404 = "chsd_portal.views.page_not_found"
handler500 = "chsd_portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/", include("chsd_portal.accounts.urls")),
    path("language/<str:code>/", views.switch_language, name="switch-language"),
    path("admin/", admin.site.urls),
    path("sites/", include("sites.urls")),
    path("qa/", include("qa_board.urls")),
    path("albums/", include("gallery.urls")),
    path("search/", include("chsd_portal.search.urls")),
    path("", include("meetings.urls")),
    path("", include("programmes.urls")),
]

if settings.BENCHMARK:
    urlpatterns.insert(0, path("bench/minimal", views.minimal, name="bench-minimal"))

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploaded files straight from MEDIA_ROOT, for `make run` only (a deployment's web server does it).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        )
    )
