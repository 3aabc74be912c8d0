"""Demo content, one loader per feature (see sites/__init__.py); registered from
registrations.py, run by `manage.py load_demo`."""
