from celery import shared_task

from apps.curation.import_services import import_file_import


@shared_task(acks_late=True)
def import_file(import_file_id: int) -> None:
    """Import a confirmed file (idempotent: a file imported already is left as it is)."""
    import_file_import(import_file_id=import_file_id)
