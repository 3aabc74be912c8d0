"""A test-only page with chained geography selects in a form and a formset (browser tests)."""

from django import forms
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import include, path

from sites.forms.geography import GeoChoiceMixin
from sites.models import District, Province, Subdistrict


class LocationForm(GeoChoiceMixin, forms.Form):
    province = forms.ModelChoiceField(Province.objects.all())
    district = forms.ModelChoiceField(District.objects.all())
    subdistrict = forms.ModelChoiceField(Subdistrict.objects.all(), required=False)


LocationFormSet = forms.formset_factory(LocationForm, extra=1)

PAGE = engines["django"].from_string(
    """{% load static %}<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>geo</title></head><body>
<form method="post" id="geo-form">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{ csrf_token }}">
  <div id="main-location">{{ form.as_div }}</div>
  <fieldset class="formset" data-formset-prefix="loc">
    {{ formset.management_form }}
    <div class="formset-rows">
      {% for row in formset %}<div class="formset-row">{{ row.as_div }}</div>{% endfor %}
    </div>
    <template class="formset-empty"><div class="formset-row">{{ formset.empty_form.as_div }}</div></template>
    <button type="button" class="formset-add" hidden>add</button>
  </fieldset>
  <button type="submit">save</button>
</form>
{% if saved %}<p id="saved">{{ saved }}</p>{% endif %}
<script src="{% static 'js/portal.js' %}" defer></script>
{{ form.media }}
</body></html>"""
)


def location_page(request):
    data = request.POST if request.method == "POST" else None
    form = LocationForm(data=data)
    formset = LocationFormSet(data=data, prefix="loc")
    saved = ""
    if data is not None and form.is_valid() and formset.is_valid():
        rows = [form.cleaned_data] + [row.cleaned_data for row in formset if row.cleaned_data]
        saved = " | ".join(f"{r['province']}/{r['district']}/{r['subdistrict'] or '-'}" for r in rows)
    context = {"form": form, "formset": formset, "saved": saved, "csrf_token": get_token(request)}
    return HttpResponse(PAGE.render(context, request))


urlpatterns = [
    path("favicon.ico", lambda request: HttpResponse(status=204)),
    path("sites/", include("sites.urls")),
    path("geo-select/", location_page, name="geo-select-page"),
]
