"""Views, one module per feature (see sites/__init__.py)."""
