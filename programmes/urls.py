from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme-edit"),
]
