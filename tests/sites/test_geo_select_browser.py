"""static/js/geo-select.js in Debian's Chromium: chained selects in a form and in formset rows."""

import pytest

from sites.models import District, Province

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.sites.geo_select_urls"),
]


def option_values(select):
    return select.evaluate("s => [...s.options].map(o => o.value)")


def wait_for_options(page, select_id, count):
    page.wait_for_function(
        "([id, n]) => { const s = document.getElementById(id); return !s.disabled && s.options.length === n; }",
        arg=[select_id, count],
    )


def test_choosing_a_province_then_a_district_fills_the_lists_below(page, geography):  # noqa: F811
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto("/geo-select/")
    district, subdistrict = page.locator("#id_district"), page.locator("#id_subdistrict")
    assert option_values(district) == [""]

    chanthaburi = Province.objects.get(code="22")
    page.locator("#id_province").select_option(str(chanthaburi.pk))
    wait_for_options(page, "id_district", 11)
    assert district.evaluate("s => s.required")
    mueang = District.objects.get(code="2201")
    district.select_option(str(mueang.pk))
    wait_for_options(page, "id_subdistrict", mueang.subdistricts.count() + 1)
    subdistrict.select_option(label="เกาะขวาง")

    # A new province reloads the districts and empties the sub-districts.
    bangkok = Province.objects.get(code="10")
    page.locator("#id_province").select_option(str(bangkok.pk))
    wait_for_options(page, "id_district", 51)
    assert option_values(subdistrict) == [""]

    page.locator("#id_province").select_option(str(chanthaburi.pk))
    wait_for_options(page, "id_district", 11)
    district.select_option(str(mueang.pk))
    wait_for_options(page, "id_subdistrict", mueang.subdistricts.count() + 1)
    subdistrict.select_option(label="เกาะขวาง")
    with page.expect_navigation():
        page.get_by_role("button", name="save").click()
    assert page.locator("#saved").inner_text() == "จันทบุรี/เมืองจันทบุรี/เกาะขวาง"
    assert errors == []


def test_rows_added_to_a_formset_get_their_own_chained_selects(page, geography):  # noqa: F811
    page.goto("/geo-select/")
    page.get_by_role("button", name="add").click()
    assert page.locator("#id_loc-1-district").count() == 1

    chanthaburi = Province.objects.get(code="22")
    page.locator("#id_loc-1-province").select_option(str(chanthaburi.pk))
    wait_for_options(page, "id_loc-1-district", 11)
    # The other rows and the main form are untouched.
    assert option_values(page.locator("#id_loc-0-district")) == [""]
    assert option_values(page.locator("#id_district")) == [""]


def test_without_javascript_the_server_narrows_the_lists_after_each_submit(browser, live_server, geography):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/geo-select/")
    chanthaburi = Province.objects.get(code="22")
    page.locator("#id_province").select_option(str(chanthaburi.pk))
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    # The form comes back with Chanthaburi's districts to choose from.
    assert page.locator("#id_district option").count() == 11
    page.locator("#id_district").select_option(label="เมืองจันทบุรี")
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    assert page.locator("#id_subdistrict option", has_text="เกาะขวาง").count() == 1
    context.close()
