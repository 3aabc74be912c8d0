"""Thai formatting used by every app: Buddhist-Era dates, baht, Thai digits, fiscal years.

Buddhist Era (พ.ศ.) = Gregorian year + 543. The Thai fiscal year ปีงบประมาณ 2569 runs from
1 ต.ค. 2568 to 30 ก.ย. 2569.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

BE_OFFSET = 543

SHORT_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
LONG_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text) -> str:
    """'5 เมษายน 2564' -> '๕ เมษายน ๒๕๖๔'."""
    return str(text).translate(_THAI_DIGITS)


def _as_local_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value, *, long: bool = False, digits: bool = False) -> str:
    """6 ก.พ. 2561 (short) or 6 กุมภาพันธ์ 2561 (long); '' for no date."""
    if value in (None, ""):
        return ""
    day = _as_local_date(value)
    months = LONG_MONTHS if long else SHORT_MONTHS
    text = f"{day.day} {months[day.month - 1]} {day.year + BE_OFFSET}"
    return thai_digits(text) if digits else text


def format_datetime(value, *, digits: bool = False) -> str:
    """6 ก.พ. 2561 10:27 น. in Bangkok time."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{format_date(value)} {value:%H:%M} น."
    return thai_digits(text) if digits else text


def format_date_range(start, end, *, long: bool = True, digits: bool = False) -> str:
    """1 ธันวาคม 2560 - 31 ธันวาคม 2561; one side alone when the other is missing."""
    parts = [format_date(d, long=long, digits=digits) for d in (start, end)]
    return " - ".join(part for part in parts if part)


def format_money(value, *, unit: bool = True, digits: bool = False) -> str:
    """1,000,000.00 บาท (two decimals, rounded half up as accountants do)."""
    if value in (None, ""):
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{amount:,.2f}" + (" บาท" if unit else "")
    return thai_digits(text) if digits else text


def fiscal_year(value) -> int:
    """The Thai fiscal year (BE) a date falls in: 1 Oct 2025 -> 2569."""
    day = _as_local_date(value)
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def fiscal_year_bounds(be_year: int) -> tuple[dt.date, dt.date]:
    """ปีงบประมาณ 2569 -> (2025-10-01, 2026-09-30)."""
    year = be_year - BE_OFFSET
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def fiscal_quarters(be_year: int) -> list[tuple[dt.date, dt.date]]:
    """The four quarters of a fiscal year: Oct–Dec, Jan–Mar, Apr–Jun, Jul–Sep."""
    year = be_year - BE_OFFSET
    return [
        (dt.date(year - 1, 10, 1), dt.date(year - 1, 12, 31)),
        (dt.date(year, 1, 1), dt.date(year, 3, 31)),
        (dt.date(year, 4, 1), dt.date(year, 6, 30)),
        (dt.date(year, 7, 1), dt.date(year, 9, 30)),
    ]
