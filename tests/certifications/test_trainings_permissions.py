"""Who may see and change trainings: rows as in tests/test_permissions.py (which counts these
rows as covering their URL patterns). Anyone reads listed trainings; a training that is not
public is its organization's and staff's only, a 404 for anyone else."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import TrainingFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE = [200] * 5
PRIVATE = [404, 404, 200, 404, 200]
# Only for people of an organization (a seeker without one is sent to register one).
PARTNERS = ["login", 302, 200, 200, 200]
OWN = ["login", 404, 200, 404, 200]

MATRIX = [
    ("get", "/es/careers/trainings/", None, EVERYONE),
    ("post", "/es/careers/trainings/", {}, [405] * 5),
    ("get", "/es/careers/trainings/{published}/", None, EVERYONE),
    ("get", "/es/careers/trainings/{draft}/", None, PRIVATE),
    ("get", "/es/careers/trainings/{pending}/", None, PRIVATE),
    ("get", "/es/careers/trainings/999999/", None, [404] * 5),
    ("get", "/es/careers/trainings/new/", None, PARTNERS),
    ("post", "/es/careers/trainings/new/", {"title_es": ""}, PARTNERS),
    ("get", "/es/careers/trainings/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/careers/trainings/{draft}/edit/", None, OWN),
    ("post", "/es/careers/trainings/{draft}/edit/", {"title_es": ""}, OWN),
    # a partner edits a published training only through "renew with changes"; staff any
    ("get", "/es/careers/trainings/{published_own}/edit/", None, ["login", 404, 404, 404, 200]),
    # the shared manage page and review queue
    ("get", "/es/manage/trainings/{draft}/", None, OWN),
    ("post", "/es/manage/trainings/{draft}/", {"action": "submit"}, ["login", 404, 302, 404, 302]),
    (
        "post",
        "/es/manage/trainings/{pending}/",
        {"action": "publish"},
        ["login", 404, 403, 404, 302],
    ),
    ("get", "/es/review/trainings/", None, ["login", 403, 403, 403, 200]),
]
# The same pages with a search, bad input included (the URL pattern check reads paths only).
SEARCHES = [
    ("get", "/es/careers/trainings/?max_cost=-1&zip=9021&within=-5&page=999", None, EVERYONE),
    ("get", "/es/careers/trainings/?credential=nothing&language=xx&sort=nearest", None, EVERYONE),
]


@pytest.fixture
def world():
    membership = MembershipFactory()
    organization = membership.organization
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": membership.user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    objects = {
        "published": TrainingFactory().pk,
        "published_own": TrainingFactory(organization=organization).pk,
        "draft": TrainingFactory(organization=organization, status="draft").pk,
        "pending": TrainingFactory(organization=organization, status="pending").pk,
    }
    return people, objects


CASES = matrix_cases([*MATRIX, *SEARCHES], ROLES)


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
