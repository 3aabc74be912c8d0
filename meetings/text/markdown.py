"""Article bodies: what staff type (Markdown, with a line break kept where they pressed Enter, and
HTML tables or lists pasted in) becomes the HTML readers get, through markdown-it-py and then nh3
(the Ammonia sanitiser), the wall that decides what reaches a reader whatever was typed.

nh3 keeps only the tags of a written document (headings, paragraphs, lists, emphasis, links,
tables, quotes, images) and their few harmless attributes. So no <script> or <style> (dropped
with their content), no event attribute (onclick=…), no inline style, no <iframe>, <object> or
<form>, and links only to http(s), mailto and tel addresses: `javascript:` links lose their
href. Images may only be the portal's own article images (anything else loses its src; the
Content-Security-Policy would refuse another host's picture anyway).

Headings start at <h2>: the article's title is the page's only <h1>.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from django.urls import reverse
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "mark",
    "ul", "ol", "li", "a", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "decoding"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer"
# The portal's article images: /…/images/<key>/large.jpg (or small.jpg).
IMAGE_KEY = re.compile(r"/images/([0-9a-f]{32})/(?:large|small)\.jpg$")
NUMBER = re.compile(r"^[0-9]{1,5}$")


@lru_cache(maxsize=1)
def image_url_prefix() -> str:
    """The path every article image's address starts with (from the URLconf, not repeated here)."""
    sample = reverse("meetings:article-image", args=["0" * 32, "large"])
    return sample[: sample.index("0" * 32)]


def image_keys(text: str) -> list[str]:
    """The keys of the portal images the Markdown refers to, first to last, without repeats."""
    prefix = re.escape(image_url_prefix())
    found = re.findall(prefix + r"([0-9a-f]{32})/(?:large|small)\.jpg", text or "")
    return list(dict.fromkeys(found))


def _shift_headings(state) -> None:
    """# becomes <h2>, ## <h3> …: the page's <h1> is the article's title."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable(["table", "strikethrough"])
    md.core.ruler.push("shift_headings", _shift_headings)
    default_image = md.renderer.rules["image"]

    def image(self, tokens, idx, options, env):
        """Our images get their size (no jump as they load) and load lazily."""
        token = tokens[idx]
        match = IMAGE_KEY.search(token.attrGet("src") or "")
        known = env.get("images", {}).get(match.group(1)) if match else None
        if known:
            token.attrSet("width", str(known[0]))
            token.attrSet("height", str(known[1]))
            token.attrSet("loading", "lazy")
            token.attrSet("decoding", "async")
        return default_image(tokens, idx, options, env)

    md.add_render_rule("image", image)
    return md


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if value.startswith(image_url_prefix()) and IMAGE_KEY.search(value) else None
    if attribute in ("width", "height", "colspan", "rowspan", "start"):
        return value if NUMBER.match(value) else None
    if element == "img" and attribute == "loading":
        return value if value in ("lazy", "eager") else None
    if element == "img" and attribute == "decoding":
        return value if value in ("async", "sync", "auto") else None
    if attribute == "scope":
        return value if value in ("row", "col", "rowgroup", "colgroup") else None
    return value


def sanitise(html: str) -> str:
    """Only what ALLOWED_TAGS and ALLOWED_ATTRIBUTES let through (see the module's docstring)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        attribute_filter=_attribute_filter,
    )


def render_body(text: str, *, images: dict[str, tuple[int, int]] | None = None) -> str:
    """The body's Markdown as sanitised HTML. `images` maps an image key to its (width, height)."""
    text = (text or "").replace("\r\n", "\n").replace("\x00", "")
    return sanitise(_parser().render(text, {"images": images or {}})).strip()
