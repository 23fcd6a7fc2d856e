"""Who may see the directory and the providers' pages: rows as in tests/test_permissions.py
(which counts these rows as covering their URL patterns). Anyone reads listed entries; an
entry that is not public (a draft, waiting for review, a revision) is its organization's and
staff's only, a 404 for anyone else."""

import pytest

from apps.legal import hsds
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import ProviderFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]
EVERYONE = [200] * 5
PRIVATE = [404, 404, 200, 404, 200]

MATRIX = [
    ("get", "/es/legal/", None, EVERYONE),
    ("get", "/es/legal/providers/{provider}/", None, EVERYONE),
    ("get", "/es/legal/providers/{draft}/", None, PRIVATE),
    ("get", "/es/legal/providers/{pending}/", None, PRIVATE),
    ("get", "/es/legal/providers/{revision}/", None, PRIVATE),
    ("get", "/es/legal/providers/999999/", None, [404] * 5),
    ("post", "/es/legal/providers/{provider}/", {}, [405] * 5),
    ("get", "/es/legal/notarios/", None, EVERYONE),
    # the shared manage page of an entry
    ("get", "/es/manage/legal/{draft}/", None, ["login", 404, 200, 404, 200]),
    ("post", "/es/manage/legal/{draft}/", {"action": "submit"}, ["login", 404, 302, 404, 302]),
    ("post", "/es/manage/legal/{pending}/", {"action": "publish"}, ["login", 404, 403, 404, 302]),
    # The HSDS open data API: the listed directory only, even for the entry's organization.
    ("get", "/api/hsds/", None, EVERYONE),
    ("get", "/api/hsds/services", None, EVERYONE),
    ("get", "/api/hsds/services/{hsds_service}", None, EVERYONE),
    ("get", "/api/hsds/services/{hsds_draft_service}", None, [404] * 5),
    ("get", "/api/hsds/services/{hsds_revision_service}", None, [404] * 5),
    ("post", "/api/hsds/services", {}, [405] * 5),
    ("get", "/api/hsds/organizations", None, EVERYONE),
    ("get", "/api/hsds/organizations/{hsds_organization}", None, EVERYONE),
    ("get", "/api/hsds/organizations/{hsds_draft_organization}", None, [404] * 5),
    ("get", "/api/hsds/service_at_locations", None, EVERYONE),
    ("get", "/api/hsds/service_at_locations/{hsds_service_at_location}", None, EVERYONE),
    ("get", "/api/hsds/service_at_locations/{hsds_draft_service_at_location}", None, [404] * 5),
    ("get", "/api/hsds/locations/{hsds_location}", None, EVERYONE),
    ("get", "/api/hsds/locations/{hsds_draft_location}", None, [404] * 5),
    ("get", "/api/hsds/datapackage.zip", None, EVERYONE),
]
# The same pages with a search (the URL pattern check reads paths only).
SEARCHES = [
    ("get", "/es/legal/?view=print&cost=free", None, EVERYONE),
    ("get", "/es/legal/?facility=abc&radius=-1&zip=x&page=999", None, EVERYONE),
]


@pytest.fixture
def world():
    membership = MembershipFactory()
    organization = membership.organization
    provider = ProviderFactory()
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": membership.user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    # The member's organization's entry is a draft; its pending changes are another
    # organization's public entry's revision (a revision is its organization's).
    draft = ProviderFactory(organization=organization, status="draft")
    pending = ProviderFactory(status="pending")
    pending.organization.memberships.create(user=membership.user)
    listed = ProviderFactory()
    listed.organization.memberships.create(user=membership.user)
    revision = ProviderFactory(organization=listed.organization, revision_of=listed,
                               status="draft")  # fmt: skip
    objects = {
        "provider": provider.pk,
        "draft": draft.pk,
        "pending": pending.pk,
        "revision": revision.pk,
        **hsds_ids("", provider),
        **hsds_ids("draft_", draft),
        "hsds_revision_service": hsds.service_id(revision.services.get()),
    }
    return people, objects


def hsds_ids(prefix: str, provider) -> dict[str, str]:
    """The HSDS ids of a provider, its service and place, named hsds_<prefix><table>."""
    service, location = provider.services.get(), provider.locations.get()
    ids = {
        "service": hsds.service_id(service),
        "organization": hsds.hsds_id("organization", provider.pk),
        "service_at_location": hsds.ServiceAt(service, location).id,
        "location": hsds.hsds_id("location", location.pk),
    }
    return {f"hsds_{prefix}{table}": value for table, value in ids.items()}


CASES = matrix_cases([*MATRIX, *SEARCHES], ROLES)


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
