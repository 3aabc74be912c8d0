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

from ..forms.moderation import BlockForm, DeleteForm, ModerationForm
from ..models import Answer, ModerationLog, Question
from ..permissions import MODERATING_ROLES
from ..selectors import moderation as selectors
from ..services import moderation as services
from ..services.spam import REASON_LABELS


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
            form=ModerationForm(),
            block_form=BlockForm(),
        )
        return context


def _safe_next(request, value: str) -> str:
    """Where to go after an action: a path on this site, else the queue."""
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return reverse("qa_board:moderation")


def _post_of(kind: str, pk: int) -> Question | Answer:
    if kind == "question":
        return get_object_or_404(Question.objects.select_related("author"), pk=pk)
    if kind == "answer":
        return get_object_or_404(Answer.objects.select_related("question__author", "author"), pk=pk)
    raise Http404


def _moderate(request, post: Question | Answer, action: str, reason: str) -> None:
    if isinstance(post, Question):
        services.question_moderate(question=post, action=action, actor=request.user, reason=reason)
    else:
        services.answer_moderate(
            answer=post,
            action=action,
            actor=request.user,
            reason=reason,
            thread_url=request.build_absolute_uri(post.question.get_absolute_url()),
        )


class ModerateView(ModeratorRequiredMixin, View):
    """POST: one action on one question or answer, logged with the reason. Deleting is not done
    here: it cannot be undone, so it asks first (ModerateDeleteView)."""

    def post(self, request, kind, pk, action):
        back = _safe_next(request, request.POST.get("next") or "")
        post = _post_of(kind, pk)
        allowed = services.QUESTION_ACTIONS if kind == "question" else services.ANSWER_ACTIONS
        # ".../delete/" is routed to ModerateDeleteView before this view; never delete in one step.
        if action not in allowed or action == ModerationLog.Action.DELETE:
            return redirect(back)
        form = ModerationForm(request.POST)
        _moderate(request, post, action, form.cleaned_data["reason"] if form.is_valid() else "")
        messages.success(request, _("Done: the action is recorded in the moderation log."))
        return redirect(back)


class ModerateDeleteView(ModeratorRequiredMixin, TemplateView):
    """Deleting a question (with its answers) or an answer, in two steps that need no JavaScript:
    the Delete button posts here and gets this page, which shows what goes and asks why; only
    its own "Delete" button (confirm=1, a reason given) deletes, and the log keeps the reason."""

    template_name = "qa_board/moderation_delete.html"

    def get(self, request, kind, pk):
        post = _post_of(kind, pk)
        form = DeleteForm(
            initial={"reason": request.GET.get("reason", "")[:500], "next": request.GET.get("next", "")}
        )
        return self.render_to_response(self.get_context_data(post=post, kind=kind, form=form))

    def post(self, request, kind, pk):
        post = _post_of(kind, pk)
        if not request.POST.get("confirm"):
            form = DeleteForm(
                initial={"reason": request.POST.get("reason", "")[:500], "next": request.POST.get("next", "")}
            )
            return self.render_to_response(self.get_context_data(post=post, kind=kind, form=form))
        form = DeleteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(post=post, kind=kind, form=form))
        back = _safe_next(request, form.cleaned_data["next"])
        thread = (post if isinstance(post, Question) else post.question).get_absolute_url()
        _moderate(request, post, ModerationLog.Action.DELETE, form.cleaned_data["reason"])
        if isinstance(post, Question) and back.startswith(thread):
            back = reverse("qa_board:moderation")
        messages.success(request, _("Deleted: the reason is recorded in the moderation log."))
        return redirect(back)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = context["post"]
        context["question"] = post if isinstance(post, Question) else post.question
        context["cancel_url"] = _safe_next(self.request, context["form"]["next"].value() or "")
        return context


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
