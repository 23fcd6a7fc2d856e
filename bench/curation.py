"""Benchmark of curation's staff pages (the dashboard; the queue joins with one line) next to the
job list, in one run, at about 1,000,000 items of all kinds.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_curationbench \
        .venv/bin/python bench/curation.py [--items 1000000] [--reuse]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn with production settings (bench/settings.py), Redis, client ceiling, interleaved
rounds, medians, spread (min-max), load average, CPU per request of web, db and Redis.

It (re)creates the database `<name>_<items>` (--reuse keeps one made earlier) and writes, with
COPY, `--items` rows in these shares: jobs (with their search entries, the job bench's), events
and their registrations, legal providers (with their services, places, hours and phones),
seekers, audit entries (submissions and decisions over a year), email deliveries (alerts and
digests, some failed), reports of jobs and providers, mentors, matches and conduct reports. It
prints the time each part took. It times the dashboard's periodic task, which stores the
figures the page reads: a full run (all the weeks: nightly) and a periodic one (the last weeks
and the snapshots). Then, for each staff page, signed in as a curator:
- requests/s as a share of the job list's on a miss in the same run (target >= 30%): the
  dashboard as served (it reads the stored figures; its drawing, kept in the cache until they
  are computed again, is warm) and drawn on every request (every cache read misses); the
  queue, which computes everything;
- its SQL queries, rendered in this process (every cache read misses).
Not a test: it only reports.
"""

import contextlib
import os
import random
import sys
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import jobs_search, legal  # noqa: E402
from bench.jobs_search import Page  # noqa: E402

CURATOR = "bench-curator@example.org"


STAFF_PAGES = [
    # The dashboard reads stored figures and keeps its drawing in the cache until they are
    # computed again: measured as served (the drawing cached) and where every read misses.
    Page("dashboard", "/es/curation/dashboard/", 0.30, cached=False, signed_in=True, who=CURATOR),
    Page("dashboard, drawn", "/es/curation/dashboard/", 0.30, people=(CURATOR,)),
    # The queue keeps nothing in a cache: it is always computed.
    Page("queue", "/es/curation/", 0.30, cached=False, signed_in=True, who=CURATOR),
]
PAGES = [*jobs_search.PAGES[:2], *STAFF_PAGES]  # the trivial view and the job list first

# Shares of the items, by what they are.
SHARES = {
    "jobs": 0.20, "events": 0.04, "registrations": 0.12, "providers": 0.015, "seekers": 0.05,
    "audit": 0.30, "deliveries": 0.20, "job reports": 0.03, "provider reports": 0.005,
    "mentors": 0.002, "matches": 0.01, "match reports": 0.001,
}  # fmt: skip
WEEKS = 52


def curator() -> None:
    """The curator the bench signs in as, with the second factor staff must have."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from apps.accounts.models import User
    from apps.core.roles import CURATORS_GROUP

    user = User.objects.create_user(CURATOR, is_staff=True)
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})


def timed(label: str, count: int, write) -> None:
    started = time.monotonic()
    write()
    print(f"  {count:>9,} {label:18} {time.monotonic() - started:6.1f} s", flush=True)


def generate(items: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.core.models import AuditEntry
    from apps.events.models import Event, Registration
    from apps.jobs.models import Job, JobReport
    from apps.legal.models import Provider, ProviderReport
    from apps.mentorship.models import Match, MatchReport, MentorProfile
    from apps.notifications.models import Delivery
    from apps.organizations.models import Organization

    n = {kind: max(1, int(items * share)) for kind, share in SHARES.items()}
    rng = random.Random(16)
    now = timezone.now()
    started = time.monotonic()

    def ago(days: int = 7 * WEEKS):
        return now - timedelta(minutes=rng.randint(0, days * 24 * 60))

    jobs_search.generate(n["jobs"])  # migrates, and prints its own time
    curator()
    organizations = list(Organization.objects.values_list("pk", flat=True))
    copy = jobs_search.copy_rows

    def events():
        prototype = Event(status="published", kind="workshop", topic="resume", format="online",
                          time_zone="America/Chicago", id_at_the_door="no")  # fmt: skip

        def rows():
            for number in range(n["events"]):
                starts = ago()
                yield {"organization_id": rng.choice(organizations),
                       "title": f"Taller {number}", "title_es": f"Taller {number}",
                       "title_en": f"Workshop {number}", "summary_es": "Taller",
                       "summary_en": "Workshop", "description_es": "Un taller.",
                       "description_en": "A workshop.", "language": "es",
                       "status": "expired", "starts_at": starts,
                       "ends_at": starts + timedelta(hours=2), "published_at": starts,
                       "expires_on": starts.date(), "created_at": starts}  # fmt: skip

        copy(Event, prototype, rows())

    timed("events", n["events"], events)
    event_ids = list(Event.objects.values_list("pk", flat=True))
    statuses = ["registered", "attended", "attended", "cancelled"]
    timed("registrations", n["registrations"], lambda: copy(Registration, Registration(), (
        {"event_id": rng.choice(event_ids), "status": rng.choice(statuses)}
        for _ in range(n["registrations"])
    )))  # fmt: skip
    timed(
        "legal providers",
        n["providers"],
        lambda: legal.copy_providers(n["providers"], rng, jobs_search.bench_places(rng)),
    )
    timed("seekers", n["seekers"], lambda: copy(User, User(), (
        {"email": f"seeker{number}@example.org", "date_joined": ago()}
        for number in range(n["seekers"])
    )))  # fmt: skip
    people = list(User.objects.values_list("pk", flat=True)[:5000])
    job_type = ContentType.objects.get_for_model(Job).pk
    job_ids = list(Job.objects.values_list("pk", flat=True)[:50_000])

    def audit():
        def rows():
            for _ in range(n["audit"] // 2):
                submitted = ago()
                job = rng.choice(job_ids)
                decided = submitted + timedelta(hours=rng.randint(1, 24 * 10))
                yield {"content_type_id": job_type, "object_id": job, "action": "submit",
                       "created_at": submitted}  # fmt: skip
                yield {"content_type_id": job_type, "object_id": job,
                       "action": rng.choice(["publish", "publish", "reject"]),
                       "created_at": decided}  # fmt: skip

        copy(AuditEntry, AuditEntry(), rows())

    timed("audit entries", n["audit"], audit)

    def deliveries():
        def rows():
            for number in range(n["deliveries"]):
                created, failed = ago(), rng.random() < 0.02
                yield {
                    "key": f"bench:{number}",
                    "recipient_id": rng.choice(people),
                    "kind": rng.choice(["job_alert", "weekly_digest", "event_reminder"]),
                    "status": "pending" if failed else "sent",
                    "created_at": created,
                    "due_at": created,
                    "sent_at": None if failed else created,
                    "attempts": 1,
                    "last_error": "SMTPServerDisconnected()" if failed else "",
                }

        copy(Delivery, Delivery(), rows())

    timed("deliveries", n["deliveries"], deliveries)
    timed("job reports", n["job reports"], lambda: copy(JobReport, JobReport(reason="scam"), (
        {"job_id": rng.choice(job_ids), "created_at": (made := ago()),
         "resolved_at": None if rng.random() < 0.3 else made + timedelta(days=1)}
        for _ in range(n["job reports"])
    )))  # fmt: skip
    provider_ids = list(Provider.objects.values_list("pk", flat=True))
    timed("provider reports", n["provider reports"], lambda: copy(
        ProviderReport, ProviderReport(reason="closed"),
        ({"provider_id": rng.choice(provider_ids), "created_at": ago()}
         for _ in range(n["provider reports"])),
    ))  # fmt: skip
    mentor_users = people[: n["mentors"]]
    timed("mentors", n["mentors"], lambda: copy(MentorProfile, MentorProfile(status="published"), (
        {"user_id": user, "created_by_id": user, "headline_es": "Electricista",
         "headline_en": "Electrician", "helps_with_es": "Licencias", "helps_with_en": "Licences",
         "zip_code": "60623", "hours_per_month": 4, "capacity": 3}
        for user in mentor_users
    )))  # fmt: skip
    mentors = list(MentorProfile.objects.values_list("pk", flat=True))
    seekers = people[n["mentors"] :]

    def matches():
        def rows():
            for number in range(n["matches"]):
                started = ago()
                ended = started + timedelta(days=rng.randint(10, 200))
                # Each pair once: a person has one open match at most with the same mentor.
                mentee = seekers[number // len(mentors) % len(seekers)]
                yield {"mentor_id": mentors[number % len(mentors)], "mentee_id": mentee,
                       "status": "active" if ended > now else "completed",
                       "requested_at": started, "started_at": started,
                       "ended_at": None if ended > now else ended}  # fmt: skip

        copy(Match, Match(), rows())

    timed("matches", n["matches"], matches)
    timed("match reports", n["match reports"], lambda: copy(
        MatchReport, MatchReport(reporter_side="mentee", reason="money"),
        ({"created_at": ago()} for _ in range(n["match reports"])),
    ))  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    total = sum(n.values()) + 5 * n["providers"]  # a provider's services, place, hours, phone
    print(f"generated {total:,} rows in {time.monotonic() - started:.0f} s", flush=True)


def figures_store() -> None:
    """Run the dashboard's periodic task as beat would, timed: in full (nightly, or the first
    time), then as every few minutes."""
    from apps.curation.dashboard import RECENT_WEEKS, figures_refresh

    for label, full in (("all weeks (nightly)", True), (f"last {RECENT_WEEKS} weeks", False)):
        started = time.monotonic()
        count = figures_refresh(full=full)
        print(f"dashboard figures stored, {label}: {count:,} numbers in "
              f"{time.monotonic() - started:.1f} s", flush=True)  # fmt: skip


def query_counts() -> dict[str, int]:
    """The SQL queries of each staff page, rendered in this process (its cache always
    misses), signed in as the curator."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=CURATOR))
    counts = {}
    for page in STAFF_PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        assert response.status_code == 200, (page.path, response.status_code)
        counts[page.path] = len(captured)
    return counts


def main() -> None:
    args = jobs_search.arguments(__doc__.split("\n")[0], items=([1_000_000], "items (one size)"))
    items = args.items[0]
    load = os.getloadavg()[0]
    print(f"load average at the start {load:.2f}" + (
        " (busy machine: the figures are noisy; run it again on a quiet one)" if load > 1.5
        else ""
    ), flush=True)  # fmt: skip
    url = jobs_search.database_url_for(args.database_url, items)
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, url)
        jobs_search.database_prepare(bench, url, partial(generate, items))
        figures_store()
        runs = jobs_search.measure_pages(bench, [url], PAGES)[url]
        results = jobs_search.report_size(f"{items:,} items of all kinds", runs, args)
        print("\nStaff pages / job list on a miss (requests/s, same run), target >= 30%:")
        for run in runs:
            if run.page in STAFF_PAGES:
                share = results[run.key]["rate"] / results["job list", "miss"]["rate"]
                verdict = "met" if share >= run.page.target else "MISSED"
                print(f"  {run.page.name:24} {share:6.1%}  {verdict}")
        print("\nSQL queries of each staff page:")
        for path, count in query_counts().items():
            print(f"  {path:32} {count}")


if __name__ == "__main__":
    main()
