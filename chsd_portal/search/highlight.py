"""Matched words in a title or snippet, wrapped in <mark>: found the way the index finds them
(on the compact, normalised text) and mapped back to the characters as written. Every piece
of text is escaped; only the <mark> tags are ours."""

from __future__ import annotations

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text


def _compact_map(original: str) -> tuple[str, list[int]]:
    """The compact form of `original` and, for each of its characters, where it stands in `original`."""
    chars, where = [], []
    for index, char in enumerate(original):
        packed = text.compact(char) if char != " " else ""
        for piece in packed:
            chars.append(piece)
            where.append(index)
    return "".join(chars), where


def spans(original: str, parts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the compact `parts` in `original`, merged."""
    packed, where = _compact_map(original)
    found = []
    for part in parts:
        if not part:
            continue
        start = packed.find(part)
        while start != -1:
            first, last = where[start], where[start + len(part) - 1] + 1
            while last < len(original) and original[last] in text.COMBINING:
                last += 1
            found.append((first, last))
            start = packed.find(part, start + len(part))
    found.sort()
    merged: list[tuple[int, int]] = []
    for first, last in found:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def marked(original: str, parts: list[str]) -> SafeString:
    """`original`, escaped, with the matches of `parts` in <mark>."""
    original = unicodedata.normalize("NFC", original or "")
    pieces, at = [], 0
    for first, last in spans(original, parts):
        pieces.append(escape(original[at:first]))
        pieces.append(f"<mark>{escape(original[first:last])}</mark>")
        at = last
    pieces.append(escape(original[at:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(body: str, parts: list[str], *, length: int = 220) -> SafeString:
    """About `length` characters of `body` around its first match (its start if none), marked."""
    body = " ".join(unicodedata.normalize("NFC", body or "").split())
    found = spans(body, parts)
    if len(body) <= length:
        return marked(body, parts)
    start = max(0, found[0][0] - length // 3) if found else 0
    if start:
        space = body.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    end = min(len(body), start + length)
    if end < len(body):
        space = body.rfind(" ", end - 30, end)
        end = space if space > start else end
    piece = marked(body[start:end], parts)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(body) else ""))  # noqa: S308
