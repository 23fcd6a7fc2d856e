"""The queue: every item some app's curation reason (apps.core.curation) brings, most urgent
first. One bounded query per reason, merged here; a page deeper than MAX_PAGES is not offered
(filters reach the rest), so a page costs the same whatever the number of items."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.core.curation import CurationReason, curation_kinds, curation_reasons
from apps.curation.items import item_ref, parse_item_ref
from apps.curation.models import Claim

PAGE_SIZE = 50
MAX_PAGES = 20  # 1,000 items: past these, staff narrow the filters


@dataclass(frozen=True)
class QueueFilters:
    kind: str = ""
    reason: str = ""
    older_than: int | None = None  # days
    organization: Any = None
    # "me", "nobody", a colleague's pk as text, or "" for anyone.
    claimant: str = ""


@dataclass
class Row:
    entry: CurationReason
    item: Any
    since: datetime | None
    claim: Claim | None = None

    @property
    def ref(self) -> str:
        return item_ref(self.item)

    @property
    def url(self) -> str:
        return self.entry.url(self.item)

    @property
    def kind_label(self) -> str:
        return str(self.entry.model._meta.verbose_name).capitalize()

    @property
    def reason_label(self) -> str:
        from apps.core.curation import Reason

        return str(Reason(self.entry.reason).label)

    @property
    def note(self):
        return self.entry.note(self.item)

    @property
    def organization(self):
        field = self.entry.organization
        return getattr(self.item, field) if field else None

    def sort_key(self) -> tuple:
        # Reports first, then the oldest ("never checked" before any date).
        since = self.since.timestamp() if self.since else float("-inf")
        return (not self.entry.urgent, since, self.entry.kind, self.item.pk)


def active_claims(entry: CurationReason, now: datetime) -> QuerySet:
    meta = entry.model._meta
    return Claim.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name,
        expires_at__gt=now,
    )  # fmt: skip


def reason_items(entry: CurationReason, filters: QueueFilters, *, user, now) -> QuerySet | None:
    """The entry's items that pass the filters, oldest first; None when the filters rule the
    whole entry out."""
    if filters.kind and entry.kind != filters.kind:
        return None
    if filters.reason and entry.reason != filters.reason:
        return None
    items = entry.items()
    if filters.organization is not None:
        if not entry.organization:
            return None
        items = items.filter(**{entry.organization: filters.organization})
    if filters.older_than:
        cutoff = now - timedelta(days=filters.older_than)
        items = items.filter(Q(since__lt=cutoff) | Q(since=None))
    if filters.claimant:
        claims = active_claims(entry, now)
        if filters.claimant == "nobody":
            items = items.exclude(pk__in=claims.values("object_id"))
        else:
            holder = user.pk if filters.claimant == "me" else int(filters.claimant)
            items = items.filter(pk__in=claims.filter(claimed_by=holder).values("object_id"))
    related = [*entry.select_related, *([entry.organization] if entry.organization else [])]
    return items.select_related(*related) if related else items


def queue_page(filters: QueueFilters, *, user, page: int = 1) -> tuple[list[Row], bool]:
    """A page of the queue, and whether there is a next one within MAX_PAGES."""
    now = timezone.now()
    page = min(max(page, 1), MAX_PAGES)
    wanted = page * PAGE_SIZE + 1
    rows: list[Row] = []
    for entry in curation_reasons:
        items = reason_items(entry, filters, user=user, now=now)
        if items is not None:
            rows.extend(Row(entry, item, item.since) for item in items[:wanted])
    rows.sort(key=Row.sort_key)
    shown = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    has_next = len(rows) > page * PAGE_SIZE and page < MAX_PAGES
    claims_attach(shown, now=now)
    return shown, has_next


def claims_attach(rows: list[Row], *, now) -> None:
    """Who holds each row's item, in one query."""
    if not rows:
        return
    wanted = Q(pk__in=[])
    for row in rows:
        meta = row.item._meta
        wanted |= Q(
            content_type__app_label=meta.app_label, content_type__model=meta.model_name,
            object_id=row.item.pk,
        )  # fmt: skip
    claims = Claim.objects.filter(wanted, expires_at__gt=now)
    held = {
        (claim.content_type.app_label, claim.content_type.model, claim.object_id): claim
        for claim in claims.select_related("content_type", "claimed_by", "assigned_by")
    }
    for row in rows:
        meta = row.item._meta
        row.claim = held.get((meta.app_label, meta.model_name, row.item.pk))


def queue_item_or_404(ref: str):
    """The item a posted reference names, if it is a kind the queue shows; else a 404."""
    parsed = parse_item_ref(ref)
    if parsed is None or parsed[0] not in curation_kinds().values():
        raise Http404
    model, pk = parsed
    return get_object_or_404(model._default_manager, pk=pk)
