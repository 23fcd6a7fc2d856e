"""Limits on what one person may send to staff (reports of a job, of a mentoring match): one
report of the same thing a day, and a few reports an hour in all, so one person cannot flood
staff. Counted in the cache (Redis in production), by who_is_asking's key."""

import hmac

from allauth.core.internal.ratelimit import get_ip as rate_limited_address
from django.conf import settings
from django.core.cache import cache

REPORTS_PER_HOUR = 5
REPORT_AGAIN_AFTER = 60 * 60 * 24


class ReportLimitReached(Exception):
    """This person has reported this thing already, or too many things lately."""


def who_is_asking(request) -> str:
    """A stable key for rate limits: the account, or a keyed hash of the address (Camino does
    not store visitors' addresses). The address is the one allauth's rate limits count: the
    socket's, or the one the trusted proxies saw (ALLAUTH_TRUSTED_PROXY_COUNT), an IPv6
    address by its /64 (one visitor holds a whole /64)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = rate_limited_address(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), "sha256").hexdigest()
    return f"ip:{digest[:32]}"


def report_allowance_take(*, kind: str, who: str, item_id: int) -> None:
    """Count one report of `kind` ("job", "match") about item `item_id` by `who`, or raise
    ReportLimitReached: the same item reported by the same person within a day, or more than
    REPORTS_PER_HOUR reports of this kind by them within the hour. Call it before writing."""
    once_per_item = f"{kind}-report:{who}:{item_id}"
    per_hour = f"{kind}-reports:{who}"
    if not cache.add(once_per_item, 1, timeout=REPORT_AGAIN_AFTER):
        raise ReportLimitReached
    cache.add(per_hour, 0, timeout=60 * 60)
    if cache.incr(per_hour) > REPORTS_PER_HOUR:
        raise ReportLimitReached
