from . import geography, sites

app_name = "sites"

urlpatterns = [
    *geography.urlpatterns,
    *sites.urlpatterns,
]
