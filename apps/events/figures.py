"""Events' figure on curation's dashboard (apps.core.dashboard): who came to events."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import Column, Figure, Period, weekly_counts
from apps.core.models import PublicationStatus
from apps.events.models import HOLDS_A_SEAT, Registration, RegistrationStatus


def attendance(period: Period) -> dict:
    """Per week of the events' start: the seats taken and the people checked in. Events that
    were listed (published, or expired since they took place), through the (status, start)
    index. One query."""
    listed = (PublicationStatus.PUBLISHED, PublicationStatus.EXPIRED)
    return weekly_counts(
        Registration.objects.filter(event__status__in=listed), "event__starts_at",
        [Q(status__in=HOLDS_A_SEAT), Q(status=RegistrationStatus.ATTENDED)], period,
    )  # fmt: skip


FIGURES = {
    "attendance": Figure(
        _("Event attendance"),
        (Column(_("Seats taken")), Column(_("Attended"))),
        attendance,
        description=_("By the week the events took place."),
    ),
}
