"""The one Celery app of Camino. Broker: Redis from REDIS_URL (see portal.settings.base)."""

import os

from celery import Celery, Task
from celery.schedules import crontab


class CaminoTask(Task):
    """Default for every task: Camino's tasks are idempotent (they take ids, load the rows and
    call a service that checks state), so a failure is retried with exponential backoff."""

    autoretry_for = (Exception,)
    retry_backoff = True
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal", task_cls=CaminoTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# How often the staff dashboard's figures are computed again (apps.curation.dashboard), in
# minutes: read from the environment here, as Django's settings load after this module.
DASHBOARD_MINUTES = int(os.environ.get("CURATION_DASHBOARD_MINUTES", "15"))

# The schedule lives in code; exactly one beat process runs it (see docker-compose.yml).
app.conf.beat_schedule = {
    "sweep-deliveries": {
        "task": "apps.notifications.tasks.sweep_deliveries",
        "schedule": 60.0,
    },
    "daily-job-alerts": {
        "task": "apps.jobs.tasks.send_job_alerts",
        "schedule": crontab(minute=0, hour=13),  # morning across the United States
        "args": ["daily"],
    },
    "weekly-job-alerts": {
        "task": "apps.jobs.tasks.send_job_alerts",
        "schedule": crontab(minute=0, hour=13, day_of_week="monday"),
        "args": ["weekly"],
    },
    "weekly-digests": {
        "task": "apps.notifications.tasks.send_weekly_digests",
        "schedule": crontab(minute=0, hour=14, day_of_week="monday"),
    },
    "staff-summaries": {
        "task": "apps.notifications.tasks.send_staff_summaries",
        "schedule": crontab(minute=30, hour=13),
    },
    "expire-jobs": {
        "task": "apps.jobs.tasks.expire_jobs",
        "schedule": crontab(minute=5, hour=6),
    },
    "expire-legal-providers": {
        "task": "apps.legal.tasks.expire_providers",
        "schedule": crontab(minute=10, hour=6),
    },
    "move-training-starts": {
        "task": "apps.certifications.tasks.move_training_starts",
        "schedule": crontab(minute=15, hour=6),
    },
    "expire-event-offers": {
        "task": "apps.events.tasks.expire_offers",
        "schedule": 300.0,
    },
    "erase-attendance-lists": {
        "task": "apps.events.tasks.erase_attendance_lists",
        "schedule": crontab(minute=35, hour=6),
    },
    "expire-match-requests": {
        "task": "apps.mentorship.tasks.expire_match_requests",
        "schedule": crontab(minute=40),
    },
    "prompt-quiet-matches": {
        "task": "apps.mentorship.tasks.prompt_quiet_matches",
        "schedule": crontab(minute=45, hour=14),
    },
    # Career pathways: what each kind of work pays, from the current listings.
    "refresh-pay-figures": {
        "task": "apps.certifications.tasks.refresh_pay_figures",
        "schedule": crontab(minute=25),
    },
    # The staff dashboard reads stored figures: the recent weeks often, every week nightly.
    "refresh-dashboard": {
        "task": "apps.curation.tasks.refresh_dashboard",
        "schedule": DASHBOARD_MINUTES * 60.0,
    },
    "refresh-dashboard-full": {
        "task": "apps.curation.tasks.refresh_dashboard",
        "schedule": crontab(minute=50, hour=5),
        "kwargs": {"full": True},
    },
    "clear-expired-sessions": {
        "task": "apps.core.tasks.clear_expired_sessions",
        "schedule": crontab(minute=17, hour=3),
    },
    "remove-unlisted-search-entries": {
        "task": "apps.core.tasks.remove_unlisted_search_entries",
        "schedule": crontab(minute=25, hour=3),
    },
}
