from . import menu


def portal(request):
    """What every page's layout needs: the menu for this user and page (the seed's bar and the
    tools row, see chsd_portal/menu.py)."""
    items = menu.menu_for(request)
    return {"menu_items": items[menu.MAIN], "menu_tools": items[menu.TOOLS]}
