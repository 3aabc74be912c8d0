import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from sites.forms.geography import GeoChoiceMixin, setup_geo_fields
from sites.models import District, Province, Subdistrict

pytestmark = pytest.mark.django_db


class LocationForm(GeoChoiceMixin, forms.Form):
    province = forms.ModelChoiceField(Province.objects.all())
    district = forms.ModelChoiceField(District.objects.all())
    subdistrict = forms.ModelChoiceField(Subdistrict.objects.all(), required=False)


class SubdistrictForm(GeoChoiceMixin, forms.ModelForm):
    """A real ModelForm: a sub-district's own district (no province field) is not a chain."""

    geo_fields = {"province": None, "district": None, "subdistrict": None}

    class Meta:
        model = Subdistrict
        fields = ["name_th", "district"]


def ids(*codes):
    return {"province": None, "district": None, "subdistrict": None} | {
        "province": Province.objects.get(code=codes[0][:2]).pk,
        "district": District.objects.get(code=codes[0][:4]).pk if len(codes[0]) >= 4 else None,
        "subdistrict": Subdistrict.objects.get(code=codes[0]).pk if len(codes[0]) == 6 else None,
    }


def test_a_consistent_choice_is_valid(geography):  # noqa: F811
    form = LocationForm(data=ids("220104"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["subdistrict"].name_th == "เกาะขวาง"


def test_a_district_from_another_province_is_refused_in_thai(geography):  # noqa: F811
    data = ids("220104") | {"district": District.objects.get(code="1001").pk}  # เขตพระนคร, Bangkok
    with translation.override("th"):
        form = LocationForm(data=data)
        assert not form.is_valid()
        assert form.errors["district"] == ["อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก"]


def test_a_subdistrict_from_another_district_is_refused(geography):  # noqa: F811
    data = ids("220104") | {"subdistrict": Subdistrict.objects.get(code="100101").pk}
    form = LocationForm(data=data)
    assert not form.is_valid()
    assert list(form.errors) == ["subdistrict"]


def test_a_district_without_a_province_asks_for_the_province_first(geography):  # noqa: F811
    data = {"district": District.objects.get(code="2201").pk}
    with translation.override("th"):
        form = LocationForm(data=data)
        assert not form.is_valid()
        assert form.errors["district"] == ["เลือกจังหวัดก่อน"]


def test_bound_lists_are_narrowed_to_the_chosen_parents(geography):  # noqa: F811
    form = LocationForm(data=ids("220104"))
    assert form.fields["district"].queryset.count() == 10
    assert set(form.fields["subdistrict"].queryset.values_list("district__code", flat=True)) == {"2201"}


def test_an_unbound_form_lists_only_the_initial_parents_children(geography):  # noqa: F811
    form = LocationForm(initial=ids("220104"))
    assert form.fields["district"].queryset.count() == 10
    assert " required" in str(form["district"])
    html = str(form["subdistrict"])
    assert "เกาะขวาง" in html
    assert html.count("<option") == District.objects.get(code="2201").subdistricts.count() + 1


def test_an_empty_form_renders_empty_lower_lists_with_a_hint(geography, django_assert_max_num_queries):  # noqa: F811
    with translation.override("th"), django_assert_max_num_queries(1):
        form = LocationForm()
        district_html = str(form["district"])
        subdistrict_html = str(form["subdistrict"])
        assert str(form["province"]).count("<option") == 78
    assert district_html.count("<option") == 1
    # Nothing to choose yet: `required` would stop a browser without JavaScript from submitting.
    assert " required" not in district_html
    assert 'data-geo-required="true"' in district_html
    assert "เลือกจังหวัดก่อน" in district_html
    assert "เลือกอำเภอก่อน" in subdistrict_html


def test_rendering_a_filled_form_costs_one_query_per_list(geography, django_assert_max_num_queries):  # noqa: F811
    form = LocationForm(initial=ids("220104"))
    with django_assert_max_num_queries(3):
        str(form["province"]), str(form["district"]), str(form["subdistrict"])


def test_selects_carry_the_attributes_geo_select_js_reads(geography):  # noqa: F811
    form = LocationForm(prefix="locations-2", initial=ids("2201"))
    province, district, subdistrict = (
        form.fields[n].widget.attrs for n in ("province", "district", "subdistrict")
    )
    assert province["data-geo-level"] == "province"
    assert "data-geo-url" not in province
    assert district["data-geo-level"] == "district"
    assert district["data-geo-url"] == reverse("sites:districts")
    assert district["data-geo-parent-value"] == str(ids("2201")["province"])
    assert subdistrict["data-geo-url"] == reverse("sites:subdistricts")
    assert subdistrict["data-geo-parent-value"] == str(ids("2201")["district"])
    assert {a["data-geo-group"] for a in (province, district, subdistrict)} == {"locations-2"}
    html = str(form["district"])
    assert 'data-geo-level="district"' in html and 'data-geo-group="locations-2"' in html
    assert 'name="locations-2-district"' in html


def test_a_formset_row_reads_its_own_prefixed_data(geography):  # noqa: F811
    LocationFormSet = forms.formset_factory(LocationForm, extra=0)
    rows = [ids("220104"), ids("100101")]
    data = {"loc-TOTAL_FORMS": "2", "loc-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data |= {f"loc-{index}-{name}": value for name, value in row.items()}
    formset = LocationFormSet(data=data, prefix="loc")
    assert formset.is_valid(), formset.errors
    assert formset.forms[1].fields["district"].widget.attrs["data-geo-group"] == "loc-1"
    assert "__prefix__" in formset.empty_form.fields["district"].widget.attrs["data-geo-group"]


def test_the_mixin_brings_its_script_as_form_media():
    assert "js/geo-select.js" in str(LocationForm().media)
    assert "defer" in str(LocationForm().media)


def test_setup_geo_fields_works_on_a_modelform_with_other_field_names(geography):  # noqa: F811
    class HomeForm(forms.Form):
        home_province = forms.ModelChoiceField(Province.objects.all())
        home_district = forms.ModelChoiceField(District.objects.all())

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            setup_geo_fields(self, province="home_province", district="home_district", subdistrict=None)

    chanthaburi = ids("2201")
    bangkok_district = District.objects.get(code="1001").pk
    form = HomeForm(data={"home_province": chanthaburi["province"], "home_district": bangkok_district})
    assert not form.is_valid()
    assert "home_district" in form.errors
    assert SubdistrictForm().fields["district"].widget.attrs.get("data-geo-level") is None


def test_a_chain_with_a_gap_is_a_configuration_error():
    class BrokenForm(GeoChoiceMixin, forms.Form):
        province = forms.ModelChoiceField(Province.objects.all())
        subdistrict = forms.ModelChoiceField(Subdistrict.objects.all())

    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        BrokenForm()


def test_a_plain_model_form_on_a_location_model_is_accepted(geography):
    """ModelForm foreign keys name the primary key as their to_field_name; that is choosing by pk."""
    from django import forms as django_forms

    from programmes.models import ProjectLocation
    from sites.forms.geography import GeoChoiceMixin

    class LocationForm(GeoChoiceMixin, django_forms.ModelForm):
        class Meta:
            model = ProjectLocation
            fields = ["province", "district", "subdistrict"]

    form = LocationForm()
    assert form.fields["district"].widget.attrs["data-geo-level"] == "district"
