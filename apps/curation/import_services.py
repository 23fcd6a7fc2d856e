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


def import_file_confirm(*, actor: Person, import_file: ImportFile, sha256: str) -> ImportFile:
    """Its uploader confirms the checked file (`sha256` is the hash of the file whose report
    they read): a worker imports it (import_file_import). ImportRefused if it is not that
    file, or was confirmed already."""
    if not is_curator(actor) or import_file.uploaded_by_id != actor.pk:
        raise PermissionDenied
    from apps.curation.tasks import import_file as import_task

    with transaction.atomic():
        locked = ImportFile.objects.defer("content").select_for_update().get(pk=import_file.pk)
        if locked.imported_at is not None:
            raise ImportRefused(_("This file was imported already."))
        if locked.confirmed_at is not None:
            raise ImportRefused(_("This file is being imported already."))
        if sha256 != locked.sha256:
            raise ImportRefused(_("This is not the file that was checked. Upload it again."))
        locked.confirmed_at = timezone.now()
        locked.refused = ""
        locked.save(update_fields=["confirmed_at", "refused"])
        transaction.on_commit(lambda: import_task.delay(locked.pk))
    return locked


class _RowsFailed(Exception):
    def __init__(self, report: dict):
        self.report = report


def import_file_import(*, import_file_id: int) -> None:
    """Import a confirmed file in one transaction, as its uploader: if any row fails now
    (the items changed since the dry run), the bytes kept are not the file checked, or the
    database refuses a row, nothing stays and `refused` says why (the report too, for rows),
    and the file may be confirmed again once fixed. A file imported already is left alone."""
    try:
        with transaction.atomic():
            locked = (
                ImportFile.objects.select_for_update().select_related("uploaded_by")
                .filter(pk=import_file_id, imported_at=None).exclude(confirmed_at=None).first()
            )  # fmt: skip
            if locked is None:
                return
            actor = locked.uploaded_by
            resource = import_resources[locked.kind]
            content = bytes(locked.content)
            if hashlib.sha256(content).hexdigest() != locked.sha256:
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
    except _RowsFailed as failed:
        _refuse(
            import_file_id,
            _("Nothing was imported: some rows have errors now. Fix them and upload it again."),
            report=failed.report,
        )
    except (ImportRefused, FileRefused) as error:
        _refuse(import_file_id, str(error))
    except DatabaseError as error:
        # A rule only the database knows (two rows of the file with one address...).
        problem = str(error).splitlines()[0]
        _refuse(
            import_file_id,
            _("Nothing was imported: the database refused a row (%(problem)s).")
            % {"problem": problem},
        )


def _refuse(import_file_id: int, message: str, report: dict | None = None) -> None:
    changes: dict = {"refused": message, "confirmed_at": None}
    if report is not None:
        changes["report"] = report
    ImportFile.objects.filter(pk=import_file_id, imported_at=None).update(**changes)
