"""Benchmark of the job search under gunicorn, with 100,000 jobs in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino REDIS_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/jobs_search.py [--jobs 100000] [--seconds 10]

It (re)creates the database `camino_bench` (or --database) next to the one DATABASE_URL
names, migrates it, generates the jobs, starts gunicorn with production settings, and
measures requests per second of (a) a trivial Django view, (b) the job list, (c) a search for
a common word, (d) a search for a rare word and (e) a filtered search within a ZIP radius. It
prints each figure and its ratio to (a), against the targets of issue 3. Not a test: it only
reports.
"""

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TITLES = [  # (Spanish, English); "ayudante"/"helper" is the common word
    ("Ayudante de cocina", "Kitchen helper"), ("Ayudante de construcción", "Construction helper"),
    ("Ayudante de almacén", "Warehouse helper"), ("Ayudante general", "General helper"),
    ("Cocinero de línea", "Line cook"), ("Lavaplatos", "Dishwasher"),
    ("Limpieza de oficinas", "Office cleaner"), ("Camarista de hotel", "Hotel housekeeper"),
    ("Jardinero", "Landscaper"), ("Chofer de reparto", "Delivery driver"),
    ("Cuidador de adultos mayores", "Elder caregiver"), ("Niñera", "Nanny"),
    ("Cajero", "Cashier"), ("Manicurista", "Nail technician"), ("Pintor", "Painter"),
    ("Electricista aprendiz", "Apprentice electrician"), ("Plomero", "Plumber"),
    ("Soldador", "Welder"), ("Recepcionista", "Receptionist"), ("Intérprete", "Interpreter"),
    ("Empacador", "Packer"), ("Recolector de fresa", "Strawberry picker"),
    ("Techador", "Roofer"), ("Mesero", "Server"),
]  # fmt: skip
RARE = ("Apicultor", "Beekeeper")  # in a handful of jobs only
DESCRIPTION = (
    "Trabajo estable con un equipo amable. Pago semanal y horario fijo.",
    "Steady work with a friendly team. Weekly pay and a fixed schedule.",
)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    import django

    django.setup()


def recreate_database(base_url: str, name: str) -> str:
    import psycopg

    parts = urlsplit(base_url)
    with psycopg.connect(base_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


def generate(count: int) -> None:
    import zipcodes
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from apps.core.indexing import search_entries
    from apps.jobs.models import Job, JobSearchEntry
    from apps.organizations.models import Organization

    call_command("migrate", verbosity=0)
    rng = random.Random(42)
    organizations = [
        Organization.objects.create(
            name=f"Bench employer {n}", slug=f"bench-{n}", kind="employer", status="active"
        )
        for n in range(50)
    ]
    places = [z for z in zipcodes.list_all() if z["lat"] and z["zip_code_type"] == "STANDARD"]
    places = rng.sample(places, 400) + [z for z in places if z["zip_code"].startswith("606")]
    now = timezone.now()
    batch = []
    started = time.monotonic()
    for n in range(count):
        title_es, title_en = RARE if n % 10_000 == 7 else rng.choice(TITLES)
        place = rng.choice(places)
        pay = rng.randint(15, 30)
        job = Job(
            organization=rng.choice(organizations), status="published",
            title_es=title_es, title_en=title_en,
            description_es=DESCRIPTION[0], description_en=DESCRIPTION[1],
            category=rng.choice(["construction", "food", "warehouse", "cleaning", "care"]),
            employment_type=rng.choice(["full_time", "part_time", "temporary", "contract"]),
            work_authorization=rng.choice(["open", "ead", "required", "unclear"]),
            work_language=rng.choice(["spanish", "basic_english", "fluent_english"]),
            pay_min=pay, pay_max=pay + rng.randint(0, 5), pay_unit="hour", workplace="onsite",
            city=place["city"], state=place["state"], zip_code=place["zip_code"],
            apply_email="jobs@example.org",
            published_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 40)),
            expires_on=(now + timedelta(days=rng.randint(1, 45))).date(),
        )  # fmt: skip
        batch.append(job)
        if len(batch) == 2000 or n == count - 1:
            Job.objects.bulk_create(batch)
            JobSearchEntry.objects.bulk_create(map(search_entries["jobs.job"].entry_for, batch))
            batch = []
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE jobs_job")
        cursor.execute("VACUUM ANALYZE jobs_jobsearchentry")
    print(f"generated {count:,} jobs in {time.monotonic() - started:.0f} s")


def start_gunicorn(database_url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def measure(url: str, seconds: float, concurrency: int) -> float:
    """Requests per second that `concurrency` clients get for `url` (every one must be 200)."""
    deadline = time.monotonic() + seconds
    done = [0] * concurrency
    errors = []

    def client(slot: int) -> None:
        opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())
        while time.monotonic() < deadline:
            with opener.open(url, timeout=30) as response:
                response.read()
                if response.status != 200:
                    errors.append(response.status)
            done[slot] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(client, range(concurrency)))
    if errors:
        raise SystemExit(f"{url}: {len(errors)} responses were not 200")
    return sum(done) / (time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5, help="per case and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    parser.add_argument("--database", default="camino_bench", help="the database to (re)create")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (postgres://...).")

    if args.reuse:
        database_url = (
            urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{args.database}").geturl()
        )
        setup_django(database_url)
    else:
        database_url = recreate_database(os.environ["DATABASE_URL"], args.database)
        setup_django(database_url)
        generate(args.jobs)

    server = start_gunicorn(database_url, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    cases = [
        ("a", "trivial Django view", "/favicon.ico", None),
        ("b", "job list", "/es/jobs/", 0.05),
        ("c", "search, common word", "/es/jobs/?q=ayudante", 0.50),
        ("d", "search, rare word", "/es/jobs/?q=apicultor", 0.70),
        ("e", "filtered, ZIP radius",
         "/es/jobs/?q=cocinero&authorization=open&zip=60629&radius=25", 0.70),
    ]  # fmt: skip
    try:
        for _label, _name, path, _target in cases:  # warm up every worker and cache
            measure(base + path, 1, args.concurrency)
        # Rounds that go through every case in turn, so that drift in the machine's speed
        # touches all cases alike; each figure is the median of its rounds.
        samples = {label: [] for label, *_ in cases}
        for _round in range(args.rounds):
            for label, _name, path, _target in cases:
                samples[label].append(measure(base + path, args.seconds, args.concurrency))
        rates = {label: statistics.median(values) for label, values in samples.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.jobs:,} jobs, gunicorn {args.workers} workers, {args.concurrency} clients, "
          f"median of {args.rounds} rounds of {args.seconds:.0f} s")  # fmt: skip
    print(f"{'':3} {'page':24} {'req/s':>8} {'vs (a)':>8}   target")
    for label, name, _path, target in cases:
        ratio = rates[label] / rates["a"]
        if target is None:
            verdict = ""
        elif label == "b":
            verdict = f"(b) >= {target:.0%} of (a): {'met' if ratio >= target else 'MISSED'}"
        else:
            of_b = rates[label] / rates["b"]
            verdict = (f"({label}) >= {target:.0%} of (b): {of_b:.0%} "
                       f"{'met' if of_b >= target else 'MISSED'}")  # fmt: skip
        print(f"({label}) {name:24} {rates[label]:8.1f} {ratio:8.1%}   {verdict}")


if __name__ == "__main__":
    threading.excepthook = lambda args: print(args.exc_value, file=sys.stderr)
    main()
