"""Benchmark of the weekly digest: 100,000 subscribers with saved searches in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino REDIS_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/digests.py [--subscribers 100000] [--workers 2]

It (re)creates the database `camino_digest_bench`, generates the subscribers (each with one
to three saved searches out of a few hundred distinct ones, half of them reading Spanish)
and last week's jobs, then:
1. starts a real Celery worker with --workers processes, its emails going to a backend that
   builds each message's bytes and discards them, sends it the weekly digest beat task, and
   times everything up to the last digest recorded as sent: building, queueing, writing,
   rendering, "sending" and recording;
2. renders the same emails again in one loop in this process, without Celery or the
   delivery log, to the same backend.
It prints the total time, emails per second, SQL queries in total (counted in the worker
processes) with the batches and distinct searches they depend on, and the ratio of (1) to
(2), against the targets of issue 4. Not a test: it only reports.
"""

import argparse
import os
import random
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.jobs_search import recreate_database  # noqa: E402
from bench.querycount import COUNTER  # noqa: E402

BACKEND = "bench.backends.RenderAndDiscardBackend"
KEYWORDS = [
    ("cocinero", "Cocinero de línea", "Line cook"), ("ayudante", "Ayudante de cocina",
    "Kitchen helper"), ("limpieza", "Limpieza de oficinas", "Office cleaner"),
    ("jardinero", "Jardinero", "Landscaper"), ("chofer", "Chofer de reparto", "Delivery driver"),
    ("cuidador", "Cuidador de adultos mayores", "Elder caregiver"), ("cajero", "Cajero",
    "Cashier"), ("pintor", "Pintor", "Painter"), ("plomero", "Plomero", "Plumber"),
    ("soldador", "Soldador", "Welder"), ("mesero", "Mesero", "Server"),
    ("empacador", "Empacador", "Packer"),
]  # fmt: skip
AUTHORIZATIONS = ["", "&authorization=open", "&authorization=ead", "&authorization=open"
                  "&authorization=ead"]  # fmt: skip
MIN_PAY = ["", "&min_pay=15", "&min_pay=18", "&min_pay=20"]


def settings_environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "EMAIL_BACKEND": BACKEND,
        "LOG_LEVEL": "WARNING",
    }


def generate(subscribers: int, since) -> tuple[int, int]:
    """Jobs published last week for every keyword, and the subscribers. Returns how many
    distinct saved searches there are and how many subscribers."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    from apps.accounts.models import User
    from apps.core.indexing import search_entries
    from apps.jobs.models import Job, JobSearchEntry, SavedSearch
    from apps.notifications.models import EmailPreferences
    from apps.organizations.models import Organization

    call_command("migrate", verbosity=0)
    rng = random.Random(4)
    started = time.monotonic()
    organizations = [
        Organization.objects.create(
            name=f"Bench employer {n}", slug=f"bench-{n}", kind="employer", status="active"
        )
        for n in range(20)
    ]
    jobs = []
    for n in range(1200):
        _word, title_es, title_en = KEYWORDS[n % len(KEYWORDS)]
        pay = rng.randint(14, 26)
        jobs.append(
            Job(
                organization=rng.choice(organizations),
                status="published",
                title_es=title_es,
                title_en=title_en,
                description_es="Trabajo estable.",
                description_en="Steady work.",
                category="food",
                employment_type="full_time",
                work_authorization=rng.choice(["open", "ead"]),
                work_language="spanish",
                pay_min=pay,
                pay_max=pay + 2,
                pay_unit="hour",
                workplace="onsite",
                city="Chicago",
                state="IL",
                zip_code="60629",
                apply_email="jobs@example.org",
                published_at=since + timedelta(minutes=rng.randint(0, 7 * 24 * 60 - 1)),
                expires_on=(since + timedelta(days=60)).date(),
            )
        )
    Job.objects.bulk_create(jobs)
    JobSearchEntry.objects.bulk_create(map(search_entries["jobs.job"].entry_for, jobs))
    queries = [
        f"q={word}{authorization}{pay}"
        for word, _es, _en in KEYWORDS
        for authorization in AUTHORIZATIONS
        for pay in MIN_PAY
    ]
    password = make_password(None)
    for start in range(0, subscribers, 5000):
        users = User.objects.bulk_create(
            User(
                email=f"subscriber{n}@example.org",
                password=password,
                display_name=f"Subscriber {n}",
                preferred_language=("es", "en")[n % 2],
            )
            for n in range(start, min(start + 5000, subscribers))
        )
        EmailPreferences.objects.bulk_create(
            EmailPreferences(user=user, choices={"weekly_digest": True}) for user in users
        )
        SavedSearch.objects.bulk_create(
            SavedSearch(user=user, name=f"search {n}", query=query)
            for user in users
            for n, query in enumerate(rng.sample(queries, rng.randint(1, 3)))
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {subscribers:,} subscribers, {len(jobs):,} jobs and "
          f"{SavedSearch.objects.count():,} saved searches "
          f"in {time.monotonic() - started:.0f} s")  # fmt: skip
    return len(queries), subscribers


def start_worker(environment: dict, processes: int) -> subprocess.Popen:
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=prefork",
         f"--concurrency={processes}", "--include=bench.querycount", "--loglevel=WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=environment,
    )  # fmt: skip
    time.sleep(3)  # ready enough: the task waits in Redis until a process takes it
    return worker


def cpu_seconds() -> dict[str, float]:
    """CPU time used so far by the worker's processes, PostgreSQL and Redis (Linux /proc):
    where the time of a run goes on a machine whose cores they share."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {"worker": 0.0, "PostgreSQL": 0.0, "Redis": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        part = ("worker" if "celery -A portal worker" in command else
                "PostgreSQL" if "postgres" in command.split(" ")[0] else
                "Redis" if command.startswith("redis-server") else None)  # fmt: skip
        if part:  # its own time, and its children's that have ended (a database session)
            used[part] += sum(map(int, fields[11:15])) / tick
    return used


def run_with_celery(
    environment: dict, processes: int, subscribers: int, kick=None, kind: str = "weekly_digest"
) -> tuple[float, int, int, dict]:
    """Seconds from `kick` (by default the weekly digest's beat task) to the last email of
    `kind` recorded as sent, how many were sent, SQL queries the worker ran, and the CPU
    seconds the worker, PostgreSQL and Redis used. Over when `subscribers` emails of that
    kind are settled."""
    import redis
    from django.db.models import Max
    from django.utils import timezone

    from apps.notifications.models import Delivery
    from apps.notifications.tasks import send_weekly_digests
    from portal.celery import app

    broker = redis.Redis.from_url(environment["REDIS_URL"])
    broker.delete(COUNTER)
    app.control.purge()
    worker = start_worker(environment, processes)
    try:
        cpu_before = cpu_seconds()
        started = timezone.now()
        (kick or send_weekly_digests.delay)()
        # Every subscriber has new jobs, so the run is over when each has a settled digest.
        # Polled with a cheap query first (an index), so that polling takes little from it.
        emails = Delivery.objects.filter(kind=kind)
        unsettled = emails.filter(status__in=["pending", "sending"])
        while unsettled.exists() or emails.count() < subscribers:
            time.sleep(0.5)
            if worker.poll() is not None:
                raise SystemExit("the worker died")
        cpu_after = cpu_seconds()
        time.sleep(1)  # the last task's count reaches Redis after it returns
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    last_sent = emails.aggregate(last=Max("sent_at"))["last"]
    sent = emails.filter(status="sent").count()
    cpu = {part: cpu_after[part] - cpu_before[part] for part in cpu_after}
    return (last_sent - started).total_seconds(), sent, int(broker.get(COUNTER) or 0), cpu


def run_in_one_loop() -> tuple[float, int]:
    """The same emails, written and rendered in one loop here: no Celery, no delivery log."""
    from django.core.mail import get_connection

    from apps.notifications.digest import weekly_digest
    from apps.notifications.emails import render_email
    from apps.notifications.models import Delivery
    from apps.notifications.services import BATCH_SIZE, chunked

    deliveries = Delivery.objects.filter(kind="weekly_digest").select_related("recipient")
    rendered = 0
    started = time.monotonic()
    with get_connection() as connection:
        for batch in chunked(deliveries.order_by("pk").iterator(chunk_size=2000), BATCH_SIZE):
            for delivery, email in zip(batch, weekly_digest([d.params for d in batch]),
                                       strict=True):  # fmt: skip
                render_email(to=delivery.recipient, email=email, connection=connection).send()
                rendered += 1
    return time.monotonic() - started, rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (postgres://...).")

    database_url = recreate_database(os.environ["DATABASE_URL"], "camino_digest_bench")
    environment = settings_environment(database_url)
    os.environ.update(environment)
    import django

    django.setup()
    from django.utils import timezone

    from apps.notifications.digest import digest_week
    from apps.notifications.services import BATCH_SIZE

    since, _until = digest_week(timezone.now())
    searches, subscribers = generate(args.subscribers, since)
    elapsed, sent, queries, cpu = run_with_celery(environment, args.workers, subscribers)
    loop_elapsed, rendered = run_in_one_loop()
    batches = -(-sent // BATCH_SIZE)
    ratio = elapsed / loop_elapsed
    print(f"\nweekly digests to {subscribers:,} subscribers, {args.workers} worker processes, "
          f"batches of {BATCH_SIZE}")  # fmt: skip
    print(f"  total time              {elapsed:8.1f} s   (target <= 60 s: "
          f"{'met' if elapsed <= 60 else 'NOT met'})")  # fmt: skip
    print(f"  emails sent             {sent:8,}")
    print(f"  emails per second       {sent / elapsed:8.0f}")
    print(f"  SQL queries in total    {queries:8,}   ({batches} send batches, "
          f"{searches} distinct searches; {queries / batches:.1f} per batch, "
          f"{queries / sent:.3f} per email)")  # fmt: skip
    print("  CPU seconds used        " + ", ".join(f"{part} {seconds:.1f}" for part, seconds
                                                      in cpu.items()))  # fmt: skip
    print(f"  one loop, no Celery     {loop_elapsed:8.1f} s   ({rendered:,} emails)")
    print(f"  ratio Celery / loop     {ratio:8.2f}   (target <= 1.5: "
          f"{'met' if ratio <= 1.5 else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    main()
