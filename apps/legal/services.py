"""Legal help's writes: a partner's entry with its services, places, hours, phones and the
accreditations they claim; the revision that carries their changes to a published entry
through review; staff's verifications; seekers' reports."""

from dataclasses import dataclass, field
from datetime import time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.indexing import search_index
from apps.core.models import AuditEntry, PublicationStatus
from apps.core.ratelimit import report_allowance_take
from apps.core.roles import Person, is_curator
from apps.core.services import (
    audit_actions,
    audit_record,
    publication_take_down,
    publications_expire_due,
    publishable_save,
)
from apps.core.verification import checked_confirm, checked_types
from apps.legal.models import (
    Accreditation,
    LegalService,
    Location,
    Phone,
    Provider,
    ProviderReport,
    Schedule,
    ServiceAtLocation,
    verification_expiry,
)

audit_actions.register("revision_start", _("Changes started"))
audit_actions.register("revision_publish", _("Changes published"))

# What a revision does not carry: the entry's workflow and verification, which stay the
# public entry's own.
NOT_CONTENT = frozenset(
    {
        "id", "status", "created_by", "created_at", "updated_at", "submitted_at",
        "published_at", "review_note", "organization", "expires_on", "verified_at",
        "verified_by", "verified_what", "revision_of", "external_id",
    }
)  # fmt: skip


@dataclass
class Hours:
    weekday: int
    opens_at: time
    closes_at: time
    attending_type: str


@dataclass
class Place:
    """A place as the partner's form leaves it: the location (saved or new) and its hours,
    which replace the ones it had."""

    location: Location
    hours: list[Hours] = field(default_factory=list)


@dataclass
class EntryChildren:
    """Everything of an entry but its own fields, as its form leaves them."""

    services: list[str]
    places: list[Place]
    phones: list[Phone]
    # Accreditations the partner wrote or changed (staff check them again) and kept as they are.
    accreditations: list[Accreditation]
    changed_accreditations: set[int] = field(default_factory=set)
    # Rows the partner removed.
    removed: list = field(default_factory=list)


def provider_save(*, actor: Person, provider: Provider, children: EntryChildren) -> Provider:
    """Write a new draft entry, or save the edits of an entry (its owners: a draft, a
    revision, one sent back; staff: any), children included, in one transaction."""
    with transaction.atomic():
        publishable_save(actor=actor, item=provider)
        for row in children.removed:
            if row.pk:
                row.delete()
        kept_services = {s.code: s for s in provider.services.all()}
        for code, service in kept_services.items():
            if code not in children.services:
                service.delete()
        services = [
            kept_services.get(code) or LegalService.objects.create(provider=provider, code=code)
            for code in children.services
        ]
        for place in children.places:
            location = place.location
            new_place = location.pk is None
            location.provider = provider
            location.save()
            location.schedules.all().delete()
            Schedule.objects.bulk_create(
                Schedule(location=location, **vars(hours)) for hours in place.hours
            )
            if new_place:  # every service at a new place until said otherwise
                ServiceAtLocation.objects.bulk_create(
                    ServiceAtLocation(service=service, location=location) for service in services
                )
        for phone in children.phones:
            phone.provider = provider
            phone.save()
        for index, accreditation in enumerate(children.accreditations):
            accreditation.provider = provider
            if index in children.changed_accreditations and not is_curator(actor):
                # What a partner claims is not checked until staff check it at its source.
                accreditation.checked_on = accreditation.checked_by = None
                accreditation.source = accreditation.source_url = ""
            accreditation.save()
        search_index(provider)
    return provider


def content_copy(*, source: Provider, target: Provider) -> None:
    """Make `target`'s content (fields and children) `source`'s: its children are replaced
    by copies. Call it inside a transaction."""
    for model_field in Provider._meta.concrete_fields:
        if model_field.name not in NOT_CONTENT:
            setattr(target, model_field.attname, getattr(source, model_field.attname))
    target.save()
    target.detention_facilities.set(source.detention_facilities.all())
    for model in (LegalService, Location, Phone, Accreditation):
        model.objects.filter(provider=target).delete()
    services = {}
    for service in source.services.all():
        services[service.pk] = _copy(service, provider=target)
    locations = {}
    for location in source.locations.prefetch_related("schedules"):
        locations[location.pk] = copy = _copy(location, provider=target)
        for schedule in location.schedules.all():
            _copy(schedule, location=copy)
    for link in ServiceAtLocation.objects.filter(location__provider=source):
        ServiceAtLocation.objects.create(
            service=services[link.service_id], location=locations[link.location_id]
        )
    for phone in source.phones.all():
        _copy(phone, provider=target, location=locations.get(phone.location_id or 0))
    for accreditation in source.accreditations.all():
        _copy(accreditation, provider=target)


def _copy(row, **changes):
    row.pk = row.id = None
    for name, value in changes.items():
        setattr(row, name, value)
    row._state.adding = True
    row.save()
    return row


def provider_revision_start(*, actor: Person, provider: Provider) -> Provider:
    """A partner changes a published entry: their changes go to a revision (a copy, never
    public) until staff publish it. Their existing revision if they have one."""
    if not provider.is_owned_by(actor) and not is_curator(actor):
        raise PermissionDenied
    if provider.revision_of_id or provider.status != PublicationStatus.PUBLISHED:
        raise PermissionDenied
    with transaction.atomic():
        locked = Provider.objects.select_for_update().get(pk=provider.pk)
        existing = locked.revisions.first()
        if existing is not None and existing.status != PublicationStatus.ARCHIVED:
            return existing
        if existing is not None:  # staff archived those changes: start again from the entry
            existing.delete()
        revision = Provider(
            organization=locked.organization, revision_of=locked, created_by_id=actor.pk,
            status=PublicationStatus.DRAFT, expires_on=locked.expires_on,
        )  # fmt: skip
        content_copy(source=locked, target=revision)
        audit_record(actor=actor, subject=locked, action="revision_start")
    return revision


def revision_publish_apply(*, item, transition, entry: AuditEntry) -> None:
    """The after_transition hook: publishing a revision makes its content the public
    entry's, moves its history there, and removes it."""
    if transition.action != "publish" or not isinstance(item, Provider) or not item.revision_of_id:
        return
    entry_ = Provider.objects.select_for_update().get(pk=item.revision_of_id)
    content_copy(source=item, target=entry_)
    AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Provider), object_id=item.pk
    ).update(object_id=entry_.pk)
    audit_record(actor=entry.actor, subject=entry_, action="revision_publish", note=entry.note)
    search_index(entry_)
    item.delete()  # its pk becomes None: get_manage_url then leads to the entry


def provider_verify(*, actor: Person, provider: Provider, what: list[str], note: str = ""):
    """Staff checked the entry at its sources today and say what they checked; the shared
    confirmation (apps.core.verification) records who and when and lists it another year."""
    if provider.revision_of_id:
        raise PermissionDenied
    with transaction.atomic():
        provider.verified_what = what
        provider.save(update_fields=["verified_what"])
        checked_confirm(
            actor=actor, kind=checked_types["legal-providers"], item=provider,
            note=", ".join(what),
        )  # fmt: skip
    return provider


def provider_verified_again(provider: Provider) -> None:
    """The stale queue's "still correct" (apps.core.verification): listed for another year."""
    provider.expires_on = verification_expiry(timezone.localdate())
    provider.save(update_fields=["expires_on"])
    search_index(provider)


def provider_report(
    *, provider: Provider, reporter, who: str, reason: str, details: str = ""
) -> ProviderReport:
    """A seeker warns staff about an entry. Rate-limited (apps.core.ratelimit: raises
    ReportLimitReached)."""
    report_allowance_take(kind="legal-provider", who=who, item_id=provider.pk)
    with transaction.atomic():
        report = ProviderReport.objects.create(
            provider=provider, reason=reason, details=details,
            reporter=reporter if reporter and reporter.is_authenticated else None,
        )  # fmt: skip
        audit_record(actor=report.reporter, subject=provider, action="report", note=reason)
    return report


def provider_report_resolve(
    *, actor: Person, report: ProviderReport, take_down: bool = False, note: str = ""
) -> ProviderReport:
    """Staff handled a report; with take_down, the entry leaves the directory too."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        report.resolved_by = actor  # type: ignore[assignment]
        report.resolved_at = timezone.now()
        report.save(update_fields=["resolved_by", "resolved_at"])
        audit_record(actor=actor, subject=report.provider, action="handle report", note=note)
        if take_down and report.provider.status == PublicationStatus.PUBLISHED:
            publication_take_down(actor=actor, item=report.provider, note=note)
    return report


def providers_expire_due() -> int:
    """Take off the directory the entries staff have not verified within the year (their
    `expires_on`): each one's submitter is told why and how to get it back. Returns how
    many."""
    return publications_expire_due(
        Provider.objects.entries(), fields=("organization_id", "revision_of_id")
    )


def revision_changes(revision: Provider) -> list[str]:
    """What a partner's changes change, for the staff who review them: the labels of the
    entry's fields that differ, then its services, places and hours, phones and
    accreditations when any of them differ. Reads a fixed number of queries."""
    entry = revision.revision_of
    if entry is None:
        return []
    changed = [
        str(model_field.verbose_name)
        for model_field in Provider._meta.concrete_fields
        if model_field.name not in NOT_CONTENT
        # A translated field is compared in each language (description_es...), not twice.
        and not hasattr(Provider, f"{model_field.name}_es")
        # An empty text the form saved is no change from one never written (None).
        and (getattr(entry, model_field.attname) or None)
        != (getattr(revision, model_field.attname) or None)
    ]
    children = {
        _("Services"): lambda p: sorted(p.services.values_list("code", "description")),
        _("Places and opening hours"): lambda p: sorted(
            (*place, tuple(sorted(hours)))
            for *place, hours in _places(p)
        ),
        _("Phones"): lambda p: sorted(
            p.phones.values_list("number", "extension", "type", "description")
        ),
        _("Accreditations"): lambda p: sorted(
            p.accreditations.values_list("kind", "person_name", "bar_state", "bar_number",
                                         "expires_on")
        ),
        _("Detention centers they visit"): lambda p: sorted(
            p.detention_facilities.values_list("pk", flat=True)
        ),
    }  # fmt: skip
    changed += [str(label) for label, read in children.items() if read(entry) != read(revision)]
    return changed


def _places(provider: Provider) -> list[tuple]:
    hours: dict[int, list] = {}
    for row in Schedule.objects.filter(location__provider=provider).values_list(
        "location_id", "weekday", "opens_at", "closes_at", "attending_type"
    ):
        hours.setdefault(row[0], []).append(row[1:])
    return [
        (*place[1:], hours.get(place[0], []))
        for place in provider.locations.values_list(
            "pk", "name", "address_1", "address_2", "city", "state", "zip_code", "time_zone"
        )
    ]
