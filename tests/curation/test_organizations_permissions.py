"""Who may use the organization pages: staff's (only staff), a partner's members page (its
own members and staff; another organization's is a 404; only leads remove members and
cancel invitations) and an invitation's link (anyone may read it; accepting needs the
invited address)."""

import pytest

from apps.organizations.services import invitation_create, invitation_token
from tests.curation.conftest import ROLES
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory, OrganizationFactory

STAFF_ONLY = ["login", 403, 403, 403, 200, 200]
STAFF_ACTS = ["login", 403, 403, 403, 302, 302]

# (method, url, data, expected per role in ROLES order: anonymous, seeker, partner,
# partner_lead, staff, lead_staff). {org} is the partner's organization (slug), {org_pk} its
# id; {other_org} another organization with its own member and invitation.
MATRIX = [
    # staff's pages
    ("get", "/es/curation/organizations/", None, STAFF_ONLY),
    ("get", "/es/curation/organizations/new/", None, STAFF_ONLY),
    ("post", "/es/curation/organizations/new/", {"name": ""}, STAFF_ONLY),
    ("post", "/es/curation/organizations/new/", {"name": "Nueva", "kind": "nonprofit"}, STAFF_ACTS),
    ("get", "/es/curation/organizations/{org_pk}/", None, STAFF_ONLY),
    ("get", "/es/curation/organizations/99999999/", None, ["login", 403, 403, 403, 404, 404]),
    ("post", "/es/curation/organizations/{org_pk}/", {"name": ""}, STAFF_ONLY),
    ("post", "/es/curation/organizations/{org_pk}/verify/", {}, STAFF_ACTS),
    ("post", "/es/curation/organizations/{pending_pk}/approve/", {}, STAFF_ACTS),
    ("post", "/es/curation/organizations/{pending_pk}/decline/", {"note": "Sin datos"}, STAFF_ACTS),
    ("post", "/es/curation/organizations/{org_pk}/approve/", {}, STAFF_ACTS),  # not pending
    ("post", "/es/curation/organizations/{org_pk}/suspend/", {"reason": ""}, STAFF_ONLY),
    ("post", "/es/curation/organizations/{org_pk}/suspend/", {"reason": "Fraude"}, STAFF_ACTS),
    ("post", "/es/curation/organizations/{suspended_pk}/reinstate/", {"reason": "Ok"}, STAFF_ACTS),
    ("post", "/es/curation/organizations/99999999/suspend/", {"reason": "x"},
     ["login", 403, 403, 403, 404, 404]),
    # a partner's members page
    ("get", "/es/organizations/{org}/members/", None, ["login", 404, 200, 200, 200, 200]),
    ("get", "/es/organizations/{other_org}/members/", None, ["login", 404, 404, 404, 200, 200]),
    ("post", "/es/organizations/{org}/members/", {"email": "nueva@example.org", "language": "es"},
     ["login", 404, 302, 302, 403, 403]),
    ("post", "/es/organizations/{org}/members/", {"email": "no"},
     ["login", 404, 200, 200, 403, 403]),
    ("post", "/es/organizations/{other_org}/members/", {"email": "x@example.org", "language": "es"},
     ["login", 404, 404, 404, 403, 403]),
    ("post", "/es/organizations/{org}/leave/", {}, ["login", 404, 302, 302, 403, 403]),
    ("post", "/es/organizations/{other_org}/leave/", {}, ["login", 404, 404, 404, 403, 403]),
    ("post", "/es/organizations/{org}/members/{member}/remove/", {},
     ["login", 404, 403, 302, 302, 302]),
    ("post", "/es/organizations/{org}/members/{other_member}/remove/", {},
     ["login", 404, 404, 404, 404, 404]),
    ("post", "/es/organizations/{org}/invitations/{invitation}/cancel/", {},
     ["login", 404, 403, 302, 302, 302]),
    ("post", "/es/organizations/{other_org}/invitations/{other_invitation}/cancel/", {},
     ["login", 404, 404, 404, 302, 302]),
    ("post", "/es/organizations/{org}/invitations/{other_invitation}/cancel/", {},
     ["login", 404, 404, 404, 404, 404]),
    # an invitation's link: sent to someone else than any of these people
    ("get", "/es/organizations/invitations/{token}/", None, [200] * 6),
    ("post", "/es/organizations/invitations/{token}/", {}, ["login", 200, 200, 200, 200, 200]),
    ("get", "/es/organizations/invitations/1.forged/", None, [200] * 6),
]  # fmt: skip


@pytest.fixture
def world(curation_people):
    membership = curation_people["partner"].memberships.get()
    organization = membership.organization
    other = MembershipFactory(role="lead")
    invitation = invitation_create(
        actor=curation_people["partner_lead"], organization=organization,
        email="colega@example.org", language="es",
    )  # fmt: skip
    objects = {
        "org": organization.slug,
        "org_pk": organization.pk,
        "pending_pk": OrganizationFactory(status="pending").pk,
        "suspended_pk": OrganizationFactory(status="suspended").pk,
        "other_org": other.organization.slug,
        "member": membership.pk,
        "other_member": other.pk,
        "invitation": invitation.pk,
        "other_invitation": invitation_create(
            actor=other.user,
            organization=other.organization,
            email="y@example.org",
            language="en",
        ).pk,
        "token": invitation_token(invitation),
    }
    return curation_people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), matrix_cases(MATRIX, ROLES))
def test_organization_permissions(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
