"""Routes for the projects pages, joined in programmes/urls/__init__.py."""

from django.urls import path, re_path

from ..views import project_list, projects

urlpatterns: list = [
    # The project list and its exports (programmes/views/project_list.py). Kept first, so that
    # /projects/export.xlsx/ is never read as the code of a project.
    path("projects/", project_list.ProjectListView.as_view(), name="project-list"),
    re_path(
        r"^projects/export\.(?P<fmt>xlsx|csv)/$",
        project_list.ProjectExportView.as_view(),
        name="project-export",
    ),
    # /projects/export/?format=csv (XLSX without ?format=); reverse() without kwargs gives it.
    path("projects/export/", project_list.ProjectExportView.as_view(), name="project-export"),
    # --- end of the project list's routes ---
    # The project page and its one-page editor. Codes hold Thai letters and dashes (60-ข-087),
    # never "/"; "new/" comes before <str:code>/ so it is not read as a code (so must any other
    # fixed "projects/<word>/" route: put it above these).
    path("projects/new/", projects.ProjectCreateView.as_view(), name="project-create"),
    path("projects/<str:code>/", projects.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<str:code>/edit/", projects.ProjectEditView.as_view(), name="project-edit"),
]
