"""The periodic work of Celery beat, run inside the demo's web process (manage.py run_demo):
someone trying Camino without Redis, workers or beat still gets job alerts, digests, expiry
notices and reminders. It reads the one schedule, portal/celery.py's beat_schedule, and runs
each entry in process when it is due, as beat would send it to a worker."""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from celery.schedules import crontab
from celery.schedules import schedule as interval
from django.db import connections
from django.utils import timezone

logger = logging.getLogger(__name__)

# How often the thread looks at the schedule: the finest entry runs every minute.
TICK_SECONDS = 5


def next_run(when, last_run: datetime) -> datetime:
    """When an entry with this schedule (seconds, a timedelta, or a Celery schedule) is next
    due, given when it last ran."""
    if isinstance(when, crontab):
        start, delta, _now = when.remaining_delta(last_run)
        return start + delta
    if isinstance(when, interval):
        when = when.run_every  # type: ignore[attr-defined]  # celery-types omits it
    if not isinstance(when, timedelta):
        when = timedelta(seconds=when)
    return last_run + when


def run_entry(entry: dict) -> None:
    """Run a beat entry's task here and now, with its arguments."""
    from portal.celery import app

    app.loader.import_default_modules()  # the apps' tasks modules, as a worker imports them
    app.tasks[entry["task"]].apply(
        args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=True
    )


class Scheduler:
    """Like beat, an entry first runs at its first due time after the start, then again at
    each due time after its last run: at most once per due time, however often it ticks."""

    def __init__(
        self, entries: dict, *, now: datetime, run: Callable[[dict], None] = run_entry
    ) -> None:
        self.entries = entries
        self.run = run
        self.last_run = dict.fromkeys(entries, now)

    def tick(self, now: datetime) -> list[str]:
        """Run the entries due at `now`; returns their names."""
        ran = []
        for name, entry in self.entries.items():
            if now < next_run(entry["schedule"], self.last_run[name]):
                continue
            self.last_run[name] = now
            ran.append(name)
            try:
                self.run(entry)
            except Exception:  # one failing task must not stop the others, nor the server
                logger.exception("periodic task %s failed", name)
        return ran


def scheduler_start(entries: dict) -> threading.Thread:
    """Tick in a daemon thread, which ends with the server."""
    scheduler = Scheduler(entries, now=timezone.now())

    def loop() -> None:
        while True:
            time.sleep(TICK_SECONDS)
            scheduler.tick(timezone.now())
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=loop, name="camino-scheduler", daemon=True)
    thread.start()
    return thread
