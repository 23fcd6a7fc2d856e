"""Benchmark of a curator's import of a 10,000-row jobs spreadsheet (issue 16's target: under
a minute, a fixed number of SQL queries per batch).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino REDIS_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/imports.py [--rows 10000] [--small 1000]

It (re)creates the database `camino_import_bench` with production settings, 20 organizations
and a curator, writes a jobs CSV of --rows rows (two languages, descriptions of a few hundred
characters, the Chicago area's ZIP codes) and one of --small rows, and for each file times, as
the pages run them: the dry run (apps.curation.import_services.import_file_check: read, check every
row, keep the file and its report), the confirmed import published directly (one transaction:
jobs, audit entries, search entries; the worker's task, run here), and the same file's dry run
again (every row unchanged).
It prints seconds, rows/s and SQL queries of each, and the queries per batch of
settings.CURATION_IMPORT_BATCH rows from the two sizes (the difference over the difference in
batches: the same at any size when the cost of a batch does not grow). Not a test: it only
reports.
"""

import argparse
import csv
import io
import os
import random
import secrets
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.jobs_search import recreate_database  # noqa: E402

HEADER = [
    "external_id", "organization", "title_es", "title_en", "description_es", "description_en",
    "category", "employment_type", "work_authorization", "work_language", "pay_min", "pay_max",
    "pay_unit", "city", "state", "zip_code", "apply_email",
]  # fmt: skip
TITLES = [
    ("Cocinero de línea", "Line cook"), ("Ayudante de cocina", "Kitchen helper"),
    ("Limpieza de oficinas", "Office cleaner"), ("Jardinero", "Landscaper"),
    ("Chofer de reparto", "Delivery driver"), ("Cuidador de adultos mayores", "Elder caregiver"),
    ("Pintor", "Painter"), ("Ayudante de plomero", "Plumber's helper"),
]  # fmt: skip
ZIPS = ["60623", "60608", "60629", "60632", "60609", "60639", "60647", "60618"]
# Descriptions are a few of these sentences each, in a random order.
SENTENCES = [
    ("Buscamos una persona responsable para un equipo pequeño.",
     "We are looking for a reliable person for a small team."),
    ("Horario de lunes a viernes, de 7 a 3.", "Monday to Friday, 7 to 3."),
    ("Capacitación pagada el primer mes.", "Paid training the first month."),
    ("Equipo de protección incluido.", "Protective equipment included."),
    ("No se necesita experiencia previa.", "No experience needed."),
    ("Se habla español en el trabajo.", "Spanish is spoken at work."),
    ("Pago semanal por depósito o cheque.", "Paid weekly by deposit or check."),
    ("Hay que levantar hasta 50 libras.", "You lift up to 50 pounds."),
    ("Turnos de fin de semana disponibles.", "Weekend shifts available."),
    ("Transporte desde la estación Pulaski.", "A ride from the Pulaski station."),
    ("Contrato independiente con ITIN.", "Independent contract with an ITIN."),
    ("Aumento a los tres meses.", "A raise after three months."),
]  # fmt: skip


def jobs_csv(rows: int, prefix: str, organizations: list[str]) -> bytes:
    rng = random.Random(rows)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for number in range(rows):
        title_es, title_en = rng.choice(TITLES)
        sentences = rng.sample(SENTENCES, 6)
        pay = rng.randint(15, 24)
        writer.writerow([
            f"{prefix}-{number}", rng.choice(organizations), f"{title_es} {number}",
            f"{title_en} {number}", " ".join(es for es, _en in sentences),
            " ".join(en for _es, en in sentences),
            rng.choice(["food", "cleaning", "landscaping", "construction"]),
            rng.choice(["full_time", "part_time", "temporary"]),
            rng.choice(["open", "ead", "required", "unclear"]),
            rng.choice(["spanish", "basic_english"]), pay, pay + 2, "hour", "Chicago", "IL",
            rng.choice(ZIPS), "empleo@example.org",
        ])  # fmt: skip
    return out.getvalue().encode()


@contextmanager
def counted():
    """Counts the SQL queries run inside it: yields a list whose first item is the count."""
    from django.db import connection

    count = [0]

    def wrapper(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield count


def measure(label: str, rows: int, action) -> tuple[float, int, object]:
    with counted() as queries:
        started = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - started
    print(f"  {label:<34} {seconds:7.2f} s  {rows / seconds:8,.0f} rows/s  {queries[0]:6,} queries")
    return seconds, queries[0], result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()

    base_url = os.environ["DATABASE_URL"]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=recreate_database(base_url, "camino_import_bench"),
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        EMAIL_HOST_USER="bench",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.utils import translation

    from apps.accounts.models import User
    from apps.core.roles import CURATORS_GROUP
    from apps.curation.import_services import import_file_check, import_file_confirm
    from apps.jobs.models import Job, JobSearchEntry
    from apps.organizations.models import Organization
    from portal.celery import app

    # The worker's import runs here, right after the confirmation commits (as a worker
    # would run it), so that it is timed and its queries counted.
    app.conf.task_always_eager = True
    call_command("migrate", verbosity=0)
    curator = User.objects.create_user(email="curator@example.org", is_staff=True)
    curator.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    slugs = [f"bench-organization-{number}" for number in range(20)]
    for slug in slugs:
        Organization.objects.create(name=slug, slug=slug, status=Organization.Status.ACTIVE)
    batch = settings.CURATION_IMPORT_BATCH
    load = os.getloadavg()
    print(f"jobs import, batches of {batch} rows; load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f} on {os.cpu_count()} CPUs (other work on the machine counts)")  # fmt: skip
    confirmed = {}
    for rows, prefix in ((args.small, "small"), (args.rows, "full")):
        content = jobs_csv(rows, prefix, slugs)
        print(f"{rows:,} rows ({len(content) / 1e6:.1f} MB)")

        def check(content=content, name=f"{prefix}.csv"):
            return import_file_check(
                actor=curator, kind="jobs", file_name=name, content=content, publish=True
            )

        with translation.override("en"):
            ContentType.objects.clear_cache()  # each size starts from the same caches
            _s, _q, import_file = measure("dry run", rows, check)
            assert import_file.report["counts"]["created"] == rows, import_file.report["errors"][:3]
            seconds, queries, _r = measure(
                "import, published directly", rows,
                lambda import_file=import_file: import_file_confirm(
                    actor=curator, import_file=import_file, sha256=import_file.sha256
                ),
            )  # fmt: skip
            confirmed[rows] = (queries, -(-rows // batch), seconds)
            _s, _q, again = measure("the same file again (dry run)", rows, check)
            assert again.report["counts"]["skipped"] == rows
    (small_q, small_b, _t), (full_q, full_b, full_t) = confirmed[args.small], confirmed[args.rows]
    per_batch = (full_q - small_q) / (full_b - small_b)
    print(f"queries per batch of the import: {per_batch:g} ({small_q} queries for {small_b} "
          f"batches, {full_q} for {full_b}; the rest is the import's own)")  # fmt: skip
    jobs, entries = Job.objects.count(), JobSearchEntry.objects.count()
    print(f"{args.rows:,} rows imported in {full_t:.1f} s (target: under 60 s); "
          f"{jobs:,} jobs, {entries:,} search entries")  # fmt: skip


if __name__ == "__main__":
    main()
