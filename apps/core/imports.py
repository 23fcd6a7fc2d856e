"""What can be imported from a spreadsheet and exported to one: each type declares its columns
once, as an ImportResource in `import_resources` (in its AppConfig.ready()); the curation
workspace reads files with them and writes filtered lists back out with the same columns.

A file's columns are `external_id` (rows are matched by it: the same file twice changes
nothing), `organization` (its address name, for types that have one) and the type's model
fields by name, translated ones per language (`title_es`, `title_en`). Cells are read by each
field's own form field, so a value means what it means in the app's forms, and checked by the
model's own rules (Model.full_clean: validators, choices, clean())."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from apps.core.models import PublicationStatus, Reviewable
from apps.core.registry import Registry
from apps.core.spreadsheets import spreadsheet_safe

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

EXTERNAL_ID = "external_id"
ORGANIZATION = "organization"
# JSON list fields are written as their codes separated by this.
LIST_SEPARATOR = "|"
YES, NO = "yes", "no"


@dataclass(frozen=True)
class ImportResource:
    """One importable type. `columns` are model field names after external_id and
    organization; `required` those a file must have (a column left out keeps each item's value
    as it is, or the field's default for a new one); `lists` maps JSON list fields to the
    vocabulary of their codes."""

    model: type[models.Model]
    label: "str | StrPromise"
    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    lists: Mapping[str, type[models.TextChoices]] = field(default_factory=dict)
    # The items rows are matched against and exports list (a module-level function, so that
    # a declaration made again in ready() is equal to the first): all of them unless set.
    items: Callable[[models.QuerySet], models.QuerySet] | None = None
    # The rules across fields that the type's form checks too, when they live outside the
    # model (Model.clean): problems(values by field name, fields already refused) gives
    # (field or None, message) pairs.
    problems: Callable[[dict, set[str]], list[tuple[str | None, str]]] | None = None

    def queryset(self) -> models.QuerySet:
        items = self.model._default_manager.all()
        return self.items(items) if self.items else items

    @property
    def has_organization(self) -> bool:
        return any(f.name == ORGANIZATION for f in self.model._meta.fields)

    @property
    def header(self) -> list[str]:
        first = [EXTERNAL_ID, ORGANIZATION] if self.has_organization else [EXTERNAL_ID]
        return [*first, *self.columns]

    @property
    def required_header(self) -> list[str]:
        first = [EXTERNAL_ID, ORGANIZATION] if self.has_organization else [EXTERNAL_ID]
        return [*first, *self.required]

    @property
    def is_reviewable(self) -> bool:
        return issubclass(self.model, Reviewable)

    def mark(self, item: Any, *, publish: bool, now: datetime) -> list[str]:
        """Put an imported item in review, or publish it; returns the fields it set. Types
        reviewed through the shared workflow use its states; others (a credential) their
        `published` flag."""
        if self.is_reviewable:
            item.status = PublicationStatus.PUBLISHED if publish else PublicationStatus.PENDING
            item.submitted_at = item.submitted_at or now
            if publish:
                item.published_at = item.published_at or now
            return ["status", "submitted_at", "published_at"]
        item.published = publish
        if publish:
            item.published_at = item.published_at or now
        return ["published", "published_at"]

    def filter_status(self, items: models.QuerySet, status: str) -> models.QuerySet:
        """An export's status filter (a PublicationStatus value)."""
        if self.is_reviewable:
            return items.filter(status=status)
        return items.filter(published=status == PublicationStatus.PUBLISHED)

    def export_row(self, item: Any) -> list[str]:
        """An item's cells, in the order of `header`, escaped for spreadsheets."""
        cells = [item.external_id]
        if self.has_organization:
            cells.append(item.organization.slug)
        cells.extend(cell_text(getattr(item, name)) for name in self.columns)
        return [spreadsheet_safe(cell) for cell in cells]


# Keyed like the publishable types ("jobs"); apps register in AppConfig.ready().
import_resources: Registry[ImportResource] = Registry("import resources")


def cell_text(value: Any) -> str:
    """A field's value as a cell the import reads back to the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(code) for code in value)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    return str(value)


def per_language(*names: str) -> tuple[str, ...]:
    """Translated fields' columns, one per language: ("title_es", "title_en", ...)."""
    from django.conf import settings

    return tuple(f"{name}_{code}" for name in names for code, _label in settings.LANGUAGES)
