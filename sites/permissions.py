"""Who may do what with a site: staff and admins with every site, a mentor with the sites they
are assigned to (an object rule on top of the role's permissions), everyone else reads."""

from __future__ import annotations

from chsd_portal import roles


def can_manage_sites(user) -> bool:
    """Create sites, edit them, assign mentors: staff and admins."""
    return roles.is_staff_member(user)


def mentor_site_ids(user) -> set[int]:
    """The ids of the sites assigned to the user (one query, remembered on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_mentor_site_ids", None)
    if cached is None:
        cached = (
            set(user.mentored_sites.values_list("pk", flat=True))
            if roles.has_role(user, roles.MENTOR)
            else set()
        )
        user._mentor_site_ids = cached
    return cached


def can_work_on(user, site) -> bool:
    """Log workshops and write capacity reports for `site`: staff, admins, and its own mentors."""
    if roles.is_staff_member(user):
        return True
    site_id = site if isinstance(site, int) else site.pk
    return site_id in mentor_site_ids(user)
