"""The queue: every item some app's curation reason (apps.core.curation) brings, most urgent
first. The reasons' keys (kind, item, since) are merged by the database in one query, each
reason reading only its first rows; then the page's items are read, one query per kind on
it. A page deeper than MAX_PAGES is not offered (filters reach the rest), so a page costs the
same whatever the number of items."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, IntegerField, Model, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.core.curation import CurationReason, Reason, curation_kinds, curation_reasons
from apps.curation.items import item_ref, kind_label, parse_item_ref
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
    item: Any  # its pk until items_attach() reads it
    since: datetime | None
    carried: dict[str, Any] = field(default_factory=dict)
    claim: Claim | None = None

    @property
    def ref(self) -> str:
        return item_ref(self.item)

    @property
    def url(self) -> str:
        return self.entry.url(self.item)

    @property
    def kind_label(self) -> str:
        return kind_label(self.entry.model)

    @property
    def reason_label(self) -> str:
        return str(Reason(self.entry.reason).label)

    @property
    def note(self):
        return self.entry.note(self.item)

    @property
    def organization(self):
        field = self.entry.organization
        return getattr(self.item, field) if field else None


def active_claims(entry: CurationReason, now: datetime) -> QuerySet:
    # By the kind's name, not its number: merged_keys_sql keeps this query for a minute.
    meta = entry.model._meta
    return Claim.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name,
        expires_at__gt=now,
    )  # fmt: skip


def reason_items(
    entry: CurationReason, filters: QueueFilters, *, user_pk: int, now
) -> QuerySet | None:
    """The entry's rows that pass the filters, oldest first; None when the filters rule the
    whole entry out."""
    if filters.kind and entry.kind != filters.kind:
        return None
    if filters.reason and entry.reason != filters.reason:
        return None
    items = entry.items()
    if filters.organization is not None:
        if not entry.organization:
            return None
        items = items.filter(**{entry.path(entry.organization): filters.organization})
    if filters.older_than:
        cutoff = now - timedelta(days=filters.older_than)
        items = items.filter(Q(since__lt=cutoff) | Q(since=None))
    if filters.claimant:
        claims = active_claims(entry, now).values("object_id")
        if filters.claimant == "nobody":
            items = items.exclude(**{f"{entry.item}__in": claims})
        else:
            holder = user_pk if filters.claimant == "me" else int(filters.claimant)
            items = items.filter(**{f"{entry.item}__in": claims.filter(claimed_by=holder)})
    return items


def reason_keys(position: int, entry: CurationReason, items: QuerySet, carried: list[str]):
    """The reason's rows as the queue merges them: (urgency, since, reason, item, *carried),
    carried counts it lacks being empty, so that every reason's rows line up in one union."""
    empty = Cast(Value(None), IntegerField())
    if hasattr(items, "rewrite"):  # a translated model's: its rewriting reorders the columns
        items = items.rewrite(False)
    keys = items.annotate(
        queue_urgency=Value(0 if entry.urgent else 1), queue_since=F("since"),
        queue_reason=Value(position), queue_item=F(entry.item),
        **{f"queue_{name}": F(name) if name in entry.carried else empty for name in carried},
    )  # fmt: skip
    return keys.values_list(
        "queue_urgency", "queue_since", "queue_reason", "queue_item",
        *(f"queue_{name}" for name in carried),
    )  # fmt: skip


def queue_page(filters: QueueFilters, *, user, page: int = 1) -> tuple[list[Row], bool]:
    """A page of the queue, and whether there is a next one within MAX_PAGES. The reasons'
    keys are merged, most urgent first, by the database in one query (merged_keys_sql); only
    the page's items are then read whole, one query per kind of item on it."""
    now = timezone.now()
    page = min(max(page, 1), MAX_PAGES)
    entries = tuple(curation_reasons)
    # The queue's clock, for its query, is the end of the current minute: a claim about to
    # lapse counts as lapsed, an item becomes stale up to a minute early.
    minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    merged = merged_keys_sql(entries, filters, user.pk, page, minute)
    if merged is None:
        return [], False
    sql, params, carried = merged
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        keys = cursor.fetchall()
    found = [
        Row(entries[position], pk, _moment(since), carried=dict(zip(carried, counts, strict=True)))
        for _urgency, since, position, pk, *counts in keys
    ]
    has_next = len(found) > PAGE_SIZE and page < MAX_PAGES
    rows = items_attach(found[:PAGE_SIZE])
    claims_attach(rows, now=now)
    return rows, has_next


@lru_cache(maxsize=256)
def merged_keys_sql(
    entries: tuple[CurationReason, ...], filters: QueueFilters, user_pk: int, page: int, now
) -> tuple[str, tuple, list[str]] | None:
    """The SQL that merges every reason's keys (reason_keys) for the filters and page, most
    urgent first, then the oldest; None when the filters rule out every reason. Each reason
    reads only its first rows, by its own index, where the database can limit the parts of
    a union. Kept for the minute `now` names: building the nineteen queries costs more than
    running them."""
    wanted = page * PAGE_SIZE + 1
    carried = sorted({name for entry in entries for name in entry.carried})
    bounded = connection.features.supports_slicing_ordering_in_compound
    parts = []
    for position, entry in enumerate(entries):
        items = reason_items(entry, filters, user_pk=user_pk, now=now)
        if items is not None:
            keys = reason_keys(position, entry, items, carried)
            parts.append(keys[:wanted] if bounded else keys.order_by())
    if not parts:
        return None
    merged = (
        parts[0]
        .union(*parts[1:], all=True)
        .order_by(
            "queue_urgency", F("queue_since").asc(nulls_first=True), "queue_reason", "queue_item"
        )[(page - 1) * PAGE_SIZE : wanted]
    )
    sql, params = merged.query.sql_with_params()
    return sql, params, carried


def _moment(since) -> datetime | None:
    """A key's date as the database gave it: SQLite gives text or a date without its zone
    (which is UTC there)."""
    if isinstance(since, str):
        since = parse_datetime(since)
    if since is not None and timezone.is_naive(since):
        since = timezone.make_aware(since, UTC)
    return since


def items_attach(rows: list[Row]) -> list[Row]:
    """Read the rows' items, one query per kind; a row whose item went meanwhile is dropped."""
    by_model: dict[type[Model], list[Row]] = defaultdict(list)
    for row in rows:
        by_model[row.entry.model].append(row)
    for model, model_rows in by_model.items():
        related: set[str] = set()
        for row in model_rows:
            entry = row.entry
            related.update(entry.select_related, [entry.organization] if entry.organization else [])
        manager = model._default_manager
        items = manager.select_related(*related) if related else manager.all()
        found = items.in_bulk([row.item for row in model_rows])
        for row in model_rows:
            item = found.get(row.item)
            if item is not None:
                for name, value in row.carried.items():
                    setattr(item, name, value)
            row.item = item
    return [row for row in rows if row.item is not None]


def claims_attach(rows: list[Row], *, now) -> None:
    """Who holds each row's item, in one query."""
    if not rows:
        return
    by_model: dict[type, list[int]] = defaultdict(list)
    for row in rows:
        by_model[type(row.item)].append(row.item.pk)
    kinds = ContentType.objects.get_for_models(*by_model)  # cached after the first request
    wanted = Q(pk__in=[])
    for model, pks in by_model.items():
        wanted |= Q(content_type=kinds[model], object_id__in=pks)
    claims = Claim.objects.filter(wanted, expires_at__gt=now)
    held = {
        (claim.content_type_id, claim.object_id): claim
        for claim in claims.select_related("claimed_by", "assigned_by")
    }
    for row in rows:
        row.claim = held.get((kinds[type(row.item)].pk, row.item.pk))


def item_claim(item) -> Claim | None:
    """The item's active claim, with who holds it and who assigned it."""
    kind = ContentType.objects.get_for_model(item)
    claims = Claim.objects.filter(
        content_type=kind, object_id=item.pk, expires_at__gt=timezone.now()
    )
    return claims.select_related("claimed_by", "assigned_by").first()


def queue_item_or_404(ref: str):
    """The item a posted reference names, if it is a kind the queue shows; else a 404."""
    parsed = parse_item_ref(ref)
    if parsed is None or parsed[0] not in curation_kinds().values():
        raise Http404
    model, pk = parsed
    return get_object_or_404(model._default_manager, pk=pk)
