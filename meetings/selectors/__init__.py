"""One module per feature (see meetings/__init__.py)."""
