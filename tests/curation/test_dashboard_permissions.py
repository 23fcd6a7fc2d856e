"""Who may see curation's dashboard: staff only (rows as in tests/test_permissions.py, which
counts them as covering their URL patterns)."""

import pytest

from tests.curation.conftest import ROLES
from tests.matrix import check_row, matrix_cases

pytestmark = pytest.mark.django_db

STAFF = ["login", 403, 403, 403, 200, 200]
NOT_A_FORM = ["login", 403, 403, 403, 405, 405]

MATRIX = [
    ("get", "/es/curation/dashboard/", None, STAFF),
    ("get", "/es/curation/dashboard/", {"weeks": "nope"}, STAFF),
    ("post", "/es/curation/dashboard/", {}, NOT_A_FORM),
    ("get", "/es/curation/dashboard/review.csv", None, STAFF),
    ("get", "/es/curation/dashboard/reports.csv", {"weeks": "52"}, STAFF),
    ("get", "/es/curation/dashboard/nothing.csv", None, ["login", 403, 403, 403, 404, 404]),
    ("post", "/es/curation/dashboard/review.csv", {}, NOT_A_FORM),
]


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), matrix_cases(MATRIX, ROLES))
def test_dashboard_permissions(client, curation_people, method, url, data, role, expected):
    check_row(client, (curation_people, {}), method, url, data, role, expected)
