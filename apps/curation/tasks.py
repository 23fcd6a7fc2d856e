from celery import shared_task

from apps.curation.dashboard import figures_refresh
from apps.curation.import_services import import_file_import


@shared_task(acks_late=True)
def import_file(import_file_id: int) -> None:
    """Import a confirmed file (idempotent: a file imported already is left as it is)."""
    import_file_import(import_file_id=import_file_id)


@shared_task(acks_late=True)
def refresh_dashboard(full: bool = False) -> int:
    """The dashboard's figures, computed and stored (apps.curation.dashboard): every
    CURATION_DASHBOARD_MINUTES the recent weeks, nightly all of them. Idempotent: a run
    again replaces the same numbers."""
    return figures_refresh(full=full)
