"""ข่าว/ประชุม under /news/: the list, categories, articles, their editor, pictures and feeds."""

from django.urls import path

from ..views import articles, categories, feeds

urlpatterns = [
    path("news/", articles.ArticleListView.as_view(), name="article-list"),
    path("news/feed/rss/", feeds.ArticlesFeed(), name="article-feed-rss"),
    path("news/feed/atom/", feeds.ArticlesAtomFeed(), name="article-feed-atom"),
    path("news/new/", articles.ArticleEditView.as_view(), name="article-create"),
    path("news/preview/", articles.ArticlePreviewView.as_view(), name="article-preview"),
    path("news/images/upload/", articles.ArticleImageUploadView.as_view(), name="article-image-upload"),
    path("news/images/<str:key>/<str:size>.jpg", articles.article_image, name="article-image"),
    path("news/<int:pk>/", articles.ArticleDetailView.as_view(), name="article-detail"),
    path("news/<int:pk>/edit/", articles.ArticleEditView.as_view(), name="article-edit"),
    path("news/<int:pk>/delete/", articles.ArticleDeleteView.as_view(), name="article-delete"),
    path("news/categories/", categories.CategoryListView.as_view(), name="category-list"),
    path("news/categories/new/", categories.CategoryEditView.as_view(), name="category-create"),
    path("news/categories/<int:pk>/", articles.ArticleListView.as_view(), name="article-category"),
    path("news/categories/<int:pk>/edit/", categories.CategoryEditView.as_view(), name="category-edit"),
    path("news/categories/<int:pk>/delete/", categories.CategoryDeleteView.as_view(), name="category-delete"),
    path("news/categories/<int:pk>/feed/rss/", feeds.ArticlesFeed(), name="article-category-feed-rss"),
    path("news/categories/<int:pk>/feed/atom/", feeds.ArticlesAtomFeed(), name="article-category-feed-atom"),
]
