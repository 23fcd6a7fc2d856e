"""Django's Redis cache, failing open: when Redis is down or hung, every call answers at once
as if the cache were empty (a read misses, an add succeeds, a counter starts again), so sign-in,
sign-up, password reset and job reports keep working without their rate limits instead of
answering 500. Sessions, emails and queued work never depend on the cache.

After a failure the cache is left alone for DOWN_FOR seconds, so that requests do not each wait
for the socket timeout. The name ends in "RedisCache" on purpose: code that writes to the
cache's Redis directly (notifications' sent marks) recognises it by that name."""

import logging
import time
from collections.abc import Callable
from functools import wraps

from django.core.cache.backends import redis as django_redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DOWN_FOR = 5.0

# When each Redis (by its server list) may be tried again; shared by the threads of a process.
_down_until: dict[tuple[str, ...], float] = {}


def _fail_open(method: Callable, fallback: Callable) -> Callable:
    """`method` of the cache client, or `fallback` (called with the same arguments) while
    Redis is known to be unreachable or when this call finds it so."""

    @wraps(method)
    def guarded(self, *args):
        servers = tuple(self._servers)
        if time.monotonic() < _down_until.get(servers, 0.0):
            return fallback(*args)
        try:
            return method(self, *args)
        except RedisError as error:
            _down_until[servers] = time.monotonic() + DOWN_FOR
            # The error's type only: its text or the key could name a person or a token.
            logger.warning(
                "Redis cache unavailable (%s): rate limits are off and the cache is bypassed "
                "for %.0f s",
                type(error).__name__,
                DOWN_FOR,
            )
            return fallback(*args)

    return guarded


Client = django_redis.RedisCacheClient


class FailOpenClient(Client):
    # An add "succeeds", so allauth's lock is taken and a first report goes through.
    add = _fail_open(Client.add, lambda key, value, timeout: True)
    get = _fail_open(Client.get, lambda key, default: default)
    set = _fail_open(Client.set, lambda key, value, timeout: None)
    touch = _fail_open(Client.touch, lambda key, timeout: False)
    delete = _fail_open(Client.delete, lambda key: False)
    get_many = _fail_open(Client.get_many, lambda keys: {})
    has_key = _fail_open(Client.has_key, lambda key: False)
    # A counter that cannot be read counts this call only.
    incr = _fail_open(Client.incr, lambda key, delta: delta)
    set_many = _fail_open(Client.set_many, lambda data, timeout: None)
    delete_many = _fail_open(Client.delete_many, lambda keys: None)
    clear = _fail_open(Client.clear, lambda: False)


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenClient
