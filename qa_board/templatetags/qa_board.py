"""Filters that show a post: `{{ post.body|post_html:mask }}`, `{{ question.title|post_plain:mask }}`.

`mask` is True on public pages and False for moderators, who see the original (PDPA)."""

from django import template

from ..text.render import render_plain, render_post

register = template.Library()


@register.filter
def post_html(text, mask=True):
    return render_post(text, mask=mask is not False)


@register.filter
def post_plain(text, mask=True):
    return render_plain(text, mask=mask is not False)


@register.filter
def hold_reasons_text(codes) -> str:
    """The spam rules a post tripped, in words, for the moderators."""
    from ..services.spam import REASON_LABELS

    return ", ".join(str(REASON_LABELS.get(code, code)) for code in codes or ())


@register.filter
def get_count(counts: dict, key) -> int:
    return counts.get(key, 0)


@register.filter
def moderation_buttons(post) -> list[dict]:
    """The moderators' buttons that would change this question or answer (views/buttons.py)."""
    from ..views.buttons import action_buttons

    return action_buttons(post)
