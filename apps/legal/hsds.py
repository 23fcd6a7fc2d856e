"""The legal help directory as HSDS 3.0 (Human Services Data Specification, Open Referral):
the ids, the objects the API returns and the rows of the data package. Only listed providers
(published, verified within the year, not a revision) are ever read here.

HSDS ids are UUID strings. Camino's are UUIDs (version 8, RFC 9562's "custom" version) that
carry what they name: a fixed Camino prefix, the HSDS table and the row's key. So they are the
same on every request and every export, need no column or migration, and the API reads the
row straight from the id. A service is named by its provider and its ServiceCode (unique
together), not by its row: its id stays the same when a partner's revision is published and
the provider's services are written again. Languages, cost options, addresses and the
accessibility of a place have no row of their own in Camino: their ids are derived the same
way from their provider's or place's key (and the service's and language's numbers)."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.emails import absolute_url
from apps.core.i18n import choice_label, translated
from apps.core.us import locate_zip
from apps.core.vocabulary import SpokenLanguage
from apps.legal.models import (
    AccreditationKind,
    AttendingType,
    LegalService,
    Location,
    Phone,
    Provider,
    Schedule,
)
from apps.legal.vocabulary import ServiceCode

HSDS_VERSION = "3.0"
TAXONOMY = "camino-legal-services"

# The first 32 bits of every Camino HSDS id.
PREFIX = 0xCA31_0000
# The HSDS table an id names: its next 16 bits. Never renumber.
TABLES = {
    "organization": 1, "service": 2, "location": 3, "service_at_location": 4, "phone": 5,
    "schedule": 6, "language": 7, "cost_option": 8, "address": 9, "accessibility": 10,
    "taxonomy_term": 11, "attribute": 12,
}  # fmt: skip
# Each service code's number in its service's id (12 bits). Never renumber: ids hold them.
SERVICE_NUMBERS = {
    "daca_initial": 1, "daca_renewal": 2, "tps": 3, "work_permit": 4, "asylum": 5,
    "u_visa": 6, "t_visa": 7, "vawa": 8, "family_petition": 9, "naturalization": 10,
    "removal_defense": 11, "detained": 12, "wage_theft": 13, "workplace_injury": 14,
    "tenant_rights": 15, "itin_taxes": 16, "consultation": 17, "kyr_training": 18,
}  # fmt: skip
SERVICE_CODES = {number: code for code, number in SERVICE_NUMBERS.items()}
LANGUAGE_NUMBERS = {code: n for n, code in enumerate(SpokenLanguage.values, start=1)}
KEY_BITS = 62


def hsds_id(table: str, key: int, sub: int = 0) -> str:
    """The HSDS id of row `key` of `table` (`sub`: a service's or language's number)."""
    value = (PREFIX << 96) | (TABLES[table] << 80) | (0x8 << 76) | (sub << 64) | (0b10 << 62) | key
    return str(uuid.UUID(int=value))


def hsds_key(table: str, text: str) -> tuple[int, int] | None:
    """The (key, sub) an id of `table` carries, or None if it is not one."""
    try:
        value = uuid.UUID(text).int
    except (ValueError, TypeError, AttributeError):
        return None
    if value >> 96 != PREFIX or (value >> 80) & 0xFFFF != TABLES[table]:
        return None
    if (value >> 76) & 0xF != 0x8 or (value >> 62) & 0b11 != 0b10:
        return None
    key = value & ((1 << KEY_BITS) - 1)
    return (key, (value >> 64) & 0xFFF) if key else None


def service_id(service: LegalService) -> str:
    return hsds_id("service", service.provider_id, SERVICE_NUMBERS[service.code])


def service_key(text: str) -> tuple[int, str] | None:
    """(provider pk, service code) of a service id, or None."""
    found = hsds_key("service", text)
    if found is None or found[1] not in SERVICE_CODES:
        return None
    return found[0], SERVICE_CODES[found[1]]


def taxonomy_term_id(code: str) -> str:
    return hsds_id("taxonomy_term", 1, SERVICE_NUMBERS[code])


def taxonomy_term_code(text: str) -> str | None:
    """The service code of a taxonomy term id, or None."""
    found = hsds_key("taxonomy_term", text)
    return SERVICE_CODES.get(found[1]) if found and found[0] == 1 else None


# --- the objects -------------------------------------------------------------------------------


def _text(instance, field: str) -> str:
    """A translated text in the active language (the other one while it has none)."""
    return translated(instance, field).text


def _timestamp(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _clean(data: dict) -> dict:
    """Without the empty optional fields (HSDS wants them absent rather than null)."""
    return {key: value for key, value in data.items() if value not in (None, "")}


def accreditations_text(provider: Provider) -> str:
    """The credentials staff checked, in words (reads prefetched accreditations)."""
    parts = []
    for accreditation in provider.accreditations.all():
        if accreditation.is_expired:
            continue
        part = choice_label(accreditation, "kind")
        if accreditation.person_name:
            part = f"{part}: {accreditation.person_name}"
        if accreditation.kind == AccreditationKind.BAR_ADMISSION:
            part = f"{part} ({accreditation.bar_state} {accreditation.bar_number})"
        parts.append(part)
    return "; ".join(parts)


def organization_object(provider: Provider) -> dict:
    """An HSDS organization (organization_list): the provider's one-to-one fields."""
    return _clean(
        {
            "id": hsds_id("organization", provider.pk),
            "name": provider.name,
            "alternate_name": provider.alternate_name,
            "description": _text(provider, "description"),
            "email": provider.email,
            "website": provider.website,
            "uri": absolute_url(provider.get_absolute_url()),
        }
    ) | {"description": _text(provider, "description")}  # required, even when empty


def service_object(service: LegalService, *, organization: bool = True) -> dict:
    """An HSDS service's one-to-one fields (service_list), with its organization; reads the
    service's provider, its organization and its prefetched accreditations."""
    provider = service.provider
    data = _clean(
        {
            "id": service_id(service),
            "organization_id": hsds_id("organization", provider.pk),
            "name": choice_label(service, "code"),
            "description": _text(service, "description") or _text(provider, "description"),
            "url": absolute_url(provider.get_absolute_url()),
            "email": provider.email,
            "status": "active",
            "interpretation_services": provider.interpretation_services,
            "application_process": _text(provider, "application_process"),
            "fees_description": _text(provider, "fees_description")
            or choice_label(provider, "cost"),
            "accreditations": accreditations_text(provider),
            "eligibility_description": _text(provider, "eligibility_description"),
            "assured_date": provider.verified_at
            and timezone.localdate(provider.verified_at).isoformat(),
            "alert": "" if provider.accepting_new_cases else _("Not accepting new cases."),
            "last_modified": _timestamp(provider.updated_at),
        }
    )
    if organization:
        data["organization"] = organization_object(provider)
    return data


def language_objects(
    languages: list[str], *, service: LegalService | None = None, location: Location | None = None
) -> list[dict]:
    """The languages spoken, as a service's or as a place's (one row each: the id names the
    service or the place, and the language)."""
    labels = dict(SpokenLanguage.choices)
    rows = []
    for code in SpokenLanguage.values:
        if code not in languages:
            continue
        # A service's: its provider's key, the service's and language's numbers; a place's:
        # its key, the language's number and the top bit.
        id = (
            hsds_id("language", service.provider_id,
                    SERVICE_NUMBERS[service.code] << 5 | LANGUAGE_NUMBERS[code])
            if service is not None
            else hsds_id("language", location.pk if location else 0,
                         1 << 11 | LANGUAGE_NUMBERS[code])
        )  # fmt: skip
        rows.append(
            _clean(
                {
                    "id": id,
                    "service_id": service_id(service) if service else None,
                    "location_id": hsds_id("location", location.pk) if location else None,
                    "name": str(labels[code]),
                    "code": code,
                }
            )
        )
    return rows


def cost_option_objects(service: LegalService) -> list[dict]:
    provider = service.provider
    return [
        _clean(
            {
                "id": hsds_id("cost_option", provider.pk, SERVICE_NUMBERS[service.code]),
                "service_id": service_id(service),
                "option": choice_label(provider, "cost"),
                "currency": "USD" if provider.fee_amount is not None else None,
                "amount": float(provider.fee_amount) if provider.fee_amount is not None else None,
                "amount_description": _text(provider, "fees_description"),
            }
        )
    ]


def phone_object(phone: Phone, **links: str) -> dict:
    return _clean(
        {
            "id": hsds_id("phone", phone.pk),
            "location_id": hsds_id("location", phone.location_id) if phone.location_id else None,
            "organization_id": hsds_id("organization", phone.provider_id),
            **links,
            "number": phone.display.split(" ext. ")[0],
            "extension": int(phone.extension) if phone.extension else None,
            "type": phone.type,
            "description": _text(phone, "description"),
        }
    )


def schedule_object(schedule: Schedule, **links: str) -> dict:
    return _clean(
        {
            "id": hsds_id("schedule", schedule.pk),
            "location_id": hsds_id("location", schedule.location_id),
            **links,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.strftime("%H:%M"),
            "closes_at": schedule.closes_at.strftime("%H:%M"),
            "attending_type": "walk in"
            if schedule.attending_type == AttendingType.WALK_IN
            else "appointment",
            "description": f"{choice_label(schedule, 'weekday')} {schedule.opens_at:%H:%M}-"
            f"{schedule.closes_at:%H:%M} ({choice_label(schedule, 'attending_type')})",
            "notes": f"Time zone: {schedule.location.time_zone}",
        }
    )


def address_object(location: Location) -> dict:
    return _clean(
        {
            "id": hsds_id("address", location.pk),
            "location_id": hsds_id("location", location.pk),
            "address_1": location.address_1,
            "address_2": location.address_2,
            "city": location.city,
            "state_province": location.state,
            "postal_code": location.zip_code,
            "country": "US",
            "address_type": "physical",
        }
    )


def accessibility_objects(location: Location) -> list[dict]:
    text = _text(location, "accessibility")
    return [
        {"id": hsds_id("accessibility", location.pk),
         "location_id": hsds_id("location", location.pk), "description": text}
    ] if text else []  # fmt: skip


def location_object(location: Location, *, nested: bool = False) -> dict:
    """An HSDS location: its one-to-one fields; `nested` adds its address, accessibility,
    languages, phones and hours (reads the location's provider, prefetched schedules and
    phones)."""
    point = locate_zip(location.zip_code)  # the ZIP code's centre: no finer place is kept
    data = _clean(
        {
            "id": hsds_id("location", location.pk),
            "location_type": "physical",
            "organization_id": hsds_id("organization", location.provider_id),
            "name": location.name or str(location),
            "transportation": _text(location, "transportation"),
            "latitude": point.latitude if point else None,
            "longitude": point.longitude if point else None,
        }
    )
    if nested:
        data |= {
            "addresses": [address_object(location)],
            "accessibility": accessibility_objects(location),
            "languages": language_objects(location.provider.languages, location=location),
            "phones": [phone_object(phone) for phone in location.phones.all()],
            "schedules": [schedule_object(schedule) for schedule in location.schedules.all()],
        }  # fmt: skip
    return data


@dataclass
class ServiceAt:
    """A service offered at a location (HSDS service_at_location). Named by the location and
    the service's code: a service is offered at every place of its provider unless
    ServiceAtLocation rows name some."""

    service: LegalService
    location: Location

    @property
    def id(self) -> str:
        return hsds_id("service_at_location", self.location.pk, SERVICE_NUMBERS[self.service.code])


def service_at_location_key(text: str) -> tuple[int, str] | None:
    """(location pk, service code) of a service_at_location id, or None."""
    found = hsds_key("service_at_location", text)
    if found is None or found[1] not in SERVICE_CODES:
        return None
    return found[0], SERVICE_CODES[found[1]]


def service_at_location_object(link: ServiceAt, *, nested: bool = False) -> dict:
    """An HSDS service_at_location: its ids, its location and its service (one-to-one
    fields), or with `nested` the location's address, phones and hours."""
    data = {
        "id": link.id,
        "service_id": service_id(link.service),
        "location_id": hsds_id("location", link.location.pk),
        "location": location_object(link.location, nested=nested),
        "service": service_object(link.service),
    }
    if nested:
        data["schedules"] = [
            schedule_object(schedule, service_at_location_id=link.id)
            for schedule in link.location.schedules.all()
        ]
        data["phones"] = [phone_object(phone) for phone in link.location.phones.all()]
    return data


@dataclass
class ServiceParts:
    """What a fully nested service shows besides the service itself, loaded by the API."""

    links: list[ServiceAt]
    phones: list[Phone]  # the provider's phones that belong to no place


def attribute_objects(service: LegalService) -> list[dict]:
    """The service's term of Camino's taxonomy of services (the `taxonomy_term_id` filter)."""
    return [
        {
            "id": hsds_id("attribute", service.provider_id, SERVICE_NUMBERS[service.code]),
            "link_id": service_id(service),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": taxonomy_term_id(service.code),
            "taxonomy_term": taxonomy_term_object(service.code),
        }
    ]


def taxonomy_term_object(code: str) -> dict:
    return {
        "id": taxonomy_term_id(code),
        "code": code,
        "name": str(ServiceCode(code).label),
        "description": str(ServiceCode(code).label),
        "taxonomy": TAXONOMY,
    }


def full_service_object(service: LegalService, parts: ServiceParts) -> dict:
    """An HSDS service with everything about it nested (`GET /services/{id}`)."""
    sid = service_id(service)
    return service_object(service) | {
        "service_at_locations": [service_at_location_object(link, nested=True)
                                 for link in parts.links],
        "phones": [phone_object(phone, service_id=sid) for phone in parts.phones],
        "languages": language_objects(service.provider.languages, service=service),
        "cost_options": cost_option_objects(service),
        "attributes": attribute_objects(service),
    }  # fmt: skip
