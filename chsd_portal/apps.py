from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ChsdPortalConfig(AppConfig):
    name = "chsd_portal"
    verbose_name = _("CHSD Portal")

    def ready(self):
        from . import demo
        from .accounts.demo import load_demo_users
        from .roles import sync_role_permissions

        demo.register("accounts", load_demo_users, order=0)

        post_migrate.connect(sync_role_permissions, dispatch_uid="chsd_portal.sync_roles")
