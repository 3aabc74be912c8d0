"""Demo content, one loader per feature, with its data files beside it (see
programmes/__init__.py); registered from registrations.py, run by `manage.py load_demo`."""
