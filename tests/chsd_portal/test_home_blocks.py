"""Apps add blocks to the home page through chsd_portal.home_blocks, in order and per role."""

import copy

import pytest
from django.urls import reverse

from chsd_portal import home_blocks, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def block_template(settings, tmp_path):
    (tmp_path / "block.html").write_text('<section class="test-block">{{ block.word }}</section>')
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    # Assigned, not changed in place: Django's setting_changed handler then rebuilds the engines
    # (whatever an earlier test cached) and restores them afterwards.
    settings.TEMPLATES = templates
    return "block.html"


@pytest.fixture
def registered():
    keys = []

    def register(**kwargs):
        home_blocks.register(home_blocks.HomeBlock(**kwargs))
        keys.append(kwargs["key"])

    yield register
    for key in keys:
        home_blocks.unregister(key)


def test_registered_blocks_are_shown_in_order_on_the_home_page(client, block_template, registered):
    registered(key="t-second", template=block_template, context=lambda r: {"word": "ที่สอง"}, order=901)
    registered(key="t-first", template=block_template, context=lambda r: {"word": "ที่หนึ่ง"}, order=900)
    html = client.get(reverse("programmes:home")).content.decode()
    assert html.index("ที่หนึ่ง") < html.index("ที่สอง")


def test_a_block_with_nothing_to_show_is_left_out(client, block_template, registered):
    registered(key="t-empty", template=block_template, context=lambda r: None, order=900)
    assert b"test-block" not in client.get(reverse("programmes:home")).content


def test_a_block_for_staff_is_not_shown_to_visitors(client, block_template, registered):
    registered(
        key="t-staff",
        template=block_template,
        context=lambda r: {"word": "เฉพาะเจ้าหน้าที่"},
        visible_to=roles.is_staff_member,
    )
    assert "เฉพาะเจ้าหน้าที่" not in client.get(reverse("programmes:home")).content.decode()
