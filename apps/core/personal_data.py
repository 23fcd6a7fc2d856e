"""Personal data: what Camino holds about a person, declared once by each app, so that a
person can download all of it and delete their account (apps.accounts.services).

Every field that points at a user (ForeignKey, OneToOne, ManyToMany to AUTH_USER_MODEL) has
one entry; tests/accounts/test_personal_data.py fails when one is missing. An entry says what
happens to the rows when the person goes (DELETE: they go with the person; KEEP: they stay,
the field is emptied) and, optionally, what the download shows. Data that does not point at a
user by a field (sessions, texts that quote an email address) is handled by an entry's
`scrub` function.

Core imports no other Camino app: models are named by label and loaded at call time."""

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.core.registry import Registry

DELETE = "delete"
KEEP = "keep"

# How staff see a person who deleted their account, wherever an actor is shown.
DELETED_ACCOUNT = _("deleted account")
# How staff see a visitor who did something without signing in (reported a listing).
SIGNED_OUT_VISITOR = _("A visitor who was not signed in")


@dataclasses.dataclass(frozen=True)
class PersonalData:
    """One kind of personal data. `name` is its key in the download (unique across apps)."""

    name: str
    model: str  # "app_label.ModelName"
    title: Promise | str  # heading on the readable page
    # The field that points at the person; None for data that has no such field.
    field: str | None = None
    on_erase: str = DELETE
    # Written with the emptied field when rows are kept, e.g. {"actor_deleted": True}.
    erased: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    # What the download shows: (key, label) columns, and a function giving a person's rows as
    # dicts with those keys. Without rows, the entry is only erased.
    columns: tuple[tuple[str, Promise | str], ...] = ()
    rows: Callable[[Any], Iterable[Mapping[str, Any]]] | None = None
    # More erasing, after rows are deleted or kept: texts that quote the person, rows that do
    # not point at them by a field.
    scrub: Callable[[Any], None] | None = None

    def get_model(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def erase(self, user) -> None:
        if self.field is not None:
            model = self.get_model()
            relation = model._meta.get_field(self.field)
            if isinstance(relation, models.ManyToManyField):
                through = cast(type[models.Model], relation.remote_field.through)
                through._default_manager.filter(
                    **{relation.m2m_reverse_field_name(): user}
                ).delete()
            elif self.on_erase == DELETE:
                model._default_manager.filter(**{self.field: user}).delete()
            else:
                model._default_manager.filter(**{self.field: user}).update(
                    **{self.field: None}, **self.erased
                )
        if self.scrub is not None:
            self.scrub(user)


personal_data: Registry[PersonalData] = Registry("personal data")


def listings_created(*, name: str, model: str, title, item_label) -> PersonalData:
    """The listings (Publishables: jobs, events, trainings) a partner created: in their
    download with their organization, status and date; kept with the organization, without
    them, when they delete their account."""

    def rows(user):
        items = apps.get_model(model)._default_manager.filter(created_by=user)
        for item in items.select_related("organization").order_by("created_at", "id"):
            yield {
                "item": str(item),
                "organization": item.organization.name,
                "status": item.get_status_display(),
                "created_at": item.created_at,
            }

    return PersonalData(
        name=name, model=model, title=title, field="created_by", on_erase=KEEP,
        columns=(("item", item_label), ("organization", _("Organization")),
                 ("status", _("Status")), ("created_at", _("Created"))),
        rows=rows,
    )  # fmt: skip


def declare(*entries: PersonalData) -> None:
    """Called from an app's AppConfig.ready()."""
    for entry in entries:
        personal_data.register(entry.name, entry)


def export(user) -> list[tuple[PersonalData, list[Mapping[str, Any]]]]:
    """Every exported entry with the person's rows: their account first, then the others in
    the order the apps declared them."""
    entries = sorted(personal_data, key=lambda entry: entry.model != settings.AUTH_USER_MODEL)
    return [(entry, list(entry.rows(user))) for entry in entries if entry.rows]


def erase(user) -> None:
    """Delete or empty everything that names the person. The caller then deletes the user
    row and runs both in one transaction."""
    for entry in personal_data:
        entry.erase(user)


def erased_text() -> str:
    """What replaces a person's email address in stored texts (audit notes, admin logs).
    Stored once, so in the site's own language."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"[{DELETED_ACCOUNT}]"


def scrub_text(model: type[models.Model], fields: Iterable[str], email: str) -> None:
    """Replace the email address wherever these text fields quote it."""
    pattern = re.compile(re.escape(email), re.IGNORECASE)
    replacement = erased_text()
    query = models.Q()
    for name in fields:
        query |= models.Q(**{f"{name}__icontains": email})
    for row in model._default_manager.filter(query):
        for name in fields:
            setattr(row, name, pattern.sub(replacement, getattr(row, name)))
        row.save(update_fields=list(fields))


def actor_name(user, *, deleted: bool = True, nobody: str = "") -> str:
    """Who did something, as staff see it: the person; "deleted account" once they deleted it
    (what an empty actor means, unless `deleted` says otherwise); else `nobody` (Camino
    itself, a visitor who was not signed in)."""
    if user is not None:
        return str(user)
    return str(DELETED_ACCOUNT) if deleted else str(nobody)


def actor_column(model: type[models.Model], name: str, *, done_when: str = ""):
    """A column for an admin's readonly_fields showing the person in the field `name`. With
    `done_when`, an empty person is a deleted account only once that field is set (a report
    is handled, an organization verified): before, nobody did it yet, as on an add page."""

    def column(obj) -> str:
        done = obj.pk is not None and (not done_when or getattr(obj, done_when) is not None)
        return actor_name(getattr(obj, name), deleted=done, nobody="-")

    column.short_description = cast(models.Field, model._meta.get_field(name)).verbose_name  # type: ignore[attr-defined]
    return column


def audit_rows(user) -> Iterable[Mapping[str, Any]]:
    from apps.core.models import AuditEntry
    from apps.core.services import audit_actions, audit_note

    entries = AuditEntry.objects.filter(actor=user).select_related("content_type")
    for entry in entries.order_by("created_at", "id"):
        yield {
            "when": entry.created_at,
            "action": str(audit_actions.get(entry.action, entry.action)),
            "about": f"{entry.content_type.name} {entry.object_id}",
            "note": audit_note(entry),
        }


def audit_scrub(user) -> None:
    from apps.core.models import AuditEntry

    scrub_text(AuditEntry, ["note"], user.email)


CORE_ENTRIES = [
    PersonalData(
        name="actions",
        model="core.AuditEntry",
        title=_("What you did on listings and organizations"),
        field="actor",
        on_erase=KEEP,
        erased={"actor_deleted": True},
        columns=(("when", _("When")), ("action", _("What")), ("about", _("About")),
                 ("note", _("Note"))),
        rows=audit_rows,
        scrub=audit_scrub,
    ),
]  # fmt: skip
