from django.urls import path

from ..views import geography

urlpatterns = [
    path("api/districts", geography.district_options, name="districts"),
    path("api/subdistricts", geography.subdistrict_options, name="subdistricts"),
]
