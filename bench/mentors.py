"""Benchmark of finding a mentor next to the job list, in one run: a seeker's suggestions
(ranked in SQL, the mentors who share the seeker's language and kind of work first), the
mentor list and its ZIP filter.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_mentorbench \
        .venv/bin/python bench/mentors.py [--mentors 20000] [--port 8865]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn (bench/settings.py), Redis, client ceiling, interleaved rounds, medians, spread,
load average, CPU per request of web, db and Redis, and cache hit and miss modes.

It (re)creates the database `<name>_<mentors>` (--reuse keeps one made earlier) with the job
bench's jobs (--jobs, 10,000) and, with COPY, the mentors and their people: bilingual
profiles of every kind of work, mentoring in one to three languages, meeting online, by
phone or in person at the job bench's places (Chicago's ZIP codes among them); nine in ten
listed, the others paused, full or waiting for review. The signed-in bench seeker asked for
help as an electrician, in Spanish, in person near 60629. It measures the trivial view, the
job list (cache hit and miss), the signed-in job list and the mentors' pages in the same
interleaved rounds: the suggestions warm (the bench seeker's ranking in the cache) and cold
(400 seekers who asked for varied help in turn, on the server where every cache read
misses, so each request ranks as for a new wish). It prints each page's share of each job
list's requests/s (target >= 50%), and EXPLAIN (ANALYZE, BUFFERS) of the ranking queries.
Not a test: it only reports.
"""

import contextlib
import json
import random
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import jobs_search  # noqa: E402
from bench.jobs_search import Page  # noqa: E402

# (industry, Spanish occupation, English occupation, Spanish skills, English skills)
TRADES = [
    ("trades", "electricista", "electrician", "licencia, OSHA 10", "license, OSHA 10"),
    ("trades", "plomero", "plumber", "aprendizaje, licencia", "apprenticeship, license"),
    ("trades", "soldador", "welder", "certificación AWS", "AWS certification"),
    ("construction", "carpintero", "carpenter", "remodelación, presupuestos", "remodeling"),
    ("care", "enfermera", "nurse", "CNA, NCLEX", "CNA, NCLEX"),
    ("food", "cocinero", "cook", "permisos de salud, costos", "health permits, costing"),
    ("office", "contadora", "accountant", "impuestos, ITIN", "taxes, ITIN"),
    ("technology", "programador", "programmer", "portafolio, entrevistas", "portfolio"),
    ("transport", "chofer", "driver", "CDL, logística", "CDL, logistics"),
    ("beauty", "cosmetóloga", "cosmetologist", "licencia, clientela", "license, clients"),
    ("landscaping", "paisajista", "landscaper", "riego, clientes", "irrigation, clients"),
    ("childcare", "maestra", "teacher", "CDA, guardería", "CDA, daycare"),
    ("interpreting", "intérprete", "interpreter", "certificación", "certification"),
]
LANGUAGE_SETS = [["es"], ["es", "en"], ["en"], ["es", "en"], ["pt", "en"], ["ht", "fr", "en"]]
MODE_SETS = [["online"], ["online", "in_person"], ["phone"], ["in_person"], ["online", "phone"]]
ASK = {"goal": "Quiero sacar mi licencia de electricista.", "industry": "trades",
       "skills": "electricista, licencia", "language": "es", "meeting_mode": "in_person",
       "zip_code": "60629"}  # fmt: skip
# Seekers who asked for varied help (kinds of work, words, languages, ways to meet, places):
# the suggestions measured cold go through them in turn, every ranking computed afresh.
ASKERS = 400
MENTOR_PAGES = [
    Page("suggestions, warm", "/es/mentoring/suggestions/", 0.50, cached=False, signed_in=True),
    Page("suggestions, cold", "/es/mentoring/suggestions/", 0.50, cached=False,
         people=tuple(f"bench-asker{n}@example.org" for n in range(ASKERS))),
    Page("mentor list", "/es/mentoring/", 0.50),
    Page("mentors ZIP", "/es/mentoring/?zip=60629&radius=25&language=es", 0.50),
]  # fmt: skip
# The trivial view, the job list (anonymous) and the signed-in job list first.
PAGES = [*jobs_search.PAGES[:2], jobs_search.PAGES[-1], *MENTOR_PAGES]


def copy_mentor_users(count: int) -> list[int]:
    from django.contrib.auth.hashers import make_password

    from apps.accounts.models import User

    prototype = User(password=make_password(None))
    jobs_search.copy_rows(User, prototype, (
        {"email": f"bench-mentor{n}@example.org", "display_name": f"Mentor {n}",
         "preferred_language": ("es", "en")[n % 2]}
        for n in range(count)
    ))  # fmt: skip
    users = User.objects.filter(email__startswith="bench-mentor")
    return list(users.order_by("pk").values_list("pk", flat=True))


def copy_mentors(users: list[int], rng: random.Random, places: list[dict]) -> None:
    """A profile for each person, approved in the order they were (ids follow)."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.mentorship.models import MentorProfile

    now = timezone.now()
    prototype = MentorProfile(hours_per_month=4, capacity=3)

    def rows():
        for n, user_id in enumerate(users):
            industry, job_es, job_en, skills_es, skills_en = rng.choice(TRADES)
            modes = rng.choice(MODE_SETS)
            place = rng.choice(places) if "in_person" in modes else None
            capacity = rng.randint(1, 10)
            state = rng.random()
            approved = now - timedelta(minutes=(len(users) - n) * 7)
            full = 0.90 <= state < 0.94
            yield {
                "user_id": user_id, "created_by_id": user_id,
                "headline": f"{job_es} con experiencia",
                "headline_es": f"{job_es.capitalize()} con experiencia",
                "headline_en": f"Experienced {job_en}",
                "helps_with_es": f"Te ayudo a empezar como {job_es}.",
                "helps_with_en": f"I help you start as a {job_en}.",
                "occupations_es": job_es, "occupations_en": job_en,
                "skills_es": skills_es, "skills_en": skills_en,
                # JSON columns: COPY takes their text
                "industries": json.dumps([industry]),
                "languages": json.dumps(rng.choice(LANGUAGE_SETS)),
                "meeting_modes": json.dumps(modes), "zip_code": place["zip_code"] if place else "",
                "capacity": capacity,
                "active_mentees": capacity if full else rng.randint(0, capacity - 1),
                "pause": "self" if 0.94 <= state < 0.97 else "",
                "status": "pending" if state >= 0.97 else "published",
                "conduct_agreed_at": approved - timedelta(days=1),
                "created_at": approved, "updated_at": approved, "submitted_at": approved,
                "published_at": None if state >= 0.97 else approved,
            }  # fmt: skip

    jobs_search.copy_rows(MentorProfile, prototype, rows())


def generate(jobs: int, mentors: int) -> None:
    from django.db import connection

    from apps.accounts.models import User
    from apps.core.indexing import search_reindex
    from apps.mentorship.models import MentorProfile, MentorSearchEntry, MentorshipAsk

    jobs_search.generate(jobs)
    rng = random.Random(13)
    started = time.monotonic()
    users = copy_mentor_users(mentors)
    with jobs_search.indexes_dropped(MentorProfile._meta.db_table):
        copy_mentors(users, rng, jobs_search.bench_places(rng))
    seeker = User.objects.create_user("bench-seeker@example.org")
    MentorshipAsk.objects.create(user=seeker, **ASK)
    places = jobs_search.bench_places(rng)
    for n in range(ASKERS):
        industry, job_es, job_en, skills_es, _skills_en = rng.choice(TRADES)
        mode = rng.choice(["online", "phone", "in_person", ""])
        MentorshipAsk.objects.create(
            user=User.objects.create_user(f"bench-asker{n}@example.org"),
            goal=f"Quiero trabajar como {job_es}.", industry=rng.choice([industry, ""]),
            skills=rng.choice([job_es, skills_es, f"{job_es}, {skills_es}", job_en, ""]),
            language=rng.choice(["es", "es", "en", "pt", "ht"]), meeting_mode=mode,
            zip_code=rng.choice(places)["zip_code"] if mode == "in_person" else "",
        )  # fmt: skip
    copied = time.monotonic()
    with (
        jobs_search.stemming_each_text_once(),
        jobs_search.indexes_dropped(MentorSearchEntry._meta.db_table),
    ):
        search_reindex()
    indexed = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {mentors:,} mentors ({MentorSearchEntry.objects.count():,} listed) in "
          f"{time.monotonic() - started:.0f} s: COPY {copied - started:.0f} s, search entries "
          f"{indexed - copied:.0f} s", flush=True)  # fmt: skip


def report_mentors(results: dict, args) -> None:
    """Each mentor page's requests/s as a share of each job list's, same run (target >= 50%
    of the anonymous list in the same cache state)."""
    lists = [("signed-in list", "")] + [("job list", mode) for mode in ("hit", "miss")
                                         if ("job list", mode) in results]  # fmt: skip
    print("\nMentor pages / job lists (requests/s, same run), target >= 50%:")
    print(f"  {'page':20} {'cache':5} " + " ".join(f"{f'{n} {m}'.strip():>18}" for n, m in lists))
    for key, result in results.items():
        if key[0] not in {page.name for page in MENTOR_PAGES}:
            continue
        shares = [result["rate"] / results[other]["rate"] for other in lists]
        print(f"  {key[0]:20} {key[1] or '-':5} " + " ".join(f"{share:18.1%}" for share in shares))


def explain_suggestions() -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the suggestions page's queries, signed in as the seeker."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email="bench-seeker@example.org"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(MENTOR_PAGES[0].path)
    assert response.status_code == 200, response.status_code
    print(f"\n=== suggestions: {len(captured)} queries")
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "mentorsearchentry" in query["sql"]:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                print(f"\n{query['sql']}\n" + "\n".join(row for (row,) in cursor.fetchall()))


def time_rankings() -> None:
    """Milliseconds of one uncached ranking, tiered (mentors_ranked) and of every mentor
    (everyone_ranked), medians over the askers' wishes."""
    import statistics

    from apps.mentorship.models import MentorshipAsk
    from apps.mentorship.ranking import everyone_ranked, mentors_ranked

    asks = list(MentorshipAsk.objects.filter(user__email__startswith="bench-"))
    print(f"\n=== one ranking, uncached, medians of {len(asks)} wishes (ms)")
    for ranking in (mentors_ranked, everyone_ranked):
        times = []
        for ask in asks:
            started = time.perf_counter()
            ranking(ask)
            times.append((time.perf_counter() - started) * 1000)
        quartiles = statistics.quantiles(times, n=4)
        print(
            f"  {ranking.__name__:16} median {statistics.median(times):6.1f}  "
            f"quartiles {quartiles[0]:6.1f}-{quartiles[2]:6.1f}  max {max(times):6.1f}"
        )


def main() -> None:
    args = jobs_search.arguments(
        __doc__.split("\n")[0],
        mentors=([20_000], "mentors (one size)"),
        jobs=([10_000], "jobs (one size)"),
    )
    mentors, jobs = args.mentors[0], args.jobs[0]
    url = jobs_search.database_url_for(args.database_url, mentors)
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, url)
        jobs_search.database_prepare(bench, url, partial(generate, jobs, mentors))
        runs = jobs_search.measure_pages(bench, [url], PAGES)[url]
        results = jobs_search.report_size(f"{mentors:,} mentors, {jobs:,} jobs", runs, args)
        report_mentors(results, args)
        explain_suggestions()
        time_rankings()


if __name__ == "__main__":
    main()
