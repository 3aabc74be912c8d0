"""News and meetings (ข่าว/ประชุม): the list (all, or one category), an article as seed 002 shows
it (read count, print, share, related items, previous/next), and the editor staff write in
(Markdown with a toolbar and a live preview; pictures uploaded through the portal)."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from chsd_portal import page_sections
from chsd_portal.pagination import page_links, with_query

from ..forms.articles import ArticleForm, ImageUploadForm, PreviewForm
from ..models import Article
from ..selectors import articles as selectors
from ..services.articles import (
    article_delete,
    article_record_read,
    article_save,
    image_markdown,
    image_upload,
)
from ..text.markdown import render_body

READER_COOKIE = "chsd_reader"
READER_COOKIE_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie
READER_ID = re.compile(r"^[0-9a-f]{32}$")
# Crawlers, link previews (LINE, Facebook …) and scripts are not readers.
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"curl|wget|python-|httpclient|okhttp|java/|go-http|libwww|scrapy|headlesschrome/.*lighthouse",
    re.IGNORECASE,
)


def counts_as_reader(request) -> bool:
    """A person's browser loading the page: not a robot, a prefetch or a HEAD request."""
    agent = request.headers.get("User-Agent", "")
    if request.method != "GET" or not agent or ROBOTS.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" not in purpose.lower()


def reader_id(request) -> tuple[str, bool]:
    """The browser's random id from its cookie, or a new one (True: set the cookie)."""
    value = request.COOKIES.get(READER_COOKIE, "")
    if READER_ID.match(value):
        return value, False
    return uuid.uuid4().hex, True


class ArticleListView(TemplateView):
    """All articles or one category's, newest first, 20 a page."""

    template_name = "meetings/article_list.html"

    @cached_property
    def category(self):
        return selectors.category_by_pk(self.kwargs["pk"]) if "pk" in self.kwargs else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = selectors.article_page(
            user=self.request.user, category=self.category, number=self.request.GET.get("page")
        )
        base = self.category.get_absolute_url() if self.category else self.request.path
        context.update(
            category=self.category,
            categories=selectors.categories_for_list(self.request.user),
            articles=page.object_list,
            page=page,
            pages=page_links(
                page.paginator, page.number, lambda n: with_query(base, {}, page=n if n > 1 else None)
            ),
            can_edit=selectors.can_edit_articles(self.request.user),
        )
        return context


def share_links(url: str, title: str) -> dict[str, str]:
    """Links that open the reader's own app with the article's address: nothing is sent by us."""
    return {
        "line": "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url}),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "email": f"mailto:?subject={quote(title)}&body={quote(title + chr(10) + url)}",
    }


class ArticleDetailView(TemplateView):
    """An article. Each browser is counted once a day (a random id in a cookie), robots never;
    the count is one statement (services.articles.article_record_read)."""

    template_name = "meetings/article_detail.html"

    def get(self, request, *args, **kwargs):
        article = selectors.article_for_page(pk=kwargs["pk"], user=request.user)
        reader, new_reader = reader_id(request)
        read_count = article.read_count
        if article.status == Article.Status.PUBLISHED and counts_as_reader(request):
            counted = article_record_read(article_id=article.pk, reader=reader, day=timezone.localdate())
            if counted is not None:
                read_count = counted
        response = self.render_to_response(self.get_context_data(article=article, read_count=read_count))
        if new_reader and counts_as_reader(request):
            response.set_cookie(
                READER_COOKIE,
                reader,
                max_age=READER_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = context["article"]
        url = self.request.build_absolute_uri(article.get_absolute_url())
        previous, following = selectors.neighbours(article)
        description = article.summary or Truncator(strip_tags(article.body_html)).chars(200)
        context.update(
            page_url=url,
            description=" ".join(description.split()),
            image_url=self.request.build_absolute_uri(article.cover.url("large")) if article.cover else "",
            share=share_links(url, article.title),
            related=selectors.related_articles(article),
            previous=previous,
            following=following,
            can_edit=selectors.can_edit_articles(self.request.user),
            page_sections=page_sections.sections_for("meetings.article", self.request, article),
        )
        return context


class ArticleEditView(PermissionRequiredMixin, TemplateView):
    """Write a new article (no pk in the URL) or edit one; a failed save shows everything as typed."""

    template_name = "meetings/article_form.html"

    def get_permission_required(self):
        return ["meetings.change_article" if "pk" in self.kwargs else "meetings.add_article"]

    @cached_property
    def article(self) -> Article:
        if "pk" in self.kwargs:
            return selectors.article_for_page(pk=self.kwargs["pk"], user=self.request.user)
        return Article(author=self.request.user, date=timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            # "Write an article" from a category's list starts in that category.
            category = self.request.GET.get("category", "")
            initial = {"category": int(category)} if category.isdigit() and not self.article.pk else {}
            context["form"] = ArticleForm(instance=self.article, initial=initial)
        context["article"] = self.article
        form = context["form"]
        body = form["body"].value() or ""
        context["preview"] = render_body(body, images=selectors.image_sizes(body))
        return context

    def post(self, request, *args, **kwargs):
        form = ArticleForm(request.POST, request.FILES, instance=self.article)
        if form.is_valid():
            saved = article_save(
                article=form.save(commit=False),
                new_images=form.cleaned_data["new_images"],
                uploaded_by=request.user,
            )
            messages.success(request, _("Saved."))
            return redirect(saved)
        return self.render_to_response(self.get_context_data(form=form))


class ArticleDeleteView(PermissionRequiredMixin, TemplateView):
    template_name = "meetings/article_confirm_delete.html"
    permission_required = "meetings.delete_article"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article"] = selectors.article_for_page(pk=self.kwargs["pk"], user=self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        article = selectors.article_for_page(pk=kwargs["pk"], user=request.user)
        category = article.category
        article_delete(article=article)
        messages.success(request, _("Deleted."))
        return redirect(category)


class ArticlePreviewView(PermissionRequiredMixin, View):
    """The editor's live preview: the body as readers will get it, sanitised the same way."""

    permission_required = "meetings.add_article"

    def post(self, request, *args, **kwargs):
        form = PreviewForm(request.POST)
        body = form.cleaned_data["body"] if form.is_valid() else ""
        return HttpResponse(render_body(body, images=selectors.image_sizes(body)), content_type="text/html")


class ArticleImageUploadView(PermissionRequiredMixin, View):
    """The editor's picture button: the picture is checked and stored, and the Markdown that shows
    it comes back for the page to put at the cursor."""

    permission_required = "meetings.add_article"

    def post(self, request, *args, **kwargs):
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = [error for field_errors in form.errors.values() for error in field_errors]
            return JsonResponse({"error": " ".join(errors)}, status=400)
        image = image_upload(upload=form.cleaned_data["image"], uploaded_by=request.user)
        return JsonResponse({"markdown": image_markdown(image), "url": image.url("large")})


def article_image(request, key: str, size: str):
    """A picture's resized copy (never the original), cached by browsers for good: its address
    changes whenever the picture does."""
    if size not in ("large", "small") or not re.fullmatch(r"[0-9a-f]{32}", key):
        raise Http404
    image = selectors.image_by_key(key)
    response = FileResponse(getattr(image, size).open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
