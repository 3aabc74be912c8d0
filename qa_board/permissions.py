"""Who may do what on the board: roles (chsd_portal.roles) and the rules tied to one post."""

from chsd_portal import roles

ANSWERING_ROLES = (roles.MEMBER, roles.MENTOR, roles.STAFF, roles.ADMIN)
OFFICIAL_ROLES = (roles.MENTOR, roles.STAFF, roles.ADMIN)
MODERATING_ROLES = (roles.STAFF, roles.ADMIN)


def _any_role(user, names) -> bool:
    return any(roles.has_role(user, name) for name in names)


def can_moderate(user) -> bool:
    return _any_role(user, MODERATING_ROLES)


def can_answer(user) -> bool:
    return _any_role(user, ANSWERING_ROLES) and not is_blocked(user)


def answers_officially(user) -> bool:
    """A mentor's or staff member's answer carries the mark คำตอบจากเจ้าหน้าที่."""
    return _any_role(user, OFFICIAL_ROLES)


def is_trusted(user) -> bool:
    """Mentors and staff skip the spam rules (they answer officially, often with links)."""
    return _any_role(user, OFFICIAL_ROLES)


def is_blocked(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_qa_blocked", None)
    if cached is None:
        from .models import BlockedPoster

        cached = BlockedPoster.objects.filter(user=user).exists()
        user._qa_blocked = cached
    return cached


def is_asker(user, question, own_ids=()) -> bool:
    """The account that asked, or the visitor's session that asked."""
    if question.author_id is not None:
        return getattr(user, "is_authenticated", False) and user.pk == question.author_id
    return question.pk in set(own_ids)


def can_accept(user, question, own_ids=()) -> bool:
    return can_moderate(user) or is_asker(user, question, own_ids)
