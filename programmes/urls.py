from django.urls import path

from . import urls_guide, urls_projects, urls_warnings, views

app_name = "programmes"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme-edit"),
    *urls_guide.urlpatterns,
    *urls_projects.urlpatterns,
    *urls_warnings.urlpatterns,
]
