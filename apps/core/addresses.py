"""Addresses without a full reverse() each time. A list page links twenty items and a dozen
pages, and reverse() walks the URL patterns each time (a tenth of a page's time in
bench/jobs_search.py). `address()` remembers what reverse() said for the same name and
arguments, language, URLconf and script prefix: all that its answer depends on. Templates
use it through `{% url %}` (apps/core/templatetags/addresses.py); an item's own address is
its page's address with its key in place (`pk_url`)."""

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.urls import URLResolver, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# A key no item has, found in the reversed address and replaced by the item's own.
_MARK = str(987_654_321_987_654_321)


@lru_cache(maxsize=1024)
def _address(
    resolver: URLResolver, name: str, args: tuple, kwargs: tuple, current_app: str | None,
    prefix: str, language: str | None,
) -> str:  # fmt: skip
    return reverse(name, args=args, kwargs=dict(kwargs), current_app=current_app)


def address(name: str, args=(), kwargs: dict | None = None, current_app: str | None = None) -> str:
    """reverse(name, args=args, kwargs=kwargs, current_app=current_app), remembered. A
    URLconf that is changed (a test's) has a new resolver, and so new addresses."""
    resolver = get_resolver(get_urlconf() or settings.ROOT_URLCONF)
    try:
        return _address(
            resolver, name, tuple(args), tuple(sorted((kwargs or {}).items())), current_app,
            get_script_prefix(), get_language(),
        )  # fmt: skip
    except TypeError:  # an argument that cannot be remembered by (a list, say)
        return reverse(name, args=args, kwargs=kwargs, current_app=current_app)


def pk_addresses(name: str) -> Callable[[int], str]:
    """pk_url(name, pk) for the keys of a page of items: the address found once."""
    before, _mark, after = address(name, kwargs={"pk": _MARK}).partition(_MARK)
    return lambda pk: f"{before}{int(pk)}{after}"


def pk_url(name: str, pk: int) -> str:
    """reverse(name, kwargs={"pk": pk}) for a URL whose one argument is an integer key."""
    return pk_addresses(name)(pk)
