"""Mentorship's figure on curation's dashboard (apps.core.dashboard): matches under way."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import Column, Figure, Period
from apps.mentorship.models import Match


def matches(period: Period) -> dict:
    """Per week: the matches active at its end (started by then, not ended by then), and
    those that started in it. One query, one scan of the started matches."""
    aggregates = {}
    for i, (start, end) in enumerate(period.bounds()):
        still_on = Q(ended_at__isnull=True) | Q(ended_at__gte=end)
        aggregates[f"active{i}"] = Count("pk", filter=Q(started_at__lt=end) & still_on)
        aggregates[f"started{i}"] = Count("pk", filter=Q(started_at__gte=start, started_at__lt=end))
    result = Match.objects.filter(started_at__isnull=False).aggregate(**aggregates)
    return {
        start: [result[f"active{i}"], result[f"started{i}"]]
        for i, start in enumerate(period.week_starts)
    }


FIGURES = {
    "matches": Figure(
        _("Mentoring matches"),
        (Column(_("Active at the end of the week")), Column(_("Started"))),
        matches,
    ),
}
