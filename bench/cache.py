"""The bench's cache-miss switch (bench/settings.py, CAMINO_BENCH_CACHE=miss)."""

import itertools
import os

_calls = itertools.count()


def never_the_same_key(key, key_prefix, version):
    """A cache key function under which no key is made twice, but for the page cache's
    generation counters: every page read misses and every page is rendered and written to
    the cache, as on a miss. The counters are read on every request, as always; they keep
    their keys because in production they exist (apps/core/pagecache.py), and a counter read
    that missed would add a write to every request that no visitor's miss makes."""
    if key.startswith("pages:") and key.endswith(":generation"):
        return f"{key_prefix}:{version}:{key}"
    return f"{key_prefix}:{version}:{key}:miss-{os.getpid()}-{next(_calls)}"
