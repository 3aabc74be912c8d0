from django.urls import path

from . import urls_guide, urls_projects, urls_warnings, views
from .views import history

app_name = "programmes"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme-edit"),
    # ประวัติการแก้ไข / รายการที่ถูกลบ (staff)
    path("history/deleted/", history.DeletionListView.as_view(), name="deleted-list"),
    path(
        "history/deleted/<str:kind>/<int:history_id>/restore/",
        history.DeletionRestoreView.as_view(),
        name="deletion-restore",
    ),
    *urls_guide.urlpatterns,
    *urls_projects.urlpatterns,
    *urls_warnings.urlpatterns,
]
