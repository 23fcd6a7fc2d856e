"""Who may use the queue and its claims (tests/test_permissions.py counts these rows as
covering their URL patterns): only staff see the workspace, only leads assign. Anonymous
people are asked to sign in; anyone else signed in is refused (403), as on core's review
pages."""

import pytest

from apps.curation.items import item_ref
from tests.curation.conftest import ROLES
from tests.jobs.factories import JobFactory
from tests.matrix import check_row, matrix_cases

pytestmark = pytest.mark.django_db

LOGIN = "login"
STAFF = [LOGIN, 403, 403, 403, 200, 200]
STAFF_ACTS = [LOGIN, 403, 403, 403, 302, 302]

MATRIX = [
    ("get", "/es/curation/", None, STAFF),
    ("post", "/es/curation/claims/take/", {"item": "{job}"}, STAFF_ACTS),
    ("post", "/es/curation/claims/take/", {"item": "jobs.job:999999"},
     [LOGIN, 403, 403, 403, 404, 404]),
    ("post", "/es/curation/claims/release/", {"item": "{job}"}, STAFF_ACTS),
    ("post", "/es/curation/claims/assign/", {"item": "{job}", "assignee": "{staff}"},
     [LOGIN, 403, 403, 403, 403, 302]),
    ("get", "/es/curation/claims/take/", None, [LOGIN, 403, 403, 403, 405, 405]),
    ("get", "/es/curation/claims/{job}/", None, STAFF),
    ("post", "/es/curation/claims/{job}/", {"action": "take"}, STAFF_ACTS),
    ("get", "/es/curation/claims/jobs.job:999999/", None, [LOGIN, 403, 403, 403, 404, 404]),
    ("get", "/es/curation/claims/nonsense/", None, [LOGIN, 403, 403, 403, 404, 404]),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world(curation_people):
    job = JobFactory(status="pending", published_at=None)
    return curation_people, {"job": item_ref(job), "staff": curation_people["staff"].pk}


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_queue_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
