"""Template filters for Thai display: {% load thai %} then {{ d|thai_date }} and friends."""

import functools
import logging

from django import template

from chsd_portal import thai

register = template.Library()
logger = logging.getLogger(__name__)


def quiet(filter_function):
    """A value of the wrong type shows as empty instead of breaking the page (as Django's
    own filters behave); the mistake is logged for developers."""

    @functools.wraps(filter_function)
    def wrapper(*args):
        try:
            return filter_function(*args)
        except (TypeError, ValueError, ArithmeticError, AttributeError):
            logger.warning("thai filter %s got %r", filter_function.__name__, args)
            return ""

    return wrapper


@register.filter
@quiet
def thai_date(value, style=""):
    """6 ก.พ. 2561; `|thai_date:"long"` gives 6 กุมภาพันธ์ 2561; "digits" or "long digits" for ๖."""
    return thai.format_date(value, long="long" in style, digits="digits" in style)


@register.filter
@quiet
def thai_datetime(value, style=""):
    return thai.format_datetime(value, digits="digits" in style)


@register.filter
@quiet
def thai_date_range(start, end):
    """{{ start|thai_date_range:end }} -> 1 ธันวาคม 2560 - 31 ธันวาคม 2561."""
    return thai.format_date_range(start, end)


@register.filter
@quiet
def baht(value, style=""):
    """1,000,000.00 บาท; `|baht:"plain"` leaves out the unit (for table cells under a บาท header)."""
    return thai.format_money(value, unit="plain" not in style, digits="digits" in style)


@register.filter
@quiet
def thai_digits(value):
    return thai.thai_digits(value)
