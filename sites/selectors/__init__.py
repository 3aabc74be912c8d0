"""Reads, one module per feature; the query count of each page is decided here (see sites/__init__.py)."""
