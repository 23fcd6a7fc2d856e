"""Benchmark of an event's reminders: 10,000 people registered, queued and sent with Celery,
next to the weekly digest to the same people measured the same way in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_evbench \
    REDIS_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/event_reminders.py [--people 10000] [--workers 2]

It (re)creates the database `camino_evbench_reminders` with bench/digests.py's subscribers
(--people, each with saved searches and last week's jobs), and one event a week away that
all of them registered for. Then:
1. queues the event's reminders (reminders_schedule, a week and a day before) and prints
   the SQL queries that took;
2. sends the weekly digest with a real Celery worker (bench/digests.py's run_with_celery);
3. brings the week's reminders due, hands them to the same worker as the sweeper does
   (send_deliveries, one task per batch) and times them up to the last recorded as sent.
It prints emails/s of both. Not a test: it only reports.
"""

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.digests import generate, run_with_celery, settings_environment  # noqa: E402
from bench.jobs_search import recreate_database  # noqa: E402


def event_with_everyone_registered(since):
    """An event eight days away (its week reminder is due tomorrow) with every subscriber
    registered."""
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.events.models import CHECK_IN_ALPHABET, Event, Registration
    from apps.organizations.models import Organization

    starts = timezone.now() + timedelta(days=8)
    event = Event.objects.create(
        organization=Organization.objects.first(), status="published", kind="workshop",
        topic="interview", title_es="Taller de entrevista", title_en="Interview workshop",
        summary_es="Practica tu entrevista.", summary_en="Practise your interview.",
        starts_at=starts, ends_at=starts + timedelta(hours=2), format="in_person",
        venue_name="Biblioteca Toman", address="2708 S Pulaski Rd", city="Chicago",
        state="IL", zip_code="60623", id_at_the_door="no", published_at=since,
        expires_on=(starts + timedelta(days=1)).date(),
    )  # fmt: skip
    base = len(CHECK_IN_ALPHABET)

    def code(number: int) -> str:
        return "".join(CHECK_IN_ALPHABET[number // base**n % base] for n in range(6))

    people = User.objects.filter(email__startswith="subscriber").values_list("pk", flat=True)
    Registration.objects.bulk_create(
        (Registration(event=event, user_id=pk, status="registered", code=code(n))
         for n, pk in enumerate(people.iterator())),
        batch_size=2000,
    )  # fmt: skip
    return event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (postgres://...).")

    database_url = recreate_database(os.environ["DATABASE_URL"], "camino_evbench_reminders")
    environment = settings_environment(database_url)
    os.environ.update(environment)
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from apps.events.registrations import reminders_schedule
    from apps.notifications.digest import digest_week
    from apps.notifications.models import Delivery
    from apps.notifications.services import BATCH_SIZE, chunked
    from apps.notifications.tasks import send_deliveries

    since, _until = digest_week(timezone.now())
    _searches, people = generate(args.people, since)
    event = event_with_everyone_registered(since)

    with CaptureQueriesContext(connection) as queued, transaction.atomic():
        reminders_schedule(event=event)
    reminders = Delivery.objects.filter(kind="event_reminder")
    print(f"\nqueued {reminders.count():,} reminders (a week and a day before) for "
          f"{people:,} people in {len(queued)} SQL queries")  # fmt: skip

    digest = run_with_celery(environment, args.workers, people)
    week = reminders.filter(key__contains=":week:")
    # Measured: the week's reminders; the day's stay pending (due later), so they go.
    reminders.exclude(pk__in=week).delete()
    # A week has passed: the week's reminders are due (past the sweeper's grace).
    week.update(due_at=timezone.now() - timedelta(minutes=5))

    def sweep() -> None:
        ids = list(week.order_by("due_at", "pk").values_list("pk", flat=True))
        for batch in chunked(ids, BATCH_SIZE):
            send_deliveries.delay(batch)

    sent_reminders = run_with_celery(environment, args.workers, people, sweep, "event_reminder")
    print(f"\n{args.workers} worker processes, batches of {BATCH_SIZE}")
    print(f"{'':20} {'emails':>8} {'seconds':>8} {'emails/s':>9} {'SQL queries':>12}")
    for name, (elapsed, sent, queries, _cpu) in (("weekly digest", digest),
                                                 ("event reminders", sent_reminders)):  # fmt: skip
        print(f"{name:20} {sent:8,} {elapsed:8.1f} {sent / elapsed:9.0f} {queries:12,}")
    ratio = (sent_reminders[1] / sent_reminders[0]) / (digest[1] / digest[0])
    print(f"reminders' rate / digest's rate: {ratio:.2f} (target: the digest's rate, >= 1.0 "
          f"within the run's noise)")  # fmt: skip


if __name__ == "__main__":
    main()
