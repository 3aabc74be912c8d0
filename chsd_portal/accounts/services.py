from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from chsd_portal import roles


def _send(*, template: str, to: str, context: dict) -> None:
    subject = "".join(render_to_string(f"registration/{template}_subject.txt", context).splitlines())
    body = render_to_string(f"registration/{template}_email.txt", context)
    send_mail(subject, body, None, [to])


def member_sign_up(*, form, scheme: str, domain: str) -> None:
    """Sign up from a valid form without telling the person typing whether the e-mail address
        already has an account: either way the address gets an e-mail, and the page says the same.

        A new address gets an account that opens (and signs in) from the link in that e-mail, as a
        community member. An address already in use gets, instead of a second account, a note to its
        owner that someone tried to sign up with it, and how to sign in or reset the password (or,
    for a sign-up not opened yet, its link again)."""
    email = form.cleaned_data["email"]
    context = {"scheme": scheme, "domain": domain}
    existing = get_user_model().objects.filter(email__iexact=email).order_by("pk").first()
    if existing is not None and not existing.is_active and existing.last_login is None:
        # A sign-up never opened: send its link again rather than a note about an account that
        # cannot sign in yet.
        _send_opening_link(existing, context)
        return
    if existing is not None:
        _send(template="signup_exists", to=existing.email, context={**context, "user": existing})
        return
    with transaction.atomic():
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        user.groups.add(Group.objects.get(name=roles.MEMBER))
    _send_opening_link(user, context)


def _send_opening_link(user, context: dict) -> None:
    token = default_token_generator.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    _send(
        template="signup_activate",
        to=user.email,
        context={**context, "user": user, "uid": uid, "token": token},
    )


def member_activate(*, uidb64: str, token: str):
    """Open the account the sign-up link names, once; None when the link is wrong or used."""
    from django.utils.http import urlsafe_base64_decode

    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
        user = get_user_model().objects.get(pk=pk, is_active=False)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    if not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def account_unlock(*, username: str) -> int:
    """Forget the failed sign-ins for a username, so a lockout ends now (after a password reset,
    the owner has proved they hold the account's e-mail). Returns how many records were removed."""
    return axes_reset(username=username)
