"""Django admin (for admins): the banned words and topics of the board, and a read-only log."""

from django.contrib import admin

from .models import BannedWord, BlockedPoster, ModerationLog, Topic


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    list_display = ["word", "created_at"]
    search_fields = ["word"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(BlockedPoster)
class BlockedPosterAdmin(admin.ModelAdmin):
    list_display = ["user", "blocked_by", "created_at"]
    raw_id_fields = ["user"]
    readonly_fields = ["blocked_by"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "subject"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
