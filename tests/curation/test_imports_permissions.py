"""Who may import and export (rows as in tests/test_permissions.py, which counts them as
covering curation's import and export URL patterns): curators only; a file checked by one
curator is theirs alone (another curator gets a 404)."""

import pytest

from apps.curation.models import ImportFile
from tests.curation.conftest import ROLES
from tests.matrix import check_row, matrix_cases

pytestmark = pytest.mark.django_db

STAFF = ["login", 403, 403, 403, 200, 200]
# The file is the staff member's: the lead curator did not upload it.
OWN_FILE = ["login", 403, 403, 403, 200, 404]

MATRIX = [
    ("get", "/es/curation/import/", None, STAFF),
    ("get", "/es/curation/import/jobs/", None, STAFF),
    ("get", "/es/curation/import/trainings/", None, STAFF),
    ("get", "/es/curation/import/nothing/", None, ["login", 403, 403, 403, 404, 404]),
    # no file: the form says so
    ("post", "/es/curation/import/jobs/", {}, STAFF),
    ("get", "/es/curation/import/files/{file}/", None, OWN_FILE),
    ("get", "/es/curation/import/files/999999/", None, ["login", 403, 403, 403, 404, 404]),
    # a confirmation that names another file's hash imports nothing and says so
    ("post", "/es/curation/import/files/{file}/", {"sha256": "0" * 64},
     ["login", 403, 403, 403, 302, 404]),
    ("get", "/es/curation/export/", None, STAFF),
    ("get", "/es/curation/export/jobs/", None, STAFF),
]  # fmt: skip
# The same pages with filters, bad ones included (the URL pattern check reads paths only).
FILTERS = [
    ("get", "/es/curation/export/?kind=jobs&status=published", None,
     ["login", 403, 403, 403, 302, 302]),
    ("get", "/es/curation/export/legal/?status=pending", None, STAFF),
    ("get", "/es/curation/export/jobs/?status=xx", None, ["login", 403, 403, 403, 400, 400]),
]  # fmt: skip


@pytest.fixture
def world(curation_people):
    import_file = ImportFile.objects.create(
        kind="jobs", file_name="jobs.csv", content=b"external_id\n", sha256="1" * 64,
        uploaded_by=curation_people["staff"], report={"counts": {}},
    )  # fmt: skip
    return curation_people, {"file": import_file.pk}


CASES = matrix_cases([*MATRIX, *FILTERS], ROLES)


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
