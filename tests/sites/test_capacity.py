"""Capacity reports (รายงานศักยภาพตำบล ครั้งที่ N): numbering, draft and submit, the rubric, who
may write them, and the rounds compared side by side."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from sites.models import CapacityReport
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.sites.factories import (
    CapacityReportFactory,
    ComponentScoreFactory,
    SiteFactory,
    ensure_capacity_components,
)

pytestmark = pytest.mark.django_db


def _components():
    return ensure_capacity_components()


def _data(scores=(3, 3, 4, 2, 3), organisations=(), initial_organisations=0, **overrides):
    data = {
        "report_date": "20/2/2561",
        "strengths": "อสม. เข้มแข็ง",
        "social_capital": "",
        "organisations-TOTAL_FORMS": str(len(organisations)),
        "organisations-INITIAL_FORMS": str(initial_organisations),
    }
    for index, row in enumerate(organisations):
        data.update({f"organisations-{index}-{key}": value for key, value in row.items()})
    data.update({"gaps": "", "plan": ""})
    for component, score in zip(_components(), scores, strict=False):
        data[f"component-{component.pk}-score"] = "" if score is None else str(score)
        data[f"component-{component.pk}-narrative"] = f"คำอธิบาย {component.name}"
    data.update(overrides)
    return data


def test_the_five_components_of_outcome_2_3_come_with_their_rubric():
    "The migration adds seed 000's five components, each with wording for levels 1 to 5"
    names = [c.name for c in _components()]
    assert names == [
        "ระบบข้อมูล",
        "ระบบกองทุน",
        "ระบบการพัฒนาอาสาสมัคร",
        "ระบบการเฝ้าระวังและควบคุมโรคท้องถิ่น",
        "ระบบการส่งเสริมสุขภาพและพัฒนาเด็ก",
    ]
    assert all(text for c in _components() for _level, text in c.rubric())


def test_the_database_refuses_a_score_outside_1_to_5():
    with pytest.raises(IntegrityError), transaction.atomic():
        ComponentScoreFactory(score=6)


def test_a_retired_component_cannot_be_deleted_while_scored():
    "Past reports keep their scores: a scored component is protected"
    score = ComponentScoreFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        score.component.delete()


def test_a_mentor_submits_round_2_and_sees_the_rubric_and_chart(client):
    "The second report of a site is ครั้งที่ 2; submitted with five scores it shows in the comparison"
    mentor = UserFactory(role="mentor")
    site = SiteFactory(mentors=[mentor])
    first = CapacityReportFactory(site=site, number=1, submitted=True)
    for component in _components():
        ComponentScoreFactory(report=first, component=component, score=2)
    client.force_login(mentor)
    form = client.get(reverse("sites:report-create", args=[site.code])).content.decode()
    assert "1 – ยังไม่มีการเก็บข้อมูลสุขภาพของชุมชน" in form
    response = client.post(reverse("sites:report-create", args=[site.code]), _data(submit="1"))
    assert response.status_code == 302
    report = CapacityReport.objects.get(site=site, number=2)
    assert report.status == "submitted" and report.submitted_at and report.author == mentor
    assert sorted(report.scores.values_list("score", flat=True)) == [2, 3, 3, 3, 4]
    page = client.get(reverse("sites:report-list", args=[site.code])).content.decode()
    assert page.count('class="score-chart"') == 5
    assert 'data-round="2" data-score="4"' in page
    assert "(+2)" in page and "(+1)" in page and "(0)" in page


def test_a_draft_may_lack_scores_but_submitting_needs_them_all(client, staff_user):
    "Saving a draft with a missing score works; submitting it says which score is missing"
    site = SiteFactory()
    client.force_login(staff_user)
    url = reverse("sites:report-create", args=[site.code])
    refused = client.post(url, _data(scores=(3, None, 4, 2, 3), submit="1"))
    assert refused.status_code == 200 and not CapacityReport.objects.exists()
    assert "เลือกคะแนน 1 ถึง 5 ก่อนส่งรายงาน" in refused.content.decode()
    assert "คำอธิบาย ระบบกองทุน" in refused.content.decode()  # kept as typed
    assert client.post(url, _data(scores=(3, None, 4, 2, 3), draft="1")).status_code == 302
    report = CapacityReport.objects.get()
    assert report.status == "draft" and report.number == 1


def test_visitors_do_not_see_drafts(client):
    report = CapacityReportFactory()
    assert (
        client.get(reverse("sites:report-detail", args=[report.site.code, report.number])).status_code == 404
    )


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_the_sites_mentors_and_staff_may_write_edit_or_delete(client, role):
    "Visitors are sent to sign in; members and a mentor of another site get 403"
    user = user_in_role(role)
    site = SiteFactory()
    if role == "mentor":
        SiteFactory(mentors=[user])
    report = CapacityReportFactory(site=site, number=1, submitted=True)
    if user:
        client.force_login(user)
    allowed = role in ("staff", "admin")
    responses = [
        client.post(reverse("sites:report-create", args=[site.code]), _data(draft="1")),
        client.post(reverse("sites:report-edit", args=[site.code, 1]), _data(draft="1", strengths="ใหม่")),
        client.get(reverse("sites:report-delete", args=[site.code, 1])),
        client.post(reverse("sites:report-delete", args=[site.code, 1])),
    ]
    for response in responses:
        if allowed:
            assert response.status_code in (200, 302)
        elif role is None:
            assert response.status_code == 302 and reverse("login") in response["Location"]
        else:
            assert response.status_code == 403
    remaining = list(CapacityReport.objects.filter(site=site).values_list("number", "strengths"))
    if allowed:
        assert remaining == [(2, "อสม. เข้มแข็ง")]
    else:
        assert remaining == [(report.number, "อสม. เข้มแข็ง")]


@pytest.mark.parametrize("role", [None, "mentor", "staff"])
def test_report_pages_use_a_fixed_number_of_queries(
    client, role, django_assert_max_num_queries, django_assert_num_queries
):
    "The comparison, a report and its form cost the same with 1 round or 12"
    user = user_in_role(role)
    site = SiteFactory(mentors=[user] if role == "mentor" else [])
    if user:
        client.force_login(user)

    def add_round(number):
        report = CapacityReportFactory(site=site, number=number, submitted=True)
        for component in _components():
            ComponentScoreFactory(report=report, component=component, score=number % 5 + 1)

    add_round(1)
    urls = [
        reverse("sites:report-list", args=[site.code]),
        reverse("sites:report-detail", args=[site.code, 1]),
    ]
    if role:
        urls += [
            reverse("sites:report-edit", args=[site.code, 1]),
            reverse("sites:report-create", args=[site.code]),
        ]
    counts = []
    for url in urls:
        with django_assert_max_num_queries(14) as captured:
            client.get(url)
        counts.append(len(captured))
    for number in range(2, 13):
        add_round(number)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


def test_admins_edit_the_rubric_and_retire_a_component_in_django_admin(client):
    "An admin renames a level and retires a component; new report forms leave it out, old scores stay"
    admin = UserFactory(role="admin", is_staff=True)
    score = ComponentScoreFactory(component=_components()[0])
    component = score.component
    client.force_login(admin)
    url = reverse("admin:sites_capacitycomponent_change", args=[component.pk])
    assert client.get(url).status_code == 200
    data = {f"level_{i}": f"ระดับ {i}" for i in range(1, 6)}
    response = client.post(url, {"name": component.name, "order": component.order, **data})
    assert response.status_code == 302
    component.refresh_from_db()
    assert component.level_1 == "ระดับ 1" and not component.is_active
    form = client.get(reverse("sites:report-create", args=[score.report.site.code])).content.decode()
    legend = f'<legend class="h6">{component.name}</legend>'
    assert legend not in form and form.count('<legend class="h6">') == 4
    edit = client.get(reverse("sites:report-edit", args=[score.report.site.code, score.report.number]))
    assert legend in edit.content.decode()


def test_staff_cannot_manage_the_components():
    from django.contrib.auth.backends import ModelBackend

    staff = UserFactory(role="staff")
    assert not ModelBackend().has_perm(staff, "sites.change_capacitycomponent")
    assert ModelBackend().has_perm(UserFactory(role="admin"), "sites.change_capacitycomponent")
