"""Who sees which posts, asked by the views (STYLE.md: visibility lives in QuerySets)."""

from django.db import models


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation="published")

    def visible_to(self, user, *, own_ids=()):
        """Published questions, plus the reader's own held ones (so nothing they typed seems lost);
        moderators see everything."""
        from qa_board.permissions import can_moderate

        if can_moderate(user):
            return self
        mine = models.Q(pk__in=list(own_ids))
        if getattr(user, "is_authenticated", False):
            mine |= models.Q(author=user)
        return self.filter(models.Q(moderation="published") | (mine & models.Q(moderation="held")))


class AnswerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation="published")
