from django.urls import path

from . import views

app_name = "sites"

urlpatterns = [
    path("api/districts", views.district_options, name="districts"),
    path("api/subdistricts", views.subdistrict_options, name="subdistricts"),
]
