from datetime import timedelta

from django.conf import settings

from apps.core.verification import CheckedType
from tests.testapp.models import Leaflet


def stale_after() -> timedelta:
    # A setting read when asked, as real types do, so a test can change it.
    return timedelta(days=getattr(settings, "TESTAPP_LEAFLET_DAYS", 180))


LEAFLETS = CheckedType(
    model=Leaflet,
    title="Leaflets",
    checked_at="checked_at",
    checked_by="checked_by",
    stale_after=stale_after,
    kept_checked=lambda items: items.filter(listed=True),
)
