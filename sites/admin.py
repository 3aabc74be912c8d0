"""Admins manage the capacity components and their rubric in Django admin. A component that
past reports scored cannot be deleted (its scores protect it): untick "used in new reports"
to retire it, and old reports keep their scores."""

from django.contrib import admin

from .models import CapacityComponent


@admin.register(CapacityComponent)
class CapacityComponentAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_active"]
    list_editable = ["order", "is_active"]
    fields = ["name", "order", "is_active", "level_1", "level_2", "level_3", "level_4", "level_5"]
