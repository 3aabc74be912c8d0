"""RSS and Atom feeds of the published articles, all or one category's (Django's syndication
framework). Each feed is a fixed number of queries whatever it holds."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from ..selectors import articles as selectors

FEED_SIZE = 20


class ArticlesFeed(Feed):
    """/news/feed/rss/ and /news/categories/<pk>/feed/rss/ (…/atom/ for Atom)."""

    def get_object(self, request, pk=None):
        return selectors.category_by_pk(pk) if pk is not None else None

    def title(self, category):
        news = _("News and meetings")
        return f"{news}: {category.name}" if category else news

    def link(self, category):
        return category.get_absolute_url() if category else reverse("meetings:article-list")

    def description(self, category):
        return _("The latest news and meeting minutes of the community health system development programme.")

    def items(self, category):
        return selectors.latest_articles(limit=FEED_SIZE, category=category)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.body_html

    def item_pubdate(self, article):
        return timezone.make_aware(dt.datetime.combine(article.date, dt.time(0, 0)))

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return (article.author.get_full_name() or article.author.get_username()) if article.author else None

    def item_categories(self, article):
        return [article.category.name]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
