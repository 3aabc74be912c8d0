from django.urls import path

from ..views import capacity, sites

urlpatterns = [
    path("", sites.SiteOverviewView.as_view(), name="site-overview"),
    path("new/", sites.SiteCreateView.as_view(), name="site-create"),
    path("<str:code>/", sites.SiteDetailView.as_view(), name="site-detail"),
    path("<str:code>/edit/", sites.SiteUpdateView.as_view(), name="site-edit"),
    path("<str:code>/reports/", capacity.ReportListView.as_view(), name="report-list"),
    path("<str:code>/reports/new/", capacity.ReportEditView.as_view(), name="report-create"),
    path("<str:code>/reports/<int:number>/", capacity.ReportDetailView.as_view(), name="report-detail"),
    path("<str:code>/reports/<int:number>/edit/", capacity.ReportEditView.as_view(), name="report-edit"),
    path(
        "<str:code>/reports/<int:number>/delete/", capacity.ReportDeleteView.as_view(), name="report-delete"
    ),
]
