"""Curation's writes. Imports: an upload is checked (a dry run that writes nothing but the
kept file and its report); its confirmation imports exactly that file, all or nothing."""

import hashlib

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.imports import import_resources
from apps.core.roles import Person, is_curator
from apps.core.services import audit_record
from apps.curation import imports
from apps.curation.imports import FileRefused
from apps.curation.models import ImportFile


class ImportRefused(Exception):
    """Nothing was imported: a message for the staff member (the report says more)."""


def import_file_check(
    *, actor: Person, kind: str, file_name: str, content: bytes, publish: bool
) -> ImportFile:
    """Keep an uploaded file with the report of its dry run. FileRefused when it cannot be
    read as a spreadsheet with the kind's columns (nothing is kept then)."""
    if not is_curator(actor):
        raise PermissionDenied
    resource = import_resources[kind]
    table = imports.read_table(file_name, content, resource)
    report = imports.run(resource, table, actor=actor, publish=publish, write=False)
    with transaction.atomic():
        return ImportFile.objects.create(
            kind=kind, file_name=file_name[:200], content=content, publish=publish,
            sha256=hashlib.sha256(content).hexdigest(), uploaded_by_id=actor.pk,
            report=report.as_json(),
        )  # fmt: skip


class _RowsFailed(Exception):
    def __init__(self, report: dict):
        self.report = report


def import_file_confirm(*, actor: Person, import_file: ImportFile, sha256: str) -> ImportFile:
    """Import the file that was checked, in one transaction: if any row fails now (the items
    changed since the dry run) or the database refuses a row, nothing stays, the report
    says why, and ImportRefused is raised."""
    if not is_curator(actor) or import_file.uploaded_by_id != actor.pk:
        raise PermissionDenied
    resource = import_resources[import_file.kind]
    try:
        with transaction.atomic():
            locked = ImportFile.objects.select_for_update().get(pk=import_file.pk)
            content = bytes(locked.content)
            if locked.imported_at is not None:
                raise ImportRefused(_("This file was imported already."))
            if not sha256 == locked.sha256 == hashlib.sha256(content).hexdigest():
                raise ImportRefused(_("This is not the file that was checked. Upload it again."))
            table = imports.read_table(locked.file_name, content, resource)
            note = _("%(file)s (import %(id)s)") % {"file": locked.file_name, "id": locked.pk}
            report = imports.run(
                resource, table, actor=actor, publish=locked.publish, write=True, note=note
            )
            if report.counts["error"]:
                raise _RowsFailed(report.as_json())  # undoes the batches written before
            locked.report = report.as_json()
            locked.imported_at = timezone.now()
            locked.save(update_fields=["report", "imported_at"])
            audit_record(
                actor=actor, subject=locked, action="import",
                note=_("%(file)s: %(created)s created, %(updated)s updated, %(skipped)s unchanged")
                % {"file": locked.file_name, **report.counts},
            )  # fmt: skip
            return locked
    except _RowsFailed as failed:
        ImportFile.objects.filter(pk=import_file.pk).update(report=failed.report)
        import_file.report = failed.report
        raise ImportRefused(
            _("Nothing was imported: some rows have errors now. Fix them and upload it again.")
        ) from None
    except FileRefused as error:
        raise ImportRefused(str(error)) from error
    except DatabaseError as error:
        # A rule only the database knows (two rows of the file with one address...).
        raise ImportRefused(
            _("Nothing was imported: the database refused a row (%(problem)s).")
            % {"problem": str(error).splitlines()[0]}
        ) from error
