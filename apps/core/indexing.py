"""The search index: each type of item that people search declares its entry model (an
apps.core.models.SearchEntry) in `search_entries`, and core keeps the entries in step with
the items: an item has an entry exactly while it is published. Transitions of the
publication workflow reindex through `after_transition`; a type's services call
`search_index` after editing an item; `manage.py reindex` rebuilds every entry. A type may
list fewer than its published items (`SearchType.is_listed`: a mentor who paused is not). Indexing a
published item, or removing one, also changes the keys of its type's cached public pages."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import QuerySet

from apps.core.models import PublicationStatus, Reviewable, SearchEntry
from apps.core.pagecache import pages_changed
from apps.core.querysets import ORGANIZATION_SUSPENDED
from apps.core.registry import Registry
from apps.core.search import document
from apps.core.us import ZipPoint, locate_zip

PUBLISHED = PublicationStatus.PUBLISHED


@dataclass(frozen=True)
class SearchType:
    """What a type indexes. Title and body fields are named without a language: a field
    translated with modeltranslation is stemmed in each language, any other field in the
    default language. `columns` gives the entry's own filter columns; `location` the place
    to measure distances from."""

    entry: type[SearchEntry]
    title_fields: tuple[str, ...]
    body_fields: tuple[str, ...] = ()
    columns: Callable[[Any], dict] = field(default=lambda item: {})
    location: Callable[[Any], ZipPoint | None] = field(default=lambda item: None)
    # Whether an item has an entry, and the items that have one (for reindexing): published
    # ones unless the type lists fewer.
    is_listed: Callable[[Any], bool] = field(default=lambda item: item.status == PUBLISHED)
    listed: Callable[[QuerySet], QuerySet] = field(
        default=lambda items: items.filter(status=PUBLISHED)
    )

    @property
    def model(self) -> type[models.Model]:
        return cast(type[models.Model], self.entry._meta.pk.related_model)

    def texts(self, item: Reviewable, names: tuple[str, ...]) -> dict[str, list[str]]:
        texts: dict[str, list[str]] = {code: [] for code, _name in settings.LANGUAGES}
        for name in names:
            if _is_translated(self.model, name):
                for code in texts:
                    texts[code].append(getattr(item, f"{name}_{code}"))
            else:
                texts[settings.LANGUAGE_CODE].append(getattr(item, name))
        return texts

    def entry_fields(self, item: Reviewable) -> dict:
        """The entry's columns for an item: dates, place, stemmed terms and the type's own."""
        point = self.location(item)
        return {
            "published_at": item.published_at,
            "expires_on": getattr(item, "expires_on", None) or date.max,
            "latitude": point.latitude if point else None,
            "longitude": point.longitude if point else None,
            "longitude_band": math.floor(point.longitude) if point else None,
            "search_title": document(self.texts(item, self.title_fields)),
            "search_body": document(self.texts(item, self.body_fields)),
            **self.columns(item),
        }

    def entry_for(self, item: Reviewable) -> SearchEntry:
        """A new entry for an item, unsaved (to create many at once)."""
        entry = self.entry(**self.entry_fields(item))
        entry.pk = item.pk
        return entry


def _is_translated(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(f"{name}_{settings.LANGUAGE_CODE}")
    except FieldDoesNotExist:
        return False
    return True


@dataclass(frozen=True)
class ZipLocation:
    """Where an item is: the centre of the ZIP code in one of its fields. A dataclass, not a
    closure, so that a declaration made again (ready() may run twice) is equal to the first."""

    field_name: str

    def __call__(self, item: models.Model) -> ZipPoint | None:
        return locate_zip(getattr(item, self.field_name) or "")


# Keyed by the item model's label ("jobs.job"); apps register in AppConfig.ready().
search_entries: Registry[SearchType] = Registry("search entries")


def search_type_register(search_type: SearchType) -> SearchType:
    """Declare a searchable type (in its app's AppConfig.ready())."""
    return search_entries.register(search_type.model._meta.label_lower, search_type)


def search_type_of(item: models.Model) -> SearchType | None:
    return search_entries.get(item._meta.label_lower)


def _has_organization(model: type[models.Model]) -> bool:
    try:
        model._meta.get_field("organization")
    except FieldDoesNotExist:
        return False
    return True


def is_indexed(search_type: SearchType, item: Reviewable) -> bool:
    """The rule for every type: listed as the type says, and not an item of a suspended
    organization (apps.core.querysets.ORGANIZATION_SUSPENDED)."""
    if not search_type.is_listed(item):
        return False
    organization = getattr(item, "organization", None)
    return organization is None or organization.status != ORGANIZATION_SUSPENDED


def indexed(search_type: SearchType, items: QuerySet) -> QuerySet:
    """The items of a type that have an entry, as a query (is_indexed for many)."""
    listed = search_type.listed(items)
    if _has_organization(search_type.model):
        listed = listed.exclude(organization__status=ORGANIZATION_SUSPENDED)
    return listed


def search_index(item: Reviewable) -> None:
    """Keep the item's search entry in step with the item: it exists exactly while the item
    is published. Call it inside the transaction of every change to an item."""
    search_type = search_type_of(item)
    if search_type is None:
        return
    entries = search_type.entry._default_manager
    if is_indexed(search_type, item):
        entries.update_or_create(pk=item.pk, defaults=search_type.entry_fields(item))
        pages_changed(type(item))
    elif entries.filter(pk=item.pk).delete()[0]:
        pages_changed(type(item))


def index_after_transition(*, item, **_context) -> None:
    """The after_transition hook: a change of state adds or removes the entry."""
    search_index(item)


REINDEX_BATCH = 2000


def search_reindex(labels: list[str] | None = None) -> dict[str, int]:
    """Rebuild every registered type's entries (or those of the types `labels` names, such
    as "jobs.job") from its published items, each type in one transaction. Returns how many
    entries each type now has."""
    counts = {}
    for key, search_type in search_entries.items():
        if labels is not None and key not in labels:
            continue
        published = indexed(search_type, search_type.model._default_manager.all())
        with transaction.atomic():
            search_type.entry._default_manager.all().delete()
            count = 0
            batch = []
            for item in published.order_by("pk").iterator(chunk_size=REINDEX_BATCH):
                batch.append(search_type.entry_for(cast(Reviewable, item)))
                if len(batch) == REINDEX_BATCH:
                    count += len(search_type.entry._default_manager.bulk_create(batch))
                    batch = []
            count += len(search_type.entry._default_manager.bulk_create(batch))
        counts[key] = count
    return counts


def search_unlisted_remove() -> dict[str, int]:
    """Remove the entries of items that a type's listing rule no longer lists as time
    passes, without a change to the item (an event that is over): daily (beat). Returns how
    many each type lost."""
    removed = {}
    for key, search_type in search_entries.items():
        items = search_type.model._default_manager.all()
        entries = search_type.entry._default_manager
        removed[key] = entries.exclude(pk__in=indexed(search_type, items).values("pk")).delete()[0]
        if removed[key]:
            pages_changed(search_type.model)
    return removed


def search_reindex_organization(organization_id: int) -> dict[str, int]:
    """Bring the entries of one organization's items in step with it, in every type that
    has an organization: after staff suspend it (they all go) or reinstate it (the listed
    ones come back). Each type's public pages change too, indexed or not (a detail page).
    Call it inside the transaction of the change. Returns how many entries each type has
    for the organization now."""
    counts = {}
    for key, search_type in search_entries.items():
        model = search_type.model
        if not _has_organization(model):
            continue
        items = model._default_manager.filter(organization_id=organization_id)
        entries = search_type.entry._default_manager
        entries.filter(pk__in=items.values("pk")).delete()
        created = entries.bulk_create(
            [
                search_type.entry_for(cast(Reviewable, item))
                for item in indexed(search_type, items).order_by("pk")
            ]
        )
        counts[key] = len(created)
        pages_changed(model)
    return counts
