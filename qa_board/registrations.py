"""What qa_board offers the layers below it: menu entries, the home page's block of answered
questions, role permissions and demo data."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, home_blocks, menu, roles
from chsd_portal.search import registry as search

from .demo.questions import load_demo_questions
from .models import Answer, Question, Topic
from .selectors import search as search_sources
from .selectors.question_list import latest_answered

# The seed's menu has กระดานถาม - ตอบ after พื้นที่ดำเนินการ and โครงการ, before รูปกิจกรรม. One
# entry only: the header must fit (static/js/menu-fit.js), so คำถามของฉัน and the moderation
# queue are links on the board's own page.
menu.register(menu.MenuEntry(key="qa", label=_("Q&A board"), url_name="qa_board:question-list", order=60))


def _answered_block(request) -> dict | None:
    """The latest answered questions (one query), or nothing while none is answered."""
    questions = latest_answered()
    if not questions:
        return None
    return {"questions": questions, "list_url": reverse("qa_board:question-list") + "?show=answered"}


home_blocks.register(
    home_blocks.HomeBlock(
        key="qa-answered", template="qa_board/includes/home_block.html", context=_answered_block, order=40
    )
)

for role in (roles.MEMBER, roles.MENTOR, roles.STAFF, roles.ADMIN):
    roles.grant(role, "qa_board.add_question", "qa_board.add_answer")
for role in (roles.STAFF, roles.ADMIN):
    roles.grant(
        role,
        "qa_board.moderate_question",
        "qa_board.view_moderationlog",
        "qa_board.add_blockedposter",
        "qa_board.delete_blockedposter",
    )
# Admins edit the banned words and the topics (in Django admin: admin is for admins).
roles.grant(
    roles.ADMIN,
    *(
        f"qa_board.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("bannedword", "topic")
    ),
)

demo.register("qa_board", load_demo_questions, order=60)

# Search (chsd_portal/search/registry.py): questions with their published answers. Moderation
# writes with UPDATE (no signal), so services/moderation.py tells the registry itself.
search.register(
    search.Source(
        kind="qa_board.question",
        label=_("Q&A board"),
        model=Question,
        build=search_sources.question_document,
        queryset=search_sources.questions,
        related={
            Answer: lambda answer: [answer.question_id],
            Topic: lambda topic: topic.questions.values_list("pk", flat=True),
        },
        private_fields=(
            "qa_board.Question.email",
            "qa_board.Question.ip_address",
            "qa_board.Answer.ip_address",
        ),
        order=70,
    )
)
search.register(
    search.Source(
        kind="qa_board.topic",
        label=_("Topics of the board"),
        model=Topic,
        build=search_sources.topic_document,
        order=75,
    )
)
