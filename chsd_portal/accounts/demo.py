"""Demo accounts, one per role, all with DEMO_PASSWORD."""

from chsd_portal import roles

from .services import user_with_role

DEMO_USERS = [
    # username, role, first name, last name
    ("admin", roles.ADMIN, "ผู้ดูแล", "ระบบ"),
    ("staff", roles.STAFF, "เจ้าหน้าที่", "โครงการ"),
    ("mentor", roles.MENTOR, "พี่เลี้ยง", "เกาะขวาง"),
    ("mentor2", roles.MENTOR, "พี่เลี้ยง", "ท่าโสม"),
    ("member", roles.MEMBER, "สมาชิก", "ชุมชน"),
]


def load_demo_users(*, password: str, stdout=None) -> None:
    for username, role, first_name, last_name in DEMO_USERS:
        user_with_role(
            username=username,
            role=role,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@chsd.example",
            is_staff=role == roles.ADMIN,  # admins may also open Django admin
        )
