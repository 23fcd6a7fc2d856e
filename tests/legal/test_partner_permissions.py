"""Who may write, change, verify and report legal help entries: rows as in
tests/test_permissions.py (which counts these rows as covering their URL patterns). An
entry's organization writes and changes it; staff anything; anyone else gets a 404."""

import pytest

from apps.legal.models import ProviderReport
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import ProviderFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
OWNERS = ["login", 404, 200, 404, 200]

MATRIX = [
    # a new entry: for a partner whose organization has none yet (else: register one)
    ("get", "/es/legal/providers/new/", None, ["login", 302, 200, 302, 200]),
    ("post", "/es/legal/providers/new/", {}, ["login", 302, 200, 302, 200]),
    # editing: a draft or a revision; a published entry only by staff
    ("get", "/es/legal/providers/{draft}/edit/", None, OWNERS),
    ("post", "/es/legal/providers/{draft}/edit/", {}, OWNERS),
    ("get", "/es/legal/providers/{revision}/edit/", None, OWNERS),
    ("get", "/es/legal/providers/{entry}/edit/", None, ["login", 404, 404, 404, 200]),
    # changing a published entry starts (or goes on with) its revision
    ("post", "/es/legal/providers/{entry}/change/", {}, ["login", 404, 302, 404, 302]),
    ("get", "/es/legal/providers/{entry}/change/", None, ["login", 405, 405, 405, 405]),
    ("post", "/es/legal/providers/{draft}/change/", {}, ["login", 404, 404, 404, 404]),
    # the manage page
    ("get", "/es/legal/providers/{entry}/manage/", None, OWNERS),
    ("get", "/es/legal/providers/{revision}/manage/", None, OWNERS),
    (
        "post",
        "/es/legal/providers/{revision}/manage/",
        {"action": "publish"},
        ["login", 404, 403, 404, 302],
    ),
    (
        "post",
        "/es/legal/providers/{draft}/manage/",
        {"action": "submit"},
        ["login", 404, 302, 404, 302],
    ),
    # staff verify an entry (a revision is not verified: its entry is)
    (
        "post",
        "/es/legal/providers/{entry}/verify/",
        {"verified_what": "address"},
        ["login", 403, 403, 403, 302],
    ),
    ("post", "/es/legal/providers/{entry}/verify/", {}, ["login", 403, 403, 403, 200]),
    (
        "post",
        "/es/legal/providers/{revision}/verify/",
        {"verified_what": "address"},
        ["login", 403, 403, 403, 404],
    ),
    ("get", "/es/legal/providers/{entry}/verify/", None, ["login", 403, 403, 403, 405]),
    ("post", "/es/review/stale/legal-providers/{entry}/", {}, ["login", 403, 403, 403, 302]),
    # reports: anyone reports a listed entry; staff handle them
    ("post", "/es/legal/providers/{entry}/report/", {"reason": "fraud"}, [302] * 5),
    ("post", "/es/legal/providers/{draft}/report/", {"reason": "fraud"}, [404] * 5),
    ("get", "/es/legal/providers/{entry}/report/", None, [405] * 5),
    ("get", "/es/legal/reports/", None, ["login", 403, 403, 403, 200]),
    # the name check: anyone
    ("get", "/es/legal/check/", None, [200] * 5),
    ("post", "/es/legal/check/", {"name": "x"}, [405] * 5),
    ("post", "/es/legal/reports/", {"report": "{report}"}, ["login", 403, 403, 403, 302]),
    ("post", "/es/review/stale/legal-providers/{revision}/", {}, ["login", 403, 403, 403, 404]),
]


# With a query string (the URL pattern check reads paths only).
SEARCHES = [
    ("get", "/es/legal/check/?name=centro", None, [200] * 5),
    ("get", "/es/legal/check/?name=" + "x" * 300, None, [200] * 5),
]


@pytest.fixture
def world():
    membership = MembershipFactory()  # an organization without an entry yet
    member = membership.user
    entry = ProviderFactory()
    entry.organization.memberships.create(user=member)
    revision = ProviderFactory(organization=entry.organization, revision_of=entry, status="draft")
    draft = ProviderFactory(status="draft")
    draft.organization.memberships.create(user=member)
    other = ProviderFactory()  # another partner's organization has its entry
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": member,
        "other_member": MembershipFactory(organization=other.organization).user,
        "curator": CuratorFactory(),
    }
    report = ProviderReport.objects.create(provider=entry, reason="closed")
    objects = {
        "entry": entry.pk, "revision": revision.pk, "draft": draft.pk, "report": report.pk,
    }  # fmt: skip
    return people, objects


CASES = matrix_cases([*MATRIX, *SEARCHES], ROLES)


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
