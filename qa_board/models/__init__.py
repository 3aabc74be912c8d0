"""The board's tables; one module per feature (see qa_board/__init__.py)."""

from .moderation import BannedWord, BlockedPoster, ModerationLog
from .question import Answer, Moderation, Question, Topic

__all__ = ["Answer", "BannedWord", "BlockedPoster", "ModerationLog", "Moderation", "Question", "Topic"]
