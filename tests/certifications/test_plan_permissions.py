"""Who may do what on a seeker's plan: rows as in tests/test_permissions.py (which counts
these rows as covering their URL patterns). Everyone signed in has a plan of their own; the
step in the URLs is the seeker's, so anyone else (partners, staff) gets a 404."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import (
    CredentialFactory,
    PlanStepFactory,
    TrainingFactory,
)
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
SIGNED_IN, OWNER = ["login", 200, 200, 200, 200], ["login", 200, 404, 404, 404]
STEP = {"title": "Paso", "target_date": "", "notes": ""}

MATRIX = [
    ("get", "/es/careers/plan/", None, SIGNED_IN),
    ("post", "/es/careers/plan/", STEP, ["login", 302, 302, 302, 302]),
    ("post", "/es/careers/plan/", {"title": ""}, ["login", 400, 400, 400, 400]),
    ("get", "/es/careers/plan/print/", None, SIGNED_IN),
    ("get", "/es/careers/plan/{step}/edit/", None, OWNER),
    ("post", "/es/careers/plan/{step}/edit/", STEP, ["login", 302, 404, 404, 404]),
    ("post", "/es/careers/plan/{step}/done/", {"done": "on"}, ["login", 302, 404, 404, 404]),
    ("get", "/es/careers/plan/{step}/done/", None, ["login", 405, 405, 405, 405]),
    ("post", "/es/careers/plan/{step}/move/", {"direction": "up"},
     ["login", 302, 404, 404, 404]),
    ("get", "/es/careers/plan/{step}/delete/", None, OWNER),
    ("post", "/es/careers/plan/{step}/delete/", None, ["login", 302, 404, 404, 404]),
    ("post", "/es/careers/plan/999999/delete/", None, ["login", 404, 404, 404, 404]),
    ("post", "/es/careers/plan/add/credential/{credential}/", None,
     ["login", 302, 302, 302, 302]),
    ("post", "/es/careers/plan/add/training/{training}/", None, ["login", 302, 302, 302, 302]),
    ("post", "/es/careers/plan/add/training/{draft}/", None, ["login", 404, 404, 404, 404]),
    ("get", "/es/careers/plan/add/training/{training}/", None, ["login", 405, 405, 405, 405]),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world():
    seeker = UserFactory()
    people = {
        "anonymous": None,
        "seeker": seeker,
        "member": MembershipFactory().user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    objects = {
        "step": PlanStepFactory(user=seeker).pk,
        "credential": CredentialFactory().pk,
        "training": TrainingFactory().pk,
        "draft": TrainingFactory(status="draft").pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
