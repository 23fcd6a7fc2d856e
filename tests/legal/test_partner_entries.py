"""A partner writes their organization's entry (places, hours, phones, accreditations) and
changes a published one through a revision that staff publish; drafts, pending entries and
revisions are never public."""

from datetime import time

import pytest
from django.contrib.contenttypes.models import ContentType

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import publication_publish, publication_submit
from apps.legal.models import Accreditation, LegalSearchEntry, Provider, Schedule
from apps.legal.partner_views import EntryForms
from apps.legal.services import provider_revision_start
from tests.accounts.factories import CuratorFactory
from tests.legal.factories import (
    AccreditationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def form_data(provider: Provider) -> dict:
    """What the entry's page posts when nothing is changed (every form's initial values)."""
    entry = EntryForms(provider)
    forms = [entry.form, *entry.locations.forms, *entry.phones.forms, *entry.accreditations.forms]
    forms += [row for _place, hours in entry.places for row in hours.forms]
    data: dict = {}
    for formset in (entry.locations, entry.phones, entry.accreditations,
                    *[hours for _place, hours in entry.places]):  # fmt: skip
        for field in formset.management_form:
            data[field.html_name] = field.value()
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False or field.name == "DELETE":
                continue
            if isinstance(value, list):
                data[field.html_name] = [str(v) for v in value]
            elif isinstance(value, time):
                data[field.html_name] = value.strftime("%H:%M")
            else:
                data[field.html_name] = "on" if value is True else str(value)
    return data


def new_entry_data(organization) -> dict:
    data = form_data(Provider())
    data.update({
        "organization": str(organization.pk), "provider_type": "legal_aid",
        "description_es": "Ayuda legal gratuita.", "application_process_es": "Llame primero.",
        "cost": "free", "languages": ["es", "mam"], "services": ["daca_renewal", "wage_theft"],
        "places-0-address_1": "1831 S Racine Ave", "places-0-city": "Chicago",
        "places-0-state": "IL", "places-0-zip_code": "60608",
        "places-0-time_zone": "America/Chicago",
        "places-0-hours-0-weekday": "2", "places-0-hours-0-opens_at": "09:00",
        "places-0-hours-0-closes_at": "12:00", "places-0-hours-0-attending_type": "walk_in",
        "phones-0-number": "(312) 555-0142", "phones-0-type": "voice",
        "credentials-0-kind": "accredited_representative",
        "credentials-0-person_name": "Rosa Quispe", "credentials-0-expires_on": "2030-01-31",
    })  # fmt: skip
    return data


def test_a_partner_writes_a_new_entry_as_a_draft_nobody_else_sees(client):
    membership = MembershipFactory(organization__name="Centro Sin Fronteras")
    client.force_login(membership.user)
    response = client.post("/es/legal/providers/new/", new_entry_data(membership.organization))
    provider = Provider.objects.get(organization=membership.organization)
    assert response.status_code == 302
    assert response["Location"] == f"/es/legal/providers/{provider.pk}/manage/"
    assert provider.status == PublicationStatus.DRAFT
    assert provider.created_by == membership.user
    assert sorted(s.code for s in provider.services.all()) == ["daca_renewal", "wage_theft"]
    place = provider.locations.get()
    assert [(s.weekday, s.opens_at, s.attending_type) for s in place.schedules.all()] == [
        (2, time(9), "walk_in")
    ]
    assert provider.phones.get().number == "3125550142"
    accreditation = provider.accreditations.get()
    assert accreditation.person_name == "Rosa Quispe" and accreditation.checked_on is None
    assert not LegalSearchEntry.objects.filter(pk=provider.pk).exists()
    client.logout()
    assert client.get(f"/es/legal/providers/{provider.pk}/").status_code == 404
    assert "Centro Sin Fronteras" not in client.get("/es/legal/").content.decode()


def test_a_partner_without_an_organization_is_asked_to_register_one(client):
    membership = MembershipFactory()
    ProviderFactory(organization=membership.organization)  # its one entry exists already
    client.force_login(membership.user)
    response = client.get("/es/legal/providers/new/")
    assert response.status_code == 302 and "/organizations/" in response["Location"]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        # closing before opening
        ({"places-0-hours-0-closes_at": "08:00"}, "La hora de cierre debe ser después"),
        # two rows of the same day and kind overlapping
        (
            {
                "places-0-hours-1-weekday": "2",
                "places-0-hours-1-opens_at": "11:00",
                "places-0-hours-1-closes_at": "13:00",
                "places-0-hours-1-attending_type": "walk_in",
            },
            "se cruza con otro horario",
        ),
    ],
)
def test_bad_hours_are_explained_and_nothing_typed_is_lost(client, hours, message):
    membership = MembershipFactory()
    client.force_login(membership.user)
    data = new_entry_data(membership.organization) | hours
    response = client.post("/es/legal/providers/new/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "1831 S Racine Ave" in page and "Rosa Quispe" in page and "Llame primero." in page
    assert not Provider.objects.filter(organization=membership.organization).exists()


def test_hours_without_a_place_are_refused(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    data = new_entry_data(membership.organization)
    for name in ("address_1", "city", "zip_code"):
        data[f"places-0-{name}"] = ""
    data["places-0-state"] = ""
    data["places-0-time_zone"] = "America/Chicago"
    response = client.post("/es/legal/providers/new/", data)
    assert response.status_code == 200
    assert not Provider.objects.filter(organization=membership.organization).exists()


def test_changes_to_a_published_entry_wait_for_review_then_replace_it(client):
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization, walk_in=False)
    place = provider.locations.get()
    ScheduleFactory(location=place, weekday=1, opens_at=time(9), closes_at=time(17))
    PhoneFactory(provider=provider)
    checked = AccreditationFactory(provider=provider, person_name="Ana Ruiz")
    client.force_login(membership.user)

    # The partner cannot edit the published entry itself: they change a revision.
    assert client.get(f"/es/legal/providers/{provider.pk}/edit/").status_code == 404
    response = client.post(f"/es/legal/providers/{provider.pk}/change/")
    revision = provider.revisions.get()
    assert response["Location"] == f"/es/legal/providers/{revision.pk}/edit/"
    assert revision.status == PublicationStatus.DRAFT
    assert revision.organization == provider.organization
    assert revision.accreditations.get().checked_on == checked.checked_on
    # Asking again goes on with the same revision.
    client.post(f"/es/legal/providers/{provider.pk}/change/")
    assert provider.revisions.count() == 1

    data = form_data(revision)
    data["places-0-hours-0-opens_at"] = "10:00"
    data["places-0-hours-0-closes_at"] = "14:00"
    data["description_en"] = "Free help, now on Mondays from ten."
    response = client.post(f"/es/legal/providers/{revision.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    publication_submit(actor=membership.user, item=revision)

    # The public still sees the entry as it was, and never the revision.
    client.logout()
    page = client.get(f"/en/legal/providers/{provider.pk}/").content.decode()
    assert "Free help, now on Mondays" not in page
    assert client.get(f"/en/legal/providers/{revision.pk}/").status_code == 404
    assert list(LegalSearchEntry.objects.values_list("pk", flat=True)) == [provider.pk]

    curator = CuratorFactory()
    client.force_login(curator)
    response = client.post(f"/en/legal/providers/{revision.pk}/manage/", {"action": "publish"})
    assert response["Location"] == f"/en/legal/providers/{provider.pk}/manage/"
    assert not Provider.objects.filter(pk=revision.pk).exists()
    provider.refresh_from_db()
    assert provider.status == PublicationStatus.PUBLISHED
    assert provider.description_en == "Free help, now on Mondays from ten."
    assert [
        (s.opens_at, s.closes_at) for s in Schedule.objects.filter(location__provider=provider)
    ] == [(time(10), time(14))]
    assert provider.phones.count() == 1 and provider.locations.count() == 1
    # An accreditation the partner left alone is still checked.
    assert Accreditation.objects.get(provider=provider).checked_on == checked.checked_on
    history = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Provider), object_id=provider.pk
    ).values_list("action", flat=True)
    assert {"revision_start", "edit", "submit", "publish", "revision_publish"} <= set(history)
    client.logout()
    page = client.get(f"/en/legal/providers/{provider.pk}/").content.decode()
    assert "Free help, now on Mondays" in page
    assert "10:00" in page or "10 a.m." in page


def test_a_changed_accreditation_is_checked_again_by_staff(client):
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization)
    AccreditationFactory(provider=provider, person_name="Ana Ruiz")
    revision = provider_revision_start(actor=membership.user, provider=provider)
    client.force_login(membership.user)
    data = form_data(revision)
    data["credentials-0-person_name"] = "Ana Ruiz Soto"
    assert client.post(f"/es/legal/providers/{revision.pk}/edit/", data).status_code == 302
    accreditation = revision.accreditations.get()
    assert accreditation.person_name == "Ana Ruiz Soto" and accreditation.checked_on is None


def test_another_organization_cannot_change_an_entry(client):
    provider = ProviderFactory()
    client.force_login(MembershipFactory(organization=OrganizationFactory()).user)
    assert client.post(f"/es/legal/providers/{provider.pk}/change/").status_code == 404
    assert not provider.revisions.exists()


def test_publishing_a_revision_in_the_service_keeps_one_entry(client):
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization)
    revision = provider_revision_start(actor=membership.user, provider=provider)
    revision.accepting_new_cases = False
    revision.save()
    publication_submit(actor=membership.user, item=revision)
    publication_publish(actor=CuratorFactory(), item=revision)
    assert list(Provider.objects.values_list("pk", flat=True)) == [provider.pk]
    assert LegalSearchEntry.objects.get(pk=provider.pk).accepting_new_cases is False


def test_changes_staff_archived_make_way_for_new_ones():
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization)
    first = provider_revision_start(actor=membership.user, provider=provider)
    Provider.objects.filter(pk=first.pk).update(status=PublicationStatus.ARCHIVED)
    second = provider_revision_start(actor=membership.user, provider=provider)
    assert second.pk != first.pk and second.status == PublicationStatus.DRAFT
    assert list(provider.revisions.all()) == [second]


def test_staff_see_what_a_partners_changes_change(client):
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization)
    ScheduleFactory(location=provider.locations.get(), weekday=1)
    revision = provider_revision_start(actor=membership.user, provider=provider)
    client.force_login(CuratorFactory())
    page = client.get(f"/en/legal/providers/{revision.pk}/manage/").content.decode()
    assert "Nothing yet: it is the same as the published entry." in page
    client.force_login(membership.user)
    data = form_data(revision)
    data.pop("accepting_new_cases")
    data["description_en"] = "New words."
    data["places-0-hours-0-opens_at"] = "10:00"
    assert client.post(f"/en/legal/providers/{revision.pk}/edit/", data).status_code == 302
    client.force_login(CuratorFactory())
    page = client.get(f"/en/legal/providers/{revision.pk}/manage/").content.decode()
    changes = page.split('class="revision-changes">')[1].split("</ul>")[0]
    assert "Accepting new cases" in changes and "Places and opening hours" in changes
    assert "Description [en]" in changes
    assert "Phones" not in changes and "Services" not in changes
    assert "Who can get help" not in changes and "fees" not in changes
