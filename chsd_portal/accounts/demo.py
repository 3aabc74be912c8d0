"""Demo accounts, one per role, all created with DEMO_PASSWORD."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from chsd_portal import roles

DEMO_USERS = [
    # username, role, first name, last name
    ("admin", roles.ADMIN, "ผู้ดูแล", "ระบบ"),
    ("staff", roles.STAFF, "เจ้าหน้าที่", "โครงการ"),
    ("mentor", roles.MENTOR, "พี่เลี้ยง", "เกาะขวาง"),
    ("mentor2", roles.MENTOR, "พี่เลี้ยง", "ท่าโสม"),
    ("member", roles.MEMBER, "สมาชิก", "ชุมชน"),
]


def load_demo_users(*, password: str, stdout=None) -> None:
    """Create the demo accounts that are missing. Existing ones are left as they are (a password
    changed on purpose stays changed), which also keeps a second `make run` fast: password
    hashing is slow by design, so the one hash is computed once and only when needed."""
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[row[0] for row in DEMO_USERS]).values_list("username", flat=True)
    )
    missing = [row for row in DEMO_USERS if row[0] not in existing]
    if not missing:
        return
    hashed = make_password(password)
    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL_ROLES)}
    for username, role, first_name, last_name in missing:
        user = User.objects.create(
            username=username,
            password=hashed,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@chsd.example",
            is_staff=role == roles.ADMIN,  # admins may also open Django admin
        )
        user.groups.set([groups[role]])
