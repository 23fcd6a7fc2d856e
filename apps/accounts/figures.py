"""Accounts' figure on curation's dashboard (apps.core.dashboard): seekers who signed up."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import Column, Figure, Period, weekly_counts


def seekers_signed_up(period: Period) -> dict:
    """Accounts created each week, other than staff and members of a partner organization
    (who sign up to list things, not to look for work). One query."""
    from apps.accounts.models import User

    return weekly_counts(
        User.objects.filter(is_staff=False).exclude(memberships__isnull=False),
        "date_joined", [None, Q(is_active=True)], period,
    )  # fmt: skip


FIGURES = {
    "seekers": Figure(
        _("Seekers who signed up"),
        (Column(_("Signed up")), Column(_("Still active"), charted=False)),
        seekers_signed_up,
    ),
}
