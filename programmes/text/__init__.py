"""Text the pages show, worded in Python: the warnings' messages (warnings.py)."""
