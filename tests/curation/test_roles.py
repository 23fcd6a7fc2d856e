import pytest

from apps.core.roles import is_curator, is_lead_curator
from tests.accounts.factories import CuratorFactory, LeadCuratorFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_only_curators_in_the_lead_group_are_leads():
    assert is_lead_curator(LeadCuratorFactory())
    assert not is_lead_curator(CuratorFactory())


def test_a_lead_mark_without_being_a_curator_gives_nothing():
    from django.contrib.auth.models import Group

    from apps.core.roles import LEAD_CURATORS_GROUP

    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name=LEAD_CURATORS_GROUP))
    assert not is_curator(staff)
    assert not is_lead_curator(staff)


def test_partner_lead_membership(curation_people):
    lead = curation_people["partner_lead"].memberships.get()
    member = curation_people["partner"].memberships.get()
    assert lead.is_lead and not member.is_lead
    assert lead.organization_id == member.organization_id
