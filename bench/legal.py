"""Benchmark of the legal help directory and its HSDS open data API next to the job list, in one
run, and of the HSDS data package's memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_legalbench \
        .venv/bin/python bench/legal.py [--providers 20000] [--export_sizes 2000 20000]

Needs `wrk` and `redis-server`, as bench/jobs_search.py, whose machinery it uses: the same
gunicorn with production settings (bench/settings.py), Redis, client ceiling, interleaved
rounds, medians, spread (min-max), load average, CPU per request of web, db and Redis, and
cache hit and miss modes.

It (re)creates the database `<name>_<providers>` (--reuse keeps one made earlier) with the job
bench's jobs (--jobs, 10,000) and, with COPY, the providers: each its own organization, three
services among the vocabulary's, one place at the job bench's places (the Chicago ZIP codes
among them), so 3 services at locations each (60,000 at 20,000 providers), hours on three
weekdays, a phone, and two or three languages. Then it prints:
- requests/s of the directory, the directory filtered by service + language + ZIP radius and
  the HSDS API's page of 50 services, each as a share of the job list's in the same run
  (target >= 70% for the directory pages);
- the SQL queries of the API's page of 50 services (plain and filtered) at each export size
  (a fixed number: the same at both);
- the peak RSS of the export_hsds command writing the data package to /dev/null at each
  export size (its own child process: its VmHWM), next to a child that only starts Django
  and loads the ZIP code table (a fixed cost): the export streams, so it should not grow
  with the size.
Not a test: it only reports.
"""

import contextlib
import os
import random
import subprocess
import sys
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import jobs_search  # noqa: E402
from bench.jobs_search import Page  # noqa: E402

SERVICES = ["asylum", "daca_renewal", "tps", "work_permit", "wage_theft", "family_petition",
            "naturalization", "consultation", "removal_defense", "tenant_rights"]  # fmt: skip
LANGUAGES = [["es", "en"], ["es", "en", "mam"], ["es", "en", "quc"], ["es", "pt", "en"]]
TYPES = ["legal_aid", "recognized_org", "private_attorney", "law_school_clinic"]
COSTS = ["free", "free", "sliding_scale", "low_fee"]
DESCRIPTION = (
    "Ayuda legal para inmigrantes: permisos de trabajo, asilo y salarios no pagados.",
    "Legal help for immigrants: work permits, asylum and unpaid wages.",
)
PROCESS = ("Llame para hacer una cita.", "Call to make an appointment.")
NEAR = "zip=60629&radius=25"
LEGAL_PAGES = [
    Page("legal directory", "/es/legal/", 0.70),
    Page("legal service+lang+ZIP", f"/es/legal/?service=asylum&language=es&{NEAR}", 0.70),
    Page("HSDS 50 services", "/api/hsds/services?per_page=50", None),
]
PAGES = [*jobs_search.PAGES[:2], *LEGAL_PAGES]  # the trivial view and the job list first
API_PAGES = [
    "/api/hsds/services?per_page=50",
    "/api/hsds/services?per_page=50&service=asylum&language=es&postcode=60629&proximity=40000",
]


def copy_providers(count: int, rng: random.Random, places: list[dict]) -> None:
    """`count` published providers, verified recently, each with its organization, three
    services, a place with hours on three weekdays and a phone."""
    from django.utils import timezone
    from psycopg.types.json import Jsonb

    from apps.legal.models import LegalService, Location, Phone, Provider, Schedule
    from apps.organizations.models import Organization

    now = timezone.now()
    first = Organization.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    legal = Organization(kind=Organization.Kind.LEGAL_SERVICES, status="active")
    jobs_search.copy_rows(Organization, legal, (
        {"name": f"Centro Legal {n}", "slug": f"centro-legal-{n}"} for n in range(count)
    ))  # fmt: skip
    # Read before each COPY: no other query can run on the connection during one.
    organizations = list(
        Organization.objects.filter(pk__gt=first).order_by("pk").values_list("pk", flat=True)
    )
    prototype = Provider(status="published", provider_type="legal_aid", cost="free")

    def providers():
        for organization in organizations:
            verified = now - timedelta(days=rng.randint(1, 300))
            cost = rng.choice(COSTS)
            yield {
                "organization_id": organization, "status": "published",
                "published_at": verified, "verified_at": verified,
                "expires_on": (verified + timedelta(days=365)).date(),
                "description": DESCRIPTION[0], "description_es": DESCRIPTION[0],
                "description_en": DESCRIPTION[1], "application_process": PROCESS[0],
                "application_process_es": PROCESS[0], "application_process_en": PROCESS[1],
                "provider_type": rng.choice(TYPES), "cost": cost,
                "fee_amount": 25 if cost == "low_fee" else None,
                "languages": Jsonb(rng.choice(LANGUAGES)), "walk_in": rng.random() < 0.5,
            }  # fmt: skip

    jobs_search.copy_rows(Provider, prototype, providers())
    keys = list(
        Provider.objects.filter(organization_id__gt=first).order_by("pk").values_list(
            "pk", flat=True
        )
    )  # fmt: skip
    jobs_search.copy_rows(LegalService, LegalService(), (
        {"provider_id": key, "code": code}
        for key in keys for code in rng.sample(SERVICES, 3)
    ))  # fmt: skip
    chosen = {key: rng.choice(places) for key in keys}
    jobs_search.copy_rows(Location, Location(), (
        {"provider_id": key, "name": "Oficina", "address_1": f"{key} Main St",
         "city": place["city"], "state": place["state"], "zip_code": place["zip_code"],
         "time_zone": "America/Chicago"}
        for key, place in chosen.items()
    ))  # fmt: skip
    locations = list(
        Location.objects.filter(provider_id__in=keys).order_by("pk").values_list("pk", flat=True)
    )
    jobs_search.copy_rows(Schedule, Schedule(), (
        {"location_id": location, "weekday": weekday, "opens_at": "09:00",
         "closes_at": "17:00", "attending_type": rng.choice(["walk_in", "appointment"])}
        for location in locations for weekday in rng.sample(range(1, 8), 3)
    ))  # fmt: skip
    jobs_search.copy_rows(Phone, Phone(type="voice"), (
        {"provider_id": key, "number": f"312555{key % 10_000:04d}"} for key in keys
    ))  # fmt: skip


def generate(jobs: int, providers: int) -> None:
    """The job bench's jobs (none if `jobs` is 0), then the providers, then the search
    entries and statistics."""
    from django.core.management import call_command
    from django.db import connection

    from apps.core.indexing import search_reindex
    from apps.legal.models import LegalService, Location, Provider, Schedule

    if jobs:
        jobs_search.generate(jobs)
    else:
        call_command("migrate", verbosity=0)
    rng = random.Random(14)
    started = time.monotonic()
    with jobs_search.indexes_dropped_of(Provider, LegalService, Location, Schedule):
        copy_providers(providers, rng, jobs_search.bench_places(rng))
    copied = time.monotonic()
    with jobs_search.stemming_each_text_once():
        search_reindex()
    indexed = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {providers:,} providers ({3 * providers:,} services at locations) in "
          f"{time.monotonic() - started:.0f} s: COPY and indexes {copied - started:.0f} s, "
          f"search entries {indexed - copied:.0f} s", flush=True)  # fmt: skip


def query_counts() -> list[int]:
    """The SQL queries of each API page, rendered in this process (its cache always misses)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = []
    for path in API_PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts.append(len(captured))
    return counts


# A child that starts Django, runs `work` and prints its peak resident memory (kB). VmHWM of
# /proc, not getrusage: a child's ru_maxrss counts the bench's own memory, copied at the fork
# before the exec.
CHILD = (
    "import django; django.setup(); import apps.legal.export; {work}; "
    "print(next(line.split()[1] for line in open('/proc/self/status') "
    "if line.startswith('VmHWM')))"
)
# The same child without the export, with the US ZIP code table loaded (as the export loads
# it for the places' coordinates): a fixed cost of any process that reads ZIP codes.
BASELINE = "from apps.core.us import locate_zip; locate_zip('60623')"
EXPORT = "from django.core.management import call_command; call_command('export_hsds', '/dev/null')"


def peak_rss(work: str, database_url: str) -> tuple[float, float]:
    """Peak resident memory (MiB) and seconds of a child process running `work`."""
    env = {**os.environ, "DATABASE_URL": database_url}
    started = time.monotonic()
    output = subprocess.run([sys.executable, "-c", CHILD.format(work=work)], cwd=ROOT, env=env,
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    return int(output.split()[-1]) / 1024, time.monotonic() - started


def report_exports(bench, sizes: list[int], urls: dict[int, str]) -> None:
    """At each size: the API page's queries and the export's peak memory."""
    rows = []
    for size in sizes:
        jobs_search.database_prepare(bench, urls[size], partial(generate, 0, size))
        counts = query_counts()
        rss, seconds = peak_rss(EXPORT, urls[size])
        django_rss, _seconds = peak_rss(BASELINE, urls[size])
        rows.append((size, counts, rss, django_rss, seconds))
    print("\nHSDS API page of 50 services (SQL queries: plain, service+language+postcode) and "
          "the data package's export (export_hsds to /dev/null, peak RSS of its process; "
          "Django with the ZIP code table alone for comparison):")  # fmt: skip
    for size, counts, rss, django_rss, seconds in rows:
        print(
            f"  {size:>7,} providers: queries {counts[0]}, {counts[1]};  export peak RSS "
            f"{rss:6.1f} MiB (Django and the ZIP table {django_rss:5.1f} MiB) in {seconds:5.1f} s"
        )
    steady = len({tuple(counts) for _size, counts, *_ in rows}) == 1
    print(f"  query counts the same at every size: {'yes' if steady else 'NO'}; export RSS "
          f"growth {rows[-1][2] - rows[0][2]:+.1f} MiB from {rows[0][0]:,} to "
          f"{rows[-1][0]:,} providers")  # fmt: skip


def main() -> None:
    args = jobs_search.arguments(
        __doc__.split("\n")[0],
        providers=([20_000], "providers (one size)"),
        jobs=([10_000], "jobs (one size)"),
        export_sizes=([2_000, 20_000], "providers at which to count queries and export"),
    )
    providers, jobs = args.providers[0], args.jobs[0]
    load = os.getloadavg()[0]
    print(f"load average at the start {load:.2f}" + (
        " (busy machine: the figures are noisy; run it again on a quiet one)" if load > 1.5
        else ""
    ), flush=True)  # fmt: skip
    url = jobs_search.database_url_for(args.database_url, providers)
    sizes = sorted(set(args.export_sizes))
    export_urls = {size: jobs_search.database_url_for(args.database_url, size) + "_export"
                   for size in sizes}  # fmt: skip
    with contextlib.ExitStack() as stack:
        bench = jobs_search.bench_start(stack, args, url)
        jobs_search.database_prepare(bench, url, partial(generate, jobs, providers))
        runs = jobs_search.measure_pages(bench, [url], PAGES)[url]
        title = f"{providers:,} legal providers ({3 * providers:,} services at locations), " \
                f"{jobs:,} jobs"  # fmt: skip
        results = jobs_search.report_size(title, runs, args)
        jobs_search.report_shares(
            results, LEGAL_PAGES, args,
            "Legal pages / job list (requests/s, same run), target >= 70% for the directory:",
        )  # fmt: skip
        report_exports(bench, sizes, export_urls)
        jobs_search.use_database(url)
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) at {providers:,} providers")
        jobs_search.explain(LEGAL_PAGES[1:])


if __name__ == "__main__":
    main()
