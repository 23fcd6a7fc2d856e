"""The people of curation's permission matrices (each part keeps its own MATRIX in
tests/curation/test_<part>_permissions.py over ROLES, and tests/test_permissions.py adds its
rows to the every-URL check)."""

import pytest

from tests.accounts.factories import CuratorFactory, LeadCuratorFactory, UserFactory
from tests.organizations.factories import MembershipFactory

ROLES = ["anonymous", "seeker", "partner", "partner_lead", "staff", "lead_staff"]


@pytest.fixture
def curation_people(db):
    """One of each role; the partner and the partner lead are members of one organization
    (`curation_people["partner"].memberships.get().organization`)."""
    lead = MembershipFactory(role="lead")
    partner = MembershipFactory(organization=lead.organization)
    return {
        "anonymous": None,
        "seeker": UserFactory(),
        "partner": partner.user,
        "partner_lead": lead.user,
        "staff": CuratorFactory(),
        "lead_staff": LeadCuratorFactory(),
    }
