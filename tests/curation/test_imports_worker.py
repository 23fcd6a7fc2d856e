"""A confirmed import runs in a real Celery worker (a large file takes longer than a web
request may): the file is imported once, even when its task is delivered twice."""

import pytest

from apps.core.models import AuditEntry
from apps.curation.import_services import import_file_check, import_file_confirm
from apps.curation.models import ImportFile
from apps.curation.tasks import import_file as import_task
from apps.jobs.models import Job
from tests.accounts.factories import CuratorFactory
from tests.curation.test_imports import csv_bytes, job_row
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.redis


def test_a_real_worker_imports_a_confirmed_file_once(celery_worker):
    from tests.worker import wait_for

    curator = CuratorFactory()
    OrganizationFactory(slug="cocina-unida")
    content = csv_bytes([job_row(number, "cocina-unida") for number in range(30)])
    import_file = import_file_check(
        actor=curator, kind="jobs", file_name="jobs.csv", content=content, publish=True
    )
    import_file_confirm(actor=curator, import_file=import_file, sha256=import_file.sha256)
    import_task.delay(import_file.pk)  # delivered again, as after a worker's restart
    wait_for(lambda: ImportFile.objects.get(pk=import_file.pk).imported_at, what="the import")
    import_task.delay(import_file.pk)
    celery_worker.stop()  # a warm shutdown: the task in hand finishes first
    assert Job.objects.filter(status="published").count() == 30
    assert AuditEntry.objects.filter(action="import").count() == 1
    assert AuditEntry.objects.filter(action="import create").count() == 30
