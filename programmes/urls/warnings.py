"""Routes for the warnings pages (the admins' budget review), joined in programmes/urls/__init__.py."""

from django.urls import path

from ..views import warnings

urlpatterns: list = [
    path("review/budget/", warnings.WarningReviewView.as_view(), name="warning-review"),
    path(
        "review/budget/export/<str:fmt>/",
        warnings.WarningReviewExportView.as_view(),
        name="warning-review-export",
    ),
    path(
        "review/budget/<int:pk>/<str:kind>/reviewed/",
        warnings.WarningMarkReviewedView.as_view(),
        name="warning-mark-reviewed",
    ),
]
