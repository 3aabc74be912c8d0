"""The results page's reads: the counts per kind (one query), one page of results (one query),
and, when nothing matches, suggestions from the visible titles (one query)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import BooleanField, Count, F, FloatField, Q
from django.db.models.expressions import RawSQL

from chsd_portal import roles

from .. import text
from ..models import SearchDocument
from ..models.document import Visibility

# A title that contains the query outranks any body match; among equals, whole words rank higher.
TITLE_WEIGHT = 2.0
WORD_WEIGHT = 1.0
SUGGESTION_CANDIDATES = 30


@dataclass(frozen=True)
class Query:
    text: str
    parts: list[str]  # compact forms, each must appear
    match: str  # tsquery over `grams`
    title_match: str  # the same, restricted to the title (weight A)
    words: str  # tsquery of any word, for ranking

    @classmethod
    def parse(cls, query: str) -> Query | None:
        parts = text.query_parts(query)
        if not parts:
            return None
        return cls(
            text=query,
            parts=parts,
            match=text.all_parts_query(parts),
            title_match=text.all_parts_query(parts, weight="A"),
            words=text.words_query(query),
        )


def visible_documents(user):
    """What `user` may find: everything for staff and admins; else published documents and
    those naming the user among their readers."""
    documents = SearchDocument.objects.all()
    if roles.is_staff_member(user):
        return documents
    if getattr(user, "is_authenticated", False):
        return documents.filter(Q(visibility=Visibility.PUBLISHED) | Q(reader_ids__contains=[user.pk]))
    return documents.filter(visibility=Visibility.PUBLISHED)


def _matching(user, query: Query):
    return visible_documents(user).filter(
        RawSQL("search_searchdocument.grams @@ %s::tsquery", [query.match], output_field=BooleanField())
    )


def counts_by_kind(user, query: Query) -> dict[str, int]:
    rows = _matching(user, query).order_by().values("kind").annotate(n=Count("id"))
    return {row["kind"]: row["n"] for row in rows}


def ranked(user, query: Query, kind: str | None = None):
    """Matching documents, best first: title matches, then word relevance, then newer."""
    documents = _matching(user, query)
    if kind:
        documents = documents.filter(kind=kind)
    # A title that contains the query counts TITLE_WEIGHT, and up to one more the closer the
    # title is to being just the query (ตำบลท่าโสม before a long project name with ท่าโสม in it).
    length = sum(len(part) for part in query.parts)
    score_sql = (
        "(CASE WHEN search_searchdocument.title_grams @@ %s::tsquery"
        f" THEN {TITLE_WEIGHT} + round(({length}.0 / greatest(char_length(search_searchdocument.title), {length}))::numeric, 1)"
        " ELSE 0 END)"
    )
    params = [query.title_match]
    if query.words:
        # Rounded, so near-equal relevance counts as equal and the newer comes first.
        score_sql += (
            f" + round(({WORD_WEIGHT} * ts_rank(search_searchdocument.words, %s::tsquery))::numeric, 2)"
        )
        params.append(query.words)
    return documents.annotate(score=RawSQL(score_sql, params, output_field=FloatField())).order_by(
        "-score", F("date").desc(nulls_last=True), "-id"
    )


class KnownCount:
    """A queryset the Paginator pages without counting it again (the counts query already did)."""

    def __init__(self, queryset, count: int):
        self.queryset, self.total = queryset, count

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return list(self.queryset[index])


def suggestions(user, query: str, *, limit: int = 3) -> list[str]:
    """ "Did you mean …": the words (one to three) of visible titles most like the query,
    by shared trigrams and then by spelling distance."""
    packed = text.compact(query)
    gram_query = text.any_gram_query(packed)
    if not gram_query or len(packed) < 2:
        return []
    titles = (
        visible_documents(user)
        .filter(
            RawSQL(
                "search_searchdocument.title_grams @@ %s::tsquery", [gram_query], output_field=BooleanField()
            )
        )
        .annotate(
            shared=RawSQL(
                "ts_rank(search_searchdocument.title_grams, %s::tsquery, 0)",
                [gram_query],
                output_field=FloatField(),
            )
        )
        .order_by("-shared", "-id")
        .values_list("title", flat=True)[:SUGGESTION_CANDIDATES]
    )
    scored: dict[str, float] = {}
    # Runs of as many words as the query has, give or take one.
    most = len(text.words(query)) + 1
    for title in titles:
        for token in title.split():
            for phrase in _phrases(token, most):
                candidate = text.compact(phrase)
                ratio = difflib.SequenceMatcher(None, packed, candidate).ratio()
                if ratio >= 0.6 and candidate != packed:
                    scored[phrase] = max(scored.get(phrase, 0), ratio)
    best = sorted(scored.items(), key=lambda item: (-item[1], len(item[0])))
    return [phrase for phrase, _ratio in best[:limit]]


def _phrases(token: str, most: int) -> list[str]:
    """Runs of one to `most` words of a space-free piece of a title, as written."""
    import nlpo3

    pieces = [piece for piece in nlpo3.segment(token, text._dictionary()) if piece.strip()]
    found = []
    for size in range(1, max(most, 1) + 1):
        for start in range(len(pieces) - size + 1):
            found.append("".join(pieces[start : start + size]))
    return found
