from .document import SearchDocument

__all__ = ["SearchDocument"]
