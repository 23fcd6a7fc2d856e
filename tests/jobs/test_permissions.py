"""Who may do what: role x URL x method -> expected response. "login" means a redirect to
sign in; another organization's private job is a 404, never a 403."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]

# (method, url template, data, expected per role in ROLES order)
MATRIX = [
    ("get", "/es/jobs/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/feed/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/work-authorization/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/{published}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/{draft}/", None, [404, 404, 200, 404, 200]),
    ("get", "/es/jobs/{draft}/manage/", None, ["login", 404, 200, 404, 200]),
    ("post", "/es/jobs/{draft}/manage/", {"action": "submit"}, ["login", 404, 302, 404, 302]),
    ("post", "/es/jobs/{pending}/manage/", {"action": "publish"}, ["login", 404, 403, 404, 302]),
    (
        "post",
        "/es/jobs/{pending}/manage/",
        {"action": "reject", "note": "x"},
        ["login", 404, 403, 404, 302],
    ),
    ("post", "/es/jobs/{published}/manage/", {"action": "archive"}, ["login", 404, 403, 404, 302]),
    ("get", "/es/jobs/{draft}/edit/", None, ["login", 404, 200, 404, 200]),
    ("get", "/es/jobs/{published}/edit/", None, ["login", 404, 404, 404, 200]),
    ("post", "/es/jobs/{draft}/edit/", {"title_es": ""}, ["login", 404, 200, 404, 200]),
    ("get", "/es/jobs/{published}/renew/", None, ["login", 404, 200, 404, 200]),
    ("get", "/es/jobs/new/", None, ["login", 302, 200, 200, 200]),
    ("get", "/es/jobs/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/jobs/review/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/jobs/reports/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/jobs/saved/", None, ["login", 200, 200, 200, 200]),
    ("post", "/es/jobs/{published}/save/", {}, ["login", 302, 302, 302, 302]),
    ("post", "/es/jobs/{draft}/save/", {}, ["login", 404, 404, 404, 404]),
    ("post", "/es/jobs/{published}/report/", {"reason": "scam"}, [302, 302, 302, 302, 302]),
    ("post", "/es/jobs/{draft}/report/", {"reason": "scam"}, [404, 404, 404, 404, 404]),
    ("get", "/es/jobs/{published}/report/", None, [405, 405, 405, 405, 405]),
    ("get", "/es/organizations/register/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/organizations/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/organizations/{active_org}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/organizations/{pending_org}/", None, [404, 404, 200, 404, 200]),
]

CASES = [
    pytest.param(method, url, data, role, expected, id=f"{method} {url} {role}")
    for method, url, data, expectations in MATRIX
    for role, expected in zip(ROLES, expectations, strict=True)
]


@pytest.fixture
def world():
    membership = MembershipFactory()
    organization = membership.organization
    pending_org = OrganizationFactory(status="pending")
    membership.user.memberships.create(organization=pending_org)
    other = MembershipFactory()
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": membership.user,
        "other_member": other.user,
        "curator": CuratorFactory(),
    }
    objects = {
        "published": JobFactory(organization=organization).pk,
        "draft": JobFactory(organization=organization, status="draft").pk,
        "pending": JobFactory(organization=organization, status="pending").pk,
        "active_org": organization.slug,
        "pending_org": pending_org.slug,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    people, objects = world
    if people[role]:
        client.force_login(people[role])
    response = getattr(client, method)(url.format(**objects), data)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/es/accounts/login/")
    else:
        assert response.status_code == expected
        if expected == 302:
            assert not response["Location"].startswith("/es/accounts/login/")
