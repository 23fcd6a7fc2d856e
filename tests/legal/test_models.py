from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.core.vocabulary import SpokenLanguage
from apps.legal.models import (
    Accreditation,
    LegalSearchEntry,
    LegalService,
    Phone,
    Provider,
    Schedule,
)
from apps.legal.vocabulary import ServiceCode
from tests.legal.factories import (
    AccreditationFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_a_valid_provider_passes_its_own_checks():
    ProviderFactory().full_clean()


def test_a_low_fee_needs_its_amount():
    provider = ProviderFactory()
    provider.cost = "low_fee"
    assert "fee_amount" in errors_of(provider)
    provider.fee_amount = Decimal("50")
    provider.full_clean()


def test_the_database_refuses_a_low_fee_without_amount():
    provider = ProviderFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Provider.objects.filter(pk=provider.pk).update(cost="low_fee", fee_amount=None)


def test_languages_come_from_the_list_and_at_least_one():
    assert "languages" in errors_of(ProviderFactory(languages=["xx"]))
    assert "languages" in errors_of(ProviderFactory(languages=[]))
    ProviderFactory(languages=["quc", "mam", "es"]).full_clean()


@pytest.mark.parametrize("value", [5, "es", None, {"es": 1}])
def test_lists_of_codes_that_are_not_lists_are_errors_to_fix(value):
    # An admin form takes any JSON in these fields; a page iterating them would fail later.
    provider = ProviderFactory()
    provider.languages = provider.verified_what = value
    assert errors_of(provider).keys() >= {"languages", "verified_what"}
    provider.languages, provider.verified_what = ["es"], ["license"]
    assert "verified_what" in errors_of(provider)  # not a code of the list
    provider.verified_what = []
    provider.full_clean()


def test_verifying_lists_an_entry_for_twelve_months():
    provider = ProviderFactory()
    provider.verified_at = timezone.now()
    provider.full_clean()
    assert (provider.expires_on - timezone.localdate()).days in (365, 366)


def test_an_entry_is_stale_after_six_months():
    fresh = ProviderFactory()
    stale = ProviderFactory(verified_at=timezone.now() - timedelta(days=200))
    assert not fresh.is_stale and stale.is_stale
    assert list(Provider.objects.stale()) == [stale]


def test_one_entry_per_organization_but_a_revision_beside_it():
    provider = ProviderFactory()
    revision = ProviderFactory(
        organization=provider.organization, revision_of=provider, status=PublicationStatus.DRAFT
    )
    assert revision.is_revision
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderFactory(organization=provider.organization)


def test_a_revision_is_never_public_nor_indexed():
    provider = ProviderFactory()
    revision = ProviderFactory(organization=provider.organization, revision_of=provider)
    assert provider.is_public and not revision.is_public
    assert list(Provider.objects.published()) == [provider]
    search_index(revision)
    assert not LegalSearchEntry.objects.filter(pk=revision.pk).exists()


def test_a_service_appears_once_per_provider():
    provider = ProviderFactory(services=["asylum"])
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalService.objects.create(provider=provider, code="asylum")


def test_hours_must_close_after_they_open():
    schedule = ScheduleFactory.build(
        location=LocationFactory(), opens_at=time(17), closes_at=time(9)
    )
    assert "closes_at" in errors_of(schedule)
    with pytest.raises(IntegrityError), transaction.atomic():
        schedule.save()


def test_hours_may_not_overlap_on_the_same_day_and_kind():
    first = ScheduleFactory(opens_at=time(9), closes_at=time(13), attending_type="walk_in")
    overlapping = Schedule(
        location=first.location, weekday=first.weekday, opens_at=time(12), closes_at=time(15),
        attending_type="walk_in",
    )  # fmt: skip
    assert "__all__" in errors_of(overlapping)
    # Right after, another day, or appointments at the same time: fine.
    for other in (
        Schedule(location=first.location, weekday=1, opens_at=time(13), closes_at=time(15),
                 attending_type="walk_in"),
        Schedule(location=first.location, weekday=2, opens_at=time(9), closes_at=time(13),
                 attending_type="walk_in"),
        Schedule(location=first.location, weekday=1, opens_at=time(9), closes_at=time(13),
                 attending_type="appointment"),
    ):  # fmt: skip
        other.full_clean()


@pytest.mark.parametrize(
    ("state", "number", "valid"),
    [
        ("CA", "123456", True),
        ("CA", "12-3456", True),  # read without the dash
        ("CA", "A12345", False),
        ("IL", "6284321", True),
        ("TX", "24012345X", False),
        ("MI", "P12345", True),
        ("MI", "p 12345", True),
        ("MI", "12345", False),
    ],
)
def test_bar_numbers_follow_their_state(state, number, valid):
    accreditation = AccreditationFactory.build(
        provider=ProviderFactory(), kind="bar_admission", person_name="Ana Ruiz",
        bar_state=state, bar_number=number, expires_on=None,
    )  # fmt: skip
    if valid:
        accreditation.full_clean()
    else:
        message = errors_of(accreditation)["bar_number"][0]
        # In the site's language (Spanish), with the state's example.
        assert ("solo dígitos" in message) if state != "MI" else ("P12345" in message)


def test_a_representative_needs_a_name_and_an_expiry():
    accreditation = AccreditationFactory.build(
        provider=ProviderFactory(), person_name="", expires_on=None
    )
    assert {"person_name", "expires_on"} <= set(errors_of(accreditation))


def test_an_expired_representative_flags_the_provider():
    provider = ProviderFactory()
    AccreditationFactory(provider=provider)
    assert not provider.has_expired_accreditation
    AccreditationFactory(provider=provider, expires_on=timezone.localdate() - timedelta(days=1))
    assert Provider.objects.get(pk=provider.pk).has_expired_accreditation


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("(312) 555-0100", "3125550100", "(312) 555-0100"),
        ("+1 312.555.0100", "3125550100", "(312) 555-0100"),
        ("13125550100", "3125550100", "(312) 555-0100"),
    ],
)
def test_phones_are_stored_normalised_and_shown_formatted(typed, stored, shown):
    phone = PhoneFactory.build(provider=ProviderFactory(), number=typed, extension="12")
    phone.full_clean()
    assert phone.number == stored
    assert phone.display == f"{shown} ext. 12"
    assert phone.tel == f"tel:+1{stored};ext=12"


@pytest.mark.parametrize("typed", ["555-0100", "(012) 555-0100", "312 555 01000", "call us"])
def test_a_phone_that_is_not_a_us_number_is_refused(typed):
    phone = PhoneFactory.build(provider=ProviderFactory(), number=typed)
    assert "código de área" in errors_of(phone)["number"][0]


def test_a_phone_belongs_to_one_of_its_providers_places():
    phone = PhoneFactory.build(provider=ProviderFactory(), location=LocationFactory())
    assert "location" in errors_of(phone)
    with pytest.raises(IntegrityError), transaction.atomic():
        Phone.objects.create(provider=phone.provider, number="555")


def test_the_search_entry_holds_every_filter():
    provider = ProviderFactory(
        services=["asylum", "wage_theft"], languages=["es", "mam"], cost="sliding_scale",
        accepting_new_cases=False, zip_code="85004",
    )  # fmt: skip
    location = provider.locations.get()
    location.time_zone = "America/Phoenix"
    location.save()
    ScheduleFactory(location=location, weekday=3, attending_type="walk_in")
    ScheduleFactory(location=location, weekday=4, attending_type="appointment")
    search_index(provider)
    entry = LegalSearchEntry.objects.get(pk=provider.pk)
    codes = list(ServiceCode.values)
    assert entry.services == (1 << codes.index("asylum")) | (1 << codes.index("wage_theft"))
    languages = list(SpokenLanguage.values)
    assert entry.languages == (1 << languages.index("es")) | (1 << languages.index("mam"))
    assert (entry.cost, entry.accepting_new_cases) == ("sliding_scale", False)
    assert entry.walk_in_days == 1 << 2  # Wednesday only
    assert entry.time_zone == "America/Phoenix"
    assert entry.latitude is not None and 33 < entry.latitude < 34


def test_accreditations_order_and_kinds_are_checked_by_the_database():
    provider = ProviderFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Accreditation.objects.create(provider=provider, kind="bar_admission", person_name="X")
