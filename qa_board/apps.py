from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaBoardConfig(AppConfig):
    name = "qa_board"
    verbose_name = _("Q&A board")

    def ready(self):
        from . import registrations  # noqa: F401
