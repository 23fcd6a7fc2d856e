"""The job search bench (bench/jobs_search.py) is not a test, but what its figures rest on is:
its trivial view is a real Django view that only its URLconf serves, its miss switch makes
every cache read miss, its generator writes jobs that the search finds, and its CPU meter
sees the time a process spends (and the database's backends), as its steal meter sees the
machine's; and a page runs at each size one right after the other."""

import os
import subprocess
import sys
import time

import psycopg
import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import override_settings

from apps.core.indexing import search_entries
from apps.jobs.filters import JobFilters
from apps.jobs.models import Job
from apps.jobs.selectors import jobs_search
from bench.jobs_search import (
    RARE_JOBS,
    cpu_seconds,
    database_backends,
    generate,
    interleaved,
    machine_ticks,
    process_tree,
    stolen_share,
)


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_trivial_view_answers_through_the_middleware(client):
    response = client.get("/bench/ok")
    assert response.status_code == 200
    assert response.content == b"ok"
    # Set by SecurityMiddleware and XFrameOptionsMiddleware: the whole stack ran.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_trivial_view_is_not_in_camino_urls(client):
    assert client.get("/bench/ok").status_code == 404


def test_the_miss_switch_makes_every_read_miss():
    cache = LocMemCache("bench", {"KEY_FUNCTION": "bench.cache.never_the_same_key"})
    cache.set("page", "html")
    assert cache.get("page") is None
    # The page cache's generation counters exist in production: they keep their keys.
    cache.set("pages:jobs.job:generation", 7)
    assert cache.get("pages:jobs.job:generation") == 7


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_generator_writes_jobs_that_the_search_finds():
    generate(100)
    assert Job.objects.published().count() == 100
    assert search_entries["jobs.job"].entry.objects.count() == 100
    # The rare word is in RARE_JOBS jobs at any size; a common word, in one of six others.
    assert jobs_search(JobFilters.build(q="apicultor")).count() == RARE_JOBS
    assert jobs_search(JobFilters.build(q="ayudante")).count() > 10


def test_the_cpu_meter_counts_a_child_process():
    busy = (
        "import time\nend = time.process_time() + 0.5\nwhile time.process_time() < end: pass\n"
        "print('busy', flush=True)\ntime.sleep(30)"
    )
    child = subprocess.Popen([sys.executable, "-c", busy], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "busy\n"
        assert child.pid in process_tree(os.getpid())
        # /proc counts in clock ticks, sampled: near the time spent, not exact.
        assert cpu_seconds(process_tree(child.pid))[child.pid] >= 0.4
    finally:
        child.kill()
        child.wait()


def test_the_steal_meter_reads_the_machines_ticks_as_they_pass():
    before = machine_ticks()
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        pass
    after = machine_ticks()
    # Every CPU's ticks are counted, sampled 100 times a second or so: a busy 0.3 s adds
    # at least a few dozen; steal is a part of them.
    assert after[1] - before[1] >= 20
    assert 0 <= after[0] - before[0] <= after[1] - before[1]
    assert 0.0 <= stolen_share(before, after) <= 1.0
    assert stolen_share((5, 100), (35, 200)) == pytest.approx(0.3)
    assert stolen_share(before, before) == 0.0  # no time between: nothing stolen


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_cpu_meter_finds_the_backends_of_the_database_it_is_asked_about():
    name = connection.settings_dict["NAME"]
    with psycopg.connect(dbname=name, **{
        key: value for key, value in connection.get_connection_params().items()
        if key in ("host", "port", "user", "password")
    }) as other:  # fmt: skip
        pid = other.info.backend_pid
        assert pid in database_backends(name)
        assert pid not in database_backends(f"{name}_elsewhere")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] not in database_backends(name)  # the bench's own


def test_a_page_runs_at_each_size_one_right_after_the_other():
    by_size = {
        "10,000": [("list", "10,000"), ("word", "10,000")],
        "100,000": [("list", "100,000"), ("word", "100,000")],
    }
    assert interleaved(by_size) == [
        ("list", "10,000"), ("list", "100,000"), ("word", "10,000"), ("word", "100,000")
    ]  # fmt: skip
    with pytest.raises(ValueError):  # every size measures the same pages
        interleaved({"10,000": [("list", "10,000")], "100,000": []})
