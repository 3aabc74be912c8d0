"""Posts are plain text: line breaks kept, web addresses made into links, nothing else.

The HTML is built from escaped text, so no tag or attribute a writer types can reach a reader,
and is then passed through nh3 (the Ammonia sanitiser) as a second wall, allowing only <p>,
<br> and <a href="http(s)://…" rel="nofollow ugc noopener">. Control characters are dropped
on the way: NUL and the other C0/C1 controls, and the bidirectional overrides and isolates
(U+202A–U+202E, U+2066–U+2069) that would let a post reverse the text after it. Zero-width
joiners stay: emoji sequences and some Thai input need them. Long words are wrapped by CSS
(`.qa-post { overflow-wrap: anywhere }`), not by the HTML.
"""

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .personal_data import mask_personal_data

ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_REL = "nofollow ugc noopener"

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# the BOM and the interlinear annotation marks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
# A web address: http(s):// or www., up to a space or a character that cannot be in a link
# written in running text. Trailing punctuation is given back to the sentence.
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\u200b-\u200f\u3000]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"…"
MAX_LINK_TEXT = 60


def clean_text(text: str) -> str:
    """The text without control characters, with Windows and old-Mac line ends made "\\n"."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _split_url(match_text: str) -> tuple[str, str]:
    """(the link, what follows it): closing brackets are kept only when balanced in the link."""
    url, tail = match_text, ""
    while url and url[-1] in _TRAILING:
        last = url[-1]
        if last == ")" and url.count("(") >= url.count(")"):
            break
        if last == "]" and url.count("[") >= url.count("]"):
            break
        url, tail = url[:-1], last + tail
    return url, tail


def links_in(text: str) -> list[str]:
    """Every web address in the text, as the renderer would link it."""
    return [_split_url(match.group(0))[0] for match in URL.finditer(clean_text(text))]


def _link(url: str) -> str:
    href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
    label = url if len(url) <= MAX_LINK_TEXT else url[: MAX_LINK_TEXT - 1] + "…"
    return f'<a href="{escape(href)}">{escape(label)}</a>'


def _paragraph(text: str) -> str:
    parts = []
    position = 0
    for match in URL.finditer(text):
        url, tail = _split_url(match.group(0))
        if not re.match(r"(?:https?://|www\.)[^/?#.\s]", url, re.IGNORECASE) or len(url) < 8:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(_link(url))
        parts.append(escape(tail))
        position = match.end()
    parts.append(escape(text[position:]))
    return "<br>".join("".join(parts).split("\n"))


def render_post(text: str, *, mask: bool = True) -> SafeString:
    """A post's body as safe HTML: paragraphs at blank lines, <br> at single line breaks."""
    text = clean_text(text)
    if mask:
        text = mask_personal_data(text)
    paragraphs = [chunk.strip("\n") for chunk in re.split(r"\n[ \t]*\n", text) if chunk.strip()]
    html = "".join(f"<p>{_paragraph(chunk)}</p>" for chunk in paragraphs)
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https"},
            link_rel=LINK_REL,
            strip_comments=True,
        )
    )


def render_plain(text: str, *, mask: bool = True) -> str:
    """A one-line text (a title, a display name) cleaned and masked; templates escape it."""
    text = " ".join(clean_text(text).split())
    return mask_personal_data(text) if mask else text
