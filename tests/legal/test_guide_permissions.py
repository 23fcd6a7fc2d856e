"""Who may do what on the guides' pages, the notario warning and the guided entry: rows as in
tests/test_permissions.py (which counts these rows as covering their URL patterns). Anyone
reads published guides; only Camino staff (curators) see unpublished ones, write and review."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import GuideFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE, STAFF = [200] * 5, ["login", 403, 403, 403, 200]
GUIDE = {
    "topic": "work", "title_es": "Derechos", "title_en": "Rights", "summary_es": "Resumen",
    "summary_en": "Summary", "body_es": "Texto", "body_en": "Text", "slug": "new-guide",
}  # fmt: skip

MATRIX = [
    ("get", "/es/legal/help/", None, EVERYONE),
    ("get", "/es/legal/notarios/", None, EVERYONE),
    ("get", "/es/legal/guides/", None, EVERYONE),
    ("get", "/es/legal/guides/{guide}/", None, EVERYONE),
    ("get", "/es/legal/guides/{unpublished}/", None, [404, 404, 404, 404, 200]),
    ("get", "/es/legal/guides/{guide}/print/", None, EVERYONE),
    ("get", "/es/legal/guides/{unpublished}/print/", None, [404, 404, 404, 404, 200]),
    ("get", "/es/legal/guides/staff/", None, STAFF),
    ("get", "/es/legal/guides/staff/new/", None, STAFF),
    ("post", "/es/legal/guides/staff/new/", GUIDE, ["login", 403, 403, 403, 302]),
    ("post", "/es/legal/guides/staff/new/", {**GUIDE, "preview": "1"}, STAFF),
    ("get", "/es/legal/guides/staff/{guide_pk}/edit/", None, STAFF),
    ("get", "/es/legal/guides/staff/{unpublished_pk}/edit/", None, STAFF),
    ("post", "/es/legal/guides/staff/{guide_pk}/edit/", {**GUIDE, "slug": "{guide}"},
     ["login", 403, 403, 403, 302]),
    ("get", "/es/legal/guides/staff/999999/edit/", None, ["login", 403, 403, 403, 404]),
    ("post", "/es/legal/guides/staff/{guide_pk}/review/", {}, ["login", 403, 403, 403, 302]),
    ("get", "/es/legal/guides/staff/{guide_pk}/review/", None, ["login", 403, 403, 403, 405]),
    # the shared stale queue (apps.core.verification) holds published guides only
    ("get", "/es/review/stale/legal-guides/", None, STAFF),
    ("post", "/es/review/stale/legal-guides/{guide_pk}/", {}, ["login", 403, 403, 403, 302]),
    ("post", "/es/review/stale/legal-guides/{unpublished_pk}/", {},
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
    guide = GuideFactory()
    unpublished = GuideFactory(published=False)
    objects = {
        "guide": guide.slug,
        "guide_pk": guide.pk,
        "unpublished": unpublished.slug,
        "unpublished_pk": unpublished.pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
