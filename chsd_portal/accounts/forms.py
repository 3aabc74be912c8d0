"""Forms for signing in, signing up and setting passwords.

Django's Thai catalog leaves many of its account messages in English (the password rules, "the
two passwords didn't match", the username rule), and the project catalog only holds msgids
written in this project. So these forms say those things in the portal's own words."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

PASSWORD_MISMATCH = _("The two passwords are not the same. Type the new password again in both boxes.")
PASSWORD_AGAIN_HELP = _("Type the same password again, to be sure it has no typo.")
TOO_LONG = _("Use at most %(limit_value)d characters (you typed %(show_value)d).")


def _too_short(min_length: int) -> str:
    return ngettext(
        "This password is too short: use at least %(min_length)d character.",
        "This password is too short: use at least %(min_length)d characters.",
        min_length,
    ) % {"min_length": min_length}


def _password_error(error: ValidationError) -> ValidationError:
    """One password-validator error in the portal's words (unknown validators keep theirs)."""
    params = error.params or {}
    if error.code == "password_too_short":
        message = _too_short(params["min_length"])
    elif error.code == "password_too_similar":
        message = _("This password is too like your %(verbose_name)s: choose one that is not.") % params
    elif error.code == "password_too_common":
        message = _("This password is too common and easy to guess: choose another.")
    elif error.code == "password_entirely_numeric":
        message = _("This password has only digits: add some letters.")
    else:
        return error
    return ValidationError(message, code=error.code)


def _password_rule(validator) -> str:
    """One line of the password rules shown under the new-password box."""
    if isinstance(validator, password_validation.MinimumLengthValidator):
        return ngettext(
            "At least %(min_length)d character.", "At least %(min_length)d characters.", validator.min_length
        ) % {"min_length": validator.min_length}
    if isinstance(validator, password_validation.UserAttributeSimilarityValidator):
        return _("Not like your username, name or e-mail.")
    if isinstance(validator, password_validation.CommonPasswordValidator):
        return _("Not a commonly used password.")
    if isinstance(validator, password_validation.NumericPasswordValidator):
        return _("Not only digits.")
    return validator.get_help_text()


def password_rules_html() -> str:
    rules = [_password_rule(v) for v in password_validation.get_default_password_validators()]
    if not rules:
        return ""
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((rule,) for rule in rules)))


class PortalPasswordMixin:
    """For forms that set a new password (SetPasswordMixin): Thai rules, Thai errors."""

    new_password_fields = ("password1", "password2")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, again = self.new_password_fields
        self.fields[first].help_text = password_rules_html()
        self.fields[again].help_text = PASSWORD_AGAIN_HELP

    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            self.add_error(password_field_name, [_password_error(e) for e in error.error_list])


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Wrong username or password. Try again: capital and small letters count. "
            "Forgotten your password? Reset it below."
        ),
        "inactive": _("This account is closed. Ask the programme team to open it again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the username's max_length after the field is built, so no validator checks
        # it: a longer name would reach the sign-in check and the failed-attempt log (a 255-char
        # column) and end in a 500. No account can have a longer name, so refuse it here.
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
        field.error_messages["max_length"] = TOO_LONG


class SignUpForm(PortalPasswordMixin, UserCreationForm):
    """Community members sign themselves up; every other role is given by an admin."""

    first_name = forms.CharField(
        label=_("first name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"max_length": TOO_LONG},
    )
    last_name = forms.CharField(
        label=_("last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"max_length": TOO_LONG},
    )
    email = forms.EmailField(
        label=_("e-mail"),
        help_text=_("For resetting a forgotten password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"max_length": TOO_LONG},
    )

    error_messages = {**UserCreationForm.error_messages, "password_mismatch": PASSWORD_MISMATCH}

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "last_name", "email")
        help_texts = {
            "username": _("Up to 150 characters: English letters, digits and @ . + - _ only."),
        }
        error_messages = {
            "username": {
                "invalid": _("Use only English letters, digits and @ . + - _ in the username."),
                "max_length": TOO_LONG,
            },
        }

    def clean_email(self):
        # Whether the address already has an account is not said here (that would tell anyone
        # which addresses are registered): member_sign_up e-mails the address either way.
        return self.cleaned_data["email"].strip().lower()


class PortalPasswordChangeForm(PortalPasswordMixin, PasswordChangeForm):
    new_password_fields = ("new_password1", "new_password2")
    error_messages = {**PasswordChangeForm.error_messages, "password_mismatch": PASSWORD_MISMATCH}


class PortalSetPasswordForm(PortalPasswordMixin, SetPasswordForm):
    new_password_fields = ("new_password1", "new_password2")
    error_messages = {**SetPasswordForm.error_messages, "password_mismatch": PASSWORD_MISMATCH}


class PortalPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        help_text=_("The e-mail address you gave when you signed up."),
    )
