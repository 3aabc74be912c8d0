"""Routes of the board, under /qa/ (chsd_portal/urls.py)."""

from django.urls import path

from .views import answers, mine, moderation, questions

app_name = "qa_board"

urlpatterns = [
    path("", questions.QuestionListView.as_view(), name="question-list"),
    path("ask/", questions.AskView.as_view(), name="ask"),
    path("mine/", mine.MyQuestionsView.as_view(), name="my-questions"),
    path("<int:pk>/", questions.QuestionDetailView.as_view(), name="question-detail"),
    path("<int:pk>/answer/", answers.AnswerCreateView.as_view(), name="answer-create"),
    path(
        "<int:pk>/answers/<int:answer_pk>/accept/", answers.AnswerAcceptView.as_view(), name="answer-accept"
    ),
    path("moderation/", moderation.ModerationQueueView.as_view(), name="moderation"),
    path("moderation/log/", moderation.ModerationLogView.as_view(), name="moderation-log"),
    path("moderation/users/<int:user_pk>/block/", moderation.BlockPosterView.as_view(), name="block-poster"),
    # Before the general action route, which refuses "delete": deleting asks for confirmation.
    path(
        "moderation/<str:kind>/<int:pk>/delete/",
        moderation.ModerateDeleteView.as_view(),
        name="moderate-delete",
    ),
    path(
        "moderation/<str:kind>/<int:pk>/<slug:action>/",
        moderation.ModerateView.as_view(),
        name="moderate",
    ),
]
