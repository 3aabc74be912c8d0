"""How the portal writes and reads Thai dates, baht and fiscal years (no database needed)."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from chsd_portal import thai
from chsd_portal.forms import ThaiDateField, ThaiDateInput

UTC = dt.UTC


# --- Formatters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (dt.date(2018, 2, 6), {}, "6 ก.พ. 2561"),
        (dt.date(2021, 4, 5), {"long": True}, "5 เมษายน 2564"),
        (dt.date(2021, 4, 5), {"long": True, "digits": True}, "๕ เมษายน ๒๕๖๔"),
        (dt.date(2021, 4, 5), {"digits": True}, "๕ เม.ย. ๒๕๖๔"),
        (dt.date(2017, 12, 31), {}, "31 ธ.ค. 2560"),
        # 20:00 UTC on the 5th is already the 6th in Bangkok.
        (dt.datetime(2018, 2, 5, 20, 0, tzinfo=UTC), {}, "6 ก.พ. 2561"),
        (None, {}, ""),
        ("", {}, ""),
    ],
)
def test_format_date_writes_day_thai_month_and_buddhist_year(value, options, expected):
    assert thai.format_date(value, **options) == expected


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (dt.datetime(2018, 2, 6, 3, 27, tzinfo=UTC), {}, "6 ก.พ. 2561 10:27 น."),
        (dt.datetime(2018, 2, 5, 20, 0, tzinfo=UTC), {}, "6 ก.พ. 2561 03:00 น."),
        (dt.datetime(2018, 2, 6, 3, 27, tzinfo=UTC), {"digits": True}, "๖ ก.พ. ๒๕๖๑ ๑๐:๒๗ น."),
        (dt.date(2018, 2, 6), {}, "6 ก.พ. 2561"),
        (None, {}, ""),
    ],
    ids=["utc-shown-in-bangkok", "crosses-midnight", "thai-digits", "date-gets-no-time", "none"],
)
def test_format_datetime_shows_bangkok_time_with_nor(value, options, expected):
    assert thai.format_datetime(value, **options) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2017, 12, 1), dt.date(2018, 12, 31), "1 ธันวาคม 2560 - 31 ธันวาคม 2561"),
        (dt.date(2017, 12, 1), None, "1 ธันวาคม 2560"),
        (None, dt.date(2018, 12, 31), "31 ธันวาคม 2561"),
        (None, None, ""),
    ],
)
def test_format_date_range_uses_long_months_and_drops_a_missing_side(start, end, expected):
    assert thai.format_date_range(start, end) == expected


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (1000000, {}, "1,000,000.00 บาท"),
        (Decimal("1000000"), {}, "1,000,000.00 บาท"),
        ("1000000", {}, "1,000,000.00 บาท"),
        (0, {}, "0.00 บาท"),
        (Decimal("0.00"), {}, "0.00 บาท"),
        (Decimal("-0.004"), {}, "0.00 บาท"),
        (Decimal("0.005"), {}, "0.01 บาท"),
        (2.675, {}, "2.68 บาท"),
        (1.005, {}, "1.01 บาท"),
        (Decimal("-1234.5"), {}, "-1,234.50 บาท"),
        (1500, {"unit": False}, "1,500.00"),
        (1500, {"digits": True}, "๑,๕๐๐.๐๐ บาท"),
        (None, {}, ""),
        ("", {}, ""),
    ],
)
def test_format_money_gives_two_decimals_rounded_half_up_and_baht(value, options, expected):
    assert thai.format_money(value, **options) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5 เมษายน 2564", "๕ เมษายน ๒๕๖๔"), ("0123456789", "๐๑๒๓๔๕๖๗๘๙"), (2569, "๒๕๖๙"), (None, "")],
)
def test_thai_digits_replaces_every_arabic_digit(text, expected):
    assert thai.thai_digits(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2026, 1, 1), 2569),
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        # 17:30 UTC on 30 Sep is 00:30 on 1 Oct in Bangkok: the new fiscal year.
        (dt.datetime(2025, 9, 30, 17, 30, tzinfo=UTC), 2569),
    ],
)
def test_fiscal_year_starts_on_the_first_of_october(value, expected):
    assert thai.fiscal_year(value) == expected


@pytest.mark.parametrize(
    ("be_year", "expected"),
    [
        (2569, (dt.date(2025, 10, 1), dt.date(2026, 9, 30))),
        (2561, (dt.date(2017, 10, 1), dt.date(2018, 9, 30))),
    ],
)
def test_fiscal_year_bounds_run_from_1_october_to_30_september(be_year, expected):
    assert thai.fiscal_year_bounds(be_year) == expected


@pytest.mark.parametrize("be_year", [2563, 2569])
def test_fiscal_year_bounds_agree_with_fiscal_year(be_year):
    first, last = thai.fiscal_year_bounds(be_year)
    assert thai.fiscal_year(first) == thai.fiscal_year(last) == be_year
    assert thai.fiscal_year(first - dt.timedelta(days=1)) == be_year - 1
    assert thai.fiscal_year(last + dt.timedelta(days=1)) == be_year + 1


@pytest.mark.parametrize(
    ("be_year", "expected"),
    [
        (
            2569,
            [
                (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
                (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
                (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
                (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
            ],
        ),
    ],
)
def test_fiscal_quarters_are_oct_dec_jan_mar_apr_jun_jul_sep(be_year, expected):
    assert thai.fiscal_quarters(be_year) == expected


@pytest.mark.parametrize("be_year", [2563, 2569])
def test_fiscal_quarters_cover_the_fiscal_year_without_gaps(be_year):
    quarters = thai.fiscal_quarters(be_year)
    assert (quarters[0][0], quarters[-1][1]) == thai.fiscal_year_bounds(be_year)
    for (_, end), (next_start, _) in zip(quarters, quarters[1:], strict=False):
        assert next_start == end + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(dt.date(2018, 2, 6), "6/2/2561"), (dt.date(2021, 12, 25), "25/12/2564"), (None, "")],
)
def test_format_date_numeric_writes_day_month_buddhist_year(value, expected):
    assert thai.format_date_numeric(value) == expected


# --- Template filters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "context", "expected"),
    [
        ("{{ d|thai_date }}", {"d": dt.date(2018, 2, 6)}, "6 ก.พ. 2561"),
        ('{{ d|thai_date:"long" }}', {"d": dt.date(2021, 4, 5)}, "5 เมษายน 2564"),
        ('{{ d|thai_date:"long digits" }}', {"d": dt.date(2021, 4, 5)}, "๕ เมษายน ๒๕๖๔"),
        ("{{ d|thai_date }}", {"d": None}, ""),
        ("{{ d|thai_datetime }}", {"d": dt.datetime(2018, 2, 6, 3, 27, tzinfo=UTC)}, "6 ก.พ. 2561 10:27 น."),
        (
            "{{ start|thai_date_range:end }}",
            {"start": dt.date(2017, 12, 1), "end": dt.date(2018, 12, 31)},
            "1 ธันวาคม 2560 - 31 ธันวาคม 2561",
        ),
        ("{{ amount|baht }}", {"amount": Decimal("1000000")}, "1,000,000.00 บาท"),
        ("{{ amount|baht }}", {"amount": 0}, "0.00 บาท"),
        ('{{ amount|baht:"plain" }}', {"amount": Decimal("1234.5")}, "1,234.50"),
        ("{{ year|thai_digits }}", {"year": 2564}, "๒๕๖๔"),
        ("{{ year|thai_digits }}", {"year": None}, ""),
    ],
)
def test_template_filters_render_thai(template, context, expected):
    assert Template("{% load thai %}" + template).render(Context(context)) == expected


# --- Reading typed dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "6/2/2561",
        "06/02/2561",
        "6-2-2561",
        "6.2.2561",
        "2561-02-06",
        "2561-2-6",
        "๖/๒/๒๕๖๑",
        "๐๖/๐๒/๒๕๖๑",
        "  6/2/2561  ",
        "\t6/2/2561\n",
        "6/2/2561\u200b",
        "6/2/2018",
        "2018-02-06",
    ],
)
def test_parse_thai_date_reads_what_staff_type(text):
    assert thai.parse_thai_date(text) == dt.date(2018, 2, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/2/2563", dt.date(2020, 2, 29)),  # 2020 is a leap year
        ("31/12/2561", dt.date(2018, 12, 31)),
        ("1/1/2400", dt.date(1857, 1, 1)),  # 2400 is the first year read as B.E.
        ("31/12/2399", dt.date(2399, 12, 31)),  # ... and 2399 the last read as Gregorian
        ("1/1/1900", dt.date(1900, 1, 1)),
    ],
)
def test_parse_thai_date_tells_buddhist_from_gregorian_years(text, expected):
    assert thai.parse_thai_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("29/2/2562", "no_such_day"),  # 2019 is not a leap year
        ("31/4/2561", "no_such_day"),
        ("6/2/61", "year"),
        ("6/2/561", "year"),
        ("6/2/1899", "year"),
        ("6/2/25610", "year"),
        ("0/2/2561", "invalid"),
        ("32/1/2561", "invalid"),
        ("6/13/2561", "invalid"),
        ("6/0/2561", "invalid"),
        ("6/2-2561", "invalid"),
        ("6 2 2561", "invalid"),
        ("6 ก.พ. 2561", "invalid"),
        ("006/2/2561", "invalid"),
        ("2561/02/006", "invalid"),
        ("6/2", "invalid"),
        ("", "invalid"),
        ("tomorrow", "invalid"),
    ],
)
def test_parse_thai_date_refuses_with_a_reason(text, code):
    with pytest.raises(ValueError) as refusal:
        thai.parse_thai_date(text)
    assert refusal.value.code == code
    assert str(refusal.value)


def test_parse_thai_date_says_which_day_is_missing_from_which_month():
    with pytest.raises(thai.ThaiDateError) as refusal:
        thai.parse_thai_date("31/4/2561")
    assert refusal.value.params == {"day": 31, "month": 4, "be_year": 2561}


@pytest.mark.parametrize("day", [dt.date(2018, 2, 6), dt.date(2020, 2, 29), dt.date(1999, 12, 31)])
def test_parse_thai_date_reads_back_format_date_numeric(day):
    assert thai.parse_thai_date(thai.format_date_numeric(day)) == day


# --- The form field and its widget -------------------------------------------------------------


class DateForm(forms.Form):
    d = ThaiDateField()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6/2/2561", dt.date(2018, 2, 6)),
        ("๖/๒/๒๕๖๑", dt.date(2018, 2, 6)),
        ("29/2/2563", dt.date(2020, 2, 29)),
    ],
)
def test_thai_date_field_cleans_to_a_date(typed, expected):
    form = DateForm(data={"d": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["d"] == expected


@pytest.mark.parametrize("typed", ["", "   "])
def test_thai_date_field_treats_blank_as_missing(typed):
    form = DateForm(data={"d": typed})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["d"]] == ["required"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("29/2/2562", "no_such_day"), ("31/4/2561", "no_such_day"), ("6/2/61", "year"), ("6 ก.พ.", "invalid")],
)
def test_thai_date_field_puts_the_refusal_next_to_the_field(typed, code):
    form = DateForm(data={"d": typed})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["d"]] == [code]


# Needs the Thai catalog: passes once locale/th/pending/thai_forms.json is merged into
# locale/th/LC_MESSAGES/django.po and compiled (as does test_thai_date_input_placeholder_is_thai).
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("29/2/2562", "วันที่ 29 ไม่มีในเดือนกุมภาพันธ์ 2562"),
        ("31/4/2561", "วันที่ 31 ไม่มีในเดือนเมษายน 2561"),
        ("6/2/61", "กรอกปี พ.ศ. ให้ครบ 4 หลัก เช่น 2561"),
        ("6 ก.พ.", "กรอกวันที่ที่มีอยู่จริงในรูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 6/2/2561"),
    ],
    ids=["no-29-feb-2562", "no-31-apr-2561", "two-digit-year", "not-a-date"],
)
def test_thai_date_field_explains_the_refusal_in_thai(typed, message):
    with translation.override("th"):
        form = DateForm(data={"d": typed})
        assert form.errors["d"] == [message]


def test_thai_date_field_explains_a_missing_day_in_english_too():
    with translation.override("en"):
        form = DateForm(data={"d": "31/4/2561"})
        assert form.errors["d"] == ["There is no day 31 in April 2561."]


def test_thai_date_input_shows_an_initial_date_in_buddhist_era():
    html = str(DateForm(initial={"d": dt.date(2018, 2, 6)})["d"])
    assert 'value="6/2/2561"' in html


@pytest.mark.parametrize("typed", ["29/2/2562", " 6/2/61 ", "๖/๒/๒๕๖๑", "6.2.2561"])
def test_thai_date_input_shows_back_exactly_what_was_typed(typed):
    form = DateForm(data={"d": typed}, initial={"d": dt.date(2000, 1, 1)})
    form.is_valid()
    assert f'value="{typed}"' in str(form["d"])


def test_thai_date_input_is_a_text_box_with_the_full_keyboard_and_no_autocomplete():
    """Phones' numeric keypads lack "/", so the box keeps the full keyboard."""
    html = ThaiDateInput().render("d", dt.date(2018, 2, 6))
    for attribute in ['type="text"', 'autocomplete="off"', 'value="6/2/2561"']:
        assert attribute in html
    assert "inputmode" not in html


def test_thai_date_input_placeholder_is_thai():
    with translation.override("th"):
        html = ThaiDateInput().render("d", None)
    assert 'placeholder="วว/ดด/ปปปป"' in html


def test_thai_date_input_keeps_attributes_given_by_the_form():
    html = ThaiDateInput(attrs={"class": "form-control", "autocomplete": "bday"}).render("d", None)
    assert 'class="form-control"' in html
    assert 'autocomplete="bday"' in html
