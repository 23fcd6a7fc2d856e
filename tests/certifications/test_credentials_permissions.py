"""Who may do what on the credentials' pages: rows as in tests/test_permissions.py (which
counts these rows as covering their URL patterns). Anyone reads published credentials; only
Camino staff (curators) see drafts and keep credentials and their state rules."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import CredentialFactory, StateRuleFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE, STAFF = [200] * 5, ["login", 403, 403, 403, 200]
STAFF_POST = ["login", 403, 403, 403, 302]
CREDENTIAL = {
    "name_es": "Licencia", "name_en": "License", "slug": "new-license", "kind": "license",
    "issuing_body": "Board", "official_url": "https://example.org/", "summary_es": "Resumen",
    "summary_en": "Summary", "categories": "beauty", "benefit": "required",
    "education": "none", "english_level": "none", "format": "online",
    "foreign_experience": "na",
}  # fmt: skip
RULE = {
    "state": "TX", "rule": "ssn", "source_name": "TDLR",
    "source_url": "https://www.tdlr.texas.gov/",
}  # fmt: skip

MATRIX = [
    ("get", "/es/careers/", None, [302] * 5),
    ("get", "/es/careers/credentials/", None, EVERYONE),
    ("get", "/es/careers/credentials/{credential}/", None, EVERYONE),
    ("get", "/es/careers/credentials/{draft}/", None, [404, 404, 404, 404, 200]),
    ("get", "/es/careers/credentials/no-such-credential/", None, [404] * 5),
]  # fmt: skip

# Bad values in the URL are explained on the page, for everyone (not URL patterns of their
# own: tests/test_permissions.py does not count them).
WITH_QUERIES = [
    ("get", "/es/careers/credentials/?state=CA&rule=no_ssn&cost=-1", None, EVERYONE),
    ("get", "/es/careers/credentials/?state=ZZ&language=xx&cost=abc", None, EVERYONE),
    ("get", "/es/careers/credentials/{credential}/?state=ZZ", None, EVERYONE),
]  # fmt: skip

MATRIX += [
    ("get", "/es/careers/credentials/staff/", None, STAFF),
    ("get", "/es/careers/credentials/staff/new/", None, STAFF),
    ("post", "/es/careers/credentials/staff/new/", CREDENTIAL, STAFF_POST),
    ("get", "/es/careers/credentials/staff/{credential_pk}/", None, STAFF),
    ("get", "/es/careers/credentials/staff/{draft_pk}/", None, STAFF),
    ("get", "/es/careers/credentials/staff/999999/", None, ["login", 403, 403, 403, 404]),
    ("post", "/es/careers/credentials/staff/{draft_pk}/", {**CREDENTIAL, "slug": "{draft}"},
     STAFF_POST),
    ("post", "/es/careers/credentials/staff/{draft_pk}/publish/", {"published": "1"}, STAFF_POST),
    ("get", "/es/careers/credentials/staff/{draft_pk}/publish/", None,
     ["login", 403, 403, 403, 405]),
    ("post", "/es/careers/credentials/staff/999999/publish/", {"published": "1"},
     ["login", 403, 403, 403, 404]),
    ("get", "/es/careers/credentials/staff/{credential_pk}/rules/new/", None, STAFF),
    ("post", "/es/careers/credentials/staff/{credential_pk}/rules/new/", RULE, STAFF_POST),
    ("get", "/es/careers/credentials/staff/999999/rules/new/", None,
     ["login", 403, 403, 403, 404]),
    ("get", "/es/careers/credentials/rules/{rule}/", None, STAFF),
    ("post", "/es/careers/credentials/rules/{rule}/", {**RULE, "rule": "itin"}, STAFF_POST),
    ("get", "/es/careers/credentials/rules/999999/", None, ["login", 403, 403, 403, 404]),
    ("post", "/es/careers/credentials/rules/{rule}/remove/", {}, STAFF_POST),
    ("get", "/es/careers/credentials/rules/{rule}/remove/", None, ["login", 403, 403, 403, 405]),
    ("post", "/es/careers/credentials/rules/999999/remove/", {}, ["login", 403, 403, 403, 404]),
    # the shared stale queue (apps.core.verification) holds published credentials' rules
    ("get", "/es/review/stale/certifications-rules/", None, STAFF),
    ("post", "/es/review/stale/certifications-rules/{rule}/", {}, STAFF_POST),
    ("post", "/es/review/stale/certifications-rules/{draft_rule}/", {},
     ["login", 403, 403, 403, 404]),
]  # fmt: skip

CASES = matrix_cases([*MATRIX, *WITH_QUERIES], ROLES)


@pytest.fixture
def world():
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": MembershipFactory().user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    credential = CredentialFactory()
    draft = CredentialFactory(published=False)
    objects = {
        "credential": credential.slug,
        "credential_pk": credential.pk,
        "draft": draft.slug,
        "draft_pk": draft.pk,
        "rule": StateRuleFactory(credential=credential, checked_by=None).pk,
        "draft_rule": StateRuleFactory(credential=draft, checked_by=None).pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
