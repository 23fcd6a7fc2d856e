"""Settings of the benchmark's gunicorn (bench/jobs_search.py): production settings with the
bench's URLconf, which adds the trivial view. Never used outside the bench."""

import os

from portal.settings.production import *  # noqa: F403
from portal.settings.production import CACHES, DATABASES

ROOT_URLCONF = "bench.urls"

# Keep each worker's database connection for the whole run, so that the CPU time of its
# PostgreSQL backend can be read before and after each page (production reconnects every
# 60 s: one connection a minute, nothing next to thousands of requests).
DATABASES["default"]["CONN_MAX_AGE"] = None

# The cache-miss switch: every cache read misses (rate limits then count nothing: the bench
# never signs in through a form).
if os.environ.get("CAMINO_BENCH_CACHE") == "miss":
    for cache in CACHES.values():
        cache["KEY_FUNCTION"] = "bench.cache.never_the_same_key"
