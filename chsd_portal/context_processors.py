from django.conf import settings

from . import menu


def portal(request):
    """What every page's layout needs: the menu, and whether debug tooling is on."""
    return {
        "menu_items": menu.entries_for(request),
        "DEBUG": settings.DEBUG,
    }
