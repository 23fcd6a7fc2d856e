"""Reading an import file and checking or writing its rows, by the columns a type declares
(apps.core.imports.ImportResource). Rows go by batches of settings.CURATION_IMPORT_BATCH:
each batch reads its matched items, organizations and taken unique values in one query each,
and writes with one bulk query per table, whatever its size. The caller (services) holds
the one transaction that makes an import all or nothing."""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.imports import EXTERNAL_ID, NO, ORGANIZATION, YES, ImportResource
from apps.core.indexing import search_entries
from apps.core.pagecache import pages_changed
from apps.core.services import audit_record_many
from apps.core.spreadsheets import spreadsheet_unsafe
from apps.core.us import locate_zip

# What the report keeps to show: enough to read, with the counts of everything.
REPORT_ROWS = 200
REPORT_ERRORS = 200
TRUE_WORDS = {YES, "sí", "si", "true", "1", "y", "x"}
FALSE_WORDS = {NO, "false", "0", "n", ""}
# The header is a spreadsheet's row 1: data rows are numbered as the staff member sees them.
FIRST_ROW = 2


class FileRefused(Exception):
    """The file cannot be imported at all (not a spreadsheet, columns missing): a message."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


def not_a_spreadsheet() -> str:
    return _("This file is not a CSV file or an Excel spreadsheet (.xlsx).")


def _cell(value: Any) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook  # only for spreadsheets

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        sheet = book.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
        raise FileRefused(not_a_spreadsheet()) from error


def _decode(content: bytes, notes: list[str]) -> str:
    """UTF-8 as every current tool writes it; else the Windows Latin-1 that older Excel
    saves CSV files in (Latin-1 reads any bytes, so it comes last)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    notes.append(
        _(
            "The file was not in UTF-8: it was read as Latin-1 (Windows). Check that accents "
            "look right below."
        )
    )
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        return content.decode("latin-1")


def _read_csv(content: bytes, notes: list[str]) -> list[list[str]]:
    if b"\x00" in content[:8192]:
        raise FileRefused(not_a_spreadsheet())
    text = _decode(content, notes)
    first_line = text.split("\n", 1)[0]
    # Excel in Spanish saves CSV files with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise FileRefused(
            _("This file could not be read as CSV: %(problem)s.") % {"problem": error}
        ) from error


def read_table(file_name: str, content: bytes, resource: ImportResource) -> Table:
    """The file's header and rows, or FileRefused with what is wrong with it."""
    notes: list[str] = []
    if content.startswith(b"PK\x03\x04"):
        rows = _read_xlsx(content)
    elif file_name.lower().endswith((".xlsx", ".xls", ".xlsm")):
        raise FileRefused(not_a_spreadsheet())
    else:
        rows = _read_csv(content, notes)
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise FileRefused(_("The file is empty."))
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in resource.required_header if name not in header]
    if missing:
        raise FileRefused(
            _("Columns missing: %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise FileRefused(_("Columns named twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    ignored = [name for name in header if name not in resource.header]
    if ignored:
        notes.append(_("Columns ignored: %(columns)s.") % {"columns": ", ".join(ignored)})
    return Table(header, rows[1:], notes)


@dataclass
class Outcome:
    row: int
    external_id: str
    item: Any = None
    action: str = ""  # created, updated, skipped or error
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    changed: list[str] = field(default_factory=list)


@dataclass
class Report:
    counts: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "updated": 0, "skipped": 0, "error": 0}
    )
    rows: list[list] = field(default_factory=list)  # [row, action, external id]
    errors: list[list] = field(default_factory=list)  # [row, column, message]
    error_count: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.action] += 1
        if len(self.rows) < REPORT_ROWS:
            self.rows.append([outcome.row, outcome.action, outcome.external_id])
        for column, message in outcome.errors:
            self.error_count += 1
            if len(self.errors) < REPORT_ERRORS:
                self.errors.append([outcome.row, column, message])

    def as_json(self) -> dict:
        return {
            "counts": self.counts, "rows": self.rows, "errors": self.errors,
            "error_count": self.error_count, "notes": self.notes,
        }  # fmt: skip


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _field(model: type[models.Model], name: str) -> models.Field:
    return cast(models.Field, model._meta.get_field(name))


def _same(before: Any, after: Any) -> bool:
    """An empty cell is the same as an empty text (modeltranslation's fields hold None)."""
    return before == after or (before in (None, "") and after in (None, ""))


class RowChecker:
    """Reads and checks one type's rows, by the file's header."""

    def __init__(self, resource: ImportResource, header: list[str]):
        self.resource = resource
        self.model = resource.model
        self.index = {name: header.index(name) for name in resource.header if name in header}
        self.fields = {
            name: _field(self.model, name) for name in resource.columns if name in self.index
        }
        # Each field read by the form field the app's forms use for it.
        self.form_fields: dict[str, Any] = {
            name: field.formfield() for name, field in self.fields.items()
        }
        self.relations = [f.name for f in self.model._meta.fields if f.is_relation]
        # Single-field unique rules besides the external id (a credential's address, one
        # legal help entry per organization): checked against the database per batch.
        self.unique: list[tuple[str, models.Q]] = [
            (f.name, models.Q()) for f in self.model._meta.fields
            if f.unique and not f.primary_key and f.name in self.index
        ]  # fmt: skip
        for constraint in self.model._meta.constraints:
            names: tuple[str, ...] = tuple(getattr(constraint, "fields", ()))
            if (
                isinstance(constraint, models.UniqueConstraint)
                and len(names) == 1
                and names[0] != EXTERNAL_ID
                and names[0] in self.index
            ):
                self.unique.append((names[0], constraint.condition or models.Q()))
        self.now = timezone.now()

    def cell(self, row: list[str], name: str, raw: bool = False) -> str:
        """A cell's text, its formula escape taken away (or as it is in the file)."""
        position = self.index.get(name)
        if position is None or position >= len(row):
            return ""
        text = row[position].strip()
        return text if raw else spreadsheet_unsafe(text)

    def value(self, name: str, text: str) -> Any:
        """A cell's value for its field, or ValidationError."""
        model_field = self.fields[name]
        if name in self.resource.lists:
            known = self.resource.lists[name].values
            codes = [code.strip() for code in text.split("|") if code.strip()]
            unknown = [code for code in codes if code not in known]
            if unknown:
                raise ValidationError(
                    _("%(codes)s: not a known code (known: %(known)s).")
                    % {"codes": ", ".join(unknown), "known": ", ".join(known)}
                )
            return codes
        if isinstance(model_field, models.BooleanField):
            word = text.lower()
            if word not in TRUE_WORDS | FALSE_WORDS:
                raise ValidationError(_("Enter yes or no."))
            return word in TRUE_WORDS
        if name == "zip_code" and text and locate_zip(text) is None:
            raise ValidationError(_("ZIP %(zip)s is not a US ZIP code.") % {"zip": text})
        return self.form_fields[name].clean(text)

    def check(self, number: int, row: list[str], existing: dict, organizations: dict) -> Outcome:
        external_id = self.cell(row, EXTERNAL_ID)
        outcome = Outcome(number, external_id)
        errors = outcome.errors
        if not external_id:
            errors.append((EXTERNAL_ID, _("Give each row an external id.")))
        elif len(external_id) > 100:
            errors.append((EXTERNAL_ID, _("An external id has at most 100 characters.")))
        found = existing.get(external_id)
        created = found is None
        item: Any = self.model(external_id=external_id) if found is None else found
        before = self.snapshot(item)
        if self.resource.has_organization:
            slug = self.cell(row, ORGANIZATION)
            if slug in organizations:
                item.organization_id = organizations[slug]
            else:
                message = _("No organization has the address name “%(slug)s”.") % {"slug": slug}
                errors.append((ORGANIZATION, message))
        for name, model_field in self.fields.items():
            if self.cell(row, name, raw=True).startswith("="):
                errors.append((name, _("A formula is not accepted; put the text itself.")))
                continue
            text = self.cell(row, name)
            try:
                setattr(item, model_field.attname, self.value(name, text))
            except ValidationError as error:
                errors.extend((name, message) for message in _messages(error))
        if self.resource.problems is None:
            self.check_translations(row, errors)
        bad = {column for column, _message in errors}
        if self.resource.problems is not None:
            values = {f.name: getattr(item, f.attname) for f in self.model._meta.concrete_fields}
            problems = self.resource.problems(values, bad)
            errors.extend((name or "", str(message)) for name, message in problems)
            bad.update(name for name, _message in problems if name)
        try:
            item.full_clean(
                exclude=[*self.relations, *bad], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = "" if name == NON_FIELD_ERRORS else name
                errors.extend((column, message) for message in messages)
        outcome.item = item
        if errors:
            outcome.action = "error"
        elif created:
            outcome.action = "created"
        else:
            after = self.snapshot(item)
            outcome.changed = [
                name for name, value in after.items() if not _same(before[name], value)
            ]
            outcome.action = "updated" if outcome.changed else "skipped"
        return outcome

    def check_translations(self, row: list[str], errors: list) -> None:
        """A text every language should have must be in at least one (the other is then
        flagged for staff as a missing translation), for types that declare no rules of
        their own (`problems`)."""
        for name in getattr(self.model, "required_translations", ()):
            columns = [column for column in self.index if column.startswith(f"{name}_")]
            if columns and not any(self.cell(row, column) for column in columns):
                errors.append(
                    (columns[0], _("Give the %(field)s in Spanish or English.")
                     % {"field": _field(self.model, name).verbose_name})
                )  # fmt: skip

    def snapshot(self, item) -> dict:
        return {
            f.attname: getattr(item, f.attname)
            for f in self.model._meta.concrete_fields
            if f.attname != "updated_at"
        }

    def taken(self, outcomes: list[Outcome]) -> None:
        """Unique values another item already has: an error on the row, not at the end."""
        for name, condition in self.unique:
            attname = _field(self.model, name).attname
            wanted = {getattr(o.item, attname): o for o in outcomes if o.action != "error"}
            if not wanted:
                continue
            holders = dict(
                self.model._default_manager.filter(condition, **{f"{attname}__in": wanted})
                .values_list(attname, "pk")
            )  # fmt: skip
            for value, holder in holders.items():
                outcome = wanted[value]
                if holder != outcome.item.pk:
                    outcome.errors.append(
                        (name, _("Another item already has this %(field)s.")
                         % {"field": _field(self.model, name).verbose_name})
                    )  # fmt: skip
                    outcome.action = "error"


def _batches(rows: list[list[str]], size: int):
    for start in range(0, len(rows), size):
        yield start, rows[start : start + size]


def run(
    resource: ImportResource, table: Table, *, actor, publish: bool, write: bool, note: str = ""
) -> Report:
    """Check every row and, with `write`, create and update the items; a write stops at the
    first row in error (the caller's transaction then undoes what was written: check
    `report.counts["error"]`)."""
    report = Report(notes=list(table.notes))
    checker = RowChecker(resource, table.header)
    seen: dict[str, int] = {}
    organization_model = (
        cast(type[models.Model], _field(resource.model, ORGANIZATION).related_model)
        if resource.has_organization
        else None
    )
    for start, rows in _batches(table.rows, settings.CURATION_IMPORT_BATCH):
        ids = {checker.cell(row, EXTERNAL_ID) for row in rows} - {""}
        existing = {
            item.external_id: item
            for item in resource.queryset().filter(external_id__in=ids).exclude(external_id="")
        }
        organizations: dict[str, int] = {}
        if organization_model is not None:
            slugs = {checker.cell(row, ORGANIZATION) for row in rows} - {""}
            organizations = dict(
                organization_model._default_manager.filter(slug__in=slugs).values_list("slug", "pk")
            )
        outcomes = []
        for offset, row in enumerate(rows):
            number = FIRST_ROW + start + offset
            outcome = checker.check(number, row, existing, organizations)
            if outcome.external_id in seen:
                message = _("The same external id is on row %(row)s.") % {
                    "row": seen[outcome.external_id]
                }
                outcome.errors.append((EXTERNAL_ID, message))
                outcome.action = "error"
            elif outcome.external_id:
                seen[outcome.external_id] = number
            outcomes.append(outcome)
        checker.taken(outcomes)
        for outcome in outcomes:
            report.add(outcome)
        if write and not report.counts["error"]:
            _write(resource, outcomes, actor=actor, publish=publish, now=checker.now, note=note)
    return report


def _write(resource: ImportResource, outcomes: list[Outcome], *, actor, publish, now, note):
    """One batch's writes: its new items, its changed ones, their audit entries and search
    entries, one query each."""
    model = resource.model
    created = [o.item for o in outcomes if o.action == "created"]
    updated = [o.item for o in outcomes if o.action == "updated"]
    fields: set[str] = set()
    for item in created:
        resource.mark(item, publish=publish, now=now)
        if hasattr(item, "created_by_id"):
            item.created_by_id = actor.pk
    for outcome in outcomes:
        if outcome.action == "updated":
            fields.update(resource.mark(outcome.item, publish=publish, now=now))
            fields.update(outcome.changed)
            outcome.item.updated_at = now
    model._default_manager.bulk_create(created)
    if updated:
        names = {f.attname: f.name for f in model._meta.concrete_fields}
        model._default_manager.bulk_update(updated, [names[n] for n in fields | {"updated_at"}])
    audit_record_many(actor=actor, subjects=created, action="import create", note=note)
    audit_record_many(actor=actor, subjects=updated, action="import update", note=note)
    search_type = search_entries.get(model._meta.label_lower)
    written = created + updated
    if search_type is not None and written:
        entries = search_type.entry._default_manager
        removed = entries.filter(pk__in=[item.pk for item in updated]).delete()[0] if updated else 0
        listed = [search_type.entry_for(item) for item in written if search_type.is_listed(item)]
        entries.bulk_create(listed)
        if listed or removed:
            pages_changed(model)
