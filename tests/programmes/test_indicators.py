"""ตัวชี้วัด: progress toward each target, the SVG chart, and staff editing targets and measurements."""

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chsd_portal import roles
from programmes import charts
from programmes.demo.guide import load_demo_guide
from programmes.demo.programme import load_demo_programme
from programmes.forms.guide import MeasurementForm
from programmes.models import Indicator, IndicatorMeasurement
from programmes.selectors import guide as selectors_guide
from programmes.services.guide import DuplicateMeasurement, measurement_save
from tests.factories import ALL_ROLES, user_in_role
from tests.programmes.factories import IndicatorFactory, MeasurementFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def indicator():
    return IndicatorFactory(
        programme=ProgrammeFactory(home=True),
        description="เกิดกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน จำนวน 78 แห่ง",
        target_text="78 แห่ง",
        target_value=Decimal("78"),
        unit="แห่ง",
    )


def measure(indicator, *pairs):
    for day, value in pairs:
        MeasurementFactory(indicator=indicator, measured_on=day, value=Decimal(value))


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def parse(svg: str) -> ET.Element:
    """The chart must be well-formed XML: a browser would not draw it otherwise."""
    return ET.fromstring(str(svg))


# Chart ----------------------------------------------------------------------------------------


def test_chart_is_an_accessible_image_with_a_title_and_a_description():
    svg = charts.progress_chart_svg(
        [(dt.date(2018, 3, 31), 10), (dt.date(2019, 9, 30), 45)],
        target=Decimal("78"),
        unit="แห่ง",
        title="ตัวชี้วัดที่ 2 <ความก้าวหน้า>",
        chart_id="c2",
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c2-title c2-desc"
    assert root.find(f"{SVG}title").text == "ตัวชี้วัดที่ 2 <ความก้าวหน้า>"  # escaped in the markup
    assert "&lt;ความก้าวหน้า&gt;" in svg
    description = root.find(f"{SVG}desc").text
    assert "45" in description and "78" in description and "58" in description


def test_chart_draws_the_target_as_a_dashed_line_and_a_point_per_measurement():
    points = [(dt.date(2018, 3, 31), 10), (dt.date(2018, 9, 30), 24), (dt.date(2019, 3, 31), 38)]
    root = parse(charts.progress_chart_svg(points, target=78, unit="แห่ง", title="t", chart_id="c"))
    target = root.find(f".//{SVG}g[@class='chart-target']")
    assert target.get("data-target") == "78"
    line = target.find(f"{SVG}line")
    assert line.get("stroke-dasharray") and line.get("y1") == line.get("y2")
    circles = root.findall(f".//{SVG}circle[@class='chart-point']")
    assert len(circles) == 3
    assert [c.find(f"{SVG}title").text for c in circles][0] == "31 มี.ค. 2561: 10 แห่ง"
    assert root.find(f".//{SVG}polyline[@class='chart-line']") is not None


def test_chart_points_rise_with_the_values_and_the_target_sits_above_them():
    points = [(dt.date(2018, 3, 31), 10), (dt.date(2019, 3, 31), 45)]
    root = parse(charts.progress_chart_svg(points, target=78, title="t", chart_id="c"))
    low, high = (float(c.get("cy")) for c in root.findall(f".//{SVG}circle"))
    target_y = float(root.find(f".//{SVG}g[@class='chart-target']/{SVG}line").get("y1"))
    assert target_y < high < low  # SVG y grows downwards


def test_chart_points_are_placed_in_date_order_whatever_order_they_come_in():
    points = [(dt.date(2019, 3, 31), 38), (dt.date(2018, 3, 31), 10), (dt.date(2018, 9, 30), 24)]
    root = parse(charts.progress_chart_svg(points, target=78, title="t", chart_id="c"))
    xs = [float(c.get("cx")) for c in root.findall(f".//{SVG}circle")]
    assert xs == sorted(xs)


def test_chart_axis_labels_use_buddhist_era_dates():
    points = [(dt.date(2017, 10, 1), 1), (dt.date(2019, 9, 30), 5)]
    root = parse(charts.progress_chart_svg(points, target=10, title="t", chart_id="c", size=charts.LARGE))
    labels = [t.text for t in root.findall(f".//{SVG}text[@class='chart-x-label']")]
    assert labels and all(label.split()[-1] in ("2560", "2561", "2562") for label in labels)
    assert len(labels) <= charts.LARGE.max_x_ticks


def test_chart_with_no_measurements_shows_the_target_and_says_there_is_nothing_yet():
    root = parse(charts.progress_chart_svg([], target=44, unit="แห่ง", title="t", chart_id="c"))
    assert root.find(f".//{SVG}circle") is None
    assert root.find(f".//{SVG}text[@class='chart-empty']") is not None
    assert root.find(f".//{SVG}g[@class='chart-target']") is not None


def test_chart_with_one_measurement_draws_one_point_labelled_with_its_date():
    root = parse(charts.progress_chart_svg([(dt.date(2018, 9, 30), 4)], target=44, title="t", chart_id="c"))
    assert len(root.findall(f".//{SVG}circle")) == 1
    assert root.find(f".//{SVG}polyline") is None
    assert [t.text for t in root.findall(f".//{SVG}text[@class='chart-x-label']")] == ["30 ก.ย. 2561"]


def test_chart_without_a_target_draws_no_target_line():
    root = parse(charts.progress_chart_svg([(dt.date(2018, 9, 30), 4)], target=None, title="t", chart_id="c"))
    assert root.find(f".//{SVG}g[@class='chart-target']") is None
    assert len(root.findall(f".//{SVG}circle")) == 1


def test_chart_of_only_zeros_without_a_target_still_draws():
    root = parse(charts.progress_chart_svg([(dt.date(2018, 9, 30), 0)], title="t", chart_id="c"))
    assert len(root.findall(f".//{SVG}circle")) == 1


def test_chart_uses_no_style_attributes_or_scripts_the_csp_would_block():
    svg = str(charts.progress_chart_svg([(dt.date(2018, 9, 30), 4)], target=44, title="t", chart_id="c"))
    assert "style=" not in svg and "<script" not in svg and "<style" not in svg


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("45.00"), "45"),
        (Decimal("4.50"), "4.5"),
        (Decimal("1234.25"), "1,234.25"),
        (0, "0"),
        (None, ""),
    ],
)
def test_numbers_are_shown_as_people_write_them(value, text):
    assert charts.format_number(value) == text


@pytest.mark.parametrize(
    ("value", "target", "percent"),
    [(45, 78, 58), (20, 44, 45), (Decimal("9.1"), 10, 91), (90, 78, 115), (5, None, None), (5, 0, None)],
)
def test_percent_of_target_is_rounded_to_a_whole_number(value, target, percent):
    assert charts.percent_of(value, target) == percent


# Pages ----------------------------------------------------------------------------------------


def test_indicator_page_shows_each_target_latest_measurement_progress_and_chart(client):
    load_demo_programme(password="x")
    load_demo_guide(password="x")
    html = html_of(client.get(reverse("programmes:indicators")))
    assert "ไม่น้อยกว่าร้อยละ 10 ของจำนวนตำบลทั้งหมด" in html
    assert "78 แห่ง" in html and "44 แห่ง" in html
    assert "30 ก.ย. 2562" in html  # latest measurement, in the Buddhist Era
    assert "(58%)" in html and "45" in html
    # Each chart is drawn twice, for a phone column and a wider one (charts.responsive_chart);
    # the page shows one of them, the other is display:none.
    assert html.count('class="chart-sizes"') == 3
    assert html.count('role="img"') == 3 * 2
    assert html.count('class="chart-target"') == 3 * 2
    assert "<progress" in html


def test_progress_reads_value_of_target_with_unit_and_percent(indicator):
    measure(indicator, (dt.date(2018, 3, 31), "10"), (dt.date(2019, 9, 30), "45"))
    (row,) = selectors_guide.indicator_progress_list(indicator.programme)
    assert row.latest.value == Decimal("45")
    assert row.percent == 58
    assert row.progress_text.startswith("45 ") and row.progress_text.endswith(" 78 แห่ง (58%)")
    assert row.meter_value == Decimal("45")


def test_progress_beyond_the_target_keeps_the_bar_full_but_says_the_real_percent(indicator):
    measure(indicator, (dt.date(2019, 9, 30), "90"))
    (row,) = selectors_guide.indicator_progress_list(indicator.programme)
    assert row.percent == 115
    assert row.meter_value == Decimal("78")


def test_indicator_without_target_or_measurements_still_renders(client):
    programme = ProgrammeFactory(home=True)
    IndicatorFactory(programme=programme, target_value=None, unit="")
    html = html_of(client.get(reverse("programmes:indicators")))
    assert 'role="img"' in html and "chart-target" not in html and "<progress" not in html


def test_indicator_detail_lists_measurements_newest_first_with_percent_of_target(client, indicator):
    measure(
        indicator, (dt.date(2018, 3, 31), "10"), (dt.date(2019, 9, 30), "45"), (dt.date(2018, 9, 30), "24")
    )
    html = html_of(client.get(reverse("programmes:indicator-detail", args=[indicator.pk])))
    table = html[html.index('table-striped align-middle measurements"') :]
    assert table.index("30 ก.ย. 2562") < table.index("30 ก.ย. 2561") < table.index("31 มี.ค. 2561")
    assert "58%" in table and "31%" in table and "13%" in table
    assert 'viewBox="0 0 760 340"' in html  # the bigger chart, with the smaller two for narrower boxes
    assert html.count('class="chart-sizes has-large"') == 1
    assert html.count('class="chart-point"') == 3 * 3
    assert reverse("programmes:measurement-add", args=[indicator.pk]) not in html  # visitors get no form


def test_indicator_of_a_programme_not_on_the_home_page_is_not_found(client):
    other = IndicatorFactory(programme=ProgrammeFactory(on_home_page=False))
    assert client.get(reverse("programmes:indicator-detail", args=[other.pk])).status_code == 404


def test_staff_see_the_add_measurement_form_and_edit_buttons(client, indicator, staff_user):
    measure(indicator, (dt.date(2018, 3, 31), "10"))
    client.force_login(staff_user)
    html = html_of(client.get(reverse("programmes:indicator-detail", args=[indicator.pk])))
    assert reverse("programmes:measurement-add", args=[indicator.pk]) in html
    assert reverse("programmes:indicator-edit", args=[indicator.pk]) in html
    assert 'name="measured_on"' in html


# Staff editing --------------------------------------------------------------------------------


def edit_cases(indicator):
    measurement = MeasurementFactory(
        indicator=indicator, measured_on=dt.date(2018, 3, 31), value=Decimal("10")
    )
    return [
        (
            reverse("programmes:indicator-edit", args=[indicator.pk]),
            {"target_text": "80 แห่ง", "target_value": "80", "unit": "แห่ง"},
        ),
        (
            reverse("programmes:measurement-add", args=[indicator.pk]),
            {"measured_on": "30/9/2561", "value": "24", "note": ""},
        ),
        (
            reverse("programmes:measurement-edit", args=[indicator.pk, measurement.pk]),
            {"measured_on": "31/3/2561", "value": "12", "note": "แก้ไข"},
        ),
        (reverse("programmes:measurement-delete", args=[indicator.pk, measurement.pk]), {}),
    ]


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("case", range(4))
def test_only_staff_and_admins_may_edit_targets_and_measurements(client, indicator, role, case):
    url, data = edit_cases(indicator)[case]
    user = user_in_role(role)
    if user:
        client.force_login(user)
    get, post = client.get(url), client.post(url, data)
    if role is None:
        assert get.status_code == post.status_code == 302
        assert get.url.startswith(reverse("login")) and post.url.startswith(reverse("login"))
    elif role in (roles.MEMBER, roles.MENTOR):
        assert get.status_code == post.status_code == 403
    else:
        assert get.status_code == 200
        assert post.status_code == 302
        assert post.url == reverse("programmes:indicator-detail", args=[indicator.pk])


def test_refused_measurement_changes_leave_the_data_alone(client, indicator, mentor_user):
    url, data = edit_cases(indicator)[3]
    client.force_login(mentor_user)
    client.post(url, data)
    assert IndicatorMeasurement.objects.count() == 1


def test_staff_add_a_measurement_typed_as_a_thai_date(client, indicator, staff_user):
    client.force_login(staff_user)
    url = reverse("programmes:measurement-add", args=[indicator.pk])
    response = client.post(url, {"measured_on": "30/9/2561", "value": "24.5", "note": "ครึ่งปีหลัง"}, follow=True)
    html = html_of(response)
    measurement = indicator.measurements.get()
    assert (measurement.measured_on, measurement.value) == (dt.date(2018, 9, 30), Decimal("24.50"))
    assert "alert-success" in html and "30 ก.ย. 2561" in html


def test_a_second_measurement_on_the_same_date_is_refused_with_a_clear_message(client, indicator, staff_user):
    measure(indicator, (dt.date(2018, 9, 30), "24"))
    client.force_login(staff_user)
    response = client.post(
        reverse("programmes:measurement-add", args=[indicator.pk]),
        {"measured_on": "30/9/2561", "value": "30"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["measured_on"]
    assert errors[0].code == "unique"
    assert "30 ก.ย. 2561" in errors[0].message
    assert indicator.measurements.count() == 1


def test_the_same_date_on_another_indicator_is_fine(indicator):
    other = IndicatorFactory(programme=indicator.programme)
    measure(other, (dt.date(2018, 9, 30), "5"))
    form = MeasurementForm({"measured_on": "30/9/2561", "value": "1"}, indicator=indicator)
    assert form.is_valid(), form.errors


def test_editing_a_measurement_may_keep_its_date_but_not_take_another_ones(indicator):
    first = MeasurementFactory(indicator=indicator, measured_on=dt.date(2018, 3, 31))
    MeasurementFactory(indicator=indicator, measured_on=dt.date(2018, 9, 30))
    keep = MeasurementForm({"measured_on": "31/3/2561", "value": "11"}, instance=first, indicator=indicator)
    assert keep.is_valid(), keep.errors
    clash = MeasurementForm({"measured_on": "30/9/2561", "value": "11"}, instance=first, indicator=indicator)
    assert not clash.is_valid()
    assert clash.errors.as_data()["measured_on"][0].code == "unique"


def test_a_concurrent_duplicate_the_form_could_not_see_is_reported_not_crashed(indicator):
    measure(indicator, (dt.date(2018, 9, 30), "24"))
    with pytest.raises(DuplicateMeasurement):
        measurement_save(indicator=indicator, measured_on=dt.date(2018, 9, 30), value=Decimal("1"))
    assert indicator.measurements.count() == 1


@pytest.mark.parametrize("value", ["-1", "abc", ""])
def test_measurement_value_must_be_zero_or_more(indicator, value):
    form = MeasurementForm({"measured_on": "30/9/2561", "value": value}, indicator=indicator)
    assert not form.is_valid()
    assert "value" in form.errors


def test_measurement_date_must_be_a_real_date(indicator):
    form = MeasurementForm({"measured_on": "31/4/2561", "value": "1"}, indicator=indicator)
    assert not form.is_valid() and "measured_on" in form.errors


def test_staff_edit_the_target_and_the_chart_follows(client, indicator, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("programmes:indicator-edit", args=[indicator.pk]),
        {"target_text": "ไม่น้อยกว่า 80 แห่ง", "target_value": "80", "unit": "แห่ง"},
        follow=True,
    )
    html = html_of(response)
    indicator.refresh_from_db()
    assert (indicator.target_text, indicator.target_value) == ("ไม่น้อยกว่า 80 แห่ง", Decimal("80"))
    assert 'data-target="80"' in html


def test_a_negative_target_is_refused(client, indicator, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("programmes:indicator-edit", args=[indicator.pk]),
        {"target_text": "", "target_value": "-3", "unit": ""},
    )
    assert response.status_code == 200
    assert "target_value" in response.context["form"].errors
    assert Indicator.objects.get(pk=indicator.pk).target_value == Decimal("78")


def test_staff_delete_a_measurement_after_confirming(client, indicator, staff_user):
    measurement = MeasurementFactory(
        indicator=indicator, measured_on=dt.date(2018, 3, 31), value=Decimal("10")
    )
    client.force_login(staff_user)
    url = reverse("programmes:measurement-delete", args=[indicator.pk, measurement.pk])
    assert "31 มี.ค. 2561" in html_of(client.get(url))
    assert client.post(url).status_code == 302
    assert not IndicatorMeasurement.objects.exists()


def test_a_measurement_cannot_be_reached_through_another_indicators_url(client, indicator, staff_user):
    other = IndicatorFactory(programme=indicator.programme)
    measurement = MeasurementFactory(indicator=other)
    client.force_login(staff_user)
    url = reverse("programmes:measurement-delete", args=[indicator.pk, measurement.pk])
    assert client.post(url).status_code == 404
    assert IndicatorMeasurement.objects.filter(pk=measurement.pk).exists()


# Query counts ---------------------------------------------------------------------------------


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow(programme, indicators: int, measurements_each: int):
    while programme.indicators.count() < indicators:
        IndicatorFactory(programme=programme, target_value=Decimal("78"), unit="แห่ง")
    for indicator in programme.indicators.all():
        start = indicator.measurements.count()
        for n in range(start, measurements_each):
            MeasurementFactory(
                indicator=indicator, measured_on=dt.date(2018, 1, 1) + dt.timedelta(days=7 * n)
            )


# Visitors: programme, indicators, measurements, menu (list); indicator, measurements, menu
# (detail). Signed-in staff: + session, user and role groups.
@pytest.mark.parametrize(
    ("signed_in", "pinned_list", "pinned_detail"), [(False, 5, 4), (True, 7, 6)]
)  # with 1 for the menu's sites
def test_indicator_pages_use_a_fixed_number_of_queries(
    client, indicator, staff_user, signed_in, pinned_list, pinned_detail, django_assert_max_num_queries
):
    if signed_in:
        client.force_login(staff_user)
    programme = indicator.programme
    grow(programme, indicators=2, measurements_each=3)
    urls = [reverse("programmes:indicators"), reverse("programmes:indicator-detail", args=[indicator.pk])]
    small = []
    for url, pinned in zip(urls, (pinned_list, pinned_detail), strict=True):
        with django_assert_max_num_queries(pinned):
            small.append(queries_for(client, url))
    grow(programme, indicators=20, measurements_each=30)
    assert [queries_for(client, url) for url in urls] == small


def test_staff_measurement_pages_use_a_fixed_number_of_queries(
    client, indicator, staff_user, django_assert_max_num_queries
):
    client.force_login(staff_user)
    measurement = MeasurementFactory(indicator=indicator)
    urls = [
        reverse("programmes:indicator-edit", args=[indicator.pk]),
        reverse("programmes:measurement-add", args=[indicator.pk]),
        reverse("programmes:measurement-edit", args=[indicator.pk, measurement.pk]),
        reverse("programmes:measurement-delete", args=[indicator.pk, measurement.pk]),
    ]
    for url in urls:
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200


# Thai wording: these read the labels through the catalog, so they pass once the lead has merged
# locale/th/pending/guide.json into locale/th/LC_MESSAGES/django.po.


def test_progress_is_worded_in_thai_as_value_of_target(client):
    load_demo_programme(password="x")
    load_demo_guide(password="x")
    html = html_of(client.get(reverse("programmes:indicators")))
    assert "45 จาก 78 แห่ง (58%)" in html
    assert "ตัวชี้วัดที่ 1" in html and "เป้าหมาย" in html and "ผลการวัดล่าสุด" in html


def test_duplicate_date_message_is_in_thai(indicator):
    measure(indicator, (dt.date(2018, 9, 30), "24"))
    form = MeasurementForm({"measured_on": "30/9/2561", "value": "1"}, indicator=indicator)
    assert not form.is_valid()
    assert form.errors["measured_on"] == [
        "ตัวชี้วัดนี้มีผลการวัดวันที่ 30 ก.ย. 2561 อยู่แล้ว กรุณาแก้ไขผลการวัดเดิม หรือเลือกวันที่อื่น"
    ]
