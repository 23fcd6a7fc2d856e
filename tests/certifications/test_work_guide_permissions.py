"""Who may do what on the work-on-your-own guides' pages: rows as in tests/test_permissions.py
(which counts these rows as covering their URL patterns). Anyone reads published guides;
only Camino staff (curators) see unpublished ones, write and review."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import WorkGuideFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE, STAFF = [200] * 5, ["login", 403, 403, 403, 200]
GUIDE = {
    "topic": "taxes", "title_es": "Impuestos", "title_en": "Taxes", "summary_es": "Resumen",
    "summary_en": "Summary", "body_es": "Texto", "body_en": "Text", "slug": "new-work-guide",
}  # fmt: skip
STAFF_ONLY = [404, 404, 404, 404, 200]
STAFF_WRITES = ["login", 403, 403, 403, 302]

MATRIX = [
    ("get", "/es/careers/guides/", None, EVERYONE),
    ("get", "/es/careers/guides/{work_guide}/", None, EVERYONE),
    ("get", "/es/careers/guides/{work_guide}/print/", None, EVERYONE),
    ("get", "/es/careers/guides/{work_unpublished}/", None, STAFF_ONLY),
    ("get", "/es/careers/guides/{work_unpublished}/print/", None, STAFF_ONLY),
    ("get", "/es/careers/guides/no-such-guide/", None, [404] * 5),
    ("get", "/es/careers/guides/staff/", None, STAFF),
    ("get", "/es/careers/guides/staff/new/", None, STAFF),
    ("post", "/es/careers/guides/staff/new/", GUIDE, STAFF_WRITES),
    ("post", "/es/careers/guides/staff/new/", {**GUIDE, "preview": "1"}, STAFF),
    ("get", "/es/careers/guides/staff/{work_guide_pk}/edit/", None, STAFF),
    ("post", "/es/careers/guides/staff/{work_guide_pk}/edit/",
     {**GUIDE, "slug": "{work_guide}"}, STAFF_WRITES),
    ("get", "/es/careers/guides/staff/999999/edit/", None, ["login", 403, 403, 403, 404]),
    ("post", "/es/careers/guides/staff/{work_guide_pk}/review/", {}, STAFF_WRITES),
    ("get", "/es/careers/guides/staff/{work_guide_pk}/review/", None,
     ["login", 403, 403, 403, 405]),
    ("get", "/es/review/stale/work-guides/", None, STAFF),
    ("post", "/es/review/stale/work-guides/{work_guide_pk}/", {}, STAFF_WRITES),
    ("post", "/es/review/stale/work-guides/{work_unpublished_pk}/", {},
     ["login", 403, 403, 403, 404]),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world():
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": MembershipFactory().user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    guide = WorkGuideFactory()
    unpublished = WorkGuideFactory(published=False)
    objects = {
        "work_guide": guide.slug,
        "work_guide_pk": guide.pk,
        "work_unpublished": unpublished.slug,
        "work_unpublished_pk": unpublished.pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
