"""Who may see the career pathway pages: rows as in tests/test_permissions.py (which counts
these rows as covering their URL patterns). They are public and read-only: everyone reads
them, nobody posts to them, and a kind of work Camino does not have is a 404."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import CredentialFactory, TrainingFactory
from tests.jobs.factories import JobFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE = [200] * 5

MATRIX = [
    ("get", "/es/careers/pathways/", None, EVERYONE),
    ("post", "/es/careers/pathways/", {}, [405] * 5),
    ("get", "/es/careers/pathways/construction/", None, EVERYONE),
    ("get", "/es/careers/pathways/nothing/", None, [404] * 5),
    ("post", "/es/careers/pathways/construction/", {}, [405] * 5),
]
# The same page near a ZIP code (the URL pattern check reads paths only).
SEARCHES = [
    ("get", "/es/careers/pathways/care/?zip=60623", None, EVERYONE),
    ("get", "/es/careers/pathways/construction/?zip=abc%3Cb%3E", None, EVERYONE),
]


@pytest.fixture
def world():
    membership = MembershipFactory()
    JobFactory(organization=membership.organization, category="construction")
    CredentialFactory()
    TrainingFactory(organization=membership.organization)
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": membership.user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    return people, {}


CASES = matrix_cases([*MATRIX, *SEARCHES], ROLES)


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
