"""Reads of articles: the list (all or one category, newest first, by pages), one article with
its related items and its neighbours in the category, the feeds, the home page's latest, and
the articles linked to a site, a workshop or a project. Each costs a fixed number of queries."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from ..models import Article, ArticleImage, Category
from ..text.markdown import image_keys

PAGE_SIZE = 20
RELATED_LIMIT = 5


def can_edit_articles(user) -> bool:
    """Staff and admins (the permission their roles are granted in registrations.py)."""
    return bool(user and user.is_authenticated and user.has_perm("meetings.change_article"))


def visible_articles(user):
    """Drafts too for those who edit articles; what is published for everyone else."""
    articles = Article.objects.all()
    return articles if can_edit_articles(user) else articles.published()


def _for_lists(queryset):
    return queryset.select_related("category", "cover", "read_counter").defer("body", "body_html")


def categories_for_list(user) -> list[Category]:
    """Every category with `article_count`, the articles this user may read in it (1 query)."""
    visible = Q() if can_edit_articles(user) else Q(articles__status=Article.Status.PUBLISHED)
    return list(Category.objects.annotate(article_count=Count("articles", filter=visible)))


def article_page(*, user, category: Category | None, number) -> Page:
    """One page of the list, newest first (a count and a page: 2 queries)."""
    articles = visible_articles(user)
    if category is not None:
        articles = articles.filter(category=category)
    paginator = Paginator(_for_lists(articles).newest_first(), PAGE_SIZE)
    return paginator.get_page(number)


def category_by_pk(pk: int) -> Category:
    return get_object_or_404(Category, pk=pk)


def article_for_page(*, pk: int, user) -> Article:
    """The article with everything its page names (1 query), or 404 (a draft, for a visitor)."""
    return get_object_or_404(
        visible_articles(user).select_related(
            "category",
            "author",
            "cover",
            "read_counter",
            "site__subdistrict__district__province",
            "workshop__site__subdistrict",
            "project",
        ),
        pk=pk,
    )


def related_articles(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """เรื่องที่เกี่ยวข้อง: published articles of the same category or the same site, newest first
    (1 query)."""
    same = Q(category_id=article.category_id)
    if article.site_id:
        same |= Q(site_id=article.site_id)
    return list(
        Article.objects.published()
        .filter(same)
        .exclude(pk=article.pk)
        .only("pk", "title", "date")
        .newest_first()[:limit]
    )


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """(the previous, older article; the next, newer one) published in the same category
    (2 queries)."""
    in_category = (
        Article.objects.published().filter(category_id=article.category_id).only("pk", "title", "date")
    )
    older = Q(date__lt=article.date) | Q(date=article.date, pk__lt=article.pk)
    newer = Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk)
    previous = in_category.filter(older).order_by("-date", "-pk").first()
    following = in_category.filter(newer).order_by("date", "pk").first()
    return previous, following


def latest_articles(*, limit: int = 5, category: Category | None = None) -> list[Article]:
    """The newest published articles, for the home page and the feeds (1 query)."""
    articles = Article.objects.published()
    if category is not None:
        articles = articles.filter(category=category)
    return list(articles.select_related("category", "author", "cover").defer("body").newest_first()[:limit])


def linked_articles(*, user, limit: int = 10, **link) -> list[Article]:
    """The articles that link to a site, a workshop or a project (`site=…`), newest first; drafts
    only for those who edit articles (1 query)."""
    return list(
        visible_articles(user)
        .filter(**link)
        .select_related("category")
        .only("pk", "title", "date", "status", "category__name")
        .newest_first()[:limit]
    )


def image_sizes(body: str) -> dict[str, tuple[int, int]]:
    """(width, height) of each portal picture the Markdown shows, by key (1 query, none if it
    shows none)."""
    keys = image_keys(body)
    if not keys:
        return {}
    return {
        image.key.hex: (image.width, image.height)
        for image in ArticleImage.objects.filter(key__in=keys).only("key", "width", "height")
    }


def image_by_key(key: str):
    return get_object_or_404(ArticleImage.objects.only("key", "large", "small"), key=key)
