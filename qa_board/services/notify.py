"""The e-mail an asker gets when their question is answered (Django's mail; console by default)."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from ..models import Answer


def notify_asker(*, answer: Answer, thread_url: str) -> None:
    """After the commit, mail the asker (if they left an address) about a published answer that
    is not their own."""
    question = answer.question
    address = question.reply_address
    if not address or not answer.is_published:
        return
    if question.author_id is not None and question.author_id == answer.author_id:
        return

    def send():
        with translation.override("th"):
            subject = gettext("Your question has been answered: %(title)s") % {
                "title": " ".join(question.title.split())[:80]
            }
            body = render_to_string(
                "qa_board/email/answered.txt", {"question": question, "answer": answer, "url": thread_url}
            )
        send_mail(subject, body, None, [address], fail_silently=True)

    transaction.on_commit(send)
