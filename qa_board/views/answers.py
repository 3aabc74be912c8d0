"""Answering a thread (members, mentors, staff) and accepting an answer (the asker or staff)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from ..forms.answer import AnswerForm
from ..models import Answer, Question
from ..permissions import can_accept, can_answer, is_blocked
from ..services import spam
from ..services.answers import answer_accept, answer_create
from . import posting
from .questions import thread_context


class AnswerCreateView(LoginRequiredMixin, View):
    """POST only: a new answer under a published, open question."""

    template_name = "qa_board/question_detail.html"

    def post(self, request, pk):
        question = get_object_or_404(Question.objects.published().select_related("author"), pk=pk)
        if not can_answer(request.user):
            if is_blocked(request.user):
                messages.error(request, _("Your account may no longer post on the board."))
            raise PermissionDenied
        if question.status == Question.Status.CLOSED:
            messages.error(request, _("This thread is closed: it takes no more answers."))
            return redirect(question.get_absolute_url())
        form = AnswerForm(request.POST)
        status = 200
        if form.is_valid():
            if not spam.flooding(request):
                return self._save(request, question, form)
            form.add_error(None, posting.flood_message())
            status = 429
        context = thread_context(request, question, posting.own_question_ids(request))
        context["answer_form"] = form
        return TemplateResponse(request, self.template_name, context, status=status)

    def _save(self, request, question, form):
        body = form.cleaned_data["body"]
        reasons = posting.hold_reasons_for(
            request, form, texts=(body,), duplicate_of=spam.answer_duplicates(question)
        )
        answer = answer_create(
            question=question,
            author=request.user,
            body=body,
            ip_address=posting.client_ip(request),
            hold_reasons=reasons,
            thread_url=request.build_absolute_uri(question.get_absolute_url()),
        )
        if reasons:
            posting.tell_held(request)
        else:
            messages.success(request, _("Your answer is published."))
        return redirect(f"{question.get_absolute_url()}#answer-{answer.pk}")


class AnswerAcceptView(View):
    """POST only: the asker (their account or the session that asked) or staff accept an answer."""

    def post(self, request, pk, answer_pk):
        answer = get_object_or_404(
            Answer.objects.select_related("question").filter(moderation="published"),
            pk=answer_pk,
            question_id=pk,
        )
        question = answer.question
        if not question.is_published:
            raise Http404
        if not can_accept(request.user, question, posting.own_question_ids(request)):
            raise PermissionDenied
        answer_accept(answer=answer)
        messages.success(request, _("The answer is marked as accepted."))
        return redirect(f"{question.get_absolute_url()}#answer-{answer.pk}")
