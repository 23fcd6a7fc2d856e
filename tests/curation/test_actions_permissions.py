"""Who may use bulk actions, translation side by side and the audit log: staff only (rows as
in tests/test_permissions.py, which counts them as covering their URL patterns)."""

import pytest

from tests.curation.conftest import ROLES
from tests.jobs.factories import JobFactory
from tests.matrix import check_row, matrix_cases

pytestmark = pytest.mark.django_db

STAFF_ONLY = ["login", 403, 403, 403, 200, 200]
STAFF_ACT = ["login", 403, 403, 403, 302, 302]
TRANSLATE = "/es/curation/translate/jobs.job:{job}/"

MATRIX = [
    ("get", "/es/curation/bulk/", None, STAFF_ONLY),
    ("post", "/es/curation/bulk/", {"item": "jobs.job:{job}", "action": "archive"}, STAFF_ACT),
    # A refusal (already published) or no selection: the page again, never a 500.
    ("post", "/es/curation/bulk/", {"item": "jobs.job:{job}", "action": "publish"}, STAFF_ONLY),
    ("post", "/es/curation/bulk/", {"action": "publish"}, STAFF_ONLY),
    ("post", "/es/curation/bulk/", {"item": "jobs.job:{job}", "action": "x"}, STAFF_ONLY),
    ("get", TRANSLATE, None, STAFF_ONLY),
    ("post", TRANSLATE, {"title_en": "Line cook"}, STAFF_ACT),
    ("post", TRANSLATE, {"title_en": ""}, STAFF_ONLY),
    ("get", "/es/curation/translate/jobs.job:999999/", None, ["login", 403, 403, 403, 404, 404]),
    ("get", "/es/curation/translate/nada/", None, ["login", 403, 403, 403, 404, 404]),
    ("get", "/es/curation/audit/", None, STAFF_ONLY),
]

# The same pages with their query strings (kept apart: the every-URL check resolves paths).
WITH_QUERIES = [
    ("get", "/es/curation/bulk/?item=jobs.job:{job}", None, STAFF_ONLY),
    ("get", "/es/curation/audit/?item=jobs.job:{job}&action=publish", None, STAFF_ONLY),
    ("get", "/es/curation/audit/?format=csv", None, STAFF_ONLY),
    ("get", "/es/curation/audit/?since=ayer&page=9", None, STAFF_ONLY),
]


@pytest.fixture
def world(curation_people):
    job = JobFactory(title_en="")
    return curation_people, {"job": job.pk}


@pytest.mark.parametrize(
    ("method", "url", "data", "role", "expected"), matrix_cases([*MATRIX, *WITH_QUERIES], ROLES)
)
def test_actions_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
