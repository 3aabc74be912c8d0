"""Thai formatting used by every app: Buddhist-Era dates, baht, Thai digits, fiscal years.

Buddhist Era (พ.ศ.) = Gregorian year + 543. The Thai fiscal year ปีงบประมาณ 2569 runs from
1 ต.ค. 2568 to 30 ก.ย. 2569.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
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
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def thai_digits(text) -> str:
    """'5 เมษายน 2564' -> '๕ เมษายน ๒๕๖๔'; '' for None, so an empty cell never reads "None"."""
    if text is None:
        return ""
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
    """6 ก.พ. 2561 10:27 น. in Bangkok time; a plain date gets no made-up 00:00 น."""
    if value in (None, ""):
        return ""
    if not isinstance(value, dt.datetime):
        return format_date(value, digits=digits)
    if timezone.is_aware(value):
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
    # Via str so a float rounds as written (2.675 -> 2.68, not its binary 2.67499...).
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount.is_zero():
        amount = abs(amount)  # -0.001 is 0.00 บาท, never -0.00
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


def format_date_numeric(value) -> str:
    """6/2/2561: the day/month/BE-year form staff type, read back by parse_thai_date."""
    if value in (None, ""):
        return ""
    day = _as_local_date(value)
    return f"{day.day}/{day.month}/{day.year + BE_OFFSET}"


class ThaiDateError(ValueError):
    """Why a typed date was refused; `code` lets a form choose the message to show.

    Codes: "invalid" (not a date), "year" (year not four digits from 1900), and "no_such_day"
    (e.g. 31 April), which also carries `day`, `month` and `be_year` for the message.
    """

    def __init__(self, reason: str, code: str = "invalid", **params):
        super().__init__(reason)
        self.code = code
        self.params = params


# Day, month and year, or year first (ISO order), with the same separator between all three.
_DATE_RE = re.compile(r"([0-9]+)([/.-])([0-9]+)\2([0-9]+)")


def parse_thai_date(text: str) -> dt.date:
    """Read a date as Thai staff type it: 6/2/2561, 06-02-2561, 6.2.2561, 2561-02-06, ๖/๒/๒๕๖๑.

    Years from 2400 are Buddhist Era, 1900-2399 Gregorian; anything else (61, 1850) is refused
    rather than guessed, because a wrong century would go unnoticed in a report.
    """
    # Zero-width spaces come along when a date is copied out of Thai documents.
    cleaned = str(text).replace("\u200b", "").strip().translate(_ARABIC_DIGITS)
    match = _DATE_RE.fullmatch(cleaned)
    if not match:
        raise ThaiDateError(f"{text!r} is not day/month/year")
    first, _separator, second, third = match.groups()
    day, month, year = (third, second, first) if len(first) == 4 else (first, second, third)
    if len(day) > 2 or len(month) > 2:
        raise ThaiDateError(f"{text!r} is not day/month/year")
    year = int(year) if len(year) == 4 else 0
    if year >= 2400:
        year -= BE_OFFSET
    elif year < 1900:
        raise ThaiDateError(f"{text!r} needs a four-digit year, B.E. from 2400", code="year")
    day, month = int(day), int(month)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ThaiDateError(f"{text!r} has no such day or month")
    if day > calendar.monthrange(year, month)[1]:
        raise ThaiDateError(
            f"{text!r}: month {month} of {year} has no day {day}",
            code="no_such_day",
            day=day,
            month=month,
            be_year=year + BE_OFFSET,
        )
    return dt.date(year, month, day)
