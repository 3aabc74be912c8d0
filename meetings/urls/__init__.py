from django.urls import path

from ..views import coverage, workshops
from . import articles

app_name = "meetings"

urlpatterns = [
    path("my-work/", coverage.MyWorkView.as_view(), name="my-work"),
    path("coverage/", coverage.CoverageView.as_view(), name="coverage"),
    path("coverage/export.csv", coverage.CoverageExportView.as_view(), name="coverage-export"),
    path("sites/<str:code>/workshops/", workshops.WorkshopListView.as_view(), name="workshop-list"),
    path("sites/<str:code>/workshops/new/", workshops.WorkshopEditView.as_view(), name="workshop-create"),
    path(
        "sites/<str:code>/workshops/<int:number>/",
        workshops.WorkshopDetailView.as_view(),
        name="workshop-detail",
    ),
    path(
        "sites/<str:code>/workshops/<int:number>/edit/",
        workshops.WorkshopEditView.as_view(),
        name="workshop-edit",
    ),
    path(
        "sites/<str:code>/workshops/<int:number>/files/<int:pk>/",
        workshops.attachment_download,
        name="workshop-attachment",
    ),
    path(
        "sites/<str:code>/workshops/<int:number>/delete/",
        workshops.WorkshopDeleteView.as_view(),
        name="workshop-delete",
    ),
    *articles.urlpatterns,
]
