"""The bench's cache-miss switch (bench/settings.py, CAMINO_BENCH_CACHE=miss)."""

import itertools
import os

_calls = itertools.count()


def never_the_same_key(key, key_prefix, version):
    """A cache key function under which no key is ever made twice: every read misses and
    every page is rendered and written to the cache, as on a miss, whatever keys the page
    cache uses."""
    return f"{key_prefix}:{version}:{key}:miss-{os.getpid()}-{next(_calls)}"
