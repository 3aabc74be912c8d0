"""Who may do what with albums: programme staff and admins with every album, a mentor with the
albums of the sites assigned to them (sites.permissions), everyone else looks."""

from __future__ import annotations

from chsd_portal import roles
from sites.permissions import can_work_on, mentor_site_ids


def can_create_album(user) -> bool:
    return roles.is_staff_member(user) or bool(mentor_site_ids(user))


def can_manage_album(user, album) -> bool:
    """Edit, upload to, arrange, delete: staff, and the mentors of the album's site."""
    if roles.is_staff_member(user):
        return True
    return album.site_id is not None and can_work_on(user, album.site_id)


def can_download_original(user, album) -> bool:
    """The original files (with the camera's metadata): staff, or anyone when the album says so."""
    return roles.is_staff_member(user) or album.originals_downloadable


def can_download_zip(user) -> bool:
    return roles.is_staff_member(user)
