"""Gallery (activity photos): models and pages to come, in the shape of programmes/ (see
programmes/__init__.py). apps.py: the app config."""
