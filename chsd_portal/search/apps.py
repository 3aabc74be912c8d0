from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "chsd_portal.search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chsd_portal import demo

        from .services.index import rebuild_demo_index

        # Last: the other loaders' bulk writes skip the signals.
        demo.register("search", rebuild_demo_index, order=10_000)
