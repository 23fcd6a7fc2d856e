"""Settings of the benchmark's gunicorn (bench/jobs_search.py): production settings with the
bench's URLconf, which adds the trivial view. Never used outside the bench."""

import itertools
import os

from portal.settings.production import *  # noqa: F403
from portal.settings.production import CACHES

ROOT_URLCONF = "bench.urls"

# Keep each worker's database connection for the whole run, so that the CPU time of its
# PostgreSQL backend can be read before and after each page (production reconnects every
# 60 s: one connection a minute, nothing next to thousands of requests).
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405

# The cache-miss switch (CAMINO_BENCH_CACHE=miss): every cache key is made unique, so every
# read misses and every page is rendered and written to the cache, as on a miss, whatever keys
# the page cache uses. (Rate limits then count nothing: the bench never signs in by a form.)
_calls = itertools.count()


def never_the_same_key(key, key_prefix, version):
    return f"{key_prefix}:{version}:{key}:miss-{os.getpid()}-{next(_calls)}"


if os.environ.get("CAMINO_BENCH_CACHE") == "miss":
    for cache in CACHES.values():
        cache["KEY_FUNCTION"] = never_the_same_key
