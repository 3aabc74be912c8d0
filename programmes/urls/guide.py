"""Routes for the guide, activity-plan and indicator pages, joined in programmes/urls/__init__.py."""

from django.urls import path

from ..views import guide

urlpatterns = [
    # กรอบแนวทางการดำเนินการ
    path("guide/", guide.GuideView.as_view(), name="guide"),
    path("guide/process/", guide.GuideProcessView.as_view(), name="guide-process"),
    path("guide/process/edit/", guide.GuideProcessEditView.as_view(), name="guide-process-edit"),
    path("guide/summary/", guide.GuideSummaryView.as_view(), name="guide-summary"),
    path("guide/summary/edit/", guide.GuideSummaryEditView.as_view(), name="guide-summary-edit"),
    path("guide/frameworks/add/", guide.FrameworkCreateView.as_view(), name="framework-add"),
    path("guide/frameworks/<int:number>/", guide.FrameworkDetailView.as_view(), name="framework-detail"),
    path("guide/frameworks/<int:number>/edit/", guide.FrameworkEditView.as_view(), name="framework-edit"),
    # แผนการดำเนินกิจกรรม
    path("plans/", guide.PlanListView.as_view(), name="plan"),
    path("plans/<int:number>/", guide.PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<int:number>/edit/", guide.PlanEditView.as_view(), name="plan-edit"),
    # ตัวชี้วัด
    path("indicators/", guide.IndicatorListView.as_view(), name="indicators"),
    path("indicators/<int:pk>/", guide.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("indicators/<int:pk>/edit/", guide.IndicatorEditView.as_view(), name="indicator-edit"),
    path(
        "indicators/<int:pk>/measurements/add/", guide.MeasurementCreateView.as_view(), name="measurement-add"
    ),
    path(
        "indicators/<int:pk>/measurements/<int:measurement_pk>/edit/",
        guide.MeasurementEditView.as_view(),
        name="measurement-edit",
    ),
    path(
        "indicators/<int:pk>/measurements/<int:measurement_pk>/delete/",
        guide.MeasurementDeleteView.as_view(),
        name="measurement-delete",
    ),
]
