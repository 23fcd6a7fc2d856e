"""Benchmark of the events list, search and ZIP filter next to the job list, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_evbench \
        .venv/bin/python bench/events_search.py [--events 50000] [--registrations 500000]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn (bench/settings.py), Redis, client ceiling, interleaved rounds, medians, spread,
load average, CPU per request of web, db and Redis, and cache hit and miss modes.

It (re)creates the database `<name>_<events>` (--reuse keeps one made earlier) with the job
bench's jobs (--jobs, 10,000) and, with COPY, the events: 80% over (up to three years ago),
20% to come over the next four months; bilingual titles of every kind; in person at the job
bench's places (the Chicago ZIP codes among them) or online. Then people and registrations
(--registrations, 500,000 by default) spread over the events. It measures the trivial view,
the job list and the events pages in the same interleaved rounds, prints each events page's
share of the job list's requests/s (target >= 50%) on a cache hit and a miss, and EXPLAIN
(ANALYZE, BUFFERS) of the events pages' queries. Not a test: it only reports.
"""

import contextlib
import random
import sys
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import jobs_search  # noqa: E402
from bench.jobs_search import Page  # noqa: E402

# (kind, workshop topic, Spanish title, English title); "entrevista" is the searched word.
EVENTS = [
    ("career_fair", "", "Feria de empleo", "Job fair"),
    ("career_fair", "", "Feria de empleos de construcción", "Construction job fair"),
    ("workshop", "resume", "Taller de currículum", "Resume workshop"),
    ("workshop", "interview", "Taller de entrevista de trabajo", "Job interview workshop"),
    ("workshop", "rights", "Conoce tus derechos en el trabajo", "Know your rights at work"),
    ("workshop", "itin_taxes", "Impuestos con ITIN", "Taxes with an ITIN"),
    ("workshop", "business", "Cómo empezar tu negocio", "How to start your business"),
    ("webinar", "", "Seminario web: tu primer empleo", "Webinar: your first job"),
    ("networking", "", "Encuentro de oficios", "Trades meetup"),
    ("info_session", "", "Sesión informativa de capacitación", "Training information session"),
    ("office_hours", "", "Horas de consulta de empleo", "Job office hours"),
]
SUMMARY = ("Gratis y en español. Trae preguntas.", "Free and in Spanish. Bring questions.")
DESCRIPTION = (
    "Una sesión práctica con personas que te orientan paso a paso.",
    "A hands-on session with people who guide you step by step.",
)
FORMATS = ["in_person"] * 7 + ["online"] * 2 + ["hybrid"]
PAST_SHARE = 0.8
USERS = 20_000  # people registered; each registers for many events
EVENT_PAGES = [
    Page("events upcoming", "/es/events/", 0.50),
    Page("events keyword", "/es/events/?q=entrevista", 0.50),
    Page("events ZIP", "/es/events/?zip=60629&radius=25", 0.50),
]
PAGES = [*jobs_search.PAGES[:2], *EVENT_PAGES]  # the trivial view and the job list first


def copy_users(count: int) -> list[int]:
    from django.contrib.auth.hashers import make_password

    from apps.accounts.models import User

    prototype = User(password=make_password(None))
    jobs_search.copy_rows(User, prototype, (
        {"email": f"bench-person{n}@example.org", "display_name": f"Persona {n}",
         "preferred_language": ("es", "en")[n % 2]}
        for n in range(count)
    ))  # fmt: skip
    return list(User.objects.filter(email__startswith="bench-person").values_list("pk", flat=True))


def registered_counts(events: int, registrations: int, rng: random.Random) -> list[int]:
    """How many people registered for each event, `registrations` in all."""
    counts = [rng.randint(0, 2 * registrations // events) for _ in range(events)]
    surplus = sum(counts) - registrations
    while surplus:  # even out to the exact total, one registration at a time
        index = rng.randrange(events)
        step = 1 if surplus > 0 else -1
        if counts[index] - step >= 0:
            counts[index] -= step
            surplus -= step
    return counts


def copy_events(count: int, counts: list[int], rng, organizations, places) -> None:
    """Write `count` published events with COPY, in the order they were published, with
    their capacity and the seats their registrations (`counts`) leave."""
    from django.utils import timezone

    from apps.events.models import Event

    now = timezone.now()
    prototype = Event(organization=organizations[0], status="published", kind="workshop",
                      starts_at=now, ends_at=now + timedelta(hours=2))  # fmt: skip
    starts = sorted(
        now + timedelta(minutes=rng.randint(-3 * 365 * 24 * 60, -180))
        if rng.random() < PAST_SHARE
        else now + timedelta(minutes=rng.randint(60, 120 * 24 * 60))
        for _ in range(count)
    )

    def rows():
        for n, starts_at in enumerate(starts):
            kind, topic, title_es, title_en = rng.choice(EVENTS)
            where = rng.choice(FORMATS)
            place = rng.choice(places) if where != "online" else None
            published = starts_at - timedelta(days=rng.randint(7, 45))
            capacity = None if rng.random() < 0.4 else counts[n] + rng.randint(0, 30) or 1
            held = counts[n] - counts[n] // 10  # one in ten cancelled
            ends_at = starts_at + timedelta(hours=2)
            yield {
                "organization_id": rng.choice(organizations).pk,
                "title": title_es, "title_es": title_es, "title_en": title_en,
                "summary": SUMMARY[0], "summary_es": SUMMARY[0], "summary_en": SUMMARY[1],
                "description": DESCRIPTION[0], "description_es": DESCRIPTION[0],
                "description_en": DESCRIPTION[1],
                "kind": kind, "topic": topic, "language": rng.choice(["es", "es", "en", "both"]),
                "starts_at": starts_at, "ends_at": ends_at,
                "is_free": True, "id_at_the_door": rng.choice(["no", "yes", "unknown"]),
                "format": where,
                "venue_name": "Centro comunitario" if place else "",
                "address": "100 Main St" if place else "",
                "city": place["city"] if place else "", "state": place["state"] if place else "",
                "zip_code": place["zip_code"] if place else "",
                "join_url": f"https://meet.example.org/bench-{n}" if where != "in_person" else "",
                "capacity": capacity,
                "seats_left": None if capacity is None else max(capacity - held, 0),
                "created_at": published, "updated_at": published, "published_at": published,
                "expires_on": ends_at.date(),
            }  # fmt: skip

    jobs_search.copy_rows(Event, prototype, rows())


def copy_registrations(counts: list[int], users: list[int], rng) -> None:
    """Each event's registrations (`counts`, in the events' order): people who registered
    before it; of a past event most attended, one in ten cancelled."""
    from django.utils import timezone

    from apps.events.models import CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH, Event, Registration

    now = timezone.now()
    # Read before the COPY starts: the connection does nothing else during it.
    events = list(Event.objects.order_by("starts_at", "pk").values_list("pk", "starts_at"))
    base = len(CHECK_IN_ALPHABET)

    def code(number: int) -> str:
        digits = []
        for _ in range(CHECK_IN_CODE_LENGTH):
            number, digit = divmod(number, base)
            digits.append(CHECK_IN_ALPHABET[digit])
        return "".join(digits)

    def rows():
        for (event_id, starts_at), count in zip(events, counts, strict=True):
            for number, user_id in enumerate(rng.sample(users, count)):
                if number >= count - count // 10:
                    status = "cancelled"
                elif starts_at < now:
                    status = "attended" if rng.random() < 0.7 else "registered"
                else:
                    status = "registered"
                created = starts_at - timedelta(hours=rng.randint(2, 30 * 24))
                yield {
                    "event_id": event_id, "user_id": user_id, "status": status,
                    "code": code(number), "created_at": created,
                    "cancelled_at": created + timedelta(hours=1) if status == "cancelled"
                    else None,
                    "checked_in_at": starts_at if status == "attended" else None,
                }  # fmt: skip

    jobs_search.copy_rows(Registration, Registration(answers={}), rows())


def generate(jobs: int, events: int, registrations: int) -> None:
    """The job bench's jobs, then the events, people and registrations, each table written
    with its indexes dropped, then the search entries and statistics."""
    from django.db import connection

    from apps.core.indexing import search_entries, search_reindex
    from apps.events.models import Event, Registration
    from apps.organizations.models import Organization

    jobs_search.generate(jobs)
    rng = random.Random(12)
    started = time.monotonic()
    organizations = list(Organization.objects.all())
    counts = registered_counts(events, registrations, rng)
    with jobs_search.indexes_dropped(Event._meta.db_table):
        copy_events(events, counts, rng, organizations, jobs_search.bench_places(rng))
    users = copy_users(USERS)
    with jobs_search.indexes_dropped(Registration._meta.db_table):
        copy_registrations(counts, users, rng)
    copied = time.monotonic()
    with (
        jobs_search.stemming_each_text_once(),
        jobs_search.indexes_dropped(search_entries["events.event"].entry._meta.db_table),
    ):
        search_reindex()
    indexed = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {events:,} events ({1 - PAST_SHARE:.0%} to come), {sum(counts):,} "
          f"registrations of {USERS:,} people in {time.monotonic() - started:.0f} s: COPY and "
          f"indexes {copied - started:.0f} s, search entries {indexed - copied:.0f} s",
          flush=True)  # fmt: skip


def main() -> None:
    args = jobs_search.arguments(
        __doc__.split("\n")[0],
        events=([50_000], "events (one size)"),
        registrations=([500_000], "registrations (one size)"),
        jobs=([10_000], "jobs (one size)"),
    )
    events, registrations, jobs = args.events[0], args.registrations[0], args.jobs[0]
    url = jobs_search.database_url_for(args.database_url, events)
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, url)
        jobs_search.database_prepare(bench, url, partial(generate, jobs, events, registrations))
        runs = jobs_search.measure_pages(bench, [url], PAGES)[url]
        title = f"{events:,} events, {registrations:,} registrations, {jobs:,} jobs"
        results = jobs_search.report_size(title, runs, args)
        jobs_search.report_shares(
            results,
            EVENT_PAGES,
            args,
            "Events pages / job list (requests/s, same run), target >= 50%:",
        )
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) at {events:,} events")
        jobs_search.explain(EVENT_PAGES)


if __name__ == "__main__":
    main()
