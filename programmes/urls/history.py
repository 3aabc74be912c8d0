"""Routes for the staff page of recent deletions and its restore buttons, joined into
programmes/urls/__init__.py."""

from django.urls import path

from ..views import history

urlpatterns: list = [
    # ประวัติการแก้ไข / รายการที่ถูกลบ
    path("history/deleted/", history.DeletionListView.as_view(), name="deleted-list"),
    path(
        "history/deleted/<str:kind>/<int:history_id>/restore/",
        history.DeletionRestoreView.as_view(),
        name="deletion-restore",
    ),
]
