"""Thai dictionary order: the SQL expression orders names as the Python key does."""

import pytest
from django.db.models import F

from programmes.models import Project
from sites.collation import thai_sort_expression, thai_sort_key
from tests.programmes.factories import ProjectFactory

pytestmark = pytest.mark.django_db

NAMES = ["โครงการ", "ไก่", "กา", "ใบ", "เกาะขวาง", "ข้าว", "ขาว", "มะขาม", "แม่", "ท่าโสม", "ตะกาดเง้า"]


def test_sql_sort_expression_orders_like_the_python_key():
    for name in NAMES:
        ProjectFactory(name=name)
    in_sql = list(
        Project.objects.alias(sort_name=thai_sort_expression("name"))
        .order_by(F("sort_name"), "name")
        .values_list("name", flat=True)
    )
    assert in_sql == sorted(NAMES, key=thai_sort_key)
    assert in_sql.index("โครงการ") < in_sql.index("ตะกาดเง้า")  # โครงการ sorts under ค
