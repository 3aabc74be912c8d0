"""Reads for the board's list: a fixed number of queries whatever the number of questions.

One query each for the topic choices and the most asked-about sub-districts (suggestions, at
most 30), one COUNT, one for the page's rows
(with topic, sub-district, district and province joined). Answer counts and views are columns
kept by services/, so no row needs another query.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q, Value

from sites.models import Subdistrict

from ..models import Question, Topic
from ..models.search import ThaiFold

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


SUGGESTIONS_CACHE_SECONDS = 300


def tambon_suggestions() -> list[tuple[str, str, str]]:
    """most_asked_subdistricts(), kept five minutes in the cache: suggestions may lag a little,
    and the count is the list page's most expensive read (`make bench`)."""
    return cache.get_or_set("qa_board:tambon-suggestions", most_asked_subdistricts, SUGGESTIONS_CACHE_SECONDS)


def most_asked_subdistricts(limit: int = 30) -> list[tuple[str, str, str]]:
    """The sub-districts most questions are about, as (code, name, province) suggestions for the
    filter: a bounded list however many sub-districts the board has reached. Counting groups the
    questions table alone; the names of the (at most 30) winners are a second, small read."""
    top = list(
        Question.objects.published()
        .filter(subdistrict__isnull=False)
        .values("subdistrict_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "subdistrict_id")
        .values_list("subdistrict_id", flat=True)[:limit]
    )
    if not top:
        return []
    names = {
        pk: (code, name, province)
        for pk, code, name, province in Subdistrict.objects.filter(pk__in=top).values_list(
            "pk", "code", "name_th", "district__province__name_th"
        )
    }
    return [names[pk] for pk in top if pk in names]


def search_condition(text: str) -> Q:
    """Questions whose title or body holds `text` anywhere: Thai has no spaces between words, so
    a substring match is what finds a word inside a sentence.

    Two conditions: the folded text LIKE the folded words (models/search.py), which the trigram
    indexes qa_question_title_trgm and qa_question_body_trgm answer, then the exact
    case-insensitive match, which decides. At 20,000 questions (tests/qa_board/test_scale.py)
    PostgreSQL plans `q=กองทุน` as

        Bitmap Heap Scan on qa_board_question
          Recheck Cond: ((translate(lower(title), …) ~~ '%…%') OR (translate(lower(body), …) ~~ '%…%'))
          ->  BitmapOr
                ->  Bitmap Index Scan on qa_question_title_trgm
                ->  Bitmap Index Scan on qa_question_body_trgm

    instead of reading every row: 3 ms instead of 58 ms for a word in 50 of the 20,000 (EXPLAIN
    ANALYZE on this machine). Without the fold, Thai gives pg_trgm no trigram at all in the C
    locale and the indexes could not narrow anything."""
    folded = ThaiFold(Value(text))
    return (Q(title_folded__contains=folded) | Q(body_folded__contains=folded)) & (
        Q(title__icontains=text) | Q(body__icontains=text)
    )


def searchable(queryset):
    return queryset.alias(title_folded=ThaiFold("title"), body_folded=ThaiFold("body"))


def filtered_questions(filters: ListFilters):
    queryset = Question.objects.published()
    if filters.q:
        queryset = searchable(queryset).filter(search_condition(filters.q))
    if filters.topic:
        queryset = queryset.filter(topic__slug=filters.topic)
    if filters.tambon:
        # A six-digit code (the list's links) or a name as typed (every tambon of that name).
        tambon = filters.tambon.split(" ", 1)[0] if filters.tambon[:1].isdigit() else filters.tambon
        if tambon.isdigit():
            queryset = queryset.filter(subdistrict__code=tambon)
        else:
            queryset = queryset.filter(subdistrict__name_th=tambon.removeprefix("ต.").strip())
    if filters.show == "unanswered":
        queryset = queryset.filter(status=Question.Status.OPEN)
    elif filters.show == "answered":
        queryset = queryset.filter(status=Question.Status.ANSWERED)
    return queryset


def question_page(filters: ListFilters, page_number):
    """The page of questions asked for, newest first."""
    queryset = (
        filtered_questions(filters)
        # Only what a row shows: every join costs planning time on each request (bench).
        .select_related("topic", "subdistrict", "author")
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
