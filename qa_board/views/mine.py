"""คำถามของฉัน: a member's own questions with their status, held ones included."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from ..selectors.question_list import questions_of


class MyQuestionsView(LoginRequiredMixin, TemplateView):
    template_name = "qa_board/my_questions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["questions"] = questions_of(self.request.user)
        return context
