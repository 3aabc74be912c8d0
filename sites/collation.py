"""Thai dictionary order for place names, without relying on the database's collation.

PostgreSQL's "C" collation (the portal's default) sorts Thai by code point, which puts every
name that starts with a leading vowel (เ แ โ ใ ไ) after all the others: อำเภอเมือง… would come
last instead of under ม. Thai dictionaries order by the consonant first, then the vowel, and look
at tone marks only to break ties. `thai_sort_key` spells a name in that order, and the models
store it in a "C"-collated column, so `ORDER BY sort_name` is Thai order on any PostgreSQL.
`thai_sort_expression` is the same rule in SQL, for columns without a stored key (project
names); both are built from the two patterns below, which PostgreSQL's regular expressions
read as Python's do.
"""

from __future__ import annotations

import re

from django.db.models import CharField, F, Func, Value

LEADING_VOWEL_THEN_CONSONANT = "([\u0e40-\u0e44])([\u0e01-\u0e2e])"
TONE_AND_SIGNS = "[\u0e47-\u0e4c]"  # ็ ่ ้ ๊ ๋ ์
CONSONANT_FIRST = r"\2\1"
_LEADING_VOWEL_THEN_CONSONANT = re.compile(LEADING_VOWEL_THEN_CONSONANT)
_TONE_AND_SIGNS = re.compile(TONE_AND_SIGNS)


def thai_sort_key(name: str) -> str:
    """`name` rewritten so that plain code-point order is Thai dictionary order.

    The primary part drops tone marks and moves each leading vowel after its consonant; the
    name itself follows a separator, so names equal on the primary part still order stably.

    >>> sorted(["เมืองจันทบุรี", "ขลุง", "มะขาม"], key=thai_sort_key)
    ['ขลุง', 'มะขาม', 'เมืองจันทบุรี']
    """
    name = " ".join(name.split())
    primary = _LEADING_VOWEL_THEN_CONSONANT.sub(CONSONANT_FIRST, _TONE_AND_SIGNS.sub("", name))
    return f"{primary}\u0001{name}"


def thai_sort_expression(field_name: str) -> Func:
    """The primary part of `thai_sort_key` computed by PostgreSQL from the column `field_name`:
    order by it, then by the column itself, as the stored keys do."""
    without_tones = Func(
        F(field_name), Value(TONE_AND_SIGNS), Value(""), Value("g"), function="REGEXP_REPLACE"
    )
    return Func(
        without_tones,
        Value(LEADING_VOWEL_THEN_CONSONANT),
        Value(CONSONANT_FIRST),
        Value("g"),
        function="REGEXP_REPLACE",
        output_field=CharField(),
    )
