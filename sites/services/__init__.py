"""Writes that touch several rows or models, atomic and keyword-only, one module per feature
(see sites/__init__.py)."""
