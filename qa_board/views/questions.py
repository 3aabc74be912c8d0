"""The board's list, a thread page, and the ask form."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from chsd_portal.pagination import page_links
from sites.models import Subdistrict

from ..cache import cache_board_page
from ..forms.answer import AnswerForm
from ..forms.ask import QuestionForm
from ..forms.question_list import QuestionFilterForm
from ..permissions import can_accept, can_answer, can_moderate, is_blocked
from ..selectors import question_list as list_selectors
from ..selectors import thread as thread_selectors
from ..services import spam
from ..services.questions import question_create, question_record_view
from . import posting

# The three tambons the programme works in come first in the ask form's list of suggestions.
SUGGESTED_SUBDISTRICTS = ("220104", "220313", "230304")


def _query_string(params, **changes) -> str:
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


class QuestionListView(TemplateView):
    """กระดานถาม - ตอบ: newest first, or only those awaiting an answer; by topic, by sub-district,
    by any part of a word; 20 a page. Cached under the board's data version (qa_board/cache.py)."""

    template_name = "qa_board/question_list.html"

    @method_decorator(cache_board_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = QuestionFilterForm(self.request.GET, topics=list_selectors.topics())
        filters = form.filters()
        page = list_selectors.question_page(filters, self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            form=form,
            filters=filters,
            page_obj=page,
            questions=page.object_list,
            tambon_suggestions=list_selectors.tambon_suggestions(),
            page_nav=page_links(page.paginator, page.number, lambda n: _query_string(params, page=n)),
            tabs=[
                {"label": _("Newest"), "url": _query_string(params, show=None), "active": not filters.show},
                {
                    "label": _("Awaiting answer"),
                    "url": _query_string(params, show="unanswered"),
                    "active": filters.show == "unanswered",
                },
                {
                    "label": _("Answered"),
                    "url": _query_string(params, show="answered"),
                    "active": filters.show == "answered",
                },
            ],
            mask=not can_moderate(self.request.user),
            is_moderator=can_moderate(self.request.user),
        )
        return context


class QuestionDetailView(TemplateView):
    """A thread: the question, its answers (accepted first) and, for those who may, the answer
    form. Every visit adds one view, by one UPDATE.

    A visitor who asked nothing in this browser gets the page every such visitor gets, so it is
    served from the cache under the board's data version (qa_board/cache.py; its view count may
    lag like the list's); the view is still counted on every visit. Signed-in people and askers
    (who see accept buttons with their CSRF token) always get a page rendered for them."""

    template_name = "qa_board/question_detail.html"

    def get(self, request, *args, **kwargs):
        own_ids = posting.own_question_ids(request)
        if not request.user.is_authenticated and not own_ids:
            question_record_view(question_id=kwargs["pk"])
            return self._shared_page(request, *args, **kwargs)
        question = self._question(kwargs["pk"], own_ids)
        if question.is_published:
            question_record_view(question_id=question.pk)
            question.view_count += 1
        self.question, self.own_ids = question, own_ids
        return super().get(request, *args, **kwargs)

    @method_decorator(cache_board_page)
    def _shared_page(self, request, *args, **kwargs):
        self.question, self.own_ids = self._question(kwargs["pk"], ()), ()
        return super().get(request, *args, **kwargs)

    def _question(self, pk, own_ids):
        question = thread_selectors.thread_question(pk, self.request.user, own_ids)
        if question is None:
            raise Http404(_("No such question."))
        return question

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(thread_context(self.request, self.question, self.own_ids))
        context.setdefault("answer_form", AnswerForm())
        return context


def thread_context(request, question, own_ids) -> dict:
    user = request.user
    moderator = can_moderate(user)
    answers = thread_selectors.thread_answers(question, user)
    open_for_answers = question.is_published and question.status != question.Status.CLOSED
    return {
        "question": question,
        "answers": answers,
        "mask": not moderator,
        "is_moderator": moderator,
        "may_answer": open_for_answers and can_answer(user),
        "is_blocked": is_blocked(user),
        "may_accept": can_accept(user, question, own_ids) and question.is_published,
        "open_for_answers": open_for_answers,
    }


class AskView(FormView):
    """ตั้งกระทู้ถาม: anyone, signed in or with a display name. A post that trips a spam rule is
    saved and held for review; a flood from one address gets the filled form back (429)."""

    template_name = "qa_board/question_form.html"
    form_class = QuestionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["suggested_subdistricts"] = list(
            Subdistrict.objects.filter(code__in=SUGGESTED_SUBDISTRICTS)
            .select_related("district__province")
            .order_by("code")
        )
        context["is_blocked"] = is_blocked(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if is_blocked(request.user):
            messages.error(request, _("Your account may no longer post on the board."))
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=403)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        request = self.request
        if spam.flooding(request):
            form.add_error(None, posting.flood_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        data = form.cleaned_data
        reasons = posting.hold_reasons_for(
            request, form, texts=(data["title"], data["body"]), duplicate_of=spam.question_duplicates()
        )
        question = question_create(
            title=data["title"],
            body=data["body"],
            author=request.user,
            display_name=data.get("display_name", ""),
            email=data.get("email", ""),
            topic=data.get("topic"),
            subdistrict=data.get("subdistrict"),
            ip_address=posting.client_ip(request),
            hold_reasons=reasons,
        )
        posting.remember_question(request, question.pk)
        if reasons:
            posting.tell_held(request)
        else:
            messages.success(request, _("Your question is published."))
        return redirect(reverse("qa_board:question-detail", kwargs={"pk": question.pk}))
