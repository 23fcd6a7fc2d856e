"""An item's address without a full reverse() per item. A list page links twenty items, and
reverse() walks the URL patterns each time (a tenth of a page's time in bench/jobs_search.py):
the address of one key is found once per URL name, language and URLconf, and the others are
the same address with their key in its place."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# A key no item has, found in the reversed address and replaced by the item's own.
_MARK = 987_654_321_987_654_321


@lru_cache(maxsize=256)
def _around_key(name: str, language: str | None, prefix: str, urlconf: str) -> tuple[str, str]:
    address = reverse(name, kwargs={"pk": _MARK}, urlconf=urlconf)
    before, _mark, after = address.partition(str(_MARK))
    return before, after


def pk_url(name: str, pk: int) -> str:
    """reverse(name, kwargs={"pk": pk}) for a URL whose one argument is an integer key."""
    before, after = _around_key(
        name, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    )
    return f"{before}{int(pk)}{after}"
