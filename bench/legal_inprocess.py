"""The legal directory's cost per request measured inside one process, for a busy machine where
bench/legal.py's requests/s are noise: the database's time (EXPLAIN ANALYZE of every query
the page runs, planning + execution, median of repeated runs) and this process's CPU time per
request (Django's test client, production settings, a cache that always misses; median of
interleaved requests), for the directory and the directory filtered by service + language +
ZIP radius.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_legalbench \
        .venv/bin/python bench/legal_inprocess.py [--providers 20000] [--requests 300]

It uses (or first makes, with bench/legal.py's generator: no jobs) the database
`<name>_<providers>_inprocess`, and the Redis of REDIS_URL (nothing is written to it: every
cache read misses). Not a test: it only reports.
"""

import argparse
import os
import re
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import jobs_search, legal  # noqa: E402

PAGES = [legal.LEGAL_PAGES[0], legal.LEGAL_PAGES[1]]
SPENT = re.compile(r"(?:Planning|Execution) Time: ([\d.]+)")


def database_times(client, path: str, runs: int) -> list[float]:
    """Milliseconds of each query the page runs: the median of `runs` EXPLAIN ANALYZE."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    medians = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = re.sub(r"^DECLARE .*? FOR ", "", query["sql"])  # a server-side cursor's
            times = []
            for _ in range(runs):
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = "\n".join(row for (row,) in cursor.fetchall())
                times.append(sum(float(ms) for ms in SPENT.findall(plan)))
            medians.append(statistics.median(times))
    return medians


def cpu_times(client, requests: int) -> dict[str, list[float]]:
    """This process's CPU milliseconds of each request, the pages interleaved."""
    for page in PAGES:
        for _ in range(20):  # warm: templates, translations, connections
            client.get(page.path)
    spent: dict[str, list[float]] = {page.name: [] for page in PAGES}
    for _ in range(requests):
        for page in PAGES:
            started = time.process_time()
            client.get(page.path)
            spent[page.name].append((time.process_time() - started) * 1000)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--explains", type=int, default=30)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres") or not os.environ.get("REDIS_URL"):
        raise SystemExit("Set DATABASE_URL (postgres://...) and REDIS_URL.")
    url = jobs_search.database_url_for(base_url, args.providers) + "_inprocess"
    name = url.rsplit("/", 1)[1]
    exists = jobs_search.database_exists(base_url, name)
    if not exists:
        jobs_search.recreate_database(base_url, name)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": jobs_search.SETTINGS, "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_CACHE_URL": os.environ["REDIS_URL"], "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING", "CAMINO_BENCH_CACHE": "miss",
    })  # fmt: skip

    import django
    from django.core.management import call_command
    from django.test import Client

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    if exists:
        call_command("migrate", verbosity=0)
    else:
        legal.generate(0, args.providers)
    print(f"database {name}, load average {os.getloadavg()[0]:.2f}", flush=True)
    client = Client(HTTP_HOST="127.0.0.1")
    for page in PAGES:
        times = database_times(client, page.path, args.explains)
        print(
            f"{page.name:>24}: database {sum(times):5.2f} ms in {len(times)} queries ("
            + ", ".join(f"{ms:.2f}" for ms in times)
            + f"), medians of {args.explains} EXPLAIN ANALYZE"
        )
    for page_name, spent in cpu_times(client, args.requests).items():
        spent.sort()
        quartiles = f"{spent[len(spent) // 4]:.2f}-{spent[3 * len(spent) // 4]:.2f}"
        print(
            f"{page_name:>24}: web CPU {statistics.median(spent):5.2f} ms per request "
            f"(quartiles {quartiles}), median of {args.requests}"
        )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
