"""The moderation queue (staff and admins): held posts, an action on each with its reason, the
log, and blocking an account whose posts keep being held."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from chsd_portal.mixins import RoleRequiredMixin
from chsd_portal.pagination import page_links
from chsd_portal.tables import Cell, Column, Row, Table
from chsd_portal.thai import format_datetime

from ..forms.moderation import BlockForm, ModerationForm
from ..models import Answer, ModerationLog, Question
from ..permissions import MODERATING_ROLES
from ..selectors import moderation as selectors
from ..services import moderation as services
from ..services.spam import REASON_LABELS
from .buttons import action_buttons


class ModeratorRequiredMixin(RoleRequiredMixin):
    allowed_roles = MODERATING_ROLES


class ModerationQueueView(ModeratorRequiredMixin, TemplateView):
    template_name = "qa_board/moderation_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = selectors.held_questions()
        answers = selectors.held_answers()
        authors = [post.author_id for post in [*questions, *answers] if post.author_id]
        context.update(
            held_questions=questions,
            held_answers=answers,
            counts=selectors.held_counts(),
            offenders=selectors.repeat_offenders(authors),
            reason_labels=REASON_LABELS,
            question_actions=action_buttons(services.QUESTION_ACTIONS),
            answer_actions=action_buttons(services.ANSWER_ACTIONS),
            form=ModerationForm(),
            block_form=BlockForm(),
        )
        return context


class ModerateView(ModeratorRequiredMixin, View):
    """POST: one action on one question or answer, logged with the reason."""

    def post(self, request, kind, pk, action):
        form = ModerationForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        back = request.POST.get("next") or ""
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}
        ) or not back.startswith("/"):
            back = reverse("qa_board:moderation")
        if kind == "question":
            question = get_object_or_404(Question, pk=pk)
            if action not in services.QUESTION_ACTIONS:
                return redirect(back)
            thread_url = question.get_absolute_url()
            services.question_moderate(question=question, action=action, actor=request.user, reason=reason)
            if action == ModerationLog.Action.DELETE and back.startswith(thread_url):
                back = reverse("qa_board:moderation")
        elif kind == "answer":
            answer = get_object_or_404(Answer.objects.select_related("question__author"), pk=pk)
            if action not in services.ANSWER_ACTIONS:
                return redirect(back)
            services.answer_moderate(
                answer=answer,
                action=action,
                actor=request.user,
                reason=reason,
                thread_url=request.build_absolute_uri(answer.question.get_absolute_url()),
            )
        else:
            raise Http404
        messages.success(request, _("Done: the action is recorded in the moderation log."))
        return redirect(back)


class BlockPosterView(ModeratorRequiredMixin, View):
    """POST: block (or, with unblock=1, unblock) an account from posting."""

    def post(self, request, user_pk):
        user = get_object_or_404(get_user_model(), pk=user_pk)
        if request.POST.get("unblock"):
            services.poster_unblock(
                user=user, actor=request.user, reason=request.POST.get("reason", "")[:500]
            )
            messages.success(request, _("The account may post again."))
            return redirect("qa_board:moderation")
        form = BlockForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a reason for blocking the account."))
            return redirect("qa_board:moderation")
        services.poster_block(user=user, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The account is blocked from posting."))
        return redirect("qa_board:moderation")


class ModerationLogView(ModeratorRequiredMixin, TemplateView):
    template_name = "qa_board/moderation_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = selectors.log_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            log_table=_log_table(page.object_list),
            page_nav=page_links(page.paginator, page.number, lambda n: f"?page={n}"),
        )
        return context


def _log_table(entries) -> Table:
    """The log as the portal's table (a card per entry on a phone)."""
    rows = []
    for entry in entries:
        post = (
            format_html(
                '<a href="{}">{}</a>',
                reverse("qa_board:question-detail", args=[entry.question_id]),
                entry.subject,
            )
            if entry.question_id
            else entry.subject
        )
        rows.append(
            Row(
                [
                    Cell(format_datetime(entry.created_at), css="text-nowrap"),
                    Cell(entry.actor.get_username() if entry.actor else "-"),
                    Cell(entry.get_action_display()),
                    Cell(post, css="qa-title"),
                    Cell(entry.reason or "-"),
                ]
            )
        )
    return Table(
        columns=[
            Column(_("When")),
            Column(_("By")),
            Column(_("Action")),
            Column(_("Post")),
            Column(_("Reason")),
        ],
        rows=rows,
        caption=_("Moderation log"),
        css="table-sm align-middle",
        empty_text=_("Nothing has been moderated yet."),
    )
