from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    verbose_name = _("Sites and geography")

    def ready(self):
        from chsd_portal import demo

        demo.register("geography", load_geography_for_demo, order=1)


def load_geography_for_demo(*, password=None, stdout=None):
    """`load_demo` runs this first: the demo's sites and projects point at real sub-districts."""
    from .services import geography_load

    result = geography_load()
    if stdout is not None:
        stdout.write(result.summary())
