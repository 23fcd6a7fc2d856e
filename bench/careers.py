"""Benchmark of the career pages (a pathway, the credential list filtered by a state's rule and
the training search within a ZIP radius) next to the job list, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_careersbench \
        .venv/bin/python bench/careers.py [--credentials 2000] [--trainings 30000] \
        [--jobs 100000] [--small 200 3000 10000]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn with production settings (bench/settings.py), Redis, client ceiling, interleaved
rounds, medians, spread (min-max), load average, CPU per request of web, db and Redis, and
cache hit and miss modes.

It (re)creates the database `<name>_<jobs>` (--reuse keeps one made earlier) with the job
bench's jobs and, with COPY: the credentials, each with a rule for every one of 50 states
(100,000 rules at 2,000 credentials), and the trainings, each from one of 300 organizations,
at the job bench's places (the Chicago ZIP codes among them) or online, with two start dates
around today. It computes the pay figures once, as the periodic task does. Then it prints:
- requests/s of each career page as a share of the job list's in the same run (target >= 50%);
- the SQL queries of each career page at the full size and at a small one (--small:
  credentials, trainings, jobs): the same at both, since pages run a fixed number;
- EXPLAIN (ANALYZE, BUFFERS) of the career pages' queries.
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

from bench import jobs_search  # noqa: E402
from bench.jobs_search import Page  # noqa: E402

# 50 states: every rule the vocabulary has, drawn for each credential and state.
STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
          "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
          "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"]  # fmt: skip
RULES = ["open", "itin", "ssn", "status"]
KINDS = ["certification", "license", "course"]
FORMATS = ["in_person", "online", "hybrid"]
EXAM_LANGUAGES = [["en"], ["en", "es"], ["en", "es", "zh"], ["en", "vi"]]
NAMES = [("Licencia de electricista", "Electrician license"),
         ("Certificado de soldadura", "Welding certificate"),
         ("Manejo de montacargas", "Forklift operator"),
         ("Seguridad en la construcción", "Construction safety"),
         ("Manipulador de alimentos", "Food handler")]  # fmt: skip
SUMMARY = ("Prepara para trabajos mejor pagados.", "Prepares for better paid jobs.")
NEAR = "zip=60629&radius=25"
CAREER_PAGES = [
    Page("pathway (construction)", "/es/careers/pathways/construction/", 0.50),
    Page("credentials, CA without SSN", "/es/careers/credentials/?state=CA&rule=no_ssn", 0.50),
    Page("trainings near a ZIP", f"/es/careers/trainings/?{NEAR}", 0.50),
]
PAGES = [*jobs_search.PAGES[:2], *CAREER_PAGES]  # the trivial view and the job list first


def copy_credentials(count: int, rng: random.Random) -> None:
    """`count` published credentials, each with a rule for every state."""
    from django.utils import timezone
    from psycopg.types.json import Jsonb

    from apps.certifications.models import Credential, StateRule

    now = timezone.now()
    first = Credential.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    prototype = Credential(published=True, format="in_person", benefit="raises_pay")

    def credentials():
        for n in range(count):
            name_es, name_en = rng.choice(NAMES)
            yield {
                "name": name_es, "name_es": f"{name_es} {n}", "name_en": f"{name_en} {n}",
                "slug": f"bench-credential-{first + n}", "summary": SUMMARY[0],
                "summary_es": SUMMARY[0], "summary_en": SUMMARY[1],
                "kind": rng.choice(KINDS), "issuing_body": "Bench board",
                "official_url": "https://example.org/board",
                "categories": Jsonb(rng.sample(jobs_search.CATEGORIES, 2)),
                "benefit": rng.choice(["required", "raises_pay", "opens_doors"]),
                "exam_cost": rng.randint(0, 400), "course_cost": rng.choice([None, 300, 900]),
                "format": rng.choice(FORMATS),
                "exam_languages": Jsonb(rng.choice(EXAM_LANGUAGES)),
                "published_at": now - timedelta(days=rng.randint(1, 400)),
            }  # fmt: skip

    jobs_search.copy_rows(Credential, prototype, credentials())
    keys = list(Credential.objects.filter(pk__gt=first).values_list("pk", flat=True))
    jobs_search.copy_rows(StateRule, StateRule(), (
        {"credential_id": key, "state": state, "rule": rng.choice(RULES),
         "source_name": "State board", "source_url": "https://example.org/rules",
         "checked_at": now - timedelta(days=rng.randint(1, 500))}
        for key in keys for state in STATES
    ))  # fmt: skip


def copy_trainings(count: int, rng: random.Random, places: list[dict]) -> None:
    """`count` published trainings from 300 organizations, in person at the bench's places
    or online, each with two start dates around today and one or two credentials."""
    from django.utils import timezone
    from psycopg.types.json import Jsonb

    from apps.certifications.models import Credential, Training, TrainingStart
    from apps.organizations.models import Organization

    now = timezone.now()
    today = timezone.localdate()
    first_organization = Organization.objects.order_by("-pk").values_list("pk", flat=True)
    first_organization = first_organization.first() or 0
    jobs_search.copy_rows(Organization, Organization(kind="training", status="active"), (
        {"name": f"Bench school {n}", "slug": f"bench-school-{n}"} for n in range(300)
    ))  # fmt: skip
    organizations = list(
        Organization.objects.filter(pk__gt=first_organization).values_list("pk", flat=True)
    )
    credentials = list(Credential.objects.values_list("pk", flat=True))
    first = Training.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    prototype = Training(status="published", format="in_person", category="construction")

    def trainings():
        for n in range(count):
            online = rng.random() < 0.2
            place = {} if online else rng.choice(places)
            published = now - timedelta(days=rng.randint(1, 300))
            yield {
                "organization_id": rng.choice(organizations),
                "title": f"Curso {n}", "title_es": f"Curso de oficio {n}",
                "title_en": f"Trade course {n}", "summary": SUMMARY[0],
                "summary_es": SUMMARY[0], "summary_en": SUMMARY[1],
                "category": rng.choice(jobs_search.CATEGORIES),
                "format": "online" if online else rng.choice(["in_person", "hybrid"]),
                "languages": Jsonb(rng.choice(EXAM_LANGUAGES)),
                "cost": rng.choice([0, 0, 150, 600, 2400]),
                "city": place.get("city", ""), "state": place.get("state", ""),
                "zip_code": place.get("zip_code", ""),
                "created_at": published, "published_at": published,
                "expires_on": (now + timedelta(days=rng.randint(30, 365))).date(),
            }  # fmt: skip

    jobs_search.copy_rows(Training, prototype, trainings())
    keys = list(Training.objects.filter(pk__gt=first).values_list("pk", flat=True))
    jobs_search.copy_rows(TrainingStart, TrainingStart(), (
        {"training_id": key, "starts_on": today + timedelta(days=days)}
        for key in keys for days in sorted(rng.sample(range(-60, 120), 2))
    ))  # fmt: skip
    links = Training.credentials.through
    jobs_search.copy_rows(links, links(), (
        {"training_id": key, "credential_id": credential}
        for key in keys for credential in rng.sample(credentials, rng.randint(1, 2))
    ))  # fmt: skip


def generate(jobs: int, credentials: int, trainings: int) -> None:
    """The job bench's jobs, then the credentials and trainings, their search entries, the
    pay figures and the statistics."""
    from django.db import connection

    from apps.certifications.models import Credential, StateRule, Training, TrainingStart
    from apps.certifications.pay import pay_figures_refresh
    from apps.core.indexing import search_reindex

    jobs_search.generate(jobs)
    rng = random.Random(15)
    started = time.monotonic()
    with jobs_search.indexes_dropped_of(Credential, StateRule, Training, TrainingStart):
        copy_credentials(credentials, rng)
        copy_trainings(trainings, rng, jobs_search.bench_places(rng))
    copied = time.monotonic()
    with jobs_search.stemming_each_text_once():
        search_reindex(["certifications.credential", "certifications.training"])
    indexed = time.monotonic()
    pay_figures_refresh()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {credentials:,} credentials ({50 * credentials:,} state rules) and "
          f"{trainings:,} trainings in {time.monotonic() - started:.0f} s: COPY and indexes "
          f"{copied - started:.0f} s, search entries {indexed - copied:.0f} s, pay figures "
          f"and VACUUM ANALYZE {time.monotonic() - indexed:.0f} s", flush=True)  # fmt: skip


def query_counts() -> list[int]:
    """The SQL queries of each career page, rendered in this process (its cache always
    misses)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = []
    for page in CAREER_PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        assert response.status_code == 200, (page.path, response.status_code)
        counts.append(len(captured))
    return counts


def main() -> None:
    args = jobs_search.arguments(
        __doc__.split("\n")[0],
        credentials=([2_000], "credentials (one size)"),
        trainings=([30_000], "trainings (one size)"),
        jobs=([100_000], "jobs (one size)"),
        small=([200, 3_000, 10_000], "credentials, trainings and jobs of the small size"),
    )
    sizes = {"full": (args.credentials[0], args.trainings[0], args.jobs[0]),
             "small": tuple(args.small)}  # fmt: skip
    load = os.getloadavg()[0]
    print(f"load average at the start {load:.2f}" + (
        " (busy machine: the figures are noisy; run it again on a quiet one)" if load > 1.5
        else ""
    ), flush=True)  # fmt: skip
    urls = {name: jobs_search.database_url_for(args.database_url, size[2]) + f"_careers_{name}"
            for name, size in sizes.items()}  # fmt: skip
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, urls["full"])
        counts = {}
        for name in ("small", "full"):
            credentials, trainings, jobs = sizes[name]
            jobs_search.database_prepare(
                bench, urls[name], partial(generate, jobs, credentials, trainings)
            )
            counts[name] = query_counts()
        runs = jobs_search.measure_pages(bench, [urls["full"]], PAGES)[urls["full"]]
        credentials, trainings, jobs = sizes["full"]
        title = (f"{credentials:,} credentials ({50 * credentials:,} state rules), "
                 f"{trainings:,} trainings, {jobs:,} jobs")  # fmt: skip
        results = jobs_search.report_size(title, runs, args)
        jobs_search.report_shares(
            results,
            CAREER_PAGES,
            args,
            "Career pages / job list (requests/s, same run), target >= 50%:",
        )
        print("\nSQL queries of each career page (rendered in the bench's process):")
        for n, page in enumerate(CAREER_PAGES):
            print(
                f"  {page.name:<30} small {counts['small'][n]:>3}   full {counts['full'][n]:>3}"
                + ("" if counts["small"][n] == counts["full"][n] else "   GROWS")
            )
        jobs_search.use_database(urls["full"])
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) at {title}")
        jobs_search.explain(CAREER_PAGES)


if __name__ == "__main__":
    main()
