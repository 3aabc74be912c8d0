"""The error summary every form page shows after a failed save (base.html renders it).

A page may be long (the project editor is over 5,000 px): the summary at the top says that
nothing was saved, lists every error of every form and formset row in the page's context, each
a link to its field, and takes the focus (static/js/portal.js), so a person on a phone or with
a screen reader starts from what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class SummaryError:
    message: str
    label: str = ""
    href: str = ""


def _bound_forms_in(context) -> list:
    """Bound forms and formsets in the template context, in the order the view put them."""
    found, seen = [], set()

    def add(value):
        # type(), not isinstance(): isinstance() would evaluate lazy values such as csrf_token,
        # and a page that makes a CSRF token cannot be cached for visitors (chsd_portal/cache.py).
        kind = type(value)
        if id(value) in seen:
            return
        if issubclass(kind, forms.BaseForm | forms.BaseFormSet) and value.is_bound:
            seen.add(id(value))
            found.append(value)
        elif kind is dict:
            for item in value.values():
                if issubclass(type(item), forms.BaseFormSet):
                    add(item)
        elif kind is list:
            # A page's list of forms (a capacity report's score per component).
            for item in value:
                if issubclass(type(item), forms.BaseForm):
                    add(item)

    for layer in context.dicts:
        for value in layer.values():
            add(value)
    return found


def _row_label(formset, index: int) -> str:
    """ "งวด แถวที่ 2": the list (an inline formset's model) and the row, as the page numbers them."""
    model = getattr(formset, "model", None)
    if model is None:
        return _("row %(number)s") % {"number": index + 1}
    return _("%(list)s, row %(number)s") % {"list": model._meta.verbose_name, "number": index + 1}


def _form_errors(form, *, row_label: str = "") -> list[SummaryError]:
    errors = []
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            errors += [SummaryError(message=str(m), label=row_label) for m in messages]
            continue
        if name not in form.fields:
            continue
        bound = form[name]
        label = str(bound.label or name)
        if row_label:
            label = f"{label} ({row_label})"
        href = "" if bound.is_hidden else f"#{bound.auto_id}"
        errors += [SummaryError(message=str(m), label=label, href=href) for m in messages]
    return errors


def summary_errors(context) -> list[SummaryError]:
    errors: list[SummaryError] = []
    for item in _bound_forms_in(context):
        if isinstance(item, forms.BaseFormSet):
            # Not is_valid(): a page may show a formset on purpose without its errors (the
            # project editor's quarter fill), and validating it again would bring them back.
            errors += [SummaryError(message=str(m)) for m in item.non_form_errors()]
            for index, row in enumerate(item.forms):
                errors += _form_errors(row, row_label=_row_label(item, index))
        else:
            errors += _form_errors(item)
    return errors


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context, title=""):
    """The summary of every error on the page; nothing when every form is fine. `title`
    replaces the heading where "nothing was saved" is not what happened (signing in)."""
    errors = summary_errors(context)
    field_errors = sum(1 for error in errors if error.href)
    request = context.get("request")
    saving = request is not None and request.method == "POST"
    return {"errors": errors, "field_errors": field_errors, "saving": saving, "title": title}


@register.simple_tag
def portal_js_texts():
    """The Thai texts static/js/portal.js shows, as a JSON script (no inline code, so CSP allows it)."""
    texts = {
        "chars_left": _("%(left)s of %(limit)s characters left."),
        "text_cut": _("The pasted text was longer than %(limit)s characters: the last %(cut)s were cut off."),
    }
    return json_script(texts, "portal-texts")


@register.filter
def is_number_or_empty(value) -> bool:
    """Whether a number box can show `value` (templates/django/forms/widgets/number.html)."""
    if value is None or value == "":
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return str(value).strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


@register.filter
def as_text_box(widget: dict) -> dict:
    """A number widget's context for a text box: no min, max or step (not allowed on text)."""
    attrs = {k: v for k, v in widget["attrs"].items() if k not in ("min", "max", "step")}
    attrs.setdefault("inputmode", "decimal")
    return {**widget, "attrs": attrs}
