from . import menu


def portal(request):
    """What every page's layout needs: the menu for this user and page."""
    return {"menu_items": menu.entries_for(request)}
