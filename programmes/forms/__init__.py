"""Forms, one module per feature (see programmes/__init__.py)."""
