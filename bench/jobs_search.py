"""Benchmark of the job list and search under gunicorn, measured with wrk, at several sizes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/camino_bench \
        .venv/bin/python bench/jobs_search.py --jobs 10000 100000 1000000

Needs `wrk` (Debian/Ubuntu: `apt-get install wrk`; macOS: `brew install wrk`) and
`redis-server` (`apt-get install redis-server`) on the PATH; it refuses to run without them.

For each size it (re)creates the database `<name>_<size>` next to the one DATABASE_URL names
(--reuse keeps one made earlier) and generates the jobs (COPY, then one rebuild of the search
entries and of the indexes). Then it starts, all on 127.0.0.1:
- its own Redis (cache and broker), to read the cache's hits and misses and its CPU time;
- for each size, gunicorn with production settings and 2 sync workers (bench/settings.py:
  Camino's URLs plus a trivial view returning "ok" through the whole middleware stack),
  twice: one as in production, one where every cache key is unique but the page cache's
  generation counters (CAMINO_BENCH_CACHE=miss, bench/cache.py), so anonymous pages are
  measured on a cache hit and on a miss; each size has its own cache;
- a tiny asyncio server (bench/static_server.py) answering a few bytes: what wrk reaches
  against it is the client's ceiling, which must be at least 3x the trivial view's rate.
Then `wrk -t1 -c4` runs every page at every size once per round, a page at each size one
right after the other, for several rounds: drift in the machine's speed (another machine on
the same host, say) then touches every size alike, and the growth from one size to the next
compares runs made seconds apart. Per size, the bench prints per page the median requests/s
with its spread (min-max), the ratio to the target's reference page, the CPU time per request
of the gunicorn workers, their PostgreSQL backends and Redis (from /proc/<pid>/stat before
and after each run, divided by the requests wrk made), the load average and the CPU the host
stole. Then a table across sizes with the growth of CPU per request, and EXPLAIN (ANALYZE,
BUFFERS) of the queries of the list, a common word and the work-authorization filter, at
100,000 jobs when that size ran (the size the targets are set at), else at the largest. Not a
test: it only reports, and stops by itself.
"""

import argparse
import contextlib
import itertools
import json
import math
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from functools import cache, partial
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
# The rare word is in RARE_JOBS jobs at every size, spread evenly through time: its page
# shows the same cards (a full page and a second one) whatever the size, so that what it
# measures is finding a few jobs among many, not drawing more cards.
RARE = ("Apicultor", "Beekeeper")
RARE_JOBS = 30
DESCRIPTION = (
    "Trabajo estable con un equipo amable. Pago semanal y horario fijo.",
    "Steady work with a friendly team. Weekly pay and a fixed schedule.",
)
WORKPLACES = ["onsite"] * 8 + ["hybrid", "remote"]
CATEGORIES = ["construction", "food", "warehouse", "cleaning", "care"]
TYPES = ["full_time", "part_time", "temporary", "contract"]
SETTINGS = "bench.settings"
THREADS, CONNECTIONS = 1, 4
CEILING_FACTOR = 3  # the client must reach 3x the trivial view against a static response
GROWTH_TARGET = 0.20  # CPU per request from one size to the next
REDIS_DATABASES = 16  # Redis's default: the broker's, then a cache per database measured


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    target: float | None = None  # at least this share of the reference page's rate
    of: str = "list"  # the reference: "list" or "trivial"
    cached: bool = True  # an anonymous page: measured on a cache hit and on a miss
    signed_in: bool = False
    # Who a signed-in page is signed in as (a curator, for staff pages).
    who: str = "bench-seeker@example.org"
    # Signed in as each of these people in turn (emails), on the server where every cache
    # read misses: a page measured cold for varied people (needs --cache both or miss).
    people: tuple[str, ...] = ()


# Each filter alone must cost at most a little more than the list (>= 70% of its rate).
SINGLE_FILTERS = {
    "work authorization": "authorization=open", "category": "category=food",
    "type": "type=part_time", "workplace": "workplace=remote", "language": "language=spanish",
    "min pay": "min_pay=20", "posted": "posted=7", "ZIP radius": "zip=60629&radius=25",
}  # fmt: skip
PAGES = [
    Page("trivial Django view", "/bench/ok", cached=False),
    Page("job list", "/es/jobs/", 0.10, of="trivial"),
    Page("common word", "/es/jobs/?q=ayudante", 0.50),
    Page("rare word", "/es/jobs/?q=apicultor", 0.70),
    *(Page(name, f"/es/jobs/?{query}", 0.70) for name, query in SINGLE_FILTERS.items()),
    Page("ZIP nearest first", "/es/jobs/?zip=60629&radius=25&sort=nearest", 0.70),
    Page("keyword+label+ZIP", "/es/jobs/?q=cocinero&authorization=open&zip=60629&radius=25", 0.7),
    Page("common word+label", "/es/jobs/?q=ayudante&authorization=open", 0.70),
    Page("page 50", "/es/jobs/?page=50", 0.70),
    Page("signed-in list", "/es/jobs/", 0.70, cached=False, signed_in=True),
]
EXPLAINED = ["job list", "common word", "work authorization"]
EXPLAINED_AT = 100_000  # jobs: the size the targets are set at


# --- the database -----------------------------------------------------------------------------


def database_url_for(base_url: str, size: int) -> str:
    parts = urlsplit(base_url)
    return parts._replace(path=f"{parts.path}_{size}").geturl()


def server_connection(base_url: str):
    """A connection to the server's `postgres` database (the one named may not exist yet)."""
    import psycopg

    return psycopg.connect(urlsplit(base_url)._replace(path="/postgres").geturl(), autocommit=True)


def recreate_database(base_url: str, name: str) -> str:
    """Drop and create the database `name` on the server of `base_url`; returns its URL."""
    parts = urlsplit(base_url)
    with server_connection(base_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


def use_database(url: str) -> None:
    """Point this process's Django connection at another database of the same server."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = urlsplit(url).path.lstrip("/")


@contextlib.contextmanager
def indexes_dropped(table: str):
    """Drop a table's indexes (but those of its constraints) for a bulk load, and build each
    once afterwards: much faster than keeping them up to date row by row."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN"
            " (SELECT conname FROM pg_constraint WHERE conindid <> 0)",
            [table],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)


@contextlib.contextmanager
def indexes_dropped_of(*models):
    """indexes_dropped for the tables of several models at once."""
    with contextlib.ExitStack() as dropped:
        for model in models:
            dropped.enter_context(indexes_dropped(model._meta.db_table))
        yield


def copy_rows(model, prototype, rows) -> None:
    """Write rows of `model` with COPY: each row a dict of the columns (attnames) it sets;
    the others keep the values `prototype` (a new, unsaved instance) has, Camino's own
    defaults, so the bench follows the model as it changes."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    template = [f.get_db_prep_save(f.pre_save(prototype, True), connection) for f in fields]
    position = {f.attname: n for n, f in enumerate(fields)}
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as copy,
    ):
        for values in rows:
            row = template.copy()
            for name, value in values.items():
                row[position[name]] = value
            copy.write_row(row)


def copy_jobs(count: int, rng: random.Random, organizations: list, places: list[dict]) -> None:
    """Write `count` published jobs with COPY."""
    from django.utils import timezone

    from apps.jobs.models import Job

    prototype = Job(organization=organizations[0], status="published", pay_unit="hour",
                    apply_email="jobs@example.org")  # fmt: skip
    now = timezone.now()
    # Jobs are written in the order they were published, as Camino writes them (a job's
    # search entry is written when it is published): the tables' rows lie in that order.
    minutes_ago = sorted((rng.randint(0, 60 * 24 * 40) for _ in range(count)), reverse=True)

    rare = {(2 * k + 1) * count // (2 * RARE_JOBS) for k in range(RARE_JOBS)}

    def rows():
        for n in range(count):
            title_es, title_en = RARE if n in rare else rng.choice(TITLES)
            place = rng.choice(places)
            pay = rng.randint(15, 30)
            published = now - timedelta(minutes=minutes_ago[n])
            yield {
                "organization_id": rng.choice(organizations).pk,
                "title": title_es, "title_es": title_es, "title_en": title_en,
                "description": DESCRIPTION[0], "description_es": DESCRIPTION[0],
                "description_en": DESCRIPTION[1],
                "category": rng.choice(CATEGORIES),
                "employment_type": rng.choice(TYPES),
                "work_authorization": rng.choice(["open", "ead", "required", "unclear"]),
                "work_language": rng.choice(["spanish", "basic_english", "fluent_english"]),
                "workplace": rng.choice(WORKPLACES),
                "pay_min": Decimal(pay), "pay_max": Decimal(pay + rng.randint(0, 5)),
                "city": place["city"], "state": place["state"], "zip_code": place["zip_code"],
                "created_at": published, "updated_at": published, "published_at": published,
                "expires_on": (now + timedelta(days=rng.randint(1, 45))).date(),
            }  # fmt: skip

    copy_rows(Job, prototype, rows())


def bench_places(rng: random.Random) -> list[dict]:
    """The places of the bench's listings: 400 ZIP codes drawn across the country, and every
    ZIP code of Chicago's south west side (606..), where the ZIP filters search."""
    import zipcodes

    places = [z for z in zipcodes.list_all() if z["lat"] and z["zip_code_type"] == "STANDARD"]
    return rng.sample(places, 400) + [z for z in places if z["zip_code"].startswith("606")]


@contextlib.contextmanager
def stemming_each_text_once():
    """The bench's jobs share a few titles, one description and a few hundred cities: stem
    each distinct text once while indexing instead of once per job."""
    from apps.core import indexing

    document = indexing.document

    @cache
    def stemmed(texts: tuple) -> str:
        return document({language: list(parts) for language, parts in texts})

    indexing.document = lambda texts: stemmed(tuple((k, tuple(v)) for k, v in texts.items()))
    try:
        yield
    finally:
        indexing.document = document


def generate(count: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from apps.core.indexing import search_entries, search_reindex
    from apps.jobs.models import Job
    from apps.organizations.models import Organization

    call_command("migrate", verbosity=0)
    rng = random.Random(42)
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Bench employer {n}", slug=f"bench-{n}", kind="employer",
                     status="active")
        for n in range(50)
    )  # fmt: skip
    places = bench_places(rng)
    started = time.monotonic()
    with indexes_dropped(Job._meta.db_table):
        copy_jobs(count, rng, organizations, places)
    copied = time.monotonic()
    with (
        stemming_each_text_once(),
        indexes_dropped(search_entries["jobs.job"].entry._meta.db_table),
    ):
        search_reindex()
    indexed = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {count:,} jobs in {time.monotonic() - started:.0f} s: COPY and indexes "
          f"{copied - started:.0f} s, search entries {indexed - copied:.0f} s, VACUUM ANALYZE "
          f"{time.monotonic() - indexed:.0f} s", flush=True)  # fmt: skip


def database_exists(base_url: str, name: str) -> bool:
    with server_connection(base_url) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def signed_in_cookie(email: str = "bench-seeker@example.org") -> str:
    """The session cookie of a person the bench signs in (the same secret key as gunicorn's)."""
    from django.conf import settings
    from django.test import Client

    from apps.accounts.models import User

    user = User.objects.filter(email=email).first() or User.objects.create_user(email)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


# --- the servers and what they cost ------------------------------------------------------------


def environment(
    database_url: str, redis_port: int, secret: str, cache: str, cache_db: int = 1
) -> dict:
    """Production settings on the bench's Redis: the broker in its database 0, the cache in
    `cache_db` (a server per database measured, so that no size reads another's pages)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DJANGO_SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "REDIS_CACHE_URL": f"redis://127.0.0.1:{redis_port}/{cache_db}",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "CAMINO_BENCH_CACHE": cache,
    }


def start(stack: contextlib.ExitStack, command: list[str], **options) -> subprocess.Popen:
    """Start a server that the stack stops (on any exit of the bench)."""
    process = subprocess.Popen(command, cwd=ROOT, **options)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    stack.callback(stop)
    return process


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise SystemExit(f"the server for {url} exited")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def start_gunicorn(stack, port: int, workers: int, env: dict) -> subprocess.Popen:
    server = start(stack, [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind",
                           f"127.0.0.1:{port}", "--workers", str(workers), "--log-level",
                           "warning"], env=env)  # fmt: skip
    wait_until_up(f"http://127.0.0.1:{port}/bench/ok", server)
    return server


TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (state is [0], ppid [1])."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process has exited
        return []


def cpu_seconds(pids) -> dict[int, float]:
    """User plus system CPU time of each process still running."""
    return {pid: (int(f[11]) + int(f[12])) / TICK for pid in pids if (f := _stat(pid))}


def process_tree(root: int) -> list[int]:
    children = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(entry.name)):
            children[int(fields[1])].append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        tree.append(pid := todo.pop())
        todo.extend(children[pid])
    return tree


def database_backends(name: str) -> list[int]:
    """The PostgreSQL backends serving the database `name` (the workers'), but this
    process's."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
            [name],
        )
        return [pid for (pid,) in cursor.fetchall()]


def machine_ticks() -> tuple[int, int]:
    """The machine's CPU time so far, in clock ticks, as (stolen, all) from /proc/stat's
    first line: what a hypervisor gave other machines while this one had work (steal) and
    everything counted (user, nice, system, idle, iowait, irq, softirq, steal)."""
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:9]]
    return ticks[7], sum(ticks)


def stolen_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    """The share of the machine's CPU time stolen between two machine_ticks() readings: a
    host that lends this machine's cores to others makes every figure slower and noisier,
    the more so the higher this is."""
    counted = after[1] - before[1]
    return (after[0] - before[0]) / counted if counted > 0 else 0.0


@dataclass
class Meter:
    """Reads the CPU time of the web server, the database and Redis, and Redis's hits and
    misses, before and after a run."""

    redis_pid: int
    redis: object  # a redis.Redis client of the bench's Redis

    def read(self, run: "Run") -> dict:
        stats = self.redis.info("stats")
        return {
            "web": cpu_seconds(process_tree(run.server.pid)),
            "db": cpu_seconds(database_backends(urlsplit(run.database).path.lstrip("/"))),
            "redis": cpu_seconds([self.redis_pid]),
            "hits": stats["keyspace_hits"],
            "misses": stats["keyspace_misses"],
        }


def spent(before: dict, after: dict) -> dict[str, float]:
    """What a run cost: CPU seconds of each part (a process started during the run counts
    from its start), and the cache's hits and misses."""
    used = {
        part: sum(seconds - before[part].get(pid, 0.0) for pid, seconds in after[part].items())
        for part in ("web", "db", "redis")
    }
    return {**used, **{count: after[count] - before[count] for count in ("hits", "misses")}}


# --- measuring ---------------------------------------------------------------------------------


# wrk's script for a page signed in as several people in turn (`cookies`, a Lua list).
COOKIES_LUA = """
local cookies = {%s}
local n = 0
request = function()
  n = n %% #cookies + 1
  return wrk.format(nil, nil, {["Cookie"] = cookies[n]})
end
"""


def wrk(url: str, seconds: float, cookie: str = "", cookies: tuple = ()) -> tuple[int, float]:
    """Requests made and requests per second; every response must be a 2xx or 3xx (the pages
    are checked to answer 200 before)."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds:g}s", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if cookies:
        script = Path(tempfile.gettempdir()) / f"camino-bench-{os.getpid()}.lua"
        script.write_text(COOKIES_LUA % ", ".join(json.dumps(each) for each in cookies))
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if failed := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise SystemExit(f"{url}: {failed[1]} responses were errors")
    if (errors := re.search(r"Socket errors: .*timeout (\d+)", output)) and int(errors[1]):
        print(f"  warning: {errors[1]} requests to {url} timed out", flush=True)
    return int(re.search(r"(\d+) requests in", output)[1]), float(
        re.search(r"Requests/sec:\s+([\d.]+)", output)[1]
    )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an error here: the bench would measure the wrong page


def check_page(url: str, cookie: str) -> None:
    """The page answers 200 and, signed in or not, as that person."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}, not 200") from None
    if (b"/accounts/logout/" in body) != bool(cookie):
        raise SystemExit(f"{url}: the page is not {'signed in' if cookie else 'anonymous'}")


@dataclass
class Run:
    """One page on one server: `cache` is "hit" or "miss" for anonymous pages."""

    page: Page
    cache: str
    url: str
    server: subprocess.Popen
    database: str = ""  # its URL (none for the client ceiling's)
    cookie: str = ""
    cookies: tuple = ()  # signed in as each in turn (Page.people)
    samples: list[dict] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return self.page.name, self.cache


def measure(runs: list[Run], meter: Meter, rounds: int, seconds: float) -> None:
    """Rounds that go through every run in turn, so that drift in the machine's speed touches
    all pages alike."""
    for run in runs:  # warm up every worker, connection and cache
        check_page(run.url, run.cookie or (run.cookies[0] if run.cookies else ""))
        wrk(run.url, 1, run.cookie, run.cookies)
    for number in range(rounds):
        print(f"  round {number + 1} of {rounds}, load average {os.getloadavg()[0]:.2f}",
              flush=True)  # fmt: skip
        for run in runs:
            load = os.getloadavg()[0]
            before, ticks = meter.read(run), machine_ticks()
            requests, rate = wrk(run.url, seconds, run.cookie, run.cookies)
            stolen = stolen_share(ticks, machine_ticks())
            used = spent(before, meter.read(run))
            run.samples.append(
                {"rate": rate, "requests": requests, "load": load, "stolen": stolen, **used}
            )


# --- reporting ---------------------------------------------------------------------------------

CEILING = Page("client ceiling (static)", "/", cached=False)
TRIVIAL = (PAGES[0].name, "")


def summary(run: Run) -> dict:
    samples = run.samples

    def per_request(part: str) -> float:
        # No request finished in a round (a page slower than the round): not a number.
        return statistics.median(
            sample[part] / sample["requests"] if sample["requests"] else math.nan
            for sample in samples
        )

    rates = [sample["rate"] for sample in samples]
    return {
        "rate": statistics.median(rates), "low": min(rates), "high": max(rates),
        **{part: 1000 * per_request(part) for part in ("web", "db", "redis")},
        "cpu": 1000 * statistics.median(
            (s["web"] + s["db"] + s["redis"]) / s["requests"] if s["requests"] else math.nan
            for s in samples
        ),
        "hits": per_request("hits"), "misses": per_request("misses"),
        "loads": [sample["load"] for sample in samples],
        "stolen": [sample["stolen"] for sample in samples],
    }  # fmt: skip


def reference(page: Page, cache: str, results: dict) -> tuple[str, str] | None:
    """The figure a page's target is a share of: the trivial view, or the list in the same
    cache state (a page that is never cached, or measured cold, compares with the list on a
    miss)."""
    if page.target is None:
        return None
    if page.of == "trivial":
        return TRIVIAL
    list_key = ("job list", cache if cache in ("hit", "miss") else "miss")
    return list_key if list_key in results else ("job list", "hit")


def ratio(page: Page, cache: str, results: dict) -> tuple[float, str, bool] | None:
    """The page's share of its reference, the reference's name, and whether it is met."""
    key = reference(page, cache, results)
    if key is None:
        return None
    share = results[page.name, cache]["rate"] / results[key]["rate"]
    return share, "trivial" if key == TRIVIAL else f"list {key[1]}", share >= page.target


def report_size(title: str, runs: list[Run], args) -> dict:
    results = {run.key: summary(run) for run in runs}
    loads = [load for result in results.values() for load in result["loads"]]
    stolen = [share for result in results.values() for share in result["stolen"]]
    print(f"\n{title}: gunicorn {args.workers} sync workers, wrk -t{THREADS} "
          f"-c{CONNECTIONS}, medians of {args.rounds} interleaved rounds of {args.seconds:g} s; "
          f"load average {min(loads):.2f}-{max(loads):.2f} (median "
          f"{statistics.median(loads):.2f}); CPU stolen by the host {min(stolen):.0%}-"
          f"{max(stolen):.0%} (median {statistics.median(stolen):.0%})")  # fmt: skip
    print(f"{'page':24} {'cache':5} {'req/s':>8} {'(min-max)':>17}  {'ratio':>20} {'target':>7}"
          f"  {'CPU ms/req':>10} {'= web + db + redis':>20}  cache hits, misses/req")  # fmt: skip
    for run in runs:
        result = results[run.key]
        shown = ratio(run.page, run.cache, results)
        if run.page is CEILING:
            factor = result["rate"] / results[TRIVIAL]["rate"]
            share = f"{factor:.1f}x trivial"
            verdict = f">= {CEILING_FACTOR}x " + ("met" if factor >= CEILING_FACTOR else "MISSED")
        elif shown:
            share = f"{shown[0]:.1%} of {shown[1]}"
            verdict = f">= {run.page.target:.0%} " + ("met" if shown[2] else "MISSED")
        else:
            share = verdict = ""
        print(f"{run.page.name:24} {run.cache or '-':5} {result['rate']:8,.0f} "
              f"({result['low']:7,.0f}-{result['high']:7,.0f})  {share:>20} {verdict:>12} "
              f"{result['cpu']:5.2f} = {result['web']:5.2f} + {result['db']:5.2f} + "
              f"{result['redis']:4.2f}   {result['hits']:.1f}, {result['misses']:.1f}")  # fmt: skip
    if results[CEILING.name, ""]["rate"] < CEILING_FACTOR * results[TRIVIAL]["rate"]:
        print(f"The client reaches less than {CEILING_FACTOR}x the trivial view: the figures "
              "above measure the client, not Camino.")  # fmt: skip
    return results


def report_shares(results: dict, pages: list[Page], args, heading: str) -> None:
    """Each page's share of the job list's requests/s in the same run (a bench of another
    type's pages next to the list), in each cache state; a page that is never cached (signed
    in) compares with the list on a miss. A page without a target is only shown."""
    modes = ["hit", "miss"] if args.cache == "both" else [args.cache]
    print(f"\n{heading}")
    for page in pages:
        for mode in modes if page.cached else [""]:
            share = results[page.name, mode]["rate"] / results["job list", mode or "miss"]["rate"]
            verdict = "" if page.target is None else ("met" if share >= page.target else "MISSED")
            label = f"cache {mode}" if mode else "signed in, vs the list on a miss"
            print(f"  {page.name:24} {label:32} {share:6.1%}  {verdict}")


def report_growth(sizes: list[int], by_size: dict[int, dict], runs: list[Run]) -> None:
    """Per page, at each size: requests/s, ratio to its reference, CPU ms per request; then
    how much the CPU per request grew from each size to the next."""
    print("\nAt each size: requests/s, ratio to the reference, CPU ms per request (web + db + "
          f"redis); growth of CPU per request from each size to the next (target <= "
          f"{GROWTH_TARGET:.0%})")  # fmt: skip
    print(f"{'page':24} {'cache':5} " + " ".join(f"{f'{size:,} jobs':>27}" for size in sizes))
    for run in runs:
        if run.page is CEILING:
            continue
        cells, costs = [], []
        for size in sizes:
            result = by_size[size][run.key]
            shown = ratio(run.page, run.cache, by_size[size])
            cells.append(f"{result['rate']:7,.0f} {f'{shown[0]:.1%}' if shown else '':>7} "
                         f"{result['cpu']:6.2f} ms")  # fmt: skip
            costs.append(result["cpu"])
        steps = [after / before - 1 for before, after in itertools.pairwise(costs)]
        growth = " ".join(f"{step:+.0%}" for step in steps)
        verdict = "met" if all(step <= GROWTH_TARGET for step in steps) else "MISSED"
        print(f"{run.page.name:24} {run.cache or '-':5} {'   '.join(cells)}   {growth} {verdict}")
    ceilings = (f"{size:,} jobs {by_size[size][CEILING.name, '']['rate']:,.0f}" for size in sizes)
    print(f"\nClient ceiling (req/s): {' | '.join(ceilings)}")


def explain(pages: list[Page]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every query each page runs, as the view runs them (this
    process's cache always misses, so the page is rendered)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for page in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        assert response.status_code == 200, (page.path, response.status_code)
        print(f"\n=== {page.name} ({page.path}): {len(captured)} queries")
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    continue  # what the page reads (a page and its count are one WITH)
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                print(f"\n{query['sql']}\n" + "\n".join(row for (row,) in cursor.fetchall()))


# --- the run -----------------------------------------------------------------------------------


def arguments(description: str, **sizes) -> argparse.Namespace:
    """The bench's options; `sizes` adds the size options of a bench (name: (default, help))."""
    parser = argparse.ArgumentParser(description=description)
    for name, (default, help_text) in sizes.items():
        parser.add_argument(f"--{name}", type=int, nargs="+", default=default, help=help_text)
    parser.add_argument("--seconds", type=float, default=5, help="per page and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", choices=["both", "hit", "miss"], default="both",
                        help="anonymous pages on a cache hit, a miss, or both")  # fmt: skip
    parser.add_argument("--port", type=int, default=8765,
                        help="the first of the bench's ports: the client ceiling's server, "
                        "Redis, then two gunicorns per database")  # fmt: skip
    parser.add_argument("--reuse", action="store_true", help="keep databases of an earlier run")
    args = parser.parse_args()
    args.database_url = os.environ.get("DATABASE_URL", "")
    if not args.database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database name (postgres://...).")
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"The bench needs {tool}: apt-get install {tool} (Debian, Ubuntu) "
                             f"or brew install {tool.split('-')[0]} (macOS).")  # fmt: skip
    args.secret = secrets.token_urlsafe(40)  # shared with gunicorn: the session cookie is valid
    args.static_port, args.redis_port = args.port, args.port + 1
    return args


@dataclass
class Bench:
    """What runs for the whole bench: its Redis, the client-ceiling server and the meter."""

    args: argparse.Namespace
    static: subprocess.Popen
    cache: object  # a redis.Redis client of the bench's Redis
    meter: Meter


def bench_start(stack: contextlib.ExitStack, args, database_url: str) -> Bench:
    """Start the bench's Redis and static server, and set up Django in this process with the
    bench's settings, on a cache that always misses (EXPLAIN renders every page)."""
    import redis

    os.environ.update(environment(database_url, args.redis_port, args.secret, "miss"))
    redis_server = start(stack, ["redis-server", "--port", str(args.redis_port), "--bind",
                                 "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
                         stdout=subprocess.DEVNULL)  # fmt: skip
    cache = redis.Redis(port=args.redis_port)
    for _ in range(50):
        with contextlib.suppress(redis.ConnectionError):
            cache.ping()
            break
        time.sleep(0.1)
    static = start(stack, [sys.executable, "bench/static_server.py", str(args.static_port)])
    wait_until_up(f"http://127.0.0.1:{args.static_port}/", static)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    return Bench(args, static, cache, Meter(redis_server.pid, cache))


def database_prepare(bench: Bench, url: str, generator) -> None:
    """(Re)create the database at `url` and fill it with `generator()`, or reuse it."""
    base_url, name = bench.args.database_url, urlsplit(url).path.lstrip("/")
    reused = bench.args.reuse and database_exists(base_url, name)
    if not reused:
        recreate_database(base_url, name)
    use_database(url)
    print(f"\ndatabase {name}" + (" (reused)" if reused else ""), flush=True)
    if reused:
        # Made by an earlier version of Camino, perhaps: bring its tables up to this one.
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    else:
        generator()


def interleaved(by_database: dict[str, list]) -> list:
    """Each database's runs (the same pages, in the same order) page by page, and database by
    database within a page."""
    return [run for at in zip(*by_database.values(), strict=True) for run in at]


def measure_pages(bench: Bench, urls: list[str], pages: list[Page]) -> dict[str, list[Run]]:
    """Start gunicorn on each database in `urls` (on a cache hit and a miss, as asked, each
    with its own cache), then measure the client's ceiling and every page on every database
    in interleaved rounds: a page runs on each database in turn, one right after the other, so
    that drift in the machine's speed touches all sizes alike. Each database's runs begin
    with the client ceiling's, which they share."""
    args = bench.args
    if len(urls) > REDIS_DATABASES - 1:
        raise SystemExit(f"At most {REDIS_DATABASES - 1} databases: each has its own cache.")
    bench.cache.flushall()
    modes = ["hit", "miss"] if args.cache == "both" else [args.cache]
    ceiling = Run(CEILING, "", f"http://127.0.0.1:{args.static_port}/", bench.static)
    by_url: dict[str, list[Run]] = {url: [] for url in urls}
    with contextlib.ExitStack() as servers:
        for number, url in enumerate(urls):
            gunicorns = {}  # mode: (server, port)
            for mode in ["hit", "miss"] if args.cache != "hit" else ["hit"]:
                port = args.port + 2 + 2 * number + (mode == "miss")
                env = environment(url, args.redis_port, args.secret, mode, cache_db=1 + number)
                gunicorns[mode] = start_gunicorn(servers, port, args.workers, env), port
            use_database(url)  # where the people signed in have their sessions
            for page in pages:
                if page.people:  # cold: every cache read misses, for each person in turn
                    server, port = gunicorns["miss"]
                    cookies = tuple(signed_in_cookie(email) for email in page.people)
                    by_url[url].append(Run(page, "cold", f"http://127.0.0.1:{port}{page.path}",
                                           server, url, cookies=cookies))  # fmt: skip
                    continue
                for mode in modes if page.cached else [""]:
                    server, port = gunicorns[mode or "hit"]
                    cookie = signed_in_cookie(page.who) if page.signed_in else ""
                    by_url[url].append(Run(page, mode, f"http://127.0.0.1:{port}{page.path}",
                                           server, url, cookie))  # fmt: skip
        measure([ceiling, *interleaved(by_url)], bench.meter, args.rounds, args.seconds)
    return {url: [ceiling, *runs] for url, runs in by_url.items()}


def main() -> None:
    args = arguments(__doc__.split("\n")[0], jobs=([10_000], "sizes to measure"))
    sizes = sorted(set(args.jobs))
    urls = {size: database_url_for(args.database_url, size) for size in sizes}
    with contextlib.ExitStack() as stack:
        bench = bench_start(stack, args, urls[sizes[0]])
        for size in sizes:
            database_prepare(bench, urls[size], partial(generate, size))
        runs_of = measure_pages(bench, [urls[size] for size in sizes], PAGES)
        by_size = {size: report_size(f"{size:,} jobs", runs_of[urls[size]], args) for size in sizes}
        if len(sizes) > 1:
            report_growth(sizes, by_size, runs_of[urls[sizes[-1]]])
        explained = EXPLAINED_AT if EXPLAINED_AT in sizes else sizes[-1]
        use_database(urls[explained])
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) at {explained:,} jobs")
        explain([page for page in PAGES if page.name in EXPLAINED])


if __name__ == "__main__":
    main()
