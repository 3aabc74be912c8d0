from django.urls import path

from ..views import programme
from . import guide, history, projects, warnings

app_name = "programmes"

urlpatterns = [
    path("", programme.HomeView.as_view(), name="home"),
    path("programmes/<int:pk>/edit/", programme.ProgrammeEditView.as_view(), name="programme-edit"),
    *guide.urlpatterns,
    *projects.urlpatterns,
    *warnings.urlpatterns,
    *history.urlpatterns,
]
