"""Public pages cached whole for anonymous visitors: the list, search, feed and detail pages of
any publishable type. They are the same for every anonymous visitor, so one rendering is
served to all of them from the default cache (Redis; it fails open, apps/core/cache.py).

A page is stored with its types' *generations*, counters in the cache that services bump
(`pages_changed`) when the transaction that changed what such pages show commits: a
publication workflow transition (the after_transition hook) and every (re)indexing of a
published item (apps/core/indexing.py, called after edits). It is served only while they are
current; they are read with the page, in one round trip. The page's key names today's date,
since items leave the public pages when their date passes, before the expiry task runs.

Only anonymous GETs without a session or pending messages are cached or served from the
cache; people who are signed in always get their own rendering. A cached page holds no
visitor's CSRF token: it is rendered with a placeholder that each visitor's own token
replaces when it is served (the language switcher on every page is a form)."""

import hashlib
import time
from collections.abc import Sequence
from contextlib import suppress
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "camino-page-cache-csrf-token"


def _generation_key(kind: str) -> str:
    return f"pages:{kind}:generation"


def _generations_and(kinds: Sequence[str], key: str | None = None) -> tuple[list[int], Any]:
    """The current generation of each type's pages and, when `key` is given, what the cache
    holds under it: one round trip to the cache."""
    keys = [_generation_key(kind) for kind in kinds]
    found = cache.get_many([*keys, key] if key else keys)
    generations = []
    for generation_key in keys:
        generation = found.get(generation_key)
        if generation is None:
            # Never set, evicted, or Redis is down: start from the clock, so that no page
            # cached under an earlier generation can be served again.
            generation = time.time_ns()
            cache.add(generation_key, generation, timeout=None)
        generations.append(generation)
    return generations, found.get(key) if key else None


def pages_generations(kinds: Sequence[str]) -> list[int]:
    """The current generation of each type's pages, read in one round trip to the cache."""
    return _generations_and(kinds)[0]


def pages_generation(kind: str) -> int:
    """The current generation of a type's pages."""
    return pages_generations([kind])[0]


def _generation_bump(kind: str) -> None:
    # No generation yet (ValueError): pages_generation starts a new one.
    with suppress(ValueError):
        cache.incr(_generation_key(kind))


def pages_changed(model: type[models.Model]) -> None:
    """What the public pages of `model`'s type show has changed: once the current transaction
    commits (bumping earlier, a request could cache what it read before the commit), none of
    those pages cached before is served again."""
    kind = model._meta.label_lower
    transaction.on_commit(lambda: _generation_bump(kind))


def pages_changed_after_transition(*, item: models.Model, **_context) -> None:
    """The after_transition hook: a change of state may add or remove an item from pages."""
    pages_changed(type(item))


def _cacheable(request: HttpRequest, params: frozenset[str]) -> bool:
    """An anonymous GET with nothing of its own: no session, no messages waiting, and only
    the query parameters the page reads (any other, a tracking id say, would be repeated in
    the page's links to everyone)."""
    return (
        settings.PAGE_CACHE_TIMEOUT > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.user.is_authenticated
        and set(request.GET) <= params
    )


def _page_key(request: HttpRequest, kinds: tuple[str, ...]) -> str:
    # Parameters sorted, values as typed: the page shows them back as typed.
    query = sorted((name, request.GET.getlist(name)) for name in request.GET)
    # Host and scheme too: feeds carry absolute links. Hashed, so the key stays short.
    page = repr((request.scheme, request.get_host(), request.path, query, kinds))
    digest = hashlib.sha256(page.encode()).hexdigest()
    return f"pages:{timezone.localdate()}:{get_language()}:{digest}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    """Nothing of this visitor's is in the response: no cookie, no message, no session, and
    no CSRF token (asking for one marks the cookie for update)."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not len(get_messages(request))
        and not (session is not None and session.modified)
    )


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    """The page with this visitor's own CSRF token (which sets their cookie as usual)."""
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in content:
        return content.replace(placeholder, get_token(request).encode())
    return content


def cached_page(
    model: type[models.Model] | Sequence[type[models.Model]], params: frozenset[str] = frozenset()
):
    """Decorate a view of `model`'s public pages, which reads the query parameters `params`
    only, to serve anonymous visitors from the cache. A page that shows several types (a
    career pathway: jobs, trainings, credentials...) names them all: a change to any of them
    renders it again."""
    shown = model if isinstance(model, Sequence) else [model]
    kinds = tuple(sorted({item._meta.label_lower for item in shown}))

    def decorator(view):
        @wraps(view)
        def cached(request: HttpRequest, *args, **kwargs):
            if not _cacheable(request, params):
                return view(request, *args, **kwargs)
            key = _page_key(request, kinds)
            # A page is stored with the generations of its types when it was rendered, and
            # served only while they are current, read in the same round trip as the page.
            generations, stored = _generations_and(kinds, key)
            # The bench measures misses with this header (off unless configured).
            forced_miss = settings.PAGE_CACHE_MISS_HEADER and (
                settings.PAGE_CACHE_MISS_HEADER in request.headers
            )
            if forced_miss or not (stored and stored[0] == generations):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    # A template response: render it with the placeholder, not a token.
                    response.context_data = {
                        **(response.context_data or {}),
                        "csrf_token": CSRF_PLACEHOLDER,
                    }
                    response.render()
                if not _storable(request, response):
                    if not response.streaming:
                        response.content = _with_token(request, response.content)
                    return response
                stored = (generations, response.content, dict(response.headers))
                cache.set(key, stored, settings.PAGE_CACHE_TIMEOUT)
            _generations, content, headers = stored
            return HttpResponse(_with_token(request, content), headers=headers)

        return cached

    return decorator
