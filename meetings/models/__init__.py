from .article import Article, ArticleImage, ArticleReadCount, ArticleReader, Category
from .attachment import WorkshopAttachment
from .workshop import Attendance, OrganisationType, Participant, Workshop

__all__ = [
    "Article",
    "ArticleImage",
    "ArticleReadCount",
    "ArticleReader",
    "Attendance",
    "Category",
    "OrganisationType",
    "Participant",
    "Workshop",
    "WorkshopAttachment",
]
