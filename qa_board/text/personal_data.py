"""PDPA: Thai phone numbers and 13-digit ID numbers in a post are masked on public pages.

Every common writing is caught: 081-234-5678, 0812345678, 081 234 5678, 081.234.5678,
(081) 234-5678, +66 81 234 5678, +66812345678, 0066 81 234 5678, 02-123-4567, 02 123 4567,
(02) 123 4567, +66 2 123 4567, in Arabic or Thai digits (๐๘๑-๒๓๔-๕๖๗๘); ID numbers as
1234567890123 or 1-2345-67890-12-3 (any of space, dash or dot between the groups). A match must
stand alone: digits right before or after it mean it is part of a longer number (an account
number, a code), which is left as it is.
"""

import re

from django.utils.translation import gettext

_D = "[0-9\u0e50-\u0e59]"  # a digit, Arabic or Thai
_SEP = r"[ .\-\u2010-\u2012]?"  # at most one separator between digits
_NOT_DIGIT_BEFORE = rf"(?<!{_D})(?<!{_D}[ .\-])"
_NOT_DIGIT_AFTER = rf"(?!{_D})(?![ .\-]{_D})"

# 13 digits, the first 1-8 (never 0: 0066… is a phone number), grouped 1-4-5-2-1 or not at
# all (or any grouping: every digit may be followed by a separator).
ID_NUMBER = re.compile(rf"{_NOT_DIGIT_BEFORE}[1-8\u0e51-\u0e58](?:{_SEP}{_D}){{12}}{_NOT_DIGIT_AFTER}")

# A national prefix (0, or +66 / 0066 / 66 with an optional "(0)") and then 8 digits (landline,
# 02-123-4567) or 9 (mobile, 081-234-5678), with single separators anywhere and the area code
# optionally in parentheses.
_PREFIX = r"(?:(?:\+|00)?(?:66|๖๖)[ .\-]?(?:\(0\)|\(๐\))?[ .\-]?\(?|\(?(?:0|๐))"
PHONE_NUMBER = re.compile(
    rf"{_NOT_DIGIT_BEFORE}(?<![+(]){_PREFIX}[1-9\u0e51-\u0e59](?:\)?{_SEP}{_D}){{7,8}}{_NOT_DIGIT_AFTER}"
)


def mask_personal_data(text: str) -> str:
    """The text with every phone and ID number replaced by a Thai notice of what was hidden."""
    if not text:
        return text
    text = ID_NUMBER.sub(lambda _m: gettext("[ID number hidden]"), text)
    return PHONE_NUMBER.sub(lambda _m: gettext("[phone number hidden]"), text)
