"""Demo content, one loader per feature (see meetings/__init__.py)."""
