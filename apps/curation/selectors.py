"""Curation's reads: the audit log, filtered, and what its rows name."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.core.models import AuditEntry
from apps.core.publishable import publishable_types
from apps.curation.items import item_ref, kind_label, manage_url, parse_item_ref
from apps.organizations.models import Membership, Organization


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _organization_q(organization: Organization) -> Q:
    """Entries about the organization itself or about anything it offers."""
    q = Q(content_type=ContentType.objects.get_for_model(Organization), object_id=organization.pk)
    for entry in publishable_types:
        model = entry.model
        if any(field.name == "organization" for field in model._meta.concrete_fields):
            owned = model._default_manager.filter(organization=organization).values("pk")  # type: ignore[misc]
            q |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=owned)
    return q


def audit_entries(filters: dict) -> QuerySet[AuditEntry]:
    """Every audit entry the filters (AuditFilterForm.filters()) let through, newest first,
    with who acted and whether they belong to an organization (a partner): a person who is
    neither staff nor a partner is a seeker, whom the log does not name."""
    entries = AuditEntry.objects.all()
    if ref := filters.get("item"):
        parsed = parse_item_ref(ref)
        if parsed is not None:
            model, pk = parsed
            entries = entries.filter(
                content_type=ContentType.objects.get_for_model(model), object_id=pk
            )
    elif kind := filters.get("kind"):
        model = apps.get_model(kind)
        entries = entries.filter(content_type=ContentType.objects.get_for_model(model))
        if number := filters.get("number"):
            entries = entries.filter(object_id=number)
    if actor := filters.get("actor"):
        entries = entries.filter(actor=actor)
    if organization := filters.get("organization"):
        entries = entries.filter(_organization_q(organization))
    if action := filters.get("action"):
        entries = entries.filter(action=action)
    if since := filters.get("since"):
        entries = entries.filter(created_at__gte=_start_of(since))
    if until := filters.get("until"):
        entries = entries.filter(created_at__lt=_start_of(until + timedelta(days=1)))
    partner = Membership.objects.filter(user=OuterRef("actor_id"))
    return (
        entries.select_related("actor", "content_type")
        .annotate(actor_is_partner=Exists(partner))
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class Subject:
    """What an audit entry is about, as the log shows it."""

    ref: str
    kind: str
    name: str  # "" once the item is deleted
    url: str


def items_of(wanted: dict[type[Model], set[int]]) -> dict[tuple[type[Model], int], Model]:
    """The items of each model with these keys, by (model, key): one query per model, with
    what names their owner (a provider's name is its organization's)."""
    found = {}
    for model, pks in wanted.items():
        items = model._default_manager.select_related(*getattr(model, "owner_related", ()))
        for pk, item in items.in_bulk(pks).items():
            found[model, pk] = item
    return found


def subjects_of(entries: list[AuditEntry]) -> dict[int, Subject]:
    """Each entry's item, by entry id: one query per kind of item among the entries (a
    page holds a few kinds at most, whatever the number of rows)."""
    wanted: dict[type[Model], set[int]] = {}
    for entry in entries:
        if model := entry.content_type.model_class():
            wanted.setdefault(model, set()).add(entry.object_id)
    found = items_of(wanted)
    subjects = {}
    for entry in entries:
        content_type = entry.content_type
        model = content_type.model_class()
        item = found.get((model, entry.object_id)) if model else None
        label = f"{content_type.app_label}.{content_type.model}:{entry.object_id}"
        url = ""
        if item is not None:
            label = item_ref(item)
            url = manage_url(item)
            if not url and hasattr(item, "get_absolute_url"):
                url = item.get_absolute_url()
        subjects[entry.pk] = Subject(
            ref=label,
            kind=kind_label(model) if model else content_type.model,
            name=str(item) if item is not None else "",
            url=url,
        )
    return subjects
