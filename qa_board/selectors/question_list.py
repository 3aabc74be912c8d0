"""Reads for the board's list: a fixed number of queries whatever the number of questions.

One query each for the topic and sub-district choices, one COUNT, one for the page's rows
(with topic, sub-district, district and province joined). Answer counts and views are columns
kept by services/, so no row needs another query.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q

from sites.models import Subdistrict

from ..models import Question, Topic

PAGE_SIZE = 20


@dataclass(frozen=True)
class ListFilters:
    q: str = ""
    topic: str = ""
    tambon: str = ""
    show: str = ""

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or self.topic or self.tambon or self.show)


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def subdistricts_with_questions() -> list[Subdistrict]:
    """Only the sub-districts that published questions are about (not all 7,436)."""
    used = Question.objects.published().filter(subdistrict__isnull=False).values("subdistrict_id")
    return list(
        Subdistrict.objects.filter(pk__in=used).select_related("district__province").order_by("sort_name")
    )


def filtered_questions(filters: ListFilters):
    queryset = Question.objects.published()
    if filters.q:
        # Thai has no spaces between words: a plain substring match finds a word inside a sentence.
        queryset = queryset.filter(Q(title__icontains=filters.q) | Q(body__icontains=filters.q))
    if filters.topic:
        queryset = queryset.filter(topic__slug=filters.topic)
    if filters.tambon:
        queryset = queryset.filter(subdistrict__code=filters.tambon)
    if filters.show == "unanswered":
        queryset = queryset.filter(status=Question.Status.OPEN)
    elif filters.show == "answered":
        queryset = queryset.filter(status=Question.Status.ANSWERED)
    return queryset


def question_page(filters: ListFilters, page_number):
    """The page of questions asked for, newest first."""
    queryset = (
        filtered_questions(filters)
        .select_related("topic", "subdistrict__district__province", "author")
        .order_by("-created_at", "-pk")
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


def latest_answered(limit: int = 5) -> list[Question]:
    """The home page's block: the questions answered most recently."""
    return list(
        Question.objects.published()
        .filter(status=Question.Status.ANSWERED)
        .select_related("topic", "subdistrict")
        .order_by("-answered_at", "-pk")[:limit]
    )


def questions_of(user) -> list[Question]:
    """คำถามของฉัน: every question the member asked, whatever its state, newest first."""
    return list(
        Question.objects.filter(author=user)
        .exclude(moderation="spam")
        .select_related("topic", "subdistrict")
        .order_by("-created_at", "-pk")
    )
