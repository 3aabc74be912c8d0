"""A site page's projects: those with a location in the site's tambon, as the person may see
them (registered with sites.sections from registrations.py; 1 query)."""

from __future__ import annotations

from ..models import Project


def site_projects_section(request, site) -> dict | None:
    projects = list(
        Project.objects.visible_to(request.user)
        .filter(locations__subdistrict_id=site.subdistrict_id)
        .distinct()
        .order_by("code")
        .only("pk", "code", "name", "status")
    )
    return {"projects": projects} if projects else None
