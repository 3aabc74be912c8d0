from .album import Album
from .photo import Photo

__all__ = ["Album", "Photo"]
