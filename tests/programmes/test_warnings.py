"""The data-quality warnings: each rule, its wording, and the review that lasts only while the
numbers behind the warning stay the same."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.utils import translation

from programmes.models import BudgetPeriod, Project, WarningReview
from programmes.selectors.warning_review import ReviewFilters, Status, review_rows
from programmes.selectors.warnings import (
    KINDS,
    annotate_warnings,
    filter_has_warnings,
    flag_name,
    warnings_for_project,
    with_open_warnings,
)
from programmes.services.warnings import WarningReviewRefused, warning_mark_reviewed
from tests.factories import UserFactory
from tests.programmes.factories import BudgetPeriodFactory, ProjectFactory, project_with_clean_periods

pytestmark = pytest.mark.django_db

Kind = WarningReview.Kind


def kinds_of(project: Project) -> set[str]:
    """The kinds that apply to the project, checking that both shapes of the rules agree: the
    per-project annotations and the set-based query of the review page."""
    annotated = annotate_warnings(Project.objects.filter(pk=project.pk)).get()
    correlated = {kind for kind in KINDS if getattr(annotated, flag_name(kind))}
    set_based = {
        row.kind for row in review_rows(ReviewFilters(status=Status.ALL)) if row.project_id == project.pk
    }
    assert correlated == set_based
    return correlated


def period(project, number, start, end, **kwargs):
    return BudgetPeriodFactory(
        warning_checks=True, project=project, number=number, start_date=start, end_date=end, **kwargs
    )


@pytest.fixture
def admin():
    return UserFactory(username="reviewer", first_name="สมศรี", last_name="ตรวจดี", role="admin")


# --- The rules -------------------------------------------------------------------------------


def test_clean_project_has_no_warning():
    assert kinds_of(project_with_clean_periods()) == set()


def test_periods_that_do_not_add_up_to_the_budget_warn():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=3).update(amount=Decimal("99999.99"))
    assert kinds_of(project) == {Kind.BUDGET_MISMATCH}


def test_project_without_periods_warns_that_its_periods_add_up_to_zero():
    project = ProjectFactory(warning_checks=True, budget=Decimal("1000000.00"))
    assert kinds_of(project) == {Kind.BUDGET_MISMATCH}
    annotated = annotate_warnings(Project.objects.filter(pk=project.pk)).get()
    assert annotated.periods_total == Decimal("0.00")
    assert annotated.budget_difference == Decimal("-1000000.00")


def test_project_with_no_budget_and_no_periods_does_not_warn():
    assert kinds_of(ProjectFactory(warning_checks=True, budget=Decimal("0.00"))) == set()


def test_period_starting_the_day_before_the_project_warns():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=1).update(start_date=dt.date(2017, 11, 30))
    assert kinds_of(project) == {Kind.PERIOD_OUTSIDE}


def test_period_ending_the_day_after_the_project_warns():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=3).update(end_date=dt.date(2019, 1, 1))
    assert kinds_of(project) == {Kind.PERIOD_OUTSIDE}


def test_periods_on_the_project_boundaries_do_not_warn():
    project = ProjectFactory(warning_checks=True, budget=Decimal("100.00"))
    period(project, 1, project.start_date, project.end_date, amount=Decimal("100.00"))
    assert kinds_of(project) == set()


def test_periods_that_touch_do_not_overlap():
    """One ends 31 Dec, the next starts 1 Jan: no day in both."""
    project = ProjectFactory(warning_checks=True, budget=Decimal("200.00"))
    period(project, 1, dt.date(2017, 12, 1), dt.date(2017, 12, 31), amount=Decimal("100.00"))
    period(project, 2, dt.date(2018, 1, 1), dt.date(2018, 12, 31), amount=Decimal("100.00"))
    assert kinds_of(project) == set()


def test_period_starting_the_day_the_previous_one_ends_overlaps():
    project = ProjectFactory(warning_checks=True, budget=Decimal("200.00"))
    period(project, 1, dt.date(2017, 12, 1), dt.date(2017, 12, 31), amount=Decimal("100.00"))
    period(project, 2, dt.date(2017, 12, 31), dt.date(2018, 12, 31), amount=Decimal("100.00"))
    assert kinds_of(project) == {Kind.PERIODS_OVERLAP}


def test_period_inside_another_overlaps_whatever_the_numbering():
    project = ProjectFactory(warning_checks=True, budget=Decimal("300.00"))
    period(project, 1, dt.date(2018, 9, 1), dt.date(2018, 12, 31), amount=Decimal("100.00"))
    period(project, 2, dt.date(2017, 12, 1), dt.date(2018, 6, 30), amount=Decimal("100.00"))
    period(project, 3, dt.date(2018, 2, 1), dt.date(2018, 2, 28), amount=Decimal("100.00"))
    assert kinds_of(project) == {Kind.PERIODS_OVERLAP}
    with translation.override("en"):
        [warning] = warnings_for_project(project)
    assert warning.details == [
        "period 2 (1 ธ.ค. 2560 - 30 มิ.ย. 2561) and period 3 (1 ก.พ. 2561 - 28 ก.พ. 2561)"
    ]


def test_report_window_ending_before_its_period_starts_warns():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=2).update(
        report_start=dt.date(2018, 3, 1), report_end=dt.date(2018, 3, 31)
    )
    assert kinds_of(project) == {Kind.REPORT_BEFORE_PERIOD}


def test_report_window_ending_the_day_its_period_starts_does_not_warn():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=2).update(
        report_start=dt.date(2018, 3, 1), report_end=dt.date(2018, 4, 1)
    )
    assert kinds_of(project) == set()


def test_periods_without_report_dates_do_not_warn_about_reports():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project).update(report_start=None, report_end=None)
    assert kinds_of(project) == set()


def test_one_project_can_have_every_warning_at_once():
    project = ProjectFactory(warning_checks=True, budget=Decimal("1000.00"))
    period(project, 1, dt.date(2017, 11, 1), dt.date(2018, 6, 30), amount=Decimal("10.00"))
    period(
        project,
        2,
        dt.date(2018, 6, 1),
        dt.date(2018, 12, 31),
        report_start=dt.date(2018, 1, 1),
        report_end=dt.date(2018, 1, 31),
        amount=Decimal("10.00"),
    )
    assert kinds_of(project) == set(KINDS)
    annotated = annotate_warnings(Project.objects.filter(pk=project.pk)).get()
    assert annotated.warning_count == 4
    assert annotated.open_warning_count == 4


def test_both_shapes_of_the_rules_agree_on_many_random_projects():
    """The per-project annotations and the set-based query flag exactly the same warnings."""
    rng = random.Random(20261122)
    for _ in range(40):
        project = ProjectFactory(warning_checks=True, budget=Decimal(rng.choice([0, 300, 301])))
        day = dt.date(2017, 12, 1)
        for number in range(1, rng.randint(0, 4) + 1):
            start = day + dt.timedelta(days=rng.randint(-40, 60))
            end = start + dt.timedelta(days=rng.randint(0, 120))
            report_end = rng.choice([None, start - dt.timedelta(days=1), end + dt.timedelta(days=30)])
            period(
                project,
                number,
                start,
                end,
                report_start=report_end and min(report_end, start - dt.timedelta(days=1)),
                report_end=report_end,
                amount=Decimal(rng.choice([100, 101])),
            )
            day = end + dt.timedelta(days=rng.randint(-5, 5))
        kinds_of(project)  # asserts the agreement


# --- Wording ----------------------------------------------------------------------------------


def test_mismatch_message_reads_as_the_seed_in_thai():
    """Passes once locale/th/pending/warnings.json is merged into the catalog."""
    project = ProjectFactory(warning_checks=True, code="60-ข-087", budget=Decimal("1000000.00"))
    with translation.override("th"):
        [warning] = warnings_for_project(project)
    assert warning.message == (
        "คำเตือน : รวมงบประมาณของทุกงวด (0.00 บาท) ไม่เท่ากับ งบประมาณโครงการ (1,000,000.00 บาท)"
    )


def test_mismatch_message_without_periods_shows_zero_baht():
    project = ProjectFactory(warning_checks=True, budget=Decimal("1000000.00"))
    with translation.override("en"):
        [warning] = warnings_for_project(project)
    assert warning.kind == Kind.BUDGET_MISMATCH
    assert "(0.00 บาท)" in warning.message and "(1,000,000.00 บาท)" in warning.message
    assert warning.difference == Decimal("-1000000.00")
    assert warning.review is None and not warning.is_reviewed


def test_outside_message_names_the_period_and_its_buddhist_era_dates():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=3).update(end_date=dt.date(2019, 1, 31))
    with translation.override("en"):
        [warning] = warnings_for_project(project)
    assert warning.details == ["period 3 (1 ก.ย. 2561 - 31 ม.ค. 2562)"]
    assert "1 ธ.ค. 2560 - 31 ธ.ค. 2561" in warning.message


def test_report_message_names_the_period_and_both_dates():
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=2).update(
        report_start=dt.date(2018, 3, 1), report_end=dt.date(2018, 3, 31)
    )
    with translation.override("en"):
        [warning] = warnings_for_project(project)
    assert warning.details == ["period 2: report dates end 31 มี.ค. 2561, period dates start 1 เม.ย. 2561"]


def test_warnings_for_project_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    project = ProjectFactory(warning_checks=True, budget=Decimal("1.00"))
    for number in range(1, 31):
        day = dt.date(2018, 1, number)
        before = day - dt.timedelta(days=1)
        period(project, number, day, day, report_start=before, report_end=before)
    WarningReview.objects.create(
        project=project, kind=Kind.PERIODS_OVERLAP, fingerprint="x", note="-", reviewed_by=UserFactory()
    )
    with django_assert_max_num_queries(3):
        warnings = warnings_for_project(project)
    assert {w.kind for w in warnings} == {Kind.BUDGET_MISMATCH, Kind.REPORT_BEFORE_PERIOD}


# --- Reviews ----------------------------------------------------------------------------------


def test_marking_reviewed_quiets_the_warning_and_records_who_and_why(admin):
    project = ProjectFactory(warning_checks=True, budget=Decimal("1000000.00"))
    review = warning_mark_reviewed(
        project=project, kind=Kind.BUDGET_MISMATCH, note="งวดยังไม่ได้กรอก", user=admin
    )
    [warning] = warnings_for_project(project)
    assert warning.is_reviewed and warning.review == review
    assert warning.review.reviewed_by == admin and warning.review.note == "งวดยังไม่ได้กรอก"
    annotated = annotate_warnings(Project.objects.filter(pk=project.pk)).get()
    assert (annotated.warning_count, annotated.open_warning_count) == (1, 0)
    assert not with_open_warnings(Project.objects.all()).exists()


def test_reviewed_warning_comes_back_when_a_period_amount_changes(admin):
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=3).update(amount=Decimal("90000.00"))
    warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="รอเอกสาร", user=admin)
    assert not with_open_warnings(Project.objects.all()).exists()

    changed = project.periods.get(number=3)
    changed.amount = Decimal("95000.00")
    changed.save()

    [warning] = warnings_for_project(project)
    assert not warning.is_reviewed
    assert list(with_open_warnings(Project.objects.all())) == [project]


def test_reviewed_warning_stays_reviewed_when_something_unrelated_changes(admin):
    project = project_with_clean_periods()
    BudgetPeriod.objects.filter(project=project, number=3).update(amount=Decimal("90000.00"))
    warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="รอเอกสาร", user=admin)

    project.name = "ชื่อใหม่ของโครงการ"
    project.lead_name = "นางสาวทดสอบ ใหม่"
    project.save()
    BudgetPeriod.objects.filter(project=project, number=1).update(report_end=dt.date(2018, 5, 1))

    [warning] = warnings_for_project(project)
    assert warning.is_reviewed
    assert not with_open_warnings(Project.objects.all()).exists()


def test_reviewed_overlap_comes_back_when_a_period_date_changes_but_not_when_an_amount_does(admin):
    project = ProjectFactory(warning_checks=True, budget=Decimal("200.00"))
    period(project, 1, dt.date(2017, 12, 1), dt.date(2018, 1, 31), amount=Decimal("100.00"))
    period(project, 2, dt.date(2018, 1, 15), dt.date(2018, 12, 31), amount=Decimal("100.00"))
    warning_mark_reviewed(project=project, kind=Kind.PERIODS_OVERLAP, note="ซ้อนตามสัญญา", user=admin)

    BudgetPeriod.objects.filter(project=project).update(amount=Decimal("50.00"))
    overlap = [w for w in warnings_for_project(project) if w.kind == Kind.PERIODS_OVERLAP]
    assert overlap[0].is_reviewed

    BudgetPeriod.objects.filter(project=project, number=2).update(start_date=dt.date(2018, 1, 20))
    overlap = [w for w in warnings_for_project(project) if w.kind == Kind.PERIODS_OVERLAP]
    assert not overlap[0].is_reviewed


def test_marking_again_replaces_the_note_and_keeps_one_review(admin):
    project = ProjectFactory(warning_checks=True)
    warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="ครั้งแรก", user=admin)
    other_admin = UserFactory(role="admin")
    warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="ครั้งที่สอง", user=other_admin)
    review = WarningReview.objects.get(project=project)
    assert (review.note, review.reviewed_by) == ("ครั้งที่สอง", other_admin)


def test_marking_a_warning_that_does_not_apply_is_refused(admin):
    project = project_with_clean_periods()
    with pytest.raises(WarningReviewRefused):
        warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="ตรวจแล้ว", user=admin)
    assert not WarningReview.objects.exists()


def test_marking_reviewed_without_a_note_is_refused(admin):
    project = ProjectFactory(warning_checks=True)
    with pytest.raises(WarningReviewRefused):
        warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="   ", user=admin)
    assert not WarningReview.objects.exists()


def test_marking_reviewed_numbers_the_admin_did_not_see_is_refused(admin):
    project = ProjectFactory(warning_checks=True)
    with pytest.raises(WarningReviewRefused):
        warning_mark_reviewed(
            project=project, kind=Kind.BUDGET_MISMATCH, note="ตรวจแล้ว", user=admin, expected_fingerprint="old"
        )
    assert not WarningReview.objects.exists()


def test_has_warnings_filter_keeps_only_projects_with_open_warnings(admin):
    clean = project_with_clean_periods()
    warned = ProjectFactory(warning_checks=True)
    reviewed = ProjectFactory(warning_checks=True)
    warning_mark_reviewed(project=reviewed, kind=Kind.BUDGET_MISMATCH, note="ตรวจแล้ว", user=admin)
    projects = Project.objects.all()
    assert list(with_open_warnings(projects)) == [warned]
    assert list(filter_has_warnings(projects, True)) == [warned]
    assert set(filter_has_warnings(projects, False)) == {clean, reviewed}
    assert filter_has_warnings(projects, None).count() == 3
    # It composes with other filters and orderings.
    assert not with_open_warnings(projects.filter(pk=clean.pk).order_by("name")).exists()
