"""The one loader of Camino's demo data: the JSON files in each app's demo/ folder, read in
INSTALLED_APPS order (then by file name), so an app adds its own data without editing this.

A file is a list of blocks, each for one model:

    {"model": "jobs.job", "key": ["organization", "title"], "defaults": {...}, "rows": [...]}

A row gives field values (over the block's defaults). A row whose key fields match an existing
row is skipped, so loading twice duplicates nothing. Values are read by the field they are for:
- a relation: the lookup of the row it points to, e.g. {"slug": "sabor-catering"} (a list of
  lookups for a many-to-many field);
- a list for any other field (a JSON list, a mentor's languages) is its value as written;
- a date or time: {"days_ago": 3}; a time at a set hour of that day, in the site's time zone
  or a named one: {"days_ago": -5, "at": "18:30", "zone": "America/Los_Angeles"} (an
  upcoming event at 6:30 p.m. in Los Angeles);
- a translated field (title_es, title_en): {"es": "...", "en": "..."};
- a list: the lookups of a many-to-many field, or the value of a JSON field;
- a "password" of a user: set as a password (hashed), never stored as written.

What goes through review (apps.core.models.Reviewable: listings, mentors) is created as a
draft and moved to its "status" by the review workflow, as its owners and staff would:
"created_by" submits and "reviewed_by" publishes or rejects (with the row's review_note).
"days_ago" then moves the whole history that far back, so listings have varied ages."""

import json
import zoneinfo
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import cast

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from apps.core.indexing import search_index, search_reindex
from apps.core.models import AuditEntry, PublicationStatus, Reviewable
from apps.core.registry import Registry
from apps.core.services import audit_record, publication_transition

S = PublicationStatus
LANGUAGES = {code for code, _name in settings.LANGUAGES}

# The workflow actions that bring a new draft to each status: (action, by whom).
WORKFLOW = {
    S.DRAFT: [],
    S.PENDING: [("submit", "created_by")],
    S.PUBLISHED: [("submit", "created_by"), ("publish", "reviewed_by")],
    S.REJECTED: [("submit", "created_by"), ("reject", "reviewed_by")],
}


class DemoDataError(Exception):
    pass


# What an app works out from the loaded data once it is all there, as its periodic tasks
# would on a server (the pay figures of each kind of work): each returns a line saying what
# it did. Apps register in AppConfig.ready().
after_demo_load: Registry[Callable[[], str]] = Registry("after demo load")


def demo_files() -> list[Path]:
    """Every app's demo/*.json, in INSTALLED_APPS order, then by name."""
    files: list[Path] = []
    for app_config in apps.get_app_configs():
        files.extend(sorted((Path(app_config.path) / "demo").glob("*.json")))
    return files


def demo_load() -> Iterator[str]:
    """Load every demo file; yields a line per block saying what it did."""
    for path in demo_files():
        for block in json.loads(path.read_text(encoding="utf-8")):
            model = apps.get_model(block["model"])
            created = 0
            for number, row in enumerate(block["rows"], start=1):
                try:
                    created += row_load(model, block["key"], {**block.get("defaults", {}), **row})
                except Exception as error:
                    raise DemoDataError(
                        f"{path}, {block['model']} row {number}: {error}"
                    ) from error
            yield (
                f"{model._meta.label}: {created} created, "
                f"{len(block['rows']) - created} already there ({path.parent.parent.name})"
            )
    # An item's entry was written when it was loaded, before the rows its search reads that
    # come later (a legal provider's services and places): index them all again with those.
    for key, count in search_reindex().items():
        yield f"{key}: {count} search entries"
    for step in after_demo_load:
        yield step()


def lookup(model: type[models.Model], value: dict | None) -> models.Model | None:
    return None if value is None else model._default_manager.get(**value)


def ago(field: models.Field, days: float, at: str = "", zone: str = ""):
    moment = timezone.now() - timedelta(days=days)
    if isinstance(field, models.DateTimeField):
        if not at:
            return moment
        where = zoneinfo.ZoneInfo(zone) if zone else timezone.get_current_timezone()
        hour, minute = (int(part) for part in at.split(":"))
        day = timezone.localtime(moment, where).date()
        return datetime.combine(day, time(hour, minute), tzinfo=where)
    return timezone.localdate(moment)


def field_values(model: type[models.Model], name: str, value) -> dict:
    """The model's field values for one value of a row."""
    if isinstance(value, dict) and set(value) <= LANGUAGES:
        # A language left out is blank, as a form leaves it (not NULL).
        return {f"{name}_{language}": value.get(language, "") for language in LANGUAGES}
    # A concrete field: rows name no reverse relation.
    field = cast(models.Field, model._meta.get_field(name))
    if field.is_relation:
        return {name: lookup(cast(type[models.Model], field.related_model), value)}
    if isinstance(value, dict):
        return {name: ago(field, value["days_ago"], value.get("at", ""), value.get("zone", ""))}
    return {name: field.to_python(value)}


def row_load(model: type[models.Model], key: list[str], row: dict) -> bool:
    """Create the row unless its key matches one already there. True if it created it."""
    row = dict(row)
    password = row.pop("password", None)
    days_ago = row.pop("days_ago", 0)
    # A listing's reviewer takes it through the workflow; for other models (a guide staff
    # reviewed) "reviewed_by" is a field like any other.
    reviewer = None
    if issubclass(model, Reviewable):
        reviewer = lookup(get_user_model(), row.pop("reviewed_by", None))
    values: dict = {}
    wanted: dict = {}  # the values of the key fields
    many: dict = {}
    for name, value in row.items():
        if isinstance(value, list) and model._meta.get_field(name).many_to_many:
            related = cast(type[models.Model], model._meta.get_field(name).related_model)
            many[name] = [lookup(related, item) for item in value]
            continue
        part = field_values(model, name, value)
        values.update(part)
        if name in key:
            wanted.update(part)
    if model._default_manager.filter(**wanted).exists():
        return False
    with transaction.atomic():
        item = model(**values)
        if password:
            cast(AbstractBaseUser, item).set_password(password)
        if isinstance(item, Reviewable):
            publishable_load(item, reviewer=reviewer, days_ago=days_ago)
        else:
            item.full_clean()
            item.save()
        for name, related in many.items():
            getattr(item, name).set(related)
    return True


def publishable_load(item: Reviewable, *, reviewer, days_ago: float) -> None:
    """Create the item as a draft and take it through the workflow to its status."""
    actors = {"created_by": item.created_by, "reviewed_by": reviewer}
    status, note = item.status, item.review_note
    # The submitter is recorded after the workflow: the notices it emails the submitter are
    # about a past that the demo only pretends, and would be dozens of emails at each load.
    item.created_by = None
    item.status, item.review_note = S.DRAFT, ""
    item.full_clean()
    item.save()
    audit_record(actor=actors["created_by"], subject=item, action="create")
    for action, actor in WORKFLOW[S(status)]:
        publication_transition(
            actor=actors[actor], item=item, action=action, note=note if action == "reject" else ""
        )
    shift = timedelta(days=days_ago)
    item.refresh_from_db()
    dates = {"expires_on": item.expires_on - shift} if hasattr(item, "expires_on") else {}
    type(item)._default_manager.filter(pk=item.pk).update(
        created_by=actors["created_by"],
        created_at=item.created_at - shift,
        submitted_at=item.submitted_at and item.submitted_at - shift,
        published_at=item.published_at and item.published_at - shift,
        **dates,
    )
    AuditEntry.objects.filter(
        content_type__app_label=item._meta.app_label,
        content_type__model=item._meta.model_name,
        object_id=item.pk,
    ).update(created_at=F("created_at") - shift)
    item.refresh_from_db()
    search_index(item)  # with the dates moved back
