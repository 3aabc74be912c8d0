"""Routes for the guide pages, joined into programmes/urls.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
