"""People: sign in, lockout, sign out, sign-up, password change and reset."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from chsd_portal import roles
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ต้นมะพร้าว-riverside-42"


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def is_signed_in(client):
    return "_auth_user_id" in client.session


def lock_out(client, username):
    """Fail AXES_FAILURE_LIMIT (5) times; the last failure is answered with the lockout page."""
    responses = [sign_in(client, username, "wrong-password") for _ in range(5)]
    return responses[-1]


def reset_link_from_mail(message):
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body).group(1)


# Sign in


def test_login_page_shows_django_thai_labels_and_stays_within_its_query_budget(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "registration/login.html" in [t.name for t in response.templates]
    # Django's own Thai catalog: "username" and "Password".
    assert "ชื่อผู้ใช้" in html
    assert "รหัสผ่าน" in html
    assert 'autocomplete="current-password"' in html


def test_right_password_signs_in_and_goes_home(client, staff_user):
    response = sign_in(client, "staff1", PASSWORD)
    assert response.status_code == 302
    assert response.url == "/"
    assert is_signed_in(client)


def test_sign_in_follows_a_safe_next_but_not_another_host(client, staff_user):
    response = client.post(
        reverse("login"), {"username": "staff1", "password": PASSWORD, "next": reverse("password_change")}
    )
    assert response.url == reverse("password_change")
    client.logout()
    response = client.post(
        reverse("login"), {"username": "staff1", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_wrong_password_shows_the_form_again_with_a_thai_error(client, staff_user):
    response = sign_in(client, "staff1", "wrong-password")
    assert response.status_code == 200
    assert not is_signed_in(client)
    assert response.context["form"].errors["__all__"]
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()


def test_signed_in_user_opening_the_login_page_goes_home(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("login"))
    assert response.status_code == 302
    assert response.url == "/"


def test_next_pointing_back_at_the_login_page_is_ignored(client, staff_user):
    login_url = reverse("login")
    response = client.post(
        f"{login_url}?next={login_url}", {"username": "staff1", "password": PASSWORD, "next": login_url}
    )
    assert response.url == "/"
    assert client.get(f"{login_url}?next={login_url}").url == "/"


# Lockout (django-axes: 5 failures, 15 minutes)


def test_four_failures_do_not_lock_the_account(client, staff_user):
    for _ in range(4):
        assert sign_in(client, "staff1", "wrong-password").status_code == 200
    assert sign_in(client, "staff1", PASSWORD).status_code == 302


def test_fifth_failure_answers_with_the_lockout_page_and_status_429(client, staff_user):
    response = lock_out(client, "staff1")
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert response.context["failure_limit"] == 5
    assert response.context["cooloff_timedelta"] == timedelta(minutes=15)
    html = response.content.decode()
    assert "<strong>staff1</strong>" in html
    assert reverse("password_reset") in html


def test_lockout_page_says_in_thai_that_sign_in_is_locked_for_15_minutes(client, staff_user):
    html = lock_out(client, "staff1").content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in html
    assert "15 นาที" in html
    assert "ตั้งรหัสผ่านใหม่" in html


def test_lockout_page_escapes_the_typed_username(client):
    html = lock_out(client, "<script>x</script>").content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_even_the_right_password_is_refused_while_locked(client, staff_user):
    lock_out(client, "staff1")
    response = sign_in(client, "staff1", PASSWORD)
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert not is_signed_in(client)


def test_the_lock_ends_after_15_minutes(client, staff_user):
    lock_out(client, "staff1")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "staff1", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_setting_a_new_password_from_the_reset_link_ends_the_lock(client, staff_user):
    lock_out(client, "staff1")
    client.post(reverse("password_reset"), {"email": staff_user.email})
    link = reset_link_from_mail(mail.outbox[0])
    set_password_url = client.get(link).url
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert not AccessAttempt.objects.filter(username="staff1").exists()
    assert sign_in(client, "staff1", NEW_PASSWORD).status_code == 302


# Sign out


def test_logout_by_get_is_refused_and_keeps_the_user_signed_in(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert is_signed_in(client)


def test_logout_by_post_signs_out_and_goes_home(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == "/"
    assert not is_signed_in(client)


def test_header_shows_the_users_name_and_a_sign_out_form_posting_to_logout(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("password_change")).content.decode()
    assert staff_user.get_full_name() in html
    assert f'<form method="post" action="{reverse("logout")}">' in html


# Sign-up


def signup_data(**overrides):
    data = {
        "username": "somchai",
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "email": "Somchai@Example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return {**data, **overrides}


def test_signup_page_has_every_field_labelled(client):
    response = client.get(reverse("signup"))
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("username", "first_name", "last_name", "email", "password1", "password2"):
        assert re.search(rf'<label\s+for="id_{field}"', html)


def signup_link_from_mail(message):
    return re.search(r"https?://[^/\s]+(/accounts/signup/confirm/\S+/)", message.body).group(1)


def test_signup_creates_a_community_member_who_opens_the_account_from_the_e_mailed_link(client):
    response = client.post(reverse("signup"), signup_data(), follow=True)
    user = get_user_model().objects.get(username="somchai")
    assert response.redirect_chain[-1][0] == reverse("signup_sent")
    assert not user.is_active and not is_signed_in(client)
    assert list(user.groups.values_list("name", flat=True)) == [roles.MEMBER]
    assert user.email == "somchai@example.org"
    assert user.check_password(NEW_PASSWORD)
    assert not user.is_staff
    [message] = mail.outbox
    assert message.to == ["somchai@example.org"]
    assert message.subject == "สมัครสมาชิกพอร์ทัลพัฒนาระบบสุขภาพชุมชนให้เสร็จ"

    response = client.get(signup_link_from_mail(message), follow=True)
    user.refresh_from_db()
    assert user.is_active
    assert int(client.session["_auth_user_id"]) == user.pk
    assert response.redirect_chain[-1][0] == "/"
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_a_sign_up_link_works_once(client):
    client.post(reverse("signup"), signup_data())
    link = signup_link_from_mail(mail.outbox[0])
    client.get(link)
    client.logout()
    response = client.get(link)
    assert response.status_code == 400
    assert "ลิงก์สมัครสมาชิกนี้ใช้ไม่ได้" in response.content.decode()
    assert not is_signed_in(client)


@pytest.mark.parametrize(
    "link", ["/accounts/signup/confirm/MQ/wrong-token/", "/accounts/signup/confirm/%E0%B8/x/"]
)
def test_a_forged_sign_up_link_opens_nothing(client, link):
    client.post(reverse("signup"), signup_data())
    assert client.get(link).status_code == 400
    assert not get_user_model().objects.get(username="somchai").is_active


def test_signup_answers_the_same_whether_or_not_the_e_mail_has_an_account(client):
    """Nobody can learn from the sign-up page which e-mail addresses are registered."""
    UserFactory(username="existing", email="somchai@example.org")
    taken = client.post(reverse("signup"), signup_data(email="SOMCHAI@example.org"), follow=True)
    free = client.post(
        reverse("signup"), signup_data(username="another", email="free@example.org"), follow=True
    )
    assert taken.redirect_chain == free.redirect_chain == [(reverse("signup_sent"), 302)]
    assert taken.content == free.content
    assert not get_user_model().objects.filter(username="somchai").exists()
    assert not is_signed_in(client)


def test_the_owner_of_a_taken_e_mail_is_told_by_e_mail_that_someone_tried_to_sign_up(client):
    UserFactory(username="existing", email="somchai@example.org")
    client.post(reverse("signup"), signup_data(email="SOMCHAI@example.org"))
    [message] = mail.outbox
    assert message.to == ["somchai@example.org"]
    assert message.subject == "มีผู้พยายามสมัครสมาชิกพอร์ทัลพัฒนาระบบสุขภาพชุมชนด้วยอีเมล์ของคุณ"
    assert "existing" in message.body
    assert reverse("login") in message.body and reverse("password_reset") in message.body
    assert "/accounts/signup/confirm/" not in message.body


def test_signing_up_again_before_opening_the_account_sends_its_link_again(client):
    client.post(reverse("signup"), signup_data())
    again = client.post(reverse("signup"), signup_data(username="somchai2"), follow=True)
    assert again.redirect_chain == [(reverse("signup_sent"), 302)]
    first, second = mail.outbox
    assert second.subject == first.subject and "somchai" in second.body
    client.get(signup_link_from_mail(second))
    assert get_user_model().objects.get(username="somchai").is_active
    assert not get_user_model().objects.filter(username="somchai2").exists()


def test_a_taken_username_is_still_said_next_to_its_field(client):
    UserFactory(username="somchai", email="other@example.org")
    response = client.post(reverse("signup"), signup_data())
    assert list(response.context["form"].errors) == ["username"]
    assert mail.outbox == []


def test_signup_errors_are_in_thai_next_to_their_fields(client):
    response = client.post(
        reverse("signup"), signup_data(username="bad name!", password1="12345678", password2="1234567x")
    )
    errors = response.context["form"].errors
    assert set(errors) == {"username", "password2"}
    html = response.content.decode()
    assert 'id="id_username_error"' in html
    assert "ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ" in html
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in html


def test_signup_explains_weak_passwords_in_thai(client):
    response = client.post(reverse("signup"), signup_data(password1="1234567", password2="1234567"))
    messages = response.context["form"].errors["password2"]
    assert len(messages) == 3  # too short, too common, only digits
    html = response.content.decode()
    assert "รหัสผ่านนี้สั้นเกินไป ต้องมีอย่างน้อย 8 ตัวอักษร" in html
    assert "รหัสผ่านนี้ใช้กันทั่วไปและเดาได้ง่าย" in html
    assert "รหัสผ่านนี้มีแต่ตัวเลข" in html


def test_signed_in_user_opening_signup_goes_home(client, member_user):
    client.force_login(member_user)
    assert client.get(reverse("signup")).url == "/"


# Password change


def test_password_change_needs_a_signed_in_user(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_password_change_saves_the_new_password_and_keeps_the_user_signed_in(client, member_user):
    client.force_login(member_user)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("password_change_done")
    member_user.refresh_from_db()
    assert member_user.check_password(NEW_PASSWORD)
    assert client.get(reverse("password_change_done")).status_code == 200


def test_password_change_refuses_a_wrong_old_password(client, member_user):
    client.force_login(member_user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["old_password"]
    member_user.refresh_from_db()
    assert member_user.check_password(PASSWORD)


# Password reset


def test_password_reset_mails_a_thai_link_and_the_link_sets_a_new_password(client, member_user):
    response = client.post(reverse("password_reset"), {"email": "MEMBER1@example.org"})
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["member1@example.org"]
    assert "member1" in message.body

    link = reset_link_from_mail(message)
    set_password_url = client.get(link).url  # Django swaps the token for "set-password"
    assert client.get(set_password_url).context["validlink"]
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.url == reverse("password_reset_complete")
    member_user.refresh_from_db()
    assert member_user.check_password(NEW_PASSWORD)
    assert sign_in(client, "member1", NEW_PASSWORD).status_code == 302


def test_password_reset_mail_is_in_thai(client, member_user):
    client.post(reverse("password_reset"), {"email": member_user.email})
    message = mail.outbox[0]
    assert message.subject == "ตั้งรหัสผ่านใหม่สำหรับพอร์ทัลพัฒนาระบบสุขภาพชุมชน"
    assert "เปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่" in message.body
    assert "ลิงก์ใช้ได้ครั้งเดียว ภายใน 3 วัน" in message.body


def test_password_reset_for_an_unknown_e_mail_sends_nothing_and_says_the_same(client, member_user):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert mail.outbox == []
    assert "registration/password_reset_done.html" in [t.name for t in response.templates]


def test_a_used_reset_link_no_longer_works(client, member_user):
    client.post(reverse("password_reset"), {"email": member_user.email})
    link = reset_link_from_mail(mail.outbox[0])
    set_password_url = client.get(link).url
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False
    assert reverse("password_reset") in response.content.decode()


# Every page


def test_account_pages_use_the_portal_layout_each_with_its_own_title_and_description(client):
    def head(response):
        html = response.content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
        return title, description

    default_description = head(client.get("/no-such-page/"))[1]
    heads = []
    for url_name in ("login", "signup", "password_reset", "password_reset_done", "password_reset_complete"):
        response = client.get(reverse(url_name))
        assert response.status_code == 200
        assert "base.html" in [t.name for t in response.templates]
        assert '<html lang="th">' in response.content.decode()
        heads.append(head(response))
    titles, descriptions = zip(*heads, strict=True)
    assert len(set(titles)) == len(titles)
    assert default_description not in descriptions


def test_a_signed_in_request_reads_the_user_and_their_roles_in_one_query(client, django_assert_num_queries):
    from django.contrib.auth import get_user

    user = UserFactory(role="staff")
    client.force_login(user)
    request = client.get(reverse("programmes:home")).wsgi_request
    request.user = None
    del request.user
    with django_assert_num_queries(1):  # the session is already read: the user with their roles
        loaded = get_user(request)
        assert roles.has_role(loaded, "staff") and not roles.has_role(loaded, "admin")


def test_a_user_without_any_role_signs_in_and_holds_no_role(client):
    from django.contrib.auth import get_user

    user = UserFactory(username="norole")
    client.force_login(user)
    request = client.get(reverse("programmes:home")).wsgi_request
    loaded = get_user(request)
    assert loaded.pk == user.pk and loaded._role_names == set()
