"""Every message Django or a library can put next to a field or in a banner is Thai, in the
portal's words: the catalog holds Django's own messages (chsd_portal/django_messages.py), and
every form of the portal, given each kind of bad input its fields can get, answers only in Thai."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import django
import polib
import pytest
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

THAI = re.compile(r"[\u0e01-\u0e5b]")
PO = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"
DJANGO = Path(django.__file__).parent

# The Django sources whose messages can reach a field or a banner: validators, model and form
# fields, forms, formsets, model forms, and the account forms and password rules.
MESSAGE_SOURCES = {
    DJANGO / "conf/locale/en/LC_MESSAGES/django.po": (
        "core/validators.py",
        "db/models/base.py",
        "db/models/constraints.py",
        "db/models/fields/",
        "forms/fields.py",
        "forms/forms.py",
        "forms/formsets.py",
        "forms/models.py",
        "forms/utils.py",
    ),
    DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po": (
        "contrib/auth/forms.py",
        "contrib/auth/password_validation.py",
        "contrib/auth/validators.py",
    ),
}
# Strings from those files that are not messages a person reads next to a field: model field
# descriptions (for developers), punctuation, the IP protocol names put into a message, labels
# and help texts the portal's account forms replace with their own.
NOT_MESSAGES = {
    ":",
    "Field of type: %(field_type)s",
    "String (up to %(max_length)s)",
    "String (unlimited)",
    "%(from)s-%(to)s relationship",
    "%(from)s-%(to)s relationships",
    "IPv4",
    "IPv6",
    "IPv4 or IPv6",
    "Order",
    "Delete",
    "Invalid password format or unknown hashing algorithm.",
    "No password set.",
    "Reset password",
    "Set password",
    "Password",
    "Password confirmation",
    "Enter the same password as before, for verification.",
    "Password-based authentication",
    "Enabled",
    "Disabled",
    "Email",
    "New password",
    "New password confirmation",
    "Old password",
    "Your password must contain at least %(min_length)d character.",
    "Your password can’t be too similar to your other personal information.",
    "Your password can’t be a commonly used password.",
    "Your password can’t be entirely numeric.",
    # Django admin's user pages only.
    "Whether the user will be able to authenticate using a password or not. If disabled, they may "
    "still be able to authenticate using other backends, such as Single Sign-On or LDAP.",
    "Raw passwords are not stored, so there is no way to see the user’s password.",
    "Enable password-based authentication for this user by setting a password.",
}


def _field_descriptions() -> set[str]:
    from django.db.models import Field

    found, todo = set(), [Field]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        description = cls.__dict__.get("description")
        if description is not None and getattr(description, "_args", None):
            found.add(description._args[0])
    return found


def django_messages() -> list[polib.POEntry]:
    descriptions = _field_descriptions()
    entries = []
    for po_path, sources in MESSAGE_SOURCES.items():
        for entry in polib.pofile(str(po_path)):
            files = [path for path, _line in entry.occurrences]
            if not any(path.startswith(source) for path in files for source in sources):
                continue
            if entry.msgid in NOT_MESSAGES or entry.msgid in descriptions:
                continue
            entries.append(entry)
    return entries


def test_the_portal_catalog_words_every_message_django_can_put_next_to_a_field():
    ours = {entry.msgid: entry for entry in polib.pofile(str(PO)) if entry.translated()}
    messages = django_messages()
    assert len(messages) > 70  # the filter above still finds Django's messages
    missing = [entry.msgid for entry in messages if entry.msgid not in ours]
    assert missing == [], f"add these to chsd_portal/django_messages.py and the Thai catalog: {missing}"
    with translation.override("th"):
        for entry in messages:
            if entry.msgid_plural:
                continue
            # The portal's catalog wins over Django's own Thai (LOCALE_PATHS comes first).
            assert gettext(entry.msgid) == ours[entry.msgid].msgstr


def test_no_message_reads_as_a_translation():
    """ "ฟิลด์นี้จำเป็น" is a translation; the portal says what to do: "กรุณากรอกช่องนี้"."""
    catalog = polib.pofile(str(PO))
    wooden = [e.msgid for e in catalog if "ฟิลด์" in (e.msgstr or "".join(e.msgstr_plural.values()))]
    assert wooden == []
    with translation.override("th"):
        assert gettext("This field is required.") == "กรุณากรอกช่องนี้"


# --- Every form of the portal, with every kind of bad input ----------------------------------


def _portal_forms() -> list[type[forms.BaseForm]]:
    """Every form class defined in the portal's apps, found by importing all their modules."""
    for app in settings.LOCAL_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if any(part in info.name for part in (".migrations", ".management", ".settings", ".wsgi")):
                continue
            importlib.import_module(info.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in settings.LOCAL_APPS:
            found.append(cls)
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


# Bad input a form leaves to a later check: the sign-in form does not limit the username's length
# (Django sets max_length after building the validators) and answers "wrong username or password".
CHECKED_ELSEWHERE = {("LoginForm", "username", "too long")}


def _make_form(cls, data):
    params = inspect.signature(cls.__init__).parameters
    if issubclass(cls, auth_forms.AuthenticationForm):
        return cls(request=None, data=data)
    if "user" in params and list(params).index("user") == 1:
        return cls(UserFactory(), data=data)
    return cls(data=data)


def _bad_values(field: forms.Field) -> list[tuple[str, str]]:
    """(what is wrong, the typed value) for every kind of bad input the field can get."""
    bad = []
    if field.required:
        bad.append(("empty", ""))
    if isinstance(field, forms.DateField):
        bad += [("not a date", "วันจันทร์"), ("no such day", "31/4/2561"), ("month 13", "1/13/2561")]
    elif isinstance(field, forms.DecimalField):
        bad += [("not a number", "หนึ่งพัน"), ("too many places", "1.123456789")]
        if field.max_digits:
            bad.append(("too many digits", "9" * (field.max_digits + 1)))
    elif isinstance(field, forms.IntegerField):
        bad += [("not a number", "abc"), ("not whole", "1.5")]
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        if field.min_value is not None:
            bad.append(("below the minimum", str(field.min_value - 1)))
        if field.max_value is not None:
            bad.append(("above the maximum", str(field.max_value + 1)))
    if isinstance(field, forms.ModelChoiceField):
        bad.append(("no such choice", "987654321"))
    elif isinstance(field, forms.ChoiceField):
        bad.append(("no such choice", "no-such-choice"))
    if isinstance(field, forms.EmailField):
        bad.append(("not an e-mail", "not-an-e-mail"))
    if isinstance(field, forms.CharField):
        if field.max_length:
            bad.append(("too long", "ก" * (field.max_length + 1)))
        bad.append(("NUL", "ab\x00cd"))
    return bad


def _messages(form) -> list[str]:
    texts = []
    for errors in form.errors.get_json_data().values():
        texts.extend(error["message"] for error in errors)
    return texts


def test_every_form_of_the_portal_answers_every_kind_of_bad_input_in_thai():
    classes = _portal_forms()
    names = {cls.__name__ for cls in classes}
    # The discovery finds the editors, the filters and the account forms.
    assert {"ProjectForm", "BudgetPeriodForm", "ProgrammeForm", "SignUpForm", "MeasurementForm"} <= names
    english, tried = [], 0
    with translation.override("th"):
        for cls in classes:
            try:
                blank = _make_form(cls, data={})
            except TypeError:
                continue  # an abstract mixin, not a form of a page
            for name, field in blank.fields.items():
                if field.disabled:
                    continue
                for kind, value in _bad_values(field):
                    form = _make_form(cls, data={name: value})
                    form.is_valid()
                    if (cls.__name__, name, kind) not in CHECKED_ELSEWHERE:
                        assert name in form.errors, f"{cls.__name__}.{name}: {kind} was accepted"
                    tried += 1
                    english += [
                        f"{cls.__name__}.{name} ({kind}): {message}"
                        for message in _messages(form)
                        if not THAI.search(message)
                    ]
                    # The page shows them: the rendered form carries the same Thai text.
                    html = str(form)
                    assert all(escape(m) in html for m in _messages(form) if m not in form.non_field_errors())
    assert tried > 150
    assert english == [], "\n".join(english)


def test_every_formset_of_the_portal_answers_missing_rows_and_tampered_data_in_thai():
    for app in settings.LOCAL_APPS:
        importlib.import_module(app)
    found = []
    for cls in _portal_forms():
        module = importlib.import_module(cls.__module__)
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, forms.BaseFormSet)
            and getattr(value, "form", None)
        ]
    assert found, "no formset found"
    with translation.override("th"):
        for formset_class in set(found):
            kwargs = {"prefix": "rows"}
            if issubclass(formset_class, forms.BaseInlineFormSet):
                kwargs["instance"] = formset_class.fk.related_model()
            formset = formset_class(data={"rows-TOTAL_FORMS": "x"}, **kwargs)
            assert not formset.is_valid()
            for message in formset.non_form_errors():
                assert THAI.search(message), f"{formset_class.__name__}: {message}"
