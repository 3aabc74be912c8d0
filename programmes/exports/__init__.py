"""Spreadsheet exports, one module per list, sharing writers.py (see programmes/__init__.py)."""
