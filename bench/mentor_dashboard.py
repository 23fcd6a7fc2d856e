"""Benchmark of the mentor dashboard next to the job list, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_mentorbench \
        .venv/bin/python bench/mentor_dashboard.py [--mentors 20000] [--matches 200000]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn (bench/settings.py), Redis, client ceiling, interleaved rounds, medians, spread,
load average, and CPU per request of web, db and Redis.

It (re)creates the database `<name>_<mentors>` (--reuse keeps one made earlier) with the job
bench's jobs (--jobs, 10,000) and, with COPY: the mentors (--mentors) and the people they
mentored, and past matches (--matches: completed, cancelled, declined, expired), each with
messages, a session, and every other one a goal with two tasks. The signed-in person the
bench measures is a busy mentor among them: a full capacity of active matches, each with
many messages, sessions and tasks, requests waiting and hundreds of completed matches. It
measures the trivial view, the job list and the dashboard in the same interleaved rounds,
prints the dashboard's share of the job list's requests/s and its SQL queries (a fixed
number whatever the rows: tests/mentorship/test_dashboard.py), and EXPLAIN (ANALYZE,
BUFFERS) of each query. Not a test: it only reports.
"""

import contextlib
import json
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

# The bench signs in as this person (jobs_search.signed_in_cookie): here, the busy mentor.
BENCH_PERSON = "bench-seeker@example.org"
MENTEES = 50_000
PAST_STATUSES = ["completed"] * 6 + ["cancelled"] * 2 + ["declined", "expired"]
MESSAGES_PER_PAST_MATCH = 3
# The busy mentor's own: active matches (their capacity), requests waiting, completed.
BUSY_ACTIVE, BUSY_REQUESTS, BUSY_COMPLETED = 10, 30, 400
BUSY_MESSAGES, BUSY_SESSIONS, BUSY_GOALS, BUSY_TASKS = 200, 20, 4, 6
DASHBOARD = Page("mentor dashboard", "/es/mentoring/dashboard/", cached=False, signed_in=True)
# The trivial view and the job list first; the signed-in job list is the fair comparison
# (neither page is cached for a person signed in).
SIGNED_IN_LIST = next(page for page in jobs_search.PAGES if page.name == "signed-in list")
PAGES = [*jobs_search.PAGES[:2], SIGNED_IN_LIST, DASHBOARD]


def copy_people(prefix: str, count: int) -> list[int]:
    from django.contrib.auth.hashers import make_password

    from apps.accounts.models import User

    prototype = User(password=make_password(None))
    jobs_search.copy_rows(User, prototype, (
        {"email": f"{prefix}{n}@example.org", "display_name": f"Persona {n}",
         "preferred_language": ("es", "en")[n % 2]}
        for n in range(count)
    ))  # fmt: skip
    return list(User.objects.filter(email__startswith=prefix).values_list("pk", flat=True))


def copy_mentors(users: list[int], rng: random.Random) -> list[int]:
    from django.utils import timezone

    from apps.mentorship.models import MentorProfile

    now = timezone.now()
    prototype = MentorProfile(hours_per_month=8, capacity=3)
    jobs_search.copy_rows(MentorProfile, prototype, (
        {"user_id": user_id, "headline": "Electricista", "headline_es": "Electricista",
         "headline_en": "Electrician", "capacity": rng.randint(1, 10),
         "industries": json.dumps(rng.sample(jobs_search.CATEGORIES, 2)),
         "languages": '["es", "en"]', "meeting_modes": '["online"]', "status": "published",
         "conduct_agreed_at": now,
         "published_at": now, "created_at": now, "updated_at": now}
        for user_id in users
    ))  # fmt: skip
    return list(MentorProfile.objects.order_by("pk").values_list("pk", "user_id"))


def copy_past(mentors, mentees: list[int], count: int, rng: random.Random) -> None:
    """`count` past matches, with their messages, a session each, and every other one a goal
    with two tasks."""
    from django.db import connection
    from django.utils import timezone

    from apps.mentorship.models import (
        Match,
        MatchMessage,
        MentoringGoal,
        MentoringSession,
        MentoringTask,
    )

    now = timezone.now()

    def matches():
        for _ in range(count):
            mentor_id, _user = rng.choice(mentors)
            requested = now - timedelta(minutes=rng.randint(60 * 24 * 30, 60 * 24 * 900))
            status = rng.choice(PAST_STATUSES)
            began = status in ("completed", "cancelled")
            started = requested + timedelta(days=2) if began else None
            yield {
                "mentor_id": mentor_id, "mentee_id": rng.choice(mentees), "status": status,
                "goal": "Quiero sacar mi licencia", "requested_at": requested,
                "answered_at": requested + timedelta(days=2), "started_at": started,
                "ended_at": requested + timedelta(days=60), "last_activity_at": requested,
            }  # fmt: skip

    with jobs_search.indexes_dropped(Match._meta.db_table):
        jobs_search.copy_rows(Match, Match(), matches())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE mentorship_match")
    rows = list(Match.objects.values_list("pk", "mentee_id", "mentor__user_id", "requested_at"))
    with jobs_search.indexes_dropped(MatchMessage._meta.db_table):
        jobs_search.copy_rows(MatchMessage, MatchMessage(), (
            {"match_id": pk, "sender_id": (mentee, mentor)[n % 2],
             "body": f"Mensaje {n}: ¿cómo le fue con la solicitud?",
             "created_at": requested + timedelta(days=3 + n)}
            for pk, mentee, mentor, requested in rows
            for n in range(MESSAGES_PER_PAST_MATCH)
        ))  # fmt: skip
    with jobs_search.indexes_dropped(MentoringSession._meta.db_table):
        jobs_search.copy_rows(MentoringSession, MentoringSession(minutes=60), (
            {"match_id": pk, "proposed_by_id": mentor, "status": "confirmed",
             "starts_at": requested + timedelta(days=10), "minutes": 60, "mode": "online",
             "created_at": requested, "updated_at": requested}
            for pk, _mentee, mentor, requested in rows
        ))  # fmt: skip
    with jobs_search.indexes_dropped(MentoringGoal._meta.db_table):
        jobs_search.copy_rows(MentoringGoal, MentoringGoal(), (
            {"match_id": pk, "title": "Sacar la licencia", "created_by_id": mentee,
             "created_at": requested}
            for pk, mentee, _mentor, requested in rows[::2]
        ))  # fmt: skip
    goals = list(MentoringGoal.objects.values_list("pk", "created_at"))
    with jobs_search.indexes_dropped(MentoringTask._meta.db_table):
        jobs_search.copy_rows(MentoringTask, MentoringTask(), (
            {"goal_id": pk, "title": f"Paso {n}", "created_at": created,
             "done_at": created + timedelta(days=5) if n == 0 else None}
            for pk, created in goals
            for n in range(2)
        ))  # fmt: skip


def busy_mentor(mentees: list[int], rng: random.Random) -> None:
    """The person the bench signs in as: a mentor at full capacity, with requests waiting,
    hundreds of completed matches, and much going on in each active match."""
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.mentorship.models import (
        Match,
        MatchMessage,
        MentoringGoal,
        MentoringSession,
        MentoringTask,
        MentorProfile,
    )

    now = timezone.now()
    user = User.objects.create_user(BENCH_PERSON, display_name="Luis")
    profile = MentorProfile.objects.create(
        user=user, headline="Electricista", hours_per_month=20, capacity=BUSY_ACTIVE,
        active_mentees=BUSY_ACTIVE, status="published", conduct_agreed_at=now,
        published_at=now, languages=["es"], meeting_modes=["online"],
    )  # fmt: skip
    people = rng.sample(mentees, BUSY_ACTIVE + BUSY_REQUESTS + BUSY_COMPLETED)
    active = Match.objects.bulk_create(
        Match(mentor=profile, mentee_id=person, status="active", started_at=now)
        for person in people[:BUSY_ACTIVE]
    )
    Match.objects.bulk_create(
        Match(mentor=profile, mentee_id=person, status="requested",
              requested_at=now - timedelta(hours=rng.randint(1, 300)))
        for person in people[BUSY_ACTIVE : BUSY_ACTIVE + BUSY_REQUESTS]
    )  # fmt: skip
    Match.objects.bulk_create(
        Match(mentor=profile, mentee_id=person, status="completed",
              requested_at=now - timedelta(days=rng.randint(30, 900)),
              ended_at=now - timedelta(days=10))
        for person in people[BUSY_ACTIVE + BUSY_REQUESTS :]
    )  # fmt: skip
    for match in active:
        MatchMessage.objects.bulk_create(
            MatchMessage(match=match, sender_id=(match.mentee_id, user.pk)[n % 2],
                         body=f"Mensaje {n}", created_at=now - timedelta(hours=n))
            for n in range(BUSY_MESSAGES)
        )  # fmt: skip
        MentoringSession.objects.bulk_create(
            MentoringSession(match=match, proposed_by=user, minutes=60, mode="online",
                             status="confirmed", starts_at=now + timedelta(days=n - 10))
            for n in range(BUSY_SESSIONS)
        )  # fmt: skip
        goals = MentoringGoal.objects.bulk_create(
            MentoringGoal(match=match, title=f"Meta {n}") for n in range(BUSY_GOALS)
        )
        MentoringTask.objects.bulk_create(
            MentoringTask(goal=goal, title=f"Paso {n}",
                          done_at=now if n % 2 else None)
            for goal in goals
            for n in range(BUSY_TASKS)
        )  # fmt: skip


def generate(jobs: int, mentors: int, matches: int) -> None:
    from django.db import connection

    jobs_search.generate(jobs)
    rng = random.Random(13)
    started = time.monotonic()
    mentor_people = copy_people("bench-mentor", mentors)
    mentees = copy_people("bench-mentee", MENTEES)
    profiles = copy_mentors(mentor_people, rng)
    copy_past(profiles, mentees, matches, rng)
    busy_mentor(mentees, rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {mentors:,} mentors, {MENTEES:,} mentees, {matches:,} past matches "
          f"with {matches * MESSAGES_PER_PAST_MATCH:,} messages and {matches:,} sessions, and "
          f"the busy mentor in {time.monotonic() - started:.0f} s", flush=True)  # fmt: skip


def explain_dashboard() -> None:
    """The dashboard's queries as the view runs them, signed in as the busy mentor, with
    EXPLAIN (ANALYZE, BUFFERS) of each."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=BENCH_PERSON))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DASHBOARD.path)
    assert response.status_code == 200, response.status_code
    print(f"\n=== {DASHBOARD.name}: {len(captured)} SQL queries")
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            print(f"\n{query['sql']}\n" + "\n".join(row for (row,) in cursor.fetchall()))


def main() -> None:
    args = jobs_search.arguments(
        __doc__.split("\n")[0],
        mentors=([20_000], "mentors (one size)"),
        matches=([200_000], "past matches (one size)"),
        jobs=([10_000], "jobs (one size)"),
    )
    mentors, matches, jobs = args.mentors[0], args.matches[0], args.jobs[0]
    url = jobs_search.database_url_for(args.database_url, mentors)
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, url)
        jobs_search.database_prepare(bench, url, partial(generate, jobs, mentors, matches))
        runs = jobs_search.measure_pages(bench, [url], PAGES)[url]
        title = f"{mentors:,} mentors, {matches:,} past matches, {jobs:,} jobs"
        results = jobs_search.report_size(title, runs, args)
        dashboard = results[DASHBOARD.name, ""]["rate"]
        print("\nMentor dashboard / job list (requests/s, same run):")
        for key in (("job list", "hit"), ("job list", "miss"), ("signed-in list", "")):
            if key in results:
                share = dashboard / results[key]["rate"]
                print(f"  {key[0]} {key[1] or '(never cached)':15} {share:6.1%}")
        explain_dashboard()


if __name__ == "__main__":
    main()
